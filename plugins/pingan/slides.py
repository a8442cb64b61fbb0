"""Turn a rendered lesson into slides for a class: one per ``## `` section, one per quiz question.

The slides come from the same HTML the lesson page shows (MkDocs' ``page.content``),
so there is never a second copy of a lesson to keep in step:

- :func:`split_sections` cuts the HTML at each top-level ``<h2>``; what comes
  before the first one is the lesson's introduction.
- :func:`lesson_slides` makes one slide per section. A section too long to read
  from the back of a classroom continues on further slides, cut between
  paragraphs or between list items (a numbered list keeps its numbers).
  A quiz the quiz plugin put in a section (``section.pa-quiz[data-pa-quiz]``,
  see :mod:`pingan.quiz.render`) is replaced by the quiz's own slides.
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
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from html import escape, unescape

from pingan import i18n
from pingan.i18n import N_, fill
from pingan.quiz.model import Option, Question, Quiz
from pingan.quiz.render import QuizText

__all__ = [
    "DECK_STRINGS",
    "QR_ERROR",
    "QR_SVG_OPTIONS",
    "Section",
    "Slide",
    "deck_strings",
    "lesson_slides",
    "qr_svg",
    "quiz_slides",
    "rebase_urls",
    "split_sections",
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

#: Reading budget of one slide, in lines of about :data:`LINE_EM` em. The deck's
#: type is 2.5vw (at least 28 px): at 16:9 a slide holds about 11 such lines
#: under its heading; the budget keeps a margin for long words.
LINES_PER_SLIDE = 10.0
LINE_EM = 34.0

_QUIZ_START_RE = re.compile(r'<section\b[^>]*\bdata-pa-quiz="([^"]+)"[^>]*>')
_TAG_RE = re.compile(
    r"<!--.*?-->"
    r"|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s>=/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*(/?)>",
    re.S,
)
_HEADERLINK_RE = re.compile(r'<a\b[^>]*\bclass="headerlink"[^>]*>.*?</a>', re.S)
_SCRIPT_RE = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.S | re.I)
_URL_ATTR_RE = re.compile(r'(\s(?:href|src)=)"([^"]*)"')
_STRIP_TAGS_RE = re.compile(r"<[^>]+>")
_ID_RE = re.compile(r'\bid="([^"]*)"')
_LI_OPEN_RE = re.compile(r"<li\b")
_VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()
)
_RAW = frozenset({"script", "style", "textarea", "pre"})
_HEADINGS = frozenset({"h3", "h4", "h5", "h6"})
# The end of a sentence: Chinese marks at once; Latin and Arabic-script ones before a space
# and a capital (or a letter of a script without capitals).
_SENTENCE_END_RE = re.compile(
    r"[。！？；][”’」』）)]*|[.!?;؟][”’\"')]*(?=\s+[A-Z\"“‘(\u0600-\u06ff\u4e00-\u9fff])"
)


@dataclass(frozen=True)
class Section:
    """One ``## `` section of a lesson: its heading and what follows it, as HTML."""

    heading: str
    """The heading's inner HTML, without its permalink anchor ("" for the introduction)."""
    heading_id: str
    body: str


