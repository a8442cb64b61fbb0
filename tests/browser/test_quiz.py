"""Quizzes in a real Chromium, in Chinese and in English, on tests/fixtures/quiz-site.

The fixture site is built once per session and served on 127.0.0.1; it enables
Material's instant navigation. Texts are read from the fixture quiz files and
the catalogs, so each test runs unchanged in zh and en.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import yaml
from helpers import ROOT, build_site, serve_dir
from playwright.sync_api import Browser, Locator, Page, Route, expect

from pingan.core.catalogs import fill, quiz_strings

pytestmark = pytest.mark.browser

FIXTURE = ROOT / "tests" / "fixtures" / "quiz-site"
QUIZZES = ROOT / "tests" / "fixtures" / "quizzes" / "good"
PREFIX = {"zh": "", "en": "en/"}
LANGS = ["zh", "en"]


@pytest.fixture(scope="session")
def quiz_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site, built once with --strict and served; this module's tests go there.

    Material's instant navigation only follows links found in sitemap.xml, whose
    addresses come from site_url: so the server starts first and the site is built
    for its address.
    """
    site = tmp_path_factory.mktemp("quiz-site")
    with serve_dir(site) as url:
        build_site(FIXTURE, site, site_url=url)
        yield url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict, quiz_site_url: str) -> dict:
    """This module's pages open on the fixture site (the real site stays the default elsewhere).

    Overriding ``base_url`` itself would leak: pytest-playwright caches the session's
    context arguments with whichever base URL it saw first.
    """
    return {**browser_context_args, "base_url": quiz_site_url}


@dataclass
class Texts:
    """What a reader sees in one language: quiz texts and interface words."""

    lang: str
    ui: dict[str, str]
    demo: dict
    two: dict

    def t(self, value: dict | str) -> str:
        return value[self.lang] if isinstance(value, dict) else value

    def q(self, quiz: dict, qid: str) -> dict:
        return next(q for q in quiz["questions"] if q["id"] == qid)

    def prompt(self, quiz: dict, qid: str) -> str:
        return self.t(self.q(quiz, qid)["prompt"])

    def option(self, quiz: dict, qid: str, index: int) -> str:
        return self.t(self.q(quiz, qid)["options"][index]["text"])

    def path(self, page: str) -> str:
        return f"{PREFIX[self.lang]}pages/{page}/"


@pytest.fixture(params=LANGS)
def tx(request: pytest.FixtureRequest) -> Texts:
    lang = request.param
    load = lambda name: yaml.safe_load((QUIZZES / f"{name}.yml").read_text(encoding="utf-8"))  # noqa: E731
    return Texts(lang, quiz_strings(lang), load("demo"), load("demo-two"))


@pytest.fixture
def errors(page: Page) -> Iterator[list[str]]:
    """Console errors and failed requests (sitemap.xml lookups by Material excepted)."""
    found: list[str] = []
    page.on("console", lambda m: m.type == "error" and "404" not in m.text and found.append(m.text))
    page.on("pageerror", lambda e: found.append(str(e)))
    page.on(
        "response",
        lambda r: r.status >= 400 and not r.url.endswith("sitemap.xml") and found.append(f"{r.status} {r.url}"),
    )
    yield found
    assert found == []


def region(page: Page, tx: Texts, quiz: dict) -> Locator:
    return page.get_by_role("region", name=tx.t(quiz["title"]))


def group(quiz: Locator, tx: Texts, prompt: str) -> Locator:
    return quiz.get_by_role("group", name=prompt)


def check_button(quiz: Locator, tx: Texts, n: int) -> Locator:
    """The Check button of the n-th question shown (hidden follow-ups do not count)."""
    return quiz.get_by_role("button", name=tx.ui["check"], exact=True).nth(n)


def visible_text(quiz: Locator, text: str) -> Locator:
    return quiz.get_by_text(text, exact=True).filter(visible=True)


def score(tx: Texts, n: int, total: int) -> str:
    return fill(tx.ui["score"], {"n": n, "total": total})


# -- answering -------------------------------------------------------------------------


