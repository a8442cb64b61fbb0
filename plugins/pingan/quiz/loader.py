"""Load quiz files (``quizzes/<id>.yml``) into the model, checking every rule.

Plain Python: nothing here imports MkDocs, so the loader can be used by any
site generator, by an editor's command-line check, or by tests.

The YAML is *composed* (a tree of nodes that remember their line) rather than
loaded, and the tree is walked by hand, so every problem can name the line an
editor must fix. Every problem in every file is collected before returning:
an editor fixing a quiz should see the whole list at once, not one problem
per build. Problems are :class:`~pingan.quiz.model.Problem` objects whose
``str()`` is ``quizzes/x.yml:7: what is wrong; what is expected``.

Translations may also live in their own files, ``quizzes/<id>.<lang>.yml``
beside the quiz (section "Translations in their own file" of the README).
They hold only text, keyed by the quiz's structure (question ids, options in
order), never answers. Their texts are merged into the quiz's texts before
missing translations are filled in and reported, so a warning only names what
is really missing, and points at the translation file when there is one.

The format and its rules are described in ``quizzes/README.md``.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
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

# What a translation file may hold: the texts of the quiz, nothing else.
#: ``source_hash`` is written by ``make i18n-current`` (pingan.i18n_status): which version of
#: the quiz file the translation follows. The loader checks its form and otherwise ignores it.
TRANSLATION_TOP_KEYS = ("title", "intro", "questions", "source_hash")
_SOURCE_HASH_RE = re.compile(r"[0-9a-f]{12}")
TRANSLATION_QUESTION_KEYS = ("prompt", "situation", "options", "if_true", "if_false", "explanation")
TRANSLATION_OPTION_KEYS = ("text", "feedback")
#: Keys of the quiz file that carry its structure or its answers. A
#: translation file must not set them: the answer key is written once, in the
#: quiz file, so that no language can ever disagree about the right answer.
ANSWER_KEYS = ("id", "kind", "answer", "correct", "next")

#: Where a text sits in a quiz, the same in the quiz file and in its
#: translation files: ``("title",)``, ``("intro",)``, ``(question id, key)``
#: or ``(question id, "options", option number, key)``.
_Place = tuple[str | int, ...]

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

    A file whose name has a dot before ``.yml`` is a translation file,
    ``<quiz id>.<language>.yml``: it is checked and merged together with its
    quiz, never loaded as a quiz itself. One whose quiz file does not exist
    is an error.

    Raises ``FileNotFoundError`` if ``quiz_dir`` is not a folder: that is a
    site configuration mistake, not a problem in a quiz.
    """
    quiz_dir = Path(quiz_dir)
    if root is None:
        root = quiz_dir.parent
    if not quiz_dir.is_dir():
        raise FileNotFoundError(f"quiz folder not found: {quiz_dir}")
    result = LoadResult()
    files = sorted((p for p in quiz_dir.iterdir() if p.is_file()), key=lambda p: p.name)
    quiz_ids = [p.stem for p in files if p.suffix == ".yml" and _translation_name(p) is None]
    translations: dict[str, list[Path]] = {}
    for path in files:
        parts = _translation_name(path)
        if parts is not None:
            translations.setdefault(parts[0], []).append(path)
    for path in files:
        parts = _translation_name(path)
        if parts is not None:
            # Checked together with its quiz; only a file without one is checked here.
            if parts[0] not in quiz_ids:
                result.extend(
                    _load_orphan(
                        path,
                        *parts,
                        quiz_ids,
                        languages=languages,
                        default_language=default_language,
                        root=root,
                    )
                )
        elif path.suffix == ".yml":
            result.extend(
                load_quiz_file(
                    path,
                    languages=languages,
                    default_language=default_language,
                    root=root,
                    translations=translations.get(path.stem, []),
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
    translations: Sequence[Path] | None = None,
) -> LoadResult:
    """Load and check one quiz file; the quiz id is the file name without ``.yml``.

    ``root`` (default: the folder above the file's folder) is what the
    problem paths are relative to. ``translations`` are the quiz's
    translation files (``<id>.<lang>.yml``); by default, those beside it.
    Their problems are listed after the quiz file's own, file by file.
    """
    path = Path(path)
    if root is None:
        root = path.parent.parent
    if translations is None:
        translations = _translations_beside(path)
    langs = _site_languages(languages, default_language)
    checker = _FileChecker(path, root, langs, default_language)
    quiz = checker.run(translations)
    result = LoadResult(errors=checker.errors, warnings=checker.warnings)
    if quiz is not None:
        result.quizzes[quiz.id] = quiz
    return result


def _site_languages(languages: Sequence[str], default_language: str) -> list[str]:
    """The site's languages, each once, the default language among them."""
    langs = list(dict.fromkeys(languages))
    if default_language not in langs:
        langs.insert(0, default_language)
    return langs


def _translation_name(path: Path) -> tuple[str, str] | None:
    """``(quiz id, language)`` if ``path`` is named like a translation file, else None.

    The name is split at its *first* dot: a quiz id never has one, while a
    language code may have a hyphen (``check-first.zh-Hant.yml`` is quiz
    ``check-first``, language ``zh-Hant``); a further dot stays in the
    language, which is then reported as not a site language. A name that
    starts with a dot is a hidden file, not a translation.
    """
    if path.suffix != ".yml":
        return None
    quiz_id, dot, lang = path.name[: -len(".yml")].partition(".")
    if not dot or not quiz_id:
        return None
    return quiz_id, lang


def _translations_beside(path: Path) -> list[Path]:
    """The translation files of the quiz file ``path``, in its folder, sorted by name."""
    found = []
    for other in path.parent.iterdir():
        parts = _translation_name(other)
        if parts is not None and parts[0] == path.stem and other.is_file():
            found.append(other)
    return sorted(found, key=lambda p: p.name)


def _digest(quiz: bytes, translations: Sequence[tuple[str, bytes]]) -> str:
    """Short hash of a quiz file and its translation files (``(name, bytes)``, sorted).

    A quiz without translation files keeps the hash of its bytes alone, as
    before translation files existed, so progress saved in browsers stays
    valid. Each translation file adds its name and length before its bytes:
    renaming it to another language, or moving text from one file to the
    next, still changes the digest, so saved progress never shows stale text.
    """
    h = hashlib.sha256(quiz)
    for name, data in translations:
        h.update(b"\0" + name.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0")
        h.update(data)
    return h.hexdigest()[:12]


def _load_orphan(
    path: Path,
    quiz_id: str,
    lang: str,
    quiz_ids: Sequence[str],
    *,
    languages: Sequence[str],
    default_language: str,
    root: Path,
) -> LoadResult:
    """Check a translation file whose quiz file does not exist.

    Still checked on its own (syntax, keys, texts), so that every problem in
    it is listed at once, and not one at a time once it has been renamed.
    """
    quiz_rel = _relative(path.with_name(f"{quiz_id}.yml"), root)
    langs = _site_languages(languages, default_language)
    checker = _TranslationFile(
        path, _relative(path, root), quiz_rel, quiz_id, lang, langs, default_language
    )
    close = difflib.get_close_matches(quiz_id, quiz_ids, n=1, cutoff=0.6)
    hint = (
        f'did you mean "{close[0]}.{lang}.yml"?'
        if close
        else f'name it after its quiz file: "<quiz id>.{lang}.yml" beside "<quiz id>.yml"'
    )
    checker.error(1, f"this translation file has no quiz: {quiz_rel} does not exist; {hint}")
    checker.run(path.read_bytes(), None)
    return LoadResult(errors=checker.errors, warnings=checker.warnings)


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


@dataclass
class _Text:
    """A text of the quiz whose missing languages are filled in once translations are merged."""

    texts: Localized
    node: Node
    #: the text in messages, e.g. 'the prompt of question "x"'.
    what: str
    #: where the text sits in the quiz, to find it in translation files;
    #: None when its question has no usable id (the quiz has errors then).
    place: _Place | None


class _YamlFile:
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
        line = where if isinstance(where, int) else _line(where)
        self.errors.append(Problem(self.rel, line, message))

    def warn(self, where: Node | int, message: str) -> None:
        """Record a survivable problem at a node's line (or a line number)."""
        line = where if isinstance(where, int) else _line(where)
        self.warnings.append(Problem(self.rel, line, message))

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
            self.error(1, self.empty_message())
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


class _FileChecker(_YamlFile):
    """Checks one quiz file and builds its :class:`Quiz` if nothing is wrong."""

    def __init__(self, path: Path, root: Path, languages: list[str], default: str) -> None:
        super().__init__(path, _relative(path, root))
        self.root = root
        self.languages = languages
        self.default = default
        self.incomplete: set[str] = set()
        #: every text read, in the order of the file, to fill in and report its
        #: missing languages once the translation files have been merged in.
        self.pending: list[_Text] = []
        #: the quiz-file line of the text a warning in a translation file is about.
        self.quiz_lines: dict[Problem, int] = {}

    def empty_message(self) -> str:
        return (
            'this quiz file is empty; expected "title:" and "questions:" '
            "(see quizzes/README.md)"
        )

    # -- the file ------------------------------------------------------------

    def run(self, translations: Sequence[Path] = ()) -> Quiz | None:
        """Check the quiz file and its translation files; the quiz, or None if anything was wrong.

        The quiz file's problems come first, sorted by line, then each
        translation file's, in the order of their names.
        """
        data = self.path.read_bytes()
        others = [(p, p.read_bytes()) for p in sorted(translations, key=lambda p: p.name)]
        quiz = self.check_file(data, _digest(data, [(p.name, b) for p, b in others]))
        checked: list[_TranslationFile] = []
        for path, tdata in others:
            parts = _translation_name(path)
            assert parts is not None, f"not a translation file name: {path.name}"
            checker = _TranslationFile(
                path,
                _relative(path, self.root),
                self.rel,
                self.path.stem,
                parts[1],
                self.languages,
                self.default,
            )
            checker.run(tdata, quiz)
            checked.append(checker)
        self.fill_missing(checked)
        for checker in checked:
            self.errors.extend(checker.errors)
            self.warnings.extend(checker.warnings)
        # Each file's warnings by line, so a translator can work down the file.
        # Several on one line of a translation file (line 1 for a question it
        # lacks) follow the quiz file's order; the sort is stable, so warnings
        # on one line of the quiz file keep the order they were found in.
        order = {self.rel: 0} | {c.rel: n for n, c in enumerate(checked, start=1)}
        self.warnings.sort(
            key=lambda p: (order.get(p.path, 0), p.line, self.quiz_lines.get(p, p.line))
        )
        if self.errors or quiz is None:
            return None
        return dataclasses.replace(quiz, incomplete_languages=frozenset(self.incomplete))

    def check_file(self, data: bytes, digest: str) -> Quiz | None:
        """Check the quiz file itself; its quiz (texts not yet filled in), or None."""
        quiz_id = self.path.stem
        if not QUIZ_ID_RE.match(quiz_id):
            suggestion = re.sub(r"[^a-z0-9]+", "-", quiz_id.lower()).strip("-") or "my-quiz"
            self.error(
                1,
                f'the file name "{self.path.name}" cannot be a quiz id; use only lowercase '
                f'letters, digits and "-", e.g. "{suggestion}.yml"',
            )
        text = self.decode(data)
        if text is None:
            return None
        root = self.parse(text)
        quiz = None
        if root is not None:
            self.check_duplicate_keys(root)
            quiz = self.check_quiz(root, quiz_id, digest)
        # Sorted by line so an editor can work down the file; the sort is
        # stable, so problems on one line keep the order they were found in.
        self.errors.sort(key=lambda p: p.line)
        return None if self.errors else quiz

    def fill_missing(self, translations: Sequence[_TranslationFile]) -> None:
        """Merge the translation files' texts, then fill and report what is still missing.

        Text written in the quiz file wins over a translation file. A missing
        text is reported where it is best added: in the translation file of
        its language if there is one, else in the quiz file. While that
        translation file has errors its gaps are not listed: it must be fixed
        first, and a list of "missing" texts would only hide its errors.
        """
        by_lang = {t.lang: t for t in translations if t.merges}
        for item in self.pending:
            texts = item.texts
            if item.place is not None:
                for lang, translation in by_lang.items():
                    if lang not in texts and item.place in translation.texts:
                        texts[lang] = translation.texts[item.place]
            for lang in self.languages:
                if lang in texts:
                    continue
                texts[lang] = texts[self.default]
                self.incomplete.add(lang)
                lead = f'{item.what} has no "{lang}" text; using the "{self.default}" text.'
                translation = by_lang.get(lang)
                if translation is None or item.place is None:
                    self.warn(item.node, f'{lead} Add "{lang}: …"')
                elif not translation.errors:
                    line, hint = translation.where_to_add(item.place)
                    problem = Problem(translation.rel, line, f"{lead} {hint}")
                    self.warnings.append(problem)
                    self.quiz_lines[problem] = _line(item.node)
            # The site's language order, whatever order the texts came in.
            ordered = {lang: texts[lang] for lang in self.languages}
            texts.clear()
            texts.update(ordered)

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
            title = self.text(top["title"], "the title", "title", ("title",))
        elif "title" not in typos:
            self.error(root, 'the quiz has no "title"; add "title:" with the quiz heading')
        if "intro" in top:
            intro = self.text(top["intro"], "the intro", "intro", ("intro",))
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

        qid = info.id
        prompt = self.required_text(
            node, found, typos, "prompt", label, "the question itself", qid
        )
        explanation = self.required_text(
            node, found, typos, "explanation", label, "why, shown after the answer is checked", qid
        )
        situation = None
        if kind == "scenario":
            situation = self.required_text(
                node, found, typos, "situation", label, "the short story the reader starts from",
                qid,
            )
        elif "situation" in found and kind is not None:
            self.error(
                found["situation"],
                f'{label} is kind "{kind}" but has a "situation", which only "scenario" '
                'questions have; remove it or use "kind: scenario"',
            )

        options: tuple[Option, ...] = ()
        if kind == "truefalse":
            options = self.truefalse(node, found, label, qid)
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
        self, node: MappingNode, found: dict[str, Node], label: str, qid: str | None
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
                self.text(
                    node_, f'the "{key}" feedback of {label}', key, _place(qid, key)
                )
                if node_
                else None
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
            text = self.text(found["text"], owner, "text", _place(info.id, "text", number))
        correct = False
        if "correct" in found:
            value = self.boolean(found["correct"], f"{owner} has correct")
            correct = bool(value)
        feedback = None
        if "feedback" in found:
            feedback = self.text(
                found["feedback"],
                f"the feedback of {owner}",
                "feedback",
                _place(info.id, "feedback", number),
            )
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
        qid: str | None,
    ) -> Localized | None:
        """A text the question must have, e.g. its prompt."""
        if key not in found:
            if key not in typos:
                self.error(node, f'{label} has no "{key}"; add "{key}:" with {hint}')
            return None
        return self.text(found[key], f"the {key} of {label}", key, _place(qid, key))

    def text(
        self, node: Node, what: str, key: str, place: _Place | None = None
    ) -> Localized | None:
        """A text in the languages written here; the others are filled in later.

        ``what`` names the text in messages, e.g. ``the prompt of question "x"``;
        ``key`` is the YAML key it was written under, e.g. ``prompt``;
        ``place`` is where the same text sits in a translation file. Missing
        languages are filled (and reported) by :meth:`fill_missing`, after the
        translation files have been merged in.
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
        result = Localized((lang, texts[lang][0]) for lang in self.languages if lang in texts)
        self.pending.append(_Text(result, node, what, place))
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


class _TranslationFile(_YamlFile):
    """Checks one translation file, ``quizzes/<id>.<lang>.yml``, and collects its texts.

    The texts are kept by their place in the quiz (``_Place``), so they can be
    merged into the quiz's texts even while the quiz file has problems of its
    own. The checks against the quiz's structure (question ids, number of
    options, which texts the quiz has) need the checked quiz and are left out
    without it: the quiz file's own problems must be fixed first.
    """

    def __init__(
        self,
        path: Path,
        rel: str,
        quiz_rel: str,
        quiz_id: str,
        lang: str,
        languages: list[str],
        default: str,
    ) -> None:
        super().__init__(path, rel)
        self.quiz_rel = quiz_rel
        self.quiz_id = quiz_id
        self.lang = lang
        self.languages = languages
        self.default = default
        #: the texts found, by their place in the quiz.
        self.texts: dict[_Place, str] = {}
        #: the line of each question id written in the file, to point there
        #: when one of the question's texts is missing.
        self.question_lines: dict[str, int] = {}

    @property
    def merges(self) -> bool:
        """True if this file's texts go into the quiz: a site language, not the default."""
        return self.lang in self.languages and self.lang != self.default

    def empty_message(self) -> str:
        return (
            f'this translation file is empty; write the "{self.lang}" texts of '
            f"{self.quiz_rel} in it (see quizzes/README.md), or delete it"
        )

    def run(self, data: bytes, quiz: Quiz | None) -> None:
        """Check the file against ``quiz`` (None: the quiz has problems, or no file)."""
        self.check_language()
        text = self.decode(data)
        if text is not None:
            root = self.parse(text)
            if root is not None:
                self.check_duplicate_keys(root)
                self.check_top(root, quiz)
        self.errors.sort(key=lambda p: p.line)

    def check_language(self) -> None:
        """The language in the file name: a site language, or one the site may build later.

        A language the site does not build (yet) is fine if it is a real
        language code as CLDR writes it (``vi``, ``ug``, ``zh-Hant``):
        translators may prepare a language before it is added to
        ``mkdocs.yml``. Its file is checked all the same, but its texts are
        not used. Anything else is a mistake in the file name ("vn", "VI",
        "zh-hant"), which would otherwise leave the file silently unused.
        """
        lang = self.lang
        if lang == self.default:
            # Every text has its default-language text in the quiz file (it is
            # required there), and inline text wins: this file could never show.
            self.error(
                1,
                f'this file is named for "{lang}", the default language, whose texts are written '
                f"in {self.quiz_rel} itself; move any text there and delete this file",
            )
            return
        if lang in self.languages or _cldr_language(lang) == lang:
            return
        others = [code for code in self.languages if code != self.default]
        # "VI" or "zh-hant" are near misses that difflib alone would not see.
        close = [code for code in others if code.lower() == lang.lower()] or (
            difflib.get_close_matches(lang, others, n=1, cutoff=0.6)
        )
        cldr = _cldr_language(lang)
        head = f'"{lang}" in the file name is not a site language'
        if close:
            message = (
                f'{head}; did you mean "{close[0]}"? Rename the file to '
                f'"{self.quiz_id}.{close[0]}.yml"'
            )
        elif cldr:
            # A language the site does not build, in the wrong case: "zh-hans".
            message = (
                f'{head}, and CLDR writes it "{cldr}"; rename the file to '
                f'"{self.quiz_id}.{cldr}.yml"'
            )
        elif others:
            message = (
                f"{head}; expected one of the site languages: {', '.join(others)}, "
                f'as in "{self.quiz_id}.{others[0]}.yml"'
            )
        else:
            message = (
                f'{head}, and this site has no language but "{self.default}"; delete this file'
            )
        self.error(1, message)

    def fields(
        self, node: MappingNode, allowed: Sequence[str], owner: str
    ) -> dict[str, tuple[ScalarNode, Node]]:
        """The keys and values of a mapping (first of duplicates), reporting keys not allowed.

        Keys that set answers get their own message: a translator copying a
        quiz's question must learn why "correct" cannot come along, not just
        that it is unknown.
        """
        found: dict[str, tuple[ScalarNode, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                continue  # reported by check_duplicate_keys
            name = key.value
            if name in ANSWER_KEYS:
                self.error(
                    key,
                    f'{owner} has "{name}", but a translation file holds only text: answers live '
                    f"only in {self.quiz_rel}, so that every language has the same answers; "
                    f'remove "{name}" here',
                )
            elif name not in allowed:
                self.error(key, f'{owner} has an unknown key "{name}"' + _suggest(name, allowed))
            elif name not in found:
                found[name] = (key, value)
        return found

    def take(self, key: ScalarNode, value: Node, place: _Place, what: str) -> None:
        """Keep one text of this language, or report why it cannot be used."""
        if isinstance(value, MappingNode):
            self.error(
                value,
                f'{what} is {_describe(value)}; expected plain text after "{key.value}:" (this '
                f'file holds only "{self.lang}" texts, so write the text without "{self.lang}:", '
                'and put it in quotes if it contains ": ")',
            )
        elif not isinstance(value, ScalarNode):
            self.error(
                value, f'{what} is {_describe(value)}; expected plain text after "{key.value}:"'
            )
        elif not _has_text(value):
            # An empty value has no place of its own: point at its key.
            self.error(
                key,
                f'{what} is empty; write the "{self.lang}" text after "{key.value}:", or remove '
                f'the line to use the "{self.default}" text',
            )
        else:
            # The raw value, not the YAML type: "No" or "2024" is text.
            self.texts[place] = value.value.strip()

    def check_top(self, root: Node, quiz: Quiz | None) -> None:
        """Check the top level: the quiz's title and intro, and its questions by id."""
        if not isinstance(root, MappingNode):
            self.error(
                root,
                f"this translation file is {_describe(root)}; expected the keys \"title:\", "
                '"intro:" and "questions:" at the start of a line (see quizzes/README.md)',
            )
            return
        top = self.fields(root, TRANSLATION_TOP_KEYS, "the translation")
        if "title" in top:
            self.take(*top["title"], ("title",), "the title")
        if "intro" in top:
            key, value = top["intro"]
            if quiz is not None and quiz.intro is None:
                self.error(
                    key,
                    f'the quiz has no "intro" in {self.quiz_rel}, so there is nothing to '
                    'translate; remove "intro" here, or add an intro to the quiz file first',
                )
            else:
                self.take(key, value, ("intro",), "the intro")
        if "questions" in top:
            self.questions(*top["questions"], quiz)
        if "source_hash" in top:
            key, value = top["source_hash"]
            if not (isinstance(value, ScalarNode) and _SOURCE_HASH_RE.fullmatch(value.value)):
                self.error(
                    value,
                    '"source_hash" is written by "make i18n-current" (12 characters, 0-9 and a-f, '
                    'for example 1a2b3c4d5e6f); do not edit it by hand: delete the line, then '
                    'run "make i18n-current FILES=<this file>" once the translation is up to date',
                )

    def questions(self, key: ScalarNode, node: Node, quiz: Quiz | None) -> None:
        """Check ``questions:``: question ids as keys, each with its texts."""
        if not isinstance(node, MappingNode):
            example = quiz.questions[0].id if quiz is not None else "ask-first"
            # The quiz file's own layout is the likeliest mistake: say so.
            hint = (
                ' (not "- id: …" as in the quiz file)' if isinstance(node, SequenceNode) else ""
            )
            self.error(
                key if _is_null(node) else node,
                f'"questions" is {_describe(node)}; expected each question\'s id as a key, e.g. '
                f'"{example}:", with its texts indented below it{hint}',
            )
            return
        ids = [q.id for q in quiz.questions] if quiz is not None else []
        for qkey, qnode in node.value:
            if not isinstance(qkey, ScalarNode) or qkey.value in self.question_lines:
                continue  # reported by check_duplicate_keys
            qid = qkey.value
            self.question_lines[qid] = _line(qkey)
            question = None
            if quiz is not None:
                if qid in ids:
                    question = quiz.question(qid)
                else:
                    self.error(
                        qkey,
                        f'question "{qid}" is not in {self.quiz_rel}' + _suggest(qid, ids),
                    )
            self.question(qkey, qnode, question)

    def question(self, key: ScalarNode, node: Node, question: Question | None) -> None:
        """Check one question's texts; ``question`` is the quiz's (None if unknown)."""
        qid = key.value
        label = f'question "{qid}"'
        if not isinstance(node, MappingNode):
            self.error(
                key if _is_null(node) else node,
                f'{label} is {_describe(node)}; expected its texts ("prompt:", "explanation:" …) '
                f'indented below "{qid}:"',
            )
            return
        found = self.fields(node, TRANSLATION_QUESTION_KEYS, label)
        whats = {
            "prompt": f"the prompt of {label}",
            "situation": f"the situation of {label}",
            "if_true": f'the "if_true" feedback of {label}',
            "if_false": f'the "if_false" feedback of {label}',
            "explanation": f"the explanation of {label}",
        }
        for name, what in whats.items():
            if name not in found:
                continue
            fkey, value = found[name]
            absent = self.absent_in_quiz(question, name, label)
            if absent:
                self.error(fkey, absent)
            else:
                self.take(fkey, value, (qid, name), what)
        if "options" in found:
            self.options(*found["options"], qid, label, question)

    def absent_in_quiz(self, question: Question | None, name: str, label: str) -> str | None:
        """Why the quiz's question has no text ``name`` to translate, if it has none."""
        if question is None:
            return None
        if name == "situation" and question.kind != "scenario":
            return (
                f'{label} is kind "{question.kind}" in {self.quiz_rel}, and only "scenario" '
                'questions have a "situation"; remove "situation" here'
            )
        if name in ("if_true", "if_false"):
            if question.kind != "truefalse":
                return (
                    f'{label} is kind "{question.kind}" in {self.quiz_rel}, and only "truefalse" '
                    f'questions have "{name}"; remove "{name}" here'
                )
            option = question.options[0 if name == "if_true" else 1]
            if option.feedback is None:
                return (
                    f'{label} has no "{name}" in {self.quiz_rel}, so there is nothing to '
                    f'translate; remove "{name}" here, or add it to the quiz file first'
                )
        return None

    def options(
        self, key: ScalarNode, node: Node, qid: str, label: str, question: Question | None
    ) -> None:
        """Check ``options:``: one item per option of the quiz, in its order."""
        if question is not None and question.kind == "truefalse":
            self.error(
                key,
                f'{label} is kind "truefalse" in {self.quiz_rel}, which has no "options"; remove '
                '"options" here (its feedback goes under "if_true:" and "if_false:")',
            )
            return
        if not isinstance(node, SequenceNode):
            self.error(
                key if _is_null(node) else node,
                f'the options of {label} are {_describe(node)}; expected a list with one '
                f'"- text:" for each option, in the order of {self.quiz_rel}',
            )
            return
        # Options are matched by position: a missing or extra one would put
        # every text after it beside the wrong answer.
        if question is not None and len(node.value) != len(question.options):
            count = len(question.options)
            self.error(
                key,
                f"{label} has {count} options in {self.quiz_rel} but {len(node.value)} here; "
                f'give one "- text:" for each of its {count} options, in the same order',
            )
        for number, item in enumerate(node.value, start=1):
            owner = f"option {number} of {label}"
            option = (
                question.options[number - 1]
                if question is not None and number <= len(question.options)
                else None
            )
            if not isinstance(item, MappingNode):
                self.error(
                    item,
                    f'{owner} is {_describe(item)}; expected "- text:" with the option\'s text',
                )
                continue
            found = self.fields(item, TRANSLATION_OPTION_KEYS, owner)
            if "text" in found:
                self.take(*found["text"], (qid, "options", number, "text"), owner)
            if "feedback" in found:
                fkey, value = found["feedback"]
                if option is not None and option.feedback is None:
                    self.error(
                        fkey,
                        f'{owner} has no "feedback" in {self.quiz_rel}, so there is nothing to '
                        'translate; remove "feedback" here, or add it to the quiz file first',
                    )
                else:
                    self.take(
                        fkey,
                        value,
                        (qid, "options", number, "feedback"),
                        f"the feedback of {owner}",
                    )

    def where_to_add(self, place: _Place) -> tuple[int, str]:
        """The line of this file where the text at ``place`` belongs, and what to add there."""
        if len(place) == 1:
            return 1, f'Add "{place[0]}: …" to this file'
        qid, key = place[0], place[-1]
        if qid in self.question_lines:
            inside = f" to option {place[2]}" if len(place) == 4 else ""
            return self.question_lines[qid], f'Add "{key}: …"{inside} under "{qid}:"'
        below = f' in option {place[2]} of its "options:"' if len(place) == 4 else " below it"
        return 1, f'Add "{qid}:" under "questions:", with "{key}: …"{below}'


@lru_cache(maxsize=None)
def _cldr_languages() -> dict[str, str]:
    """The language codes CLDR knows, site style (``zh-Hant``), by their lower case."""
    # Imported here: Babel is slow to import, and only a translation file for a
    # language the site does not build needs it.
    from babel import localedata

    codes = (c.replace("_", "-") for c in localedata.locale_identifiers() if c != "root")
    return {code.lower(): code for code in codes}


def _cldr_language(lang: str) -> str | None:
    """The code CLDR writes for ``lang`` ("zh-hant" → "zh-Hant"), or None if it knows none."""
    return _cldr_languages().get(lang.lower())


def _is_null(node: Node) -> bool:
    """True for an empty value (``key:`` with nothing after it)."""
    return isinstance(node, ScalarNode) and node.tag == _NULL_TAG


def _place(qid: str | None, key: str, option: int | None = None) -> _Place | None:
    """Where a question's text sits (see ``_Place``); None without a question id."""
    if qid is None:
        return None
    if option is None:
        return (qid, key)
    return (qid, "options", option, key)


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
