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
    return [QuizRef(m.group("id"), text.count("\n", 0, m.start()) + 1) for m in QUIZ_REF_RE.finditer(text)]


#: Something meant as a quiz line: two brackets (ASCII or full-width) and "quiz", any case.
_CANDIDATE_RE = re.compile(r"[\[［]\s*[\[［]\s*quiz", re.IGNORECASE)
#: What a quiz's name looks like (the name of its file in quizzes/).
_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_ALONE_RE = re.compile(r"[ \t]*[\[［]\s*[\[［][^\]］]*[\]］]\s*[\]］][ \t]*")
_INNER_RE = re.compile(r"[\[［]\s*[\[［]\s*quiz\s*(?P<name>[^\]］]*)[\]］]?", re.IGNORECASE)


def malformed_refs(text: str, skip: set[int] | frozenset[int] = frozenset()) -> list[tuple[int, str]]:
    """Lines meant as a quiz line that the build would show as text: ``(line, message)``.

    A full-width bracket (as a Chinese input method types it), capitals, a space in the
    name, or other text on the same line: each says how to write it. Lines in ``skip``
    (fenced code, front matter) are left alone.
    """
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number in skip or not _CANDIDATE_RE.search(line):
            continue
        m = QUIZ_REF_RE.fullmatch(line)
        if m and _ID_RE.match(m.group("id")) and re.search(r"\[\[\s*quiz\s", line):
            continue
        inner = _INNER_RE.search(line)
        name = inner.group("name").strip() if inner else ""
        guess = re.sub(r"[\s_]+", "-", name.lower()) or "<name>"
        right = f"[[quiz {guess}]]"
        if "［" in line or "］" in line:
            why = 'it has full-width brackets "［［ ］］" (as a Chinese input method types them)'
        elif not _ALONE_RE.fullmatch(line):
            why = "it is not alone on its line"
        elif " " in name:
            why = "the quiz name has a space"
        else:
            why = "it has capital letters"
        found.append(
            (number, f"this quiz line is shown as text, not as a quiz: {why}; write {right} on a line of its own")
        )
    return found
