"""MkDocs adapter for quizzes: ``[[quiz <id>]]`` in a lesson becomes a quiz.

A thin layer over plain-Python modules: ``quiz.loader`` (reads and checks the
quiz files), ``quiz.render`` (HTML), ``i18n`` (UI words). What it adds is the
MkDocs wiring:

- ``on_config``: the site's languages (from mkdocs-static-i18n if present),
  a catalog for each, and the quizzes, loaded once per build run (static-i18n
  builds every language in turn; an unchanged quiz folder is not re-read, so
  its warnings are reported once). All problems: one :class:`PluginError`.
- ``on_files``: ``assets/pingan/quiz.mjs`` and ``quiz.css`` as ordinary,
  cacheable files.
- ``on_page_markdown``: each reference becomes a placeholder; unknown ids are
  collected with the lesson's file and line (counted in the source file,
  front matter included) and fail the build together in ``on_env``.
- ``on_page_content``: placeholders become the rendered quiz, in the language
  being built, with the script module after it (inside the page content, so
  Material's instant navigation loads it when it brings in the page).
- ``on_post_page``: the stylesheet and the UI strings go into ``<head>``, on
  quiz pages only.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from pingan.core import catalogs as i18n
from pingan.core import paths
from pingan.mkdocs.quiz.config import QuizConfig
from pingan.content.lessons import fenced_lines
from pingan.quiz.loader import LoadResult, load_quizzes
from pingan.quiz.model import Problem
from pingan.quiz.refs import QUIZ_REF_RE
from pingan.quiz.render import render_quiz, strings_script

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

#: The package's front-end files and where the site serves them.
ASSETS_DIR = paths.ASSETS_DIR
SCRIPT_URI = "assets/pingan/quiz.mjs"
STYLE_URI = "assets/pingan/quiz.css"

_HEADING_RE = re.compile(r"<h([1-6])[\s>]")
# The loader's message for a missing translation names the language: 'has no "vi" text'.
_MISSING_TEXT_RE = re.compile(r'has no "(?P<lang>[^"]+)" text')


class QuizPlugin(BasePlugin[QuizConfig]):
    """Turns ``[[quiz <id>]]`` lines into accessible quizzes, in every site language."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._project = Path()
        self._languages: list[str] = []
        self._default = ""
        self._result = LoadResult()
        self._cache_key: tuple[object, ...] | None = None
        # Per build: placeholders of each page, unknown references, quiz pages.
        self._token = secrets.token_hex(6).upper()
        self._slots: dict[str, list[tuple[str, str]]] = {}
        self._unknown: list[str] = []
        self._quiz_pages: set[str] = set()
        self._versions: dict[str, str] = {}

    # -- configuration --------------------------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has configured this language's build
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Find the site languages, check their catalogs, load the quizzes (once per run)."""
        if not self.config.enabled:
            return None
        self._project = Path(config.config_file_path or ".").resolve().parent
        self._languages, self._default = _site_languages(config)
        missing = []
        for lang in self._languages:
            try:
                i18n.find_catalog(lang)
            except i18n.MissingCatalogError as exc:
                missing.append(exc.describe(self._project))
        if missing:
            raise PluginError("pingan-quiz: " + "\n".join(missing))
        first_build = self._cache_key is None  # static-i18n calls on_config once per language
        for lang in self.config.incomplete_languages if first_build else ():
            if lang not in self._languages:
                log.warning(
                    "incomplete_languages lists '%s', which is not a language this site builds (%s)",
                    lang,
                    ", ".join(self._languages),
                )
        self._load(Path(self.config.quiz_dir))
        return config

    def _load(self, quiz_dir: Path) -> None:
        """Load every quiz unless nothing changed since the last build of this run."""
        stats = tuple(
            (p.name, p.stat().st_mtime_ns, p.stat().st_size)
            for p in sorted(quiz_dir.iterdir())
            if p.is_file()
        )
        key = (str(quiz_dir), tuple(self._languages), self._default, stats)
        if key == self._cache_key:
            return
        result = load_quizzes(
            quiz_dir,
            languages=self._languages,
            default_language=self._default,
            root=self._project if quiz_dir.resolve().is_relative_to(self._project) else quiz_dir.parent,
        )
        if result.errors:
            self._cache_key = None
            count = len(result.errors)
            raise PluginError(
                f"{count} problem{'s' if count != 1 else ''} in the quiz files "
                "(format: quizzes/README.md):\n" + "\n".join(str(p) for p in result.errors)
            )
        incomplete = set(self.config.incomplete_languages)
        for problem in result.warnings:
            if _problem_language(problem) in incomplete:
                log.info("%s (the language is declared incomplete)", problem)
            else:
                log.warning("%s", problem)
        self._result, self._cache_key = result, key
        log.debug("loaded %d quizzes from %s", len(result.quizzes), quiz_dir)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Forget the previous build's pages (static-i18n runs one build per language)."""
        self._slots, self._unknown, self._quiz_pages = {}, [], set()

    # -- files ------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add the script and the stylesheet as files of the site."""
        if not self.config.enabled:
            return None
        for uri in (SCRIPT_URI, STYLE_URI):
            src = ASSETS_DIR / Path(uri).name
            self._versions[uri] = hashlib.sha256(src.read_bytes()).hexdigest()[:10]
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(src)))
        return files

    # -- pages ------------------------------------------------------------------

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Swap each ``[[quiz id]]`` for a placeholder; note unknown ids with their line."""
        if not self.config.enabled:
            return None
        fenced = fenced_lines(markdown)
        matches = [m for m in QUIZ_REF_RE.finditer(markdown) if _line_of(markdown, m.start()) not in fenced]
        if not matches:
            return None
        lines = self._source_lines(page, matches, markdown)
        slots: list[tuple[str, str]] = []
        pieces: list[str] = []
        last = 0
        for m, line in zip(matches, lines):
            quiz_id = m.group("id")
            ref = m.group(0)
            pieces.append(markdown[last : m.start()])
            if quiz_id in self._result.quizzes:
                token = f"PAQUIZ{self._token}X{len(slots)}X"
                slots.append((token, quiz_id))
                # Keep the indentation: a quiz may stand in a list item or an admonition.
                pieces.append(ref[: len(ref) - len(ref.lstrip())] + token)
            else:
                self._unknown.append(f"{self._display_path(page)}:{line}: {self._unknown_message(quiz_id)}")
                pieces.append(ref)
            last = m.end()
        pieces.append(markdown[last:])
        if slots:
            self._slots[page.file.src_uri] = slots
        return "".join(pieces)

    def _source_lines(self, page: Page, matches: list[re.Match[str]], markdown: str) -> list[int]:
        """1-based lines of the references in the lesson file as an editor sees it.

        MkDocs hands plugins the Markdown without its front matter, so lines are
        counted again in the file itself. If another plugin changed the text so
        that the references no longer match, the Markdown's own lines are used.
        """
        md_lines = [_line_of(markdown, m.start()) for m in matches]
        path = page.file.abs_src_path
        if not path:
            return md_lines
        try:
            source = Path(path).read_text(encoding="utf-8-sig")
        except OSError:
            return md_lines
        fenced = fenced_lines(source)
        found = [(m.group("id"), _line_of(source, m.start())) for m in QUIZ_REF_RE.finditer(source)]
        found = [(qid, n) for qid, n in found if n not in fenced]
        # Front matter comes first: the body's references are the last ones.
        tail = found[len(found) - len(matches) :] if len(found) >= len(matches) else []
        if [qid for qid, _ in tail] == [m.group("id") for m in matches]:
            return [n for _, n in tail]
        return md_lines

    def _display_path(self, page: Page) -> str:
        """The lesson's path relative to the project (``content/en/lessons/x.md``)."""
        if page.file.abs_src_path:
            abs_path = Path(page.file.abs_src_path).resolve()
            if abs_path.is_relative_to(self._project):
                return abs_path.relative_to(self._project).as_posix()
        return page.file.src_uri

    def _unknown_message(self, quiz_id: str) -> str:
        quiz_dir = Path(self.config.quiz_dir).resolve()
        shown = quiz_dir.relative_to(self._project).as_posix() if quiz_dir.is_relative_to(self._project) else str(quiz_dir)
        message = f'unknown quiz "{quiz_id}": there is no {shown}/{quiz_id}.yml'
        close = difflib.get_close_matches(quiz_id, list(self._result.quizzes), n=1)
        if close:
            message += f'; did you mean "[[quiz {close[0]}]]"?'
        return message

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Every page has been read: fail once, listing every unknown quiz reference."""
        if self.config.enabled and self._unknown:
            count = len(self._unknown)
            raise PluginError(
                f"{count} unknown quiz reference{'s' if count != 1 else ''} "
                "(write [[quiz <id>]] with the name of a file in the quiz folder):\n"
                + "\n".join(self._unknown)
            )
        return None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Put each quiz, rendered in the language being built, where its placeholder is."""
        slots = self._slots.get(page.file.src_uri) if self.config.enabled else None
        if not slots:
            return None
        lang = _current_language(config)
        strings = i18n.quiz_strings(lang)
        used: dict[str, int] = {}
        for token, quiz_id in slots:
            at = html.find(token)
            if at < 0:  # another plugin dropped it; nothing to replace
                continue
            headings = _HEADING_RE.findall(html, 0, at)
            level = int(headings[-1]) + 1 if headings else 2
            used[quiz_id] = used.get(quiz_id, 0) + 1
            uid = quiz_id if used[quiz_id] == 1 else f"{quiz_id}-{used[quiz_id]}"
            quiz_html = render_quiz(
                self._result.quizzes[quiz_id],
                lang=lang,
                default_language=self._default,
                strings=strings,
                heading_level=level,
                uid=uid,
            )
            html, n = re.subn(rf"<p>\s*{token}\s*</p>", lambda _m: quiz_html, html, count=1)
            if not n:
                html = html.replace(token, quiz_html, 1)
        if not used:
            return None
        self._quiz_pages.add(page.file.src_uri)
        script = self._asset_url(SCRIPT_URI, page)
        return f'{html}\n<script type="module" src="{script}"></script>'

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """On quiz pages only: the stylesheet and the UI strings in ``<head>``."""
        if not self.config.enabled or page.file.src_uri not in self._quiz_pages:
            return None
        css = self._asset_url(STYLE_URI, page)
        head = (
            f'<link rel="stylesheet" href="{css}">\n'
            + strings_script(i18n.quiz_strings(_current_language(config)))
            + "\n"
        )
        at = output.find("</head>")
        if at < 0:
            return head + output
        return output[:at] + head + output[at:]

    def _asset_url(self, uri: str, page: Page) -> str:
        """URL of one of our assets relative to ``page``, with a version for caches."""
        return f"{get_relative_url(uri, page.url)}?v={self._versions.get(uri, '')}"


