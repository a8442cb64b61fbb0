"""Every lesson's quiz, in Chinese and English, answered right by a reader: full score.

The right answers come from the quiz files' answer keys (the loader), never from the page.
"""

from __future__ import annotations

import pytest
from helpers import ROOT
from playwright.sync_api import Page, expect

from pingan.core.catalogs import fill, quiz_strings
from pingan.quiz.loader import load_quizzes
from pingan.quiz.model import Quiz

pytestmark = pytest.mark.browser

LANGS = {"zh": "", "en": "en/"}
QUIZZES: dict[str, Quiz] = load_quizzes(
    ROOT / "quizzes", languages=list(LANGS), default_language="zh", root=ROOT
).quizzes
LESSONS = sorted(p.stem for p in (ROOT / "content" / "zh" / "lessons").glob("*.md") if p.stem != "index")


def _answer_right(page: Page, quiz: Quiz, lang: str) -> int:
    """Answer every question the reader meets with its right answer(s); return how many."""
    ui = quiz_strings(lang)
    section = page.locator(f'section[data-pa-quiz="{quiz.id}"]')
    section.scroll_into_view_if_needed()  # a quiz is set up when it comes near the screen
    expect(section).to_have_attribute("data-pa-ready", "")
    answered = 0
    queue = [q.id for q in quiz.main_questions]
    while queue:
        question = quiz.question(queue.pop(0))
        block = section.locator(f'[data-pa-q="{question.id}"]')
        expect(block).to_be_visible()
        inputs = block.get_by_role("checkbox" if question.kind == "multiple" else "radio")
        expect(inputs).to_have_count(len(question.options))
        chosen = [i for i, o in enumerate(question.options) if o.correct]
        if question.kind != "multiple":
            chosen = chosen[:1]
        for i in chosen:
            inputs.nth(i).check()
        block.get_by_role("button", name=ui["check"], exact=True).click()
        answered += 1
        # A right choice that branches leads to its follow-up, which comes next.
        queue[:0] = [question.options[i].next for i in chosen if question.options[i].next]
    return answered


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", LESSONS)
def test_every_lesson_quiz_reaches_full_score(page: Page, slug: str, lang: str) -> None:
    """All answers right gives "n of n" on the lesson page."""
    page.goto(f"{LANGS[lang]}lessons/{slug}/")
    quiz = QUIZZES[slug]
    total = _answer_right(page, quiz, lang)
    assert total >= 5
    score = fill(quiz_strings(lang)["score"], {"n": total, "total": total})
    section = page.locator(f'section[data-pa-quiz="{quiz.id}"]')
    expect(section.get_by_text(score, exact=True)).to_be_visible()
