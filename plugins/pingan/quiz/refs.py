"""Find the one-line quiz references in a lesson's Markdown: ``[[quiz <id>]]``.

Plain Python (no MkDocs), so any Markdown pipeline can use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A quiz reference stands alone on its line: ``[[quiz check-first]]``.
QUIZ_REF_RE = re.compile(r"^[ \t]*\[\[\s*quiz\s+(?P<id>[^\]\s]+)\s*\]\][ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class QuizRef:
    """A reference to quiz ``quiz_id`` at 1-based ``line`` of a text."""

    quiz_id: str
    line: int


def find_quiz_refs(text: str) -> list[QuizRef]:
    """Every quiz reference in ``text``, with its 1-based line number."""
    return [
        QuizRef(m.group("id"), text.count("\n", 0, m.start()) + 1)
        for m in QUIZ_REF_RE.finditer(text)
    ]
