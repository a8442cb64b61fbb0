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
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pingan.quiz import model
from pingan.quiz.refs import find_quiz_refs

__all__ = [
    "AGE_BANDS",
    "AUDIENCES",
    "LESSON_KEYS",
    "Problem",
    "FrontMatter",
    "check_page_front_matter",
    "fenced_lines",
    "is_lesson",
    "iter_lessons",
    "load_lesson",
    "split_front_matter",
]

#: Who a lesson is for (``audience:``).
AUDIENCES: tuple[str, ...] = (
    "children",
    "teens",
    "young-adults",
    "parents",
    "everyone",
    "community",
    "teachers",
)
#: The age band a lesson is written for (``age_band:``).
AGE_BANDS: tuple[str, ...] = ("6-9", "10-13", "14-18", "adult", "all")
#: Keys a lesson must have, in the order AUTHORING.md lists them.
REQUIRED_KEYS: tuple[str, ...] = (
    "title",
    "description",
    "audience",
    "age_band",
    "minutes",
    "objectives",
    "reviewed",
    "sources",
)
#: Keys a lesson may have besides the required ones.
OPTIONAL_KEYS: tuple[str, ...] = ("translation_reviewed", "source_hash", "hide", "search")
LESSON_KEYS: tuple[str, ...] = REQUIRED_KEYS + OPTIONAL_KEYS
SOURCE_KEYS: tuple[str, ...] = ("id", "title", "url")
MINUTES_RANGE = (5, 240)
#: A source of the project's fact sheet: S14, S14a.
SOURCE_ID_RE = re.compile(r"S\d+[a-z]?\Z")
#: Facts older than this many months get a warning.
REVIEW_MONTHS = 12

#: The heading of the sources section, by language, for messages.
SOURCES_HEADING = {"zh": "资料来源", "en": "Sources"}
#: The heading of the quiz section, by language: a missing quiz line is reported there.
QUIZ_HEADING = {"zh": "小测验", "en": "Quiz"}

_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_FRONT_START_RE = re.compile(r"-{3}[ \t]*\n")
#: As MkDocs reads front matter (mkdocs.utils.meta.YAML_RE).
_FRONT_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_H2_RE = re.compile(r"^##[ \t]+(?P<text>.*?)[ \t#]*$")
_LIST_ITEM_RE = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]+\S")
_TAB_INDENT_RE = re.compile(r"^ *\t")

_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"


@dataclass(frozen=True)
class Problem(model.Problem):
    """A problem at a line of a file; ``warning`` problems do not fail the check."""

    warning: bool = False

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"


@dataclass(frozen=True)
class FrontMatter:
    """Where a page's front matter is, split from its body."""

    #: the YAML between the ``---`` lines (None when the page has none).
    yaml_text: str | None
    #: the Markdown after the front matter.
    body: str
    #: 1-based line of the file where ``body`` starts.
    body_line: int
    #: True when the file starts with ``---`` but no closing line was found.
    unclosed: bool = False


def split_front_matter(text: str) -> FrontMatter:
    """Split ``text`` (newlines already ``\\n``) into front matter and body, as MkDocs does."""
    m = _FRONT_RE.match(text)
    if m:
        return FrontMatter(m.group(1), text[m.end() :], text.count("\n", 0, m.end()) + 1)
    unclosed = bool(_FRONT_START_RE.match(text))
    return FrontMatter(None, text, 1, unclosed=unclosed)


def fenced_lines(text: str) -> set[int]:
    """1-based numbers of the lines inside fenced code blocks (examples, not content)."""
    inside: set[int] = set()
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        m = _FENCE_RE.match(line)
        if fence is None:
            if m:
                fence = m.group(1)
                inside.add(number)
        else:
            inside.add(number)
            closing = m.group(1) if m else ""
            if closing[:1] == fence[0] and len(closing) >= len(fence) and line.strip() == closing:
                fence = None
    return inside


def is_lesson(path: Path, content_dir: Path) -> bool:
    """True for ``content/<lang>/lessons/**/*.md`` except ``index.md``."""
    try:
        parts = path.relative_to(content_dir).parts
    except ValueError:
        return False
    return len(parts) >= 3 and parts[1] == "lessons" and path.suffix == ".md" and path.name != "index.md"


