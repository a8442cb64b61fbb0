"""Read-aloud on children's lessons, with a stubbed speechSynthesis (headless Chromium has no
voices): it speaks the lesson's own sentences with a voice for the page's language,
highlights the sentence being read, pauses and resumes, and hides when no voice fits."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

STUB = """
(() => {
  const voices = %s;
  const spoken = [];
  let current = null;
  const synth = {
    speaking: false, paused: false,
    getVoices: () => voices,
    speak(u) { spoken.push(u); current = u; this.speaking = true; setTimeout(() => u.onstart && u.onstart(), 0); },
    pause() { this.paused = true; window.__paPaused = (window.__paPaused || 0) + 1; },
    resume() { this.paused = false; window.__paResumed = (window.__paResumed || 0) + 1; },
    cancel() { this.speaking = false; },
    addEventListener() {},
  };
  // Lets the test finish the sentence being spoken.
  window.__paEnd = () => { const u = current; current = null; u && u.onend && u.onend(); };
  window.__paSpoken = spoken;
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
})();
"""


def _stub(page: Page, voices: str) -> None:
    page.add_init_script(STUB % voices)


@pytest.mark.parametrize(("prefix", "voice_lang"), [("", "zh-CN"), ("en/", "en-US")])
def test_reads_the_lesson_and_highlights_each_sentence(page: Page, site_url: str, prefix: str, voice_lang: str) -> None:
    _stub(page, f'[{{"lang": "de-DE", "name": "de"}}, {{"lang": "{voice_lang}", "name": "own"}}]')
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{site_url}{prefix}lessons/check-first/")
    button = page.locator(".pa-read__toggle")
    expect(button).to_be_visible()
    label = button.inner_text()
    # readaloud.mjs is not part of the first load (issue 14's weight): it comes on first use.
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "readaloud" in u], requested
    button.click()
    expect(page.locator(".pa-read")).to_have_attribute("data-pa-ready", "")
    page.wait_for_function("window.__paSpoken.length === 1")
    first = page.evaluate("(() => { const u = window.__paSpoken[0]; return {text: u.text, lang: u.lang, voice: u.voice.name}; })()")
    assert first["voice"] == "own" and first["lang"] == voice_lang
    # The lesson's own words: its title comes first.
    assert first["text"] == page.locator("article h1").inner_text().strip()
    page.evaluate("window.__paEnd()")
    page.wait_for_function("window.__paSpoken.length === 2")
    second = page.evaluate("window.__paSpoken[1].text")
    assert second and second in page.locator("article").inner_text()
    # The sentence being read is highlighted (CSS Custom Highlight over exactly its text).
    page.wait_for_function("CSS.highlights.has('pa-read')")
    highlighted = page.evaluate("[...CSS.highlights.get('pa-read')][0].toString()")
    assert highlighted == second
    # Pause and resume.
    button.click()
    assert page.evaluate("window.__paPaused") == 1
    expect(button).not_to_have_text(label)
    button.click()
    assert page.evaluate("window.__paResumed") == 1
    # Stop: back to the start, no highlight.
    page.locator(".pa-read__stop").click()
    expect(button).to_have_text(label)
    assert not page.evaluate("CSS.highlights.has('pa-read')")
    # The quiz's text is not read aloud (answers would be spoiled).
    quiz_text = page.locator(".pa-quiz__legend").first.inner_text()
    spoken = page.evaluate("window.__paSpoken.map((u) => u.text)")
    assert quiz_text not in spoken


def test_hidden_when_no_voice_fits(page: Page, site_url: str) -> None:
    _stub(page, '[{"lang": "en-US", "name": "en"}, {"lang": "de-DE", "name": "de"}]')
    page.goto(site_url + "ug/lessons/saying-no/")
    expect(page.locator(".pa-read")).to_be_attached()
    expect(page.locator(".pa-read")).to_be_hidden()
    page.goto(site_url + "lessons/saying-no/")
    expect(page.locator(".pa-read")).to_be_hidden()
