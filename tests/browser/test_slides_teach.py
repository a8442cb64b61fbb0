"""Slides that teach from a projector (issue 14): a key point per slide in large type, the
story told in steps with its pictures, laid out at 1280×720, 1920×1080 and on a phone."""

from __future__ import annotations

import pytest
from helpers import childrens_lessons
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CHILDREN = childrens_lessons()
SIZES = [(1280, 720), (1920, 1080), (390, 844)]
#: The least a key point's type may measure, by screen width (px): a third larger than the
#: deck's body text on a projector (32 px at 1280×720, 48 px at 1920×1080); large on a phone.
POINT_MIN_PX = {1280: 34.0, 1920: 52.0, 390: 22.0}
#: A story step's text (it shares the slide with its picture): at least the deck's body size.
STEP_MIN_PX = {1280: 31.0, 1920: 47.0, 390: 22.0}

_FITS = """(id) => {
  const deck = document.querySelector(".pa-deck"), slide = document.getElementById(id);
  const big = slide.querySelector(".pa-big");
  const out = [...slide.querySelectorAll(".pa-big, .pa-slide__heading, svg.pa-picture")].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.top < 0 || r.left < -1 || r.right > innerWidth + 1 || r.bottom > deck.getBoundingClientRect().bottom + 1;
  }).map((el) => el.className.baseVal ?? el.className);
  return {
    scrolls: deck.scrollHeight - deck.clientHeight,
    wide: slide.scrollWidth - slide.clientWidth,
    out,
    size: parseFloat(getComputedStyle(big).fontSize),
  };
}"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("prefix", ["", "en/", "ug/"])
def test_key_points_and_story_steps_are_large_and_fit_the_screen(
    page: Page, site_url: str, prefix: str, size: tuple[int, int]
) -> None:
    """Every key-point and story-step slide of every children's deck: its text in large type
    (a minimum computed font size), and nothing past the slide's edges, nothing to scroll."""
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    problems = []
    for lesson in CHILDREN:
        deck = f"{site_url}{prefix}lessons/{lesson}/present/"
        page.goto(deck)
        expect(page.locator(".pa-deck[data-pa-ready]")).to_be_attached()
        points = page.locator(".pa-slide--point").evaluate_all("els => els.map((e) => e.id)")
        steps = page.locator(".pa-slide--step").evaluate_all("els => els.map((e) => e.id)")
        assert len(points) >= 2 and len(steps) >= 2, (lesson, points, steps)
        for slide_id in points + steps:
            page.goto(f"{deck}#{slide_id}")
            expect(page.locator(f"#{slide_id}")).to_be_visible()
            fit = page.evaluate(_FITS, slide_id)
            least = (POINT_MIN_PX if slide_id in points else STEP_MIN_PX)[width]
            if fit["scrolls"] > 1 or fit["wide"] > 1 or fit["out"] or fit["size"] < least:
                problems.append(f"{lesson} {slide_id}: {fit} (type at least {least} px)")
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
