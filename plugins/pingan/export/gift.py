"""Moodle GIFT: one text file per quiz and language, and one with every quiz.

Each question is named ``<quiz>/<question>`` and carries Moodle's idnumber
``pingan.<quiz>.<question>.<lang>`` in the comment line before it (Moodle 3.6+
reads ``// [id:…] [tag:…]``), so a re-import finds the same questions. Every
text is HTML (``[html]``) made by the quiz renderer's Markdown subset, with
GIFT's control characters escaped. Per-option feedback follows ``#``, the
explanation is the general feedback after ``####``. True/false questions
write Moodle's two feedbacks: the first for a wrong answer, then the right one.
"""

from __future__ import annotations

from collections.abc import Iterable

from pingan.export.items import Item

#: Characters GIFT reads as syntax; a backslash before one makes it text.
_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """``text`` with GIFT's syntax characters escaped and line breaks made spaces."""
    text = " ".join(text.split())
    return "".join("\\" + c if c in _SPECIAL else c for c in text)


def _html(text: str) -> str:
    return "[html]" + escape(text)


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def question(item: Item) -> str:
    """One question in GIFT, with its comment line, ending in a blank line."""
    lines = [f"// [id:{item.ident}] [tag:pingan] [tag:{item.quiz_id}]"]
    head = f"::{escape(item.name)}::{_html(item.stem)}" + "{"
    lines.append(head)
    if item.kind == "truefalse":
        by_value = {c.ident: c for c in item.choices}
        right = by_value["true" if item.answer else "false"]
        wrong = by_value["false" if item.answer else "true"]
        line = "TRUE" if item.answer else "FALSE"
        line += "#" + (_html(wrong.feedback) if wrong.feedback else "")
        line += "#" + (_html(right.feedback) if right.feedback else "")
        lines.append(line)
    else:
        n_right = sum(c.correct for c in item.choices)
        for c in item.choices:
            if item.multiple:
                weight = _percent(100 / n_right) if c.correct else "-100"
                line = f"~%{weight}%{_html(c.html)}"
            else:
                # One answer; in a scenario every good choice earns full marks.
                line = ("=" if c.correct else "~") + _html(c.html)
            if c.feedback:
                line += "#" + _html(c.feedback)
            lines.append(line)
    lines.append("####" + _html(item.explanation))
    lines.append("}")
    return "\n".join(lines) + "\n"


def category(path: Iterable[str]) -> str:
    """A ``$CATEGORY:`` line: the questions after it go into this category."""
    # In Moodle's category paths "/" separates levels; a "/" in a name is written "//".
    parts = [" ".join(p.split()).replace("/", "//") for p in path]
    return "$CATEGORY: $course$/top/" + "/".join(parts) + "\n"


def document(quizzes: Iterable[tuple[str, str, list[Item]]], site_name: str) -> str:
    """A GIFT file: for each ``(quiz id, quiz title, items)`` a category and its questions."""
    out = ["// Ping'an Classroom quiz export (GIFT). Import in Moodle: Question bank > Import > GIFT.\n\n"]
    for quiz_id, title, items in quizzes:
        out.append(category([site_name, f"{title} ({quiz_id})"]) + "\n")
        out.extend(question(item) + "\n" for item in items)
    return "".join(out)