def test_each_kind_right_and_wrong_with_feedback_score_and_try_again(page: Page, tx: Texts, errors: list[str]) -> None:
    """Wrong and right answers of every kind: marks, feedback, explanation, live result, score, reset."""
    page.goto(tx.path("demo"))
    quiz = region(page, tx, tx.demo)
    status = quiz.get_by_role("status")
    single = group(quiz, tx, tx.prompt(tx.demo, "ask-first"))
    wrong = single.get_by_role("radio", name=tx.option(tx.demo, "ask-first", 1))
    wrong.check()
    check_button(quiz, tx, 0).click()
    expect(status).to_contain_text(tx.ui["wrong"])
    expect(wrong).to_have_accessible_name(re.compile(re.escape(tx.ui["chose_wrong"])))
    expect(wrong).to_be_disabled()
    right = single.get_by_role("radio", name=tx.option(tx.demo, "ask-first", 0))
    expect(right).to_have_accessible_name(re.compile(re.escape(tx.ui["right"])))
    feedback = tx.t(tx.q(tx.demo, "ask-first")["options"][1]["feedback"])
    expect(visible_text(quiz, feedback)).to_be_visible()
    expect(status).to_contain_text(feedback)
    expect(visible_text(quiz, tx.t(tx.q(tx.demo, "ask-first")["explanation"]))).to_be_visible()
    expect(check_button(quiz, tx, 0)).to_have_attribute("aria-disabled", "true")

    multiple = group(quiz, tx, tx.prompt(tx.demo, "who-to-ask"))
    multiple.get_by_role("checkbox", name=tx.option(tx.demo, "who-to-ask", 0)).check()
    multiple.get_by_role("checkbox", name=tx.option(tx.demo, "who-to-ask", 1)).check()
    check_button(quiz, tx, 1).click()
    expect(status).to_contain_text(tx.ui["correct"])

    truefalse = group(quiz, tx, tx.prompt(tx.demo, "sweets"))
    truefalse.get_by_role("radio", name=tx.ui["true"]).check()
    check_button(quiz, tx, 2).click()
    expect(status).to_contain_text(tx.t(tx.q(tx.demo, "sweets")["if_true"]))
    expect(truefalse.get_by_role("radio", name=tx.ui["false"])).to_have_accessible_name(re.compile(re.escape(tx.ui["right"])))

    scenario = group(quiz, tx, tx.prompt(tx.demo, "school-gate"))
    scenario.get_by_role("radio", name=tx.option(tx.demo, "school-gate", 0)).check()
    check_button(quiz, tx, 3).click()
    consequence = tx.t(tx.q(tx.demo, "school-gate")["options"][0]["feedback"])
    expect(status).to_contain_text(consequence)
    expect(quiz.get_by_text(score(tx, 2, 4), exact=True)).to_be_visible()
    expect(status).to_contain_text(score(tx, 2, 4))
    expect(group(quiz, tx, tx.prompt(tx.demo, "school-gate-password"))).to_be_hidden()

    quiz.get_by_role("button", name=tx.ui["again"]).click()
    expect(quiz.get_by_text(score(tx, 2, 4), exact=True)).to_be_hidden()
    expect(wrong).not_to_be_checked()
    expect(wrong).to_be_enabled()
    expect(wrong).to_have_accessible_name(tx.option(tx.demo, "ask-first", 1))
    expect(single.get_by_role("radio").first).to_be_focused()
    expect(check_button(quiz, tx, 0)).not_to_have_attribute("aria-disabled", "true")


def test_branch_leads_to_its_follow_up_and_counts_in_the_score(page: Page, tx: Texts, errors: list[str]) -> None:
    """The scenario's branching choice reveals its follow-up; all right but that: 4 of 5."""
    page.goto(tx.path("demo"))
    quiz = region(page, tx, tx.demo)
    follow = group(quiz, tx, tx.prompt(tx.demo, "school-gate-password"))
    expect(follow).to_be_hidden()
    group(quiz, tx, tx.prompt(tx.demo, "ask-first")).get_by_role("radio").first.check()
    check_button(quiz, tx, 0).click()
    multiple = group(quiz, tx, tx.prompt(tx.demo, "who-to-ask"))
    for i in (0, 1):
        multiple.get_by_role("checkbox", name=tx.option(tx.demo, "who-to-ask", i)).check()
    check_button(quiz, tx, 1).click()
    group(quiz, tx, tx.prompt(tx.demo, "sweets")).get_by_role("radio", name=tx.ui["false"]).check()
    check_button(quiz, tx, 2).click()
    branch = tx.option(tx.demo, "school-gate", 1)
    group(quiz, tx, tx.prompt(tx.demo, "school-gate")).get_by_role("radio", name=branch).check()
    check_button(quiz, tx, 3).click()
    expect(follow).to_be_visible()
    expect(quiz.get_by_text(fill(tx.ui["if_chose"], {"choice": branch}))).to_be_visible()
    expect(quiz.get_by_role("status")).not_to_contain_text(score(tx, 3, 4))
    follow.get_by_role("radio", name=tx.option(tx.demo, "school-gate-password", 0)).check()
    check_button(quiz, tx, 4).click()
    expect(quiz.get_by_text(score(tx, 4, 5), exact=True)).to_be_visible()