@dataclass(frozen=True)
class Slide:
    """One slide. Every HTML field is safe to put in a page as it is."""

    kind: str
    """``section``, ``quiz`` (a quiz's opening slide), ``question``; the deck adds ``title``,
    ``goals`` and ``end``."""
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
        pingan.i18n.MissingCatalogError: ``lang`` has no catalog.
    """
    t = i18n.translations(lang)
    return {key: t.gettext(msgid) for key, msgid in DECK_STRINGS.items()}


# -- lesson HTML ------------------------------------------------------------------------


def _scan(html: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level node of ``html``: elements and runs of text.

    A small tolerant scanner for the well-formed HTML Markdown produces: it keeps
    the source text untouched, skips comments, and does not look inside
    ``<script>``, ``<style>``, ``<textarea>`` or ``<pre>``.
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    pos = 0
    for m in _TAG_RE.finditer(html):
        if m.start() < pos:
            continue  # inside a raw element already consumed
        if depth == 0 and html[pos : m.start()].strip():
            spans.append((pos, m.start()))
        closing, name, selfclose = m.group(1), (m.group(2) or "").lower(), m.group(4)
        pos = m.end()
        if not name:  # a comment
            continue
        if closing:
            if depth > 0:
                depth -= 1
                if depth == 0:
                    spans.append((start, m.end()))
            continue
        if depth == 0:
            start = m.start()
        if name in _RAW and not selfclose:
            close = re.compile(rf"</{name}\s*>", re.I).search(html, m.end())
            pos = close.end() if close else len(html)
            if depth == 0:
                spans.append((start, pos))
        elif name in _VOID or selfclose:
            if depth == 0:
                spans.append((start, m.end()))
        else:
            depth += 1
    if depth > 0:  # unclosed: keep the rest as one node
        spans.append((start, len(html)))
    elif html[pos:].strip():
        spans.append((pos, len(html)))
    return spans


def _blocks(html: str) -> list[str]:
    """The top-level nodes of ``html`` as strings (whitespace between them dropped)."""
    return [html[a:b] for a, b in _scan(html) if html[a:b].strip()]


def _tag_name(block: str) -> str:
    m = re.match(r"<([A-Za-z][A-Za-z0-9-]*)", block)
    return m.group(1).lower() if m else ""


def split_sections(html: str) -> tuple[str, list[Section]]:
    """Cut a lesson's HTML at each top-level ``<h2>``.

    Returns the introduction (everything before the first ``<h2>``, minus an
    ``<h1>``) and the sections in order. Permalink anchors (``a.headerlink``)
    are dropped from headings.
    """
    intro: list[str] = []
    sections: list[Section] = []
    heading: str | None = None
    heading_id = ""
    body: list[str] = []
    for block in _blocks(html):
        name = _tag_name(block)
        if name == "h2":
            if heading is not None:
                sections.append(Section(heading, heading_id, "\n".join(body)))
            inner = re.sub(r"^<h2\b[^>]*>|</h2\s*>$", "", block.strip())
            heading = _HEADERLINK_RE.sub("", inner).strip()
            found = _ID_RE.search(block[: block.find(">") + 1])
            heading_id = unescape(found.group(1)) if found else ""
            body = []
        elif heading is None:
            if name != "h1":
                intro.append(block)
        else:
            body.append(block)
    if heading is not None:
        sections.append(Section(heading, heading_id, "\n".join(body)))
    return "\n".join(intro), sections


def rebase_urls(html: str, prefix: str = "../") -> str:
    """Prefix relative ``href``/``src`` values, for HTML moved one folder deeper.

    Links to other hosts, to the site root (``/…``), to this page (``#…``) and
    ``tel:``/``mailto:`` links stay as they are.
    """

    def fix(m: re.Match[str]) -> str:
        url = m.group(2)
        if not url or url.startswith(("#", "/", "?")) or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url):
            return m.group(0)
        return f'{m.group(1)}"{prefix}{url}"'

    return _URL_ATTR_RE.sub(fix, html)


def clean(html: str) -> str:
    """Lesson HTML for a slide: no scripts, no permalink anchors."""
    return _HEADERLINK_RE.sub("", _SCRIPT_RE.sub("", html))


# -- pagination -------------------------------------------------------------------------


def _em_width(text: str) -> float:
    """Rough width of ``text`` in em: CJK and other wide characters 1, the rest about half."""
    width = 0.0
    for ch in text:
        if ch in "\n\r\t":
            width += 0.3
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 1.0
        elif unicodedata.combining(ch):
            continue
        else:
            width += 0.58
    return width


def _text(html: str) -> str:
    return " ".join(unescape(_STRIP_TAGS_RE.sub(" ", html)).split())


def _lines(text: str, width: float = LINE_EM) -> float:
    return max(1.0, math.ceil(_em_width(text) / width))


@dataclass(frozen=True)
class _Cut:
    """A block that may be cut between its parts: a list between items, a table between rows."""

    parts: list[str]
    sizes: list[float]
    overhead: float
    make: Callable[[list[str], int], str]
    """``make(parts, first)``: the HTML of a piece holding ``parts``, the first being number ``first``."""
    eager: bool = True
    """Cut to fill a slide; when False, only a block too long for any one slide is cut."""


def _cut(block: str) -> _Cut | None:
    """How ``block`` may be cut, if it is a list or a table of more than one part."""
    name = _tag_name(block)
    if name in ("ul", "ol"):
        open_end = block.find(">") + 1
        close_start = block.lower().rfind(f"</{name}")
        opening, closing = block[:open_end], block[close_start:]
        items = [b for b in _blocks(block[open_end:close_start]) if _tag_name(b) == "li"]
        if name == "ul":  # a bullet too long for a slide goes on, without a bullet, on the next
            items = [piece for li in items for piece in _split_item(li)]
        if len(items) < 2:
            return None
        start = _list_start(opening)

        def make_list(parts: list[str], first: int) -> str:
            return _list_piece(opening, name, parts, closing, start + first)

        return _Cut(items, [_item_lines(li) for li in items], 0.4, make_list)
    if name == "table":
        head = re.search(r"<thead\b.*?</thead\s*>", block, re.S | re.I)
        body = re.search(r"(<tbody\b[^>]*>)(.*?)</tbody\s*>", block, re.S | re.I)
        if not body:
            return None
        rows = [b for b in _blocks(body.group(2)) if _tag_name(b) == "tr"]
        if len(rows) < 2:
            return None
        opening = block[: block.find(">") + 1]
        thead = head.group(0) if head else ""

        def make_table(parts: list[str], first: int) -> str:
            return f"{opening}\n{thead}\n{body.group(1)}\n" + "\n".join(parts) + "\n</tbody>\n</table>"

        overhead = 0.4 + (_row_lines(thead) if thead else 0.0)
        return _Cut(rows, [_row_lines(r) for r in rows], overhead, make_table)
    if name in ("blockquote", "div") and "data-pa-quiz" not in block:
        open_end = block.find(">") + 1
        close_start = block.lower().rfind(f"</{name}")
        children = _blocks(block[open_end:close_start])
        if len(children) < 2:
            return None
        opening, closing = block[:open_end], block[close_start:]
        return _Cut(
            children,
            [block_lines(c) for c in children],
            0.4,
            lambda parts, _first: opening + "\n".join(parts) + closing,
            eager=False,
        )
    if name == "p":
        open_end = block.find(">") + 1
        close_start = block.lower().rfind("</p")
        sentences = _sentences(block[open_end:close_start])
        if len(sentences) < 2:
            return None
        opening = block[:open_end]
        return _Cut(
            sentences,
            [_em_width(_text(t)) / LINE_EM for t in sentences],
            1.4,  # a partly filled last line, and the gap under the paragraph
            lambda parts, _first: opening + " ".join(parts) + "</p>",
            eager=False,
        )
    return None


def _sentences(inner: str) -> list[str]:
    """The sentences of a paragraph's inner HTML, cut only outside inline elements."""
    cuts: list[int] = []
    depth = 0
    pos = 0

    def ends(start: int, end: int) -> None:
        cuts.extend(m.end() for m in _SENTENCE_END_RE.finditer(inner, start, end))

    for m in _TAG_RE.finditer(inner):
        if depth == 0:
            ends(pos, m.start())
        name = (m.group(2) or "").lower()
        if name and name not in _VOID and not m.group(4):
            depth = max(0, depth + (-1 if m.group(1) else 1))
        pos = m.end()
    if depth == 0:
        ends(pos, len(inner))
    pieces = [inner[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(inner)])]
    return [p for p in pieces if p]


