"""Load quiz files (``quizzes/<id>.yml``) into the model, checking every rule.

Plain Python: nothing here imports MkDocs, so the loader can be used by any
site generator, by an editor's command-line check, or by tests.

The YAML is *composed* (a tree of nodes that remember their line) rather than
loaded, and the tree is walked by hand, so every problem can name the line an
editor must fix. Every problem in every file is collected before returning:
an editor fixing a quiz should see the whole list at once, not one problem
per build. Problems are :class:`~pingan.quiz.model.Problem` objects whose
``str()`` is ``quizzes/x.yml:7: what is wrong; what is expected``.

The format and its rules are described in ``quizzes/README.md``.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pingan.quiz.model import KINDS, Localized, Option, Problem, Question, Quiz

__all__ = ["LoadResult", "load_quiz_file", "load_quizzes"]

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

_NULL_TAG = "tag:yaml.org,2002:null"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_STR_TAG = "tag:yaml.org,2002:str"

# A tab among the spaces that start a line: YAML forbids it, and PyYAML's own
# message ("found character '\t' that cannot start any token") means nothing
# to an editor, so tabs are found and reported before parsing.
_TAB_INDENT_RE = re.compile(r"^ *\t")


@dataclass
class LoadResult:
    """What loading one quiz file or a folder of quiz files produced."""

    #: the quizzes by id (file stem); only quizzes whose file has no errors.
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    #: fatal problems: the build must fail.
    errors: list[Problem] = field(default_factory=list)
    #: survivable problems, e.g. a missing translation filled in from the
    #: default language (fatal only in a strict build).
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings allowed)."""
        return not self.errors

    def extend(self, other: LoadResult) -> None:
        """Add another result's quizzes and problems to this one."""
        self.quizzes.update(other.quizzes)
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)


def load_quizzes(
    quiz_dir: Path,
    *,
    languages: Sequence[str],
    default_language: str,
    root: Path | None = None,
) -> LoadResult:
    """Load and check every ``*.yml`` quiz in ``quiz_dir`` (sorted by name).

    ``root`` (default: the folder above ``quiz_dir``) is what problem paths
    are relative to, so they read ``quizzes/x.yml``. Other files (the
    README, images…) are ignored; a ``.yaml`` file gets a warning because
    its author surely meant it to be a quiz.

    Raises ``FileNotFoundError`` if ``quiz_dir`` is not a folder: that is a
    site configuration mistake, not a problem in a quiz.
    """
    quiz_dir = Path(quiz_dir)
    if root is None:
        root = quiz_dir.parent
    if not quiz_dir.is_dir():
        raise FileNotFoundError(f"quiz folder not found: {quiz_dir}")
    result = LoadResult()
    for path in sorted(quiz_dir.iterdir(), key=lambda p: p.name):
        if not path.is_file():
            continue
        if path.suffix == ".yml":
            result.extend(
                load_quiz_file(
                    path, languages=languages, default_language=default_language, root=root
                )
            )
        elif path.suffix == ".yaml":
            result.warnings.append(
                Problem(
                    _relative(path, root),
                    1,
                    'this file is ignored: quiz files must end in ".yml"; '
                    f'rename it to "{path.stem}.yml"',
                )
            )
    return result


def load_quiz_file(
    path: Path,
    *,
    languages: Sequence[str],
    default_language: str,
    root: Path | None = None,
) -> LoadResult:
    """Load and check one quiz file; the quiz id is the file name without ``.yml``.

    ``root`` (default: the folder above the file's folder) is what the
    problem paths are relative to.
    """
    path = Path(path)
    if root is None:
        root = path.parent.parent
    langs = list(dict.fromkeys(languages))
    if default_language not in langs:
        langs.insert(0, default_language)
    checker = _FileChecker(path, _relative(path, root), langs, default_language)
    quiz = checker.run()
    result = LoadResult(errors=checker.errors, warnings=checker.warnings)
    if quiz is not None:
        result.quizzes[quiz.id] = quiz
    return result


def _relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form, as shown in messages."""
    try:
        return path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        # Outside root (e.g. a file given directly): still a readable path.
        return Path(os.path.relpath(path, root)).as_posix()


def _describe(node: Node) -> str:
    """How a node looks to an editor, for "… is X; expected Y" messages."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a set of keys"
    assert isinstance(node, ScalarNode)
    if node.tag == _NULL_TAG:
        return "empty"
    return f'the text "{node.value}"'


