"""A quiz as the flat list of questions an LMS imports, per language.

Learning platforms have no branching inside a question bank, so a ``scenario``
question becomes an ordinary one-answer question (every good choice scores in
full) and each follow-up becomes a question of its own, placed right after the
question it branches from, its prompt opened by "Follow-up · If you chose “…”".
The number of exported questions is therefore the number of questions in the
quiz file. Texts are turned into safe HTML by the quiz renderer's own Markdown
subset (:func:`pingan.quiz.render.inline_markdown`), so an export never shows
what the site would not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pingan.core.catalogs import quiz_strings
from pingan.quiz.model import Option, Question, Quiz
from pingan.quiz.render import block_markdown, inline_markdown


@dataclass(frozen=True)
class Choice:
    """One option of an exported question, as HTML in one language."""

    ident: str  # "o1", "o2" … or "true"/"false": stable across languages and exports
    html: str
    correct: bool
    feedback: str | None


@dataclass(frozen=True)
class Item:
    """One exported question in one language."""

    quiz_id: str
    question_id: str
    lang: str
    kind: str  # the quiz file's kind: single, multiple, truefalse, scenario
    #: the paragraphs before the choices: follow-up note, situation, prompt (HTML).
    stem: str
    #: the prompt alone, inline HTML (QTI's <prompt>).
    prompt: str
    #: HTML paragraphs shown before the prompt (follow-up note, situation).
    lead: str
    choices: tuple[Choice, ...]
    explanation: str
    #: the "true"/"false" answer of a truefalse question.
    answer: bool | None = None

    @property
    def ident(self) -> str:
        """Stable identifier from the quiz and question ids: ``pingan.<quiz>.<question>.<lang>``."""
        return f"pingan.{self.quiz_id}.{self.question_id}.{self.lang}"

    @property
    def name(self) -> str:
        """The question's name in an LMS: ``<quiz>/<question>``."""
        return f"{self.quiz_id}/{self.question_id}"

    @property
    def multiple(self) -> bool:
        """True when the reader may tick several answers."""
        return self.kind == "multiple"


def ui_strings(lang: str) -> Mapping[str, str]:
    """The quiz's interface words in ``lang`` ("True", "Follow-up" …) from the UI catalogs."""
    return quiz_strings(lang)


def items(quiz: Quiz, lang: str) -> list[Item]:
    """The quiz's questions in ``lang``, in export order."""
    ui = ui_strings(lang)
    out = []
    for q, parent in quiz.in_order():
        lead = ""
        if parent is not None:
            labels = [_label(o, lang, ui) for o in parent.options if o.next == q.id]
            choice = "”, “".join(labels)
            note = inline_markdown(ui["followup"]) + " · " + inline_markdown(ui["if_chose"].replace("{choice}", choice))
            lead += f"<p>{note}</p>"
        if q.situation:
            lead += block_markdown(q.situation.text(lang))
        prompt = inline_markdown(" ".join(q.prompt.text(lang).split()))
        choices = []
        for n, o in enumerate(q.options, 1):
            ident = o.ui_label or f"o{n}"
            feedback = _feedback(q, o, lang)
            choices.append(Choice(ident, _label(o, lang, ui, html=True), o.correct, feedback))
        answer = next((o.value for o in q.options if o.correct), None) if q.kind == "truefalse" else None
        out.append(
            Item(
                quiz_id=quiz.id,
                question_id=q.id,
                lang=lang,
                kind=q.kind,
                stem=lead + f"<p>{prompt}</p>",
                prompt=prompt,
                lead=lead,
                choices=tuple(choices),
                explanation=block_markdown(q.explanation.text(lang)),
                answer=answer,
            )
        )
    return out


def _label(option: Option, lang: str, ui: Mapping[str, str], *, html: bool = False) -> str:
    if option.text is None:
        text = ui[option.ui_label or "true"]
        return inline_markdown(text) if html else text
    text = " ".join(option.text.text(lang).split())
    return inline_markdown(text) if html else text


def _feedback(q: Question, o: Option, lang: str) -> str | None:
    if o.feedback:
        return inline_markdown(" ".join(o.feedback.text(lang).split()))
    return None
