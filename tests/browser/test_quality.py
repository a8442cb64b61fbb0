"""Issue 7 on the real site, every page in every language (slide decks included), in Chromium
at phone size: accessible (axe-core), private (no other host, no cookie, nothing stored but
quiz progress), light (one first-load budget). One crawl visits each page once; the tests
read what it saw. Page meta (description, lang, canonical) is checked without a browser in
tests/unit/test_page_meta.py; figures are for the benchmark (tests/bench.py), not here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers import ROOT, built_pages, site_languages
from playwright.sync_api import Browser, Locator, Page, expect
from quality import FIRST_LOAD_BUDGET_GZIP, FirstLoad, Weigher, axe_problems, gzip_size, axe_results, axe_script, start_axe

from pingan import slides
from pingan.core.catalogs import quiz_strings
from unit.test_quiz_plugin import ASSET_BUDGET_GZIP

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
#: A lesson every language has (translated or shown in Chinese), with a quiz and slides.
LESSON = "lessons/check-first/"


def quiz_key_prefix() -> str:
    """The start of every localStorage key quiz.mjs writes: ``<B>:<quiz>:<lang>:<version>``."""
    source = (ROOT / "plugins" / "pingan" / "assets" / "quiz.mjs").read_text(encoding="utf-8")
    block = re.search(r'const B = "([^"]+)";', source)
    assert block and "const prefix = `${B}:" in source, "quiz.mjs no longer names its keys as expected"
    return block.group(1) + ":"


@dataclass
class Visit:
    path: str
    load: FirstLoad
    axe: list[str]
    #: Storage keys present after the page: ("localStorage" | "sessionStorage", key).
    stored: list[tuple[str, str]]


@dataclass
class Crawl:
    visits: list[Visit] = field(default_factory=list)
    cookies: list[dict] = field(default_factory=list)
    #: Other ways to keep data in a browser: IndexedDB, Cache Storage, service workers.
    other_storage: dict[str, list[str]] = field(default_factory=dict)


#: Tabs the crawl loads pages in, in turn (one context): while one page is checked, the
#: next ones load and wait out their 500 ms of network idle.
TABS = 4


@pytest.fixture(scope="module")
def crawl(browser: Browser, site_dir: Path, site_url: str) -> Crawl:
    """Every built page once, in one context, as a first visit on a phone: what it requested
    until the network was idle, axe-core's findings once it had settled, and the storage
    keys present after it."""
    context = browser.new_context(viewport=PHONE)
    weigher = Weigher(site_dir, site_url)
    script = axe_script()
    result = Crawl()

    def check(tab: Page, load: FirstLoad) -> Callable[[], None]:
        start_axe(tab, script)

        def finish() -> None:
            problems = axe_results(tab, load.path)
            local, session = tab.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]")
            stored = [("localStorage", k) for k in local] + [("sessionStorage", k) for k in session]
            result.visits.append(Visit(load.path, load, problems, stored))

        return finish

    weigher.crawl([context.new_page() for _ in range(TABS)], site_url, built_pages(site_dir), check)
    result.cookies = context.cookies()
    result.other_storage = context.pages[0].evaluate(
        """async () => ({
          indexedDB: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
          caches: self.caches ? await caches.keys() : [],
          serviceWorkers: navigator.serviceWorker
            ? (await navigator.serviceWorker.getRegistrations()).map(r => r.scope) : [],
        })"""
    )
    context.close()
    return result


def test_the_crawl_covers_every_page_and_language(crawl: Crawl, site_dir: Path) -> None:
    """The crawl saw every built page: each language's home, lessons and slide decks."""
    seen = [v.path for v in crawl.visits]
    assert len(seen) == len(built_pages(site_dir))
    for prefix in site_languages():
        home = f"{prefix}/" if prefix else "/"
        assert home in seen and f"{prefix}/{LESSON}present/".lstrip("/") in seen, prefix


