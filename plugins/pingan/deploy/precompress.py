"""Write ``.gz`` and ``.br`` siblings of every text file of a built site.

nginx's ``gzip_static`` (and ``brotli_static``, where the module is installed)
then sends the smaller file without compressing on every request. Compression
is at the highest level, and reproducible (no timestamp in the gzip header), so
the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

#: Text types worth compressing (images such as PNG are compressed already; SVG is text).
TEXT_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".map", ".ico"}
)
#: Smaller files gain nothing worth a second file.
MIN_SIZE = 256


def precompress(site_dir: Path) -> int:
    """Write ``<file>.gz`` and ``<file>.br`` for each text file; return how many files got them."""
    count = 0
    for path in sorted(Path(site_dir).rglob("*")):
        if not path.is_file() or path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < MIN_SIZE:
            continue
        gz = gzip.compress(data, compresslevel=9, mtime=0)
        br = brotli.compress(data, quality=11)
        if len(gz) < len(data):
            path.with_name(path.name + ".gz").write_bytes(gz)
        if len(br) < len(data):
            path.with_name(path.name + ".br").write_bytes(br)
        count += 1
    return count
