"""MkDocs adapter for our search (issue 15): the ``pingan-search`` plugin.

A thin layer over ``pingan.search`` (plain Python). It

- ships the engine, ``assets/pingan/workers/search.<hash>.js``, and points Material's
  ``__config.search`` (the worker Material starts) at it: Material's search UI, its
  on-demand loading and its file:// stand-in stay as they are;
- collects what each page is (lesson or not, audience) while the pages are built;
- rewrites each language's ``search/search_index.json`` (and the ``.js`` copy of the
  offline bundle) after pingan-site has split the indexes by language.

Listed after ``pingan-site`` in mkdocs.yml; ``enabled: false`` gives Material's own search
(the baseline of ``make bench``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from pingan.core.paths import ASSETS_DIR
from pingan.mkdocs.state import build_languages, ending_language
from pingan.search.index import PageInfo, build_index, page_kind

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

WORKER_SRC = ASSETS_DIR / "search" / "worker.js"
#: Material's worker in the page's __config (its name carries a hash of its content).
_MATERIAL_WORKER_RE = re.compile(r'("search":\s*"[^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')


def _(message: str) -> str:
    """Mark a word for extraction (pybabel); translated when the index is built."""
    return message


#: The lesson box's words for a lesson's readers (overrides/partials/pingan-lesson.html).
AUDIENCES = {
    "children": _("Children"),
    "teens": _("Teenagers"),
    "young-adults": _("Young adults and women"),
    "parents": _("Parents and guardians"),
    "everyone": _("Everyone"),
    "community": _("Community"),
    "teachers": _("Teachers"),
}


class PinganSearchConfig(Config):
    """Options of the ``pingan-search`` plugin."""

    enabled = c.Type(bool, default=True)


class PinganSearchPlugin(BasePlugin[PinganSearchConfig]):
    """Our index and engine behind Material's search box."""

    def __init__(self) -> None:
        self._pages: dict[str, dict[str, PageInfo]] = {}
        self._separator: dict[str, str] = {}
        self._prefixes: dict[str, str] = {}
        self._default = ""
        source = WORKER_SRC.read_bytes()
        self._worker_uri = f"assets/pingan/workers/search.{hashlib.sha256(source).hexdigest()[:8]}.js"

    @event_priority(-120)  # after pingan-site (-110) has set up search for this language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        lang = config.theme["language"]
        langs = build_languages(config)
        self._prefixes, self._default = dict(langs.prefixes), langs.default
        search = config.plugins.get("material/search")
        if search is not None and search.config.separator:
            self._separator[lang] = search.config.separator
        self._pages[lang] = {}
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.config.enabled and files.get_file_from_path(self._worker_uri) is None:
            files.append(File.generated(config, self._worker_uri, abs_src_path=str(WORKER_SRC)))
        return files

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if not self.config.enabled:
            return context
        lang = config.theme["language"]
        meta = page.meta
        tags: tuple[str, ...] = ()
        if "audience" in meta:
            tags = _audience_tags(meta, lang)
        search = meta.get("search") or {}
        boost = search.get("boost") if isinstance(search, dict) else None
        prefix = self._prefixes.get(lang, "")
        location = page.url.removeprefix(f"{prefix}/") if prefix else page.url
        summary = [str(meta.get("description") or "")]
        summary += [str(o) for o in meta.get("objectives") or [] if isinstance(o, str)]
        # content/<lang>/about.md is "zh/about.md" to MkDocs (static-i18n's folder layout).
        first, _, rest = page.file.src_uri.partition("/")
        src = rest if rest and first in self._prefixes else page.file.src_uri
        self._pages.setdefault(lang, {})[location] = PageInfo(
            kind=page_kind(src, meta),
            tags=tags,
            summary=" ".join(s for s in summary if s),
            boost=float(boost) if isinstance(boost, (int, float)) else None,
        )
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        return _MATERIAL_WORKER_RE.sub(lambda m: f'{m.group(1)}{self._worker_uri}"', output, count=1)

    @event_priority(-102)  # after pingan-site (-101) has written this language's own index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        lang, nested = ending_language(config)
        prefix = self._prefixes.get(lang, "") if nested else ""
        target = Path(config.site_dir) / prefix / "search" / "search_index.json"
        if not target.is_file():
            return
        data = json.loads(target.read_text(encoding="utf-8"))
        if "pa" in data.get("config", {}):
            return  # already ours (a rebuild that reused the file)
        separator = data.get("config", {}).get("separator") or self._separator.get(lang, r"[\s\-]+")
        index = build_index(data["docs"], self._pages.get(lang, {}), lang, separator)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        script = target.with_suffix(".js")
        if script.is_file():  # the offline bundle: pages on file:// load the index as a script
            script.write_text(f"var __index = {text}", encoding="utf-8")


def _audience_tags(meta: Mapping[str, Any], lang: str) -> tuple[str, ...]:
    """The lesson's readers, as the lesson box names them: ("Children · ages 6–9",)."""
    from pingan.core import catalogs as i18n

    try:
        gettext: Callable[[str], str] = i18n.translations(lang).gettext
    except i18n.MissingCatalogError:  # the build names the missing catalog elsewhere
        gettext = str
    audience = str(meta.get("audience"))
    label = gettext(AUDIENCES[audience]) if audience in AUDIENCES else audience
    band = meta.get("age_band")
    if band and str(band) not in ("all", "adult"):
        label += " · " + gettext("ages %(band)s") % {"band": str(band).replace("-", "–")}
    return (label,)
