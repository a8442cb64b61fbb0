"""Turn a rendered lesson into slides for a class: one per ``## `` section, one per quiz question.

The slides come from the same HTML the lesson page shows (MkDocs' ``page.content``),
so there is never a second copy of a lesson to keep in step:

- :func:`split_sections` cuts the HTML at each top-level ``<h2>``; what comes
  before the first one is the lesson's introduction.
- :func:`lesson_slides` makes one slide per section. A section too long to read
  from the back of a classroom continues on further slides, cut between
  paragraphs or between list items (a numbered list keeps its numbers).
  Two kinds of section teach one thing per slide, in large type (AUTHORING.md,
  "Slides", says so for editors):

  - key points: a section of bulleted lists and nothing else (not the lesson's
    last section, its sources), each list after at most one short paragraph (its
    lead-in), each item at most :data:`POINT_MAX_EM` wide, shows one item per
    slide, under its lead-in;
  - a story: a section of paragraphs with at least one picture is told in steps,
    one paragraph per slide (a long one cut between sentences), each picture on
    the slide of the paragraph after it (after the last paragraph: with the last).
  Where the lesson has a quiz (a marker the caller names: the quiz plugin's
  placeholder), the quiz object of the model gives its own slides.
- :func:`quiz_slides` makes those from the quiz model: an opening slide, then
  one question per slide with its options as a big lettered list and nothing
  to fill in; the right answers and the explanation wait, hidden, for the
  teacher to reveal them. A follow-up question gets its own slide, headed with
  the choice that leads to it.
- :func:`qr_svg` draws the lesson's address as an inline SVG QR code (segno).

Every text from a quiz file is escaped (with the quiz's tiny Markdown subset);
lesson HTML is the site's own output and is kept, minus heading anchors and scripts.

Plain Python: no MkDocs import. The words of the deck's interface are
:data:`DECK_STRINGS` (English msgids, translated by :func:`deck_strings`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from html import escape

from pingan.core import catalogs as i18n
from pingan.core.catalogs import N_, fill
from pingan.quiz.model import Option, Question, Quiz
from pingan.quiz.render import QuizText
from pingan.slides.html import Section, blocks, clean, plain_text, split_sections, tag_name
from pingan.slides.paginate import LINES_PER_SLIDE, em_width, paginate

__all__ = [
    "DECK_STRINGS",
    "QR_ERROR",
    "QR_SVG_OPTIONS",
    "Slide",
    "deck_strings",
    "lesson_slides",
    "qr_svg",
    "quiz_slides",
]

#: The deck's interface words: key -> English source text (the gettext msgid).
#: ``{n}``, ``{total}``, ``{title}`` and ``{url}`` are filled in by the deck; keep them.
DECK_STRINGS: dict[str, str] = {
    # TRANSLATORS: what a screen reader calls one page of the presentation ("slide 3 / 12").
    "slide": N_("slide"),
    # TRANSLATORS: the slide counter in the corner of the presentation, e.g. "3 / 12".
    "counter": N_("{n} / {total}"),
    # TRANSLATORS: read out by screen readers when the presentation moves to another slide.
    "announce": N_("Slide {n} of {total}: {title}"),
    # TRANSLATORS: heading of a slide that goes on with the section of the slide before.
    "continued": N_("{title} (continued)"),
    # TRANSLATORS: button on a quiz slide: the teacher shows the right answer to the class.
    "show": N_("Show answer"),
    # TRANSLATORS: the same button once the answer is shown: hide it again.
    "hide": N_("Hide answer"),
    # TRANSLATORS: button: show the presentation on the whole screen.
    "full": N_("Full screen"),
    # TRANSLATORS: the same button in full-screen mode: go back to a window.
    "exit_full": N_("Leave full screen"),
    # TRANSLATORS: button: go back one slide.
    "prev": N_("Previous slide"),
    # TRANSLATORS: button: go on to the next slide.
    "next": N_("Next slide"),
    # TRANSLATORS: link from the presentation back to the lesson's ordinary page.
    "back": N_("Back to the lesson"),
    # TRANSLATORS: the name of the space bar, in the help line of the presentation.
    "space": N_("Space"),
    # TRANSLATORS: above the QR code on the last slide: pupils scan it with a phone.
    "phone": N_("Open this lesson on a phone"),
    # TRANSLATORS: what a screen reader says for the QR code image.
    "qr": N_("QR code for {url}"),
    # TRANSLATORS: the browser tab title of a presentation, e.g. "Slides: Check first".
    "deck": N_("Slides: {title}"),
    # TRANSLATORS: start of the help line at the bottom of the presentation: which key does what.
    "help": N_("Keys"),
    # TRANSLATORS: one fact on the title slide, e.g. "For: Children", "Time: 20 minutes".
    "fact": N_("{label}: {value}"),
    # TRANSLATORS: name of the bar of buttons under the slides (for screen readers).
    "controls": N_("Slide controls"),
}

#: segno settings of the QR code (tests draw the same code with them to compare).
QR_ERROR = "m"
#: ``segno.QRCode.svg_inline`` settings: dark on white with a 4-module quiet zone,
#: no fixed size (the stylesheet sizes it), so it stays scannable when projected.
QR_SVG_OPTIONS: dict[str, object] = {
    "scale": 1,
    "border": 4,
    "dark": "#000",
    "light": "#fff",
    "omitsize": True,
    "svgclass": "pa-qr",
    "lineclass": None,
}

#: The widest key point (in em, :func:`pingan.slides.paginate.em_width`: a Chinese character
#: is 1, a Latin letter about 0.58) a slide shows in large type: about 260 Chinese characters,
#: 450 letters. A section with a longer item stays a list.
POINT_MAX_EM = 260.0
#: The longest lead-in of a list of key points (a paragraph just before the list: "Tricks
#: people use:"), in em: about two lines on a projector.
LEAD_MAX_EM = 140.0
#: Type sizes of a key point or a story step, by its width in em: (at most, CSS class). The
#: shorter it is, the larger it is set (assets/slides.css sizes each class).
TEXT_SIZES: tuple[tuple[float, str], ...] = ((60.0, "pa-big--l"), (140.0, "pa-big--m"), (math.inf, "pa-big--s"))
#: Lines (:data:`~pingan.slides.paginate.LINES_PER_SLIDE` units) of one story step beside its
#: picture: a longer paragraph is told in two steps or more, cut between sentences.
STEP_LINES = 4.5


@dataclass(frozen=True)
class Slide:
    """One slide. Every HTML field is safe to put in a page as it is."""

    kind: str
    """``section``, ``point`` (one key point), ``step`` (one step of a story), ``quiz`` (a
    quiz's opening slide), ``question``; the deck adds ``title``, ``goals`` and ``end``."""
    heading: str
    """The heading, HTML."""
    body: str = ""
    """Everything under the heading, HTML."""
    kicker: str = ""
    """A short line above the heading: "Question 2 of 6", "If you chose “…”"."""
    answer: str = ""
    """What the teacher reveals (HTML; the deck hides it, and the marks in ``body`` that
    carry ``data-pa-reveal``, until then). Empty: nothing to reveal."""
    anchor: str = ""
    """The id of the lesson heading this slide shows, so ``#<id>`` links find it."""
    continued: bool = False
    """True on the second and later slides of a long section."""


# -- interface words ----------------------------------------------------------------


def deck_strings(lang: str) -> dict[str, str]:
    """Every deck interface word (:data:`DECK_STRINGS`) translated into ``lang``.

    Raises:
        pingan.core.catalogs.MissingCatalogError: ``lang`` has no catalog.
    """
    t = i18n.translations(lang)
    return {key: t.gettext(msgid) for key, msgid in DECK_STRINGS.items()}


# -- lesson slides ------------------------------------------------------------------------


def lesson_slides(
    html: str,
    *,
    strings: Mapping[str, str],
    title: str = "",
    markers: Mapping[str, str] | None = None,
    quiz: Callable[[str, str], list[Slide]] | None = None,
    budget: float = LINES_PER_SLIDE,
) -> list[Slide]:
    """The slides of a lesson's HTML: its sections, long ones continued, quizzes as slides.

    Args:
        html: the lesson's own HTML, with a marker where each quiz stands (the quiz
            plugin's placeholders: the quiz objects come from the model, not from HTML).
        strings: the deck's words (:func:`deck_strings`), for "(continued)".
        title: the lesson title (escaped here), heading the introduction's slide if it has one.
        markers: marker text -> quiz id.
        quiz: ``quiz(quiz_id, section_heading_html)`` gives the slides of a quiz;
            without it (or when it returns nothing) a quiz is left out.
        budget: lines per slide (see :data:`LINES_PER_SLIDE`).
    """
    markers = dict(markers or {})
    intro, sections = split_sections(clean(html))
    slides: list[Slide] = []
    if intro.strip():
        sections.insert(0, Section(escape(title), "", intro))
    last = sections[-1] if sections else None
    for section in sections:
        parts = list(section.parts) or blocks(section.body)
        if not any(m in section.body for m in markers):
            taught = _points(section, parts, strings) if section is not last else []
            taught = taught or _steps(section, parts, strings)
            if taught:
                slides.extend(taught)
                continue
        pending: list[str] = []

        def flush(section: Section = section, pending: list[str] = pending) -> None:
            if not any(plain_text(b) for b in pending):
                pending.clear()
                return
            first = not any(s.anchor == section.heading_id and s.kind == "section" for s in slides)
            for n, page in enumerate(paginate(pending, budget)):
                more = n > 0 or not first
                heading = (
                    fill(escape(strings["continued"], quote=False), {"title": section.heading})
                    if more
                    else section.heading
                )
                slides.append(Slide("section", heading, "\n".join(page), anchor=section.heading_id, continued=more))
            pending.clear()

        for block in parts:
            marker = next((m for m in markers if m in block), None)
            if marker is None:
                pending.append(block)
                continue
            rest = _without_marker(block, marker)
            if rest.strip():
                pending.append(rest)  # a quiz inside a list or a box: the rest first
            flush()
            made = quiz(markers[marker], section.heading) if quiz else []
            slides.extend(replace(s, anchor=s.anchor or section.heading_id) for s in made)
        flush()
    return slides


def _without_marker(block: str, marker: str) -> str:
    """``block`` without a quiz marker (and the paragraph Markdown made around it)."""
    return re.sub(rf"<p>\s*{re.escape(marker)}\s*</p>", "", block, count=1).replace(marker, "", 1)


def _size(html: str) -> str:
    """The type-size class of a key point or story step (:data:`TEXT_SIZES`)."""
    width = em_width(plain_text(html))
    return next(cls for most, cls in TEXT_SIZES if width <= most)


def _numbered(section: Section, bodies: list[str], strings: Mapping[str, str], kind: str) -> list[Slide]:
    """One slide of ``kind`` per body, headed by the section, counted "2 / 6" in its kicker."""
    total = len(bodies)
    return [
        Slide(
            kind,
            section.heading,
            body,
            kicker=f'<span class="pa-slide__step">{_ui(strings, "counter", n=n, total=total)}</span>',
            anchor=section.heading_id,
            continued=n > 1,
        )
        for n, body in enumerate(bodies, start=1)
    ]


def _points(section: Section, parts: list[str], strings: Mapping[str, str]) -> list[Slide]:
    """Key points: a section of bulleted lists, each list after at most one short paragraph
    (its lead-in, shown above each of its items), one item per slide (else nothing)."""
    bodies: list[str] = []
    lead = ""
    for block in parts:
        name = tag_name(block)
        if name == "p" and not lead and not _is_picture(block) and em_width(plain_text(block)) <= LEAD_MAX_EM:
            lead = block.replace("<p", '<p class="pa-point__lead"', 1)
            continue
        if name != "ul":
            return []
        items = [b for b in blocks(block[block.find(">") + 1 : block.lower().rfind("</ul")]) if tag_name(b) == "li"]
        for n, item in enumerate(items):
            inner = item[item.find(">") + 1 : item.lower().rfind("</li")].strip()
            if em_width(plain_text(inner)) > POINT_MAX_EM:
                return []
            # Repeated over its list's slides (a phone shows the repeats cut to two lines).
            above = lead.replace("pa-point__lead", "pa-point__lead pa-point__lead--again", 1) if n else lead
            bodies.append(f'{above}<div class="pa-big pa-point {_size(lead + inner)}">{inner}</div>')
        lead = ""
    if lead or len(bodies) < 2:
        return []
    return _numbered(section, bodies, strings, "point")


def _steps(section: Section, parts: list[str], strings: Mapping[str, str]) -> list[Slide]:
    """A story in steps: paragraphs and pictures only, at least one of each (else nothing)."""
    if not any(_is_picture(b) for b in parts) or not all(tag_name(b) == "p" for b in parts):
        return []
    steps: list[list[str]] = []  # pictures waiting for their paragraph, then the paragraph
    waiting: list[str] = []
    for block in parts:
        if _is_picture(block):
            waiting.append(block)
            continue
        for n, piece in enumerate(paginate([block], STEP_LINES)):
            text = "\n".join(piece)
            steps.append([*(waiting if n == 0 else []), f'<div class="pa-big {_size(text)}">{text}</div>'])
        waiting = []
    if not steps:
        return []
    steps[-1][:0] = waiting  # pictures after the last paragraph go with it
    return _numbered(section, ["\n".join(step) for step in steps], strings, "step")


def _is_picture(block: str) -> bool:
    """A paragraph that is a lesson picture and nothing else (pingan.pictures marks it)."""
    return tag_name(block) == "p" and "pa-picture" in block and not plain_text(block)


# -- quiz slides ------------------------------------------------------------------------


def _ui(strings: Mapping[str, str], key: str, **values: str | int) -> str:
    """A UI string, escaped, with its placeholders filled (values must be safe HTML)."""
    return fill(escape(strings[key], quote=False), {k: str(v) for k, v in values.items()})


def quiz_slides(
    quiz: Quiz,
    *,
    lang: str,
    default_language: str,
    strings: Mapping[str, str],
    heading: str = "",
) -> list[Slide]:
    """A quiz as slides for the whole class: nothing to fill in, nothing scored or kept.

    Args:
        quiz: a checked quiz.
        lang: the language of the deck.
        default_language: the language missing translations fell back to.
        strings: the quiz's words (:func:`pingan.core.catalogs.quiz_strings`) and the
            deck's (:func:`deck_strings`) in one mapping.
        heading: the HTML of the lesson heading the quiz stands under ("Quiz");
            the opening slide's heading (the quiz title when empty).

    The opening slide carries the quiz title and intro. Each question slide has
    a kicker ("Question 2 of 6"; for a follow-up "Follow-up" and the choice that
    leads there), the situation of a scenario, the prompt as heading, a hint
    ("Choose one") and the options as an ``<ol class="pa-options">``; right
    options carry ``data-pa-correct`` and a hidden mark (✓ and "Right answer",
    never colour alone). ``answer`` holds the explanation.
    """
    text = QuizText(quiz, lang, default_language)
    title = text.inline(quiz.title)
    opening_body = f'<p class="pa-slide__subtitle">{title}</p>' if heading else ""
    if quiz.intro is not None:
        opening_body += text.block(quiz.intro, "pa-slide__intro")
    slides = [Slide("quiz", heading or title, opening_body)]
    parents: dict[str, list[Option]] = {}
    for q in quiz.questions:
        for o in q.options:
            if o.next:
                parents.setdefault(o.next, []).append(o)
    main = quiz.main_questions
    seen: set[str] = set()

    def label(option: Option) -> str:
        if option.text is None:
            return _ui(strings, "true" if option.value else "false")
        return text.inline(option.text)

    def emit(q: Question, number: int | None) -> None:
        if q.id in seen:
            return
        seen.add(q.id)
        hint = f'<span class="pa-slide__hint">{_ui(strings, "all" if q.kind == "multiple" else "one")}</span>'
        if number is None:
            kicker = f'<span class="pa-slide__followup">{_ui(strings, "followup")}</span> {hint}'
            kicker += "".join(
                f'<span class="pa-slide__branch">{_ui(strings, "if_chose", choice=label(o))}</span>'
                for o in parents.get(q.id, [])
            )
        else:
            kicker = f"{_ui(strings, 'number', n=number, total=len(main))} {hint}"
        body = []
        if q.situation is not None:
            body.append(text.block(q.situation, "pa-slide__situation"))
        items = []
        mark = (
            '<span class="pa-option__mark" data-pa-reveal hidden>'
            f'<span aria-hidden="true">✓ </span>{_ui(strings, "right")}</span>'
        )
        for option in q.options:
            attrs = ' class="pa-option"' + (" data-pa-correct" if option.correct else "")
            items.append(
                f'<li{attrs}><span class="pa-option__text">{label(option)}</span>'
                + (f" {mark}" if option.correct else "")
                + "</li>"
            )
        body.append('<ol class="pa-options">' + "".join(items) + "</ol>")
        # The letters of the right options (as the list shows them), in case the list
        # has scrolled out of sight when the answer appears.
        letters = [_letter(i) for i, o in enumerate(q.options) if o.correct]
        right = fill(
            escape(strings["fact"], quote=False),
            {"label": _ui(strings, "right"), "value": escape(_join(letters, lang))},
        )
        answer = f'<p class="pa-slide__right"><span aria-hidden="true">✓ </span>{right}</p>' + text.block(
            q.explanation, "pa-slide__explanation"
        )
        slides.append(Slide("question", text.inline(q.prompt), "\n".join(body), kicker=kicker, answer=answer))
        for next_id in q.branches:
            try:
                emit(quiz.question(next_id), None)
            except KeyError:
                continue

    for number, question in enumerate(main, start=1):
        emit(question, number)
    return slides


def _letter(index: int) -> str:
    """The letter the deck's lettered list (CSS ``upper-latin``) shows for option ``index``."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[index] if index < len(letters) else str(index + 1)


def _join(items: list[str], lang: str) -> str:
    """``["A", "C"]`` as the language lists things: "A and C", "A和C"."""
    from babel.lists import format_list

    from pingan.core.languages import babel_locale

    try:
        return format_list(items, locale=babel_locale(lang))
    except (ValueError, LookupError):
        return ", ".join(items)


# -- QR code ------------------------------------------------------------------------------


def qr_svg(url: str, label: str = "") -> str:
    """The QR code of ``url`` as inline SVG (segno, :data:`QR_SVG_OPTIONS`); "" without a URL.

    ``label`` (escaped here) becomes the image's accessible name.
    """
    if not url:
        return ""
    import segno

    svg = segno.make(url, error=QR_ERROR, micro=False).svg_inline(**QR_SVG_OPTIONS)
    name = escape(label or url)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1)
