"""The quiz format's vocabulary: ids, keys, where a text sits. Plain Python.

The format and its rules are described in ``quizzes/README.md``.
"""

from __future__ import annotations

import re

#: A quiz id is used in URLs, HTML ids and browser storage keys: keep it plain.
QUIZ_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
#: Question ids end up in HTML ids too; the README promises "letters, digits, -".
QUESTION_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*\Z")

TOP_KEYS = ("title", "intro", "questions")
QUESTION_KEYS = (
    "id",
    "kind",
    "prompt",
    "situation",
    "options",
    "answer",
    "if_true",
    "if_false",
    "explanation",
)
OPTION_KEYS = ("text", "correct", "feedback", "next")

# What a translation file may hold: the texts of the quiz, nothing else.
#: ``source_hash`` is written by ``make i18n-current`` (pingan.cli.i18n_status): which version of
#: the quiz file the translation follows. The loader checks its form and otherwise ignores it.
TRANSLATION_TOP_KEYS = ("title", "intro", "questions", "source_hash")
SOURCE_HASH_RE = re.compile(r"[0-9a-f]{12}")
TRANSLATION_QUESTION_KEYS = ("prompt", "situation", "options", "if_true", "if_false", "explanation")
TRANSLATION_OPTION_KEYS = ("text", "feedback")
#: Keys of the quiz file that carry its structure or its answers. A
#: translation file must not set them: the answer key is written once, in the
#: quiz file, so that no language can ever disagree about the right answer.
ANSWER_KEYS = ("id", "kind", "answer", "correct", "next")

#: Where a text sits in a quiz, the same in the quiz file and in its
#: translation files: ``("title",)``, ``("intro",)``, ``(question id, key)``
#: or ``(question id, "options", option number, key)``.
Place = tuple[str | int, ...]


def place(qid: str | None, key: str, option: int | None = None) -> Place | None:
    """Where a question's text sits (see ``Place``); None without a question id."""
    if qid is None:
        return None
    if option is None:
        return (qid, key)
    return (qid, "options", option, key)
