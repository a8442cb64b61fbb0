"""MkDocs adapter for quizzes: ``[[quiz <id>]]`` in a lesson becomes a quiz.

A thin layer over the site's model (:mod:`pingan.mkdocs.state`: quizzes loaded and
checked once per build run, with everything else ``make check`` checks) and
``quiz.render`` (HTML). What it adds is the MkDocs wiring:

- ``on_config``: the model (any error fails the build here, before anything is
  written); a summary line per language declared incomplete.
- ``on_files``: ``assets/pingan/quiz.mjs`` and ``quiz.css`` as ordinary, cacheable files.
- ``on_page_markdown``: each reference becomes a placeholder, noted in the shared
  state (the slides find the page's quizzes there).
- ``on_page_content``: each placeholder's quiz is rendered, in the language being
  built, and a comment marks its place (the script module follows the content).
- ``on_post_page`` (first of all plugins): each quiz goes in at its mark; the
  stylesheet and the UI strings go into ``<head>``, on quiz pages only.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from pingan.content.pages import fenced_lines
from pingan.core import catalogs as i18n
from pingan.core import paths
from pingan.core.languages import english_name
from pingan.core.problems import MISSING_TRANSLATION
from pingan.mkdocs import state
from pingan.mkdocs.quiz.config import QuizConfig
from pingan.model import Site
from pingan.quiz.model import Quiz
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


class QuizPlugin(BasePlugin[QuizConfig]):
    """Turns ``[[quiz <id>]]`` lines into accessible quizzes, in every site language."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._project = Path()
        self._site: Site | None = None
        # Per build: placeholders of each page, unknown references, quiz pages.
        self._token = secrets.token_hex(6).upper()
        self._slots: dict[str, list[tuple[str, str]]] = {}
        self._unknown: list[str] = []
        self._quiz_pages: dict[str, list[tuple[str, str]]] = {}  # page -> (mark, quiz HTML)
        self._versions: dict[str, str] = {}
        #: Interface words per language, read once per build run (`mkdocs serve` starts a
        #: new run, with new plugins, for every change, so an edited catalog shows).
        self._strings: dict[str, dict[str, str]] = {}

    @property
    def _quizzes(self) -> dict[str, Quiz]:
        return self._site.quizzes if self._site is not None else {}

    # -- configuration --------------------------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has configured this language's build
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """The site's model, checked (once per run); what the quiz files lack, said once."""
        if not self.config.enabled:
            return None
        self._project = Path(config.config_file_path or ".").resolve().parent
        self._site = state.site_for(config)
        if state.first_time(config, "quizzes"):
            self._report(self._site)
        return config

    def _report(self, site: Site) -> None:
        """Warnings of the quiz files; for a language declared incomplete, one line."""
        for lang in self.config.incomplete_languages:
            if lang not in site.languages:
                log.warning(
                    "incomplete_languages lists '%s', which is not a language this site builds (%s)",
                    lang,
                    ", ".join(site.languages),
                )
        incomplete = set(self.config.incomplete_languages)
        for problem in site.quiz_warnings:
            if problem.language not in incomplete or problem.code != MISSING_TRANSLATION:
                log.warning("%s", problem.text)
        default = english_name(site.default_language)
        for lang, ids in sorted(site.incomplete().items()):
            if lang in incomplete:
                count = len(ids)
                log.info(
                    "%s: %d quiz%s fall%s back to %s; make i18n-status lists them",
                    lang,
                    count,
                    "zes" if count != 1 else "",
                    "" if count != 1 else "s",
                    default,
                )

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Forget the previous build's pages (static-i18n runs one build per language)."""
        self._slots, self._unknown, self._quiz_pages = {}, [], {}
        state.shared(config).slots.clear()

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

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Swap each ``[[quiz id]]`` for a placeholder; note unknown ids with their line."""
        if not self.config.enabled:
            return None
        matches = list(QUIZ_REF_RE.finditer(markdown)) if "[[" in markdown else []
        if matches:
            fenced = fenced_lines(markdown)
            matches = [m for m in matches if _line_of(markdown, m.start()) not in fenced]
        if not matches:
            return None
        slots: list[tuple[str, str]] = []
        pieces: list[str] = []
        last = 0
        lines: list[int] = []  # in the file, found once an id is unknown
        for index, m in enumerate(matches):
            quiz_id = m.group("id")
            ref = m.group(0)
            pieces.append(markdown[last : m.start()])
            if quiz_id in self._quizzes:
                token = f"PAQUIZ{self._token}X{len(slots)}X"
                slots.append((token, quiz_id))
                # Keep the indentation: a quiz may stand in a list item or an admonition.
                pieces.append(ref[: len(ref) - len(ref.lstrip())] + token)
            else:
                # Only an unknown id needs its line in the file (make check has said so already).
                lines = lines or self._source_lines(page, matches, markdown)
                self._unknown.append(f"{self._display_path(page)}:{lines[index]}: {self._unknown_message(quiz_id)}")
                pieces.append(ref)
            last = m.end()
        pieces.append(markdown[last:])
        if slots:
            self._slots[page.file.src_uri] = slots
            state.shared(config).slots[page.file.src_uri] = slots
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
        shown = (
            quiz_dir.relative_to(self._project).as_posix() if quiz_dir.is_relative_to(self._project) else str(quiz_dir)
        )
        message = f'unknown quiz "{quiz_id}": there is no {shown}/{quiz_id}.yml'
        close = difflib.get_close_matches(quiz_id, list(self._quizzes), n=1)
        if close:
            message += f'; did you mean "[[quiz {close[0]}]]"?'
        return message

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Every page has been read: fail once, listing every unknown quiz reference."""
        if self.config.enabled and self._unknown:
            count = len(self._unknown)
            raise PluginError(
                f"{count} unknown quiz reference{'s' if count != 1 else ''} "
                "(write [[quiz <id>]] with the name of a file in the quiz folder):\n" + "\n".join(self._unknown)
            )
        return None

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Put each quiz, rendered in the language being built, where its placeholder is."""
        slots = self._slots.get(page.file.src_uri) if self.config.enabled else None
        if not slots:
            return None
        lang = _current_language(config)
        strings = self._words(lang)
        used: dict[str, int] = {}
        quizzes: list[tuple[str, str]] = []
        for token, quiz_id in slots:
            at = html.find(token)
            if at < 0:  # another plugin dropped it; nothing to replace
                continue
            headings = _HEADING_RE.findall(html, 0, at)
            level = int(headings[-1]) + 1 if headings else 2
            used[quiz_id] = used.get(quiz_id, 0) + 1
            uid = quiz_id if used[quiz_id] == 1 else f"{quiz_id}-{used[quiz_id]}"
            quiz_html = render_quiz(
                self._quizzes[quiz_id],
                lang=lang,
                default_language=self._site.default_language if self._site else lang,
                strings=strings,
                heading_level=level,
                uid=uid,
            )
            # In the page's content, a comment marks the spot; the quiz goes there in
            # on_post_page. So what reads page.content in between (Material's search, which
            # would parse every tag of the quiz only to skip it) never sees the quiz.
            mark = f"<!--{token}-->"
            quizzes.append((mark, quiz_html))
            alone = re.search(rf"<p>\s*{token}\s*</p>", html)
            if alone:  # the paragraph Markdown made around the placeholder goes too
                html = html[: alone.start()] + mark + html[alone.end() :]
            else:
                html = html.replace(token, mark, 1)
        if not used:
            return None
        self._quiz_pages[page.file.src_uri] = quizzes
        script = self._asset_url(SCRIPT_URI, page)
        offline = config.plugins.get("material/offline")
        if offline is not None and offline.config.enabled:
            # From file:// a module is refused: pingan-site makes this tag load a classic copy.
            return f'{html}\n<script type="module" src="{script}"></script>'
        # data-pa-offline: the service worker keeps quiz.mjs with the page (offline/register.js).
        return f'{html}\n<script type="module" data-pa-offline="{script}">{_loader(script)}</script>'

    @event_priority(100)  # first: every other plugin's on_post_page sees the page with its quizzes
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """On quiz pages only: each quiz where its mark is; the stylesheet and the UI strings
        in ``<head>``."""
        quizzes = self._quiz_pages.get(page.file.src_uri) if self.config.enabled else None
        if not quizzes:
            return None
        for mark, quiz_html in quizzes:
            output = output.replace(mark, quiz_html, 1)
        css = self._asset_url(STYLE_URI, page)
        head = f'<link rel="stylesheet" href="{css}">\n' + strings_script(self._words(_current_language(config))) + "\n"
        at = output.find("</head>")
        if at < 0:
            return head + output
        return output[:at] + head + output[at:]

    def _words(self, lang: str) -> dict[str, str]:
        """The quiz's interface words in ``lang`` (:func:`pingan.core.catalogs.quiz_strings`)."""
        words = self._strings.get(lang)
        if words is None:
            words = self._strings[lang] = i18n.quiz_strings(lang)
        return words

    def _asset_url(self, uri: str, page: Page) -> str:
        """URL of one of our assets relative to ``page``, with a version for caches."""
        return f"{get_relative_url(uri, page.url)}?v={self._versions.get(uri, '')}"


# -- helpers ------------------------------------------------------------------


@functools.cache
def _loader_source() -> str:
    """assets/quiz-loader.js without its comment lines (it is written into every quiz page)."""
    lines = (ASSETS_DIR / "quiz-loader.js").read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith("//"))


def _loader(script: str) -> str:
    """The inline module that imports ``script`` (quiz.mjs) when a quiz comes near."""
    return _loader_source().replace("SRC", json.dumps(script), 1)


def _theme_language(config: MkDocsConfig) -> str:
    language = config.theme.get("language") or config.theme.get("locale") or "en"
    return str(language).replace("_", "-")


def _current_language(config: MkDocsConfig) -> str:
    """The language being built: static-i18n's current one, else the theme's."""
    plugin = config.plugins.get("i18n")
    current = getattr(plugin, "current_language", None) if plugin is not None else None
    return current or _theme_language(config)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1
