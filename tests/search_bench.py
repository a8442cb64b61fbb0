"""Search benchmark (issue 15), run by `make bench` (tests/bench.py) or on its own:

    .venv/bin/python tests/search_bench.py [--runs 5]

Builds the real site twice, with our search and with Material's stock search
(PINGAN_SEARCH=false), and prints per language:
- hit@1 and hit@3 of tests/search/queries.yml typed into the real search box, ours
  beside stock;
- the index each language downloads when search opens (gzip -9), ours beside stock,
  and the search worker;
- the time from opening search to the first results on a phone (Chromium under CDP:
  CPU slowed 4x, 150 ms round trips, 1.6 Mbit/s down; cold cache; median of --runs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

from chromium import LAUNCH_ARGS, find_chromium  # noqa: E402
from helpers import ROOT, build_site, serve_dir, site_languages  # noqa: E402
from quality import gzip_size  # noqa: E402
from search_eval import TARGETS, load_queries, run_queries  # noqa: E402

#: A mid-range phone on a mobile network (Lighthouse's "slow 4G" numbers).
PHONE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8,
                 "uploadThroughput": 750 * 1024 / 8}
PHONE_CPU = 4


def build(site: Path, ours: bool) -> Path:
    old = os.environ.get("PINGAN_SEARCH")
    os.environ["PINGAN_SEARCH"] = "true" if ours else "false"
    os.environ.setdefault("SITE_URL", "https://pingan.example.org/")
    try:
        return build_site(ROOT, site)
    finally:
        if old is None:
            os.environ.pop("PINGAN_SEARCH", None)
        else:
            os.environ["PINGAN_SEARCH"] = old


def first_results_ms(browser, url: str, query: str, runs: int) -> float:  # noqa: ANN001
    """Median ms from a tap on the search icon to the first result shown, on a throttled phone."""
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU})
        page.goto(url, wait_until="networkidle")
        page.evaluate(
            """() => { window.__paFirst = 0;
              new MutationObserver((m, o) => {
                if (document.querySelector('.md-search-result__list > li')) { window.__paFirst = performance.now(); o.disconnect(); }
              }).observe(document.querySelector('.md-search-result__list'), {childList: true}); }"""
        )
        start = page.evaluate("() => { const t = performance.now(); "
                              "document.querySelector('label.md-header__button[for=__search]').click(); return t; }")
        box = page.locator("input.md-search__input")
        box.fill(query)
        box.press("End")
        page.wait_for_function("() => window.__paFirst > 0", timeout=60_000)
        times.append(page.evaluate("() => window.__paFirst") - start)
        context.close()
    return statistics.median(times)


def report(out: Callable[..., None] = print, runs: int = 3) -> None:
    """Print the search tables (see the module docstring)."""
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    prefixes = {lang: prefix for prefix, lang in site_languages().items()}
    chromium = find_chromium()
    with tempfile.TemporaryDirectory(prefix="pingan-search-bench-") as tmp_name:
        tmp = Path(tmp_name)
        sites = {"ours": build(tmp / "ours", True), "stock": build(tmp / "stock", False)}
        out("\nSearch (issue 15): tests/search/queries.yml typed into the search box; ours vs Material's stock search", flush=True)
        results: dict[tuple[str, str], tuple[float, float]] = {}
        timing: dict[tuple[str, str], float] = {}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
            for name, site in sites.items():
                with serve_dir(site) as url:
                    for lang in TARGETS:
                        home = url + (f"{prefixes[lang]}/" if prefixes[lang] else "")
                        page = browser.new_page(viewport={"width": 1280, "height": 800})
                        outcome = run_queries(page, home, lang, queries[lang])
                        page.close()
                        results[(name, lang)] = (outcome.hit(1), outcome.hit(3))
                        timing[(name, lang)] = first_results_ms(browser, home + "lessons/check-first/", queries[lang][0]["q"], runs)
                        out(f"  {name} {lang}: done", flush=True)
            browser.close()
        out("| language | queries | ours hit@1 | ours hit@3 | stock hit@1 | stock hit@3 | target hit@1 / hit@3 |")
        out("|---|---|---|---|---|---|---|")
        for lang, (t1, t3) in TARGETS.items():
            o1, o3 = results[("ours", lang)]
            s1, s3 = results[("stock", lang)]
            out(f"| {lang} | {len(queries[lang])} | {o1:.0f} % | {o3:.0f} % | {s1:.0f} % | {s3:.0f} % | "
                f"{'≥ ' + str(t1) + ' %' if t1 else '-'} / {'= 100 %' if t3 == 100 else '≥ ' + str(t3) + ' %'} |")
        out(f"\nIndex (gzip -9) and time from opening search to the first results on a phone "
            f"(CPU ÷{PHONE_CPU}, 150 ms RTT, 1.6 Mbit/s, cold cache; median of {runs}, on a lesson page)")
        out("| language | ours index | stock index | ours first results | stock first results |")
        out("|---|---|---|---|---|")
        for lang in TARGETS:
            sizes = [gzip_size((sites[n] / prefixes[lang] / "search" / "search_index.json").read_bytes()) for n in ("ours", "stock")]
            out(f"| {lang} | {sizes[0] / 1024:.1f} KiB | {sizes[1] / 1024:.1f} KiB | "
                f"{timing[('ours', lang)]:.0f} ms | {timing[('stock', lang)]:.0f} ms |")
        where = {"ours": "assets/pingan/workers", "stock": "assets/javascripts/workers"}
        workers = {n: sum(gzip_size(p.read_bytes()) for p in (s / where[n]).glob("search.*.js")) for n, s in sites.items()}
        out(f"\nSearch worker, gzip -9: ours {workers['ours']:,d} B, stock {workers['stock']:,d} B "
            "(plus, for stock, lunr's language files where a language needs them)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="timed searches per language and engine (median)")
    report(runs=parser.parse_args().runs)


if __name__ == "__main__":
    main()