# -- accessibility ---------------------------------------------------------------------


def test_no_serious_accessibility_problem_on_any_page(crawl: Crawl) -> None:
    """axe-core finds nothing serious or critical on any page, in any language, at 360×740."""
    problems = [p for v in crawl.visits for p in v.axe]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def lang_prefixes() -> list[tuple[str, str]]:
    return [(lang, f"{prefix}/" if prefix else "") for prefix, lang in site_languages().items()]


def quiz_region(page: Page, lang: str) -> Locator:
    page.locator("section.pa-quiz").first.scroll_into_view_if_needed()  # set up when near the screen
    check = quiz_strings(lang)["check"]
    return page.get_by_role("region").filter(has=page.get_by_role("button", name=check, exact=True)).first


def answer_first_question(page: Page, lang: str) -> Locator:
    """Choose the first option of the lesson's first question and press Check."""
    quiz = quiz_region(page, lang)
    question = quiz.get_by_role("group").first
    question.get_by_role("radio").or_(question.get_by_role("checkbox")).first.check()
    quiz.get_by_role("button", name=quiz_strings(lang)["check"], exact=True).first.click()
    expect(quiz.get_by_role("status")).not_to_have_text("")
    return quiz


@pytest.mark.parametrize(("lang", "prefix"), lang_prefixes())
def test_quiz_after_answering_has_no_serious_accessibility_problem(page: Page, lang: str, prefix: str) -> None:
    """A lesson page after one question was answered and checked: verdict, marks, feedback."""
    page.set_viewport_size(PHONE)
    page.goto(prefix + LESSON)
    answer_first_question(page, lang)
    problems = axe_problems(page, axe_script(), f"{prefix}{LESSON} (answered)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("lang", "prefix"), lang_prefixes())
def test_slide_with_answer_shown_has_no_serious_accessibility_problem(page: Page, lang: str, prefix: str) -> None:
    """A deck moved on to its first quiz question, the answer shown, as a class sees it."""
    page.set_viewport_size(PHONE)
    page.goto(prefix + LESSON + "present/")
    show = page.get_by_role("button", name=slides.deck_strings(lang)["show"], exact=True)
    forward = "ArrowLeft" if page.evaluate("document.documentElement.dir") == "rtl" else "ArrowRight"
    for _ in range(40):
        if show.filter(visible=True).count():
            break
        page.keyboard.press(forward)
    show.filter(visible=True).click()
    expect(page.get_by_role("button", name=slides.deck_strings(lang)["hide"], exact=True)).to_be_visible()
    problems = axe_problems(page, axe_script(), f"{prefix}{LESSON}present/ (answer shown)")
    assert not problems, "\n".join(problems)


# -- privacy ---------------------------------------------------------------------------


def test_no_request_leaves_the_site(crawl: Crawl, site_url: str) -> None:
    """Every request of every page goes to the site itself: no CDN, font, analytics or map."""
    host = urlparse(site_url).netloc
    outside = [f"{v.path}: {url}" for v in crawl.visits for url in v.load.strays if urlparse(url).netloc != host]
    assert not outside, "\n".join(outside)


def test_nothing_is_kept_in_the_browser_but_quiz_progress(crawl: Crawl, site_url: str) -> None:
    """After every page: no cookie, no IndexedDB, and no storage key but the quizzes' own
    progress (reading pages keeps none: Material's colour-scheme key is gone with its switch,
    see overrides/partials/palette.html). The one service worker is the site's offline copy
    (#17): at the site's root, with at most one cache, named after the release."""
    prefix = quiz_key_prefix()
    stored = [
        f"{v.path}: {area}[{key!r}]" for v in crawl.visits for area, key in v.stored
        if not (area == "localStorage" and key.startswith(prefix))
    ]
    assert crawl.cookies == []
    assert crawl.other_storage["indexedDB"] == []
    assert crawl.other_storage["serviceWorkers"] in ([], [site_url])
    caches = crawl.other_storage["caches"]
    assert len(caches) <= 1 and all(name.startswith("pingan-") for name in caches), caches
    assert not stored, "\n".join(stored)


def stored_quiz_answers(page: Page) -> dict[str, dict]:
    items = page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")
    return {k: json.loads(v) for k, v in items.items() if k.startswith(quiz_key_prefix())}


def test_clear_my_answers_forgets_them(page: Page) -> None:
    """A checked answer is kept on the device (quiz progress); "Clear my answers" removes it
    from storage and from the page, and it stays gone after a reload."""
    page.set_viewport_size(PHONE)
    page.goto(LESSON)
    quiz = answer_first_question(page, "zh")
    kept = stored_quiz_answers(page)
    assert len(kept) == 1 and next(iter(kept.values())), kept
    quiz.get_by_role("button", name=quiz_strings("zh")["clear"], exact=True).click()
    assert stored_quiz_answers(page) == {}  # not even the key, which would name the lesson
    page.reload()
    expect(quiz_region(page, "zh").get_by_role("status")).to_have_text("")
    first = quiz_region(page, "zh").get_by_role("group").first
    expect(first.get_by_role("radio").or_(first.get_by_role("checkbox")).first).not_to_be_checked()
    assert stored_quiz_answers(page) == {}
    assert page.context.cookies() == []


# -- weight ----------------------------------------------------------------------------


def test_every_first_load_is_within_the_budget(crawl: Crawl) -> None:
    """Each page's first load (all it requests until the network is idle; search loads only
    when opened), gzip -9 as a server sends it, stays within FIRST_LOAD_BUDGET_GZIP."""
    unweighed = [f"{v.path}: {url}" for v in crawl.visits for url in v.load.strays]
    assert not unweighed, "requests that are not files of the site:\n" + "\n".join(unweighed)
    heaviest = max(crawl.visits, key=lambda v: v.load.total)
    over = [f"{v.path}: {v.load.total:,d} bytes" for v in crawl.visits if v.load.total > FIRST_LOAD_BUDGET_GZIP]
    assert not over, (
        f"{len(over)} pages over {FIRST_LOAD_BUDGET_GZIP:,d} bytes:\n" + "\n".join(over[:20])
        + f"\nheaviest, {heaviest.path}:\n{heaviest.load.breakdown()}"
    )


def test_quiz_assets_as_served_stay_within_their_budget(
    crawl: Crawl, page: Page, site_dir: Path, site_url: str
) -> None:
    """On a quiz page, quiz.mjs + quiz.css as requested stay within the quiz plugin's budget;
    quiz.mjs comes when the quiz nears the screen, not with a first screen far above it."""
    visit = next(v for v in crawl.visits if v.path == LESSON)
    # One render-blocking style sheet of ours (issue 14): the quiz's styles come in site.css.
    assert not [u for u in visit.load.sizes if re.search(r"/quiz\.(mjs|css)$", u)], visit.load.sizes
    page.set_viewport_size(PHONE)
    load, stop = Weigher(site_dir, site_url).record(page, LESSON)
    page.goto(site_url + LESSON)
    page.wait_for_load_state("networkidle")
    assert not [u for u in load.sizes if u.endswith("/quiz.mjs")]  # the quiz is screens below
    page.locator(".pa-quiz").first.scroll_into_view_if_needed()
    expect(page.locator(".pa-quiz[data-pa-ready]").first).to_be_attached()
    stop()
    quiz = {url: size for url, size in load.sizes.items() if re.search(r"/quiz\.(mjs|css)$", url)}
    assert list(quiz) == [u for u in quiz if u.endswith("/quiz.mjs")] and len(quiz) == 1, load.sizes
    css = gzip_size((ROOT / "plugins" / "pingan" / "assets" / "quiz.css").read_bytes())
    assert sum(quiz.values()) + css <= ASSET_BUDGET_GZIP, (quiz, css)
