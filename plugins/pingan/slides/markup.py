"""The ``<section>`` of each lesson and quiz slide, written in Python.

A deck of the real site has 10 to 40 such slides; the deck's template
(``templates/present.html``) keeps the page around them and the three slides that need
its gettext and partials (title, goals, help). Made here, a slide costs a few string
joins instead of a Jinja loop that escapes every attribute through markupsafe one value
at a time (issue 12: the template was a third of the decks' CPU). Plain Python.

What a :class:`~pingan.slides.deck.Slide` holds is already HTML (escaped where it was
made); the deck's interface words and the content language are escaped here, by
:func:`pingan.trust.escape.escape_text`, as Jinja's autoescape did.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pingan.core.catalogs import fill
from pingan.slides.deck import Slide
from pingan.trust.escape import escape_text

__all__ = ["CONTENT_KINDS", "slide_opening", "slides_html"]

#: Slides that show the lesson's own text: they carry its language (a page shown in
#: another language's deck keeps the words' own ``lang`` and ``dir``).
CONTENT_KINDS = frozenset({"section", "point", "step"})


def slide_opening(kind: str, n: int, *, total: int, strings: Mapping[str, str], attrs: str = "") -> str:
    """The opening tag of slide ``n`` of ``total``, of ``kind``; ``attrs`` (safe HTML) added.

    The deck template writes its own slides' openings with this too (title, goals, help), so
    every slide is named and counted the same way for screen readers.
    """
    role = escape_text(strings["slide"])
    label = fill(str(escape_text(strings["counter"])), {"n": n, "total": total})
    return (
        f'<section class="pa-slide pa-slide--{escape_text(kind)}" id="s{n}" '
        f'aria-roledescription="{role}" aria-label="{label}"{attrs}>'
    )


def slides_html(
    slides: Sequence[Slide],
    *,
    first: int,
    total: int,
    strings: Mapping[str, str],
    content_lang: str = "",
    content_dir: str = "",
) -> str:
    """The ``<section>`` elements of ``slides``, numbered from ``first`` of ``total``.

    ``strings``: the deck's words (:func:`pingan.slides.deck_strings`): ``slide``,
    ``counter``, ``show`` and ``answer`` are used.
    """
    show = escape_text(strings["show"])
    answer_label = escape_text(strings["answer"])
    words = f' lang="{escape_text(content_lang)}" dir="{escape_text(content_dir)}"' if content_lang else ""
    out: list[str] = []
    for n, slide in enumerate(slides, start=first):
        attrs = f' data-pa-anchor="{escape_text(slide.anchor)}"' if slide.anchor else ""
        if slide.kind in CONTENT_KINDS:
            attrs += words
        out.append(slide_opening(slide.kind, n, total=total, strings=strings, attrs=attrs) + "\n")
        if slide.kicker:
            out.append(f'<p class="pa-slide__kicker">{slide.kicker}</p>')
        out.append(
            f'  <h2 class="pa-slide__heading">{slide.heading}</h2>\n'
            f'  <div class="pa-slide__body">\n{slide.body}\n  </div>\n'
        )
        if slide.answer:
            out.append(
                f'  <button type="button" class="pa-slide__reveal" aria-expanded="false" '
                f'aria-controls="s{n}-answer" hidden>{show}</button>\n'
                f'  <div class="pa-slide__answer" id="s{n}-answer" role="region" '
                f'aria-label="{answer_label}" data-pa-reveal hidden>\n    {slide.answer}\n  </div>\n'
            )
        out.append("</section>\n")
    return "".join(out)
