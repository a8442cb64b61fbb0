"""Find the system Chromium for the browser tests (Playwright cannot download one here).

Order: ``PLAYWRIGHT_CHROMIUM_EXECUTABLE`` if set, then the usual names. With
``--install``, a missing browser is installed from Debian's ``chromium``
package when running as root; otherwise it stops and says how to get one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

#: Flags for a machine without internet: stop Chromium phoning home on its own.
LAUNCH_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-dev-shm-usage",
]


def find_chromium() -> str | None:
    """Path of a Chromium or Chrome executable, or None."""
    env = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE")
    if env:
        return env if os.access(env, os.X_OK) else None
    for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.access(path, os.X_OK):
            return path
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _install() -> int:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.stderr.write(
            "No Chromium found for the browser tests.\n"
            "Install one (Debian/Ubuntu: sudo apt-get install chromium), or set\n"
            "PLAYWRIGHT_CHROMIUM_EXECUTABLE=/path/to/chromium and run make test again.\n"
        )
        return 1
    sys.stderr.write("No Chromium found: installing Debian's chromium package…\n")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
    return 0 if find_chromium() else 1


if __name__ == "__main__":
    path = find_chromium()
    if path:
        print(f"Chromium for browser tests: {path}")
        sys.exit(0)
    if "--install" in sys.argv:
        sys.exit(_install())
    sys.exit(1)