def test_keyboard_only_from_tab_to_score(page: Page, tx: Texts, errors: list[str]) -> None:
    """Tab, arrows, Space and Enter alone take a reader through the quiz; focus is visible."""
    page.goto(tx.path("demo"))
    quiz = region(page, tx, tx.demo)
    single = group(quiz, tx, tx.prompt(tx.demo, "ask-first"))
    first = single.get_by_role("radio").first
    tab_to(page, first)
    outline = first.evaluate("e => getComputedStyle(e.closest('label')).outlineStyle")
    assert outline != "none", "the focused option must show it"
    page.keyboard.press("ArrowDown")
    expect(single.get_by_role("radio").nth(1)).to_be_checked()
    page.keyboard.press("ArrowUp")
    expect(first).to_be_checked()
    page.keyboard.press("Tab")
    expect(check_button(quiz, tx, 0)).to_be_focused()
    page.keyboard.press("Enter")
    expect(quiz.get_by_role("status")).to_contain_text(tx.ui["correct"])

    page.keyboard.press("Tab")  # the first check box of "who-to-ask"
    for i in range(3):
        if i < 2:
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    expect(check_button(quiz, tx, 1)).to_be_focused()
    page.keyboard.press("Space")
    expect(quiz.get_by_role("status")).to_contain_text(tx.ui["correct"])

    page.keyboard.press("Tab")  # "True"
    page.keyboard.press("ArrowDown")  # "False", chosen, not checked
    truefalse = group(quiz, tx, tx.prompt(tx.demo, "sweets"))
    expect(truefalse.get_by_role("radio", name=tx.ui["false"])).to_be_checked()
    expect(check_button(quiz, tx, 2)).not_to_have_attribute("aria-disabled", "true")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    page.keyboard.press("Tab")  # the scenario's first choice
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(quiz.get_by_text(score(tx, 4, 4), exact=True)).to_be_visible()
    page.keyboard.press("Tab")
    again = quiz.get_by_role("button", name=tx.ui["again"])
    expect(again).to_be_focused()
    page.keyboard.press("Enter")
    expect(first).to_be_focused()
    expect(first).not_to_be_checked()


