"""Build CPU time (user + sys) with and without pingan-quiz and pingan-present, the share of
slide generation in a profiled build, and the time from an edit to the reloaded page under
``mkdocs serve``: the figures of issue 12. Part of ``make bench`` (tests/bench.py).

Each build runs in a fresh Python process; its CPU time is that child's user + sys
(``RUSAGE_CHILDREN``), not wall time, since these machines are shared and noisy. The two
variants of a measure are run alternately (with, without, with, ...) and the median of
``repeat`` runs is shown.

"Without" is the same site with the ``pingan-quiz`` and ``pingan-present`` entries removed
from mkdocs.yml, the ``[[quiz …]]`` lines removed from the lessons and the quiz folder
removed (so the model loads no quiz either).

The real site is measured three ways, since one step of its build costs by the byte, not by
the plugin: after the pages are written, ``pingan-serve`` compresses every text file (gzip 9
and brotli 11 for nginx), which is about two thirds of a first build's CPU. So the table shows

- "pages": the build with precompression off (``pingan-serve: precompress: false``) and
  no cache of any kind, what issue 12 measured when it was filed: what the two plugins
  cost to make their pages;
- "first build": the whole build with empty caches (a fresh clone, CI);
- "rebuild": the whole build again after an editor's change (one lesson edited, so that
  lesson's page, deck and sitemap are compressed again; everything else comes from the
  caches of the previous build: compressed bytes, and the quiz files PyYAML read).

The 1,000-lesson corpus (tests/bench.py's ``make_corpus``) has no precompression.

Beside the CPU times, the instructions each variant of the "pages" build executes, counted by
valgrind (cachegrind, when installed): a count that other work on the machine cannot change,
so it shows an overhead of a few per cent that the spread of CPU times hides. It leaves out
the kernel's work (writing and reading the decks' files) and the cost of memory, which the
CPU times include.

Environment: ``BENCH_LESSONS`` (default 1000) the large corpus, ``BENCH_PROFILE_LESSONS``
(default 300) the profiled one, ``BENCH_REPEAT`` (default 3) runs of each variant of the large
corpus, ``BENCH_REAL_REPEAT`` (default 7) of the real site's: a build of the real site takes a
few seconds, and on these shared 2-core machines one run in three can be 10-15 % off (the
same build, measured 7 times, spread over 6.2-8.3 s), so a median of 3 moved the real site's
overhead by several points from one `make bench` to the next. ``BENCH_QUICK=1`` is
``BENCH_LESSONS=100 BENCH_PROFILE_LESSONS=50``: a run of a few minutes.
"""

from __future__ import annotations

import os
import pstats
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from helpers import copy_project

QUIZ_LINE_RE = re.compile(r"^[ \t]*\[\[quiz [^\]]+\]\][ \t]*\n?", re.M)

CHILD = """
import logging, sys
logging.basicConfig(level=logging.WARNING)
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=sys.argv[3] == "strict")
build(config)
"""

PROFILED = """
import cProfile, logging, sys
logging.basicConfig(level=logging.WARNING)
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=False)
cProfile.run("build(config)", sys.argv[3])
"""


def settings() -> tuple[int, int, int, int]:
    """(lessons of the large corpus, lessons of the profiled one, repeat of the large corpus,
    repeat of the real site) from the environment."""
    quick = os.environ.get("BENCH_QUICK") == "1"
    lessons = int(os.environ.get("BENCH_LESSONS", "100" if quick else "1000"))
    profiled = int(os.environ.get("BENCH_PROFILE_LESSONS", "50" if quick else "300"))
    repeat = int(os.environ.get("BENCH_REPEAT", "3"))
    return lessons, profiled, repeat, max(repeat, int(os.environ.get("BENCH_REAL_REPEAT", "7")))


