"""Checks one quiz file, merges its translation files, and builds its :class:`Quiz`. Plain Python."""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from yaml.nodes import MappingNode, Node, SequenceNode

from pingan.core import yamlnodes as nodes
from pingan.core.languages import translation_name
from pingan.core.paths import shown_path
from pingan.core.problems import MISSING_TRANSLATION, Problem
from pingan.core.text import CONTACT_RE
from pingan.quiz.model import Quiz
from pingan.quiz.questions import QuestionChecks
from pingan.quiz.schema import QUIZ_ID_RE, TOP_KEYS
from pingan.quiz.source import Branch, PendingText, QuestionInfo
from pingan.quiz.translations import TranslationFile


def digest(quiz: bytes, translations: Sequence[tuple[str, bytes]]) -> str:
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


class FileChecker(QuestionChecks):
    """Checks one quiz file and builds its :class:`Quiz` if nothing is wrong."""

    def __init__(self, path: Path, root: Path, languages: list[str], default: str) -> None:
        super().__init__(path, shown_path(path, root))
        self.root = root
        self.languages = languages
        self.default = default
        self.incomplete: set[str] = set()
        #: every text read, in the order of the file, to fill in and report its
        #: missing languages once the translation files have been merged in.
        self.pending: list[PendingText] = []
        #: the quiz-file line of the text a warning in a translation file is about.
        self.quiz_lines: dict[Problem, int] = {}
        #: every ``{{ contact.x }}`` in the texts: (line, name), for the site to check and fill.
        self.placeholders: list[tuple[int, str]] = []

    def empty_message(self) -> str:
        return 'this quiz file is empty; expected "title:" and "questions:" (see quizzes/README.md)'

    # -- the file ------------------------------------------------------------

    def run(self, translations: Sequence[Path] = ()) -> Quiz | None:
        """Check the quiz file and its translation files; the quiz, or None if anything was wrong.

        The quiz file's problems come first, sorted by line, then each
        translation file's, in the order of their names.
        """
        data = self.path.read_bytes()
        others = [(p, p.read_bytes()) for p in sorted(translations, key=lambda p: p.name)]
        quiz = self.check_file(data, digest(data, [(p.name, b) for p, b in others]))
        checked: list[TranslationFile] = []
        for path, tdata in others:
            parts = translation_name(path)
            assert parts is not None, f"not a translation file name: {path.name}"
            checker = TranslationFile(
                path,
                shown_path(path, self.root),
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
        self.warnings.sort(key=lambda p: (order.get(p.path, 0), p.line, self.quiz_lines.get(p, p.line)))
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

    def fill_missing(self, translations: Sequence[TranslationFile]) -> None:
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
            names = dict.fromkeys(m.group("name") for text in texts.values() for m in CONTACT_RE.finditer(text))
            self.placeholders += [(nodes.line(item.node), name) for name in names]
            for lang in self.languages:
                if lang in texts:
                    continue
                texts[lang] = texts[self.default]
                self.incomplete.add(lang)
                lead = f'{item.what} has no "{lang}" text; using the "{self.default}" text.'
                found = by_lang.get(lang)
                if found is None or item.place is None:
                    self.warn(item.node, f'{lead} Add "{lang}: …"', language=lang, code=MISSING_TRANSLATION)
                elif not found.errors:
                    line, hint = found.where_to_add(item.place)
                    problem = Problem(
                        found.rel, line, f"{lead} {hint}", "warning", language=lang, code=MISSING_TRANSLATION
                    )
                    self.warnings.append(problem)
                    self.quiz_lines[problem] = nodes.line(item.node)
            # The site's language order, whatever order the texts came in.
            ordered = {lang: texts[lang] for lang in self.languages}
            texts.clear()
            texts.update(ordered)

    def check_quiz(self, root: Node, quiz_id: str, digest: str) -> Quiz | None:
        """Check the top level and every question."""
        if not isinstance(root, MappingNode):
            self.error(
                root,
                f"the quiz is {nodes.describe(root)}; expected the keys "
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
        infos: list[QuestionInfo] = []
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
                    f'"questions" is {nodes.describe(qnode)}; expected a list of questions, each starting with "- id:"',
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

    def check_across(self, infos: list[QuestionInfo]) -> None:
        """Unique ids, branch targets, one parent per follow-up, no loops."""
        by_id: dict[str, QuestionInfo] = {}
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
        edges: dict[str, list[Branch]] = {}
        parent: dict[str, str] = {}
        for qid, info in by_id.items():
            for branch in info.branches:
                if branch.target not in by_id:
                    close = difflib.get_close_matches(branch.target, by_id, n=1, cutoff=0.6)
                    hint = f'did you mean "{close[0]}"?' if close else "expected the id of a question in this file"
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
        loops = cycles(list(by_id), {q: [b.target for b in bs] for q, bs in edges.items()})
        in_loop = {(c[i], c[(i + 1) % len(c)]) for c in loops for i in range(len(c))}
        for qid, branches in edges.items():
            for branch in branches:
                if order[branch.target] < order[qid] and (qid, branch.target) not in in_loop:
                    # The earlier question would silently become a hidden follow-up.
                    self.error(
                        branch.line,
                        f'{branch.owner} leads back to "{branch.target}", a question above it '
                        f"(line {by_id[branch.target].line}); a follow-up must come after the question "
                        'that leads to it: move it below, or point "next" at a later question',
                    )
        for cycle in loops:
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


def cycles(nodes: list[str], edges: dict[str, list[str]]) -> list[list[str]]:
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
                cycle = path[path.index(nxt) :]
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
