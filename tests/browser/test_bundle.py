"""The offline bundle from a USB stick: unzip, open index.html from file://, use everything."""

from __future__ import annotations

import datetime
import re
import zipfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest
from helpers import ROOT
from playwright.sync_api import Browser, Page, expect

from pingan.core import catalogs as i18n
from pingan.cli.bundle import make_bundle

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle, made as `make bundle` makes it, unzipped into an empty folder."""
    out = tmp_path_factory.mktemp("dist")
    target = make_bundle(ROOT / "mkdocs.yml", out)
    assert target.name == f"pingan-classroom-{version('pingan-classroom')}-{datetime.date.today():%Y%m%d}.zip"
    folder = tmp_path_factory.mktemp("usb")
    with zipfile.ZipFile(target) as zf:
        zf.extractall(folder)
    (root,) = list(folder.iterdir())
    return root


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page with no base URL (file://), recording every problem a reader could hit."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    page.on("request", lambda r: r.url.startswith(("file://", "data:", "blob:", "about:")) or problems.append(f"request: {r.url}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    yield page, problems
    context.close()


def test_bundle_works_from_the_file_system(unzipped: Path, offline_page: tuple[Page, list[str]]) -> None:
    """Open index.html, open a lesson, switch language, search, answer a quiz, open the slides."""
    page, problems = offline_page
    assert (unzipped / "README.txt").is_file()
    page.goto((unzipped / "index.html").as_uri())
    expect(page.locator("html")).to_have_attribute("lang", "zh")

    # A lesson, through the site's own links (file:// shows a folder listing for "dir/" links).
    # (the home page's lesson cards; their pictures load from the bundle too)
    card = page.locator("article .pa-card").filter(has_text="先问一问，再决定")
    expect(card.locator("img")).to_have_js_property("complete", True)
    assert card.locator("img").evaluate("(img) => img.naturalWidth") > 0
    card.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/lessons/check-first\.html$"))

    # The language menu keeps the lesson.
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/lessons/check-first\.html$"))

    # Search, from the English index shipped as a script.
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("hotlines")
    box.press("End")
    results = page.locator(".md-search-result__list a.md-search-result__link")
    expect(results.first).to_be_visible()
    assert all("/en/" in href for href in results.evaluate_all("els => els.map(e => e.href)"))
    page.keyboard.press("Escape")

    # The quiz is live: answer its first question right.
    ui = i18n.quiz_strings("en")
    quiz = page.locator('section[data-pa-quiz="check-first"]')
    quiz.scroll_into_view_if_needed()  # a quiz is set up when it comes near the screen
    expect(quiz).to_have_attribute("data-pa-ready", "")
    first = quiz.locator(".pa-quiz__question").first
    first.locator("input[data-pa-correct]").first.check()
    first.get_by_role("button", name=ui["check"], exact=True).click()
    expect(quiz.get_by_role("status")).to_contain_text(ui["correct"])

    # The slides open and move on with the keyboard.
    page.locator('a[href*="present"]').first.click()
    expect(page).to_have_url(re.compile(r"/present/index\.html(#s1)?$"))
    counter = page.locator(".pa-deck__counter")  # (a story step's kicker reads "1 / 5" too)
    expect(counter).to_have_text(re.compile(r"^\s*1\s*/\s*\d+\s*$"))
    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text(re.compile(r"^\s*2\s*/\s*\d+\s*$"))
    assert problems == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_query_set_finds_its_lessons_offline(unzipped: Path, browser: Browser, lang: str) -> None:
    """Issue 15: from the USB stick (file://, the index shipped as a script, the worker in
    an iframe), the zh and en query sets reach the same targets as online."""
    from search_eval import TARGETS, load_queries, run_queries

    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    home = unzipped / ("index.html" if lang == "zh" else f"{lang}/index.html")
    outcome = run_queries(page, home.as_uri(), lang, load_queries()[lang])
    context.close()
    hit1, hit3 = TARGETS[lang]
    assert errors == []
    assert outcome.hit(3) >= hit3, (f"hit@3 {outcome.hit(3):.0f} %", outcome.misses(3))
    assert outcome.hit(1) >= hit1, (f"hit@1 {outcome.hit(1):.0f} %", outcome.misses(1))
