"""Third-party npm tools some tests use, installed into the git-ignored .cache/node/.

``python tests/node_tools.py --install`` (run by ``make test``) installs the exact
versions below with Debian's ``npm`` when missing; :func:`module_path` finds one.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = ROOT / ".cache" / "node"
#: name -> exact version (MIT): a GIFT parser no one here wrote.
PACKAGES = {"gift-pegjs": "1.0.2"}


def module_path(name: str) -> Path:
    """Where the package is (it may not be installed yet)."""
    return PREFIX / "node_modules" / name


def install() -> int:
    """Install what is missing; 0 when everything is there."""
    missing = [f"{n}@{v}" for n, v in PACKAGES.items() if not (module_path(n) / "package.json").is_file()]
    if not missing:
        return 0
    if not shutil.which("npm"):
        import os

        if os.geteuid() != 0 or not shutil.which("apt-get"):
            sys.stderr.write("npm is needed for the export tests: apt-get install npm, then make test again.\n")
            return 1
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "nodejs", "npm"], check=True, env=env)
    PREFIX.mkdir(parents=True, exist_ok=True)
    cmd = ["npm", "install", "--no-audit", "--no-fund", "--save-exact", "--prefix", str(PREFIX), *missing]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(install() if "--install" in sys.argv else 0)
