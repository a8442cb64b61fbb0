"""The site through deploy/nginx.conf, with its Content-Security-Policy header, in Chromium: no
violation, the quiz works, the offline worker registers (the CSP allows it), the manifest reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from nginx import run_nginx
from playwright.sync_api import BrowserContext, expect

pytestmark = pytest.mark.browser


def test_pages_work_under_the_served_policy(site_dir: Path, tmp_path: Path, context: BrowserContext) -> None:
    with run_nginx(site_dir, tmp_path / "nginx") as (host, port):
        url = f"http://{host}:{port}/"
        page = context.new_page()
        violations: list[str] = []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        for path in ("", "en/lessons/check-first/", "lessons/saying-no/"):
            response = page.goto(url + path)
            assert response is not None and "content-security-policy" in response.headers
            expect(page.locator("section[data-pa-quiz]").first.or_(page.locator(".pa-help")).first).to_be_visible()
            if path:
                quiz = page.locator("section[data-pa-quiz]").first
                quiz.scroll_into_view_if_needed()  # a quiz is set up when it comes near the screen
                expect(quiz).to_have_attribute("data-pa-ready", "")
            assert page.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")
        assert violations == []
        # Chromium reads the English manifest of an English page without complaint.
        page.goto(url + "en/lessons/check-first/")
        manifest = context.new_cdp_session(page).send("Page.getAppManifest")
        assert manifest["url"] == url + "en/manifest.webmanifest"
        assert manifest["errors"] == [], manifest["errors"]
        assert '"lang": "en"' in manifest["data"] and "Ping'an Classroom" in manifest["data"]
