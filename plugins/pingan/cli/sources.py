"""``make sources``: rewrite the Sources page of each language (``content/<lang>/sources.md``)
from the ``sources:`` of the lessons' front matter.

Usage::

    python -m pingan.cli.sources [--root DIR]

Each page keeps its head, its groups and each source's line as written; the list of sources
and the lessons under each come from the lessons (:mod:`pingan.content.sources`). ``make
check`` reports a page this would change. Nothing is written while a lesson's front matter
cannot be read: its sources would be missing from the page.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pingan.content.sources import write_sources_pages
from pingan.validate import run_check

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Write the Sources pages; the exit status (1 when a lesson cannot be read)."""
    parser = argparse.ArgumentParser(
        prog="python -m pingan.cli.sources",
        description="Rewrite content/<lang>/sources.md from the sources: of the lessons' front matter.",
    )
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the project folder (with mkdocs.yml); default: here"
    )
    args = parser.parse_args(argv)
    report = run_check(args.root)
    site = report.site
    unread = [p for lesson in site.lessons.values() if lesson.meta is None for p in lesson.problems] if site else []
    if site is None or unread:
        for problem in unread or report.errors:
            sys.stdout.write(f"{problem}\n")
        sys.stdout.write("Nothing was written: fix the front matter above first (make check lists every problem).\n")
        return 1
    written = write_sources_pages(site)
    for path in written:
        sys.stdout.write(f"wrote {site.settings.shown(path)}\n")
    if not written:
        sys.stdout.write("The Sources pages are up to date.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
