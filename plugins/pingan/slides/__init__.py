"""Slides of a lesson for a class: its sections (:mod:`.html`, :mod:`.paginate`) and its
quizzes as class slides (:mod:`.deck`); their HTML (:mod:`.markup`). Plain Python: no MkDocs import."""

from pingan.slides.deck import (
    DECK_STRINGS,
    QR_ERROR,
    QR_SVG_OPTIONS,
    Slide,
    deck_strings,
    lesson_slides,
    qr_svg,
    quiz_slides,
)
from pingan.slides.html import Section, clean, rebase_urls, split_sections
from pingan.slides.markup import slide_opening, slides_html
from pingan.slides.paginate import LINE_EM, LINES_PER_SLIDE, block_lines, paginate

__all__ = [
    "DECK_STRINGS",
    "LINES_PER_SLIDE",
    "LINE_EM",
    "QR_ERROR",
    "QR_SVG_OPTIONS",
    "Section",
    "Slide",
    "block_lines",
    "clean",
    "deck_strings",
    "lesson_slides",
    "paginate",
    "qr_svg",
    "quiz_slides",
    "rebase_urls",
    "slide_opening",
    "slides_html",
    "split_sections",
]
