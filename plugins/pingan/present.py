"""MkDocs adapter for presenting lessons to a class: ``<lesson>/present/`` beside every lesson.

A thin layer over :mod:`pingan.slides` (plain Python). What it adds is the MkDocs wiring:

- ``on_config``: the languages the site builds (from mkdocs-static-i18n if present)
  and where the quizzes are (the ``pingan-quiz`` plugin's ``quiz_dir``).
- ``on_files``: ``assets/pingan/print.css`` (paper styles for every page; the theme
  override ``main.html`` loads it with ``media="print"``).
- ``on_page_context``: on a lesson page (front matter with ``audience``), the
  template variable ``pa_present`` (the relative link to the slides, and whether
  the page has a quiz to print) for ``partials/pingan-present-link.html``.
- ``on_post_page``: the slides of the lesson, written as a standalone page
  (``templates/present.html``) to ``<lesson url>/present/index.html``, in the
  language being built (static-i18n builds each language in turn).

The slide page needs no server: every URL in it is relative, and its style
sheet and script (``assets/slides.css``, ``assets/slides.mjs``) are written into
it, so it also works opened from a folder (``file://``) on a classroom computer.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from pingan import i18n, languages, slides
from pingan.pictures.inline import inline_pictures
from pingan.quiz.loader import load_quizzes
from pingan.quiz.model import Quiz

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

__all__ = ["PresentConfig", "PresentPlugin"]

ASSETS_DIR = Path(__file__).parent / "assets"
TEMPLATES_DIR = Path(__file__).parent / "templates"
#: Paper styles for every page, served as an ordinary file.
PRINT_URI = "assets/pingan/print.css"

# pingan.site wraps a page shown in another language than the build's in this <div>.
_FALLBACK_RE = re.compile(r'\A\s*<div lang="([^"]+)" dir="([^"]+)">(.*)</div>\s*\Z', re.S)


class PresentConfig(Config):
    """Options of the ``pingan-present`` plugin; ``- pingan-present`` is enough."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off: no slides, no "Present" link, no print styles."""
    folder = c.Type(str, default="present")
    """The folder under each lesson's address that holds its slides."""


