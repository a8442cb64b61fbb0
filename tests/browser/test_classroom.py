"""The classroom: a lesson presented as slides, its quiz run with the class, the lesson on paper.

Against the real site (fixture ``site_dir`` / ``base_url``). Words come from the catalogs
and quiz texts from the quiz files, so each test runs unchanged in zh and en.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
import segno
from helpers import ROOT, build_site, copy_project, serve_dir
from playwright.sync_api import Locator, Page, expect

from pingan import slides
from pingan.core import catalogs as i18n
from pingan.core.catalogs import fill
from pingan.quiz.loader import load_quizzes
from pingan.quiz.model import Question, Quiz
from pingan.quiz.render import inline_markdown

pytestmark = pytest.mark.browser

PREFIX = {"zh": "", "en": "en/"}
LANGS = ["zh", "en"]
LESSON = "lessons/check-first/"
#: Keys that go on, in turn: every one of them is tried on the way through a deck.
FORWARD_KEYS = ["ArrowRight", "PageDown", " "]
#: The text on a slide (everything but buttons), which must read from the back of a class.
TEXT = "h1, h2, h3, p, li, td, th, dd, dt, figcaption, blockquote"


class Words:
    """The interface words and the check-first quiz in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.deck = slides.deck_strings(lang)
        self.quiz_ui = i18n.quiz_strings(lang)
        self.t = i18n.translations(lang)
        result = load_quizzes(ROOT / "quizzes", languages=LANGS, default_language="zh", root=ROOT)
        self.quiz: Quiz = result.quizzes["check-first"]

    def text(self, value: object) -> str:
        """A quiz text as the reader sees it (the tiny Markdown rendered, tags dropped)."""
        html = inline_markdown(value.text(self.lang))  # type: ignore[attr-defined]
        return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())

    def counter(self, n: int | str, total: int | str) -> str:
        return fill(self.deck["counter"], {"n": n, "total": total})

    def counter_re(self, n: int, total: int) -> re.Pattern[str]:
        return re.compile(rf"(^|\D){re.escape(self.counter(n, total))}(\D|$)")

    def question(self, qid: str) -> Question:
        return self.quiz.question(qid)


@pytest.fixture(params=LANGS)
def words(request: pytest.FixtureRequest) -> Words:
    return Words(request.param)


