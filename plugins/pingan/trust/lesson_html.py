"""The HTML a lesson may contain: Markdown, plus a short allowlist, enforced with nh3.

Lessons are Markdown. The few HTML elements lessons need (a fold-out answer, a
figure with its caption, a key to press, an abbreviation) are allowed; the
list is :data:`ALLOWED_TAGS` and AUTHORING.md explains it to editors. Anything
else is a problem with its file and line: ``<script>``, ``<iframe>``,
``<object>``, ``<embed>``, ``<style>``, ``<base>``, ``<form>``, ``on…=``
attributes, and ``javascript:``/``vbscript:``/``data:`` addresses in links and
images, whether written in HTML or Markdown (inline links, reference
definitions), in any letter case, with entities or whitespace in the scheme.

The decision is nh3's (the Ammonia sanitizer): each start tag is passed
through ``nh3.clean`` with our allowlist, and whatever it removes is a
problem. Two passes find every such tag with its line:

1. the Markdown source, read with the standard library's HTML tokenizer, which
   knows the line of each tag (code blocks, code spans and comments are
   blanked first: HTML shown as code is text);
2. the HTML the page renders to (given by the build, or rendered here with the
   site's Markdown extensions), which also holds what Markdown made: links,
   images, ``{: attributes }``. Its problems not found in pass 1 are placed
   on the source line that holds their tag, attribute or address.

Plain Python: no MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

import nh3

from pingan.content.pages import fenced_lines, split_front_matter
from pingan.core.problems import Problem

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "URL_SCHEMES",
    "Finding",
    "check_lesson_html",
    "find_unsafe",
    "sanitize",
]

#: Elements Markdown produces (with the site's extensions), and the few a lesson may write itself.
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        # what Markdown and its extensions write
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "a",
        "img",
        "em",
        "strong",
        "code",
        "pre",
        "blockquote",
        "hr",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "div",
        "span",
        "dl",
        "dt",
        "dd",
        # what a lesson may write in HTML
        "details",
        "summary",
        "figure",
        "figcaption",
        "kbd",
        "abbr",
        "mark",
        "small",
        "sub",
        "sup",
        "del",
        "ins",
        "s",
        "q",
        "cite",
        "time",
        "bdi",
        "bdo",
        "ruby",
        "rt",
        "rp",
        "caption",
        "wbr",
    }
)
#: ``markdown`` is md_in_html's switch (``<div markdown>``); it never reaches the page.
_GLOBAL_ATTRIBUTES = {"id", "class", "title", "lang", "dir", "markdown", "role"}
#: Accessibility attributes (aria-label, aria-hidden …) are allowed on every element.
_GLOBAL_PREFIXES = {"aria-"}
#: Attributes allowed besides id, class, title, lang and dir (allowed everywhere).
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GLOBAL_ATTRIBUTES,
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "details": {"open"},
    "th": {"colspan", "rowspan", "style", "align"},
    "td": {"colspan", "rowspan", "style", "align"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
#: Schemes a link or image may use; relative addresses (``../x.md``, ``#part``) are fine too.
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
#: Elements the HTML parser only accepts inside a table: checked inside one.
_TABLE_WRAP = {
    "td": "<table><tbody><tr>{}</tr></tbody></table>",
    "th": "<table><tbody><tr>{}</tr></tbody></table>",
    "tr": "<table><tbody>{}</tbody></table>",
    "thead": "<table>{}</table>",
    "tbody": "<table>{}</table>",
    "caption": "<table>{}</table>",
}
#: Why some elements are refused, for the message.
_WHY = {
    "script": "a script would run in every reader's browser",
    "style": "a style block can change or hide any part of the site",
    "iframe": "it shows another site inside the lesson",
    "frame": "it shows another site inside the lesson",
    "object": "it loads a plug-in or another page",
    "embed": "it loads a plug-in or another page",
    "base": "it changes where every link of the page leads",
    "form": "it could send what readers type to someone else",
    "input": "forms do not belong in a lesson",
    "button": "buttons that do something need a script",
    "svg": "SVG can carry scripts; use a picture file with ![description](file.svg) instead",
    "math": "MathML can carry links that run scripts",
    "link": "it loads files from elsewhere",
    "meta": "it can redirect the page",
}
_CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_SPACE_RE = re.compile(r"[\x00-\x20\x7f]+")


def _keep_id(tag: str, attribute: str, value: str) -> str | None:
    """Ids and names starting with "__" belong to Material's own elements (``__config``)."""
    if attribute in ("id", "name") and value.startswith("__"):
        return None
    return value


