"""``make check``: every problem an editor can fix, in one run, without building the site.

Usage::

    python -m pingan.check [--root DIR] [--today YYYY-MM-DD]

It reads ``mkdocs.yml`` in ``DIR`` (default: the current folder) for the
content folder, the site languages, the quiz folder and the hotline file, then
checks:

- every lesson's front matter and body (``pingan.lessons``);
- every quiz file (``pingan.quiz.loader``);
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

Output: one line per problem, ``path:line: message`` (a warning's message
starts with ``warning: ``), sorted by path and line, then a summary line.
Exit status 1 when there is any error, 0 otherwise (warnings alone pass).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import html
import posixpath
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pingan import hotlines as hotline_data
from pingan import i18n as ui_catalogs
from pingan.lessons import (
    Problem,
    check_page_front_matter,
    fenced_lines,
    is_lesson,
    load_lesson,
    split_front_matter,
)
from pingan.quiz import model
from pingan.quiz.loader import load_quizzes
from pingan.quiz.refs import find_quiz_refs
from pingan.trust.checks import check_trust

__all__ = ["Report", "SiteSettings", "main", "page_anchors", "read_site", "run_check"]

#: Extensions MkDocs always adds before those of ``markdown_extensions``.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
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
#: A placeholder in a page: ``{{ contact.police }}``.
PLACEHOLDER_RE = re.compile(r"\{\{\s*contact\.(?P<name>[^\s{}]+)\s*\}\}")


# -- reading mkdocs.yml ----------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """A safe YAML loader that accepts MkDocs' own tags (``!ENV``, ``!relative``) as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: Node) -> Any:
    """Build the plain value of a node with a tag this loader does not know."""
    if isinstance(node, ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", _any_tag)
try:  # MkDocs' own !ENV tag (a dependency of MkDocs): a value from the environment
    from yaml_env_tag import construct_env_tag

    _ConfigLoader.add_constructor("!ENV", construct_env_tag)
except ImportError:  # pragma: no cover - MkDocs always installs it
    pass
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def _get(node: Node | None, key: str) -> Node | None:
    """The value of ``key`` in a mapping node (None if absent or not a mapping)."""
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v
    return None


def _value(node: Node | None) -> Any:
    """The Python value of a node."""
    if node is None:
        return None
    return yaml.load(yaml.serialize(node), Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass


def _named_items(node: Node | None) -> list[tuple[str, Node | None, Node]]:
    """Entries of ``plugins:`` or ``markdown_extensions:``: (name, config node, where)."""
    items: list[tuple[str, Node | None, Node]] = []
    if isinstance(node, SequenceNode):
        for item in node.value:
            if isinstance(item, ScalarNode):
                items.append((item.value, None, item))
            elif isinstance(item, MappingNode):
                for k, v in item.value:
                    if isinstance(k, ScalarNode):
                        items.append((k.value, v, k))
    elif isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode):
                items.append((k.value, v, k))
    return items


@dataclass
class SiteSettings:
    """What the checks need from ``mkdocs.yml``."""

    root: Path
    config_file: Path
    docs_dir: Path
    #: the languages the site builds, the default first.
    languages: list[str]
    default_language: str
    #: True with mkdocs-static-i18n's folder structure (``content/<lang>/``).
    folders: bool = True
    #: line in mkdocs.yml of each language's entry.
    language_lines: dict[str, int] = field(default_factory=dict)
    hotlines_file: Path | None = None
    #: True when mkdocs.yml names the hotline file (then it must exist).
    hotlines_required: bool = False
    #: the edition being built (``pingan-site: edition:``), if any.
    edition_file: Path | None = None
    #: every edition file there is (``editions/*.yml``): all are checked.
    edition_files: list[Path] = field(default_factory=list)
    edition_line: int = 1
    quiz_dir: Path | None = None
    quiz_dir_line: int = 1
    #: languages the quiz plugin declares incomplete: their missing quiz texts are expected.
    incomplete_languages: list[str] = field(default_factory=list)
    markdown_extensions: list[str] = field(default_factory=lambda: list(MKDOCS_BUILTIN_EXTENSIONS))
    markdown_configs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def lang_dir(self, lang: str) -> Path:
        """The folder of ``lang``'s pages."""
        return self.docs_dir / lang if self.folders else self.docs_dir

    def shown(self, path: Path) -> str:
        """``path`` relative to the project, as messages show it."""
        return _relative(path, self.root)


def _relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form, or as given when outside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_site(root: Path) -> tuple[SiteSettings | None, list[Problem]]:
    """Read ``root/mkdocs.yml``: the settings, or None and the reason it cannot be used."""
    root = Path(root)
    config_file = root / "mkdocs.yml"
    shown = "mkdocs.yml"
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except OSError:
        return None, [
            Problem(shown, 1, f"there is no mkdocs.yml in {root}; run the check in the project folder, or give it with --root")
        ]
    try:
        doc = yaml.compose(text, Loader=_ConfigLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [
            Problem(shown, line, f"mkdocs.yml cannot be read here ({exc.problem}); check the spaces at the start of the line and the \":\" after each key")
        ]
    if not isinstance(doc, MappingNode):
        return None, [Problem(shown, 1, "mkdocs.yml must be keys with values (site_name: …, docs_dir: …)")]
    problems: list[Problem] = []
    docs_value = _value(_get(doc, "docs_dir")) or "docs"
    docs_dir = root / str(docs_value)
    settings = SiteSettings(root=root, config_file=config_file, docs_dir=docs_dir, languages=[], default_language="")
    if not docs_dir.is_dir():
        node = _get(doc, "docs_dir")
        problems.append(
            Problem(shown, node.start_mark.line + 1 if node else 1, f'the content folder "{docs_value}" does not exist; create it or correct docs_dir')
        )

    theme = _get(doc, "theme")
    theme_lang = _value(_get(theme, "language")) or _value(_get(theme, "locale")) or "en"
    plugins = {name: (conf, where) for name, conf, where in _named_items(_get(doc, "plugins"))}

    i18n = plugins.get("i18n")
    languages: list[str] = []
    default = ""
    if i18n is not None:
        settings.folders = (_value(_get(i18n[0], "docs_structure")) or "suffix") == "folder"
        langs = _get(i18n[0], "languages")
        for entry in langs.value if isinstance(langs, SequenceNode) else []:
            locale = _get(entry, "locale")
            code = _value(locale)
            if not code or _value(_get(entry, "build")) is False:
                continue
            code = str(code)
            languages.append(code)
            settings.language_lines[code] = (locale or entry).start_mark.line + 1
            if _value(_get(entry, "default")) is True and not default:
                default = code
        default = default or (languages[0] if languages else "")
    if not languages:
        default = str(theme_lang).replace("_", "-")
        languages = [default]
        settings.folders = False
        settings.language_lines[default] = (_get(theme, "language") or doc).start_mark.line + 1
    languages.remove(default)
    settings.languages = [default, *languages]
    settings.default_language = default

    site = plugins.get("pingan-site")
    if site is not None:
        name = _value(_get(site[0], "hotlines"))
        settings.hotlines_file = root / str(name or "hotlines.yml")
        settings.hotlines_required = True
        editions_dir = root / str(_value(_get(site[0], "editions_dir")) or "editions")
        edition = _value(_get(site[0], "edition"))
        if edition:
            settings.edition_file = editions_dir / f"{edition}.yml"
            settings.edition_line = (_get(site[0], "edition") or site[1]).start_mark.line + 1
        if editions_dir.is_dir():
            settings.edition_files = sorted(editions_dir.glob("*.yml"))
    elif (root / "hotlines.yml").is_file():
        settings.hotlines_file = root / "hotlines.yml"

    quiz = plugins.get("pingan-quiz")
    if quiz is not None:
        settings.quiz_dir = root / str(_value(_get(quiz[0], "quiz_dir")) or "quizzes")
        settings.quiz_dir_line = quiz[1].start_mark.line + 1
        incomplete = _get(quiz[0], "incomplete_languages")
        if isinstance(incomplete, SequenceNode):
            settings.incomplete_languages = [str(_value(n)) for n in incomplete.value]
    elif (root / "quizzes").is_dir():
        settings.quiz_dir = root / "quizzes"

    extensions = list(MKDOCS_BUILTIN_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for name, conf, _where in _named_items(_get(doc, "markdown_extensions")):
        if name not in extensions:
            extensions.append(name)
        value = _value(conf)
        if isinstance(value, dict):
            configs[name] = value
    settings.markdown_extensions, settings.markdown_configs = extensions, configs
    return settings, problems


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


class _PageChecker:
    """The checks of every page's body: quiz lines, links, images, placeholders."""

    def __init__(self, settings: SiteSettings, quiz_ids: set[str] | None, contact_names: set[str] | None) -> None:
        self.s = settings
        self.quiz_ids = quiz_ids
        self.contact_names = contact_names
        self.problems: list[Problem] = []
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
        self.quiz_refs(path, text, fm.body_line)
        self.links(path, lang, masked)
        self.images(path, masked)
        self.placeholders(path, masked)

    # -- quizzes ---------------------------------------------------------------------

    def quiz_refs(self, path: Path, text: str, body_line: int) -> None:
        """Every ``[[quiz id]]`` must name a file of the quiz folder."""
        if self.quiz_ids is None:
            return
        fenced = fenced_lines(text)
        shown_dir = self.s.shown(self.s.quiz_dir) if self.s.quiz_dir else "quizzes"
        for ref in find_quiz_refs(text):
            if ref.line in fenced or ref.line < body_line or ref.quiz_id in self.quiz_ids:
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
                path, line,
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
            siblings = sorted(p.name for p in missing.parent.glob(f"*{missing.suffix}")) if missing.parent.is_dir() else []
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
        message = f'the link "{dest}" points to a part of {where} that does not exist: there is no heading or id "{anchor}"'
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
            except Exception as exc:  # noqa: BLE001 - a broken extension setting is reported once
                self._anchors[target] = None
                if self._markdown_error is None:
                    self._markdown_error = str(exc)
                    self.problems.append(
                        Problem(
                            "mkdocs.yml", 1,
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
                    path, _line_at(masked, m.start()),
                    f'the image "{dest}" has no description; write what it shows between the brackets: '
                    f"![what the picture shows]({dest})",
                )
        for m in _REF_IMAGE_RE.finditer(masked):
            self.error(
                path, _line_at(masked, m.start()),
                "this image has no description; write what it shows between the first brackets: ![what the picture shows][…]",
            )
        for m in _IMG_TAG_RE.finditer(masked):
            if not _ALT_RE.search(m.group(0)):
                src = _SRC_RE.search(m.group(0))
                name = next((g for g in src.groups() if g), "") if src else ""
                self.error(
                    path, _line_at(masked, m.start()),
                    f'the image <img src="{name}"> has no description; add alt="what the picture shows" inside the tag',
                )

    def placeholders(self, path: Path, masked: str) -> None:
        """Every ``{{ contact.<name> }}`` names a known contact."""
        if self.contact_names is None:
            return
        known = sorted(self.contact_names)
        files = " or ".join(
            self.s.shown(p) for p in (self.s.hotlines_file, self.s.edition_file) if p is not None and p.is_file()
        ) or "hotlines.yml"
        for m in PLACEHOLDER_RE.finditer(masked):
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
                message += f'; add the contact to {files} first'
            self.error(path, _line_at(masked, m.start()), message)


# -- hotlines -------------------------------------------------------------------------------


def _contact_names(path: Path) -> tuple[set[str], set[str]]:
    """The contact names and hotline numbers a data file gives, read leniently for placeholders."""
    try:
        doc = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return set(), set()
    contacts = _get(doc, "contacts")
    names = {k.value for k, _ in contacts.value if isinstance(k, ScalarNode)} if isinstance(contacts, MappingNode) else set()
    numbers: set[str] = set()
    entries = _get(doc, "hotlines")
    for item in entries.value if isinstance(entries, SequenceNode) else []:
        number = _get(item, "number")
        if isinstance(number, ScalarNode):
            numbers.add(number.value)
    return names, numbers


def _check_hotlines(settings: SiteSettings) -> tuple[list[Problem], set[str] | None, int]:
    """Problems of the hotline and edition files, the names placeholders may use, files read.

    Every edition file is checked; placeholders may use the contacts of the
    hotline file (and of the edition being built, when one is chosen).
    """
    problems: list[Problem] = []
    files = 0
    path = settings.hotlines_file
    if path is None:
        return problems, None, files
    if not path.is_file():
        if settings.hotlines_required:
            problems.append(
                Problem("mkdocs.yml", 1, f"the hotline file {settings.shown(path)} does not exist; create it or correct pingan-site: hotlines:")
            )
        return problems, None, files
    files += 1
    _hotlines, found = hotline_data.load_hotlines(path, languages=settings.languages, root=settings.root)
    problems += [_as_problem(p) for p in found]
    names, numbers = _contact_names(path)
    load_data = getattr(hotline_data, "load_data", None)
    for edition in settings.edition_files:
        files += 1
        if load_data is not None:
            _data, _given, found = load_data(edition, languages=settings.languages, root=settings.root)
        else:  # pragma: no cover - an older hotline module: an edition has the hotline file's form
            _h, found = hotline_data.load_hotlines(edition, languages=settings.languages, root=settings.root)
        problems += [_as_problem(p) for p in found]
    chosen = settings.edition_file
    if chosen is not None:
        if not chosen.is_file():
            problems.append(
                Problem(
                    "mkdocs.yml", settings.edition_line,
                    f"the edition file {settings.shown(chosen)} does not exist; create it, or choose one of: "
                    + (", ".join(p.stem for p in settings.edition_files) or "(there are no editions yet)"),
                )
            )
        else:
            more_names, more_numbers = _contact_names(chosen)
            names |= more_names
            numbers = more_numbers or numbers
    return problems, names, files


def _as_problem(p: model.Problem, warning: bool = False) -> Problem:
    """A problem of another module as ours, with its severity."""
    return p if isinstance(p, Problem) else Problem(p.path, p.line, p.message, warning=warning)


# -- languages -------------------------------------------------------------------------------


def _check_languages(settings: SiteSettings) -> list[Problem]:
    """Every language of mkdocs.yml needs a content folder and an interface catalog."""
    problems = []
    locales = ui_catalogs.LOCALES_DIR
    # Catalog paths as the project shows them: relative to the project holding the package.
    base = settings.root if locales.resolve().is_relative_to(settings.root.resolve()) else locales.parents[2]
    for lang in settings.languages:
        line = settings.language_lines.get(lang, 1)
        if settings.folders and not settings.lang_dir(lang).is_dir():
            problems.append(
                Problem(
                    "mkdocs.yml", line,
                    f'the language "{lang}" has no content folder; create {settings.shown(settings.lang_dir(lang))}/ '
                    f"and translate pages into it (pages it lacks are shown in the default language, {settings.default_language})",
                )
            )
        try:
            ui_catalogs.find_catalog(lang)
        except ui_catalogs.MissingCatalogError as exc:
            po = _relative(exc.path, base)
            pot = _relative(locales / f"{ui_catalogs.DOMAIN}.pot", base)
            problems.append(
                Problem(
                    "mkdocs.yml", line,
                    f'the language "{lang}" has no interface translations; create {po} '
                    f"(for example: pybabel init -i {pot} -d {_relative(locales, base)} -l {exc.path.parents[1].name}), "
                    "then translate every entry",
                )
            )
    return problems


# -- the whole check -------------------------------------------------------------------------


@dataclass
class Report:
    """Everything one run found."""

    problems: list[Problem]
    #: how many files were read.
    files: int

    @property
    def errors(self) -> list[Problem]:
        """The problems that fail the check."""
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are only warnings."""
        return [p for p in self.problems if p.warning]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def lines(self) -> list[str]:
        """The output: one line per problem, then the summary."""
        return [str(p) for p in self.problems] + [self.summary()]

    def summary(self) -> str:
        """``2 problems (1 error, 1 warning) in 37 files``."""

        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        files = n(self.files, "file")
        if not self.problems:
            return f"no problems in {files}"
        parts = [n(len(x), w) for x, w in ((self.errors, "error"), (self.warnings, "warning")) if x]
        return f"{n(len(self.problems), 'problem')} ({', '.join(parts)}) in {files}"


def run_check(root: Path, *, today: dt.date | None = None) -> Report:
    """Check the project at ``root``; every problem, sorted by file and line."""
    root = Path(root)
    settings, problems = read_site(root)
    if settings is None:
        return Report(problems, 0)
    files = 1  # mkdocs.yml
    problems += _check_languages(settings)

    hotline_problems, contact_names, hotline_files = _check_hotlines(settings)
    problems += hotline_problems
    files += hotline_files

    quiz_ids: set[str] | None = None
    quiz_shown = "quizzes"
    if settings.quiz_dir is not None:
        quiz_shown = settings.shown(settings.quiz_dir)
        if not settings.quiz_dir.is_dir():
            problems.append(
                Problem("mkdocs.yml", settings.quiz_dir_line, f"the quiz folder {quiz_shown}/ does not exist; create it or correct quiz_dir")
            )
            quiz_ids = set()
        else:
            result = load_quizzes(
                settings.quiz_dir,
                languages=settings.languages,
                default_language=settings.default_language,
                root=root,
            )
            problems += [_as_problem(p) for p in result.errors]
            # A language declared incomplete (mkdocs.yml: incomplete_languages) falls back to
            # Chinese on purpose, as in the build; `make i18n-status` lists what it still lacks.
            problems += [
                _as_problem(p, warning=True)
                for p in result.warnings
                if not any(f'has no "{lang}" text' in p.message for lang in settings.incomplete_languages)
            ]
            quiz_files = [p for p in settings.quiz_dir.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml")]
            files += len(quiz_files)
            # Translation files (<id>.<lang>.yml) are not quizzes of their own.
            quiz_ids = {p.stem for p in quiz_files if p.suffix == ".yml" and "." not in p.stem}

    pages = _PageChecker(settings, quiz_ids, contact_names)
    checked: list[Path] = []
    for lang in settings.languages:
        lang_dir = settings.lang_dir(lang)
        if not lang_dir.is_dir():
            continue
        for path in sorted(lang_dir.rglob("*.md"), key=lambda p: p.as_posix()):
            if not settings.folders and any(part in settings.languages for part in path.relative_to(lang_dir).parts[:1]):
                continue
            files += 1
            if settings.folders and is_lesson(path, settings.docs_dir):
                _meta, found = load_lesson(path, root, today=today, lang=lang, quiz_dir=quiz_shown)
                problems += found
            else:
                problems += check_page_front_matter(path, root)
            pages.check(path, lang)
            checked.append(path)
    problems += pages.problems
    # Lesson HTML outside the allowlist; invisible characters in titles and labels (pingan.trust).
    problems += check_trust(
        root, checked, [settings.config_file, settings.hotlines_file, *settings.edition_files],
        extensions=settings.markdown_extensions, extension_configs=settings.markdown_configs,
    )
    problems.sort(key=lambda p: (p.path, p.line))
    return Report(problems, files)


def _output(lines: Iterable[str]) -> None:
    """The CLI's only output: one line each, on standard output."""
    for line in lines:
        print(line)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the check from the command line; the exit status (1 when there is an error)."""
    parser = argparse.ArgumentParser(
        prog="python -m pingan.check",
        description="Check lessons, quizzes, links, hotlines and languages; list every problem as path:line: message.",
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (with mkdocs.yml); default: here")
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
