"""Our search index for one language, made from Material's (see the package docstring).

Material writes, per section of each page, ``{"location", "title", "text"}`` (text as
HTML with a few tags kept; Chinese split by jieba with zero-width spaces). We keep those,
drop the zero-width spaces (our engine splits text itself, the same way as the query), and
add what ranks lessons first and what tolerates near-words:

- ``boost`` on every section of a page that is not a lesson (the lesson list, home, About,
  changelog rank below lessons); a page's front matter ``search: boost:`` (Material's own
  setting) wins;
- ``tags`` on a lesson's first entry: its audience and age band in the page's language
  (Material shows tags under a result);
- ``k``: near-words from ``synonyms.yml`` the section lacks (matched, never shown);
- ``s`` on a page's first entry: its front matter description and objectives (what the
  page is about, in the editors' words; not in Material's index, which has only the body).

The config keeps Material's ``separator`` (its highlighter on the page a result leads to
uses it), and adds ``pa``: the engine's settings for this language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pingan.content.sources import SOURCES_TITLE
from pingan.search import synonyms, variants

#: Weight of a page by what it is; a lesson is 1. Measured on tests/search/queries.yml:
#: below about 0.5 a hub page no longer outranks a lesson that merely mentions the words.
KIND_BOOST = {"lesson": 1.0, "guide": 0.6, "lessons": 0.1, "home": 0.1, "about": 0.1, "sources": 0.1, "changelog": 0.05}
#: Languages written without spaces between words: split into pairs of characters.
CJK_LANGS = ("zh", "zh-Hant", "zh-Hans", "ja")
#: A lesson's list of sources (its last section): cited titles, dense with the lesson's key
#: words, rank below its own text (a page's weight times this).
SOURCES_WEIGHT = 0.25
SOURCES_TITLES = {title.lower() for title in SOURCES_TITLE.values()}
_TAG_RE = re.compile(r"<[^>]+>")
_ZWSP = "\u200b"


@dataclass(frozen=True)
class PageInfo:
    """What the index needs to know of a page besides its text."""

    kind: str = "lesson"
    tags: tuple[str, ...] = ()
    boost: float | None = None  # front matter ``search: boost:``
    summary: str = ""  # front matter description and objectives: what the page is about

    @property
    def weight(self) -> float:
        return self.boost if self.boost is not None else KIND_BOOST.get(self.kind, 1.0)


@dataclass
class SearchSettings:
    """The engine's settings for one language (``config.pa`` in the index)."""

    lang: str
    fold_from: str = ""
    fold_to: str = ""
    stem: str = ""  # "en": a light English suffix stripper; "" none
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"lang": self.lang}
        if self.fold_from:
            data["fold"] = [self.fold_from, self.fold_to]
        if self.stem:
            data["stem"] = self.stem
        return {**data, **self.extra}


def page_kind(src_uri: str, meta: Mapping[str, Any]) -> str:
    """``lesson``, ``guide`` (for teachers), ``lessons`` (the list), ``home``, ``about``,
    ``sources`` (the list of citations), ``changelog``."""
    path = src_uri.removesuffix(".md")
    if path == "index":
        return "home"
    if path == "lessons/index":
        return "lessons"
    if "audience" in meta:
        return "guide" if meta.get("audience") == "teachers" else "lesson"
    return path.rsplit("/", 1)[-1] if path in ("about", "changelog", "sources") else "other"


def plain(text: str) -> str:
    """The words of an index field: no tags, no entities, no zero-width spaces."""
    return html.unescape(_TAG_RE.sub(" ", text)).replace(_ZWSP, "")


def build_index(docs: list[dict[str, Any]], pages: dict[str, PageInfo], lang: str, separator: str) -> dict[str, Any]:
    """Our index for ``lang`` from Material's ``docs`` and what we know of each page.

    ``pages`` maps a page's location (``lessons/check-first/``) to its PageInfo.
    """
    base = lang.split("-")[0]
    settings = SearchSettings(lang=lang, stem="en" if base == "en" else "")
    cjk = lang in CJK_LANGS or base == "zh"
    out_docs: list[dict[str, Any]] = []
    for doc in docs:
        out_docs.append({k: (v.replace(_ZWSP, "") if k in ("title", "text") else v) for k, v in doc.items()})
    pairs: dict[str, str] = {}
    if cjk:
        pairs = variants.fold_map("".join(d["title"] + d["text"] for d in out_docs))
        keys = "".join(sorted(pairs))
        settings.fold_from, settings.fold_to = keys, "".join(pairs[k] for k in keys)
    for doc in out_docs:
        path, _, anchor = doc["location"].partition("#")
        info = pages.get(path, PageInfo(kind="other"))
        weight = info.weight
        if anchor and plain(doc["title"]).strip().lower() in SOURCES_TITLES:
            weight *= SOURCES_WEIGHT
        if weight != 1.0:
            doc["boost"] = round(weight, 3)
        if not anchor:
            if info.tags:
                doc["tags"] = list(info.tags)
            if info.summary:
                doc["s"] = info.summary
        words = plain(doc["title"] + " " + doc["text"] + " " + doc.get("s", "")).lower()
        if pairs:
            words = variants.fold(words, pairs)
        extra = synonyms.missing_near_words(words, lang)
        if extra:
            doc["k"] = " ".join(extra)
    config = {"lang": [lang], "separator": separator, "pa": settings.as_json()}
    return {"config": config, "docs": out_docs}
