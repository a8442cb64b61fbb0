"""The checks of every page's body: quiz lines, relative links and their anchors, images,
``{{ contact.x }}`` placeholders. Plain Python (Python-Markdown renders anchors, as MkDocs does)."""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pingan.content.pages import fenced_lines, split_front_matter
from pingan.content.settings import SiteSettings
from pingan.core.problems import Problem
from pingan.core.text import CONTACT_RE
from pingan.quiz.refs import find_quiz_refs, malformed_refs

#: Files the plugins add to every build: links to them are fine.
GENERATED_PREFIXES = ("assets/pingan/",)

_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LINK_RE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)\]"
    r"\(\s*(?P<dest><[^<>\n]*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
_REF_DEF_RE = re.compile(r"^[ ]{0,3}\[(?P<label>[^\]^][^\]]*)\]:[ \t]*(?P<dest><[^>\n]*>|\S+)", re.MULTILINE)
_REF_IMAGE_RE = re.compile(r"!\[\s*\]\[[^\]]*\]")
_IMG_TAG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT_RE = re.compile(r"\salt\s*=", re.IGNORECASE)
_SRC_RE = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
#: A code span: it may run over lines but not over a blank line (a new paragraph).
_CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_ID_RE = re.compile(r"""<[A-Za-z][^>]*?\s(?:id|name)\s*=\s*"([^"]*)\"""")


# -- Markdown: anchors, links, images -------------------------------------------------


def _mask(text: str, start: int = 1) -> str:
    """``text`` with code blocks, code spans and HTML comments blanked (lines kept).

    Lines before ``start`` (the front matter) are blanked too, so nothing there
    is taken for a link.
    """
    lines = text.split("\n")
    fenced = fenced_lines(text)
    for number in range(1, len(lines) + 1):
        if number in fenced or number < start:
            lines[number - 1] = ""
    masked = "\n".join(lines)

    def blank(m: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))

    masked = _COMMENT_RE.sub(blank, masked)
    return _CODE_SPAN_RE.sub(blank, masked)


def _line_at(text: str, index: int) -> int:
    """1-based line of a character index."""
    return text.count("\n", 0, index) + 1


@dataclass(frozen=True)
class Anchors:
    """The ids a page has once built, and its headings (id, text) for messages."""

    ids: frozenset[str]
    headings: tuple[tuple[str, str], ...]


def page_anchors(markdown_text: str, extensions: Sequence[str], configs: dict[str, dict[str, Any]]) -> Anchors:
    """Render a page's Markdown (without front matter) as MkDocs does and collect its ids.

    Headings get the ids of the ``toc`` extension as configured (its default
    slugify keeps ASCII only, so a Chinese heading becomes ``_1``, ``_2`` …);
    ``{#id}`` (attr_list) and ids written in HTML count too.
    """
    import markdown  # MkDocs' own Markdown library, imported only when links have anchors

    md = markdown.Markdown(extensions=list(extensions), extension_configs=configs)
    out = md.convert(markdown_text)
    ids = {html.unescape(m) for m in _ID_RE.findall(out)}
    headings: list[tuple[str, str]] = []

    def walk(tokens: Iterable[dict[str, Any]]) -> None:
        for token in tokens:
            headings.append((token["id"], html.unescape(token.get("name", ""))))
            walk(token.get("children", []))

    walk(getattr(md, "toc_tokens", []))
    ids.update(h for h, _ in headings)
    return Anchors(frozenset(ids), tuple(headings))


