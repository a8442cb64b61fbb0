"""The offline bundle: the whole site in one zip that works from a USB stick (file://).

``make bundle`` runs ``python -m pingan.cli.bundle``. It builds the site with
Material's offline plugin turned on (``OFFLINE=true``: links end in ``.html``,
search loads its index as a script), checks it like every build, and zips it as
``dist/pingan-classroom-<version>-<YYYYMMDD>.zip``. Teachers unzip it on a Windows
or Linux PC and open ``index.html``: no server and no internet needed.
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import sys
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

from pingan.cli.publish import publish

log = logging.getLogger("pingan.bundle")

#: Shown first in the zip: what to do with it.
README = """\
平安课堂 · Ping'an Classroom {version}

打开本文件夹里的 index.html 即可使用，不需要网络，也不需要安装任何软件。
Open index.html in this folder. No internet connection or installation is needed.
"""


def bundle_name(version: str, day: datetime.date) -> str:
    """``pingan-classroom-0.1.0-20261129``: the release and the day it was made."""
    return f"pingan-classroom-{version}-{day:%Y%m%d}"


def make_bundle(config_file: Path, out_dir: Path, *, day: datetime.date | None = None) -> Path:
    """Build the offline site and zip it into ``out_dir``; return the zip's path."""
    version = metadata.version("pingan-classroom")
    name = bundle_name(version, day or datetime.date.today())
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = os.environ.get("OFFLINE")
    os.environ["OFFLINE"] = "true"  # mkdocs.yml: offline: enabled: !ENV [OFFLINE, false]
    try:
        with tempfile.TemporaryDirectory(prefix="pingan-bundle-") as tmp:
            site = Path(tmp) / name
            publish(config_file, site)
            (site / "README.txt").write_text(README.format(version=version), encoding="utf-8")
            target = out_dir / f"{name}.zip"
            partial = target.with_suffix(".zip.part")
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
                for path in sorted(site.rglob("*")):
                    if path.is_file():
                        zf.write(path, Path(name) / path.relative_to(site))
            partial.replace(target)  # a failed run never leaves a half-written zip behind
    finally:
        if previous is None:
            os.environ.pop("OFFLINE", None)
        else:
            os.environ["OFFLINE"] = previous
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m pingan.cli.bundle [-f mkdocs.yml] [-o dist]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-o", "--out-dir", type=Path, default=Path("dist"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    from mkdocs.exceptions import MkDocsException

    try:
        target = make_bundle(args.config_file, args.out_dir)
    except (MkDocsException, OSError) as exc:
        log.error("The bundle was not made: %s", exc)
        return 1
    size = target.stat().st_size / 1024 / 1024
    log.info("Offline bundle: %s (%.1f MB). Unzip it and open index.html.", target, size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
