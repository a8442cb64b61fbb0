"""``make check``: every problem an editor can fix, in one run, without building the site.

Usage::

    python -m pingan.cli.check [--root DIR] [--today YYYY-MM-DD]

It runs the one validation pass (:func:`pingan.validate.run_check`), the same that the
build runs before it writes anything. It reads ``mkdocs.yml`` in ``DIR`` (default: the
current folder) for the content folder, the site languages, the quiz folder and the
hotline file, then checks:

- the settings (``pingan.content.config_checks``): ``nav:`` entries, the options of our
  plugins and of mkdocs-static-i18n, language folders the site does not build, symbolic
  link loops under the content;
- every lesson's front matter and body (``pingan.content.lessons``), and a ``[[quiz …]]``
  line written so that it would show as text (``pingan.quiz.refs``);
- every quiz file (``pingan.quiz.loader``), with its ``{{ contact.x }}`` placeholders;
- every ``[[quiz <id>]]`` line in any page names an existing quiz;
- every relative link ``[text](page.md#part)``: the page exists (in the same
  language folder, or in the default language's folder as the site falls back
  to it) and so does the part, with the ids the build gives headings (the
  Markdown is rendered with the extensions of ``mkdocs.yml``);
- images have a description (alt text);
- every ``{{ contact.<name> }}`` placeholder names a contact of the hotline
  (or edition) file;
- the hotline file (and an edition file, ``plugins: pingan-site: edition:``);
- every language of ``mkdocs.yml`` has a content folder and interface
  translations.
- each language's Sources page (``content/<lang>/sources.md``) lists what the lessons
  cite, as ``make sources`` writes it (``pingan.content.sources``).

Output: one line per problem, ``path:line: message`` (a warning's message
starts with ``warning: ``), sorted by path and line, then a summary line.
Exit status 1 when there is any error, 0 otherwise (warnings alone pass).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from pingan.validate import run_check

__all__ = ["main"]


def _output(lines: Iterable[str]) -> None:
    """The CLI's only output: one line each, on standard output."""
    for line in lines:
        print(line)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the check from the command line; the exit status (1 when there is an error)."""
    parser = argparse.ArgumentParser(
        prog="python -m pingan.cli.check",
        description="Check lessons, quizzes, links, hotlines and languages; list every problem as path:line: message.",
    )
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the project folder (with mkdocs.yml); default: here"
    )
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="check review dates as if today were this day (e.g. to see what will be out of date)",
    )
    args = parser.parse_args(argv)
    report = run_check(args.root, today=args.today)
    _output(report.lines())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
