"""Build the site safely: into a new folder first, and replace ``site/`` only when all went well.

``make build`` runs ``python -m pingan.cli.publish``. It first runs the check ``make check``
runs (:func:`pingan.validate.run_check`), before MkDocs reads mkdocs.yml, so every error
is named with its file and line, exactly as ``make check`` names it; the build then reuses
what the check read. A failed build (a broken lesson, a bad quiz, a warning under
``--strict``) leaves the previous ``site/`` exactly as it was and says why, so a web
server never serves a half-written site.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from pingan.trust.publish_lock import build_lock

log = logging.getLogger("pingan.publish")


def publish(config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Build ``config_file`` into a fresh folder beside ``site_dir``, then swap it in.

    Raises whatever the build raised; ``site_dir`` is then untouched.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # One build at a time (a second one waits); leftovers of a killed build are removed.
    with build_lock(site_dir):
        _build_and_swap(config_file, site_dir, strict=strict)


def _build_and_swap(config_file: Path, site_dir: Path, *, strict: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    from pingan.mkdocs import state
    from pingan.validate import run_check

    report = run_check(config_file.resolve().parent)
    if not report.ok:
        raise PluginError(state.refusal(report))
    state.remember(config_file.resolve().parent, report)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        config = load_config(config_file=str(config_file), site_dir=str(staging), strict=strict)
        build(config)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # Swap: two renames on the same file system, so there is no moment without a site.
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m pingan.cli.publish [-f mkdocs.yml] [-d site]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-d", "--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--no-strict", dest="strict", action="store_false")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    from mkdocs.exceptions import MkDocsException

    try:
        publish(args.config_file, args.site_dir, strict=args.strict)
    except MkDocsException as exc:
        log.error("The build failed, so %s/ was left as it was.\n%s", args.site_dir, exc)
        return 1
    except Exception as exc:
        log.error("The build failed, so %s/ was left as it was: %s: %s", args.site_dir, type(exc).__name__, exc)
        return 1
    log.info("Published to %s/", args.site_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
