"""Phones offline: pages opened once open again without a network, quiz working; a new release
replaces the cache. The server is stopped as well as the browser set offline, so nothing can come
from the network."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
import time
from pathlib import Path

import pytest
from helpers import ROOT, build_site
from playwright.sync_api import BrowserContext, Page, expect

from pingan.quiz.loader import load_quizzes

from pingan.core.catalogs import quiz_strings

pytestmark = pytest.mark.browser

LESSONS = [("en", "en/lessons/check-first/", "check-first"), ("zh", "lessons/lost-in-a-crowd/", "lost-in-a-crowd")]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class Server:
    """A static server on one fixed 127.0.0.1 port that can be stopped and started again."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.port, self.httpd = folder, 0, None

    def start(self) -> str:
        handler = functools.partial(_Quiet, directory=str(self.folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        if self.httpd:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None


def cache_names(page: Page) -> list[str]:
    return page.evaluate("caches.keys()")


def wait_cached(page: Page, urls: list[str], timeout: float = 20) -> None:
    """Wait until every URL is in one of the site's caches."""
    end = time.monotonic() + timeout
    missing = urls
    while time.monotonic() < end:
        missing = page.evaluate(
            "async (urls) => { const out = []; for (const u of urls) if (!(await caches.match(u, {ignoreSearch: true}))) out.push(u); return out; }",
            urls,
        )
        if not missing:
            return
        time.sleep(0.2)
    raise AssertionError(f"not cached: {missing}")


def wait_controlled(page: Page) -> None:
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")


def answer_first_question_right(page: Page, quiz_id: str, lang: str) -> None:
    quiz = load_quizzes(ROOT / "quizzes", languages=["zh", "en"], default_language="zh", root=ROOT).quizzes[quiz_id]
    question = quiz.main_questions[0]
    ui = quiz_strings(lang)
    section = page.locator(f'section[data-pa-quiz="{quiz_id}"]')
    section.scroll_into_view_if_needed()  # a quiz is set up when it comes near the screen
    expect(section).to_have_attribute("data-pa-ready", "")
    block = section.locator(f'[data-pa-q="{question.id}"]')
    inputs = block.get_by_role("checkbox" if question.kind == "multiple" else "radio")
    right = [i for i, o in enumerate(question.options) if o.correct]
    for i in right if question.kind == "multiple" else right[:1]:
        inputs.nth(i).check()
    block.get_by_role("button", name=ui["check"], exact=True).click()
    expect(block.get_by_text(ui["correct"], exact=False).first).to_be_visible()


@pytest.fixture
def live(tmp_path: Path, site_dir: Path):
    folder = tmp_path / "live"
    shutil.copytree(site_dir, folder)
    server = Server(folder)
    yield server
    server.stop()


def test_lessons_open_offline_with_their_quiz_and_a_new_release_replaces_the_cache(
    live: Server, context: BrowserContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = live.start()
    page = context.new_page()
    page.goto(url)
    wait_controlled(page)
    expect(page.locator(".pa-help")).to_be_visible()
    for _lang, path, _quiz in LESSONS:
        page.goto(url + path)
        wait_controlled(page)
        wait_cached(page, [url + path, url + "assets/pingan/quiz.mjs"])
    wait_cached(page, [url, url + "en/"])  # precached homes
    release = json.loads(page.evaluate("caches.keys().then(k => JSON.stringify(k))"))
    assert len(release) == 1 and release[0].startswith("pingan-")

    # Airplane mode: no server, no network.
    live.stop()
    context.set_offline(True)
    page.goto(url)
    expect(page.locator(".pa-help a[href^='tel:']").first).to_be_visible()
    page.goto(url + "en/")  # precached, never opened
    expect(page.locator(".pa-help")).to_be_visible()
    for lang, path, quiz_id in LESSONS:
        page.goto(url + path)
        page.reload()
        expect(page.locator("h1").first).to_be_visible()
        answer_first_question_right(page, quiz_id, lang)
    context.set_offline(False)

    # A new release: the worker is replaced and the old cache deleted.
    monkeypatch.setenv("PINGAN_RELEASE", "test-next-release")
    new_site = build_site(ROOT, tmp_path / "next")
    assert '"test-next-release"' in (new_site / "sw.js").read_text()
    shutil.rmtree(live.folder)
    shutil.copytree(new_site, live.folder)
    live.start()
    page.goto(url)
    end = time.monotonic() + 30
    while time.monotonic() < end and cache_names(page) != ["pingan-test-next-release"]:
        time.sleep(0.3)
    assert cache_names(page) == ["pingan-test-next-release"]
    wait_cached(page, [url, url + "en/"])
    # The old release's copy of a lesson went with its cache.
    assert not page.evaluate("(u) => caches.match(u).then(Boolean)", url + "en/lessons/check-first/")