def tab_to(page: Page, target: Locator, limit: int = 80) -> None:
    """Press Tab until ``target`` has focus (from the top of the page)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("e => e === document.activeElement"):
            return
    pytest.fail("Tab never reached the quiz")


def test_arrow_keys_never_check(page: Page, tx: Texts, errors: list[str]) -> None:
    """ArrowDown/ArrowUp only move between options: nothing is checked, announced or saved."""
    page.goto(tx.path("demo"))
    quiz = region(page, tx, tx.demo)
    scenario = group(quiz, tx, tx.prompt(tx.demo, "school-gate"))
    scenario.get_by_role("radio").first.focus()
    # Two choices: the arrows go round, ending on the second one.
    for key in ("ArrowDown", "ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft"):
        page.keyboard.press(key)
    expect(scenario.get_by_role("radio").nth(1)).to_be_checked()
    expect(scenario.get_by_role("radio").nth(1)).to_be_enabled()
    expect(quiz.get_by_role("status")).to_have_text("")
    expect(check_button(quiz, tx, 3)).not_to_have_attribute("aria-disabled", "true")
    expect(group(quiz, tx, tx.prompt(tx.demo, "school-gate-password"))).to_be_hidden()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('pa-quiz:'))") == []


def test_check_without_an_answer_asks_for_one(page: Page, tx: Texts, errors: list[str]) -> None:
    """Check with nothing chosen says so and checks nothing."""
    page.goto(tx.path("demo"))
    quiz = region(page, tx, tx.demo)
    check_button(quiz, tx, 0).click()
    expect(quiz.get_by_role("status")).to_have_text(tx.ui["choose_first"])
    expect(group(quiz, tx, tx.prompt(tx.demo, "ask-first")).get_by_role("radio").first).to_be_enabled()


# -- progress -------------------------------------------------------------------------


def _answer_two(page: Page, tx: Texts) -> Locator:
    quiz = region(page, tx, tx.demo)
    group(quiz, tx, tx.prompt(tx.demo, "ask-first")).get_by_role("radio", name=tx.option(tx.demo, "ask-first", 2)).check()
    check_button(quiz, tx, 0).click()
    group(quiz, tx, tx.prompt(tx.demo, "school-gate")).get_by_role("radio", name=tx.option(tx.demo, "school-gate", 1)).check()
    check_button(quiz, tx, 3).click()
    expect(group(quiz, tx, tx.prompt(tx.demo, "school-gate-password"))).to_be_visible()
    return quiz


def test_reload_restores_progress(page: Page, tx: Texts, errors: list[str]) -> None:
    """Checked answers come back after a reload, marked, with their follow-up, silently."""
    page.goto(tx.path("demo"))
    _answer_two(page, tx)
    page.reload()
    quiz = region(page, tx, tx.demo)
    chosen = group(quiz, tx, tx.prompt(tx.demo, "ask-first")).get_by_role("radio", name=tx.option(tx.demo, "ask-first", 2))
    expect(chosen).to_be_checked()
    expect(chosen).to_be_disabled()
    expect(chosen).to_have_accessible_name(re.compile(re.escape(tx.ui["chose_wrong"])))
    expect(group(quiz, tx, tx.prompt(tx.demo, "school-gate-password"))).to_be_visible()
    expect(quiz.get_by_role("button", name=tx.ui["clear"])).to_be_visible()
    expect(quiz.get_by_role("status")).to_have_text("")  # restoring announces nothing
    keys = page.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if k.startswith("pa-quiz:demo:")] == [f"pa-quiz:demo:{tx.lang}:{version(page)}"]


def version(page: Page) -> str:
    return page.locator("section[data-pa-quiz=demo]").get_attribute("data-pa-version")


def test_changed_quiz_does_not_restore_stale_answers(page: Page, tx: Texts, errors: list[str]) -> None:
    """A new version of the quiz (another digest) starts empty and drops the old answers."""
    page.goto(tx.path("demo"))
    _answer_two(page, tx)
    old = version(page)

    def new_version(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace(f'data-pa-version="{old}"', 'data-pa-version="0123456789ab"')
        route.fulfill(response=response, body=body)

    page.route(re.compile(r".*/pages/demo/(index\.html)?$"), new_version)
    page.reload()
    quiz = region(page, tx, tx.demo)
    expect(quiz).to_have_attribute("data-pa-version", "0123456789ab")
    for radio in group(quiz, tx, tx.prompt(tx.demo, "ask-first")).get_by_role("radio").all():
        expect(radio).not_to_be_checked()
        expect(radio).to_be_enabled()
    expect(group(quiz, tx, tx.prompt(tx.demo, "school-gate-password"))).to_be_hidden()
    keys = page.evaluate("Object.keys(localStorage)")
    assert not any(k.endswith(old) for k in keys)


def test_languages_keep_their_own_progress(page: Page, errors: list[str]) -> None:
    """Answers given on the English page are not restored on the Chinese one."""
    texts = {lang: Texts(lang, quiz_strings(lang), *(yaml.safe_load((QUIZZES / f"{n}.yml").read_text(encoding="utf-8")) for n in ("demo", "demo-two"))) for lang in LANGS}
    en, zh = texts["en"], texts["zh"]
    page.goto(en.path("demo"))
    _answer_two(page, en)
    page.goto(zh.path("demo"))
    quiz = region(page, zh, zh.demo)
    expect(group(quiz, zh, zh.prompt(zh.demo, "ask-first")).get_by_role("radio").nth(2)).not_to_be_checked()


# -- pages ----------------------------------------------------------------------------


def test_instant_navigation_there_and_back(page: Page, tx: Texts, errors: list[str]) -> None:
    """From the home page (no quiz) to a quiz page and back, without reloads: the quiz works each time."""
    page.goto(f"{PREFIX[tx.lang]}")
    page.evaluate("window.__noReload = true")
    link = page.get_by_role("link", name=re.compile({"zh": "演示课", "en": "Demo lesson"}[tx.lang])).first
    link.click()
    quiz = region(page, tx, tx.demo)
    expect(check_button(quiz, tx, 0)).to_be_visible()  # the script ran
    assert page.evaluate("window.__noReload === true"), "instant navigation expected"
    assert page.evaluate("getComputedStyle(document.querySelector('.pa-quiz__choice')).minHeight") == "44px"
    group(quiz, tx, tx.prompt(tx.demo, "ask-first")).get_by_role("radio").first.check()
    check_button(quiz, tx, 0).click()
    expect(quiz.get_by_role("status")).to_contain_text(tx.ui["correct"])

    page.go_back()
    expect(region(page, tx, tx.demo)).to_have_count(0)
    page.get_by_role("link", name=re.compile({"zh": "演示课", "en": "Demo lesson"}[tx.lang])).first.click()
    quiz = region(page, tx, tx.demo)
    first = group(quiz, tx, tx.prompt(tx.demo, "ask-first")).get_by_role("radio").first
    expect(first).to_be_checked()  # restored after coming back
    expect(first).to_have_accessible_name(re.compile(re.escape(tx.ui["chose_right"])))
    assert first.evaluate("e => e.closest('label').querySelectorAll('.pa-quiz__mark').length") == 1
    group(quiz, tx, tx.prompt(tx.demo, "sweets")).get_by_role("radio", name=tx.ui["false"]).check()
    check_button(quiz, tx, 2).click()
    expect(quiz.get_by_role("status")).to_contain_text(tx.ui["correct"])
    assert page.evaluate("window.__noReload === true")


def test_two_quizzes_on_one_page_are_independent(page: Page, tx: Texts, errors: list[str]) -> None:
    """Checking, scoring and clearing one quiz leaves the other alone."""
    page.goto(tx.path("two"))
    one, two = region(page, tx, tx.two), region(page, tx, tx.demo)
    group(one, tx, tx.prompt(tx.two, "door")).get_by_role("radio").first.check()
    check_button(one, tx, 0).click()
    expect(one.get_by_role("status")).to_contain_text(tx.ui["correct"])
    expect(two.get_by_role("status")).to_have_text("")
    two.scroll_into_view_if_needed()  # a quiz is set up when it comes near the screen
    expect(check_button(two, tx, 0)).not_to_have_attribute("aria-disabled", "true")
    group(two, tx, tx.prompt(tx.demo, "ask-first")).get_by_role("radio").first.check()
    check_button(two, tx, 0).click()
    one.get_by_role("button", name=tx.ui["clear"]).click()
    expect(group(one, tx, tx.prompt(tx.two, "door")).get_by_role("radio").first).not_to_be_checked()
    expect(group(two, tx, tx.prompt(tx.demo, "ask-first")).get_by_role("radio").first).to_be_checked()
    stored = page.evaluate("JSON.stringify(Object.keys(localStorage))")
    # The cleared quiz leaves nothing behind; the other keeps its progress.
    assert sorted(k.split(":")[1] for k in json.loads(stored) if k.startswith("pa-quiz:")) == ["demo"]


def test_without_javascript_answers_wait_in_closed_details(browser: Browser, quiz_site_url: str, tx: Texts) -> None:
    """No script: every question reads, follow-ups too; answers are in closed <details>."""
    context = browser.new_context(java_script_enabled=False, base_url=quiz_site_url)
    page = context.new_page()
    page.goto(tx.path("demo"))
    quiz = region(page, tx, tx.demo)
    for qid in ("ask-first", "who-to-ask", "sweets", "school-gate", "school-gate-password"):
        expect(group(quiz, tx, tx.prompt(tx.demo, qid))).to_be_visible()
    expect(quiz.get_by_role("button", name=tx.ui["check"], exact=True)).to_have_count(0)
    follow = group(quiz, tx, tx.prompt(tx.demo, "school-gate-password"))
    expect(follow).to_be_visible()
    expect(quiz.get_by_text(fill(tx.ui["if_chose"], {"choice": tx.option(tx.demo, "school-gate", 1)}))).to_be_visible()
    summaries = quiz.get_by_text(tx.ui["answer"], exact=True)
    expect(summaries).to_have_count(5)
    explanation = quiz.get_by_text(tx.t(tx.q(tx.demo, "ask-first")["explanation"]))
    expect(explanation).to_be_hidden()
    summaries.first.click()
    expect(explanation).to_be_visible()
    assert quiz.locator("details[open]").count() == 1
    context.close()


def test_phone_tap_targets(page: Page, tx: Texts, errors: list[str]) -> None:
    """At 360×740 every option row and button is at least 44 px tall; a tap on the words chooses."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(tx.path("demo"))
    quiz = region(page, tx, tx.demo)
    # Measured once the script has set the quiz up (its Check buttons exist only then; it
    # hides follow-ups): read mid-setup, a follow-up's options measured 0 px tall in CI.
    expect(quiz).to_have_attribute("data-pa-ready", "")
    expect(check_button(quiz, tx, 0)).to_be_visible()
    heights = quiz.evaluate(
        """q => Array.from(q.querySelectorAll('.pa-quiz__choice, button'))
            .filter(e => e.checkVisibility())
            .map(e => e.getBoundingClientRect().height)"""
    )
    assert len(heights) >= 6 and min(heights) >= 44, heights
    widest = quiz.evaluate("q => Math.max(...Array.from(q.querySelectorAll('*'), e => e.getBoundingClientRect().right))")
    assert widest <= 360, "nothing in the quiz may stick out sideways"
    words = visible_text(quiz, tx.option(tx.demo, "ask-first", 1))
    words.click()
    expect(group(quiz, tx, tx.prompt(tx.demo, "ask-first")).get_by_role("radio").nth(1)).to_be_checked()


