"""All five languages as their readers use them: switcher, notices, search, right to left."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from helpers import ROOT, site_languages
from playwright.sync_api import Locator, Page, expect

from pingan.core import catalogs as i18n
from pingan.core import languages
from pingan.quiz.loader import load_quizzes

pytestmark = pytest.mark.browser

PREFIX = {lang: (f"{prefix}/" if prefix else "") for prefix, lang in site_languages().items()}
UNTRANSLATED = "This page has not been translated yet. It is shown in its %(language)s version."
UNREVIEWED = "Translated from Chinese; not yet reviewed by a native speaker."


def _t(lang: str, msgid: str, **values: str) -> str:
    text = i18n.translations(lang).gettext(msgid)
    return text % values if values else text


def test_all_five_languages_are_built() -> None:
    """zh, en, zh-Hant, vi and ug are site languages."""
    assert set(PREFIX) == {"zh", "en", "zh-Hant", "vi", "ug"}


def test_switcher_offers_every_language_and_keeps_the_page(page: Page) -> None:
    """From a Uyghur lesson the menu lists all five languages by their own names and keeps the lesson."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{PREFIX['ug']}lessons/check-first/")
    links = page.locator("a.md-select__link")
    names = languages.switcher_names(list(PREFIX))
    expect(links).to_have_count(5)
    for lang, name in names.items():
        link = page.get_by_role("link", name=name, exact=True)
        assert urlparse(link.evaluate("a => a.href")).path == f"/{PREFIX[lang]}lessons/check-first/"
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name=names["vi"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/vi/lessons/check-first/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")


def test_vietnamese_fallback_page_says_so_in_vietnamese(page: Page) -> None:
    """A lesson with no Vietnamese version shows the Chinese text with a Vietnamese notice."""
    assert not (ROOT / "content" / "vi" / "lessons" / "teachers-guide.md").exists()
    page.goto(f"{PREFIX['vi']}lessons/teachers-guide/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    notice = _t("vi", UNTRANSLATED, language=languages.native_name("zh"))
    expect(page.get_by_text(notice)).to_be_visible()
    expect(page.locator('article div[lang="zh"]').first).to_be_visible()


@pytest.mark.parametrize("lang", ["vi", "ug", "zh-Hant", "en"])
def test_unreviewed_banner_in_its_own_language(page: Page, lang: str) -> None:
    """A translation no native speaker has reviewed says so, in its own language."""
    page.goto(f"{PREFIX[lang]}lessons/check-first/")
    expect(page.locator(".pa-note").get_by_text(_t(lang, UNREVIEWED))).to_be_visible()


SEARCHES = {"zh": "求助电话", "en": "hotlines", "zh-Hant": "求助電話", "vi": "trẻ em", "ug": "بالىلار"}


@pytest.mark.parametrize("lang", list(SEARCHES))
def test_search_finds_pages_of_its_own_language(page: Page, lang: str) -> None:
    """A query in each language finds pages of that language, and only those."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(PREFIX[lang])
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(SEARCHES[lang])
    box.press("End")  # Material ignores typed CJK text until a real key event arrives
    results = page.locator(".md-search-result__list a.md-search-result__link")
    expect(results.first).to_be_visible()
    paths = [urlparse(h).path for h in results.evaluate_all("els => els.map(e => e.href)")]
    others = [f"/{p}" for code, p in PREFIX.items() if p and code != lang]
    assert all(path.startswith(f"/{PREFIX[lang]}") for path in paths), paths
    assert not any(path.startswith(tuple(others)) for path in paths), paths


def _tab_to(page: Page, target: Locator, limit: int = 120) -> None:
    for _ in range(limit):
        if target.evaluate("e => e === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached the element")


def test_uyghur_quiz_by_keyboard_with_marks_on_the_right(page: Page) -> None:
    """Right to left: a quiz is completed with the keyboard alone; the layout is mirrored."""
    quiz = load_quizzes(ROOT / "quizzes", languages=list(PREFIX), default_language="zh", root=ROOT).quizzes["check-first"]
    ui = i18n.quiz_strings("ug")
    page.goto(f"{PREFIX['ug']}lessons/check-first/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    section = page.locator('section[data-pa-quiz="check-first"]')
    section.scroll_into_view_if_needed()  # a quiz is set up when it comes near the screen
    expect(section).to_have_attribute("data-pa-ready", "")
    answered, queue = 0, [q.id for q in quiz.main_questions]
    while queue:
        question = quiz.question(queue.pop(0))
        block = section.locator(f'[data-pa-q="{question.id}"]')
        inputs = block.get_by_role("checkbox" if question.kind == "multiple" else "radio")
        right = [i for i, o in enumerate(question.options) if o.correct]
        _tab_to(page, inputs.first)
        if question.kind == "multiple":
            for i in range(len(question.options)):
                if i in right:
                    page.keyboard.press("Space")
                if i < len(question.options) - 1:
                    page.keyboard.press("Tab")
        else:
            right = right[:1]
            page.keyboard.press("Space")  # choose the first option, then move down to the right one
            for _ in range(right[0]):
                page.keyboard.press("ArrowDown")
        for i in right:
            expect(inputs.nth(i)).to_be_checked()
        page.keyboard.press("Tab")
        check = block.get_by_role("button", name=ui["check"], exact=True)
        expect(check).to_be_focused()
        page.keyboard.press("Enter")
        answered += 1
        queue[:0] = [question.options[i].next for i in right if question.options[i].next]
        # Mirrored layout: the option's radio or box stands on the right of its text (where a
        # left-to-right page has it on the left), and the "right answer" mark after the text,
        # on its left.
        choice = inputs.nth(right[0]).bounding_box()
        text = block.locator(".pa-quiz__text").nth(right[0]).bounding_box()
        assert choice["x"] >= text["x"] + text["width"] - 1
        mark = block.locator(".pa-quiz__mark").first
        expect(mark).to_be_visible()
        assert mark.bounding_box()["x"] + mark.bounding_box()["width"] <= text["x"] + 1
    score = i18n.fill(ui["score"], {"n": answered, "total": answered})
    expect(section.get_by_text(score, exact=True)).to_be_visible()


def test_phone_numbers_read_left_to_right_in_uyghur(page: Page) -> None:
    """In a right-to-left page, 12338 still reads 1-2-3-3-8 from left to right."""
    page.goto(f"{PREFIX['ug']}")
    number = page.locator(".pa-help__number").filter(has_text="12338")
    expect(number).to_have_css("direction", "ltr")
    first, last = number.evaluate(
        """e => { const t = e.firstChild, r = document.createRange();
                  r.setStart(t, 0); r.setEnd(t, 1); const a = r.getBoundingClientRect().left;
                  r.setStart(t, t.length - 1); r.setEnd(t, t.length); return [a, r.getBoundingClientRect().left]; }"""
    )
    assert first < last