def _split_item(item: str) -> list[str]:
    """A list item longer than about half a slide, cut between sentences into ``<li>`` pieces;
    the pieces after the first are ``li.pa-more`` (shown without a bullet)."""
    if _item_lines(item) <= LINES_PER_SLIDE / 2 or _LI_OPEN_RE.search(item, 1):
        return [item]
    open_end = item.find(">") + 1
    close_start = item.lower().rfind("</li")
    sentences = _sentences(item[open_end:close_start])
    chunks: list[list[str]] = [[]]
    for sentence in sentences:
        text = " ".join([*chunks[-1], sentence])
        if chunks[-1] and _lines(_text(text), LINE_EM - 2) > LINES_PER_SLIDE / 2:
            chunks.append([])
        chunks[-1].append(sentence)
    if len(chunks) < 2:
        return [item]
    first = item[:open_end] + " ".join(chunks[0]) + "</li>"
    return [first, *('<li class="pa-more">' + " ".join(c) + "</li>" for c in chunks[1:])]


def _item_lines(item: str) -> float:
    """Lines of a list item: its text, plus a little for each item of a list inside it."""
    nested = len(_LI_OPEN_RE.findall(item)) - 1
    return _lines(_text(item), LINE_EM - 2) + 0.5 * nested


def _row_lines(row: str) -> float:
    """Lines of a table row: its tallest cell, each cell sharing the width."""
    cells = re.findall(r"<t[hd]\b.*?</t[hd]\s*>", row, re.S | re.I)
    if not cells:
        return 1.0
    width = max(LINE_EM / len(cells) - 1, 4.0)
    return max(_lines(_text(c), width) for c in cells) + 0.3


