"""The real site as readers use it: every page, both languages, search, switcher, hotlines."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers import built_pages, lang_of
from playwright.sync_api import Browser, Page, expect

from pingan.core import languages

pytestmark = pytest.mark.browser


def test_every_page_is_clean_on_a_phone(page: Page, site_dir: Path, site_url: str) -> None:
    """Every page in every language: right lang and dir, no outside request, no console
    error, no 404, nothing scrolls sideways at 360×740."""
    page.set_viewport_size({"width": 360, "height": 740})
    problems: list[str] = []
    current = {"path": ""}

    def on_request(request) -> None:  # noqa: ANN001 - Playwright type
        url = urlparse(request.url)
        if url.scheme in ("data", "blob"):
            return
        if url.hostname != "127.0.0.1":
            problems.append(f"{current['path']}: request to another host: {request.url}")

    def on_response(response) -> None:  # noqa: ANN001
        if response.status >= 400:
            problems.append(f"{current['path']}: HTTP {response.status} for {response.url}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("console", lambda m: m.type == "error" and problems.append(f"{current['path']}: console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{current['path']}: script error: {e}"))

    pages = built_pages(site_dir)
    assert len(pages) >= 6 and any(p.startswith("en/") for p in pages)
    for path in pages:
        current["path"] = path or "/"
        page.goto(site_url + path, wait_until="load")
        lang, direction, overflow = page.evaluate(
            "() => [document.documentElement.lang, document.documentElement.dir,"
            " document.documentElement.scrollWidth - document.documentElement.clientWidth]"
        )
        expected_lang = lang_of(path)
        expected_dir = languages.direction(expected_lang)
        if lang != expected_lang:
            problems.append(f"{path}: lang={lang!r}, expected {expected_lang!r}")
        if direction != expected_dir or page.evaluate("document.body.dir") != expected_dir:
            problems.append(f"{path}: dir={direction!r}, expected {expected_dir!r}")
        if overflow > 0:
            problems.append(f"{path}: scrolls sideways by {overflow}px at 360px wide")
    assert problems == []


def test_language_switcher_keeps_the_page(page: Page) -> None:
    """From a Chinese page, the switcher leads to the same page in English, and back."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("about/")
    page.get_by_role("button", name="选择当前语言").hover()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/about/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="Select language").hover()
    page.get_by_role("link", name="中文 (简体)").click()
    expect(page).to_have_url(re.compile(r"/about/$"))
    assert "/en/" not in page.url


def _search(page: Page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material ignores typed CJK text until a real key event arrives
    results = page.locator(".md-search-result__list a.md-search-result__link")
    expect(results.first).to_be_visible()
    return [urlparse(href).path for href in results.evaluate_all("els => els.map(e => e.href)")]


def test_chinese_search_finds_chinese_pages(page: Page) -> None:
    """A Chinese query on a Chinese page finds Chinese pages."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("")
    found = _search(page, "求助电话")
    assert found and all(not p.startswith("/en/") for p in found), found


def test_english_search_finds_only_english_pages(page: Page) -> None:
    """An English query on an English page finds English pages and never Chinese ones."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("en/")
    found = _search(page, "hotlines")
    assert found and all(p.startswith("/en/") for p in found), found


# -- search on demand (issue 7: overrides/partials/pingan-search-on-demand.html) ---------

INDEX_RE = re.compile(r"/search/search_index\.json$")


def _watch_search_loads(page: Page) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {"index": [], "worker": []}
    page.on("request", lambda r: INDEX_RE.search(urlparse(r.url).path) and seen["index"].append(r.url))
    page.on("worker", lambda w: seen["worker"].append(w.url))
    return seen


def test_search_loads_only_when_the_reader_opens_it(page: Page) -> None:
    """On a phone, a page loads without Material's search index or search worker; tapping the
    search icon fetches this language's index, starts the worker, and the search finds pages."""
    page.set_viewport_size({"width": 360, "height": 740})
    seen = _watch_search_loads(page)
    page.goto("en/lessons/check-first/", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert seen == {"index": [], "worker": []}
    page.locator("label.md-header__button[for=__search]").click()
    box = page.get_by_role("textbox", name="Search")
    expect(box).to_be_focused()
    box.fill("trusted adult")
    results = page.locator(".md-search-result__list a.md-search-result__link")
    expect(results.first).to_be_visible()
    assert [urlparse(u).path for u in seen["index"]] == ["/en/search/search_index.json"]
    assert len(seen["worker"]) == 1 and "/workers/search." in seen["worker"][0]
    assert all(urlparse(h).path.startswith("/en/") for h in results.evaluate_all("els => els.map(e => e.href)"))


def test_search_keyboard_shortcut_loads_search(page: Page) -> None:
    """On a desktop, the / key opens search (Material's shortcut), which loads it; Chinese
    typed then finds Chinese pages."""
    page.set_viewport_size({"width": 1280, "height": 800})
    seen = _watch_search_loads(page)
    page.goto("", wait_until="networkidle")
    assert seen["index"] == []
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.fill("求助电话")
    box.press("End")  # Material ignores typed CJK text until a real key event arrives
    results = page.locator(".md-search-result__list a.md-search-result__link")
    expect(results.first).to_be_visible()
    assert [urlparse(u).path for u in seen["index"]] == ["/search/search_index.json"]


def test_a_search_result_highlights_the_words_on_its_page(page: Page) -> None:
    """Following a search result (?h=…) loads search at once, so the words are highlighted."""
    page.set_viewport_size({"width": 1280, "height": 800})
    seen = _watch_search_loads(page)
    page.goto("en/lessons/check-first/?h=trusted")
    expect(page.locator("article mark[data-md-highlight]").first).to_have_text(re.compile("trusted", re.I))
    assert [urlparse(u).path for u in seen["index"]] == ["/en/search/search_index.json"]


# -- the page does not move or scroll sideways before or without Material's script ------------


@pytest.mark.parametrize("path", ["", "en/lessons/check-first/", "zh-Hant/lessons/what-the-law-says/", "ug/lessons/spot-and-report/"])
def test_without_javascript_nothing_scrolls_sideways_on_a_phone(browser: Browser, site_url: str, path: str) -> None:
    """With JavaScript off, at 360 px, no page is wider than the screen (the closed language
    list once stuck out 31 px past the edge of Material's no-JS header)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.className") == "no-js"
    width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert width[0] == width[1], (path, width)


def test_the_first_paint_has_materials_script_layout(page: Page) -> None:
    """Before Material's script has run (here: it never arrives), the page already has its
    "js" layout, header search button included, so nothing moves when the script starts."""
    page.set_viewport_size({"width": 412, "height": 823})
    page.route(re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$"), lambda route: route.abort())
    page.goto("ug/lessons/spot-and-report/")
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert not page.evaluate("document.documentElement.classList.contains('no-js')")
    expect(page.locator("label.md-header__button[for=__search]")).to_be_visible()