class PageChecker:
    """The checks of every page's body: quiz lines, links, images, placeholders."""

    def __init__(self, settings: SiteSettings, quiz_ids: set[str] | None, contact_names: set[str] | None) -> None:
        self.s = settings
        self.quiz_ids = quiz_ids
        self.contact_names = contact_names
        self.problems: list[Problem] = []
        #: the quizzes each page uses: (path in its language folder, language) -> ids.
        self.page_quizzes: dict[tuple[str, str], list[str]] = {}
        self._anchors: dict[Path, Anchors | None] = {}
        self._markdown_error: str | None = None

    def error(self, path: Path, line: int, message: str) -> None:
        """Record a problem at a line of a page."""
        self.problems.append(Problem(self.s.shown(path), line, message))

    def check(self, path: Path, lang: str) -> None:
        """Every check of one page's body."""
        try:
            text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        except (OSError, UnicodeDecodeError):
            return  # reported by the lesson check, or unreadable for the build too
        fm = split_front_matter(text)
        masked = _mask(text, fm.body_line)
        bad = self.quiz_lines(path, masked)
        self.quiz_refs(path, text, fm.body_line, lang, bad)
        self.links(path, lang, masked)
        self.images(path, masked)
        self.placeholders(path, masked)

    # -- quizzes ---------------------------------------------------------------------

    def quiz_lines(self, path: Path, masked: str) -> set[int]:
        """A quiz line written so that the build would show it as text; the lines found."""
        found = malformed_refs(masked)
        for line, message in found:
            self.error(path, line, message)
        return {line for line, _message in found}

    def quiz_refs(self, path: Path, text: str, body_line: int, lang: str, bad: set[int]) -> None:
        """Every ``[[quiz id]]`` must name a file of the quiz folder; note the page's quizzes."""
        fenced = fenced_lines(text)
        refs = [r for r in find_quiz_refs(text) if r.line not in fenced | bad and r.line >= body_line]
        if refs:
            rel = path.relative_to(self.s.lang_dir(lang)).as_posix()
            self.page_quizzes[(rel, lang)] = [r.quiz_id for r in refs]
        if self.quiz_ids is None:
            return
        shown_dir = self.s.shown(self.s.quiz_dir) if self.s.quiz_dir else "quizzes"
        for ref in refs:
            if ref.quiz_id in self.quiz_ids:
                continue
            message = f'unknown quiz "{ref.quiz_id}": there is no {shown_dir}/{ref.quiz_id}.yml'
            close = difflib.get_close_matches(ref.quiz_id, sorted(self.quiz_ids), n=1)
            if close:
                message += f'; did you mean "[[quiz {close[0]}]]"?'
            else:
                message += f"; write the quiz file first (format: {shown_dir}/README.md) or correct the name"
            self.error(path, ref.line, message)

    # -- links -------------------------------------------------------------------------

    def links(self, path: Path, lang: str, masked: str) -> None:
        """Inline links and images, and reference definitions (``[x]: page.md``)."""
        for m in _LINK_RE.finditer(masked):
            dest = m.group("dest").strip()
            if dest.startswith("<") and dest.endswith(">"):
                dest = dest[1:-1]
            self.link(path, lang, dest, _line_at(masked, m.start()), image=bool(m.group("bang")))
        for m in _REF_DEF_RE.finditer(masked):
            dest = m.group("dest").strip("<>")
            self.link(path, lang, dest, _line_at(masked, m.start()), image=False)

    def link(self, path: Path, lang: str, dest: str, line: int, *, image: bool) -> None:
        """One relative link: the file exists (with the site's language fallback), and so does its anchor."""
        if not dest or _SCHEME_RE.match(dest) or dest.startswith(("/", "//")):
            return  # tel:, https:, mailto:, site-absolute: not a file of the content folder
        target, _, anchor = dest.partition("#")
        target = unquote(target.split("?", 1)[0])
        anchor = unquote(anchor)
        what = "image" if image else "link"
        if not target:
            if anchor:
                self.anchor(path, line, dest, path, anchor)
            return
        lang_dir = self.s.lang_dir(lang)
        page_rel = path.relative_to(lang_dir).as_posix()
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), target))
        if target.endswith("/"):
            joined = posixpath.join(joined, "index.md")
        if joined == ".." or joined.startswith("../"):
            self.error(
                path,
                line,
                f'the {what} "{dest}" points outside the pages of {self.s.shown(lang_dir)}/; '
                "write the path from this page to a page of the same language folder",
            )
            return
        if joined.startswith(GENERATED_PREFIXES):
            return
        candidates = [lang_dir / joined]
        if self.s.folders:
            candidates += [self.s.lang_dir(self.s.default_language) / joined, self.s.docs_dir / joined]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            missing = candidates[0]
            message = f'the {what} "{dest}" points to {self.s.shown(missing)}, which does not exist'
            siblings = (
                sorted(p.name for p in missing.parent.glob(f"*{missing.suffix}")) if missing.parent.is_dir() else []
            )
            close = difflib.get_close_matches(missing.name, siblings, n=1, cutoff=0.8)
            if close:
                wrong = posixpath.basename(target.rstrip("/")) or target
                message += f'; did you mean "{target[: len(target) - len(wrong)]}{close[0]}"?'
            else:
                message += "; check the file name and the folders in the path"
            self.error(path, line, message)
            return
        if anchor and found.suffix == ".md":
            self.anchor(path, line, dest, found, anchor)

    def anchor(self, path: Path, line: int, dest: str, target: Path, anchor: str) -> None:
        """The part ``#anchor`` of a link exists in ``target``."""
        anchors = self.anchors(target)
        if anchors is None or anchor in anchors.ids:
            return
        where = "this page" if target == path else self.s.shown(target)
        message = (
            f'the link "{dest}" points to a part of {where} that does not exist: there is no heading or id "{anchor}"'
        )
        ids = [h for h, _ in anchors.headings]
        close = difflib.get_close_matches(anchor, ids, n=1, cutoff=0.6)
        if close:
            message += f'; did you mean "#{close[0]}"?'
        elif anchors.headings:
            shown = ", ".join(f"#{h} ({t})" for h, t in anchors.headings[:12])
            more = " …" if len(anchors.headings) > 12 else ""
            message += f"; its headings are {shown}{more}"
        self.error(path, line, message)

    def anchors(self, target: Path) -> Anchors | None:
        """The ids of a page once built (rendered once, then cached)."""
        if target not in self._anchors:
            try:
                text = target.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            except (OSError, UnicodeDecodeError):
                self._anchors[target] = None
                return None
            body = split_front_matter(text).body.lstrip("\n")
            try:
                self._anchors[target] = page_anchors(body, self.s.markdown_extensions, self.s.markdown_configs)
            except Exception as exc:
                self._anchors[target] = None
                if self._markdown_error is None:
                    self._markdown_error = str(exc)
                    self.problems.append(
                        Problem(
                            "mkdocs.yml",
                            1,
                            f"the Markdown settings (markdown_extensions) cannot be used: {exc}; "
                            "links to parts of pages were not checked",
                        )
                    )
        return self._anchors[target]

    # -- images and placeholders -----------------------------------------------------------------

    def images(self, path: Path, masked: str) -> None:
        """Images need a description: ``![text](x.png)``, ``<img alt=…>``."""
        for m in _LINK_RE.finditer(masked):
            if m.group("bang") and not m.group("text").strip():
                dest = m.group("dest").strip("<>")
                self.error(
                    path,
                    _line_at(masked, m.start()),
                    f'the image "{dest}" has no description; write what it shows between the brackets: '
                    f"![what the picture shows]({dest})",
                )
        for m in _REF_IMAGE_RE.finditer(masked):
            self.error(
                path,
                _line_at(masked, m.start()),
                "this image has no description; write what it shows between the first brackets: ![what the picture shows][…]",
            )
        for m in _IMG_TAG_RE.finditer(masked):
            if not _ALT_RE.search(m.group(0)):
                src = _SRC_RE.search(m.group(0))
                name = next((g for g in src.groups() if g), "") if src else ""
                self.error(
                    path,
                    _line_at(masked, m.start()),
                    f'the image <img src="{name}"> has no description; add alt="what the picture shows" inside the tag',
                )

    def placeholders(self, path: Path, masked: str) -> None:
        """Every ``{{ contact.<name> }}`` names a known contact."""
        if self.contact_names is None:
            return
        known = sorted(self.contact_names)
        files = (
            " or ".join(
                self.s.shown(p) for p in (self.s.hotlines_file, self.s.edition_file) if p is not None and p.is_file()
            )
            or "hotlines.yml"
        )
        for m in CONTACT_RE.finditer(masked):
            name = m.group("name")
            if name in self.contact_names:
                continue
            message = f'unknown placeholder {m.group(0)}: there is no contact "{name}" under "contacts:" in {files}'
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            if close:
                message += f"; did you mean {{{{ contact.{close[0]} }}}}?"
            elif known:
                message += "; the names are: " + ", ".join(known)
            else:
                message += f"; add the contact to {files} first"
            self.error(path, _line_at(masked, m.start()), message)
