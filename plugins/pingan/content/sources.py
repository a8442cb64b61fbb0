"""The Sources page of each language (``content/<lang>/sources.md``), kept in step with the
``sources:`` of the lessons' front matter: ``make sources`` writes it, ``make check`` says
when it is out of date. Plain Python.

What the page keeps, as an editor wrote it:

- everything before its first ``## `` heading (front matter, title, the words on links and
  dates), and its ``## `` groups, in their order, with their headings;
- each source's line (``- <title>. <publisher>, <date>. [host](url)``): the page's wording
  of a source cited by several lessons, each naming other articles of one law, is the
  general one ("Criminal Law of the PRC"), which no lesson gives.

What it is made from, every time: which sources are listed (every source a lesson of the
language cites, once, matched by its ``url``; none that no lesson cites any more) and the
line under each that links the lessons using it. A source no line of the page has yet is
added under a last group (``Other sources``) with a line made from the first lesson that
cites it; move it into a group, and reword it, as you like: both are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from babel.dates import format_date, format_skeleton

from pingan.core.languages import babel_locale
from pingan.core.problems import Problem, Severity

if TYPE_CHECKING:
    from pingan.model import Site

__all__ = ["PAGE", "SOURCES_TITLE", "Wording", "check_sources_pages", "sources_page", "write_sources_pages"]

#: The page, in each language's folder.
PAGE = "sources.md"
#: "Sources" in each language: the page's title, and the heading of a lesson's last section.
SOURCES_TITLE = {"zh": "资料来源", "zh-Hant": "資料來源", "en": "Sources", "vi": "Nguồn tài liệu", "ug": "مەنبەلەر"}


@dataclass(frozen=True)
class Wording:
    """The words the page generates in one language (the rest is the editor's)."""

    #: the page's title, for a page written from nothing.
    title: str
    #: what starts the line that links the lessons using a source.
    used_in: str
    #: between two lessons on that line.
    separator: str
    #: the heading of the group new sources are added to.
    other: str
    #: between title and publisher, and publisher and date: ". " and ", " in English.
    after_title: str
    after_publisher: str
    after_date: str


WORDINGS: dict[str, Wording] = {
    "zh": Wording(SOURCES_TITLE["zh"], "用于：", "、", "其他资料", "。", "，", "。"),
    "zh-Hant": Wording(SOURCES_TITLE["zh-Hant"], "用於：", "、", "其他資料", "。", "，", "。"),
    "en": Wording(SOURCES_TITLE["en"], "Used in: ", ", ", "Other sources", ". ", ", ", ". "),
    "vi": Wording(SOURCES_TITLE["vi"], "Dùng trong: ", ", ", "Tài liệu khác", ". ", ", ", ". "),
    "ug": Wording(SOURCES_TITLE["ug"], "ئىشلىتىلگەن دەرسلەر: ", "، ", "باشقا مەنبەلەر", ". ", "، ", ". "),
}

#: a source's line: ends with its link.
_ENTRY_RE = re.compile(r"^- .*\]\((?P<url>[^)\s]+)\)\s*$")
#: the line under it, linking the lessons (indented, generated).
_USED_RE = re.compile(r"^\s+- ")


def wording(lang: str) -> Wording:
    """The page's words in ``lang`` (English for a language without its own yet)."""
    return WORDINGS.get(lang) or WORDINGS.get(lang.split("-")[0]) or WORDINGS["en"]


@dataclass
class _Cited:
    """One source as the lessons of a language cite it."""

    source: dict[str, Any]
    #: (link relative to the page, lesson title), by lesson file name.
    lessons: list[tuple[str, str]] = field(default_factory=list)


def _key(source: dict[str, Any]) -> str:
    """What tells one source from another: its address, else its title."""
    return str(source.get("url") or source.get("title") or "").strip()


def cited_sources(site: Site, lang: str) -> dict[str, _Cited]:
    """Every source the lessons of ``lang`` cite, by key, in the order first cited (lessons by
    file name), each with the lessons citing it."""
    folder = site.settings.lang_dir(lang)
    found: dict[str, _Cited] = {}
    lessons = sorted(
        (lesson for lesson in site.lessons.values() if lesson.lang == lang and lesson.meta),
        key=lambda lesson: lesson.path.relative_to(folder).as_posix(),
    )
    for lesson in lessons:
        assert lesson.meta is not None
        link = lesson.path.relative_to(folder).as_posix()
        title = str(lesson.meta.get("title") or lesson.path.stem)
        for source in lesson.meta.get("sources") or []:
            if not isinstance(source, dict) or not _key(source):
                continue
            cited = found.setdefault(_key(source), _Cited(source))
            if (link, title) not in cited.lessons:
                cited.lessons.append((link, title))
    return found


def _date(value: object, lang: str) -> str:
    """A front matter date as readers of ``lang`` write it ("26 April 2024", "2024年4月")."""
    text = str(value or "").strip()
    locale = babel_locale(lang)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return str(format_date(dt.date.fromisoformat(text), "long", locale=locale))
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return str(format_skeleton("yMMMM", dt.date.fromisoformat(text + "-01"), locale=locale))
    except ValueError:
        pass
    return text


def _new_entry(source: dict[str, Any], lang: str) -> str:
    """The line of a source the page does not list yet, from a lesson's front matter."""
    w = wording(lang)
    title = " ".join(str(source.get("title") or "").split())
    publisher = " ".join(str(source.get("publisher") or "").split())
    line = f"- {title}{w.after_title}"
    if publisher:
        line += publisher + (w.after_publisher if source.get("date") else w.after_date)
    if source.get("date"):
        line += _date(source["date"], lang) + w.after_date
    url = str(source.get("url") or "")
    if url:
        line += f"[{urlsplit(url).hostname or url}]({url})"
    return line.rstrip()


def _used_in(cited: _Cited, lang: str) -> str:
    w = wording(lang)
    links = w.separator.join(f"[{title}]({link})" for link, title in cited.lessons)
    return f"    - {w.used_in}{links}"


def _parse(text: str) -> tuple[list[str], list[tuple[str, list[tuple[str | None, str]]]]]:
    """The page's head (lines before its first ``## ``) and its groups: heading, then each
    kept line as ``(source key or None, line)``; the generated lines are left out."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    head = lines[:first]
    while head and not head[-1].strip():
        head.pop()
    groups: list[tuple[str, list[tuple[str | None, str]]]] = []
    for line in lines[first:]:
        if line.startswith("## "):
            groups.append((line, []))
        elif _USED_RE.match(line) or not line.strip():
            continue
        else:
            match = _ENTRY_RE.match(line)
            groups[-1][1].append((match.group("url") if match else None, line))
    return head, groups


def sources_page(site: Site, lang: str, current: str | None) -> str:
    """The Sources page of ``lang``, from its current text (None when there is none)."""
    cited = cited_sources(site, lang)
    w = wording(lang)
    groups: list[tuple[str, list[tuple[str | None, str]]]] = []
    if current is None:
        head = ["---", f"title: {w.title}", "---", "", f"# {w.title}"]
    else:
        head, groups = _parse(current)
    listed: set[str] = set()
    #: each group's heading, its lines, and whether it lists a source (else it is left out).
    rendered: list[tuple[str, list[str], bool]] = []
    for heading, kept in groups:
        body: list[str] = []
        sources = False
        for key, line in kept:
            if key is None:  # a sentence of the editor's under the heading: a paragraph
                body += [line, ""]
            elif key in cited and key not in listed:
                listed.add(key)
                body += [line, _used_in(cited[key], lang)]
                sources = True
        rendered.append((heading, body, sources))
    new = [
        line
        for key in cited
        if key not in listed
        for line in (_new_entry(cited[key].source, lang), _used_in(cited[key], lang))
    ]
    if new:
        other = next((i for i, group in enumerate(rendered) if group[0] == f"## {w.other}"), None)
        if other is None:
            rendered.append((f"## {w.other}", new, True))
        else:
            heading, body, _sources = rendered[other]
            rendered[other] = (heading, body + new, True)
    out = [*head, ""]
    for heading, body, sources in rendered:
        if sources:
            out += [heading, "", *body, ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).rstrip("\n") + "\n"


def _pages(site: Site, *, create: bool) -> list[tuple[str, Path]]:
    """The Sources page of every language that has one; with ``create``, also the default
    language's when it has none yet and the lessons cite sources (a site need not have one)."""
    found = []
    for lang in site.languages:
        path = site.settings.lang_dir(lang) / PAGE
        if path.is_file() or (create and lang == site.default_language and cited_sources(site, lang)):
            found.append((lang, path))
    return found


def write_sources_pages(site: Site) -> list[Path]:
    """Write every Sources page that is out of date; return those written."""
    written = []
    for lang, path in _pages(site, create=True):
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        text = sources_page(site, lang, current)
        if text != current:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def check_sources_pages(site: Site) -> list[Problem]:
    """One problem per Sources page that ``make sources`` would change, at its first line that
    differs. A site without Sources pages has nothing to check.

    An error when the page lacks a source a lesson cites, or lists one no lesson cites (what
    readers are promised: every source, each checkable); a warning when only the lines that
    link the lessons differ (a lesson retitled, or citing a source it did not before).
    """
    problems = []
    for lang, path in _pages(site, create=False):
        current = path.read_text(encoding="utf-8")
        wanted = sources_page(site, lang, current)
        if wanted == current:
            continue
        have, want = current.splitlines(), wanted.splitlines()
        line = next((i for i, (a, b) in enumerate(zip(have, want, strict=False)) if a != b), min(len(have), len(want)))
        listed = [key for _heading, kept in _parse(current)[1] for key, _line in kept if key is not None]
        severity: Severity = "warning"
        if sorted(listed) != sorted(cited_sources(site, lang)):
            message = (
                "this page does not list the sources of the lessons (a source was added to a lesson, "
                "or no lesson cites one any more); run make sources, which rewrites the list and keeps your wording"
            )
            severity = "error"
        else:
            message = (
                "the lessons linked under the sources have changed (a lesson retitled, or citing a source "
                "anew); run make sources"
            )
        problems.append(Problem(site.settings.shown(path), line + 1, message, severity))
    return problems
