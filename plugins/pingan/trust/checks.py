"""The trust checks of ``make check``: lesson HTML and invisible characters, for a whole project.

The build runs the same functions page by page (``pingan.mkdocs.trust.plugin``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pingan.content.pages import split_front_matter
from pingan.core.problems import Problem
from pingan.trust.invisible import check_invisible
from pingan.trust.lesson_html import check_lesson_html

__all__ = ["check_page", "check_trust"]


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def check_page(
    shown: str,
    source: str,
    rendered_html: str | None = None,
    *,
    extensions: Sequence[Any] | None = None,
    extension_configs: dict[str, Any] | None = None,
) -> list[Problem]:
    """One page: HTML outside the allowlist (errors), invisible characters in its front matter (warnings)."""
    problems = check_lesson_html(
        shown, source, rendered_html, extensions=extensions, extension_configs=extension_configs
    )
    fm = split_front_matter(source.replace("\r\n", "\n").replace("\r", "\n"))
    if fm.yaml_text is not None:
        problems += check_invisible(shown, fm.yaml_text, first_line=2, what="the front matter (title, description …)")
    return problems


def check_trust(
    root: Path,
    pages: Iterable[Path],
    data_files: Iterable[Path | None],
    *,
    extensions: Sequence[Any] | None = None,
    extension_configs: dict[str, Any] | None = None,
) -> list[Problem]:
    """Every page's HTML and front matter, and the titles and labels of ``data_files``.

    ``data_files``: mkdocs.yml (site name, navigation titles), hotlines.yml and the
    edition files (labels, contacts, site names); missing ones are skipped.
    """
    problems: list[Problem] = []
    for path in pages:
        try:
            source = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the other checks
        problems += check_page(_shown(path, root), source, extensions=extensions, extension_configs=extension_configs)
    for path in dict.fromkeys(p for p in data_files if p is not None):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        problems += check_invisible(_shown(path, root), text.replace("\r\n", "\n"), what="this title or label")
    return problems
