"""A lesson's front matter: the schema (keys, their values) and its checks.

The front matter is *composed* (PyYAML nodes remember their line) so every problem
names the line an editor must fix, counted in the file as the editor sees it (the
first ``---`` is line 1). Every problem is collected; nothing stops at the first one.

To add a rule for a key: add the key to :data:`REQUIRED_KEYS` or :data:`OPTIONAL_KEYS`,
a method to :class:`FrontMatterChecker` and its name to :attr:`FrontMatterChecker.FIELDS`.
Rules about a source's fields (``sources:`` entries) go in :meth:`FrontMatterChecker.source`
(one entry) and :meth:`FrontMatterChecker.sources_policy` (the list as a whole).
Plain Python.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pingan.content.pages import FrontMatter
from pingan.core import yamlnodes as nodes
from pingan.core.problems import Problem

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
SOURCE_KEYS: tuple[str, ...] = ("id", "title", "publisher", "date", "url")
#: A source's date: a day, or only the month or year when that is all the source gives.
SOURCE_DATE_RE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?\Z")
#: Sources a lesson must link to, so that a reader can check its facts.
MIN_LINKED_SOURCES = 2
MINUTES_RANGE = (5, 240)
#: A source of the project's fact sheet: S14, S14a.
SOURCE_ID_RE = re.compile(r"S\d+[a-z]?\Z")
#: Facts older than this many months get a warning.
REVIEW_MONTHS = 12

_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z")


def months_later(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months (29 February becomes the 28th)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


class FrontMatterChecker:
    """Checks a lesson's front matter; collects problems and its values."""

    #: The method that checks each key's value (and returns it, or None when it is wrong).
    FIELDS: ClassVar[dict[str, str]] = {
        "title": "title",
        "description": "description",
        "audience": "audience",
        "age_band": "age_band",
        "minutes": "minutes",
        "objectives": "objectives",
        "reviewed": "reviewed",
        "sources": "sources",
        "translation_reviewed": "boolean",
        "source_hash": "source_hash",
        "hide": "hide",
        "search": "search",
    }

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
        self.problems.append(Problem(self.shown, self.line(where), message, "warning"))

    # -- front matter ----------------------------------------------------------

    def compose(self, yaml_text: str) -> Node | None:
        """The front matter's node tree, or None after saying why it cannot be read."""
        tab_lines = set()
        for number, row in enumerate(yaml_text.splitlines()):
            if nodes.TAB_INDENT_RE.match(row):
                tab_lines.add(number + self.offset)
                self.error(number + self.offset, "this line starts with a tab; indent with spaces, not tabs")
        try:
            return nodes.compose(yaml_text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = (mark.line if mark is not None else 0) + self.offset
            if line not in tab_lines:
                self.error(line, yaml_message(exc, line, self.offset))
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
                    "description, audience, age_band, minutes, objectives, reviewed and sources, "
                    'then a line "---" (see AUTHORING.md)',
                )
            return None
        root = self.compose(fm.yaml_text)
        if root is None:
            return None if self.problems else self._empty_front_matter()
        if not isinstance(root, MappingNode):
            if isinstance(root, ScalarNode) and root.tag == nodes.NULL_TAG:
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
                self.error(key, f'unknown key "{name}"' + nodes.suggest(name, LESSON_KEYS, lead="use one of"))
                typos.update(difflib.get_close_matches(name, LESSON_KEYS, n=1, cutoff=0.6))
                continue
            values[name], keys[name] = value, key
        for name in REQUIRED_KEYS:
            if name not in values and name not in typos:
                self.error(1, f'the lesson has no "{name}"; {self.missing_hint(name)}')
        for name, node in values.items():
            result = getattr(self, self.FIELDS[name])(node)
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

    def title(self, node: Node) -> str | None:
        """``title``: the page title."""
        return self.text(node, "title", "the page title")

    def description(self, node: Node) -> str | None:
        """``description``: one sentence."""
        return self.text(node, "description", "one sentence saying what the lesson teaches")

    def audience(self, node: Node) -> str | None:
        """``audience``: one of :data:`AUDIENCES`."""
        return self.choice(node, "audience", AUDIENCES, quote=False)

    def age_band(self, node: Node) -> str | None:
        """``age_band``: one of :data:`AGE_BANDS`."""
        return self.choice(node, "age_band", AGE_BANDS, quote=True)

    def source_hash(self, node: Node) -> str | None:
        """``source_hash``: set by ``make i18n-current``."""
        return self.text(node, "source_hash", "the hash set by mark-current (do not edit it by hand)")

    def text(self, node: Node, name: str, what: str) -> str | None:
        """A required text: a non-empty string."""
        if nodes.is_empty(node):
            self.error(node, f'"{name}" is empty; write {what}')
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f'"{name}" must be text, not {nodes.plain(node)}; write {what} on the same line')
            return None
        if node.tag != nodes.STR_TAG:
            self.error(node, f'"{name}" must be text; put it in quotes: {name}: "{node.value}"')
            return None
        return node.value

    def choice(self, node: Node, name: str, choices: Sequence[str], *, quote: bool) -> str | None:
        """One of a closed list of words, with a suggestion for a near miss."""
        shown_choices = ", ".join(f'"{c}"' if quote else c for c in choices)
        if nodes.is_empty(node):
            self.error(node, f'"{name}" is empty; use one of: {shown_choices}')
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f'"{name}" must be one word, not {nodes.plain(node)}; use one of: {shown_choices}')
            return None
        if node.value not in choices:
            self.error(
                node,
                f'{name} "{node.value}" is not allowed'
                + nodes.suggest(node.value, choices, lead="use one of", quote=quote),
            )
            return None
        return node.value

    def minutes(self, node: Node) -> int | None:
        """Class time: a whole number of minutes in :data:`MINUTES_RANGE`."""
        lo, hi = MINUTES_RANGE
        if nodes.is_empty(node):
            self.error(node, '"minutes" is empty; write the class time in minutes, e.g. minutes: 30')
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f'"minutes" must be a whole number, not {nodes.plain(node)}; e.g. minutes: 30')
            return None
        if node.tag == nodes.STR_TAG and node.style in ('"', "'") and re.fullmatch(r"\d+", node.value.strip()):
            self.error(
                node,
                f'minutes "{node.value}" is in quotes; write the number without quotes: minutes: {node.value.strip()}',
            )
            return None
        if node.tag != nodes.INT_TAG or not re.fullmatch(r"\d+", node.value):
            self.error(
                node,
                f'minutes "{node.value}" is not a whole number; write the class time in minutes with digits, e.g. minutes: 30',
            )
            return None
        value = int(node.value)
        if not lo <= value <= hi:
            self.error(node, f"minutes is {value}; a lesson takes from {lo} to {hi} minutes")
            return None
        return value

    def objectives(self, node: Node) -> list[str] | None:
        """A non-empty list of sentences."""
        if nodes.is_empty(node) or (isinstance(node, SequenceNode) and not node.value):
            self.error(
                node,
                'there are no objectives; list at least one thing a learner can do afterwards, each on a line starting with "- "',
            )
            return None
        if not isinstance(node, SequenceNode):
            self.error(node, '"objectives" must be a list: put each objective on its own line starting with "- "')
            return None
        result = []
        for number, item in enumerate(node.value, start=1):
            if nodes.is_empty(item):
                self.error(item, f"objective {number} is empty; write what a learner can do, or remove the line")
            elif not isinstance(item, ScalarNode):
                self.error(item, f"objective {number} must be one sentence of text, not {nodes.plain(item)}")
            else:
                result.append(item.value)
        return result

    def reviewed(self, node: Node) -> dt.date | None:
        """A real date written YYYY-MM-DD; a warning when it is more than 12 months old."""
        example = self.today.isoformat()
        if nodes.is_empty(node):
            self.error(
                node,
                f'"reviewed" is empty; write the day the facts were checked as YYYY-MM-DD, e.g. reviewed: {example}',
            )
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f'"reviewed" must be a date, not {nodes.plain(node)}; e.g. reviewed: {example}')
            return None
        m = _DATE_RE.match(node.value.strip())
        if not m:
            self.error(
                node,
                f'reviewed "{node.value}" is not a date; write the day the facts were checked as YYYY-MM-DD, e.g. reviewed: {example}',
            )
            return None
        year, month, day = (int(g) for g in m.groups())
        try:
            value = dt.date(year, month, day)
        except ValueError:
            if not 1 <= month <= 12:
                why = f"there is no month {month}"
            else:
                why = f"{year}-{month:02d} has no day {day}"
            self.error(
                node,
                f'reviewed "{node.value}" is not a real date ({why}); write the day the facts were checked as YYYY-MM-DD',
            )
            return None
        if node.value.strip() != value.isoformat():
            self.error(
                node, f"write the date as YYYY-MM-DD with two-digit month and day: reviewed: {value.isoformat()}"
            )
            return value
        if months_later(value, REVIEW_MONTHS) < self.today:
            self.warn(
                node,
                f"the facts were last reviewed on {value.isoformat()}, more than {REVIEW_MONTHS} months ago: check the facts and update `reviewed`",
            )
        return value

    def sources(self, node: Node) -> list[dict[str, str]] | None:
        """A non-empty list of sources, each with a title and a fact-sheet id or an address."""
        hint = 'each source with "title" and "id" (e.g. S14) or "url"'
        if nodes.is_empty(node) or (isinstance(node, SequenceNode) and not node.value):
            self.error(node, f"there are no sources; list where the facts come from, {hint}")
            return None
        if not isinstance(node, SequenceNode):
            self.error(node, f'"sources" must be a list, each source starting with "- ", {hint}')
            return None
        result = []
        for number, item in enumerate(node.value, start=1):
            entry = self.source(item, number)
            if entry is not None:
                result.append(entry)
        self.sources_policy(node, result)
        return result

    def source(self, item: Node, number: int) -> dict[str, str] | None:
        """One entry of ``sources:``: its fields (:data:`SOURCE_KEYS`), or None when it is no mapping."""
        if not isinstance(item, MappingNode):
            self.error(
                item,
                f'source {number} must be keys, not {nodes.plain(item)}: write "- title: …" and, on the next line, "id: …" or "url: …"',
            )
            return None
        fields: dict[str, Node] = {}
        for key, value in item.value:
            name = key.value if isinstance(key, ScalarNode) else ""
            if name not in SOURCE_KEYS:
                self.error(
                    key,
                    f'source {number} has an unknown key "{name}"'
                    + nodes.suggest(name, SOURCE_KEYS, lead="use one of"),
                )
            elif name in fields:
                self.error(key, f'source {number} has "{name}" twice; keep only one')
            else:
                fields[name] = value
        entry: dict[str, str] = {}
        title = fields.get("title")
        if title is None:
            self.error(
                item, f'source {number} has no "title"; add title: … naming the source (for a law, name its article)'
            )
        elif nodes.is_empty(title) or not isinstance(title, ScalarNode):
            self.error(title, f"the title of source {number} is empty; name the source (for a law, name its article)")
        else:
            entry["title"] = title.value
        sid, url = fields.get("id"), fields.get("url")
        if sid is None and url is None:
            self.error(
                item,
                f'source {number} has neither "id" nor "url"; add id: … (a source of the fact sheet, e.g. S14) or url: https://…',
            )
        if sid is not None:
            if isinstance(sid, ScalarNode) and SOURCE_ID_RE.match(sid.value.strip()):
                entry["id"] = sid.value.strip()
            else:
                self.error(sid, f'source {number} has id "{nodes.plain(sid)}"; a fact-sheet id looks like S14 or S14a')
        publisher = fields.get("publisher")
        if publisher is not None:
            if isinstance(publisher, ScalarNode) and not nodes.is_empty(publisher):
                entry["publisher"] = str(publisher.value).strip()
            else:
                self.error(
                    publisher,
                    f"the publisher of source {number} is empty; name who published it, e.g. publisher: 新华社",
                )
        date = fields.get("date")
        if date is None:
            self.error(
                item,
                f'source {number} has no "date"; add date: YYYY-MM-DD (or YYYY-MM, or YYYY when the source gives only that)',
            )
        elif isinstance(date, ScalarNode) and SOURCE_DATE_RE.match(str(date.value).strip()):
            entry["date"] = str(date.value).strip()
        else:
            self.error(
                date,
                f'source {number} has date "{nodes.plain(date)}"; write YYYY-MM-DD, YYYY-MM or YYYY, e.g. date: 2024-03-20',
            )
        if url is not None:
            if isinstance(url, ScalarNode) and re.match(r"https?://\S+\Z", url.value.strip()):
                entry["url"] = url.value.strip()
            else:
                self.error(
                    url, f'source {number} has url "{nodes.plain(url)}"; write the full address, starting with https://'
                )
        return entry

    def sources_policy(self, node: Node, entries: list[dict[str, str]]) -> None:
        """Rules about the list of sources as a whole (``node``: the ``sources:`` value).

        A reader must be able to check the facts: at least :data:`MIN_LINKED_SOURCES`
        sources carry an address (``url:``).
        """
        linked = sum(1 for entry in entries if "url" in entry)
        if linked < MIN_LINKED_SOURCES:
            self.error(
                node,
                f"{linked} of this lesson's sources {'has' if linked == 1 else 'have'} an address; give at least "
                f"{MIN_LINKED_SOURCES} sources a url: https://… so that readers can check the facts",
            )

    def boolean(self, node: Node) -> bool | None:
        """``translation_reviewed``: true or false, not a quoted word."""
        if isinstance(node, ScalarNode) and node.tag == nodes.BOOL_TAG:
            return node.value.lower() in ("true", "yes", "on", "y")
        self.error(node, f'translation_reviewed "{nodes.plain(node)}" must be true or false, without quotes')
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


def yaml_message(exc: yaml.MarkedYAMLError, line: int, offset: int) -> str:
    """A YAML syntax error in plain words, with lines counted in the lesson file."""
    # The YAML's own lines start at the front matter's first line; ours are in the lesson file.
    if exc.context_mark is not None:
        exc.context_mark.line += offset - 1
    return nodes.syntax_message(exc, line, "the front matter")