def _open_deck(page: Page, w: Words) -> tuple[Locator, int]:
    """From the lesson page, follow "Present"; return the control bar and the number of slides."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(PREFIX[w.lang] + LESSON)
    page.get_by_role("link", name=w.t.gettext("Present"), exact=True).click()
    expect(page).to_have_url(re.compile(rf"/{PREFIX[w.lang]}{LESSON}present/(#s1)?$"))
    return _bar_and_total(page, w.deck)


def _bar_and_total(page: Page, deck: dict[str, str]) -> tuple[Locator, int]:
    """The deck's control bar, and the number of slides its counter gives on the first slide,
    once the deck's script has started (the counter is in the page before it; a key pressed
    earlier is lost, and a test once ran out of presses before its slide under load)."""
    expect(page.locator(".pa-deck")).to_have_attribute("data-pa-ready", "")
    bar = page.get_by_role("navigation", name=deck["controls"])
    first = re.compile(re.escape(fill(deck["counter"], {"n": 1, "total": "§"})).replace("§", r"(\d+)"))
    expect(bar).to_contain_text(first)
    found = first.search(bar.inner_text())
    assert found
    return bar, int(found.group(1))


def _current(page: Page) -> Locator:
    """The one slide shown (the deck's other slides are hidden)."""
    return page.get_by_role("main").get_by_role("region").first


def _go_to_heading(page: Page, heading: str, total: int) -> Locator:
    """Press → until the slide with ``heading`` is shown; return that slide."""
    target = page.get_by_role("main").get_by_role("heading", name=heading, exact=True)
    for _ in range(total):
        if target.is_visible():
            break
        page.keyboard.press("ArrowRight")
    expect(target).to_be_visible()
    return _current(page)


# -- slides -----------------------------------------------------------------------------


def test_keyboard_through_every_slide_then_escape_to_the_lesson(page: Page, words: Words) -> None:
    """→, PageDown and Space go through every slide to N / N, one slide shown at a time, its
    text at least 28 px at 1280×720; the live region says where we are; Esc goes back."""
    w = words
    bar, total = _open_deck(page, w)
    assert total >= 10
    main = page.get_by_role("main")
    announce = w.deck["announce"].split("{title}")[0]
    smallest: list[tuple[int, float]] = []
    for n in range(1, total + 1):
        if n > 1:
            page.keyboard.press(FORWARD_KEYS[n % len(FORWARD_KEYS)])
            status = fill(announce, {"n": n, "total": total}).strip()
            expect(page.get_by_role("status")).to_contain_text(status)
        expect(bar).to_contain_text(w.counter_re(n, total))
        slide = main.get_by_role("region", name=w.counter(n, total), exact=True)
        expect(slide).to_be_visible()
        expect(main.get_by_role("region")).to_have_count(1)
        size = slide.evaluate(
            "(s, sel) => Math.min(...[...s.querySelectorAll(sel)].filter(e => e.offsetParent)"
            ".map(e => parseFloat(getComputedStyle(e).fontSize)))",
            TEXT,
        )
        smallest.append((n, size))
    assert [(n, size) for n, size in smallest if size < 28] == []
    page.keyboard.press("ArrowRight")  # past the end: stays on the last slide
    expect(bar).to_contain_text(w.counter_re(total, total))
    page.keyboard.press("ArrowLeft")
    expect(bar).to_contain_text(w.counter_re(total - 1, total))
    page.keyboard.press("Home")
    expect(bar).to_contain_text(w.counter_re(1, total))
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(rf"/{PREFIX[w.lang]}{LESSON}$"))
    expect(page.get_by_role("link", name=w.t.gettext("Present"), exact=True)).to_be_visible()


def test_click_buttons_and_swipe_move_between_slides(page: Page) -> None:
    """A click on the slide and the next button go on; previous goes back; a swipe to the left
    goes on and to the right goes back; PageUp and Shift+Space go back."""
    w = Words("en")
    bar, total = _open_deck(page, w)
    main = page.get_by_role("main")
    _current(page).click()
    expect(bar).to_contain_text(w.counter_re(2, total))
    page.get_by_role("button", name=w.deck["next"]).click()
    expect(bar).to_contain_text(w.counter_re(3, total))
    page.get_by_role("button", name=w.deck["prev"]).click()
    expect(bar).to_contain_text(w.counter_re(2, total))

    def swipe(x0: int, x1: int) -> None:
        start = {"pointerType": "touch", "isPrimary": True, "clientX": x0, "clientY": 300, "pointerId": 7}
        main.dispatch_event("pointerdown", start)
        main.dispatch_event("pointerup", {**start, "clientX": x1})

    swipe(900, 300)
    expect(bar).to_contain_text(w.counter_re(3, total))
    swipe(300, 900)
    expect(bar).to_contain_text(w.counter_re(2, total))
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    page.keyboard.press("PageUp")
    expect(bar).to_contain_text(w.counter_re(3, total))
    page.keyboard.press("Shift+Space")
    expect(bar).to_contain_text(w.counter_re(2, total))
    expect(page.get_by_role("button", name=w.deck["full"])).to_be_visible()


