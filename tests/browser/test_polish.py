"""Issue 14's small fixes, on the real site in a real Chromium: hotline numbers that never
break, true/false results a child reads right, a checked button whose words still read,
and an unreviewed translation marked by one quiet line under the title."""

from __future__ import annotations

import pytest
from helpers import site_languages
from playwright.sync_api import Page, expect

from pingan.core.catalogs import quiz_strings

pytestmark = pytest.mark.browser

#: WCAG 2 relative luminance and contrast ratio, computed in the page from computed colours.
CONTRAST_JS = """(el) => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const cs = getComputedStyle(el);
  const a = lum(rgb(cs.color)), b = lum(rgb(cs.backgroundColor));
  return { ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), opacity: Number(cs.opacity), bg: cs.backgroundColor };
}"""


@pytest.mark.parametrize("width", [320, 360])
def test_hotline_numbers_stay_on_one_line(page: Page, site_url: str, width: int) -> None:
    """Every tel: link of the help box, in every language, on a page with the lesson box and
    on the home page: the number is one unbroken line and the link stays on the screen."""
    page.set_viewport_size({"width": width, "height": 700})
    problems = []
    checked = 0
    for prefix in site_languages():
        base = site_url + (f"{prefix}/" if prefix else "")
        for path in ("", "lessons/check-first/"):
            page.goto(base + path)
            links = page.locator(".pa-help a[href^='tel:']")
            assert links.count() >= 3, f"{base + path}: no hotlines in the help box"
            for i in range(links.count()):
                link = links.nth(i)
                lines, right, left, text = link.evaluate(
                    """(a) => {
                      const n = a.querySelector('.pa-help__number');
                      const range = document.createRange();
                      range.selectNodeContents(n);
                      const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
                      const box = a.getBoundingClientRect();
                      return [tops.size, box.right, box.left, n.textContent];
                    }"""
                )
                checked += 1
                if lines != 1:
                    problems.append(f"{prefix or 'zh'} {path or 'home'}: {text} breaks over {lines} lines at {width}px")
                if right > width + 0.5 or left < -0.5:
                    problems.append(f"{prefix or 'zh'} {path or 'home'}: {text} leaves the screen at {width}px")
    assert checked >= 5 * 2 * 3
    assert problems == []


def test_true_false_result_reads_right_for_a_child(page: Page, site_url: str) -> None:
    """Choosing 错 (rightly) on a zh true/false question: the mark beside 错 must not say
    对 ("你的选择：对" read as "you chose True"); it says the child picked this one."""
    page.goto(site_url + "lessons/check-first/")
    zh = quiz_strings("zh")
    question = page.locator(".pa-quiz__question[data-pa-kind='truefalse']").first
    question.scroll_into_view_if_needed()
    question.locator("label", has_text=zh["false"]).click()
    question.locator(".pa-quiz__check").click()
    chosen = question.locator(".pa-quiz__option--chosen")
    expect(chosen).to_have_count(1)
    expect(chosen).to_contain_text(zh["false"])
    mark = chosen.locator(".pa-quiz__mark")
    expect(mark).to_have_text("✓" + zh["chose_right"])
    assert "你的选择：对" not in question.inner_text()
    # The words beside the chosen option never name an option of a true/false question.
    for lang in site_languages().values():
        s = quiz_strings(lang)
        for key in ("chose_right", "chose_wrong"):
            words = s[key].casefold()
            assert words and s["true"].casefold() not in words and s["false"].casefold() not in words, (lang, key, words)


def test_checked_button_words_still_read(page: Page, site_url: str) -> None:
    """After "Check", the greyed button's text contrast is at least 4.5:1 (not faded out)."""
    page.goto(site_url + "lessons/check-first/")
    question = page.locator(".pa-quiz__question").first
    question.locator(".pa-quiz__choice").first.click()
    button = question.locator(".pa-quiz__check")
    button.click()
    expect(button).to_have_attribute("aria-disabled", "true")
    style = button.evaluate(CONTRAST_JS)
    assert style["opacity"] == 1
    assert style["ratio"] >= 4.5, style


def test_unreviewed_translation_is_a_quiet_line_under_the_title(page: Page, site_url: str) -> None:
    """An unreviewed English lesson: no box above the title; one line right after the <h1>
    that links to the About page's section on translations, which exists."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "en/lessons/check-first/")
    expect(page.locator(".pa-notice--unreviewed")).to_have_count(0)
    note = page.locator("article h1 + .pa-note")
    expect(note).to_have_count(1)
    height = note.evaluate("(n) => n.getBoundingClientRect().height / parseFloat(getComputedStyle(n).lineHeight)")
    assert height < 2.5  # one line on a wide screen; at most two on a phone
    link = note.locator("a")
    href = link.get_attribute("href")
    assert href and href.endswith("#translations")
    link.click()
    expect(page).to_have_url(site_url + "en/about/#translations")
    expect(page.locator("#translations")).to_be_visible()


@pytest.mark.parametrize("lang", ["vi", "ug"])
def test_lesson_buttons_keep_their_rows(page: Page, site_url: str, lang: str) -> None:
    """Present, Print worksheet, Print answer key: one row on a wide screen; on a phone the
    two print buttons share one row under "Present" (none left alone on a line)."""
    url = site_url + f"{lang}/lessons/check-first/"
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    buttons = page.locator(".pa-present .md-button")
    expect(buttons).to_have_count(3)
    expect(buttons.nth(2)).to_be_visible()
    tops = buttons.evaluate_all("els => els.map((e) => Math.round(e.getBoundingClientRect().top))")
    assert len(set(tops)) == 1, tops
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url)
    tops = buttons.evaluate_all("els => els.map((e) => Math.round(e.getBoundingClientRect().top))")
    assert tops[1] == tops[2] and tops[0] < tops[1], tops


def test_uyghur_deck_counter_reads_one_of_many(page: Page, site_url: str) -> None:
    """On the Uyghur deck (right to left) on a phone, the counter shows "1 / 23", not "23 / 1"."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "ug/lessons/check-first/present/")
    counter = page.locator(".pa-deck__counter")
    expect(counter).to_have_text("1 / " + counter.inner_text().split("/")[-1].strip())
    first_x, last_x = counter.evaluate(
        """(c) => {
          const t = c.firstChild, r = document.createRange();
          r.setStart(t, 0); r.setEnd(t, 1); const a = r.getBoundingClientRect().left;
          r.setStart(t, t.length - 1); r.setEnd(t, t.length); const b = r.getBoundingClientRect().left;
          return [a, b];
        }"""
    )
    assert first_x < last_x  # the slide number stands left of the total