def cpu_of(args: list[str], cwd: Path) -> float:
    """User + sys CPU seconds of a child process running ``args``. Its YAML cache
    (pingan.core.yamlcache) is the project's own ``.cache/pingan-yaml``, so a first build
    starts without one and a rebuild has the previous build's."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PINGAN_CACHE_DIR=str(cwd / ".cache" / "pingan-yaml"))
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(args[:3])} failed:\n{proc.stderr[-4000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build_cpu(config: Path, site: Path, strict: bool = True) -> float:
    if site.exists():
        shutil.rmtree(site)
    return cpu_of([sys.executable, "-c", CHILD, str(config), str(site), "strict" if strict else "lax"], config.parent)


def strip_plugins(project: Path) -> Path:
    """``project`` (a copy) without pingan-quiz, pingan-present, quiz lines and quiz files."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, n = re.subn(r"^  - pingan-quiz(?::\n(?:^      .*\n|^\s*#.*\n)*|\n)", "", text, flags=re.M)
    text, m = re.subn(r"^  - pingan-present(?::\n(?:^      .*\n)*|\n)", "", text, flags=re.M)
    if n != 1 or m != 1:
        sys.exit(f"bench: expected one pingan-quiz and one pingan-present entry in {config}")
    config.write_text(text, encoding="utf-8")
    for md in (project / "content").rglob("*.md"):
        body = md.read_text(encoding="utf-8")
        if "[[quiz " in body:
            md.write_text(QUIZ_LINE_RE.sub("", body), encoding="utf-8")
    shutil.rmtree(project / "quizzes", ignore_errors=True)
    return config


def no_precompress(config: Path, dest: Path) -> Path:
    """A copy of ``config``'s project whose build writes no .gz/.br siblings."""
    project = shutil.copytree(config.parent, dest)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text, n = re.subn(r"^  - pingan-serve\n", "  - pingan-serve:\n      precompress: false\n", text, flags=re.M)
    if n != 1:
        sys.exit(f"bench: expected a bare '- pingan-serve' entry in {config}")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    return project / "mkdocs.yml"


CACHE = Path(".cache")


def _cold(config: Path) -> None:
    """Before a first build: no compression cache, no YAML cache."""
    shutil.rmtree(config.parent / CACHE, ignore_errors=True)


def _one_lesson_edited(config: Path) -> None:
    """Before a rebuild: the cache of a previous build, and one lesson changed since."""
    if not (config.parent / CACHE).is_dir():
        build_cpu(config, config.parent / "site-warm-up")  # not counted: fills the cache
    lesson = config.parent / "content" / "zh" / "lessons" / "check-first.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("\n## ", f"\nbench-edit-{time.time_ns()}\n\n## ", 1), encoding="utf-8")


def alternated(
    with_config: Path,
    without_config: Path,
    tmp: Path,
    repeat: int,
    strict: bool,
    prepare: Callable[[Path], None] | None = None,
) -> tuple[float, float, float, float]:
    """(median with, median without, best with, best without) CPU seconds, runs alternated
    (with, without, without, with, ...: neither variant always goes first); ``prepare``
    (not counted) runs before each build. The best run shows what the build costs when
    nothing else on the machine slowed it (other work can only add time)."""
    runs: dict[str, list[float]] = {"with": [], "without": []}
    variants = [("with", with_config), ("without", without_config)]
    for n in range(repeat):
        for name, config in variants if n % 2 == 0 else variants[::-1]:
            if prepare is not None:
                prepare(config)
            runs[name].append(build_cpu(config, tmp / f"site-{name}", strict))
    w, wo = runs["with"], runs["without"]
    return statistics.median(w), statistics.median(wo), min(w), min(wo)


def instructions(configs: list[Path], tmp: Path) -> list[int] | None:
    """Instructions a build of each of ``configs`` executes (valgrind's cachegrind, run side
    by side), or None without valgrind. Unlike CPU time on a shared machine, the count is
    the same from one run to the next (three runs of one build: 50.83 to 50.88 G), so it shows a small overhead that the
    spread of CPU times hides; it leaves out the kernel's work and the cost of memory."""
    if shutil.which("valgrind") is None:
        return None
    procs = []
    for n, config in enumerate(configs):
        _cold(config)
        site = tmp / f"site-counted-{n}"
        shutil.rmtree(site, ignore_errors=True)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PINGAN_CACHE_DIR=str(config.parent / CACHE / "pingan-yaml"))
        command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={tmp}/cg-{n}.out"]
        procs.append(
            subprocess.Popen(
                [*command, sys.executable, "-c", CHILD, str(config), str(site), "strict"],
                cwd=config.parent,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    counts = []
    for proc in procs:
        _out, err = proc.communicate()
        found = re.search(r"I\s+refs:\s+([\d,]+)", err)
        if proc.returncode != 0 or not found:
            sys.exit(f"bench: the build under valgrind failed:\n{err[-4000:]}")
        counts.append(int(found.group(1).replace(",", "")))
    return counts


def slide_share(config: Path, tmp: Path) -> tuple[float, float]:
    """(share of build CPU in making slides, in pingan.slides alone) from a profiled build."""
    stats_file = tmp / "build.prof"
    site = tmp / "site-profiled"
    cpu_of([sys.executable, "-c", PROFILED, str(config), str(site), str(stats_file)], config.parent)
    stats = pstats.Stats(str(stats_file))
    total = stats.total_tt  # type: ignore[attr-defined]
    raw = stats.stats  # type: ignore[attr-defined]
    deck = sum(ct for (path, _l, name), (_cc, _nc, _tt, ct, _c) in raw.items() if name == "_render_deck")
    slides = sum(tt for (path, _l, _n), (_cc, _nc, tt, _ct, _c) in raw.items() if "/pingan/slides/" in path)
    return deck / total, slides / total


def edit_to_reload(tmp: Path) -> tuple[float, float]:
    """(wall seconds, serve CPU seconds) from saving a lesson to the served page showing it."""
    project = copy_project(tmp / "serve")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/lessons/check-first/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def page_has(text: str) -> bool:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return text in response.read().decode("utf-8")
        except OSError:
            return False

    def cpu() -> float:
        fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait(test: Callable[[], bool], limit: float) -> None:
        deadline = time.monotonic() + limit
        while not test():
            if time.monotonic() > deadline or proc.poll() is not None:
                sys.exit("bench: mkdocs serve did not show the page")
            time.sleep(0.1)

    try:
        wait(lambda: page_has("</html>"), 300)
        time.sleep(2)  # let the first build's watcher settle
        lesson = project / "content" / "zh" / "lessons" / "check-first.md"
        marker = f"bench-edit-{time.time_ns()}"
        cpu0, start = cpu(), time.monotonic()
        text = lesson.read_text(encoding="utf-8")
        lesson.write_text(text.replace("\n## ", f"\n{marker}\n\n## ", 1), encoding="utf-8")
        wait(lambda: page_has(marker), 300)
        wall = time.monotonic() - start
        time.sleep(0.5)
        return wall, cpu() - cpu0
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def run(tmp: Path, out: Callable[..., None], make_corpus: Callable[[Path, int, bool], Path]) -> None:
    """Measure and print the figures (``make_corpus`` is tests/bench.py's corpus maker)."""
    lessons, profiled, repeat, real_repeat = settings()
    out(
        f"\nBuild CPU (user + sys of a fresh process), runs alternated: median of {real_repeat} for the "
        f"real site, of {repeat} for {lessons} lessons",
        flush=True,
    )
    out("| site | with quiz + present | without | overhead (medians) | overhead (best runs) | target |")
    out("|---|---|---|---|---|---|")

    def row(label: str, w: float, wo: float, best_w: float, best_wo: float, target: str) -> None:
        out(
            f"| {label} | {w:.1f} s | {wo:.1f} s | {100 * (w / wo - 1):+.0f} % "
            f"| {100 * (best_w / best_wo - 1):+.0f} % | {target} |",
            flush=True,
        )

    real_with = copy_project(tmp / "real-with") / "mkdocs.yml"
    real_without = strip_plugins(copy_project(tmp / "real-without"))
    pages_with = no_precompress(real_with, tmp / "pages-with")
    pages_without = no_precompress(real_without, tmp / "pages-without")
    row(
        "real site, pages (no precompression, no cache)",
        *alternated(pages_with, pages_without, tmp, real_repeat, True, _cold),
        "≤ 15 %",
    )
    row(
        "real site, first build (empty caches)",
        *alternated(real_with, real_without, tmp, real_repeat, True, _cold),
        "(reported)",
    )
    row(
        "real site, rebuild after a lesson edit",
        *alternated(real_with, real_without, tmp, real_repeat, True, _one_lesson_edited),
        "≤ 15 %",
    )
    big_with = make_corpus(tmp / f"c{lessons}", lessons, True)
    big_without = strip_plugins(shutil.copytree(big_with.parent, tmp / f"c{lessons}-without"))
    row(
        f"{lessons} lessons (zh + en), no cache",
        *alternated(big_with, big_without, tmp, repeat, False, _cold),
        "≤ 20 %",
    )
    counted = instructions([pages_with, pages_without], tmp)
    if counted is None:
        out("\nInstructions of the real site's pages build: skipped (no valgrind)", flush=True)
    else:
        w_count, wo_count = counted
        out(
            f"\nInstructions of the real site's pages build (valgrind; the same from run to run): {w_count / 1e9:.2f} G with, "
            f"{wo_count / 1e9:.2f} G without: {100 * (w_count / wo_count - 1):+.1f} %",
            flush=True,
        )
    deck, slides = slide_share(make_corpus(tmp / f"p{profiled}", profiled, True), tmp)
    out(
        f"\nSlide generation at {profiled} lessons (cProfile): {100 * deck:.1f} % of build time in "
        f"PresentPlugin._render_deck, {100 * slides:.1f} % in pingan.slides itself (target ≤ 10 %)",
        flush=True,
    )
    wall, cpu = edit_to_reload(tmp)
    out(f"Edit to reload under mkdocs serve (one lesson): {wall:.1f} s wall, {cpu:.1f} s CPU (target ≤ 3 s CPU)")