def _shown(node: Node) -> str:
    """A value as the editor wrote it after "key:", quotes included."""
    if isinstance(node, ScalarNode) and node.tag != _NULL_TAG:
        if node.style in ('"', "'"):
            return f"{node.style}{node.value}{node.style}"
        return node.value
    return _describe(node)


def _suggest(word: str, choices: Iterable[str]) -> str:
    """'; did you mean "x"?' for a near miss, else the list of valid choices."""
    choices = list(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f'; did you mean "{close[0]}"?'
    return "; expected one of: " + ", ".join(choices)


def _has_text(node: Node) -> bool:
    """True for a scalar with something in it (not empty, not null)."""
    return isinstance(node, ScalarNode) and node.tag != _NULL_TAG and bool(node.value.strip())


def _line(node: Node) -> int:
    """1-based line where ``node`` starts."""
    return node.start_mark.line + 1


@dataclass
class _Branch:
    """One ``next:`` of an option, kept for the checks across questions."""

    target: str
    line: int
    #: the option in messages: 'option 2 of question "park"'.
    owner: str


@dataclass
class _QuestionInfo:
    """What the cross-question checks need, even from a broken question."""

    id: str | None
    line: int
    branches: list[_Branch] = field(default_factory=list)
    question: Question | None = None


class _FileChecker:
    """Checks one quiz file and builds its :class:`Quiz` if nothing is wrong."""

    def __init__(self, path: Path, rel: str, languages: list[str], default: str) -> None:
        self.path = path
        self.rel = rel
        self.languages = languages
        self.default = default
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.incomplete: set[str] = set()

    # -- reporting ---------------------------------------------------------

    def error(self, where: Node | int, message: str) -> None:
        """Record a fatal problem at a node's line (or a line number)."""
        line = where if isinstance(where, int) else _line(where)
        self.errors.append(Problem(self.rel, line, message))

    def warn(self, where: Node | int, message: str) -> None:
        """Record a survivable problem at a node's line (or a line number)."""
        line = where if isinstance(where, int) else _line(where)
        self.warnings.append(Problem(self.rel, line, message))

    # -- the file ------------------------------------------------------------

    def run(self) -> Quiz | None:
        """Check the whole file; the quiz, or None if anything was wrong."""
        data = self.path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:12]
        quiz_id = self.path.stem
        if not QUIZ_ID_RE.match(quiz_id):
            suggestion = re.sub(r"[^a-z0-9]+", "-", quiz_id.lower()).strip("-") or "my-quiz"
            self.error(
                1,
                f'the file name "{self.path.name}" cannot be a quiz id; use only lowercase '
                f'letters, digits and "-", e.g. "{suggestion}.yml"',
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            self.error(line, "this file is not UTF-8 text; save it with the UTF-8 encoding")
            return None
        root = self.parse(text)
        quiz = None
        if root is not None:
            self.check_duplicate_keys(root)
            quiz = self.check_quiz(root, quiz_id, digest)
        # Sorted by line so an editor can work down the file; the sort is
        # stable, so problems on one line keep the order they were found in.
        self.errors.sort(key=lambda p: p.line)
        self.warnings.sort(key=lambda p: p.line)
        return None if self.errors else quiz

    def parse(self, text: str) -> Node | None:
        """The YAML node tree, or None after reporting why there is none."""
        tab_lines = set()
        for number, line in enumerate(text.splitlines(), start=1):
            if _TAB_INDENT_RE.match(line):
                tab_lines.add(number)
                self.error(number, "this line starts with a tab; indent with spaces, not tabs")
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else 1
            if line not in tab_lines:
                self.error(line, _syntax_message(exc, line))
            return None
        except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks its errors
            self.error(1, f"this file cannot be read as YAML ({exc}); check its format")
            return None
        if root is None or (isinstance(root, ScalarNode) and root.tag == _NULL_TAG):
            self.error(
                1,
                'this quiz file is empty; expected "title:" and "questions:" '
                "(see quizzes/README.md)",
            )
            return None
        return root

    def check_duplicate_keys(self, root: Node) -> None:
        """Report keys written twice in one place: PyYAML silently keeps the last."""
        seen: set[int] = set()  # aliases can share (or loop back to) a node
        stack = [root]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, MappingNode):
                first: dict[str, int] = {}
                for key, value in node.value:
                    stack.append(value)
                    if not isinstance(key, ScalarNode):
                        self.error(key, 'a key must be a plain word such as "title"')
                        continue
                    if key.value in first:
                        self.error(
                            key,
                            f'"{key.value}" is written twice here (first on line '
                            f"{first[key.value]}); keep only one",
                        )
                    else:
                        first[key.value] = _line(key)
            elif isinstance(node, SequenceNode):
                stack.extend(node.value)

    def keys(
        self, node: MappingNode, allowed: Sequence[str], owner: str
    ) -> tuple[dict[str, Node], set[str]]:
        """The values of a mapping by key (first of duplicates), reporting unknown keys.

        Also returns the keys that an unknown key was taken for ("did you
        mean"), so that a misspelt required key is reported once, as a typo,
        and not a second time as missing.
        """
        found: dict[str, Node] = {}
        typos: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                continue  # reported by check_duplicate_keys
            if key.value not in allowed:
                self.error(
                    key, f'{owner} has an unknown key "{key.value}"' + _suggest(key.value, allowed)
                )
                typos.update(difflib.get_close_matches(key.value, allowed, n=1, cutoff=0.6))
            elif key.value not in found:
                found[key.value] = value
        return found, typos

    def check_quiz(self, root: Node, quiz_id: str, digest: str) -> Quiz | None:
        """Check the top level and every question."""
        if not isinstance(root, MappingNode):
            self.error(
                root,
                f"the quiz is {_describe(root)}; expected the keys "
                '"title:" and "questions:" at the start of a line',
            )
            return None
        top, typos = self.keys(root, TOP_KEYS, "the quiz")
        title = intro = None
        if "title" in top:
            title = self.text(top["title"], "the title", "title")
        elif "title" not in typos:
            self.error(root, 'the quiz has no "title"; add "title:" with the quiz heading')
        if "intro" in top:
            intro = self.text(top["intro"], "the intro", "intro")
        infos: list[_QuestionInfo] = []
        if "questions" not in top:
            if "questions" not in typos:
                self.error(
                    root,
                    'the quiz has no "questions"; add "questions:" with a list of questions',
                )
        else:
            qnode = top["questions"]
            if not isinstance(qnode, SequenceNode):
                self.error(
                    qnode,
                    f'"questions" is {_describe(qnode)}; expected a list of questions, '
                    'each starting with "- id:"',
                )
            elif not qnode.value:
                self.error(qnode, 'the quiz has no questions; add at least one under "questions:"')
            else:
                infos = [self.question(n, i) for i, n in enumerate(qnode.value, start=1)]
                self.check_across(infos)
        if self.errors or title is None:
            return None
        return Quiz(
            id=quiz_id,
            path=self.rel,
            title=title,
            questions=tuple(i.question for i in infos if i.question is not None),
            digest=digest,
            intro=intro,
            incomplete_languages=frozenset(self.incomplete),
        )

    # -- one question ------------------------------------------------------

    def question(self, node: Node, index: int) -> _QuestionInfo:
        """Check question number ``index`` (1-based) of the file."""
        info = _QuestionInfo(None, _line(node))
        if not isinstance(node, MappingNode):
            self.error(
                node,
                f"question {index} is {_describe(node)}; expected a question starting with "
                '"- id:", with its "kind", "prompt" and the rest indented below it',
            )
            return info
        errors_before = len(self.errors)
        # The id names the question in every other message, so find it first.
        idnode = next(
            (v for k, v in node.value if isinstance(k, ScalarNode) and k.value == "id"), None
        )
        usable = idnode is not None and _has_text(idnode)
        label = f'question "{idnode.value}"' if usable else f"question {index}"
        found, typos = self.keys(node, QUESTION_KEYS, label)
        if idnode is None:
            if "id" not in typos:
                self.error(
                    node,
                    f'question {index} has no "id"; add "id:" with a short name such as '
                    '"ask-first"',
                )
        elif not usable:
            self.error(
                idnode,
                f"the id of question {index} is {_describe(idnode)}; expected a short name "
                'such as "ask-first"',
            )
        else:
            info.id = idnode.value
            if not QUESTION_ID_RE.match(idnode.value):
                self.error(
                    idnode,
                    f'question id "{idnode.value}" can use only letters, digits and "-"; '
                    'e.g. "ask-first"',
                )

        kind = None
        if "kind" not in found:
            if "kind" not in typos:
                self.error(
                    node, f'{label} has no "kind"; add "kind:" with one of: ' + ", ".join(KINDS)
                )
        else:
            knode = found["kind"]
            value = knode.value if isinstance(knode, ScalarNode) else None
            if value in KINDS:
                kind = value
            else:
                shown = (
                    "an empty kind"
                    if isinstance(knode, ScalarNode) and knode.tag == _NULL_TAG
                    else f"kind {_quote(knode)}"
                )
                self.error(knode, f"{label} has {shown}; expected one of: " + ", ".join(KINDS))

        prompt = self.required_text(node, found, typos, "prompt", label, "the question itself")
        explanation = self.required_text(
            node, found, typos, "explanation", label, "why, shown after the answer is checked"
        )
        situation = None
        if kind == "scenario":
            situation = self.required_text(
                node, found, typos, "situation", label, "the short story the reader starts from"
            )
        elif "situation" in found and kind is not None:
            self.error(
                found["situation"],
                f'{label} is kind "{kind}" but has a "situation", which only "scenario" '
                'questions have; remove it or use "kind: scenario"',
            )

        options: tuple[Option, ...] = ()
        if kind == "truefalse":
            options = self.truefalse(node, found, label)
        elif kind is not None:
            for key in ("answer", "if_true", "if_false"):
                if key in found:
                    self.error(
                        found[key],
                        f'{label} is kind "{kind}" but has "{key}", which only "truefalse" '
                        'questions have; mark the right options with "correct: true" instead'
                        if key == "answer"
                        else f'{label} is kind "{kind}" but has "{key}", which only "truefalse" '
                        'questions have; give each option its own "feedback" instead',
                    )
            options = self.options(node, found, label, kind, info)

        if len(self.errors) == errors_before and kind is not None and info.id is not None:
            assert prompt is not None and explanation is not None
            info.question = Question(
                id=info.id,
                kind=kind,  # type: ignore[arg-type]  # checked against KINDS above
                prompt=prompt,
                options=options,
                explanation=explanation,
                line=info.line,
                situation=situation,
            )
        return info

    def truefalse(
        self, node: MappingNode, found: dict[str, Node], label: str
    ) -> tuple[Option, ...]:
        """The two options of a true/false question, from its ``answer``."""
        if "options" in found:
            self.error(
                found["options"],
                f'{label} is kind "truefalse", which has no "options"; write '
                '"answer: true" or "answer: false" instead',
            )
        feedback: dict[str, Localized | None] = {}
        for key in ("if_true", "if_false"):
            node_ = found.get(key)
            feedback[key] = (
                self.text(node_, f'the "{key}" feedback of {label}', key) if node_ else None
            )
        if "answer" not in found:
            self.error(
                node,
                f'{label} is kind "truefalse" but has no "answer"; add "answer: true" or '
                '"answer: false"',
            )
            return ()
        anode = found["answer"]
        answer = self.boolean(anode, f"{label} has answer")
        if answer is None:
            return ()
        line = _line(anode)
        return (
            Option(text=None, correct=answer, line=line, feedback=feedback["if_true"], value=True),
            Option(
                text=None, correct=not answer, line=line, feedback=feedback["if_false"],
                value=False,
            ),
        )

    def options(
        self, node: MappingNode, found: dict[str, Node], label: str, kind: str, info: _QuestionInfo
    ) -> tuple[Option, ...]:
        """Check the options of a single, multiple or scenario question."""
        if "options" not in found:
            self.error(
                node,
                f'{label} has no "options"; add "options:" with two or more answers to choose '
                "from",
            )
            return ()
        onode = found["options"]
        if not isinstance(onode, SequenceNode):
            self.error(
                onode,
                f'the options of {label} are {_describe(onode)}; expected a list, '
                'each option starting with "- text:"',
            )
            return ()
        options: list[Option] = []
        broken = False
        for number, item in enumerate(onode.value, start=1):
            option = self.option(item, number, label, kind, info)
            if option is None:
                broken = True
            else:
                options.append(option)
        count = len(onode.value)
        if count < 2:
            self.error(
                onode,
                f"{label} has {'only 1 option' if count == 1 else 'no options'}; "
                "expected at least 2 to choose from",
            )
        if broken:
            return tuple(options)  # the right answers cannot be counted reliably
        right = [o for o in options if o.correct]
        if not right and count >= 2:
            hint = {
                "single": "mark the right one",
                "multiple": "mark every right one",
                "scenario": "mark the good choice(s)",
            }[kind]
            self.error(onode, f'{label} has no correct option; {hint} with "correct: true"')
        elif kind == "single" and len(right) > 1:
            lines = ", ".join(str(o.line) for o in right)
            self.error(
                right[1].line,
                f'{label} is kind "single" but has {len(right)} correct options (lines {lines}); '
                'expected exactly one. Use "kind: multiple" for "choose all that apply"',
            )
        return tuple(options)

    def option(
        self, node: Node, number: int, label: str, kind: str, info: _QuestionInfo
    ) -> Option | None:
        """Check option ``number`` (1-based) of a question."""
        owner = f"option {number} of {label}"
        if not isinstance(node, MappingNode):
            self.error(
                node,
                f'{owner} is {_describe(node)}; expected "- text:" with the option\'s text '
                '(and "correct: true" if it is right)',
            )
            return None
        errors_before = len(self.errors)
        found, typos = self.keys(node, OPTION_KEYS, owner)
        text = None
        if "text" not in found:
            if "text" not in typos:
                self.error(
                    node, f'{owner} has no "text"; add "text:" with what the reader can choose'
                )
        else:
            text = self.text(found["text"], owner, "text")
        correct = False
        if "correct" in found:
            value = self.boolean(found["correct"], f"{owner} has correct")
            correct = bool(value)
        feedback = None
        if "feedback" in found:
            feedback = self.text(found["feedback"], f"the feedback of {owner}", "feedback")
        target = None
        if "next" in found:
            nnode = found["next"]
            if kind == "multiple":
                self.error(
                    nnode,
                    f'{owner} has "next", but a "multiple" question cannot branch (the reader '
                    'picks several options); use "kind: single" or "kind: scenario"',
                )
            elif not _has_text(nnode):
                self.error(
                    nnode,
                    f'the "next" of {owner} is {_describe(nnode)}; expected the id of the '
                    "follow-up question",
                )
            else:
                target = nnode.value
                info.branches.append(_Branch(target, _line(nnode), owner))
        if len(self.errors) > errors_before or text is None:
            return None
        return Option(text=text, correct=correct, line=_line(node), feedback=feedback, next=target)

    # -- values ------------------------------------------------------------

    def boolean(self, node: Node, what: str) -> bool | None:
        """``true`` or ``false``; anything else (even YAML's ``yes``) is reported.

        YAML 1.1 also reads ``yes``/``no``/``on``/``off`` as booleans, but the
        README allows only true and false so that quiz files read the same to
        every editor, and to any other YAML reader.
        """
        if isinstance(node, ScalarNode) and node.tag == _BOOL_TAG:
            if node.value.lower() in ("true", "false"):
                return node.value.lower() == "true"
        quoted = isinstance(node, ScalarNode) and node.style in ('"', "'")
        expected = "true or false, without quotes" if quoted else "true or false"
        self.error(node, f"{what}: {_shown(node)}; expected {expected}")
        return None

    def required_text(
        self,
        node: MappingNode,
        found: dict[str, Node],
        typos: set[str],
        key: str,
        label: str,
        hint: str,
    ) -> Localized | None:
        """A text the question must have, e.g. its prompt."""
        if key not in found:
            if key not in typos:
                self.error(node, f'{label} has no "{key}"; add "{key}:" with {hint}')
            return None
        return self.text(found[key], f"the {key} of {label}", key)

    def text(self, node: Node, what: str, key: str) -> Localized | None:
        """A text in every site language, filling missing translations.

        ``what`` names the text in messages, e.g. ``the prompt of question "x"``;
        ``key`` is the YAML key it was written under, e.g. ``prompt``.
        """
        errors_before = len(self.errors)
        texts: dict[str, tuple[str, int]] = {}  # lang -> (text, line)
        if isinstance(node, ScalarNode):
            # A plain string is the default language's text. The raw value is
            # used, not the YAML type: an English text "No" or "2024" is text.
            if not _has_text(node):
                self.error(node, f'{what} is empty; write the text after "{key}:"')
                return None
            texts[self.default] = (node.value.strip(), _line(node))
        elif isinstance(node, MappingNode):
            for lang_node, value in node.value:
                if not isinstance(lang_node, ScalarNode) or lang_node.value in texts:
                    continue  # reported by check_duplicate_keys
                lang = lang_node.value
                if lang not in self.languages and node.flow_style and value.tag == _NULL_TAG:
                    # {en: Go, at once}: the comma cut the text in two.
                    self.error(
                        lang_node,
                        f'{what} has "{lang}" where a language should be; if a text contains '
                        "a comma, put the whole text in quotes",
                    )
                    continue
                if lang not in self.languages:
                    self.error(
                        lang_node,
                        f'{what} has a text in "{lang}", which is not a site language; '
                        "expected one of the site languages: " + ", ".join(self.languages),
                    )
                    continue
                if not isinstance(value, ScalarNode):
                    self.error(
                        value,
                        f'the "{lang}" text of {what} is {_describe(value)}; expected plain text',
                    )
                elif value.tag == _NULL_TAG or not value.value.strip():
                    # An empty value has no place of its own: point at its key.
                    self.error(
                        lang_node,
                        f'the "{lang}" text of {what} is empty; write the text after "{lang}:"',
                    )
                else:
                    texts[lang] = (value.value.strip(), _line(value))
            if self.default not in texts and len(self.errors) == errors_before:
                self.error(
                    node,
                    f'{what} has no "{self.default}" text, which every text needs (it is the '
                    f'default language); add "{self.default}: …"',
                )
        else:
            self.error(
                node,
                f"{what} is {_describe(node)}; expected a text, or one text per language "
                "(" + ", ".join(f"{lang}: …" for lang in self.languages) + ")",
            )
        if len(self.errors) > errors_before:
            return None
        result = Localized()
        for lang in self.languages:
            if lang in texts:
                result[lang] = texts[lang][0]
            else:
                result[lang] = texts[self.default][0]
                self.incomplete.add(lang)
                self.warn(
                    node,
                    f'{what} has no "{lang}" text; using the "{self.default}" text. '
                    f'Add "{lang}: …"',
                )
        return result

    # -- across questions --------------------------------------------------

    def check_across(self, infos: list[_QuestionInfo]) -> None:
        """Unique ids, branch targets, one parent per follow-up, no loops."""
        by_id: dict[str, _QuestionInfo] = {}
        for info in infos:
            if info.id is None:
                continue
            if info.id in by_id:
                self.error(
                    info.line,
                    f'question id "{info.id}" is used twice (first on line '
                    f"{by_id[info.id].line}); give each question its own id",
                )
            else:
                by_id[info.id] = info
        # Follow the first question of a duplicated id only, so one mistake
        # does not turn into a cascade of branch problems.
        edges: dict[str, list[_Branch]] = {}
        parent: dict[str, str] = {}
        for qid, info in by_id.items():
            for branch in info.branches:
                if branch.target not in by_id:
                    close = difflib.get_close_matches(branch.target, by_id, n=1, cutoff=0.6)
                    hint = (
                        f'did you mean "{close[0]}"?'
                        if close
                        else "expected the id of a question in this file"
                    )
                    self.error(
                        branch.line,
                        f'{branch.owner} leads to "{branch.target}" with "next", but there is '
                        f"no question with that id; {hint}",
                    )
                    continue
                edges.setdefault(qid, [])
                if all(b.target != branch.target for b in edges[qid]):
                    edges[qid].append(branch)
                if branch.target not in parent:
                    parent[branch.target] = qid
                elif parent[branch.target] != qid:
                    self.error(
                        branch.line,
                        f'question "{branch.target}" is the follow-up of both '
                        f'"{parent[branch.target]}" and "{qid}"; a follow-up belongs to one '
                        "question only (copy it with a new id if both need it)",
                    )
        order = {qid: n for n, qid in enumerate(by_id)}
        for cycle in _cycles(list(by_id), {q: [b.target for b in bs] for q, bs in edges.items()}):
            # Start the cycle at the question that comes first in the file,
            # and point at that question's "next", so the message is stable.
            start = min(range(len(cycle)), key=lambda i: order[cycle[i]])
            cycle = cycle[start:] + cycle[:start]
            succ = cycle[1] if len(cycle) > 1 else cycle[0]
            line = next(b.line for b in edges[cycle[0]] if b.target == succ)
            path = " → ".join(f'"{q}"' for q in [*cycle, cycle[0]])
            self.error(
                line,
                f"the follow-up questions go round in a loop: {path}; "
                'change or remove one of these "next" so the branch comes to an end',
            )


