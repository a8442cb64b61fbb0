"""Our search index (pingan.search, issue 15): variants, near-words, weights, audience tags."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from helpers import ROOT, site_languages

from pingan.search import synonyms, variants
from pingan.search.index import KIND_BOOST, PageInfo, build_index, page_kind

QUERIES = ROOT / "tests" / "search" / "queries.yml"


def test_traditional_and_simplified_fold_to_one_form() -> None:
    pairs = variants.fold_map("孩子不見了，要馬上報警")
    assert variants.fold("孩子不見了，要馬上報警", pairs) == "孩子不见了，要马上报警"
    # The Simplified page's characters bring their Traditional forms (a Traditional query finds them).
    simple = variants.fold_map("走失的孩子")
    assert simple.get("視", "") == "" and variants.fold("孩子", simple) == "孩子"
    assert variants.fold_map("拐卖")["賣"] == "卖"
    # Simplified characters never fold away (OpenCC's Taiwan table lists 么 and 才 as variants).
    common = "才么待吃床覆像"
    assert variants.fold(common, variants.fold_map(common)) == common
    assert variants.fold("著為裡", variants.fold_map("著為裡")) == "着为里"


def test_near_words_are_the_ones_a_section_lacks() -> None:
    assert "走丢" in synonyms.missing_near_words("孩子在商场走失了", "zh")
    assert "走失" not in synonyms.missing_near_words("孩子在商场走失了", "zh")
    assert "拐骗" in synonyms.missing_near_words("拐卖妇女儿童", "zh-Hant")  # shares zh's groups
    assert synonyms.missing_near_words("lost in a crowd", "en")[:2] == ["missing", "separated"]
    assert synonyms.missing_near_words("nothing here", "en") == []


def test_index_weights_pages_and_tags_lessons_with_their_audience() -> None:
    docs = [
        {"location": "", "title": "平安\u200b课堂", "text": "<p>走失\u200b了</p>"},
        {"location": "lessons/check-first/", "title": "先问\u200b一问", "text": ""},
        {"location": "lessons/check-first/#_1", "title": "小故事", "text": "<p>孩子走失</p>"},
        {"location": "changelog/", "title": "更新说明", "text": ""},
    ]
    pages = {
        "": PageInfo(kind="home"),
        "lessons/check-first/": PageInfo(kind="lesson", tags=("儿童 · 6–9 岁",)),
        "changelog/": PageInfo(kind="changelog"),
    }
    index = build_index(docs, pages, "zh", "[\\s]+")
    out = {d["location"]: d for d in index["docs"]}
    assert out[""]["title"] == "平安课堂" and "\u200b" not in out[""]["text"]  # no zero-width spaces
    assert out[""]["boost"] < 1 and out["changelog/"]["boost"] < out[""]["boost"]
    assert "boost" not in out["lessons/check-first/"]  # a lesson weighs 1
    assert out["lessons/check-first/"]["tags"] == ["儿童 · 6–9 岁"]
    assert "tags" not in out["lessons/check-first/#_1"]  # only on the page's own entry
    assert "走丢" in out["lessons/check-first/#_1"]["k"].split()
    assert index["config"]["separator"] == "[\\s]+" and index["config"]["pa"]["lang"] == "zh"
    assert PageInfo(kind="changelog", boost=2.0).weight == 2.0  # front matter search.boost wins


def test_page_kinds() -> None:
    assert page_kind("index.md", {}) == "home"
    assert page_kind("lessons/index.md", {}) == "lessons"
    assert page_kind("lessons/check-first.md", {"audience": "children"}) == "lesson"
    assert page_kind("lessons/teachers-guide.md", {"audience": "teachers"}) == "guide"
    assert page_kind("changelog.md", {}) == "changelog"
    assert page_kind("sources.md", {}) == "sources"
    assert KIND_BOOST["sources"] < KIND_BOOST["guide"]


def test_the_real_site_ships_our_index_and_engine(site_dir: Path) -> None:
    """Every language's index is ours (config.pa); Chinese ones carry the variant map; every
    page starts our worker, not Material's."""
    for prefix, lang in site_languages().items():
        data = json.loads((site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert data["config"]["pa"]["lang"] == lang
        assert ("fold" in data["config"]["pa"]) == lang.startswith("zh"), lang
        assert any(d.get("tags") for d in data["docs"]), lang  # lessons show their audience
        weights = {d["location"]: d.get("boost", 1) for d in data["docs"]}
        assert weights[""] < 1 and weights["lessons/"] < 1 and weights["lessons/check-first/"] == 1, lang
        assert next(d for d in data["docs"] if d["location"] == "lessons/check-first/")["s"], lang
        html = (site_dir / prefix / "lessons" / "check-first" / "index.html").read_text(encoding="utf-8")
        assert "assets/pingan/workers/search." in html and "javascripts/workers/search." not in html
    assert list((site_dir / "assets" / "pingan" / "workers").glob("search.*.js"))


def test_the_query_set_is_big_enough_and_names_real_lessons() -> None:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    minimum = {"zh": 40, "en": 25, "zh-Hant": 10, "vi": 10, "ug": 10}
    for lang, count in minimum.items():
        assert len(data[lang]) >= count, lang
        lessons = {p.stem for p in (ROOT / "content" / lang / "lessons").glob("*.md")} - {"index"}
        for row in data[lang]:
            assert row["q"].strip() and set(row["want"]) <= lessons, (lang, row)
