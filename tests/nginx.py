"""Find Debian's nginx for the serving test; ``--install`` installs it (and its brotli module) when missing.

Follows tests/chromium.py: as root with apt-get, the packages are installed;
otherwise it says how.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGES = ["nginx-light", "libnginx-mod-http-brotli-static"]
BROTLI_MODULE = Path("/etc/nginx/modules-enabled/50-mod-http-brotli-static.conf")


def find_nginx() -> str | None:
    """Path of the nginx executable, or None."""
    for path in ("/usr/sbin/nginx", shutil.which("nginx")):
        if path and os.access(path, os.X_OK):
            return path
    return None


def _install() -> int:
    if find_nginx() and BROTLI_MODULE.exists():
        return 0
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.stderr.write("The serving test needs nginx: sudo apt-get install " + " ".join(PACKAGES) + "\n")
        return 1
    sys.stderr.write("Installing Debian's nginx for the serving test…\n")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *PACKAGES], check=True, env=env)
    # The package starts a default server on port 80; the test runs its own.
    subprocess.run(["service", "nginx", "stop"], check=False, env=env, capture_output=True)
    return 0 if find_nginx() else 1


if __name__ == "__main__":
    if "--install" in sys.argv:
        sys.exit(_install())
    print(find_nginx() or "")