def test_reveal_shows_the_right_answer_and_explanation_from_the_quiz_file(page: Page, words: Words) -> None:
    """On a question slide nothing gives the answer away; R (or "Show answer") marks the right
    option with ✓ and words and shows the explanation of the quiz file; pressing again hides it."""
    w = words
    _bar, total = _open_deck(page, w)
    question = w.question("sent-by-mum")  # a "choose all" question: two right options
    slide = _go_to_heading(page, w.text(question.prompt), total)
    expect(slide).to_contain_text(w.quiz_ui["all"])
    items = slide.get_by_role("listitem")
    expect(items).to_have_count(len(question.options))
    expect(slide.get_by_role("textbox")).to_have_count(0)
    expect(slide.get_by_role("checkbox")).to_have_count(0)
    explanation = slide.get_by_text(w.text(question.explanation))
    right_mark = w.quiz_ui["right"]
    expect(explanation).to_be_hidden()
    expect(slide.get_by_text(right_mark).filter(visible=True)).to_have_count(0)
    show = page.get_by_role("button", name=w.deck["show"])
    expect(show).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("r")
    expect(explanation).to_be_visible()
    for option in question.options:
        item = items.filter(has_text=w.text(option.text))
        mark = item.get_by_text(right_mark)
        if option.correct:
            expect(mark).to_be_visible()
            expect(item).to_contain_text("✓")
        else:
            expect(mark.filter(visible=True)).to_have_count(0)
    hide = page.get_by_role("button", name=w.deck["hide"])
    expect(hide).to_have_attribute("aria-expanded", "true")
    hide.click()
    expect(explanation).to_be_hidden()
    page.get_by_role("button", name=w.deck["show"]).click()
    expect(explanation).to_be_visible()


def test_follow_up_question_has_its_own_slide_naming_the_choice(page: Page, words: Words) -> None:
    """A branch question is a slide of its own, headed by the choice that leads there."""
    w = words
    _bar, total = _open_deck(page, w)
    parent = w.question("puppy-in-park")
    choice = next(o for o in parent.options if o.next == "puppy-path")
    slide = _go_to_heading(page, w.text(w.question("puppy-path").prompt), total)
    expect(slide).to_contain_text(fill(w.quiz_ui["if_chose"], {"choice": w.text(choice.text)}))
    expect(slide).to_contain_text(w.quiz_ui["followup"])


def test_right_to_left_deck_swaps_the_arrows(page: Page) -> None:
    """In the Uyghur deck (right to left) ← goes on and → goes back, and the bar is mirrored."""
    deck = slides.deck_strings("ug")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto("ug/" + LESSON + "present/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    bar, total = _bar_and_total(page, deck)
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("region", name=fill(deck["counter"], {"n": 2, "total": total}))).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("region", name=fill(deck["counter"], {"n": 1, "total": total}))).to_be_visible()
    back = page.get_by_role("link", name=deck["back"]).bounding_box()
    assert back and back["x"] > 640  # the start of the line is on the right
    expect(bar).to_be_visible()


def test_deck_works_from_a_folder_without_a_server(page: Page, site_dir: Path) -> None:
    """Opened as file://, the deck runs (keys, counter) and its way back names index.html."""
    w = Words("en")
    deck = site_dir / PREFIX["en"] / LESSON / "present" / "index.html"
    page.goto(deck.as_uri())
    bar = page.get_by_role("navigation", name=w.deck["controls"])
    page.keyboard.press("ArrowRight")
    expect(bar).to_contain_text(re.compile(re.escape(w.counter(2, "§")).replace("§", r"\d+")))
    expect(page.get_by_role("link", name=w.deck["back"])).to_have_attribute("href", "../index.html")


