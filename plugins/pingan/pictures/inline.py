"""Lesson pictures written into a page as inline SVG (plain Python, no MkDocs).

The slide deck of a lesson is one standalone file (pingan.present): it must show its
pictures opened from a folder or copied alone, so each ``<img class="pa-picture">`` of the
lesson becomes the scene's own ``<svg role="img">`` with the alt text as its label.
"""

from __future__ import annotations

import functools
import re

from pingan.pictures.compose import compose
from pingan.pictures.scenes import BY_NAME

#: Any image: the deck may get the lesson's HTML before pingan-pictures has given its pictures
#: their class, so a picture is known by its address (_SRC_RE), not by its class.
_IMG_RE = re.compile(r"<img\b[^>]*>")
_SRC_RE = re.compile(r'\bsrc="[^"]*assets/pingan/pictures/([\w-]+)\.svg"')
_ALT_RE = re.compile(r'\balt="([^"]*)"')
_SVG_OPEN_RE = re.compile(r"^<svg\b[^>]*>")


@functools.cache
def _inner(name: str) -> str:
    """The scene's drawing without its outer <svg> element."""
    svg = compose(BY_NAME[name])
    return _SVG_OPEN_RE.sub("", svg).removesuffix("</svg>")


def inline_pictures(html: str) -> str:
    """``html`` with each lesson picture as inline SVG; other images stay as they are."""

    def swap(m: re.Match[str]) -> str:
        tag = m.group(0)
        src = _SRC_RE.search(tag)
        if not src or src.group(1) not in BY_NAME:
            return tag
        alt = _ALT_RE.search(tag)
        label = alt.group(1) if alt else ""  # already escaped as an attribute value
        viewbox = _SVG_OPEN_RE.match(compose(BY_NAME[src.group(1)]))
        found = re.search(r'viewBox="[^"]*"', viewbox.group(0)) if viewbox else None
        box = found.group(0) if found else ""
        return (
            f'<svg class="pa-picture" role="img" aria-label="{label}" {box} '
            f'xmlns="http://www.w3.org/2000/svg">{_inner(src.group(1))}</svg>'
        )

    return _IMG_RE.sub(swap, html)