def sanitize(fragment: str) -> str:
    """``fragment`` with everything outside the allowlist removed (nh3)."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=False,
        filter_style_properties={"text-align"},
        attribute_filter=_keep_id,
        generic_attribute_prefixes=set(_GLOBAL_PREFIXES),
    )


@dataclass(frozen=True)
class Finding:
    """One thing nh3 removed from a start tag: the whole tag (``attribute`` None) or one attribute."""

    tag: str
    attribute: str | None = None
    value: str = ""

    @property
    def key(self) -> tuple[str, str | None, str]:
        return (self.tag, self.attribute, _normal(self.value))

    def message(self) -> str:
        """What is wrong and what to do, for editors."""
        rule = "; AUTHORING.md lists the HTML a lesson may use"
        if self.attribute is None:
            why = _WHY.get(self.tag, "it is not on the list of HTML a lesson may use")
            return f"<{self.tag}> is not allowed in a lesson ({why}): remove it{rule}"
        if self.attribute.startswith("on"):
            return (
                f'the attribute {self.attribute}="…" on <{self.tag}> is not allowed: it runs a script '
                f"when readers touch or load the element; remove it{rule}"
            )
        if self.attribute in _URL_ATTRIBUTES:
            shown = " ".join(self.value.split())
            shown = shown if len(shown) <= 60 else shown[:57] + "…"
            scheme = _scheme(self.value)
            return (
                f'the address "{shown}" is not allowed'
                + (f' (addresses starting "{scheme}:" can run scripts or hide content)' if scheme else "")
                + ": link only to pages of this site or to http(s)://, mailto: or tel: addresses"
            )
        if self.attribute in ("id", "name") and self.value.startswith("__"):
            return f'the {self.attribute} "{self.value}" is reserved for the site\'s own elements: choose a name that does not start with "__"'
        return f'the attribute {self.attribute}="…" is not allowed on <{self.tag}>: remove it{rule}'


def _normal(text: str) -> str:
    """Text as a browser reads an address: entities decoded, spaces and controls dropped, lower case."""
    return _SPACE_RE.sub("", html.unescape(text)).lower()


def _scheme(url: str) -> str:
    normal = _normal(url)
    head, colon, _ = normal.partition(":")
    return head if colon and re.fullmatch(r"[a-z][a-z0-9+.-]*", head) else ""


class _StartTags(HTMLParser):
    """Every start tag of a text: (name, attributes, the tag as written, line)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]], str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs, self.get_starttag_text() or "", self.getpos()[0]))

    handle_startendtag = handle_starttag


def _start_tags(text: str) -> list[tuple[str, list[tuple[str, str | None]], str, int]]:
    parser = _StartTags()
    parser.feed(text)
    parser.close()
    return parser.tags


@lru_cache(maxsize=4096)
def _removed(tag: str, written: str) -> tuple[str, ...]:
    """Names of the attributes nh3 removes from one start tag; ("",) when it removes the tag."""
    if tag not in ALLOWED_TAGS:
        return ("",)
    fragment = _TABLE_WRAP.get(tag, "{}").format(written)
    kept = next((t for t in _start_tags(sanitize(fragment)) if t[0] == tag), None)
    if kept is None:
        return ("",)
    before = {name for name, _ in _start_tags(written)[0][1]} if _start_tags(written) else set()
    after = {name for name, _ in kept[1]}
    return tuple(sorted(before - after))


def find_unsafe(fragment: str) -> list[tuple[int, Finding]]:
    """(line in ``fragment``, finding) for everything the allowlist removes from ``fragment``."""
    found: list[tuple[int, Finding]] = []
    for tag, attrs, written, line in _start_tags(fragment):
        if ":" in tag or "@" in tag:
            continue  # a Markdown autolink, <https://…> or <name@example.org>: not an element
        removed = _removed(tag, written)
        if removed == ("",):
            found.append((line, Finding(tag)))
            continue
        values = dict(attrs)
        found += [(line, Finding(tag, name, values.get(name) or "")) for name in removed]
    return found