def test_print_shows_questions_without_buttons_or_answers(page: Page, tx: Texts, errors: list[str]) -> None:
    """On paper: every question (follow-ups too), no buttons, no answers; the teacher hook shows them."""
    page.goto(tx.path("demo"))
    quiz = region(page, tx, tx.demo)
    page.emulate_media(media="print")
    expect(group(quiz, tx, tx.prompt(tx.demo, "school-gate-password"))).to_be_visible()
    expect(quiz.get_by_role("button").filter(visible=True)).to_have_count(0)
    expect(quiz.get_by_text(tx.ui["answer"], exact=True).filter(visible=True)).to_have_count(0)
    page.evaluate("document.documentElement.classList.add('pa-quiz-answers')")
    expect(quiz.get_by_text(tx.ui["answer"], exact=True).filter(visible=True)).to_have_count(5)


def test_axe_finds_no_accessibility_problem_in_any_state(page: Page, tx: Texts, errors: list[str]) -> None:
    """axe-core (WCAG 2 A/AA and best practices) on the quiz: without its script, fresh, and all answered."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def problems() -> str:
        results = axe.run(page, context={"include": [["section[data-pa-quiz]"]]})
        return "" if results.violations_count == 0 else results.generate_report()

    # As on a browser that cannot run the module: the static HTML alone.
    script = re.compile(r".*/quiz\.mjs(\?.*)?$")
    page.route(script, lambda route: route.abort())
    with page.expect_event("requestfailed", lambda r: "quiz.mjs" in r.url):
        page.goto(tx.path("demo"))  # imported when the quiz is near: here at once
    page.wait_for_load_state("networkidle")
    quiz = region(page, tx, tx.demo)
    expect(quiz.get_by_role("button", name=tx.ui["check"], exact=True)).to_have_count(0)
    errors.clear()  # the blocked request is logged as an error; it is the point here
    assert problems() == ""

    page.unroute(script)
    page.goto(tx.path("demo"))
    expect(check_button(quiz, tx, 0)).to_be_visible()
    assert problems() == ""
    group(quiz, tx, tx.prompt(tx.demo, "ask-first")).get_by_role("radio").nth(1).check()
    group(quiz, tx, tx.prompt(tx.demo, "who-to-ask")).get_by_role("checkbox").first.check()
    group(quiz, tx, tx.prompt(tx.demo, "sweets")).get_by_role("radio").first.check()
    group(quiz, tx, tx.prompt(tx.demo, "school-gate")).get_by_role("radio").nth(1).check()
    for n in range(4):
        check_button(quiz, tx, n).click()
    group(quiz, tx, tx.prompt(tx.demo, "school-gate-password")).get_by_role("radio").first.check()
    check_button(quiz, tx, 4).click()
    expect(quiz.get_by_text(score(tx, 1, 5), exact=True)).to_be_visible()
    assert problems() == ""
