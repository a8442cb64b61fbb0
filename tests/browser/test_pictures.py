"""Pictures for young readers (issue 14): every children's lesson shows at least two scenes
in its text, each described in the page's language; the home page shows lesson cards with
pictures whose titles are the sidebar's."""

from __future__ import annotations

import pytest
from helpers import childrens_lessons
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

#: Every lesson whose front matter says ``audience: children`` (a new one is covered without editing this).
CHILDREN = childrens_lessons()


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("lesson", CHILDREN)
def test_childrens_lessons_have_pictures_with_alt(page: Page, site_url: str, prefix: str, lesson: str) -> None:
    page.goto(f"{site_url}{prefix}lessons/{lesson}/")
    pictures = page.locator("article img.pa-picture")
    assert pictures.count() >= 2
    for i in range(pictures.count()):
        picture = pictures.nth(i)
        picture.scroll_into_view_if_needed()
        alt = (picture.get_attribute("alt") or "").strip()
        assert len(alt) >= 8, alt
        # Loaded from this site, and drawn (not a broken image).
        assert picture.get_attribute("src").startswith("../")
        expect(picture).to_have_js_property("complete", True)
        assert picture.evaluate("(img) => img.naturalWidth") > 0
    # The alt text is in the page's language: Chinese characters on zh pages, none on en.
    alts = " ".join(pictures.evaluate_all("els => els.map((e) => e.alt)"))
    has_han = any("\u4e00" <= ch <= "\u9fff" for ch in alts)
    assert has_han == (prefix == "")


@pytest.mark.parametrize("prefix", ["", "en/", "ug/"])
def test_home_page_shows_lesson_cards_with_the_sidebar_titles(page: Page, site_url: str, prefix: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + prefix)
    cards = page.locator("article .pa-card")
    assert cards.count() >= 6
    with_pictures = page.locator("article .pa-card img.pa-card__picture")
    assert with_pictures.count() >= 6
    sidebar = set(
        page.locator(".md-nav--primary .md-nav__link .md-ellipsis").evaluate_all(
            "els => els.map((e) => e.textContent.trim())"
        )
    )
    titles = cards.locator(".pa-card__title").evaluate_all("els => els.map((e) => e.textContent.trim())")
    assert titles and all(t in sidebar for t in titles), set(titles) - sidebar
    # The first screen on a phone: what the site is (its title) and where help is (a tel: link).
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + prefix)
    expect(page.locator("article h1")).to_be_in_viewport()
    call = page.locator("article a[href^='tel:']").first
    expect(call).to_be_in_viewport()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_childrens_decks_have_picture_slides(page: Page, site_url: str, prefix: str) -> None:
    """Each children's deck shows the lesson's pictures on slides (inline, so the deck stays
    one standalone file), labelled in the deck's language."""
    for lesson in CHILDREN:
        page.goto(f"{site_url}{prefix}lessons/{lesson}/present/")
        slides = page.locator(".pa-slide:has(svg.pa-picture)")
        assert slides.count() >= 2, lesson
        labels = page.locator("svg.pa-picture").evaluate_all("els => els.map((e) => e.getAttribute('aria-label'))")
        assert all(label and len(label) >= 8 for label in labels), (lesson, labels)
        assert all(
            r == "img"
            for r in page.locator("svg.pa-picture").evaluate_all("els => els.map((e) => e.getAttribute('role'))")
        )


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (390, 844)])
def test_picture_slide_fits_the_screen(page: Page, site_url: str, size: tuple[int, int]) -> None:
    """A picture slide at projector and phone sizes: the picture is large and wholly on
    screen, and the slide's words are too."""
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url + "lessons/check-first/present/")
    slide_id = page.locator(".pa-slide:has(svg.pa-picture)").first.get_attribute("id")
    page.goto(f"{site_url}lessons/check-first/present/#{slide_id}")
    picture = page.locator(f"#{slide_id} svg.pa-picture")
    expect(picture).to_be_in_viewport(ratio=1)
    box = picture.bounding_box()
    assert box and box["width"] >= min(width, height) * 0.3, box
    for p in page.locator(f"#{slide_id} p:not(:has(svg))").all():
        expect(p).to_be_in_viewport(ratio=1)
