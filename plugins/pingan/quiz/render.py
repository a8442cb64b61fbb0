"""Render a checked :class:`~pingan.quiz.model.Quiz` as plain, semantic HTML.

The HTML works on its own: without JavaScript, and on paper. Each question is
a ``<fieldset>`` with a ``<legend>``, real radio buttons or check boxes with
their ``<label>``, and a closed ``<details>`` holding the right answer, the
feedback of each option and the explanation. ``assets/quiz.mjs`` then turns
the same markup into a live quiz (Check buttons, marks, score, progress) and
``assets/quiz.css`` styles it; both read only the classes and ``data-pa-*``
attributes written here, so this module is the contract between them.

Structure (``…`` = repeated; ``[hidden]`` = shown by the script)::

    section.pa-quiz[data-pa-quiz][data-pa-version][data-pa-lang][aria-labelledby][data-search-exclude]
      h2-h6.pa-quiz__title
      div.pa-quiz__intro?
      form.pa-quiz__form[method=dialog]        (a stray Enter never reloads the page)
        div.pa-quiz__question[data-pa-q][data-pa-kind][data-pa-followup?] …
          p.pa-quiz__count                     "Question 1 of 4" | "Follow-up"
          p.pa-quiz__branch …                  follow-ups: "If you chose “…”"
          div.pa-quiz__situation?              scenarios
          fieldset.pa-quiz__fieldset
            legend.pa-quiz__legend > span.pa-quiz__prompt + span.pa-quiz__hint
            div.pa-quiz__options > div.pa-quiz__option[data-pa-value] …
              label.pa-quiz__choice > input.pa-quiz__input[data-pa-correct?][data-pa-next?]
                                    + span.pa-quiz__text
          button.pa-quiz__check[hidden]
          details.pa-quiz__answer > summary + div.pa-quiz__answer-body
            ul.pa-quiz__notes > li.pa-quiz__note[data-pa-for](--correct) …
            div.pa-quiz__explanation
        div.pa-quiz__end[hidden] > p.pa-quiz__score + button.pa-quiz__reset
      p.pa-quiz__status[role=status]           the live region (visually hidden)

``data-search-exclude`` keeps the quiz out of the site's search index (Material's search,
and its successor's, honour it): a quiz's text holds its answers, and indexing it cost
build time only to be thrown away (pingan.mkdocs.site.plugin drops any quiz entry that gets through).

Follow-up questions come right after the question whose choice leads to
them, so they read in order without JavaScript; the script hides them until
that choice is checked.

Text safety: every quiz text is escaped; the only markup authors get is a
tiny Markdown subset (``**bold**``, ``*emphasis*``, ```code```, and links to
``http(s):``, ``tel:`` and ``mailto:``), applied to the escaped text, so
``<script>`` or ``onerror=`` in a quiz file shows as text and never runs.

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from html import escape
from urllib.parse import urlsplit

from pingan.core.catalogs import fill
from pingan.core.text import Localized
from pingan.quiz.model import Option, Question, Quiz

__all__ = ["QuizText", "inline_markdown", "block_markdown", "render_quiz", "strings_script", "STRINGS_ID"]

#: id of the page's ``<script type="application/json">`` with the UI strings.
STRINGS_ID = "pa-quiz-strings"
#: The UI strings the script needs (keys of :data:`pingan.core.catalogs.QUIZ_STRINGS`).
SCRIPT_STRINGS = (
    "check",
    "correct",
    "wrong",
    "again",
    "clear",
    "score",
    "right",
    "chose_right",
    "chose_wrong",
    "choose_first",
)
#: Link schemes a quiz text may use; anything else (``javascript:``…) stays text.
SAFE_SCHEMES = frozenset({"http", "https", "tel", "mailto"})

_CODE_RE = re.compile(r"`([^`\n]+)`")
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\(\s*([^()\s]+)\s*\)")
_STRONG_RE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM_RE = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_STASH_RE = re.compile("\x00(\\d+)\x00")
_PARAGRAPH_SPLIT_RE = re.compile(r"\n[ \t]*\n+")


# -- text ------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def inline_markdown(text: str) -> str:
    """Escape ``text`` and apply the tiny inline Markdown subset; safe to put in HTML.

    Cached: a quiz's texts are rendered in its lesson and again in the lesson's deck, in
    every language whose page falls back to them.

    >>> inline_markdown('Call [110](tel:110) <b onerror="x">')
    'Call <a href="tel:110">110</a> &lt;b onerror="x"&gt;'
    """
    text = text.replace("\x00", "")
    stash: list[str] = []

    def keep(html: str) -> str:
        stash.append(html)
        return f"\x00{len(stash) - 1}\x00"

    def code(m: re.Match[str]) -> str:
        return keep(f"<code>{escape(m.group(1), quote=False)}</code>")

    def link(m: re.Match[str]) -> str:
        label, url = m.group(1), m.group(2)
        scheme = urlsplit(url).scheme.lower() if ":" in url else ""
        if scheme not in SAFE_SCHEMES:
            return m.group(0)  # left as plain text, escaped below
        return keep(f'<a href="{escape(url)}">{_emphasis(escape(label, quote=False))}</a>')

    text = _CODE_RE.sub(code, text)
    text = _LINK_RE.sub(link, text)
    text = _emphasis(escape(text, quote=False))
    # Stashed HTML may itself hold stashed code (a code span inside a link label).
    while _STASH_RE.search(text):
        text = _STASH_RE.sub(lambda m: stash[int(m.group(1))], text)
    return text


def _emphasis(escaped: str) -> str:
    escaped = _STRONG_RE.sub(r"<strong>\1</strong>", escaped)
    return _EM_RE.sub(r"<em>\1</em>", escaped)


def block_markdown(text: str) -> str:
    """Like :func:`inline_markdown`, with blank lines separating ``<p>`` paragraphs."""
    paragraphs = [p.strip() for p in _PARAGRAPH_SPLIT_RE.split(text.strip()) if p.strip()]
    return "".join(f"<p>{inline_markdown(' '.join(p.split()))}</p>" for p in paragraphs)


def strings_script(strings: Mapping[str, str]) -> str:
    """The ``<script type="application/json">`` that gives the script its UI strings.

    ``<``, ``>`` and ``&`` are written as ``\\u003c`` etc., so no text can
    close the script element early.
    """
    data = {key: strings[key] for key in SCRIPT_STRINGS}
    payload = (
        json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return f'<script type="application/json" id="{STRINGS_ID}">{payload}</script>'


# -- quiz ------------------------------------------------------------------------


def render_quiz(
    quiz: Quiz,
    *,
    lang: str,
    default_language: str,
    strings: Mapping[str, str],
    heading_level: int = 3,
    uid: str | None = None,
) -> str:
    """The HTML of ``quiz`` in ``lang``.

    Args:
        quiz: a checked quiz (every text present in every site language).
        lang: the language of the page being built.
        default_language: the language missing translations fell back to; a
            fallback text is marked ``lang="<default>"`` so screen readers
            and fonts treat it right.
        strings: the translated UI words, as :func:`pingan.core.catalogs.quiz_strings` gives.
        heading_level: 2-6, the level of the quiz title (one below the
            heading the quiz stands under).
        uid: unique on the page, used in element ids; defaults to the quiz id
            (pass another when the same quiz appears twice on one page).
    """
    return _Renderer(quiz, lang, default_language, strings, heading_level, uid or quiz.id).quiz()


class QuizText:
    """A quiz's texts in one language as HTML, marked ``lang`` where they fell back to the
    default language (a missing translation, or one copied from it in a language listed as
    incomplete), so screen readers and fonts treat them right. Shared by the quiz and its
    slides (pingan.slides)."""

    def __init__(self, quiz: Quiz, lang: str, default: str) -> None:
        self.lang = lang
        self.default = default
        self.incomplete = quiz.incomplete_languages

    def _pick(self, text: Localized) -> tuple[str, str | None]:
        """The text for this page, and the language to mark it with if it fell back."""
        value = text.text(self.lang, self.default)
        fell_back = self.lang != self.default and (
            self.lang not in text or (self.lang in self.incomplete and value == text.get(self.default))
        )
        return value, (self.default if fell_back else None)

    def inline(self, text: Localized | None) -> str:
        """Inline HTML of a quiz text (a ``<span lang>`` around a fallback)."""
        if text is None:
            return ""
        value, other = self._pick(text)
        html = inline_markdown(value)
        return f'<span lang="{escape(other)}">{html}</span>' if other else html

    def block(self, text: Localized, cls: str, id_: str | None = None) -> str:
        """A ``<div>`` of paragraphs for a longer quiz text."""
        value, other = self._pick(text)
        attrs = f' class="{cls}"'
        if id_:
            attrs += f' id="{id_}"'
        if other:
            attrs += f' lang="{escape(other)}"'
        return f"<div{attrs}>{block_markdown(value)}</div>"


class _Renderer(QuizText):
    """Renders one quiz in one language; a class only to share its settings."""

    def __init__(
        self,
        quiz: Quiz,
        lang: str,
        default: str,
        strings: Mapping[str, str],
        level: int,
        uid: str,
    ) -> None:
        super().__init__(quiz, lang, default)
        self.quiz_ = quiz
        self.s = strings
        self.level = min(max(int(level), 2), 6)
        self.uid = re.sub(r"[^A-Za-z0-9_-]", "-", uid)
        self.parents: dict[str, list[tuple[Question, Option]]] = {}
        for q in quiz.questions:
            for o in q.options:
                if o.next:
                    self.parents.setdefault(o.next, []).append((q, o))

    # -- text helpers (inline, block: QuizText) -----------------------------------

    def ui(self, key: str, **values: object) -> str:
        """A UI string, filled and escaped (values must already be safe HTML)."""
        template = escape(self.s[key], quote=False)
        return fill(template, {k: v for k, v in values.items()})

    def dom_id(self, *parts: str) -> str:
        return "-".join(("pa-quiz", self.uid, *(re.sub(r"[^A-Za-z0-9_-]", "-", p) for p in parts)))

    # -- structure ---------------------------------------------------------------

    def quiz(self) -> str:
        quiz = self.quiz_
        title_id = self.dom_id("title")
        out = [
            f'<section class="pa-quiz" id="{self.dom_id()}" data-pa-quiz="{escape(quiz.id)}"'
            f' data-pa-version="{escape(quiz.digest)}" data-pa-lang="{escape(self.lang)}"'
            f' aria-labelledby="{title_id}" data-search-exclude>',
            f'<h{self.level} class="pa-quiz__title" id="{title_id}">{self.inline(quiz.title)}</h{self.level}>',
        ]
        if quiz.intro is not None:
            out.append(self.block(quiz.intro, "pa-quiz__intro"))
        out.append('<form class="pa-quiz__form" method="dialog">')
        total = len(quiz.main_questions)
        number = 0
        for question, parent in quiz.in_order():
            if parent is None:
                number += 1
                out.append(self.question(question, number=number, total=total))
            else:
                out.append(self.question(question, number=None, total=None))
        out.append(
            '<div class="pa-quiz__end" hidden><p class="pa-quiz__score"></p>'
            f'<button type="button" class="pa-quiz__reset">{self.ui("clear")}</button></div>'
        )
        out.append("</form>")
        out.append('<p class="pa-quiz__status" role="status"></p>')
        out.append("</section>")
        return "\n".join(out)

    def question(self, q: Question, *, number: int | None, total: int | None) -> str:
        qid = self.dom_id(q.id)
        follow = number is None
        multiple = q.kind == "multiple"
        attrs = f'class="pa-quiz__question" id="{qid}" data-pa-q="{escape(q.id)}" data-pa-kind="{q.kind}"'
        if follow:
            attrs += " data-pa-followup"
        out = [f"<div {attrs}>"]
        if follow:
            out.append(f'<p class="pa-quiz__count">{self.ui("followup")}</p>')
            for _parent, option in self.parents.get(q.id, []):
                out.append(f'<p class="pa-quiz__branch">{self.ui("if_chose", choice=self.option_label(option))}</p>')
        else:
            out.append(f'<p class="pa-quiz__count">{self.ui("number", n=number, total=total)}</p>')
        fieldset_attrs = 'class="pa-quiz__fieldset"'
        if q.situation is not None:
            sid = f"{qid}-situation"
            out.append(self.block(q.situation, "pa-quiz__situation", sid))
            fieldset_attrs += f' aria-describedby="{sid}"'
        hint = self.ui("all" if multiple else "one")
        out.append(f"<fieldset {fieldset_attrs}>")
        out.append(
            f'<legend class="pa-quiz__legend"><span class="pa-quiz__prompt">{self.inline(q.prompt)}</span>'
            f' <span class="pa-quiz__hint">{hint}</span></legend>'
        )
        out.append('<div class="pa-quiz__options">')
        kind = "checkbox" if multiple else "radio"
        for index, option in enumerate(q.options):
            value = self.option_value(option, index)
            input_attrs = f'class="pa-quiz__input" type="{kind}" name="{qid}" value="{value}" id="{qid}-{value}"'
            if option.correct:
                input_attrs += " data-pa-correct"
            if option.next:
                input_attrs += f' data-pa-next="{escape(option.next)}"'
            out.append(
                f'<div class="pa-quiz__option" data-pa-value="{value}">'
                f'<label class="pa-quiz__choice" for="{qid}-{value}"><input {input_attrs}>'
                f'<span class="pa-quiz__text">{self.option_label(option)}</span></label></div>'
            )
        out.append("</div>")
        out.append("</fieldset>")
        out.append(f'<button type="button" class="pa-quiz__check" hidden>{self.ui("check")}</button>')
        out.append(self.answer(q))
        out.append("</div>")
        return "\n".join(out)

    def answer(self, q: Question) -> str:
        """The closed ``<details>``: right answer(s), each option's feedback, explanation."""
        notes = []
        for index, option in enumerate(q.options):
            if not option.correct and option.feedback is None:
                continue
            value = self.option_value(option, index)
            cls = "pa-quiz__note pa-quiz__note--correct" if option.correct else "pa-quiz__note"
            parts = [f'<li class="{cls}" data-pa-for="{value}">']
            if option.correct:
                parts.append(f'<span class="pa-quiz__tag"><span aria-hidden="true">✓ </span>{self.ui("right")}</span> ')
            parts.append(f'<span class="pa-quiz__note-option">{self.option_label(option)}</span>')
            if option.feedback is not None:
                parts.append(self.block(option.feedback, "pa-quiz__note-text"))
            parts.append("</li>")
            notes.append("".join(parts))
        body = []
        if notes:
            body.append('<ul class="pa-quiz__notes">' + "".join(notes) + "</ul>")
        body.append(self.block(q.explanation, "pa-quiz__explanation"))
        return (
            '<details class="pa-quiz__answer">'
            f'<summary class="pa-quiz__summary">{self.ui("answer")}</summary>'
            f'<div class="pa-quiz__answer-body">{"".join(body)}</div></details>'
        )

    # -- options -----------------------------------------------------------------

    @staticmethod
    def option_value(option: Option, index: int) -> str:
        """The form value of an option: ``true``/``false``, else its position."""
        return option.ui_label or str(index)

    def option_label(self, option: Option) -> str:
        """An option's label: its text, or "True"/"False" from the catalog."""
        if option.text is None:
            return self.ui(option.ui_label or "true")
        return self.inline(option.text)
