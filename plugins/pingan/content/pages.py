"""Pages of the site as files: front matter split from the body, fenced code, which pages
are lessons. One place for these rules; plain Python (no MkDocs import)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_FRONT_START_RE = re.compile(r"-{3}[ \t]*\n")
#: As MkDocs reads front matter (mkdocs.utils.meta.YAML_RE).
_FRONT_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


@dataclass(frozen=True)
class FrontMatter:
    """Where a page's front matter is, split from its body."""

    #: the YAML between the ``---`` lines (None when the page has none).
    yaml_text: str | None
    #: the Markdown after the front matter.
    body: str
    #: 1-based line of the file where ``body`` starts.
    body_line: int
    #: True when the file starts with ``---`` but no closing line was found.
    unclosed: bool = False


def split_front_matter(text: str) -> FrontMatter:
    """Split ``text`` (newlines already ``\\n``) into front matter and body, as MkDocs does."""
    m = _FRONT_RE.match(text)
    if m:
        return FrontMatter(m.group(1), text[m.end() :], text.count("\n", 0, m.end()) + 1)
    unclosed = bool(_FRONT_START_RE.match(text))
    return FrontMatter(None, text, 1, unclosed=unclosed)


def fenced_lines(text: str) -> set[int]:
    """1-based numbers of the lines inside fenced code blocks (examples, not content)."""
    inside: set[int] = set()
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        m = _FENCE_RE.match(line)
        if fence is None:
            if m:
                fence = m.group(1)
                inside.add(number)
        else:
            inside.add(number)
            closing = m.group(1) if m else ""
            if closing[:1] == fence[0] and len(closing) >= len(fence) and line.strip() == closing:
                fence = None
    return inside


def is_lesson(path: Path, content_dir: Path) -> bool:
    """True for ``content/<lang>/lessons/**/*.md`` except ``index.md``."""
    try:
        parts = path.relative_to(content_dir).parts
    except ValueError:
        return False
    return len(parts) >= 3 and parts[1] == "lessons" and path.suffix == ".md" and path.name != "index.md"


def iter_lessons(content_dir: Path) -> Iterator[Path]:
    """Every lesson file under ``content_dir`` (``<lang>/lessons/…``), sorted by path."""
    content_dir = Path(content_dir)
    found = [p for p in content_dir.glob("*/lessons/**/*.md") if p.is_file() and is_lesson(p, content_dir)]
    yield from sorted(found, key=lambda p: p.as_posix())
