"""``make serve`` shows edits to quizzes and hotlines.yml, not only to content/ (issue 12).

``mkdocs serve`` runs on a copy of the project; Chromium keeps a lesson open while a quiz
file and hotlines.yml are edited, and the page changes by itself (livereload).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import copy_project
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

LESSON = "lessons/check-first/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the project under ``mkdocs serve``: (project folder, its address)."""
    project = copy_project(tmp_path / "p")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                with urllib.request.urlopen(url + LESSON, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert proc.poll() is None, (tmp_path / "serve.log").read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "mkdocs serve did not start"
            time.sleep(1)
        yield project, url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_reloads_on_quiz_and_hotline_edits(page: Page, served: tuple[Path, str]) -> None:
    """An edited quiz prompt and an edited hotline label reach the open page without a click."""
    project, url = served
    page.goto(url + LESSON)
    expect(page.locator(".pa-quiz").first).to_be_visible()

    _replace(project / "quizzes" / "check-first.yml", "你第一件事做什么？", "你第一件事要做什么？（已改）")
    expect(page.get_by_text("你第一件事要做什么？（已改）").first).to_be_attached(timeout=120_000)

    _replace(project / "hotlines.yml", "zh: 报警电话", "zh: 报警电话（已改）")
    expect(page.get_by_text("报警电话（已改）").first).to_be_attached(timeout=120_000)
