"""Slides that teach from a projector (issue 14): a key point per slide in large type, the
story told in steps with its pictures, laid out at 1280×720, 1920×1080 and on a phone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from helpers import childrens_lessons

pytestmark = pytest.mark.browser

CHILDREN = childrens_lessons()
SIZES = [(1280, 720), (1920, 1080), (390, 844)]
#: The least a key point's type may measure, by screen width (px): a third larger than the
#: deck's body text on a projector (32 px at 1280×720, 48 px at 1920×1080); large on a phone.
POINT_MIN_PX = {1280: 34.0, 1920: 52.0, 390: 22.0}
#: A story step's text (it shares the slide with its picture): at least the deck's body size.
STEP_MIN_PX = {1280: 31.0, 1920: 47.0, 390: 22.0}

_FITS = """([id, sized]) => {
  const deck = document.querySelector(".pa-deck"), slide = document.getElementById(id);
  const big = slide.querySelector(sized);
  const out = [...slide.querySelectorAll(".pa-big, .pa-slide__heading, svg.pa-picture, .pa-option")].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.top < 0 || r.left < -1 || r.right > innerWidth + 1 || r.bottom > deck.getBoundingClientRect().bottom + 1;
  }).map((el) => el.className.baseVal ?? el.className);
  return {
    scrolls: deck.scrollHeight - deck.clientHeight,
    wide: slide.scrollWidth - slide.clientWidth,
    out,
    size: big ? parseFloat(getComputedStyle(big).fontSize) : 0,
  };
}"""


def _misfits(page: Page, decks: str, kinds: dict[str, int], least: Callable[[str], float], sized: str) -> list[str]:
    """Each slide of ``kinds`` (kind -> how many each deck has at least) of every children's
    deck under ``decks``, opened alone: what scrolls, sticks out, or has its ``sized``
    element's type under ``least(kind)`` px."""
    problems = []
    for lesson in CHILDREN:
        deck = f"{decks}lessons/{lesson}/present/"
        page.goto(deck)
        expect(page.locator(".pa-deck[data-pa-ready]")).to_be_attached()
        for kind, count in kinds.items():
            ids = page.locator(f".pa-slide--{kind}").evaluate_all("els => els.map((e) => e.id)")
            assert len(ids) >= count, (lesson, kind, ids)
            for slide_id in ids:
                page.goto(f"{deck}#{slide_id}")
                expect(page.locator(f"#{slide_id}")).to_be_visible()
                fit = page.evaluate(_FITS, [slide_id, sized])
                if fit["scrolls"] > 1 or fit["wide"] > 1 or fit["out"] or fit["size"] < least(kind):
                    problems.append(f"{lesson} {slide_id}: {fit} (type at least {least(kind)} px)")
    return problems


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("prefix", ["", "en/", "ug/"])
def test_key_points_and_story_steps_are_large_and_fit_the_screen(
    page: Page, site_url: str, prefix: str, size: tuple[int, int]
) -> None:
    """Every key-point and story-step slide of every children's deck: its text in large type
    (a minimum computed font size), and nothing past the slide's edges, nothing to scroll."""
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    least = {"point": POINT_MIN_PX[width], "step": STEP_MIN_PX[width]}
    problems = _misfits(page, site_url + prefix, {"point": 2, "step": 2}, least.__getitem__, ".pa-big")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_childrens_deck_tells_its_story_in_steps_with_its_pictures(page: Page, site_url: str, prefix: str) -> None:
    """Each children's deck: the story in two step slides or more, counted "1 / n", every
    picture of the story on a step; the key points one per slide."""
    for lesson in CHILDREN:
        page.goto(f"{site_url}{prefix}lessons/{lesson}/present/")
        steps = page.locator(".pa-slide--step")
        assert steps.count() >= 2, lesson
        kickers = steps.locator(".pa-slide__step").all_text_contents()
        assert kickers == [f"{n} / {len(kickers)}" for n in range(1, len(kickers) + 1)], (lesson, kickers)
        assert page.locator(".pa-slide--step svg.pa-picture").count() >= 1, lesson
        points = page.locator(".pa-slide--point")
        assert points.count() >= 2, lesson
        assert all(points.nth(i).locator(".pa-point").count() == 1 for i in range(points.count())), lesson


@pytest.mark.parametrize("prefix", ["", "en/", "vi/", "ug/"])
def test_on_a_phone_each_question_fits_and_the_bar_is_one_row(page: Page, site_url: str, prefix: str) -> None:
    """A children's deck on a phone held upright (390×844, and the bar at 320 px too): every
    quiz question with its options on one screen, the options' type still larger than a
    phone's body text (at least 19 px; the deck's body is 28 px there); the control bar one
    row, its full-screen button an icon with its words kept for screen readers (in Uyghur the
    words put the button on a row of its own)."""
    page.set_viewport_size({"width": 390, "height": 844})
    problems = _misfits(page, site_url + prefix, {"question": 1}, lambda _kind: 19.0, ".pa-option")
    assert not problems, "\n".join(problems)
    for width in (390, 320):
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(f"{site_url}{prefix}lessons/{CHILDREN[0]}/present/")
        full = page.locator(".pa-deck__full")
        expect(full).to_be_visible()
        controls = page.locator(".pa-deck__back, .pa-deck__prev, .pa-deck__counter, .pa-deck__next, .pa-deck__full")
        boxes = controls.evaluate_all(
            "els => els.map((e) => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right]; })"
        )
        middles = [(top + bottom) / 2 for top, bottom, _l, _r in boxes]
        assert max(middles) - min(middles) < 12, (width, boxes)  # one row
        assert all(left >= 0 and right <= width for _t, _b, left, right in boxes), (width, boxes)
        name = full.evaluate("(b) => b.textContent.trim()")
        assert name and full.locator(".pa-deck__label").evaluate("(e) => e.getBoundingClientRect().width") <= 1
