"""Find Debian's nginx for the serving test; ``--install`` installs it (and its brotli module) when missing.

Follows tests/chromium.py: as root with apt-get, the packages are installed;
otherwise it says how.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

PACKAGES = ["nginx", "libnginx-mod-http-brotli-static"]
DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
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
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends"]
    subprocess.run([*install, PACKAGES[0]], check=True, env=env)
    # The brotli module is optional (the test then checks that gzip is served instead).
    subprocess.run([*install, *PACKAGES[1:]], check=False, env=env)
    # The package starts a default server on port 80; the test runs its own.
    subprocess.run(["service", "nginx", "stop"], check=False, env=env, capture_output=True)
    return 0 if find_nginx() else 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def run_nginx(site_dir: Path, conf: Path) -> Iterator[tuple[str, int]]:
    """deploy/ copied to ``conf`` and set up as a bureau would (root, brotli where the module is),
    listening on a free 127.0.0.1 port; yields (host, port)."""
    assert _install() == 0, "nginx could not be installed (make test installs it)"
    for path in DEPLOY.rglob("*"):
        if path.is_file():
            target = conf / path.relative_to(DEPLOY)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    if BROTLI_MODULE.exists():
        (conf / "brotli.d" / "brotli.conf").symlink_to(conf / "brotli.conf")
    port = _free_port()
    for name in ("nginx.conf", "pingan-site.conf", "pingan-headers.conf"):
        text = (conf / name).read_text()
        text = text.replace("/srv/pingan/site", str(site_dir))
        text = text.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("listen [::]:80;\n", "")
        text = text.replace("/run/nginx-pingan.pid", str(conf / "nginx.pid"))
        text = re.sub(r"/var/log/nginx/", str(conf) + "/", text)
        if name == "nginx.conf":
            text = "user root;\n" + text  # the test's folders are readable by root only
        (conf / name).write_text(text)
    nginx = find_nginx() or "/usr/sbin/nginx"
    check = subprocess.run([nginx, "-t", "-c", str(conf / "nginx.conf")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([nginx, "-c", str(conf / "nginx.conf"), "-g", "daemon off;"])
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield "127.0.0.1", port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    if "--install" in sys.argv:
        sys.exit(_install())
    print(find_nginx() or "")
