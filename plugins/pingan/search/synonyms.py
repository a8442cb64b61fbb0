"""The near-word table (``synonyms.yml``), applied when the index is built."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

TABLE = Path(__file__).with_name("synonyms.yml")
#: Languages whose groups are written in another language's table (same script).
SHARED = {"zh-Hant": "zh"}


@lru_cache(maxsize=4)
def groups(lang: str, table: Path = TABLE) -> tuple[tuple[str, ...], ...]:
    """The groups of near-words for ``lang`` (lower case), empty when it has none."""
    data = yaml.safe_load(table.read_text(encoding="utf-8")) or {}
    rows = data.get(SHARED.get(lang, lang)) or []
    return tuple(tuple(str(word).lower() for word in row) for row in rows)


def _contains(text: str, word: str) -> bool:
    if re.search(r"[\u3400-\u9fff]", word):  # Chinese: no spaces between words
        return word in text
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def missing_near_words(text: str, lang: str) -> list[str]:
    """The near-words of the groups ``text`` touches that ``text`` itself lacks.

    ``text`` is already folded (lower case; Chinese variants folded to Simplified).
    """
    extra: list[str] = []
    for group in groups(lang):
        present = [w for w in group if _contains(text, w)]
        if present:
            extra.extend(w for w in group if w not in present and w not in extra)
    return extra