def _masked_body(source: str) -> tuple[str, int]:
    """The page's text with front matter, code and comments blanked (lines kept); body's first line."""
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    fm = split_front_matter(text)
    lines = text.split("\n")
    fenced = fenced_lines(text)
    for number in range(1, len(lines) + 1):
        if number in fenced or number < fm.body_line:
            lines[number - 1] = ""
    masked = "\n".join(lines)

    def blank(m: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))

    return _CODE_SPAN_RE.sub(blank, _COMMENT_RE.sub(blank, masked)), fm.body_line


def _render(body: str, extensions: Sequence[Any] | None, configs: dict[str, Any] | None) -> str:
    import markdown

    exts = list(extensions) if extensions is not None else ["toc", "tables", "fenced_code", "attr_list", "md_in_html"]
    return markdown.Markdown(extensions=exts, extension_configs=configs or {}).convert(body)


def _candidates(finding: Finding, lines: list[str]) -> list[int]:
    """The source lines that may hold ``finding`` (its address, attribute or tag), best first."""
    found: list[int] = []
    if finding.attribute in _URL_ATTRIBUTES and finding.value:
        value, scheme = _normal(finding.value), _scheme(finding.value)
        for needle in (value, f"{scheme}:" if scheme else ""):
            if needle:
                found += [n for n, line in enumerate(lines, start=1) if needle in _normal(line)]
    if finding.attribute:
        pattern = re.compile(rf"(?<![\w-]){re.escape(finding.attribute)}\s*=", re.IGNORECASE)
    else:
        pattern = re.compile(rf"<\s*{re.escape(finding.tag)}\b", re.IGNORECASE)
    found += [n for n, line in enumerate(lines, start=1) if pattern.search(line)]
    return list(dict.fromkeys(found))


def _fallback_line(lines: list[str], body_line: int) -> int:
    """Where to report what the source does not show: a placeholder the build filled, else the text's start."""
    for number, line in enumerate(lines, start=1):
        if "{{" in line and "contact." in line:
            return number
    return next((n for n, line in enumerate(lines, start=1) if n >= body_line and line.strip()), body_line)


def check_lesson_html(
    path: str,
    markdown_source: str,
    rendered_html: str | None = None,
    *,
    extensions: Sequence[Any] | None = None,
    extension_configs: dict[str, Any] | None = None,
) -> list[Problem]:
    """Every tag, attribute or address outside the allowlist in one page, with its line.

    Args:
        path: the page as messages show it (``content/zh/lessons/x.md``).
        markdown_source: the whole file as the editor wrote it (front matter included,
            so that lines are counted as the editor sees them).
        rendered_html: the page's HTML as the build made it from this Markdown; when
            None the body is rendered here with ``extensions`` (MkDocs' settings).
    """
    masked, body_line = _masked_body(markdown_source)
    problems: dict[tuple[int, str], Problem] = {}
    #: lines where each finding was already reported: the rendered pass places only the others.
    placed: dict[tuple[str, str | None, str], list[tuple[int, Finding]]] = {}
    for line, finding in find_unsafe(masked):
        placed.setdefault(finding.key, []).append((line, finding))
        problems.setdefault((line, finding.message()), Problem(path, line, finding.message()))
    if rendered_html is None:
        body = split_front_matter(markdown_source.replace("\r\n", "\n").replace("\r", "\n")).body
        rendered_html = _render(body, extensions, extension_configs)
    lines = masked.split("\n")
    rendered: dict[tuple[str, str | None, str], list[Finding]] = {}
    for _line, finding in find_unsafe(rendered_html):
        rendered.setdefault(finding.key, []).append(finding)
    for key, findings in rendered.items():
        done = placed.get(key, [])
        unplaced = list(findings)
        for _n, written in done:  # what the source pass found is reported already
            same = next((f for f in unplaced if f.value == written.value), unplaced[0] if unplaced else None)
            if same is not None:
                unplaced.remove(same)
        used = {n for n, _f in done}
        free = [n for n in _candidates(findings[0], lines) if n not in used] or [_fallback_line(lines, body_line)]
        for i, finding in enumerate(unplaced):
            line = free[min(i, len(free) - 1)]
            problems.setdefault((line, finding.message()), Problem(path, line, finding.message()))
    return sorted(problems.values(), key=lambda p: (p.line, p.message))