def block_lines(block: str) -> float:
    """How many slide lines a block takes, roughly (the unit of :data:`LINES_PER_SLIDE`)."""
    if 'class="pa-picture"' in block[:40]:  # a lesson picture (pingan.pictures): half a slide
        return LINES_PER_SLIDE / 2
    name = _tag_name(block)
    cut = _cut(block)
    if cut and cut.eager:
        return cut.overhead + sum(cut.sizes)
    if name in ("ul", "ol"):
        return sum(_item_lines(li) for li in _blocks(block[block.find(">") + 1 :]) if _tag_name(li) == "li") + 0.4
    if name == "pre":
        return block.count("\n") + 1.4
    if name == "table":
        return sum(_row_lines(r) for r in re.findall(r"<tr\b.*?</tr\s*>", block, re.S | re.I)) + 0.4
    if cut and name in ("blockquote", "div"):  # a quote or a box: what is in it
        return cut.overhead + sum(cut.sizes)
    if name in _HEADINGS:
        return _lines(_text(block), LINE_EM / 1.2) * 1.2 + 0.5
    return _lines(_text(block)) + 0.4


def paginate(blocks: list[str], budget: float = LINES_PER_SLIDE) -> list[list[str]]:
    """Share ``blocks`` out over as few slides of at most ``budget`` lines as possible,
    as evenly as possible (no slide left with one short line).

    Blocks stay whole and in order; only lists and tables are cut, between
    items or rows, when they do not fit (an ``<ol>`` goes on with ``start``
    so the numbers continue; a table repeats its head). A heading stays with
    what follows it. A block longer than a slide gets a slide of its own.
    """
    pages = _pack(blocks, budget)
    if len(pages) < 2:
        return pages
    low = sum(block_lines(b) for b in blocks) / len(pages)
    step = 0.25
    for n in range(max(0, math.ceil((budget - low) / step))):
        even = _pack(blocks, low + n * step)
        if len(even) <= len(pages):
            return even
    return pages


