"""Lighthouse (mobile, median of 3) on the page kinds readers open, and the longest task of
quiz.mjs on load: the figures of issue 14 (``make bench`` runs this after tests/bench.py).

    .venv/bin/python tests/lighthouse.py [--runs 3] [--site-dir site]

Lighthouse 12.2.3 (13 wants Node 22) is installed with npm into .cache/lighthouse/ (git-
ignored) when missing; Chromium is the tests' (CHROME_PATH). The site is built fresh
unless --site-dir names a built one, and served gzip-compressed on 127.0.0.1, as a
production server would send it.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from chromium import LAUNCH_ARGS, find_chromium  # noqa: E402
from helpers import ROOT, build_site  # noqa: E402

LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE_BIN = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
#: The page kinds: home, a zh lesson with a quiz, an en lesson, a ug lesson, a deck.
PAGES = {
    "home": "",
    "zh lesson with quiz": "lessons/check-first/",
    "en lesson": "en/lessons/lost-in-a-crowd/",
    "ug lesson": "ug/lessons/saying-no/",
    "deck": "lessons/check-first/present/",
}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
_TYPES = {".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
          ".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml"}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (level 6, as nginx would)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", _TYPES.get(path.suffix, "application/octet-stream"))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        import io

        return io.BytesIO(body)


@contextlib.contextmanager
def serve_gzip(path: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def ensure_lighthouse() -> Path:
    """Lighthouse in .cache/lighthouse/, installed with npm when missing."""
    if not LIGHTHOUSE_BIN.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR.relative_to(ROOT)}/ …", flush=True)
        subprocess.run(["npm", "i", "-E", f"lighthouse@{LIGHTHOUSE_VERSION}", "--no-audit", "--no-fund", "--silent"],
                       cwd=LIGHTHOUSE_DIR, check=True)
    return LIGHTHOUSE_BIN


def run_lighthouse(binary: Path, url: str, chromium: str) -> dict:
    proc = subprocess.run(
        [str(binary), url, "--quiet", "--output=json", "--output-path=stdout", "--form-factor=mobile",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu " + " ".join(LAUNCH_ARGS),
         "--only-categories=performance,accessibility,best-practices,seo"],
        capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=chromium), check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"lighthouse {url}: {proc.stderr.strip()[-400:]}")
    return json.loads(proc.stdout)


def quiz_longest_task(url: str, chromium: str) -> tuple[float, float]:
    """The longest task of quiz.mjs (ms) while a lesson loads, and when its quiz is first scrolled to."""
    from playwright.sync_api import sync_playwright

    def longest(trace: bytes) -> float:
        events = json.loads(trace)
        events = events.get("traceEvents", events) if isinstance(events, dict) else events
        durations = [
            e.get("dur", 0) / 1000
            for e in events
            if e.get("ph") == "X" and "quiz.mjs" in json.dumps(e.get("args", {}))
        ]
        return max(durations, default=0.0)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})  # as Lighthouse's mobile run
        with tempfile.TemporaryDirectory() as tmp:
            browser.start_tracing(page=page, path=f"{tmp}/load.json", categories=["devtools.timeline"])
            page.goto(url, wait_until="load")
            page.wait_for_timeout(1500)
            on_load = longest(browser.stop_tracing())
            browser.start_tracing(page=page, path=f"{tmp}/scroll.json", categories=["devtools.timeline"])
            page.locator(".pa-quiz").first.scroll_into_view_if_needed()
            page.wait_for_timeout(1000)
            on_scroll = longest(browser.stop_tracing())
        browser.close()
    return on_load, on_scroll


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site-dir", type=Path)
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        sys.exit("No Chromium: run `make chromium`.")
    binary = ensure_lighthouse()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site_dir or build_site(ROOT, Path(tmp) / "site")
        failed = []
        print(f"\nLighthouse {LIGHTHOUSE_VERSION}, mobile, median of {args.runs}, served gzip on 127.0.0.1")
        print("| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |")
        print("|---|---|---|---|---|---|---|---|---|")
        with serve_gzip(site) as url:
            for name, path in PAGES.items():
                reports = [run_lighthouse(binary, url + path, chromium) for _ in range(args.runs)]
                med = {k: statistics.median(round((r["categories"][k]["score"] or 0) * 100) for r in reports) for k in TARGETS}
                metric = {
                    m: statistics.median(r["audits"][m]["numericValue"] for r in reports)
                    for m in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
                }
                print(
                    f"| {name} (/{path}) | {med['performance']:.0f} | {med['accessibility']:.0f} | {med['best-practices']:.0f} | "
                    f"{med['seo']:.0f} | {metric['first-contentful-paint'] / 1000:.1f} s | {metric['largest-contentful-paint'] / 1000:.1f} s | "
                    f"{metric['total-blocking-time']:.0f} ms | {metric['cumulative-layout-shift']:.3f} |",
                    flush=True,
                )
                for k, target in TARGETS.items():
                    if med[k] < target:
                        last = reports[-1]
                        missed = sorted(
                            ref["id"] for ref in last["categories"][k]["auditRefs"]
                            if ref["weight"] and (last["audits"][ref["id"]]["score"] or 1) < 1
                        )
                        failed.append(f"{name}: {k} {med[k]:.0f} < {target} (below 1: {', '.join(missed) or '-'})")
            on_load, on_scroll = quiz_longest_task(url + PAGES["zh lesson with quiz"], chromium)
        print(f"\nquiz.mjs longest task (4× CPU slowdown): {on_load:.0f} ms on load, {on_scroll:.0f} ms when its quiz is first scrolled to (target on load: ≤ 50 ms)")
        if failed:
            print("\nBelow target:\n  " + "\n  ".join(failed))


if __name__ == "__main__":
    main()