class PresentPlugin(BasePlugin[PresentConfig]):
    """Slides of every lesson, in every language, and print styles for every page."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._lang = ""
        self._languages: list[str] = []
        self._default = ""
        self._quiz_dir: Path | None = None
        self._quizzes: dict[str, Quiz] = {}
        self._quiz_key: tuple[object, ...] | None = None
        self._theme_dirs: list[str] = []
        self._pa: dict[str, Any] = {}
        self._envs: dict[tuple[str, tuple[str, ...]], Environment] = {}

    # -- configuration -------------------------------------------------------------

    @event_priority(-120)  # after static-i18n (-100) and the site and quiz plugins (-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Note the language of this build, the site's languages and the quiz folder."""
        if not self.config.enabled:
            return None
        self._lang = str(config.theme["language"])
        plugin = config.plugins.get("i18n")
        build = list(getattr(plugin, "build_languages", []) or []) if plugin is not None else []
        default = getattr(plugin, "default_language", None) if plugin is not None else None
        self._default = default or self._lang
        self._languages = build or [self._lang]
        if self._default not in self._languages:
            self._languages.insert(0, self._default)
        quiz = config.plugins.get("pingan-quiz")
        quiz_dir = getattr(getattr(quiz, "config", None), "quiz_dir", None)
        if quiz is not None and getattr(quiz.config, "enabled", True) and quiz_dir:
            self._quiz_dir = Path(quiz_dir)
        else:
            self._quiz_dir = None
        self._theme_dirs = list(config.theme.dirs)
        return config

    def _quiz(self, config: MkDocsConfig, quiz_id: str) -> Quiz | None:
        """The checked quiz ``quiz_id``: the quiz plugin's copy if it offers one, else our own."""
        plugin = config.plugins.get("pingan-quiz")
        offered = getattr(plugin, "quizzes", None)
        if isinstance(offered, dict) and quiz_id in offered:
            return offered[quiz_id]
        if self._quiz_dir is None or not self._quiz_dir.is_dir():
            return None
        stats = tuple(
            (p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(self._quiz_dir.iterdir()) if p.is_file()
        )
        key = (str(self._quiz_dir), tuple(self._languages), self._default, stats)
        if key != self._quiz_key:
            # The quiz plugin has read these files already and reported every problem.
            result = load_quizzes(self._quiz_dir, languages=self._languages, default_language=self._default)
            self._quizzes, self._quiz_key = result.quizzes, key
        return self._quizzes.get(quiz_id)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Forget the previous build's pages (static-i18n runs one build per language)."""
        self._pa = {}

    # -- files ----------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add the print style sheet as a file of the site."""
        if not self.config.enabled:
            return None
        if files.get_file_from_path(PRINT_URI) is None:
            files.append(File.generated(config, PRINT_URI, abs_src_path=str(ASSETS_DIR / "print.css")))
        return files

    # -- pages ----------------------------------------------------------------------

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any] | None:
        """Every page: the print style sheet (``pa_print``); a lesson: its "Present" link and
        print buttons (``pa_present``)."""
        if not self.config.enabled:
            return None
        context["pa_print"] = PRINT_URI
        if not _is_lesson(page):
            return context
        context["pa_present"] = {
            "href": get_relative_url(self._deck_url(page), page.url),
            "quiz": "data-pa-quiz=" in (page.content or ""),
        }
        # The "Get help" box of the last slide is the page's own (pingan.site's context).
        self._pa[page.file.src_uri] = context.get("pa") or {}
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Write the lesson's slides beside it."""
        if not self.config.enabled or not _is_lesson(page):
            return None
        deck_url = self._deck_url(page)
        html = self._render_deck(page, config, deck_url)
        dest = Path(page.file.abs_dest_path)
        folder = dest.parent if dest.name == "index.html" else dest.with_suffix("")
        target = folder / self.config.folder / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        return None

    def _deck_url(self, page: Page) -> str:
        """``lessons/x/present/`` (or ``lessons/x/present/index.html`` without directory URLs)."""
        url = page.url
        if not url or url.endswith("/"):
            return f"{url}{self.config.folder}/"
        base = str(PurePosixPath(url).with_suffix(""))
        return f"{base}/{self.config.folder}/index.html"

    def _render_deck(self, page: Page, config: MkDocsConfig, deck_url: str) -> str:
        lang = self._lang
        strings = {**i18n.quiz_strings(lang), **slides.deck_strings(lang)}
        title = page.title or ""
        content = slides.clean(page.content or "")
        content = inline_pictures(content)  # the deck is one standalone file (issue 14)
        content_lang = ""
        wrapped = _FALLBACK_RE.match(content) if page.meta.get("pa_source_lang") else None
        if wrapped:
            content_lang, content = wrapped.group(1), wrapped.group(3)

        def quiz(quiz_id: str, heading: str) -> list[slides.Slide]:
            found = self._quiz(config, quiz_id)
            if found is None:
                return []
            return slides.quiz_slides(
                found, lang=lang, default_language=self._default, strings=strings, heading=heading
            )

        body = slides.lesson_slides(
            slides.rebase_urls(content, _prefix(page.url, deck_url)), strings=strings, title=title, quiz=quiz
        )
        url = page.canonical_url or ""
        if _is_local(url):
            # The local preview address (the default site_url) means nothing on a pupil's
            # phone: no QR code until SITE_URL names the public site.
            url = ""
        pa = self._pa.get(page.file.src_uri) or {}
        lesson = pa.get("lesson") or {}
        # The deck: a title slide, the lesson's goals, its sections and quiz, then help
        # and the QR code (the template fills the slides it alone has words for).
        deck = [slides.Slide("title", str(escape(title)))]
        if lesson.get("objectives"):
            deck.append(slides.Slide("goals", ""))
        deck += body
        if url or pa.get("hotlines"):
            deck.append(slides.Slide("end", ""))
        env = self._env(lang)
        template = env.get_template("present.html")
        return template.render(
            lang=lang,
            dir=languages.direction(lang),
            content_lang=content_lang,
            content_dir=languages.direction(content_lang) if content_lang else "",
            title=title,
            site_name=config.site_name,
            lesson=lesson,
            pa=pa,
            slides=deck,
            s=strings,
            strings_json=_json_script(strings),
            back=get_relative_url(page.url, deck_url),
            favicon=get_relative_url(config.theme.get("favicon") or "assets/pingan/favicon.svg", deck_url),
            url=url,
            description=page.meta.get("description") or config.site_description or title,
            canonical=urljoin(config.site_url, deck_url) if config.site_url else "",
            qr=Markup(slides.qr_svg(url, i18n.fill(strings["qr"], {"url": url}))),
            css=Markup(_asset("slides.css", "</style")),
            js=Markup(_asset("slides.mjs", "</script")),
        )

    def _env(self, lang: str) -> Environment:
        """Our template, with the theme's partials (the "Get help" box) and gettext in ``lang``."""
        key = (lang, tuple(self._theme_dirs))
        env = self._envs.get(key)
        if env is not None:
            # Again each time: `mkdocs serve` picks up an edited catalog (pingan.i18n caches by mtime).
            env.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]
            return env
        env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(
                [jinja2.FileSystemLoader(str(TEMPLATES_DIR)), jinja2.FileSystemLoader(self._theme_dirs)]
            ),
            # Our page escapes everything; the theme's partials (the "Get help" box) are
            # written exactly as on every other page, where Material does not autoescape.
            autoescape=lambda name: not (name or "").startswith("partials/"),
            extensions=["jinja2.ext.i18n"],
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]
        env.filters["fill"] = _fill
        self._envs[key] = env
        return env


def _fill(text: str, **values: object) -> Markup:
    """Jinja filter: ``{name}`` placeholders filled, text and values escaped (Markup kept)."""
    return Markup(i18n.fill(str(escape(text)), {k: escape(v) for k, v in values.items()}))


def _is_lesson(page: Page) -> bool:
    """A lesson is a page whose front matter says who it is for."""
    return bool(page.meta.get("audience")) and page.file.src_uri.endswith(".md")


def _prefix(page_url: str, deck_url: str) -> str:
    """What relative URLs of the page need in front of them to work from the deck."""
    depth = deck_url.count("/") - page_url.count("/")
    return "../" * max(depth, 0)


def _asset(name: str, closing: str) -> str:
    """One of our front-end files, to be written inside the deck page."""
    text = (ASSETS_DIR / name).read_text(encoding="utf-8")
    if closing in text.lower():
        raise ValueError(f"{name} must not contain {closing!r}: it is written inside the page")
    return text


def _json_script(data: dict[str, str]) -> Markup:
    """JSON safe inside ``<script type="application/json">`` (no ``<``, ``>`` or ``&``)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _is_local(url: str) -> bool:
    """True for an address only this computer can open (127.0.0.1, localhost, ::1)."""
    from ipaddress import ip_address
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False
