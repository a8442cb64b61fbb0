"""How many lines a block of lesson HTML takes on a slide, and slides filled evenly.

Each text is measured once: the width of a text, the lines of a block and how a block
may be cut are cached, since :func:`paginate` packs the same blocks again and again at
different budgets (and every language's slides share a lesson's structure). Plain Python.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pingan.slides.html import TAG_RE, VOID, blocks, plain_text, tag_name

#: Reading budget of one slide, in lines of about :data:`LINE_EM` em. The deck's
#: type is 2.5vw (at least 28 px): at 16:9 a slide holds about 11 such lines
#: under its heading; the budget keeps a margin for long words.
LINES_PER_SLIDE = 10.0
LINE_EM = 34.0

_LI_OPEN_RE = re.compile(r"<li\b")
_HEADINGS = frozenset({"h3", "h4", "h5", "h6"})
# The end of a sentence: Chinese marks at once; Latin and Arabic-script ones before a space
# and a capital (or a letter of a script without capitals).
_SENTENCE_END_RE = re.compile(r"[。！？；][”’」』）)]*|[.!?;؟][”’\"')]*(?=\s+[A-Z\"“‘(\u0600-\u06ff\u4e00-\u9fff])")


# -- pagination -------------------------------------------------------------------------


def _char_width(ch: str) -> float:
    if ch in "\n\r\t":
        return 0.3
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if unicodedata.combining(ch):
        return 0.0
    return 0.58


#: Width of each character met so far: a lesson uses a few hundred distinct characters, so a
#: look-up here replaces two Unicode database calls per character.
_CHAR_WIDTHS: dict[str, float] = {}


@lru_cache(maxsize=8192)
def em_width(text: str) -> float:
    """Rough width of ``text`` in em: CJK and other wide characters 1, the rest about half."""
    widths = _CHAR_WIDTHS
    try:
        return sum(map(widths.__getitem__, text), 0.0)
    except KeyError:  # a character not met before
        for ch in set(text).difference(widths):
            widths[ch] = _char_width(ch)
        return sum(map(widths.__getitem__, text), 0.0)


def _lines(text: str, width: float = LINE_EM) -> float:
    return max(1.0, math.ceil(em_width(text) / width))


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


@lru_cache(maxsize=8192)
def _cut(block: str) -> _Cut | None:
    """How ``block`` may be cut, if it is a list or a table of more than one part."""
    name = tag_name(block)
    if name in ("ul", "ol"):
        open_end = block.find(">") + 1
        close_start = block.lower().rfind(f"</{name}")
        opening, closing = block[:open_end], block[close_start:]
        items = [b for b in blocks(block[open_end:close_start]) if tag_name(b) == "li"]
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
        rows = [b for b in blocks(body.group(2)) if tag_name(b) == "tr"]
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
        children = blocks(block[open_end:close_start])
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
            [em_width(plain_text(t)) / LINE_EM for t in sentences],
            1.4,  # a partly filled last line, and the gap under the paragraph
            lambda parts, _first: opening + " ".join(parts) + "</p>",
            eager=False,
        )
    return None


@lru_cache(maxsize=8192)
def _sentences(inner: str) -> list[str]:
    """The sentences of a paragraph's inner HTML, cut only outside inline elements."""
    cuts: list[int] = []
    depth = 0
    pos = 0

    def ends(start: int, end: int) -> None:
        cuts.extend(m.end() for m in _SENTENCE_END_RE.finditer(inner, start, end))

    for m in TAG_RE.finditer(inner):
        if depth == 0:
            ends(pos, m.start())
        name = (m.group(2) or "").lower()
        if name and name not in VOID and not m.group(4):
            depth = max(0, depth + (-1 if m.group(1) else 1))
        pos = m.end()
    if depth == 0:
        ends(pos, len(inner))
    pieces = [inner[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(inner)], strict=True)]
    return [p for p in pieces if p]


@lru_cache(maxsize=8192)
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
        if chunks[-1] and _lines(plain_text(text), LINE_EM - 2) > LINES_PER_SLIDE / 2:
            chunks.append([])
        chunks[-1].append(sentence)
    if len(chunks) < 2:
        return [item]
    first = item[:open_end] + " ".join(chunks[0]) + "</li>"
    return [first, *('<li class="pa-more">' + " ".join(c) + "</li>" for c in chunks[1:])]


@lru_cache(maxsize=8192)
def _item_lines(item: str) -> float:
    """Lines of a list item: its text, plus a little for each item of a list inside it."""
    nested = len(_LI_OPEN_RE.findall(item)) - 1
    return _lines(plain_text(item), LINE_EM - 2) + 0.5 * nested


@lru_cache(maxsize=8192)
def _row_lines(row: str) -> float:
    """Lines of a table row: its tallest cell, each cell sharing the width."""
    cells = re.findall(r"<t[hd]\b.*?</t[hd]\s*>", row, re.S | re.I)
    if not cells:
        return 1.0
    width = max(LINE_EM / len(cells) - 1, 4.0)
    return max(_lines(plain_text(c), width) for c in cells) + 0.3