def test_axe_finds_no_accessibility_problem_in_the_deck(page: Page) -> None:
    """axe-core (WCAG 2 A/AA and best practices) on the deck: title slide, a question with its
    answer shown, the last slide, and the right-to-left deck."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    w = Words("en")
    _bar, total = _open_deck(page, w)

    def problems() -> str:
        # The slide fades in over 0.2 s; axe must judge the colours the slide settles on, not a
        # frame of the fade (it once caught the green answer mark at 2.74:1 halfway through).
        # (Polled from here: wait_for_function evaluates a string, which the page's CSP forbids.)
        for _ in range(100):
            if page.evaluate("() => document.getAnimations().every(a => a.playState === 'finished')"):
                break
            page.wait_for_timeout(20)
        results = axe.run(page)
        return "" if results.violations_count == 0 else results.generate_report()

    assert problems() == ""
    _go_to_heading(page, w.text(w.question("sent-by-mum").prompt), total)
    page.keyboard.press("r")
    expect(page.get_by_role("button", name=w.deck["hide"])).to_be_visible()
    assert problems() == ""
    page.keyboard.press("End")
    assert problems() == ""
    page.goto("ug/" + LESSON + "present/")
    assert problems() == ""


# -- no layout shift when the script starts -------------------------------------------------

_BOXES = """() => Object.fromEntries(['.pa-deck__bar', '.pa-deck__back', '.pa-deck__prev', '.pa-deck__counter',
  '.pa-deck__next', '.pa-deck__full', '#s1 .pa-slide__heading'].map(sel => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return [sel, [r.x, r.y, r.width, r.height].map(Math.round)];
  }))"""


@pytest.mark.parametrize("size", [(1280, 720), (360, 740)], ids=["projector", "phone"])
def test_the_deck_is_laid_out_before_its_script_runs(page: Page, size: tuple[int, int]) -> None:
    """The deck's first paint already has the script's layout (one slide, the control bar at
    the bottom with its buttons), so nothing moves when the script starts (Lighthouse once
    measured a layout shift of 0.07-0.12 as the bar jumped into view)."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    url = PREFIX["en"] + LESSON + "present/"

    page.route("**/assets/pingan/slides.js*", lambda route: route.abort())  # the script withheld
    page.goto(url)
    expect(page.locator(".pa-deck")).not_to_have_attribute("data-pa-ready", "")
    before = page.evaluate(_BOXES)
    page.unroute("**/assets/pingan/slides.js*")
    page.goto(url + "?again")
    expect(page.locator(".pa-deck")).to_have_attribute("data-pa-ready", "")
    assert page.evaluate(_BOXES) == before
    assert before[".pa-deck__bar"][1] + before[".pa-deck__bar"][3] == size[1]  # at the bottom


# -- QR code ----------------------------------------------------------------------------


def _path_data(svg: str) -> list[str]:
    return re.findall(r'\sd="([^"]+)"', svg)


