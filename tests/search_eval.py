"""The search query set (tests/search/queries.yml) run through the real search box.

Shared by tests/browser/test_search_queries.py (the targets of issue 15) and `make bench`
(ours beside Material's stock search). A query is typed as a reader types it: into
Material's search input, then a real key (Material ignores text Playwright fills in until
a key event arrives). Results are read as the reader sees them: one per page, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

QUERIES = Path(__file__).parent / "search" / "queries.yml"
#: issue 15: hit@3 (and hit@1) each language's results must reach, in per cent.
TARGETS = {"zh": (90, 100), "en": (90, 100), "zh-Hant": (0, 90), "vi": (0, 90), "ug": (0, 90)}
RESULTS = ".md-search-result__list > li > a:first-child"


@dataclass
class Outcome:
    """One language's run: for each query, the lessons it found, best first."""

    lang: str
    rows: list[tuple[str, list[str], list[str]]] = field(default_factory=list)  # (query, want, found)

    def rank(self, want: list[str], found: list[str]) -> int:
        return next((i + 1 for i, slug in enumerate(found) if slug in want), 0)

    def hit(self, k: int) -> float:
        if not self.rows:
            return 0.0
        good = sum(1 for _, want, found in self.rows if 0 < self.rank(want, found) <= k)
        return 100.0 * good / len(self.rows)

    def misses(self, k: int) -> list[str]:
        return [
            f"{q!r}: want {want}, got {found[:3]}"
            for q, want, found in self.rows
            if not 0 < self.rank(want, found) <= k
        ]


def load_queries(path: Path = QUERIES) -> dict[str, list[dict]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def slug(href: str) -> str:
    """The lesson (or page) a result links to: ``.../lessons/check-first/`` -> ``check-first``."""
    path = unquote(urlparse(href).path).removesuffix("index.html").rstrip("/")
    parts = path.split("/")
    if len(parts) >= 2 and parts[-2] == "lessons":
        return parts[-1].removesuffix(".html")
    return parts[-1].removesuffix(".html") or "home"


def run_queries(page, home_url: str, lang: str, queries: list[dict]) -> Outcome:  # noqa: ANN001 - Playwright Page
    """Open ``home_url``, open search, type every query and note the pages found."""
    page.goto(home_url)
    box = page.locator("input.md-search__input")
    box.click()
    outcome = Outcome(lang)
    for row in queries:
        box.fill("")
        box.press("End")
        page.wait_for_function("() => !document.querySelector('.md-search-result__list > li')")
        idle = page.locator(".md-search-result__meta").text_content()
        box.fill(row["q"])
        box.press("End")
        # Results, or Material's "no matching documents": either way the list answered.
        page.wait_for_function(
            "idle => document.querySelector('.md-search-result__list > li') !== null"
            " || document.querySelector('.md-search-result__meta').textContent !== idle",
            arg=idle,
            timeout=10_000,
        )
        hrefs = page.locator(RESULTS).evaluate_all("els => els.map(e => e.href)")
        if not hrefs:
            # The meta line also changes when the index becomes ready ("Initializing search"
            # -> "Type to start searching"), which on a busy machine can come before the
            # first query's answer: give an empty answer a moment to be replaced.
            try:
                page.wait_for_function(
                    "() => document.querySelector('.md-search-result__list > li') !== null", timeout=3_000
                )
            except PlaywrightTimeoutError:
                pass
            hrefs = page.locator(RESULTS).evaluate_all("els => els.map(e => e.href)")
        outcome.rows.append((row["q"], list(row["want"]), [slug(h) for h in hrefs]))
    return outcome
