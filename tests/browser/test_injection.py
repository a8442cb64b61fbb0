"""Nothing an editor types runs as script: the injection corpus in every field, in a browser.

The site is built from a copy of the project with the corpus (tests/injection_corpus.py) in
every editor-facing text field (tests/injection_site.py) and WITHOUT the Content-Security-
Policy, so that escaping alone is what is tested. Every page that shows the fields is
visited, the slides and the search results included. No payload may run (``pwn`` and
``alert`` are watched), the DOM may hold no element or attribute a payload would have made,
and every field must show as exactly the text typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import build_site, serve_dir
from injection_site import LESSON, make_injected_project
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

_WATCH = """
window.__pwned = [];
window.pwn = (n) => window.__pwned.push(n);
for (const name of ["alert", "confirm", "prompt"]) window[name] = (m) => window.__pwned.push(name + ":" + m);
"""

#: What no page of ours has, and a payload that got through would make.
_INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (a.name.startsWith("on")) found.push(`${el.tagName} ${a.name}`);
      if (["href", "src", "action", "data", "xlink:href", "formaction"].includes(a.name)) {
        const v = a.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
        if (/^(javascript|vbscript|data:text)/.test(v)) found.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
  }
  for (const el of document.querySelectorAll("iframe, object, embed, base, math, body svg[onload]")) found.push(el.tagName);
  for (const s of document.scripts) if (s.textContent.includes("pwn(")) found.push("script: " + s.textContent.slice(0, 60));
  return found;
}"""


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    root = tmp_path_factory.mktemp("injected")
    texts = make_injected_project(root / "project")
    site = build_site(root / "project", root / "site")
    with serve_dir(site) as url:
        yield url, texts


@pytest.fixture
def watched(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.add_init_script(_WATCH)
    page = context.new_page()
    yield page
    context.close()


def _assert_inert(page: Page, where: str) -> None:
    page.wait_for_timeout(200)  # onerror/onload handlers would have fired by now
    assert page.evaluate("window.__pwned") == [], f"{where}: a payload ran"
    assert page.evaluate(_INJECTED) == [], f"{where}: a payload made an element or attribute"


def _shows(page: Page, text: str) -> bool:
    return bool(page.evaluate("(t) => document.body.textContent.includes(t)", text))


def test_lesson_page_shows_every_field_as_text(watched: Page, injected: tuple[str, dict[str, str]]) -> None:
    url, texts = injected
    page = watched
    page.goto(f"{url}en/{LESSON}/")
    _assert_inert(page, "English lesson")
    for field in ("title", "objective", "nav", "label", "contact-national", "contact-local", "site-name", "quiz-prompt", "quiz-option"):
        assert _shows(page, texts[field]), f"the {field} is not shown as the text typed"
    assert page.title() == f"{texts['title']} - {texts['site-name']}"
    assert page.locator('meta[name="description"]').get_attribute("content") == texts["description"]
    # Move over and into everything: attribute payloads (onmouseover, onfocus) would fire now.
    page.evaluate("""() => {
      for (const el of document.body.querySelectorAll("*")) {
        for (const type of ["mouseover", "focus", "toggle", "click"]) {
          if (type === "click" && el.closest("a, button, label, input, summary")) continue;
          el.dispatchEvent(new Event(type, { bubbles: false }));
        }
      }
    }""")
    _assert_inert(page, "English lesson, after hovering")


def test_chinese_lesson_home_and_404(watched: Page, injected: tuple[str, dict[str, str]]) -> None:
    url, texts = injected
    page = watched
    page.goto(f"{url}{LESSON}/")
    _assert_inert(page, "Chinese lesson")
    assert _shows(page, texts["title"]) and _shows(page, texts["label"]) and _shows(page, texts["contact-local"])
    assert page.locator('meta[name="description"]').get_attribute("content") == texts["description-zh"]
    page.goto(f"{url}en/")
    _assert_inert(page, "English home")
    assert _shows(page, texts["nav"]) and _shows(page, texts["site-name"]) and _shows(page, texts["title"])
    page.goto(f"{url}404.html")
    _assert_inert(page, "404")
    assert _shows(page, texts["site-name"])


def test_slides_show_every_field_as_text(watched: Page, injected: tuple[str, dict[str, str]]) -> None:
    url, texts = injected
    page = watched
    page.goto(f"{url}en/{LESSON}/present/")
    _assert_inert(page, "slides")
    for field in ("title", "objective", "label", "contact-national", "quiz-prompt", "quiz-option"):
        assert _shows(page, texts[field]), f"the slides do not show the {field} as the text typed"
    for _ in range(40):  # through the whole deck: each slide is shown in turn
        page.keyboard.press("ArrowRight")
    _assert_inert(page, "slides, at the end")


def test_search_results_show_titles_as_text(watched: Page, injected: tuple[str, dict[str, str]]) -> None:
    url, texts = injected
    page = watched
    page.goto(f"{url}en/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("trick")  # in the lesson's text: its result shows its title
    box.press("End")
    result = page.locator(".md-search-result__list .md-search-result__link").first
    result.wait_for()
    _assert_inert(page, "search results")
    assert "[title] <script>pwn(1)</script>" in (page.locator(".md-search-result__list").text_content() or "")
