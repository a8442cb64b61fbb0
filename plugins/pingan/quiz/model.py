"""The quiz model: what a quiz file means once it has been loaded and checked.

Plain Python: nothing here imports MkDocs, so the model, its validation
(``loader``) and its HTML (``render``) can move to another site generator.

One quiz file holds the structure and the answer key once; every piece of
text that readers see is a :class:`Localized` mapping from language code to
text, so the languages can never disagree about which answer is right.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from pingan.core.text import Localized

#: The kinds of question an author may write (``kind:`` in YAML).
KINDS: tuple[str, ...] = ("single", "multiple", "truefalse", "scenario")

Kind = Literal["single", "multiple", "truefalse", "scenario"]


@dataclass(frozen=True)
class Option:
    """One answer a reader can choose.

    For ``truefalse`` questions the loader makes two options itself, with
    ``value`` True and False and ``text`` None: their labels ("True"/"False",
    "对"/"错") come from the UI catalogs, not from the quiz file.
    """

    text: Localized | None
    correct: bool
    line: int
    feedback: Localized | None = None
    #: id of the follow-up question this choice leads to (branching).
    next: str | None = None
    #: True/False for the two options of a ``truefalse`` question.
    value: bool | None = None

    @property
    def ui_label(self) -> str | None:
        """``"true"``/``"false"`` for an option of a ``truefalse`` question, whose label is the
        UI catalogs' word of that name; None for an option with its own text."""
        if self.value is None:
            return None
        return "true" if self.value else "false"


@dataclass(frozen=True)
class Question:
    """One question of a quiz, in the order of the file."""

    id: str
    kind: Kind
    prompt: Localized
    options: tuple[Option, ...]
    explanation: Localized
    line: int
    #: the short situation a ``scenario`` question starts from.
    situation: Localized | None = None

    @property
    def correct_options(self) -> tuple[Option, ...]:
        """The options marked right."""
        return tuple(o for o in self.options if o.correct)

    @property
    def branches(self) -> tuple[str, ...]:
        """Ids of the follow-up questions this question's options lead to."""
        return tuple(dict.fromkeys(o.next for o in self.options if o.next))


@dataclass(frozen=True)
class Quiz:
    """A whole quiz file, checked."""

    id: str
    #: path as shown in messages, relative to the project: ``quizzes/x.yml``.
    path: str
    title: Localized
    questions: tuple[Question, ...]
    #: short hash of the file's content: a changed quiz gets a new digest, so
    #: answers saved in a browser for the old version are never restored.
    digest: str
    intro: Localized | None = None
    #: languages whose text had to fall back to the default language.
    incomplete_languages: frozenset[str] = field(default_factory=frozenset)

    def question(self, qid: str) -> Question:
        """The question with id ``qid`` (KeyError if none)."""
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)

    @property
    def followup_ids(self) -> frozenset[str]:
        """Ids of the questions reached only through a branch."""
        return frozenset(n for q in self.questions for n in q.branches)

    @property
    def main_questions(self) -> tuple[Question, ...]:
        """The questions every reader sees, in order (no follow-ups)."""
        follow = self.followup_ids
        return tuple(q for q in self.questions if q.id not in follow)

    def in_order(self) -> Iterator[tuple[Question, Question | None]]:
        """Every question once: each main question followed by the follow-ups its choices lead
        to (depth first), as the quiz, its slides and its exports show them.

        Yields ``(question, parent)``; ``parent`` is None for a main question, else the
        question it branches from.
        """
        seen: set[str] = set()

        def walk(q: Question, parent: Question | None) -> Iterator[tuple[Question, Question | None]]:
            if q.id in seen:  # the loader forbids loops; never show a question twice anyway
                return
            seen.add(q.id)
            yield q, parent
            for nid in q.branches:
                try:
                    follow = self.question(nid)
                except KeyError:  # a branch to nowhere is the loader's error, not a question
                    continue
                yield from walk(follow, q)

        for q in self.main_questions:
            yield from walk(q, None)
        for q in self.questions:  # none is left in a checked quiz (no loops); never lose one
            yield from walk(q, None)


def quiz_texts(quiz: Quiz) -> Iterator[Localized]:
    """Every text of ``quiz`` a reader sees (title, intro, prompts, options, feedback, explanations)."""
    yield quiz.title
    if quiz.intro is not None:
        yield quiz.intro
    for q in quiz.questions:
        yield from (t for t in (q.prompt, q.situation, q.explanation) if t is not None)
        for option in q.options:
            yield from (t for t in (option.text, option.feedback) if t is not None)