def _quote(node: Node) -> str:
    """A scalar's value in double quotes, or a description for lists and mappings."""
    if isinstance(node, ScalarNode):
        return f'"{node.value}"'
    return _describe(node)


def _cycles(nodes: list[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """The loops in a graph, each once, found by depth-first search."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    def visit(start: str) -> None:
        # Iterative, so a long chain of follow-ups cannot hit the recursion limit.
        path: list[str] = [start]
        iters = [iter(edges.get(start, ()))]
        state[start] = 1
        while iters:
            nxt = next(iters[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                iters.pop()
                continue
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    found.append(cycle)
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                iters.append(iter(edges.get(nxt, ())))

    for node in nodes:
        if node not in state:
            visit(node)
    return found


# -- YAML syntax errors in plain words -----------------------------------

_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed here",
        'a ":" is in a place where it cannot be; if a text contains ": ", put the whole '
        "text in quotes",
    ),
    (
        "could not find expected ':'",
        'a line is missing the ":" after its key, or a text runs over several lines; '
        'check for a missing ":" or put the text in quotes',
    ),
    (
        "found character '\\t' that cannot start any token",
        "there is a tab character here; use spaces, not tabs",
    ),
    (
        "expected a single document in the stream",
        'a quiz file holds one quiz only; remove the second "---" line and what follows it',
    ),
    (
        "found unexpected end of stream",
        "a quote is opened but never closed; add the closing quote",
    ),
    (
        "found undefined alias",
        'a "*" at the start of a value refers to nothing; put the text in quotes',
    ),
    (
        "did not find expected key",
        "this line is not lined up with the lines above it; check the spaces at the start "
        "of the line",
    ),
    (
        "did not find expected '-' indicator",
        "this list item is not lined up with the items above it; check the spaces at the "
        'start of the line, before "-"',
    ),
    (
        "expected <block end>",
        "this line is not lined up with the lines above it; check the spaces at the start "
        "of the line",
    ),
    (
        # PyYAML will not end a plain text with "?" inside { }, a trap for
        # every English question written as {zh: …, en: What do you do?}.
        "expected ',' or '}', but got '?'",
        'a text in { } cannot end with "?" unless it is in quotes, e.g. '
        'en: "What do you do?"',
    ),
    (
        "expected ',' or ']', but got '?'",
        'a text in [ ] cannot end with "?" unless it is in quotes; put the text in quotes',
    ),
    (
        "expected ',' or ']'",
        'a list in [ ] is not closed properly; check the closing "]", and put any text '
        'that contains a comma, a colon, a "#" or quotes in quotes',
    ),
    (
        "expected ',' or '}'",
        'a group in { } is not closed properly; check the closing "}", and put any text '
        'that contains a comma, a colon, a "#" or quotes in quotes',
    ),
    (
        "found character '@' that cannot start any token",
        'a value cannot start with "@"; put the text in quotes',
    ),
    (
        "found character '`' that cannot start any token",
        'a value cannot start with "`"; put the text in quotes',
    ),
)


def _syntax_message(exc: yaml.MarkedYAMLError, line: int) -> str:
    """Say in plain words what is wrong with the YAML, keeping PyYAML's mark."""
    problem = exc.problem or ""
    context = exc.context or ""
    hint = next(
        (h for key, h in _SYNTAX_HINTS if key in problem or key in context),
        f"{problem or context}; check the spaces at the start of the line, the \":\" after "
        "each key, and quotes around texts",
    )
    # Only for an unfinished token (an unclosed quote…) is the start worth
    # naming; other contexts point at the start of the whole enclosing block.
    start = line
    if exc.context_mark is not None and context.startswith("while scanning"):
        start = exc.context_mark.line + 1
    where = f" (it starts on line {start})" if start != line else ""
    return f"the YAML cannot be read here: {hint}{where}"
