"""pingan.deploy.precompress: the cache of compressed bytes changes no byte of the site."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

from pingan.deploy import precompress as pc


def _site(root: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


PAGES = {
    "index.html": "<p>平安课堂 先确认，再跟人走。</p>\n" * 40,
    "lessons/a/index.html": "<p>Check first, then go.</p>\n" * 60,
    "assets/app.js": "console.log('x');\n" * 30,
    "tiny.css": "a{}",  # under MIN_SIZE: no siblings
    "picture.png": "not text" * 100,
}


def test_cache_gives_the_same_bytes_as_compressing(tmp_path, monkeypatch):
    plain = pc.precompress(_site(tmp_path / "plain", PAGES))
    cached = pc.precompress(_site(tmp_path / "cached", PAGES), tmp_path / "cache")
    assert plain == cached == 3
    expected = _files(tmp_path / "plain")
    assert _files(tmp_path / "cached") == expected
    assert gzip.decompress(expected["index.html.gz"]) == expected["index.html"]
    assert brotli.decompress(expected["index.html.br"]) == expected["index.html"]
    assert "tiny.css.gz" not in expected and "picture.png.br" not in expected

    # A rebuild compresses nothing: every file's bytes come from the cache.
    def refuse(data: bytes) -> tuple[bytes, bytes]:
        raise AssertionError("compressed again although cached")

    monkeypatch.setattr(pc, "_compress", refuse)
    assert pc.precompress(_site(tmp_path / "again", PAGES), tmp_path / "cache") == 3
    assert _files(tmp_path / "again") == expected


def test_a_changed_file_is_compressed_afresh_and_old_entries_go(tmp_path):
    cache = tmp_path / "cache"
    pc.precompress(_site(tmp_path / "one", PAGES), cache)
    entries = {p.name for p in (cache / pc.CACHE_VERSION).iterdir()}
    assert len(entries) == 6  # three files, .gz and .br each
    changed = dict(PAGES, **{"index.html": "<p>家长的手机号码要背熟。</p>\n" * 40})
    pc.precompress(_site(tmp_path / "two", changed), cache)
    pc.precompress(_site(tmp_path / "fresh", changed))
    assert _files(tmp_path / "two") == _files(tmp_path / "fresh")
    after = {p.name for p in (cache / pc.CACHE_VERSION).iterdir()}
    assert len(after) == 6 and len(after & entries) == 4  # the old index.html entries were pruned
