"""MkDocs adapter for the site as a whole: languages, search, hotlines, notices.

A thin layer over plain-Python modules (``languages``, ``hotlines``). It fixes
what mkdocs-static-i18n and Material get wrong for our readers:

- every language gets its own search index (English search never sees Chinese
  pages), built with that language's tokenizer settings;
- the language switcher names each language in its own script and every page
  gets the text direction CLDR gives for its language;
- a page shown in another language than the one being built (a missing
  translation) says so and carries ``lang`` so readers and fonts treat it right;
- the "Get help" box on every page lists the hotlines of one editable file;
- no request leaves the site: no generator tag, no alternate links that make
  Material's script fetch a ``sitemap.xml`` that does not exist.
"""

from __future__ import annotations

import datetime
import html
import json
import logging
import os
import re
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from xml.etree import ElementTree

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from pingan.content.hotlines import PLACEHOLDER_RE, SiteData, fill_placeholders
from pingan.core import catalogs, languages, paths
from pingan.mkdocs import state
from pingan.mkdocs.site.config import SiteConfig

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)

_ASSETS = paths.ASSETS_DIR / "site"
#: Web Worker stand-in for file:// (Material's offline search needs one); shipped, not fetched.
_WORKER_SHIM = paths.ASSETS_DIR / "vendor" / "iframe-worker.js"
_WORKER_SHIM_URI = "assets/pingan/vendor/iframe-worker.js"
#: Our ES modules, which browsers refuse to load from file:// (offline bundle).
_MODULE_TAG_RE = re.compile(r'<script type="module" src="([^"]*?assets/pingan/[^"?]+)\.mjs(\?[^"]*)?"></script>')
_CONFIG_RE = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
#: sitemap.xml's namespaces: the sitemap itself, and xhtml for the hreflang links.
_SITEMAP_NS = {"": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
_HTML_TAG_RE = re.compile(r"<html\b([^>]*)>")
_FIRST_P_RE = re.compile(r"<p>(.*?)</p>", re.S)
_TAG_RE = re.compile(r"<[^>]+>")


class SitePlugin(BasePlugin[SiteConfig]):
    """Languages, per-language search, hotlines and notices for the whole site."""

    def __init__(self) -> None:
        self._lang = ""
        self._default = ""
        self._languages: list[str] = []
        self._prefixes: dict[str, str] = {}
        self._search_conf: dict[str, dict[str, Any]] = {}
        self._data = SiteData()
        self._version = _version()
        self._offline = False
        #: public addresses of pages shown in another language (fallbacks), for sitemap.xml
        self._fallback_urls: set[str] = set()
        #: True under ``mkdocs serve``: only the languages being looked at are built.
        self._serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note whether this is ``mkdocs serve`` (the plugin then lives across rebuilds)."""
        self._serving = command == "serve"

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[[], None]) -> None:
        """Rebuild on a change to anything the site is made of, not only content/ and mkdocs.yml:
        the quizzes, the hotline and edition files, the theme overrides, and this package's
        front-end files, templates and catalogs."""
        site = state.site_for(config)
        settings = site.settings
        watched = [settings.quiz_dir, settings.hotlines_file, settings.root / self.config.editions_dir]
        # The theme's own folders (overrides/); Material's and other packages' are not edited.
        watched += [Path(d) for d in config.theme.dirs if Path(d).resolve().is_relative_to(settings.root.resolve())]
        watched += [paths.ASSETS_DIR, paths.TEMPLATES_DIR, paths.LOCALES_DIR]
        for path in dict.fromkeys(p.resolve() for p in watched if p is not None and p.exists()):
            server.watch(str(path))

    # -- configuration, once per language build ---------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has set the language of this build
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Set direction, switcher names, search settings and hotlines for the language being built."""
        if not self.config.enabled:
            return None
        self._lang = config.theme["language"]
        i18n = config.plugins.get("i18n")
        if not state.nested_build(config):
            self._fallback_urls = set()  # the outermost build: a fresh start (also under serve)
            _quiet_logs()
            if self._serving and i18n is not None:
                _serve_languages(i18n, config)
        built = state.build_languages(config)
        self._languages, self._default, self._prefixes = list(built.codes), built.default, dict(built.prefixes)
        if i18n is not None:
            # Names from CLDR, in each language's own script; the entry in mkdocs.yml is ignored.
            names = languages.switcher_names(self._languages)
            for store in (getattr(i18n, "extra_alternate", None), config.extra.get("alternate")):
                for alt in store or []:
                    alt["name"] = names.get(alt["lang"], alt["name"])
        config.theme["direction"] = languages.direction(self._lang)
        offline = config.plugins.get("material/offline")
        self._offline = bool(offline is not None and offline.config.enabled)
        if self._offline:
            # Material adds a polyfill from unpkg.com for file://; use our shipped copy.
            config.extra["polyfills"] = [
                _WORKER_SHIM_URI if "iframe-worker" in url else url for url in config.extra.get("polyfills", [])
            ]
        self._configure_search(config)
        self._data = state.site_for(config).data
        if self._data.site_name:
            config.site_name = self._data.site_name.text(self._lang, self._default)
        return config

    def _configure_search(self, config: MkDocsConfig) -> None:
        """Give Material's search the tokenizer settings of this build's language, not the first one's."""
        search = config.plugins.get("material/search")
        if search is None or not search.config.enabled:
            return
        search.config.lang = None
        search.config.separator = None
        search.config.pipeline = None
        search.on_config(config)  # re-derives the settings from theme.language, makes a fresh index
        self._search_conf[self._lang] = {key: search.config[key] for key in ("lang", "separator", "pipeline", "fields")}

    # -- files and pages ----------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Ship the site's own stylesheet and icons as ordinary, cacheable files."""
        if not self.config.enabled:
            return files
        sources = [(f"assets/pingan/{src.name}", src) for src in sorted(_ASSETS.iterdir())]
        if self._offline:
            sources.append((_WORKER_SHIM_URI, _WORKER_SHIM))
        for uri, src in sources:
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(src)))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Fill ``{{ contact.<name> }}`` with the edition's text in the page's language."""
        if not self.config.enabled or "contact." not in markdown:
            return markdown
        filled, unknown = fill_placeholders(markdown, self._data.contacts, self._lang, self._default)
        if unknown:
            source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8")
            lines = {m.group(1): source.count("\n", 0, m.start()) + 1 for m in PLACEHOLDER_RE.finditer(source)}
            known = ", ".join(sorted(self._data.contacts)) or "none yet"
            raise PluginError(
                "\n".join(
                    f"{Path(config.docs_dir).name}/{page.file.src_uri}:{lines.get(name, line)}: "
                    f'unknown placeholder {{{{ contact.{name} }}}}; add "{name}" under contacts: '
                    f"in {self.config.hotlines} (known: {known})"
                    for line, name in unknown
                )
            )
        return filled

    def on_page_content(self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Mark a page shown in another language, and give every page a description."""
        if not self.config.enabled:
            return html_text
        if not page.meta.get("description"):
            first = _FIRST_P_RE.search(html_text)
            if first:
                text = html.unescape(_TAG_RE.sub("", first.group(1))).strip()
                page.meta["description"] = text if len(text) <= 160 else text[:157].rstrip() + "…"
        source_lang = getattr(page.file, "locale", self._lang)
        if source_lang != self._lang:
            page.meta["pa_source_lang"] = source_lang
            # Its text is in another language: keep it out of this language's search.
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
            return f'<div lang="{source_lang}" dir="{languages.direction(source_lang)}">{html_text}</div>'
        return html_text

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Give the templates what they need in the language being built."""
        if not self.config.enabled:
            return context
        source_lang = page.meta.get("pa_source_lang")
        canonical = page.canonical_url
        if source_lang and page.canonical_url:
            # Its text is the source language's page: that page is the canonical one, and
            # this address is no alternate in sitemap.xml (see _tidy_sitemap).
            self._fallback_urls.add(page.canonical_url)
            canonical = self._url_in(page.canonical_url, source_lang, config.site_url or "")
        # Our own variables: TemplateContext names only MkDocs' own keys.
        ours = cast(dict[str, Any], context)
        ours["pa"] = {
            "canonical": canonical,
            "lang": self._lang,
            "version": self._version,
            "lesson": _lesson_info(page.meta, self._lang),
            "hotlines": [(h.number, h.label.text(self._lang, self._default)) for h in self._data.hotlines],
            "untranslated": bool(source_lang),
            "source_lang_name": languages.native_name(source_lang) if source_lang else "",
            "unreviewed": page.meta.get("translation_reviewed") is False and not source_lang,
        }
        return context

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Let templates translate their words with gettext (``{{ _("Get help") }}``)."""
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(catalogs.translations(self._lang), newstyle=True)  # type: ignore[attr-defined]
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Set ``dir`` on <html>, and point the search of a language at that language's index."""
        if not self.config.enabled:
            return output
        direction = languages.direction(self._lang)
        output = _HTML_TAG_RE.sub(lambda m: f'<html{m.group(1)} dir="{direction}">', output, count=1)
        prefix = self._prefixes.get(self._lang, "")
        if prefix:

            def rebase(m: re.Match[str]) -> str:
                data = json.loads(m.group(2))
                data["base"] = data["base"].rstrip("/") + f"/{prefix}/"
                return m.group(1) + json.dumps(data, ensure_ascii=False) + m.group(3)

            output = _CONFIG_RE.sub(rebase, output, count=1)
        if self._offline:
            # From file:// a module script is refused (no origin): load the classic copy.
            output = _MODULE_TAG_RE.sub(r'<script defer src="\1.js\2"></script>', output)
        return output

    # -- search index per language --------------------------------------------------

    @event_priority(-101)  # after mkdocs-static-i18n (-100) has merged every language into one index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """One search index per language; for the offline bundle, scripts that run from file://."""
        if not self.config.enabled:
            return
        # static-i18n builds the default language outermost: the other languages' builds run
        # nested inside it, with ``building`` set, before it merges every index into one.
        lang, nested = state.ending_language(config)
        if len(self._languages) > 1:
            self._split_search_index(config, lang, nested)
        if self._offline and not nested:
            self._classic_scripts(Path(config.site_dir) / "assets" / "pingan")
        if not nested and self._fallback_urls:
            self._tidy_sitemap(Path(config.site_dir) / "sitemap.xml")

    def _url_in(self, url: str, lang: str, site_url: str) -> str:
        """``url`` (a page of the language being built) as the same page of ``lang``."""
        path = url.removeprefix(site_url) if site_url else url
        prefix = self._prefixes.get(self._lang, "")
        if prefix:
            path = path.removeprefix(prefix + "/")
        target = self._prefixes.get(lang, "")
        return (site_url or "") + (f"{target}/" if target else "") + path

    def _tidy_sitemap(self, sitemap: Path) -> None:
        """sitemap.xml without the fallback pages: search engines learn of a page in a
        language only where it is written in that language (not as its own URL, not as an
        hreflang alternate); the page they show instead names its source as canonical."""
        if not sitemap.is_file():
            return
        for prefix, uri in _SITEMAP_NS.items():
            ElementTree.register_namespace(prefix, uri)
        sm, xhtml = (f"{{{uri}}}" for uri in _SITEMAP_NS.values())
        tree = ElementTree.parse(sitemap)
        urlset = tree.getroot()
        for url in list(urlset.iter(f"{sm}url")):
            if url.findtext(f"{sm}loc") in self._fallback_urls:
                urlset.remove(url)
                continue
            for link in url.findall(f"{xhtml}link"):
                if link.get("href") in self._fallback_urls:
                    url.remove(link)
        ElementTree.indent(tree)
        tree.write(sitemap, encoding="utf-8", xml_declaration=True)

    def _split_search_index(self, config: MkDocsConfig, lang: str, nested: bool) -> None:
        """Move this build's entries into its language's own index (see on_post_build)."""
        root_index = Path(config.site_dir) / "search" / "search_index.json"
        if not root_index.exists():
            return
        data = json.loads(root_index.read_text(encoding="utf-8"))
        others = tuple(f"{p}/" for code, p in self._prefixes.items() if p and code != self._default)
        prefix = self._prefixes.get(lang, "")
        if nested and prefix:
            # A language's own build: the index holds this language only; move it to its folder.
            docs = [dict(d, location=d["location"].removeprefix(f"{prefix}/")) for d in data["docs"]]
            target = Path(config.site_dir) / prefix / "search" / "search_index.json"
        else:
            # The default language's build ends after all others: keep only its own pages.
            docs = [d for d in data["docs"] if not d["location"].startswith(others)]
            target = root_index
        docs = _without_quizzes(docs)
        conf = self._search_conf.get(lang, data.get("config", {}))
        target.parent.mkdir(parents=True, exist_ok=True)
        index = json.dumps({"config": conf, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        target.write_text(index, encoding="utf-8")
        if self._offline:
            # Pages opened from file:// cannot fetch JSON; Material then loads this script instead.
            target.with_suffix(".js").write_text(f"var __index = {index}", encoding="utf-8")

    @staticmethod
    def _classic_scripts(folder: Path) -> None:
        """Beside each of our ES modules, a classic-script copy for the offline bundle.

        Our modules import and export nothing, so wrapping one in a strict function gives
        the same program as a plain script, which browsers do run from file://.
        """
        for module in folder.glob("*.mjs"):
            body = module.read_text(encoding="utf-8")
            module.with_suffix(".js").write_text(f'(function () {{\n"use strict";\n{body}\n}})();\n', encoding="utf-8")


def _without_quizzes(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The search entries without the quizzes' own (issue 7: page weight, no spoilers).

    Material indexes a quiz as one section under its title (``#pa-quiz-<id>-title``, see
    pingan.quiz.render): every question, option, answer and explanation plus the quiz's
    interface words. In search results that shows the right answers, and it made up 40 %
    of each language's index, which every page downloads on its first load. The lesson's
    own sections, and the heading above its quiz, stay searchable.
    """
    return [d for d in docs if not d["location"].partition("#")[2].startswith("pa-quiz-")]


def _version() -> str:
    """The release, from the package metadata (pyproject.toml)."""
    try:
        return metadata.version("pingan-classroom")
    except metadata.PackageNotFoundError:
        return "dev"


def _lesson_info(meta: Mapping[str, Any], lang: str) -> dict[str, Any] | None:
    """What the lesson box shows: audience, age, minutes, objectives, last review date."""
    if "audience" not in meta:
        return None
    from babel.dates import format_date

    reviewed = meta.get("reviewed")
    if isinstance(reviewed, datetime.date):
        reviewed_text = format_date(reviewed, format="long", locale=languages.babel_locale(lang))
    else:
        reviewed_text = str(reviewed or "")
    return {
        "audience": meta.get("audience"),
        "age_band": meta.get("age_band"),
        "minutes": meta.get("minutes"),
        "objectives": meta.get("objectives") or [],
        "reviewed": reviewed_text,
        "reviewed_iso": reviewed.isoformat() if isinstance(reviewed, datetime.date) else "",
    }


class _OncePerRun(logging.Filter):
    """Lets each INFO message of MkDocs' build through once per run: static-i18n runs one
    build per language, and "Cleaning site directory" five times says nothing new."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.INFO:
            return True
        message = record.getMessage()
        if message in self.seen:
            return False
        self.seen.add(message)
        return True


_ONCE = _OncePerRun()


def _quiet_logs() -> None:
    """At MkDocs' normal level, a build says little, so that warnings stand out
    (``mkdocs build -v`` still shows everything):

    - mkdocs-static-i18n's per-language notes (the names it sets, the nav it translates:
      4 lines per language) are left out;
    - MkDocs' own notes are said once, not once per language;
    - jieba (Material's Chinese search) does not print how it loads its dictionary.
    """
    if logging.getLogger("mkdocs").getEffectiveLevel() != logging.INFO:
        return
    logging.getLogger("mkdocs.plugins.mkdocs_static_i18n").setLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    build_log = logging.getLogger("mkdocs.commands.build")
    _ONCE.seen.clear()
    if _ONCE not in build_log.filters:
        build_log.addFilter(_ONCE)


def _serve_languages(i18n: Any, config: MkDocsConfig) -> None:
    """Under ``mkdocs serve``, build the default language and the one being edited only.

    The language being edited is ``SERVE_LANG`` if set (``make serve SERVE_LANG=en``), else
    that of the most recently changed file under ``content/<lang>/``. Pages of the other
    languages are not built while serving (``make build`` builds every one), so an edit
    shows in the browser in seconds instead of after a build of five languages.
    """
    languages = [lang for lang in i18n.config.languages]
    codes = [lang.locale for lang in languages]
    wanted = os.environ.get("SERVE_LANG", "") or _last_edited(Path(config.docs_dir), codes)
    for lang in languages:
        lang.build = bool(lang.default) or lang.locale == wanted
    log.info(
        "serve: building %s only (SERVE_LANG=<code> or editing a page picks another; make build builds all)",
        ", ".join(lang.locale for lang in languages if lang.build),
    )


def _last_edited(docs_dir: Path, codes: list[str]) -> str:
    """The language whose folder holds the most recently changed file ("" if none)."""
    newest, found = -1, ""
    for code in codes:
        for folder, _dirs, files in os.walk(docs_dir / code):
            for name in files:
                mtime = os.stat(os.path.join(folder, name)).st_mtime_ns
                if mtime > newest:
                    newest, found = mtime, code
    return found