def _pack(blocks: list[str], budget: float) -> list[list[str]]:
    """Fill slides in order, each up to ``budget`` lines (see :func:`paginate`)."""
    pages: list[list[str]] = [[]]
    used = 0.0
    for index, block in enumerate(blocks):
        need = block_lines(block)
        if _tag_name(block) in _HEADINGS and index + 1 < len(blocks):
            following = blocks[index + 1]
            cut = _cut(following)
            need_next = cut.overhead + cut.sizes[0] if cut else block_lines(following)
            if pages[-1] and used + need + min(need_next, budget - need) > budget:
                pages.append([])
                used = 0.0
        if used + need <= budget or not pages[-1] and need <= budget:
            pages[-1].append(block)
            used += need
            continue
        cut = _cut(block)
        if cut is None or (not cut.eager and need <= budget):
            if pages[-1]:
                pages.append([])
            pages[-1].append(block)
            used = need
            continue
        chunk: list[str] = []
        first = 0
        chunk_lines = cut.overhead
        for number, (part, size) in enumerate(zip(cut.parts, cut.sizes)):
            if used + chunk_lines + size > budget and (chunk or pages[-1]):
                if chunk:
                    pages[-1].append(cut.make(chunk, first))
                pages.append([])
                used, chunk, chunk_lines, first = 0.0, [], cut.overhead, number
            chunk.append(part)
            chunk_lines += size
        if chunk:
            pages[-1].append(cut.make(chunk, first))
            used += chunk_lines
    return [p for p in pages if p]


def _list_start(opening: str) -> int:
    m = re.search(r'\bstart="(\d+)"', opening)
    return int(m.group(1)) if m else 1


def _list_piece(opening: str, name: str, items: list[str], closing: str, number: int) -> str:
    if name == "ol" and number != 1:
        if re.search(r'\bstart="\d+"', opening):
            opening = re.sub(r'\bstart="\d+"', f'start="{number}"', opening)
        else:
            opening = opening[:-1] + f' start="{number}">'
    return opening + "\n" + "\n".join(items) + "\n" + closing


# -- lesson slides ------------------------------------------------------------------------


def lesson_slides(
    html: str,
    *,
    strings: Mapping[str, str],
    title: str = "",
    quiz: Callable[[str, str], list[Slide]] | None = None,
    budget: float = LINES_PER_SLIDE,
) -> list[Slide]:
    """The slides of a lesson's HTML: its sections, long ones continued, quizzes as slides.

    Args:
        html: the lesson page's content (``page.content``).
        strings: the deck's words (:func:`deck_strings`), for "(continued)".
        title: the lesson title (escaped here), heading the introduction's slide if it has one.
        quiz: ``quiz(quiz_id, section_heading_html)`` gives the slides of a quiz found
            in the HTML; without it (or when it returns nothing) a quiz is left out.
        budget: lines per slide (see :data:`LINES_PER_SLIDE`).
    """
    intro, sections = split_sections(clean(html))
    slides: list[Slide] = []
    if intro.strip():
        sections.insert(0, Section(escape(title), "", intro))
    for section in sections:
        pending: list[str] = []

        def flush(section: Section = section, pending: list[str] = pending) -> None:
            if not any(_text(b) for b in pending):
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
                slides.append(
                    Slide("section", heading, "\n".join(page), anchor=section.heading_id, continued=more)
                )
            pending.clear()

        for block in _blocks(section.body):
            found = _QUIZ_START_RE.search(block)
            if not found:
                pending.append(block)
                continue
            quiz_id = unescape(found.group(1))
            rest = _remove_quiz(block, found.start())
            if found.start() == 0 and not rest.strip():
                flush()
            elif rest.strip():
                pending.append(rest)  # a quiz inside a list or a box: the rest first
                flush()
            made = quiz(quiz_id, section.heading) if quiz else []
            slides.extend(replace(s, anchor=s.anchor or section.heading_id) for s in made)
        flush()
    return slides


def _remove_quiz(html: str, start: int) -> str:
    """``html`` without the quiz ``<section>`` that starts at ``start``."""
    depth = 0
    for m in re.finditer(r"<(/?)section\b[^>]*>", html[start:], re.I):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return html[:start] + html[start + m.end() :]
    return html[:start]


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
        strings: the quiz's words (:func:`pingan.i18n.quiz_strings`) and the
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
            kicker = f'{_ui(strings, "number", n=number, total=len(main))} {hint}'
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
        answer = (
            f'<p class="pa-slide__right"><span aria-hidden="true">✓ </span>{right}</p>'
            + text.block(q.explanation, "pa-slide__explanation")
        )
        slides.append(
            Slide("question", text.inline(q.prompt), "\n".join(body), kicker=kicker, answer=answer)
        )
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

    from pingan.languages import babel_locale

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