@lru_cache(maxsize=8192)
def block_lines(block: str) -> float:
    """How many slide lines a block takes, roughly (the unit of :data:`LINES_PER_SLIDE`)."""
    if "pa-picture" in block and not plain_text(block):  # a lesson picture (pingan.pictures): half a slide
        return LINES_PER_SLIDE / 2
    name = tag_name(block)
    if name == "p":  # cut between sentences only when too long for a slide (_Plan.cut)
        return _lines(plain_text(block)) + 0.4
    cut = _cut(block)
    if cut and cut.eager:
        return cut.overhead + sum(cut.sizes)
    if name in ("ul", "ol"):
        return sum(_item_lines(li) for li in blocks(block[block.find(">") + 1 :]) if tag_name(li) == "li") + 0.4
    if name == "pre":
        return block.count("\n") + 1.4
    if name == "table":
        return sum(_row_lines(r) for r in re.findall(r"<tr\b.*?</tr\s*>", block, re.S | re.I)) + 0.4
    if cut and name in ("blockquote", "div"):  # a quote or a box: what is in it
        return cut.overhead + sum(cut.sizes)
    if name in _HEADINGS:
        return _lines(plain_text(block), LINE_EM / 1.2) * 1.2 + 0.5
    return _lines(plain_text(block)) + 0.4


def paginate(blocks: list[str], budget: float = LINES_PER_SLIDE) -> list[list[str]]:
    """Share ``blocks`` out over as few slides of at most ``budget`` lines as possible,
    as evenly as possible (no slide left with one short line).

    Blocks stay whole and in order; only lists and tables are cut, between
    items or rows, when they do not fit (an ``<ol>`` goes on with ``start``
    so the numbers continue; a table repeats its head). A heading stays with
    what follows it. A block longer than a slide gets a slide of its own.

    Several budgets are tried; each try only plans its slides (which block, which
    parts of a cut one), and the HTML of the pieces is made for the plan kept.
    """
    plan = _Plan(blocks)
    pages = _pack(plan, budget)
    if len(pages) >= 2:
        low = sum(plan.needs) / len(pages)
        step = 0.25
        for n in range(max(0, math.ceil((budget - low) / step))):
            even = _pack(plan, low + n * step)
            if len(even) <= len(pages):
                pages = even
                break
    return [[piece if isinstance(piece, str) else _make(*piece) for piece in page] for page in pages]


#: A piece of a slide: a whole block, or (cut, first part, end) for parts of a cut block.
_Piece = str | tuple[_Cut, int, int]


class _Plan:
    """What packing needs of each block, worked out once for every budget tried."""

    def __init__(self, blocks: list[str]) -> None:
        self.blocks = blocks
        self.needs = [block_lines(b) for b in blocks]
        self._cuts: dict[int, _Cut | None] = {}
        #: For a heading followed by a block: the lines of what must come with it.
        self.with_next: list[float | None] = [None] * len(blocks)
        for index in range(len(blocks) - 1):
            if tag_name(blocks[index]) in _HEADINGS:
                cut = self.cut(index + 1)
                self.with_next[index] = cut.overhead + cut.sizes[0] if cut else self.needs[index + 1]

    def cut(self, index: int) -> _Cut | None:
        """How block ``index`` may be cut (:func:`_cut`), worked out when first asked: most
        paragraphs fit where they are and are never cut."""
        if index not in self._cuts:
            self._cuts[index] = _cut(self.blocks[index])
        return self._cuts[index]


def _make(cut: _Cut, first: int, end: int) -> str:
    return cut.make(cut.parts[first:end], first)


def _pack(plan: _Plan, budget: float) -> list[list[_Piece]]:
    """Fill slides in order, each up to ``budget`` lines (see :func:`paginate`)."""
    pages: list[list[_Piece]] = [[]]
    used = 0.0
    for index, (block, need, need_next) in enumerate(zip(plan.blocks, plan.needs, plan.with_next, strict=True)):
        if need_next is not None and pages[-1] and used + need + min(need_next, budget - need) > budget:
            pages.append([])
            used = 0.0
        if used + need <= budget or not pages[-1] and need <= budget:
            pages[-1].append(block)
            used += need
            continue
        cut = plan.cut(index)
        if cut is None or (not cut.eager and need <= budget):
            if pages[-1]:
                pages.append([])
            pages[-1].append(block)
            used = need
            continue
        first = 0
        chunk_lines = cut.overhead
        for number, size in enumerate(cut.sizes):
            if used + chunk_lines + size > budget and (number > first or pages[-1]):
                if number > first:
                    pages[-1].append((cut, first, number))
                pages.append([])
                used, chunk_lines, first = 0.0, cut.overhead, number
            chunk_lines += size
        if len(cut.sizes) > first:
            pages[-1].append((cut, first, len(cut.sizes)))
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