# -- helpers ------------------------------------------------------------------


def _site_languages(config: MkDocsConfig) -> tuple[list[str], str]:
    """The languages the site builds and its default one.

    With mkdocs-static-i18n: its languages marked ``build`` and its default;
    otherwise the theme's language alone.
    """
    plugin = config.plugins.get("i18n")
    if plugin is not None and getattr(plugin, "config", None) is not None:
        languages = list(getattr(plugin, "build_languages", []) or [])
        default = getattr(plugin, "default_language", None)
        if languages and default:
            if default not in languages:
                languages.insert(0, default)
            return languages, default
    lang = _theme_language(config)
    return [lang], lang


def _theme_language(config: MkDocsConfig) -> str:
    language = config.theme.get("language") or config.theme.get("locale") or "en"
    return str(language).replace("_", "-")


def _current_language(config: MkDocsConfig) -> str:
    """The language being built: static-i18n's current one, else the theme's."""
    plugin = config.plugins.get("i18n")
    current = getattr(plugin, "current_language", None) if plugin is not None else None
    return current or _theme_language(config)


def _problem_language(problem: Problem) -> str | None:
    """The language a missing-translation warning is about, if it is one."""
    m = _MISSING_TEXT_RE.search(problem.message)
    return m.group("lang") if m else None


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1

