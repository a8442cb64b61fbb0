"""Write ``.gz`` and ``.br`` siblings of every text file of a built site.

nginx's ``gzip_static`` (and ``brotli_static``, where the module is installed)
then sends the smaller file without compressing on every request. Compression
is at the highest level, and reproducible (no timestamp in the gzip header), so
the same site gives the same bytes.

Brotli at its highest level is most of a build's CPU time (about 2.5 s per MB of
text on a 2-core machine). With a ``cache_dir``, the compressed bytes of each file
are kept under the hash of its content, so a rebuild (``make build`` again, every
save under ``make serve``) compresses only the files whose bytes changed; the
siblings written are byte for byte what compressing would give.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import brotli

#: Text types worth compressing (images such as PNG are compressed already; SVG is text).
TEXT_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".map", ".ico"}
)
#: Smaller files gain nothing worth a second file.
MIN_SIZE = 256
GZIP_LEVEL = 9
BROTLI_QUALITY = 11
#: Part of the cache folder's name: other settings or another brotli never reuse these bytes.
CACHE_VERSION = f"gz{GZIP_LEVEL}-br{BROTLI_QUALITY}-{getattr(brotli, '__version__', 'x')}"


def _compress(data: bytes) -> tuple[bytes, bytes]:
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0), brotli.compress(data, quality=BROTLI_QUALITY)


def _cached(data: bytes, cache: Path | None, used: set[str]) -> tuple[bytes, bytes]:
    """(gzip, brotli) of ``data``, from ``cache`` when it holds them."""
    if cache is None:
        return _compress(data)
    key = hashlib.sha256(data).hexdigest()
    used.update((f"{key}.gz", f"{key}.br"))
    gz_file, br_file = cache / f"{key}.gz", cache / f"{key}.br"
    try:
        return gz_file.read_bytes(), br_file.read_bytes()
    except OSError:
        pass
    gz, br = _compress(data)
    for file, blob in ((gz_file, gz), (br_file, br)):
        tmp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        tmp.write_bytes(blob)
        os.replace(tmp, file)  # never a half-written entry, even with two builds at once
    return gz, br


def _prune(cache: Path, used: set[str]) -> None:
    """Drop the entries this build did not use, so the cache stays the size of one site."""
    for entry in cache.iterdir():
        if entry.name not in used and not entry.name.endswith(".tmp"):
            entry.unlink(missing_ok=True)


def precompress(site_dir: Path, cache_dir: Path | None = None) -> int:
    """Write ``<file>.gz`` and ``<file>.br`` for each text file; return how many files got them.

    ``cache_dir`` (optional) keeps compressed bytes between builds, keyed by content.
    """
    cache = Path(cache_dir) / CACHE_VERSION if cache_dir is not None else None
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    count = 0
    for path in sorted(Path(site_dir).rglob("*")):
        if not path.is_file() or path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < MIN_SIZE:
            continue
        gz, br = _cached(data, cache, used)
        if len(gz) < len(data):
            path.with_name(path.name + ".gz").write_bytes(gz)
        if len(br) < len(data):
            path.with_name(path.name + ".br").write_bytes(br)
        count += 1
    if cache is not None:
        _prune(cache, used)
    return count
