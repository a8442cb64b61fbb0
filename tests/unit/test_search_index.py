"""The real site's search indexes, one per language, which every page downloads on its
first load (issue 7): lessons are searchable, quizzes are not (their answers would show in
the results, and they made up 40 % of each index)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import ROOT, site_languages

from pingan.core.catalogs import quiz_strings


def test_every_language_index_has_its_lessons_but_not_their_quizzes(site_dir: Path) -> None:
    """Each language's index: the lessons' sections, no quiz entry, no quiz wording in lessons."""
    for prefix, lang in site_languages().items():
        index = site_dir / prefix / "search" / "search_index.json"
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        locations = [d["location"] for d in docs]
        assert "lessons/check-first/" in locations, (lang, locations[:5])
        if not prefix:  # the default language's own lesson, section by section
            assert any(loc.startswith("lessons/check-first/#") for loc in locations)
        quizzes = [loc for loc in locations if loc.partition("#")[2].startswith("pa-quiz-")]
        assert quizzes == [], (lang, quizzes)
        # Chinese text is indexed split into words by zero-width spaces.
        answer_box = quiz_strings(lang)["answer"]
        shown = [
            d["location"] for d in docs
            if d["location"].startswith("lessons/") and answer_box in d["text"].replace("\u200b", "")
        ]
        assert shown == [], (lang, answer_box, shown)


def test_materials_search_parser_skips_a_rendered_quiz() -> None:
    """The quiz HTML carries data-search-exclude, so Material's own search parser keeps the
    lesson text around a quiz and none of the quiz: no tokenising of text that would only be
    dropped again (build time), and no answers in the index even without pingan.site."""
    from material.plugins.search.plugin import Parser

    from pingan.quiz.loader import load_quizzes
    from pingan.quiz.render import render_quiz

    good = ROOT / "tests" / "fixtures" / "quizzes" / "good"
    quiz = load_quizzes(good, languages=["zh", "en"], default_language="zh", root=good.parent).quizzes["demo"]
    html = render_quiz(quiz, lang="en", default_language="zh", strings=quiz_strings("en"), heading_level=3)
    parser = Parser()
    parser.feed(f'<h2 id="before">Before</h2><p>Lesson text.</p>{html}<h2 id="after">After</h2><p>More.</p>')
    parser.close()
    text = " ".join("".join(s.title) + " " + "".join(s.text) for s in parser.data)
    assert "Lesson text." in text and "More." in text
    assert quiz.questions[0].prompt["en"] not in text
    assert quiz_strings("en")["check"] not in text
