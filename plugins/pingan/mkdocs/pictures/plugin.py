"""MkDocs adapter (``pingan-pictures``): lesson pictures, lesson cards, read-aloud.

- ``on_files``: every scene of :mod:`pingan.pictures.scenes`, composed from the installed
  OpenMoji glyphs, as ``assets/pingan/pictures/<name>.svg`` (served from the site itself).
- ``on_page_markdown``: ``[[lessons]]`` becomes a placeholder; ``on_page_context`` swaps it
  for the lesson cards, built from the lessons' own titles and front matter (so a card's
  title is always the sidebar's).
- ``on_page_content``: a lesson picture gets its size (no layout shift) and loads lazily;
  a children's lesson gets the read-aloud button and its script (an external module).
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from html import escape, unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from pingan.core.catalogs import N_
from pingan.core.css import minify_css
from pingan.core.paths import ASSETS_DIR
from pingan.pictures import compose as compose_module
from pingan.pictures.cards import LESSONS_REF_RE, Card, render_cards
from pingan.pictures.compose import HEIGHT, WIDTH, compose, compose_sheet
from pingan.pictures.scenes import CARD_SHEET, SCENES, card_picture, card_scenes

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

PICTURES_URI = "assets/pingan/pictures/"
READ_SCRIPT = Path(compose_module.__file__).parent / "readaloud.mjs"
READ_URI = "assets/pingan/readaloud.mjs"
#: What a children's lesson runs on load instead of readaloud.mjs (issue 14's 85 KB first load):
#: show the buttons when a voice fits the page's language (readaloud.mjs picks among the same
#: voices), and fetch readaloud.mjs as soon as the reader reaches for "read" (pointer down or
#: focus), so that it usually runs the tap itself, inside the gesture (which iOS wants for
#: speech); a tap that comes first is passed on once it has loaded. Hashed into the CSP.
READ_LOADER = (
    'const root = document.querySelector(".pa-read"), synth = window.speechSynthesis;'
    "if (root && synth && window.SpeechSynthesisUtterance) {"
    'const base = (document.documentElement.lang || "zh").toLowerCase().split("-")[0];'
    'const tag = (v) => String(v.lang || "").toLowerCase().replace(/_/g, "-").split("-")[0];'
    'const ready = () => root.hasAttribute("data-pa-ready");'
    "const show = () => { if (!ready()) root.hidden = !(synth.getVoices() || []).some((v) => tag(v) === base); };"
    'show(); if (synth.addEventListener) synth.addEventListener("voiceschanged", show);'
    'const toggle = root.querySelector(".pa-read__toggle");'
    "let loaded = null; const load = () => loaded || (loaded = import(SRC));"
    'toggle.addEventListener("pointerdown", load); toggle.addEventListener("focus", load);'
    'toggle.addEventListener("click", () => { if (!ready()) load().then(() => toggle.click()); });}'
)
#: The read-aloud buttons' words (msgids of the UI catalogs).
READ_WORDS = {
    # TRANSLATORS: button above a children's lesson: the device reads the lesson aloud.
    "read": N_("Read aloud"),
    # TRANSLATORS: the read-aloud button while it reads: pause reading.
    "pause": N_("Pause"),
    # TRANSLATORS: the read-aloud button while paused: go on reading.
    "resume": N_("Resume"),
    # TRANSLATORS: button beside the read-aloud button: stop reading.
    "stop": N_("Stop reading"),
}
_ASSETS = ASSETS_DIR
_SITE_CSS, _QUIZ_CSS = _ASSETS / "site" / "site.css", _ASSETS / "quiz.css"
SITE_CSS_URI = "assets/pingan/site.css"
_QUIZ_CSS_LINK_RE = re.compile(r'<link rel="stylesheet" href="[^"]*assets/pingan/quiz\.css(?:\?[^"]*)?">\n?')
#: The row of lesson buttons (partials/pingan-present-link.html): read-aloud goes after it.
_PRESENT_END_RE = re.compile(r'<p class="pa-present">.*?</p>', re.S)
_PICTURE_IMG_RE = re.compile(r'<img\b(?=[^>]*\bsrc="[^"]*assets/pingan/pictures/[^"]+\.svg")([^>]*?)\s*/?>')


class PicturesConfig(Config):
    """Options of ``pingan-pictures``."""

    enabled = c.Type(bool, default=True)


class PicturesPlugin(BasePlugin[PicturesConfig]):
    """Pictures, lesson cards and read-aloud for the classroom."""

    def __init__(self) -> None:
        self._svgs: dict[str, str] = {}
        self._token = f"PALESSONS{secrets.token_hex(6).upper()}"
        self._card_pages: set[str] = set()
        self._read_version = ""
        self._merged_css = False

    @event_priority(10)  # before pingan-site, which adds site.css only when no plugin has
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """The composed scenes as files of the site (composed once per run); site.css with
        the quiz's styles in it, so that a lesson has one render-blocking style sheet of ours
        (without comments: :func:`pingan.core.css.minify_css`)."""
        if not self.config.enabled:
            return None
        folder = Path(config.config_file_path or ".").resolve().parent / ".cache" / "pingan-pictures"
        folder.mkdir(parents=True, exist_ok=True)
        if "pingan-site" in config.plugins and "pingan-quiz" in config.plugins:
            combined = folder / "site.css"
            css = minify_css("\n".join(p.read_text(encoding="utf-8") for p in (_SITE_CSS, _QUIZ_CSS)))
            if not combined.is_file() or combined.read_text(encoding="utf-8") != css:
                combined.write_text(css, encoding="utf-8")
            if files.get_file_from_path(SITE_CSS_URI) is None:
                files.append(File.generated(config, SITE_CSS_URI, abs_src_path=str(combined)))
            self._merged_css = True
        if not self._svgs:
            # Files on disk, not in memory: mkdocs-static-i18n needs each file's source path.
            pictures = [(scene.name, compose(scene)) for scene in SCENES]
            # The cards' pictures in one file: one request, each glyph once (issue 14: 85 KB).
            pictures.append((CARD_SHEET, compose_sheet(card_scenes())))
            for name, svg in pictures:
                path = folder / f"{name}.svg"
                if not path.is_file() or path.read_text(encoding="utf-8") != svg:
                    path.write_text(svg, encoding="utf-8")
                self._svgs[name] = str(path)
        if files.get_file_from_path(READ_URI) is None:
            files.append(File.generated(config, READ_URI, abs_src_path=str(READ_SCRIPT)))
        self._read_version = hashlib.sha256(READ_SCRIPT.read_bytes()).hexdigest()[:10]
        for name, svg_path in self._svgs.items():
            uri = f"{PICTURES_URI}{name}.svg"
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=svg_path))
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """``[[lessons]]`` becomes a placeholder paragraph (the cards need every page's title)."""
        if not self.config.enabled or "[[lessons]]" not in markdown:
            return None
        self._card_pages.add(page.file.src_uri)
        return LESSONS_REF_RE.sub(self._token, markdown)

    @event_priority(95)  # after pingan-trust checked the lesson's HTML (100), before the deck keeps it (90)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Lesson pictures: their size, lazy loading and a class for their style. The cards'
        placeholder becomes a comment: the search index (made from the content before the
        cards go in) then holds no placeholder text, and is the same from build to build."""
        if not self.config.enabled:
            return None
        if page.file.src_uri in self._card_pages:
            html = re.sub(rf"<p>\s*{self._token}\s*</p>", f"<!--{self._token}-->", html, count=1)
        if "assets/pingan/pictures/" not in html:
            return html

        def sized(m: re.Match[str]) -> str:
            attrs = m.group(1)
            extra = ""
            if " width=" not in attrs:
                extra += f' width="{WIDTH}" height="{HEIGHT}"'
            if " loading=" not in attrs:
                extra += ' loading="lazy" decoding="async"'
            if " class=" not in attrs:
                extra += ' class="pa-picture"'
            return f"<img{attrs}{extra}>"

        return _PICTURE_IMG_RE.sub(sized, html)

    @event_priority(-10)  # after pingan-quiz has linked quiz.css, and pingan-site its scripts
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """On a children's lesson: the read-aloud buttons (hidden until a voice fits) under the
        lesson's buttons, and their script. Not in ``page.content``: the slides are made of it.
        On a quiz page: no second style sheet (site.css holds the quiz's styles)."""
        if not self.config.enabled:
            return None
        if self._merged_css:
            output = _QUIZ_CSS_LINK_RE.sub("", output, count=1)
        if page.meta.get("audience") != "children" or page.meta.get("pa_source_lang"):
            return output
        t = _translations(config.theme["language"])
        words = {key: escape(t.gettext(msgid)) for key, msgid in READ_WORDS.items()}
        script = f"{get_relative_url(READ_URI, page.url)}?v={self._read_version}"
        buttons = (
            f'<div class="pa-read" hidden data-pa-pause="{words["pause"]}" data-pa-resume="{words["resume"]}">'
            f'<button type="button" class="md-button pa-read__toggle" aria-pressed="false">{words["read"]}</button> '
            f'<button type="button" class="md-button pa-read__stop" hidden>{words["stop"]}</button></div>'
        )
        at = _PRESENT_END_RE.search(output)
        if at:
            output = output[: at.end()] + buttons + output[at.end() :]
        else:
            h1 = output.find("</h1>")
            if h1 < 0:
                return None
            output = output[: h1 + 5] + buttons + output[h1 + 5 :]
        end = output.rfind("</article>")
        offline = config.plugins.get("material/offline")
        if offline is not None and offline.config.enabled:
            # From file:// a module script is refused: pingan-site writes a classic copy beside it.
            tag = f'<script defer src="{script.replace(".mjs?", ".js?")}"></script>'
        else:
            tag = f'<script type="module">{READ_LOADER.replace("SRC", json.dumps(script))}</script>'
        return output[:end] + tag + output[end:] if end >= 0 else output.replace("</body>", tag + "</body>", 1)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Swap the placeholder for the cards of every lesson in the sidebar, in its order."""
        if not self.config.enabled or page.file.src_uri not in self._card_pages or not page.content:
            return None
        cards = []
        for other in nav.pages:
            meta = other.meta or {}
            if "audience" not in meta:
                continue
            slug = other.file.src_uri.rsplit("/", 1)[-1].removesuffix(".md")
            picture = card_picture(slug)
            cards.append(
                Card(
                    # Page titles arrive escaped already (the sidebar prints them as they are);
                    # the card escapes its text itself, so unescape once, not twice.
                    title=unescape(other.title) if other.title else slug,
                    href=get_relative_url(other.url, page.url),
                    audience=str(meta.get("audience")),
                    age_band=str(meta["age_band"]) if meta.get("age_band") else None,
                    minutes=meta.get("minutes"),
                    picture=f"{get_relative_url(f'{PICTURES_URI}{CARD_SHEET}.svg', page.url)}#{picture}"
                    if picture
                    else None,
                )
            )
        t = _translations(config.theme["language"])
        audiences = {
            "children": "Children",
            "teens": "Teenagers",
            "young-adults": "Young adults and women",
            "parents": "Parents and guardians",
            "everyone": "Everyone",
            "community": "Community",
            "teachers": "Teachers",
        }
        html = render_cards(
            cards,
            audience_name=lambda a: t.gettext(audiences[a]) if a in audiences else a,
            age_text=lambda band: t.gettext("ages %(band)s") % {"band": band.replace("-", "–")},
            minutes_text=lambda n: t.ngettext("%(num)d minute", "%(num)d minutes", n) % {"num": n},
        )
        content = page.content.replace(f"<!--{self._token}-->", html, 1)
        page.content = content.replace(self._token, html)
        return context


def _translations(lang: str) -> Any:
    from pingan.core import catalogs as i18n

    return i18n.translations(lang)
