"""MkDocs adapter of the trust boundary (``pingan-trust`` in mkdocs.yml).

A thin layer over :mod:`pingan.trust`:

- the site name, the site description and the titles of the navigation are
  escaped once, where the build reads them (``on_config``, ``on_nav``);
- every page's front matter is escaped as soon as MkDocs has read it, and again
  before the page is written (a description taken from the text is added late);
- every page's HTML is checked against the lesson allowlist, with the lines of
  its source file; all problems fail the build together (``on_env``), as
  ``make check`` lists them;
- every HTML file of the built site gets its Content-Security-Policy, with the
  hashes of its own inline scripts (``on_post_build``, after every language and
  the slides are written). Not under ``mkdocs serve``, whose live reload adds
  an inline script of its own.

Hotline and edition texts are escaped by their loader (``pingan.content.hotlines``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from pingan.mkdocs.state import nested_build
from pingan.trust.checks import check_page
from pingan.trust.csp import add_csp
from pingan.trust.escape import escape_deep, escape_text, plain_text

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)


class TrustConfig(Config):
    """Options of the ``pingan-trust`` plugin."""

    enabled = c.Type(bool, default=True)
    csp = c.Type(bool, default=True)
    """Give every page its Content-Security-Policy (``<meta http-equiv>``)."""


class TrustPlugin(BasePlugin[TrustConfig]):
    """Escapes editors' text, enforces the lesson HTML allowlist, adds the CSP."""

    def __init__(self) -> None:
        self._serving = False
        self._root = Path()
        self._problems: dict[tuple[str, int, str], Any] = {}
        self._checked: set[tuple[str, str]] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    @event_priority(-200)  # after mkdocs-static-i18n (-100) and pingan-site (-110) set the names
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self._root = Path(config.config_file_path or ".").resolve().parent
        config.site_name = escape_text(config.site_name)
        if config.site_description:
            config.site_description = escape_text(config.site_description)
        self._problems = {}
        self._checked = set()
        return config

    @event_priority(-200)  # after mkdocs-static-i18n (-100) translated the section titles
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return None

        def walk(items: list[Any]) -> None:
            for item in items:
                if getattr(item, "is_page", False):
                    # A title given in mkdocs.yml's nav; otherwise the page's title is its front
                    # matter's (escaped with it) or its first heading's (already HTML).
                    if vars(item).get("title"):
                        item.title = escape_text(item.title)
                elif getattr(item, "title", None):
                    item.title = escape_text(item.title)
                walk(getattr(item, "children", None) or [])

        walk(nav.items)
        return nav

    @event_priority(100)  # first: the other plugins read the front matter escaped
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.config.enabled:
            page.meta = escape_deep(page.meta)
        return None

    @event_priority(100)  # first: the HTML Markdown made, before the plugins add theirs
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or not page.file.abs_src_path:
            return None
        source_path = Path(page.file.abs_src_path)
        try:
            shown = source_path.resolve().relative_to(self._root).as_posix()
        except ValueError:
            shown = source_path.as_posix()
        key = (shown, html)
        if key in self._checked:  # the same page again, as another language's fallback
            return None
        self._checked.add(key)
        source = source_path.read_text(encoding="utf-8-sig")
        for problem in check_page(shown, source, html):
            if problem.warning:  # invisible characters: make check lists them; not fatal here
                log.info(str(problem))
            else:
                self._problems.setdefault((problem.path, problem.line, problem.message), problem)
        return None

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        if self._problems:
            problems = sorted(self._problems.values(), key=lambda p: (p.path, p.line))
            raise PluginError(
                "HTML that lessons may not contain (see AUTHORING.md):\n" + "\n".join(str(p) for p in problems)
            )
        return None

    @event_priority(-200)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self.config.enabled:
            page.meta = escape_deep(page.meta)  # a description pingan-site took from the text
        return context

    @event_priority(-50)  # before mkdocs-static-i18n (-100) builds the other languages
    def _plain_names(self, *, config: MkDocsConfig) -> None:
        """Give the names back as plain text: static-i18n overrides only plain ``str`` settings."""
        if self.config.enabled:
            config.site_name = plain_text(config.site_name)
            if config.site_description:
                config.site_description = plain_text(config.site_description)

    @event_priority(-300)  # last: after every language (static-i18n, -100) and the slides are written
    def _csp(self, *, config: MkDocsConfig) -> None:
        """Every page of the site, slides and 404 included, with its Content-Security-Policy."""
        if not (self.config.enabled and self.config.csp) or self._serving:
            return
        if nested_build(config):
            return  # a nested language build: the outermost one does the whole site
        for path in Path(config.site_dir).rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            path.write_text(add_csp(text), encoding="utf-8")

    on_post_build = CombinedEvent(_plain_names, _csp)
