"""The real site's search indexes, one per language, which every page downloads on its
first load (issue 7): lessons are searchable, quizzes are not (their answers would show in
the results, and they made up 40 % of each index)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import site_languages

from pingan.i18n import quiz_strings


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
