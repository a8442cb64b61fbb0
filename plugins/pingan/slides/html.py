"""Lesson HTML as slides see it: top-level blocks, ``## `` sections, URLs one folder deeper.

A small tolerant scanner for the well-formed HTML Markdown produces. Plain Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

TAG_RE = re.compile(
    r"<!--.*?-->"
    r"|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s>=/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*(/?)>",
    re.S,
)
_HEADERLINK_RE = re.compile(r'<a\b[^>]*\bclass="headerlink"[^>]*>.*?</a>', re.S)
_SCRIPT_RE = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.S | re.I)
_URL_ATTR_RE = re.compile(r'(\s(?:href|src)=)"([^"]*)"')
_STRIP_TAGS_RE = re.compile(r"<[^>]+>")
_ID_RE = re.compile(r'\bid="([^"]*)"')
_LI_OPEN_RE = re.compile(r"<li\b")
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_RAW = frozenset({"script", "style", "textarea", "pre"})
_TAG_NAME_RE = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_H2_TAGS_RE = re.compile(r"^<h2\b[^>]*>|</h2\s*>$")


@dataclass(frozen=True)
class Section:
    """One ``## `` section of a lesson: its heading and what follows it, as HTML."""

    heading: str
    """The heading's inner HTML, without its permalink anchor ("" for the introduction)."""
    heading_id: str
    body: str
    parts: tuple[str, ...] = ()
    """The top-level blocks of ``body``, as :func:`split_sections` found them (so that no one
    scans the body again)."""


# -- lesson HTML ------------------------------------------------------------------------


def scan(html: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level node of ``html``: elements and runs of text.

    A small tolerant scanner for the well-formed HTML Markdown produces: it keeps
    the source text untouched, skips comments, and does not look inside
    ``<script>``, ``<style>``, ``<textarea>`` or ``<pre>``.
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    pos = 0
    for m in TAG_RE.finditer(html):
        if m.start() < pos:
            continue  # inside a raw element already consumed
        if depth == 0 and html[pos : m.start()].strip():
            spans.append((pos, m.start()))
        closing, name, selfclose = m.group(1), (m.group(2) or "").lower(), m.group(4)
        pos = m.end()
        if not name:  # a comment
            continue
        if closing:
            if depth > 0:
                depth -= 1
                if depth == 0:
                    spans.append((start, m.end()))
            continue
        if depth == 0:
            start = m.start()
        if name in _RAW and not selfclose:
            close = re.compile(rf"</{name}\s*>", re.I).search(html, m.end())
            pos = close.end() if close else len(html)
            if depth == 0:
                spans.append((start, pos))
        elif name in VOID or selfclose:
            if depth == 0:
                spans.append((start, m.end()))
        else:
            depth += 1
    if depth > 0:  # unclosed: keep the rest as one node
        spans.append((start, len(html)))
    elif html[pos:].strip():
        spans.append((pos, len(html)))
    return spans


def blocks(html: str) -> list[str]:
    """The top-level nodes of ``html`` as strings (whitespace between them dropped)."""
    return [html[a:b] for a, b in scan(html) if html[a:b].strip()]


def tag_name(block: str) -> str:
    m = _TAG_NAME_RE.match(block)
    return m.group(1).lower() if m else ""


def split_sections(html: str) -> tuple[str, list[Section]]:
    """Cut a lesson's HTML at each top-level ``<h2>``.

    Returns the introduction (everything before the first ``<h2>``, minus an
    ``<h1>``) and the sections in order, each with its blocks. Permalink anchors (``a.headerlink``)
    are dropped from headings.
    """
    intro: list[str] = []
    sections: list[Section] = []
    heading: str | None = None
    heading_id = ""
    body: list[str] = []
    for block in blocks(html):
        name = tag_name(block)
        if name == "h2":
            if heading is not None:
                sections.append(Section(heading, heading_id, "\n".join(body), tuple(body)))
            inner = _H2_TAGS_RE.sub("", block.strip())
            heading = _HEADERLINK_RE.sub("", inner).strip()
            found = _ID_RE.search(block[: block.find(">") + 1])
            heading_id = unescape(found.group(1)) if found else ""
            body = []
        elif heading is None:
            if name != "h1":
                intro.append(block)
        else:
            body.append(block)
    if heading is not None:
        sections.append(Section(heading, heading_id, "\n".join(body), tuple(body)))
    return "\n".join(intro), sections


def rebase_urls(html: str, prefix: str = "../") -> str:
    """Prefix relative ``href``/``src`` values, for HTML moved one folder deeper.

    Links to other hosts, to the site root (``/…``), to this page (``#…``) and
    ``tel:``/``mailto:`` links stay as they are.
    """

    def fix(m: re.Match[str]) -> str:
        url = m.group(2)
        if not url or url.startswith(("#", "/", "?")) or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url):
            return m.group(0)
        return f'{m.group(1)}"{prefix}{url}"'

    return _URL_ATTR_RE.sub(fix, html)


def clean(html: str) -> str:
    """Lesson HTML for a slide: no scripts, no permalink anchors."""
    return _HEADERLINK_RE.sub("", _SCRIPT_RE.sub("", html))


def plain_text(html: str) -> str:
    """The text of ``html``, tags dropped, entities decoded, white space collapsed."""
    return " ".join(unescape(_STRIP_TAGS_RE.sub(" ", html)).split())
