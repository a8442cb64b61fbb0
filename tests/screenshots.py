"""``make screenshots``: PNGs of what teachers and children see, to look at before a release.

The home page, a children's lesson, its quiz after checking, and three slides (the story's
first step with its picture, a key point, a quiz question), on a phone (390×844) and a projector (1280×720), in
zh, en and ug, written to screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from chromium import LAUNCH_ARGS, find_chromium  # noqa: E402
from helpers import ROOT, build_site, serve_dir  # noqa: E402

SIZES = {"phone": (390, 844), "projector": (1280, 720)}
LANGS = {"zh": "", "en": "en/", "ug": "ug/"}
LESSON = "lessons/check-first/"


def has_chinese_font() -> bool:
    """True when fontconfig knows a font with Chinese glyphs (else zh shows as empty boxes)."""
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def ensure_chinese_font() -> None:
    """Phones and classroom PCs in China have Chinese fonts; a bare Debian does not. Install
    Debian's Noto CJK when missing (as root), so the zh screenshots can be read at all."""
    if not shutil.which("fc-list") or has_chinese_font():
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        sys.stderr.write("No Chinese font: installing Debian's fonts-noto-cjk for the screenshots…\n")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-qq", "fonts-noto-cjk"], check=False, env=env)
    if not has_chinese_font():
        sys.stderr.write("Warning: no Chinese font; zh screenshots will show empty boxes (apt-get install fonts-noto-cjk).\n")


def main() -> None:
    from playwright.sync_api import sync_playwright

    ensure_chinese_font()

    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    chromium = find_chromium()
    if chromium is None:
        sys.exit("No Chromium: run `make chromium`.")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        site = build_site(ROOT, Path(tmp) / "site")
        browser = p.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        with serve_dir(site) as url:
            for lang, prefix in LANGS.items():
                for size_name, (w, h) in SIZES.items():
                    page = browser.new_page(viewport={"width": w, "height": h})
                    shot = lambda name: page.screenshot(path=str(out / f"{lang}-{size_name}-{name}.png"))  # noqa: E731
                    page.goto(url + prefix)
                    shot("home")
                    page.goto(url + prefix + LESSON)
                    shot("lesson")
                    quiz = page.locator(".pa-quiz__question").first
                    quiz.scroll_into_view_if_needed()
                    quiz.locator(".pa-quiz__choice").first.click()
                    quiz.locator(".pa-quiz__check").click()
                    quiz.locator(".pa-quiz__result").scroll_into_view_if_needed()
                    shot("quiz-checked")
                    deck = url + prefix + LESSON + "present/"
                    page.goto(deck)
                    ids = {
                        "slide-picture": page.locator(".pa-slide:has(svg.pa-picture)").first.get_attribute("id"),
                        "slide-points": page.locator(".pa-slide--point").first.get_attribute("id"),
                        "slide-quiz": page.locator(".pa-slide--question").first.get_attribute("id"),
                    }
                    for name, sid in ids.items():
                        if sid:
                            page.goto(f"{deck}#{sid}")
                            page.wait_for_timeout(200)
                            shot(name)
                    page.close()
        browser.close()
    print(f"Screenshots in {out.relative_to(ROOT)}/: {len(list(out.glob('*.png')))} PNGs")


if __name__ == "__main__":
    main()
