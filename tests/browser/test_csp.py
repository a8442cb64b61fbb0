"""Every kind of page, in every language, and the offline bundle over file://: zero CSP violations.

The pages carry a Content-Security-Policy (pingan.trust.csp): scripts from the site itself,
inline scripts only by their hash. A script the policy blocks would be a feature that
silently stopped working, so each page is loaded, used a little (search, quiz, slides), and
every ``securitypolicyviolation`` event and every console report of CSP is collected.
"""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT
from playwright.sync_api import Browser, Page

from pingan.cli.bundle import make_bundle

pytestmark = pytest.mark.browser

LANGUAGES = ("", "en/", "zh-Hant/", "vi/", "ug/")
#: One page of each kind: home, lesson index, lesson (with a quiz), its slides, a plain page.
KINDS = ("", "lessons/", "lessons/saying-no/", "lessons/saying-no/present/", "about/")

_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
}, true);
"""


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page that records CSP violations: the event (init script) and the console."""
    context = browser.new_context()
    context.add_init_script(_WATCH)
    page = context.new_page()
    reports: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and reports.append(f"console: {m.text}"))
    yield page, reports
    context.close()


def _violations(page: Page, reports: list[str]) -> list[str]:
    page.wait_for_timeout(150)  # violation events are dispatched as a task
    return [*page.evaluate("window.__csp"), *reports]


def _use(page: Page) -> None:
    """Do what readers do, so that scripts started later are loaded too."""
    box = page.locator("input.md-search__input")
    if box.count():
        box.focus()  # starts the search (index and worker load on demand)
        box.fill("110")
        page.keyboard.press("End")
        page.locator(".md-search-result__meta").first.wait_for()
        page.wait_for_timeout(300)
    else:  # the slides
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kind_of_page_loads_without_csp_violations(watched: tuple[Page, list[str]], site_url: str, lang: str) -> None:
    page, reports = watched
    for kind in KINDS:
        page.goto(site_url + lang + kind)
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, f"{lang}{kind}: no CSP"
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
        assert "script-src 'self' 'sha256-" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        _use(page)
        assert _violations(page, reports) == [], f"{lang}{kind}"
    # The 404 page (the server answers with it for a missing address).
    page.goto(site_url + "404.html")
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert _violations(page, reports) == []


def test_material_and_our_scripts_run_under_the_policy(watched: tuple[Page, list[str]], site_url: str) -> None:
    """Hashes are right: Material's inline scripts ran (its "js" class, its __md_get), ours too."""
    page, reports = watched
    page.goto(site_url + "lessons/saying-no/")
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.evaluate("typeof window.__md_get") == "function"
    assert _violations(page, reports) == []


@pytest.fixture(scope="module")
def bundle_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("csp-dist")
    target = make_bundle(ROOT / "mkdocs.yml", out)
    folder = tmp_path_factory.mktemp("csp-usb")
    with zipfile.ZipFile(target) as zf:
        zf.extractall(folder)
    (root,) = list(folder.iterdir())
    assert datetime.date.today().strftime("%Y%m%d") in target.name
    return root


def test_offline_bundle_over_file_has_no_csp_violations(watched: tuple[Page, list[str]], bundle_root: Path) -> None:
    page, reports = watched
    for lang in ("", "en/", "ug/"):
        for kind in ("index.html", "lessons/index.html", "lessons/saying-no.html", "lessons/saying-no/present/index.html", "about.html"):
            path = bundle_root / (lang + kind)
            assert path.is_file(), path
            page.goto(path.as_uri())
            assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
            _use(page)
            assert _violations(page, reports) == [], f"{lang}{kind}"


def test_the_watch_sees_a_violation(watched: tuple[Page, list[str]], site_url: str) -> None:
    """Control: a page whose inline script has no hash reports it (the checks above can fail)."""
    page, reports = watched
    page.goto(site_url + "404.html")
    page.evaluate("""() => {
        const s = document.createElement("script");
        s.textContent = "window.__ran = true";
        document.body.append(s);
    }""")
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in _violations(page, reports))
