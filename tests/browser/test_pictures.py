"""Pictures for young readers (issue 14): every children's lesson shows at least two scenes
in its text, each described in the page's language; the home page shows lesson cards with
pictures whose titles are the sidebar's."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CHILDREN = ["check-first", "lost-in-a-crowd", "saying-no", "friends-online", "home-alone-code-word"]


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