def test_last_slide_qr_code_is_the_lessons_address(page: Page, site_dir: Path) -> None:
    """The last slide's inline SVG is segno's own QR code of site_url + the lesson's URL."""
    from mkdocs.config import load_config

    w = Words("en")
    url = load_config(config_file=str(ROOT / "mkdocs.yml")).site_url + PREFIX["en"] + LESSON
    _bar, total = _open_deck(page, w)
    page.keyboard.press("End")
    last = page.get_by_role("region", name=w.counter(total, total), exact=True)
    expect(last.get_by_role("complementary", name=w.t.gettext("Get help"))).to_be_visible()
    qr = last.get_by_role("img", name=fill(w.deck["qr"], {"url": url}))
    expect(qr).to_be_visible()
    expect(last).to_contain_text(url)
    drawn = qr.evaluate("e => e.outerHTML")
    expected = segno.make(url, error="m", micro=False).svg_inline(
        scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="pa-qr", lineclass=None
    )
    assert _path_data(drawn) == _path_data(expected) != []
    assert re.search(r'viewBox="[^"]+"', drawn).group(0) == re.search(r'viewBox="[^"]+"', expected).group(0)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def no_url_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The project built with an empty site_url, served."""
    project = copy_project(tmp_path_factory.mktemp("no-url"))
    site = build_site(project, project / "site", site_url="")
    with serve_dir(site) as url:
        yield site, url


def test_without_site_url_there_is_no_qr_and_no_image(page: Page, no_url_site: tuple[Path, str]) -> None:
    """Without site_url the last slide keeps the hotlines, with no QR code and no <img>."""
    site, url = no_url_site
    decks = sorted(site.rglob("present/index.html"))
    assert decks
    for deck in decks:
        html = deck.read_text(encoding="utf-8")
        assert 'class="pa-slide__qr"' not in html and "<img" not in html, deck
        # The only drawings are the lesson's own pictures (inline, labelled) and the bar's
        # full-screen icon: no QR code.
        pictures = html.count('<svg class="pa-picture" role="img"')
        assert html.count("<svg") == pictures + html.count('<svg class="pa-deck__icon"') == pictures + 1, deck
    w = Words("zh")
    page.goto(url + LESSON + "present/")
    page.keyboard.press("End")
    main = page.get_by_role("main")
    expect(main.get_by_role("complementary", name=w.t.gettext("Get help"))).to_be_visible()
    expect(main.locator(".pa-slide--end").get_by_role("img")).to_have_count(0)


# -- print --------------------------------------------------------------------------------


def test_print_shows_only_the_lesson_and_a_worksheet(page: Page, words: Words) -> None:
    """On paper: no navigation, header, footer or search; "Get help" stays; the quiz is a
    worksheet: options with empty boxes, no answers, no explanations, no buttons."""
    w = words
    page.goto(PREFIX[w.lang] + LESSON)
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation")).to_have_count(0)
    expect(page.get_by_role("banner")).to_have_count(0)
    expect(page.get_by_role("contentinfo")).to_have_count(0)
    expect(page.get_by_role("textbox")).to_have_count(0)  # the search box
    expect(page.get_by_role("link", name=w.t.gettext("Present"))).to_have_count(0)
    help_box = page.get_by_role("complementary", name=w.t.gettext("Get help"))
    expect(help_box).to_be_visible()
    expect(help_box.get_by_role("link", name=re.compile(r"\b110\b"))).to_be_visible()

    question = w.question("ask-first")
    right = next(o for o in question.options if o.correct)
    option = page.get_by_text(w.text(right.text), exact=True).first
    expect(option).to_be_visible()
    box = option.evaluate("e => getComputedStyle(e, '::before').content")
    assert "☐" in box
    expect(page.get_by_text(w.text(question.explanation)).filter(visible=True)).to_have_count(0)
    expect(page.get_by_text(w.quiz_ui["answer"]).filter(visible=True)).to_have_count(0)
    expect(page.get_by_text(w.quiz_ui["right"]).filter(visible=True)).to_have_count(0)
    expect(page.get_by_role("button")).to_have_count(0)

    # A link to another site shows where it goes; a tel: link is its number already.
    after = page.evaluate(
        """() => { const a = document.createElement('a'); a.href = 'https://example.org/x';
        a.textContent = 'x'; document.querySelector('article').append(a);
        return getComputedStyle(a, '::after').content; }"""
    )
    assert "https://example.org/x" in after


def test_print_answer_key_shows_the_right_answers_and_explanations(page: Page, words: Words) -> None:
    """"Print answer key" prints the teacher's copy: ✓ at the right options, the right answers
    and the explanations; "Print worksheet" afterwards prints without them again."""
    w = words
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
    page.goto(PREFIX[w.lang] + LESSON)
    page.get_by_role("button", name=w.t.gettext("Print answer key")).click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bpa-print-key\b"))
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    quiz = page.get_by_role("region", name=w.text(w.quiz.title))
    for qid in ("ask-first", "sent-by-mum"):
        question = w.question(qid)
        expect(quiz.get_by_text(w.text(question.explanation))).to_be_visible()
        for option in question.options:
            label = quiz.get_by_text(w.text(option.text), exact=True).first
            expect(label).to_be_visible()
            after = label.evaluate("e => getComputedStyle(e, '::after').content")
            assert ("✓" in after) == option.correct, (qid, option.text)
    expect(quiz.get_by_text(w.quiz_ui["right"]).first).to_be_visible()

    page.emulate_media(media="screen")
    page.get_by_role("button", name=w.t.gettext("Print worksheet")).click()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bpa-print-key\b"))
    page.emulate_media(media="print")
    explanation = quiz.get_by_text(w.text(w.question("ask-first").explanation))
    expect(explanation.filter(visible=True)).to_have_count(0)
