"""Every built page of the real site, slide decks included, read as a search engine or a
screen reader first meets it: <html lang>, a non-empty description, a canonical address.
(Issue 7: Lighthouse SEO asked for descriptions; no browser is needed to check them.)"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from helpers import ROOT, built_pages, lang_of


class _Head(HTMLParser):
    """The few things of a page's <head> this test reads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.descriptions: list[str] = []
        self.canonicals: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html" and self.lang is None:
            self.lang = a.get("lang", "")
        elif tag == "meta" and a.get("name", "").lower() == "description":
            self.descriptions.append(a.get("content", ""))
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonicals.append(a.get("href", ""))


def _site_url() -> str:
    from mkdocs.config import load_config

    return load_config(config_file=str(ROOT / "mkdocs.yml")).site_url or ""


def test_every_page_has_lang_description_and_canonical(site_dir: Path) -> None:
    """Each page: lang of its language, one non-empty description, one canonical URL that is
    the page's own absolute address on the site, or for a page shown in another language
    (a fallback: its text is the Chinese page's), the Chinese page's address."""
    site = urlparse(_site_url())
    problems = []
    pages = built_pages(site_dir)
    assert any(p.endswith("/present/") for p in pages), "slide decks are pages too"
    for path in pages:
        head = _Head()
        head.feed((site_dir / path / "index.html").read_text(encoding="utf-8"))
        where = path or "/"
        if head.lang != lang_of(path):
            problems.append(f"{where}: <html lang={head.lang!r}>, expected {lang_of(path)!r}")
        if len(head.descriptions) != 1 or not head.descriptions[0].strip():
            problems.append(f"{where}: description {head.descriptions!r}, expected one with text")
        text = (site_dir / path / "index.html").read_text(encoding="utf-8")
        own = path.split("/", 1)[1] if "pa-notice--untranslated" in text else path
        expected = site._replace(path=site.path.rstrip("/") + "/" + own).geturl()
        if head.canonicals != [expected]:
            problems.append(f"{where}: canonical {head.canonicals!r}, expected [{expected!r}]")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
