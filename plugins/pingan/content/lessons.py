"""Lessons: the front matter schema and the checks of a lesson's body.

A lesson is a Markdown file under ``content/<lang>/lessons/`` (every file
there except ``index.md``). Its format is described in ``AUTHORING.md``:
YAML front matter between two ``---`` lines, then sections, the quiz line
``[[quiz <file name>]]`` and, last, the list of sources.

The front matter is *composed* (PyYAML nodes remember their line) so every
problem names the line an editor must fix, counted in the file as the editor
sees it (the first ``---`` is line 1). Every problem is collected; nothing
stops at the first one.

Plain Python: no MkDocs import, so editors' checks and tests can use it alone.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode

from pingan.content.frontmatter import (
    AGE_BANDS,
    AUDIENCES,
    LESSON_KEYS,
    FrontMatterChecker,
)
from pingan.content.pages import (
    FrontMatter,
    fenced_lines,
    is_lesson,
    iter_lessons,
    split_front_matter,
)
from pingan.content.sources import SOURCES_TITLE
from pingan.core import yamlnodes as nodes
from pingan.core.paths import shown_path
from pingan.core.problems import Problem
from pingan.quiz.refs import find_quiz_refs

__all__ = [
    "AGE_BANDS",
    "AUDIENCES",
    "LESSON_KEYS",
    "FrontMatter",
    "LessonChecker",
    "Problem",
    "check_page_front_matter",
    "fenced_lines",
    "is_lesson",
    "iter_lessons",
    "load_lesson",
    "split_front_matter",
]

#: The heading of the quiz section, by language: a missing quiz line is reported there.
QUIZ_HEADING = {"zh": "小测验", "en": "Quiz"}

_H2_RE = re.compile(r"^##[ \t]+(?P<text>.*?)[ \t#]*$")
_LIST_ITEM_RE = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]+\S")


class LessonChecker(FrontMatterChecker):
    """Checks one lesson: its front matter, its quiz line and its sources section."""

    # -- body -------------------------------------------------------------------

    def body(self, text: str, fm: FrontMatter) -> None:
        """The quiz line (when the site has a quiz folder: ``quiz_dir``) and the sources section."""
        fenced = fenced_lines(text)
        lines = text.split("\n")
        h2 = [
            (number, m.group("text"))
            for number, line in enumerate(lines, start=1)
            if number >= fm.body_line and number not in fenced and (m := _H2_RE.match(line))
        ]
        stem = self.path.stem
        refs = [r for r in find_quiz_refs(text) if r.line not in fenced and r.line >= fm.body_line]
        if self.quiz_dir and not any(r.quiz_id == stem for r in refs):
            if refs:
                other = refs[0]
                self.error(
                    other.line,
                    f"this lesson's quiz is [[quiz {stem}]] (the quiz file {self.quiz_dir}/{stem}.yml, named like the lesson), "
                    f"but the page has only [[quiz {other.quiz_id}]]; add the line [[quiz {stem}]]",
                )
            else:
                quiz_heading = QUIZ_HEADING.get(self.lang)
                at = next((n for n, title in h2 if title == quiz_heading), None)
                where = "under this heading" if at else "in its quiz section"
                self.error(
                    at or fm.body_line,
                    f"this lesson has no quiz; add the line [[quiz {stem}]] {where} "
                    f"(the quiz file is {self.quiz_dir}/{stem}.yml)",
                )
        heading = SOURCES_TITLE.get(self.lang)
        wanted = f'"## {heading}"' if heading else "its sources heading"
        if not h2:
            self.error(
                len(lines) if lines[-1] else max(len(lines) - 1, 1),
                f"this lesson has no sources section; end it with {wanted} followed by a list of the sources, "
                'each on a line starting with "- "',
            )
            return
        start, title = h2[-1]
        has_list = any(_LIST_ITEM_RE.match(lines[n - 1]) for n in range(start + 1, len(lines) + 1) if n not in fenced)
        if not has_list:
            self.error(
                start,
                f'the last section "## {title}" has no list; a lesson ends with its sources section ({wanted}), '
                'listing each source on a line starting with "- "',
            )


def check_page_front_matter(path: Path, root: Path | None = None) -> list[Problem]:
    """Problems of the front matter of any page (not a lesson): it must be readable YAML keys.

    MkDocs quietly ignores front matter it cannot read and shows it as text at
    the top of the page, so a ":" in a description would otherwise go unnoticed.
    """
    path = Path(path)
    shown = shown_path(path, root)
    try:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError):
        return [Problem(shown, 1, "this file cannot be read as UTF-8 text; save it with the UTF-8 encoding")]
    fm = split_front_matter(text)
    if fm.yaml_text is None:
        if fm.unclosed:
            return [
                Problem(
                    shown, 1, 'the front matter that starts here is never closed; add a line "---" after its last key'
                )
            ]
        return []
    checker = LessonChecker(path, shown, "", dt.date.today(), "quizzes")
    root_node = checker.compose(fm.yaml_text)
    if root_node is not None and not isinstance(root_node, MappingNode) and not nodes.is_empty(root_node):
        checker.error(root_node, 'the front matter must be keys with values, one per line, such as "title: …"')
    return checker.problems


def load_lesson(
    path: Path,
    root: Path | None = None,
    *,
    today: dt.date | None = None,
    lang: str | None = None,
    quiz_dir: str = "quizzes",
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read and check one lesson: its front matter values and every problem found.

    ``root`` is what the paths in messages are relative to (the project).
    ``today`` decides which reviews are more than 12 months old (default:
    today). ``lang`` (default: the folder above ``lessons/``) picks the name
    of the sources heading in messages; ``quiz_dir`` is shown in messages.
    The values are None when the front matter cannot be read at all.
    """
    path = Path(path)
    shown = shown_path(path, root)
    if lang is None:
        parts = path.parts
        lang = parts[parts.index("lessons") - 1] if "lessons" in parts[1:] else ""
    checker = LessonChecker(path, shown, lang, today or dt.date.today(), quiz_dir)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 1, f"cannot read this file: {exc.strerror}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [Problem(shown, line, "this file is not UTF-8 text; save it with the UTF-8 encoding")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fm = split_front_matter(text)
    meta = checker.front_matter(fm)
    checker.body(text, fm)
    problems = sorted(checker.problems, key=lambda p: p.line)
    return meta, problems
