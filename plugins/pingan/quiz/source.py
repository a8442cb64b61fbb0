"""What quiz files and translation files share: reading the YAML, problems with lines,
and the facts about questions that the checks across questions need. Plain Python."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import Node, ScalarNode

from pingan.core import yamlnodes as nodes
from pingan.core.problems import Problem
from pingan.core.text import Localized
from pingan.quiz.model import Question
from pingan.quiz.schema import Place


@dataclass
class Branch:
    """One ``next:`` of an option, kept for the checks across questions."""

    target: str
    line: int
    #: the option in messages: 'option 2 of question "park"'.
    owner: str


@dataclass
class QuestionInfo:
    """What the cross-question checks need, even from a broken question."""

    id: str | None
    line: int
    branches: list[Branch] = field(default_factory=list)
    question: Question | None = None


@dataclass
class PendingText:
    """A text of the quiz whose missing languages are filled in once translations are merged."""

    texts: Localized
    node: Node
    #: the text in messages, e.g. 'the prompt of question "x"'.
    what: str
    #: where the text sits in the quiz, to find it in translation files;
    #: None when its question has no usable id (the quiz has errors then).
    place: Place | None


class YamlFile:
    """What quiz files and translation files share: reading the YAML, and problems with lines."""

    def __init__(self, path: Path, rel: str) -> None:
        self.path = path
        self.rel = rel
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def empty_message(self) -> str:
        """What to say about a file with nothing in it."""
        raise NotImplementedError

    # -- reporting ---------------------------------------------------------

    def error(self, where: Node | int, message: str) -> None:
        """Record a fatal problem at a node's line (or a line number)."""
        line = where if isinstance(where, int) else nodes.line(where)
        self.errors.append(Problem(self.rel, line, message))

    def warn(self, where: Node | int, message: str, **fields: str) -> None:
        """Record a survivable problem at a node's line (or a line number)."""
        line = where if isinstance(where, int) else nodes.line(where)
        self.warnings.append(Problem(self.rel, line, message, "warning", **fields))

    # -- reading -------------------------------------------------------------

    def decode(self, data: bytes) -> str | None:
        """The file's text, or None after reporting that it is not UTF-8."""
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            self.error(line, "this file is not UTF-8 text; save it with the UTF-8 encoding")
            return None

    def parse(self, text: str) -> Node | None:
        """The YAML node tree, or None after reporting why there is none."""
        tab_lines = set()
        for number, row in enumerate(text.splitlines(), start=1):
            if nodes.TAB_INDENT_RE.match(row):
                tab_lines.add(number)
                self.error(number, "this line starts with a tab; indent with spaces, not tabs")
        try:
            root = nodes.compose(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else 1
            if line not in tab_lines:
                self.error(line, nodes.syntax_message(exc, line))
            return None
        except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks its errors
            self.error(1, f"this file cannot be read as YAML ({exc}); check its format")
            return None
        if root is None or (isinstance(root, ScalarNode) and root.tag == nodes.NULL_TAG):
            self.error(1, self.empty_message())
            return None
        return root

    def check_duplicate_keys(self, root: Node) -> None:
        """Report keys written twice in one place: PyYAML silently keeps the last."""
        for node, message in nodes.duplicate_keys(root):
            self.error(node, message)
