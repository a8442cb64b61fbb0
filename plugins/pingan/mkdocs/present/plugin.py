"""MkDocs adapter for presenting lessons to a class: ``<lesson>/present/`` beside every lesson.

A thin layer over :mod:`pingan.slides` (plain Python). What it adds is the MkDocs wiring:

- ``on_config``: the site's model (:mod:`pingan.mkdocs.state`): its languages and
  its quizzes, loaded once per build run.
- ``on_files``: ``assets/pingan/print.css`` (paper styles for every page; the theme
  override ``main.html`` loads it with ``media="print"``).
- ``on_page_context``: on a lesson page (front matter with ``audience``), the
  template variable ``pa_present`` (the relative link to the slides, and whether
  the page has a quiz to print) for ``partials/pingan-present-link.html``.
- ``on_page_content``: the lesson's HTML before the quizzes are rendered into it:
  the quiz plugin's placeholders (noted in the shared state) mark where each quiz
  object of the model goes, so no rendered quiz HTML is parsed.
- ``on_post_page``: the slides of the lesson, written as a standalone page
  (``templates/present.html``) to ``<lesson url>/present/index.html``, in the
  language being built (static-i18n builds each language in turn).

The slide page needs no server: every URL in it is relative, and its style sheet
and script are files of the site (``assets/pingan/slides.css``; ``assets/slides.mjs``
served as the classic script ``assets/pingan/slides.js``, since browsers refuse ES
modules from ``file://``), so it also works opened from a folder on a classroom computer.
They are shared by every deck: a browser fetches them once for a whole lesson series,
and the build compresses them once, not inside each of the ~100 decks (issue 12).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup, escape
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from pingan import slides
from pingan.core import catalogs as i18n
from pingan.core import languages, paths
from pingan.core.css import minify_css
from pingan.mkdocs import state
from pingan.mkdocs.present.config import PresentConfig
from pingan.model import Site
from pingan.pictures.inline import inline_pictures
from pingan.trust.escape import plain_text

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)

__all__ = ["PresentConfig", "PresentPlugin"]

ASSETS_DIR = paths.ASSETS_DIR
TEMPLATES_DIR = paths.TEMPLATES_DIR
#: Paper styles for every page, served as an ordinary file.
PRINT_URI = "assets/pingan/print.css"
#: The decks' style sheet and script: site path -> file of the package. The script has no
#: import or export, so the module source runs as a classic script (which file:// allows).
DECK_ASSETS = {
    "assets/pingan/slides.css": ASSETS_DIR / "slides.css",
    "assets/pingan/slides.js": ASSETS_DIR / "slides.mjs",
}


class PresentPlugin(BasePlugin[PresentConfig]):
    """Slides of every lesson, in every language, and print styles for every page."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._lang = ""
        self._site: Site | None = None
        self._theme_dirs: list[str] = []
        self._pa: dict[str, Any] = {}
        self._content: dict[str, str] = {}
        self._envs: dict[tuple[str, ...], Environment] = {}
        #: The language whose words each environment has installed (decks come one language
        #: at a time: static-i18n builds each language in turn).
        self._gettext_lang: dict[tuple[str, ...], str] = {}
        self._versions: dict[str, str] = {}
        self._bytecode_cache: jinja2.BytecodeCache | None = None
        #: Interface words per language, read once per build run (a run is one set of
        #: catalogs: `mkdocs serve` starts a new run, with new plugins, for every change).
        self._strings: dict[str, dict[str, str]] = {}

    # -- configuration -------------------------------------------------------------

    @event_priority(-120)  # after static-i18n (-100) and the site and quiz plugins (-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Note the language of this build and the site's model."""
        if not self.config.enabled:
            return None
        self._lang = str(config.theme["language"])
        self._site = state.site_for(config)
        # Each language's build run of static-i18n puts its sitemap folder in front once more:
        # the same folders, once each, so every language shares one template environment.
        self._theme_dirs = list(dict.fromkeys(config.theme.dirs))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Forget the previous build's pages (static-i18n runs one build per language)."""
        self._pa, self._content = {}, {}

    # -- files ----------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add the print style sheet and the decks' style sheet and script as files of the
        site; the style sheets without their comments (browsers fetch print.css on every
        page, even with ``media="print"``: issue 14, 85 KB first load)."""
        if not self.config.enabled:
            return None
        # Files on disk, not in memory: mkdocs-static-i18n needs each file's source path.
        folder = Path(config.config_file_path or ".").resolve().parent / ".cache" / "pingan-present"
        folder.mkdir(parents=True, exist_ok=True)
        if self._bytecode_cache is None:
            (folder / "jinja").mkdir(exist_ok=True)
            self._bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder / "jinja"))
        for uri, src in {PRINT_URI: ASSETS_DIR / "print.css", **DECK_ASSETS}.items():
            if src.suffix == ".css":
                target = folder / src.name
                css = minify_css(src.read_text(encoding="utf-8"))
                if not target.is_file() or target.read_text(encoding="utf-8") != css:
                    target.write_text(css, encoding="utf-8")
                src = target
            if uri in DECK_ASSETS:
                self._versions[uri] = hashlib.sha256(src.read_bytes()).hexdigest()[:10]
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(src)))
        return files

    # -- pages ----------------------------------------------------------------------

    @event_priority(-50)  # after pingan-site has put the page's "pa" context (its help box)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Every page: the print style sheet (``pa_print``); a lesson: its "Present" link and
        print buttons (``pa_present``)."""
        if not self.config.enabled:
            return None
        ours = cast(dict[str, Any], context)  # TemplateContext names only MkDocs' own keys
        ours["pa_print"] = PRINT_URI
        if not self._is_lesson(page):
            return context
        ours["pa_present"] = {
            "href": get_relative_url(self._deck_url(page), page.url),
            "quiz": bool(state.shared(config).slots.get(page.file.src_uri)),
        }
        # The "Get help" box of the last slide is the page's own (pingan.site's context).
        self._pa[page.file.src_uri] = ours.get("pa") or {}
        return context

    @event_priority(90)  # after pingan-pictures (95), before the quiz plugin renders its quizzes (0)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Keep a lesson's own HTML, with the quiz placeholders still in it."""
        if self.config.enabled and self._is_lesson(page):
            self._content[page.file.src_uri] = html
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Write the lesson's slides beside it."""
        if not self.config.enabled or not self._is_lesson(page):
            return None
        deck_url = self._deck_url(page)
        html = self._render_deck(page, config, deck_url)
        dest = Path(page.file.abs_dest_path)
        folder = dest.parent if dest.name == "index.html" else dest.with_suffix("")
        target = folder / self.config.folder / "index.html"
        # os.makedirs looks before it makes (the page's own folder is not there yet: MkDocs
        # writes the page after this event), where Path.mkdir fails once first.
        os.makedirs(target.parent, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        return None

    def _is_lesson(self, page: Page) -> bool:
        """A lesson of the model (``content/<lang>/lessons/…``; a page shown in another
        language is the lesson it falls back to)."""
        return self._site is not None and self._site.lesson_at(page.file.abs_src_path) is not None

    def _deck_url(self, page: Page) -> str:
        """``lessons/x/present/`` (or ``lessons/x/present/index.html`` without directory URLs)."""
        url = page.url
        if not url or url.endswith("/"):
            return f"{url}{self.config.folder}/"
        base = str(PurePosixPath(url).with_suffix(""))
        return f"{base}/{self.config.folder}/index.html"

    def _render_deck(self, page: Page, config: MkDocsConfig, deck_url: str) -> str:
        lang = self._lang
        site = self._site
        assert site is not None
        strings = self._strings.get(lang)
        if strings is None:
            strings = self._strings[lang] = {**i18n.quiz_strings(lang), **slides.deck_strings(lang)}
        title = page.title or ""
        content = slides.clean(self._content.get(page.file.src_uri, page.content or ""))
        content_lang = str(page.meta.get("pa_source_lang") or "")
        markers = dict(state.shared(config).slots.get(page.file.src_uri, []))

        def quiz(quiz_id: str, heading: str) -> list[slides.Slide]:
            found = site.quizzes.get(quiz_id)
            if found is None:
                return []
            return slides.quiz_slides(
                found, lang=lang, default_language=site.default_language, strings=strings, heading=heading
            )

        body = slides.lesson_slides(
            slides.rebase_urls(content, _prefix(page.url, deck_url)),
            strings=strings,
            title=plain_text(title),
            markers=markers,
            quiz=quiz,
        )
        url = page.canonical_url or ""
        if _is_local(url):
            # The local preview address (the default site_url) means nothing on a pupil's
            # phone: no QR code until SITE_URL names the public site.
            url = ""
        pa = self._pa.get(page.file.src_uri) or {}
        lesson = pa.get("lesson") or {}
        # The deck: a title slide, the lesson's goals, its sections and quiz, then help
        # and the QR code. The template writes the slides it alone has words for (title,
        # goals, help); the others come written (pingan.slides.markup).
        goals = bool(lesson.get("objectives"))
        end = bool(url or pa.get("hotlines"))
        first = 2 + goals
        total = first + len(body) - 1 + end
        env = self._env(lang)
        template = env.get_template("present.html")
        html = template.render(
            lang=lang,
            dir=languages.direction(lang),
            title=title,
            site_name=config.site_name,
            lesson=lesson,
            pa=pa,
            goals=goals,
            end=end,
            total=total,
            opening=lambda kind, n: Markup(slides.slide_opening(kind, n, total=total, strings=strings)),
            body=Markup(
                slides.slides_html(
                    body,
                    first=first,
                    total=total,
                    strings=strings,
                    content_lang=content_lang,
                    content_dir=languages.direction(content_lang) if content_lang else "",
                )
            ),
            s=strings,
            strings_json=_json_script(strings),
            back=get_relative_url(page.url, deck_url),
            favicon=get_relative_url(config.theme.get("favicon") or "assets/pingan/favicon.svg", deck_url),
            url=url,
            description=page.meta.get("description") or config.site_description or title,
            canonical=urljoin(config.site_url, deck_url) if config.site_url else "",
            qr=Markup(slides.qr_svg(url, i18n.fill(strings["qr"], {"url": url}))),
            css=self._asset_url("assets/pingan/slides.css", deck_url),
            js=self._asset_url("assets/pingan/slides.js", deck_url),
        )
        # The deck is one standalone file (issue 14): its pictures go in as inline SVG, once
        # the slides are cut (the scanner and the line counts then meet an <img>, not the
        # hundreds of elements of a drawing).
        return inline_pictures(html)

    def _asset_url(self, uri: str, deck_url: str) -> str:
        """URL of a deck asset relative to the deck, with a version for caches."""
        return f"{get_relative_url(uri, deck_url)}?v={self._versions.get(uri, '')}"

    def _env(self, lang: str) -> Environment:
        """Our template, with the theme's partials (the "Get help" box) and gettext in ``lang``.

        One environment for every language, so each template is compiled once per build
        run, not once per language; decks are rendered one at a time, and the language's
        words are installed when the language changes (a build run reads each catalog once:
        `mkdocs serve` starts a new run, with new plugins, for every change).
        """
        key = tuple(self._theme_dirs)
        env = self._envs.get(key)
        if env is None:
            env = jinja2.Environment(
                # Compiled templates kept between builds (Jinja checks each one against its
                # source): a rebuild after an edit does not compile the deck's templates again.
                bytecode_cache=self._bytecode_cache,
                loader=jinja2.ChoiceLoader(
                    [jinja2.FileSystemLoader(str(TEMPLATES_DIR)), jinja2.FileSystemLoader(self._theme_dirs)]
                ),
                # Our page escapes everything; the theme's partials (the "Get help" box) are
                # written exactly as on every other page, where Material does not autoescape.
                autoescape=lambda name: not (name or "").startswith("partials/"),
                extensions=["jinja2.ext.i18n"],
                # A build run compiles each template once (`mkdocs serve` starts a new run,
                # with new plugins, for every change), so no file is stat'ed per deck.
                auto_reload=False,
                trim_blocks=True,
                lstrip_blocks=True,
            )
            env.filters["fill"] = _fill
            self._envs[key] = env
        if self._gettext_lang.get(key) != lang:
            env.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]
            self._gettext_lang[key] = lang
        return env


def _fill(text: str, **values: object) -> Markup:
    """Jinja filter: ``{name}`` placeholders filled, text and values escaped (Markup kept)."""
    return Markup(i18n.fill(str(escape(text)), {k: escape(v) for k, v in values.items()}))


def _prefix(page_url: str, deck_url: str) -> str:
    """What relative URLs of the page need in front of them to work from the deck."""
    depth = deck_url.count("/") - page_url.count("/")
    return "../" * max(depth, 0)


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