def iter_lessons(content_dir: Path) -> Iterator[Path]:
    """Every lesson file under ``content_dir`` (``<lang>/lessons/…``), sorted by path."""
    content_dir = Path(content_dir)
    found = [p for p in content_dir.glob("*/lessons/**/*.md") if p.is_file() and is_lesson(p, content_dir)]
    yield from sorted(found, key=lambda p: p.as_posix())


def _shown_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` for messages (as given when outside it)."""
    if root is not None:
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _suggest(word: str, choices: Sequence[str], quote: bool = False) -> str:
    """'; did you mean "x"?' for a near miss, else '; use one of: …'."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if close:
        return f'; did you mean "{close[0]}"?'
    shown = ", ".join(f'"{c}"' if quote else c for c in choices)
    return f"; use one of: {shown}"


def _shown(node: Node) -> str:
    """A value as the editor wrote it, for messages."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a set of keys"
    return node.value


def _is_empty(node: Node) -> bool:
    """True for a null or blank scalar."""
    return isinstance(node, ScalarNode) and (node.tag == _NULL or not node.value.strip())


def _months_later(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months (29 February becomes the 28th)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


class _LessonChecker:
    """Checks one lesson; collects problems and the values of its front matter."""

    def __init__(self, path: Path, shown: str, lang: str, today: dt.date, quiz_dir: str) -> None:
        self.path = path
        self.shown = shown
        self.lang = lang
        self.today = today
        self.quiz_dir = quiz_dir
        self.problems: list[Problem] = []
        #: 1-based line in the file of the front matter's first YAML line.
        self.offset = 2

    # -- reporting -----------------------------------------------------------

    def line(self, where: Node | int) -> int:
        """The file's 1-based line of a node (or a line number, unchanged)."""
        return where if isinstance(where, int) else where.start_mark.line + self.offset

    def error(self, where: Node | int, message: str) -> None:
        """Record a problem that fails the check."""
        self.problems.append(Problem(self.shown, self.line(where), message))

    def warn(self, where: Node | int, message: str) -> None:
        """Record a warning: reported, but the check still passes."""
        self.problems.append(Problem(self.shown, self.line(where), message, warning=True))

    # -- front matter ----------------------------------------------------------

    def compose(self, yaml_text: str) -> Node | None:
        """The front matter's node tree, or None after saying why it cannot be read."""
        tab_lines = set()
        for number, line in enumerate(yaml_text.splitlines()):
            if _TAB_INDENT_RE.match(line):
                tab_lines.add(number + self.offset)
                self.error(number + self.offset, "this line starts with a tab; indent with spaces, not tabs")
        try:
            return yaml.compose(yaml_text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = (mark.line if mark is not None else 0) + self.offset
            if line not in tab_lines:
                self.error(line, _yaml_message(exc, line, self.offset))
            return None

    def front_matter(self, fm: FrontMatter) -> dict[str, Any] | None:
        """Check the front matter; its values (None when it cannot be read)."""
        if fm.yaml_text is None:
            if fm.unclosed:
                self.error(1, 'the front matter that starts here is never closed; add a line "---" after its last key')
            else:
                self.error(
                    1,
                    'this lesson has no front matter; start the file with a line "---", then title, '
                    'description, audience, age_band, minutes, objectives, reviewed and sources, '
                    'then a line "---" (see AUTHORING.md)',
                )
            return None
        root = self.compose(fm.yaml_text)
        if root is None:
            return None if self.problems else self._empty_front_matter()
        if not isinstance(root, MappingNode):
            if isinstance(root, ScalarNode) and root.tag == _NULL:
                return self._empty_front_matter()
            self.error(root, 'the front matter must be keys with values, one per line, such as "title: …"')
            return None
        meta: dict[str, Any] = {}
        values: dict[str, Node] = {}
        keys: dict[str, Node] = {}
        typos: set[str] = set()
        first: dict[str, int] = {}
        for key, value in root.value:
            if not isinstance(key, ScalarNode):
                self.error(key, 'a key must be a plain word such as "title"')
                continue
            name = key.value
            if name in first:
                self.error(key, f'"{name}" is written twice (first on line {first[name]}); keep only one')
                continue
            first[name] = self.line(key)
            if name not in LESSON_KEYS:
                self.error(key, f'unknown key "{name}"' + _suggest(name, LESSON_KEYS))
                typos.update(difflib.get_close_matches(name, LESSON_KEYS, n=1, cutoff=0.6))
                continue
            values[name], keys[name] = value, key
        for name in REQUIRED_KEYS:
            if name not in values and name not in typos:
                self.error(1, f'the lesson has no "{name}"; {self.missing_hint(name)}')
        checks = {
            "title": lambda n: self.text(n, "title", "the page title"),
            "description": lambda n: self.text(n, "description", "one sentence saying what the lesson teaches"),
            "audience": lambda n: self.choice(n, "audience", AUDIENCES, quote=False),
            "age_band": lambda n: self.choice(n, "age_band", AGE_BANDS, quote=True),
            "minutes": self.minutes,
            "objectives": self.objectives,
            "reviewed": self.reviewed,
            "sources": self.sources,
            "translation_reviewed": self.boolean,
            "source_hash": lambda n: self.text(n, "source_hash", "the hash set by mark-current (do not edit it by hand)"),
            "hide": self.hide,
            "search": self.search,
        }
        for name, node in values.items():
            result = checks[name](node)
            if result is not None:
                meta[name] = result
        return meta

    def _empty_front_matter(self) -> dict[str, Any]:
        """Front matter with nothing in it: every required key is missing."""
        for name in REQUIRED_KEYS:
            self.error(1, f'the lesson has no "{name}"; {self.missing_hint(name)}')
        return {}

    def missing_hint(self, name: str) -> str:
        """What to add for a missing required key."""
        return {
            "title": "add a line title: … with the page title",
            "description": "add a line description: … with one sentence saying what the lesson teaches",
            "audience": "add a line audience: … with one of: " + ", ".join(AUDIENCES),
            "age_band": "add a line age_band: … with one of: " + ", ".join(f'"{a}"' for a in AGE_BANDS),
            "minutes": "add a line minutes: … with the class time in minutes, e.g. minutes: 30",
            "objectives": 'add "objectives:" with a list of what a learner can do afterwards, each on a line starting with "- "',
            "reviewed": f"add a line reviewed: … with the day the facts were last checked, e.g. reviewed: {self.today.isoformat()}",
            "sources": 'add "sources:" with a list of sources, each with "title" and "id" (e.g. S14) or "url" (see AUTHORING.md)',
        }[name]

    def text(self, node: Node, name: str, what: str) -> str | None:
        """A required text: a non-empty string."""
        if _is_empty(node):
            self.error(node, f'"{name}" is empty; write {what}')
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f'"{name}" must be text, not {_shown(node)}; write {what} on the same line')
            return None
        if node.tag != _STR:
            self.error(node, f'"{name}" must be text; put it in quotes: {name}: "{node.value}"')
            return None
        return node.value

    def choice(self, node: Node, name: str, choices: Sequence[str], *, quote: bool) -> str | None:
        """One of a closed list of words, with a suggestion for a near miss."""
        shown_choices = ", ".join(f'"{c}"' if quote else c for c in choices)
        if _is_empty(node):
            self.error(node, f'"{name}" is empty; use one of: {shown_choices}')
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f'"{name}" must be one word, not {_shown(node)}; use one of: {shown_choices}')
            return None
        if node.value not in choices:
            self.error(node, f'{name} "{node.value}" is not allowed' + _suggest(node.value, choices, quote=quote))
            return None
        return node.value

    def minutes(self, node: Node) -> int | None:
        """Class time: a whole number of minutes in :data:`MINUTES_RANGE`."""
        lo, hi = MINUTES_RANGE
        if _is_empty(node):
            self.error(node, f'"minutes" is empty; write the class time in minutes, e.g. minutes: 30')
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f'"minutes" must be a whole number, not {_shown(node)}; e.g. minutes: 30')
            return None
        if node.tag == _STR and node.style in ('"', "'") and re.fullmatch(r"\d+", node.value.strip()):
            self.error(node, f'minutes "{node.value}" is in quotes; write the number without quotes: minutes: {node.value.strip()}')
            return None
        if node.tag != _INT or not re.fullmatch(r"\d+", node.value):
            self.error(node, f'minutes "{node.value}" is not a whole number; write the class time in minutes with digits, e.g. minutes: 30')
            return None
        value = int(node.value)
        if not lo <= value <= hi:
            self.error(node, f"minutes is {value}; a lesson takes from {lo} to {hi} minutes")
            return None
        return value

    def objectives(self, node: Node) -> list[str] | None:
        """A non-empty list of sentences."""
        if _is_empty(node) or (isinstance(node, SequenceNode) and not node.value):
            self.error(node, 'there are no objectives; list at least one thing a learner can do afterwards, each on a line starting with "- "')
            return None
        if not isinstance(node, SequenceNode):
            self.error(node, '"objectives" must be a list: put each objective on its own line starting with "- "')
            return None
        result = []
        for number, item in enumerate(node.value, start=1):
            if _is_empty(item):
                self.error(item, f"objective {number} is empty; write what a learner can do, or remove the line")
            elif not isinstance(item, ScalarNode):
                self.error(item, f'objective {number} must be one sentence of text, not {_shown(item)}')
            else:
                result.append(item.value)
        return result

    def reviewed(self, node: Node) -> dt.date | None:
        """A real date written YYYY-MM-DD; a warning when it is more than 12 months old."""
        example = self.today.isoformat()
        if _is_empty(node):
            self.error(node, f'"reviewed" is empty; write the day the facts were checked as YYYY-MM-DD, e.g. reviewed: {example}')
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f'"reviewed" must be a date, not {_shown(node)}; e.g. reviewed: {example}')
            return None
        m = _DATE_RE.match(node.value.strip())
        if not m:
            self.error(node, f'reviewed "{node.value}" is not a date; write the day the facts were checked as YYYY-MM-DD, e.g. reviewed: {example}')
            return None
        year, month, day = (int(g) for g in m.groups())
        try:
            value = dt.date(year, month, day)
        except ValueError:
            if not 1 <= month <= 12:
                why = f"there is no month {month}"
            else:
                why = f"{year}-{month:02d} has no day {day}"
            self.error(node, f'reviewed "{node.value}" is not a real date ({why}); write the day the facts were checked as YYYY-MM-DD')
            return None
        if node.value.strip() != value.isoformat():
            self.error(node, f'write the date as YYYY-MM-DD with two-digit month and day: reviewed: {value.isoformat()}')
            return value
        if _months_later(value, REVIEW_MONTHS) < self.today:
            self.warn(node, f"the facts were last reviewed on {value.isoformat()}, more than {REVIEW_MONTHS} months ago: check the facts and update `reviewed`")
        return value

    def sources(self, node: Node) -> list[dict[str, str]] | None:
        """A non-empty list of sources, each with a title and a fact-sheet id or an address."""
        hint = 'each source with "title" and "id" (e.g. S14) or "url"'
        if _is_empty(node) or (isinstance(node, SequenceNode) and not node.value):
            self.error(node, f"there are no sources; list where the facts come from, {hint}")
            return None
        if not isinstance(node, SequenceNode):
            self.error(node, f'"sources" must be a list, each source starting with "- ", {hint}')
            return None
        result = []
        for number, item in enumerate(node.value, start=1):
            if not isinstance(item, MappingNode):
                self.error(item, f'source {number} must be keys, not {_shown(item)}: write "- title: …" and, on the next line, "id: …" or "url: …"')
                continue
            fields: dict[str, Node] = {}
            for key, value in item.value:
                name = key.value if isinstance(key, ScalarNode) else ""
                if name not in SOURCE_KEYS:
                    self.error(key, f'source {number} has an unknown key "{name}"' + _suggest(name, SOURCE_KEYS))
                elif name in fields:
                    self.error(key, f'source {number} has "{name}" twice; keep only one')
                else:
                    fields[name] = value
            entry: dict[str, str] = {}
            title = fields.get("title")
            if title is None:
                self.error(item, f'source {number} has no "title"; add title: … naming the source (for a law, name its article)')
            elif _is_empty(title) or not isinstance(title, ScalarNode):
                self.error(title, f'the title of source {number} is empty; name the source (for a law, name its article)')
            else:
                entry["title"] = title.value
            sid, url = fields.get("id"), fields.get("url")
            if sid is None and url is None:
                self.error(item, f'source {number} has neither "id" nor "url"; add id: … (a source of the fact sheet, e.g. S14) or url: https://…')
            if sid is not None:
                if isinstance(sid, ScalarNode) and SOURCE_ID_RE.match(sid.value.strip()):
                    entry["id"] = sid.value.strip()
                else:
                    self.error(sid, f'source {number} has id "{_shown(sid)}"; a fact-sheet id looks like S14 or S14a')
            if url is not None:
                if isinstance(url, ScalarNode) and re.match(r"https?://\S+\Z", url.value.strip()):
                    entry["url"] = url.value.strip()
                else:
                    self.error(url, f'source {number} has url "{_shown(url)}"; write the full address, starting with https://')
            result.append(entry)
        return result

    def boolean(self, node: Node) -> bool | None:
        """``translation_reviewed``: true or false, not a quoted word."""
        if isinstance(node, ScalarNode) and node.tag == _BOOL:
            return node.value.lower() in ("true", "yes", "on", "y")
        self.error(node, f'translation_reviewed "{_shown(node)}" must be true or false, without quotes')
        return None

    def hide(self, node: Node) -> list[str] | None:
        """Material's ``hide:`` list (navigation, toc…)."""
        if isinstance(node, SequenceNode) and all(isinstance(i, ScalarNode) for i in node.value):
            return [i.value for i in node.value]
        self.error(node, '"hide" must be a list such as [navigation, toc]')
        return None

    def search(self, node: Node) -> dict[str, Any] | None:
        """Material's ``search:`` settings (a mapping)."""
        if isinstance(node, MappingNode):
            return yaml.safe_load(yaml.serialize(node)) or {}
        self.error(node, '"search" must be keys such as "exclude: true"')
        return None

    # -- body -------------------------------------------------------------------

    def body(self, text: str, fm: FrontMatter) -> None:
        """The quiz line and the sources section."""
        fenced = fenced_lines(text)
        lines = text.split("\n")
        h2 = [
            (number, m.group("text"))
            for number, line in enumerate(lines, start=1)
            if number >= fm.body_line and number not in fenced and (m := _H2_RE.match(line))
        ]
        stem = self.path.stem
        refs = [r for r in find_quiz_refs(text) if r.line not in fenced and r.line >= fm.body_line]
        if not any(r.quiz_id == stem for r in refs):
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
        heading = SOURCES_HEADING.get(self.lang)
        wanted = f'"## {heading}"' if heading else "its sources heading"
        if not h2:
            self.error(
                len(lines) if lines[-1] else max(len(lines) - 1, 1),
                f"this lesson has no sources section; end it with {wanted} followed by a list of the sources, "
                'each on a line starting with "- "',
            )
            return
        start, title = h2[-1]
        has_list = any(
            _LIST_ITEM_RE.match(lines[n - 1]) for n in range(start + 1, len(lines) + 1) if n not in fenced
        )
        if not has_list:
            self.error(
                start,
                f'the last section "## {title}" has no list; a lesson ends with its sources section ({wanted}), '
                'listing each source on a line starting with "- "',
            )


def _yaml_message(exc: yaml.MarkedYAMLError, line: int, offset: int) -> str:
    """A YAML syntax error in plain words (the quiz loader's wording when it has one)."""
    try:
        from pingan.quiz.loader import _syntax_message
    except ImportError:  # pragma: no cover - the loader's private helper moved
        _syntax_message = None
    if _syntax_message is not None:
        # The loader counts lines in the YAML alone; ours are in the lesson file.
        if exc.context_mark is not None:
            exc.context_mark.line += offset - 1
        return _syntax_message(exc, line).replace("the YAML cannot be read here", "the front matter cannot be read here")
    return (
        f"the front matter cannot be read here ({exc.problem}); check the spaces at the start "
        'of the line, the ":" after each key, and quotes around texts'
    )


def check_page_front_matter(path: Path, root: Path | None = None) -> list[Problem]:
    """Problems of the front matter of any page (not a lesson): it must be readable YAML keys.

    MkDocs quietly ignores front matter it cannot read and shows it as text at
    the top of the page, so a ":" in a description would otherwise go unnoticed.
    """
    path = Path(path)
    shown = _shown_path(path, root)
    try:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError):
        return [Problem(shown, 1, "this file cannot be read as UTF-8 text; save it with the UTF-8 encoding")]
    fm = split_front_matter(text)
    if fm.yaml_text is None:
        return []
    checker = _LessonChecker(path, shown, "", dt.date.today(), "quizzes")
    root_node = checker.compose(fm.yaml_text)
    if root_node is not None and not isinstance(root_node, MappingNode) and not _is_empty(root_node):
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
    shown = _shown_path(path, root)
    if lang is None:
        parts = path.parts
        lang = parts[parts.index("lessons") - 1] if "lessons" in parts[1:] else ""
    checker = _LessonChecker(path, shown, lang, today or dt.date.today(), quiz_dir)
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
