"""The offline pieces without a browser: manifests, the worker's precache list, the bundle left alone."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from pingan.offline import site_files as sf
from pingan.mkdocs.offline.plugin import OfflinePlugin

ROOT = Path(__file__).resolve().parents[2]


def test_manifest_per_language_points_home_and_at_our_icon():
    m = sf.manifest("تىنچ-ئامان دەرسخانىسى", "x", "d", "ug", "rtl", "ug/")
    assert m["lang"] == "ug" and m["dir"] == "rtl" and m["start_url"] == "./" and m["scope"] == "../"
    assert m["icons"][0]["src"] == "../assets/pingan/favicon.svg"
    assert sf.manifest("平安课堂", "x", "d", "zh", "ltr", "")["scope"] == "./"


def test_precache_has_every_home_and_only_this_sites_files(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("x")
    (tmp_path / "index.html").write_text(
        '<link href="assets/a.css"><script src="https://cdn.example/x.js"></script><img src="//x.org/p.png">'
    )
    (tmp_path / "en" / "index.html").write_text('<link href="../assets/a.css"><a href="../">home</a>')
    assert sf.precache_list(tmp_path, ["", "en/"]) == ["./", "en/", "assets/a.css"]


def test_worker_script_is_filled_and_valid_javascript(tmp_path):
    template = (ROOT / "plugins" / "pingan" / "offline" / "worker.js").read_text()
    script = sf.worker_script(template, "1.0-abc", ["./", "en/"])
    assert 'const RELEASE = "1.0-abc";' in script and '["./", "en/"]' in script
    assert "__" not in script.replace("__RELEASE__", "")  # no placeholder left
    (tmp_path / "sw.js").write_text(script)
    subprocess.run(["node", "--check", str(tmp_path / "sw.js")], check=True)


def test_release_changes_with_the_site(tmp_path):
    (tmp_path / "index.html").write_text("a")
    first = sf.release_id("0.1.0", tmp_path)
    (tmp_path / "index.html.gz").write_bytes(b"ignored")
    assert sf.release_id("0.1.0", tmp_path) == first
    (tmp_path / "index.html").write_text("b")
    assert sf.release_id("0.1.0", tmp_path) != first


def test_offline_bundle_pages_get_no_worker():
    from mkdocs.config import load_config

    old = os.environ.get("OFFLINE")
    os.environ["OFFLINE"] = "true"
    try:
        config = load_config(str(ROOT / "mkdocs.yml"))
    finally:
        os.environ.pop("OFFLINE") if old is None else os.environ.__setitem__("OFFLINE", old)

    class Page:
        url = "lessons/check-first/"

    plugin = OfflinePlugin()
    plugin.load_config({})
    html = "<html><head></head></html>"
    assert plugin.on_post_page(html, page=Page(), config=config) == html
    # The same page in a web build gets the manifest and the external register script.
    web = load_config(str(ROOT / "mkdocs.yml"))
    web["plugins"]["i18n"].on_config(web)
    out = plugin.on_post_page(html, page=Page(), config=web)
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in out
    assert '<script src="../../assets/pingan/offline-register.js" data-pingan-root="../../" defer></script>' in out
