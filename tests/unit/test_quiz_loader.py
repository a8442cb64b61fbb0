"""Tests of the quiz loader: good quizzes load into the model, bad ones report every problem."""

from __future__ import annotations

from pathlib import Path

from pingan.quiz.loader import load_quizzes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "quizzes"
LANGS = ("zh", "en")


def test_good_quizzes_load_cleanly() -> None:
    """The demo quizzes load with no errors and no warnings."""
    result = load_quizzes(FIXTURES / "good", languages=LANGS, default_language="zh")
    assert result.errors == []
    assert result.warnings == []
    assert sorted(result.quizzes) == ["demo", "demo-two"]
