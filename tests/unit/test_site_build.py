"""The built real site, read as HTML: languages, hotlines, search indexes, no outside links."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jinja2
import pytest
import yaml
from helpers import ROOT, build_site, built_pages, copy_project, lang_of, site_languages

from pingan.content.hotlines import load_hotlines
from pingan.core.languages import direction, native_name, switcher_names

HOTLINES = yaml.safe_load((ROOT / "hotlines.yml").read_text(encoding="utf-8"))["hotlines"]


def test_zh_at_root_and_every_other_language_in_its_folder(site_dir: Path) -> None:
    """zh is built at /, en under /en/ (and so on), with the same pages in every language."""
    langs = site_languages()
    assert langs[""] == "zh" and langs["en"] == "en"
    pages = built_pages(site_dir)
    by_lang = {prefix: set() for prefix in langs}
    for path in pages:
        prefix = path.split("/", 1)[0] if path.split("/", 1)[0] in langs else ""
        by_lang[prefix].add(path.removeprefix(f"{prefix}/") if prefix else path)
    assert "" in by_lang[""] and "about/" in by_lang[""] and "lessons/check-first/" in by_lang[""]
    for prefix, paths in by_lang.items():
        assert paths == by_lang[""], prefix


def test_every_page_has_the_hotlines_in_its_language(site_dir: Path) -> None:
    """Every page has one tel: link per hotline, labelled in the page's language."""
    for path in built_pages(site_dir):
        text = (site_dir / path / "index.html").read_text(encoding="utf-8")
        lang = lang_of(path)
        for hotline in HOTLINES:
            link = re.search(rf'<a class="pa-help__call" href="tel:{hotline["number"]}">(.*?)</a>', text, re.S)
            assert link, f"{path}: no tel:{hotline['number']} link"
            # The label is escaped HTML (pingan.trust): compare the text it shows.
            assert hotline["label"][lang] in html.unescape(link.group(1)), f"{path}: label not in {lang}"


def test_no_page_refers_to_another_host_for_assets(site_dir: Path) -> None:
    """No stylesheet, script, font or image comes from another host; no generator tag."""
    for path in built_pages(site_dir):
        text = (site_dir / path / "index.html").read_text(encoding="utf-8")
        assert not re.search(r'<(script|img|iframe|source|video|audio)[^>]+src="(https?:)?//', text), path
        for link in re.findall(r"<link\b[^>]*>", text):
            # A canonical link names the page's public address; browsers do not fetch it.
            if 'rel="canonical"' not in link:
                assert not re.search(r'href="(https?:)?//', link), (path, link)
        assert "fonts.googleapis" not in text and 'name="generator"' not in text, path
        assert 'rel="alternate"' not in text, path  # Material would fetch sitemap.xml beside it


def test_pages_load_only_the_style_sheets_they_need(site_dir: Path) -> None:
    """Material's main style sheet, ours (the quiz's styles in it: one render-blocking sheet of
    ours, issue 14) and the print sheet: no palette sheet (2 KB of every Material palette; our
    colours are in site.css)."""
    for path in built_pages(site_dir):
        if path.endswith("present/"):
            continue  # a deck writes its style into the page
        text = (site_dir / path / "index.html").read_text(encoding="utf-8")
        sheets = [
            re.sub(r"\.[0-9a-f]{8}\.min\.css$", ".css", h.split("?")[0].rsplit("/", 1)[1])
            for h in re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        ]
        assert set(sheets) - {"print.css"} == {"main.css", "site.css"}, (path, sheets)
        assert re.search(r'<link rel="stylesheet" href="[^"]*print\.css" media="print">', text), path
    css = (site_dir / "assets" / "pingan" / "site.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #00796b;" in css
    assert ".pa-quiz__check" in css


def test_search_index_per_language(site_dir: Path) -> None:
    """Each language has its own search index, with its own tokenizer and only its own pages."""
    zh = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site_dir / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert zh["docs"] and en["docs"]
    assert not any(d["location"].startswith("en/") for d in zh["docs"])
    assert "\\u200b" in zh["config"]["separator"] or "\u200b" in zh["config"]["separator"]
    assert en["config"]["lang"] == ["en"]
    han = re.compile(r"[\u4e00-\u9fff]")
    assert any(han.search(d["text"]) for d in zh["docs"])
    # English pages only: no page whose text is mostly Chinese.
    for doc in en["docs"]:
        text = doc["title"] + doc["text"]
        assert len(han.findall(text)) < max(20, len(text) // 10), doc["location"]


def test_untranslated_page_says_so_in_english(tmp_path: Path) -> None:
    """A page that exists only in Chinese appears under /en/ with an English notice and lang=zh."""
    project = copy_project(tmp_path / "project")
    (project / "content" / "en" / "about.md").unlink()
    site = build_site(project, tmp_path / "site")
    text = (site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in text
    assert "has not been translated" in text
    assert re.search(r'<div lang="zh" dir="ltr">\s*<h1', text)
    search = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(d["location"].startswith("about/") for d in search["docs"])


@pytest.mark.parametrize(
    ("code", "name", "direction_"),
    [
        ("zh", "中文", "ltr"),
        ("en", "English", "ltr"),
        ("zh-Hant", "中文 (繁體)", "ltr"),
        ("vi", "Tiếng Việt", "ltr"),
        ("ug", "ئۇيغۇرچە", "rtl"),
    ],
)
def test_language_names_and_direction_come_from_cldr(code: str, name: str, direction_: str) -> None:
    """Switcher names are in each language's own script; Uyghur is right to left."""
    assert native_name(code) == name
    assert direction(code) == direction_


def test_switcher_names_languages_in_their_own_script(site_dir: Path) -> None:
    """The language menu names each language in its own script, Chinese scripts told apart."""
    text = (site_dir / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'class="md-select__link">\s*(.*?)\s*</a>', text)
    assert names == list(switcher_names(list(site_languages().values())).values())
    assert names[:3] == ["中文 (简体)", "English", "中文 (繁體)"]


HOTLINE_CASES = [
    ("hotlines: []\n", 1, 'expected "hotlines:" followed by a list'),
    ("hotlines:\n  - number: abc\n    label: {zh: 报警, en: Police}\n", 2, '"abc" is not a phone number'),
    ("hotlines:\n  - number: '110'\n    label: {zh: 报警}\n", 3, 'the label has no "en" text'),
    ("hotlines:\n  - number: '110'\n    lable: {zh: 报警, en: Police}\n", 3, 'unknown key "lable"'),
    ("hotlines:\n  - number: '110'\n    label: {zh: 报警, en: Police, zn: 报警}\n", 3, '"zn" is not a site language'),
    ("hotlines:\n  - label: {zh: 报警, en: Police}\n", 2, 'this hotline has no "number"'),
    ("hotlines:\n - number: '110'\n   label: [\n", 4, "this is not valid YAML"),
]


@pytest.mark.parametrize(("text", "line", "message"), HOTLINE_CASES)
def test_hotline_file_problems_name_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    """A broken hotline file is reported as hotlines.yml:LINE: what to fix."""
    path = tmp_path / "hotlines.yml"
    path.write_text(text, encoding="utf-8")
    hotlines, problems = load_hotlines(path, languages=["zh", "en"], root=tmp_path)
    assert any(str(p).startswith(f"hotlines.yml:{line}: ") and message in p.message for p in problems), problems


def test_real_hotline_file_is_valid() -> None:
    """The shipped hotline file has 110, 12338 and 12355, labelled in zh and en."""
    hotlines, problems = load_hotlines(ROOT / "hotlines.yml", languages=list(site_languages().values()), root=ROOT)
    assert problems == []
    assert [h.number for h in hotlines] == ["110", "12338", "12355"]


def test_switcher_on_every_page_offers_every_language_for_the_same_page(site_dir: Path) -> None:
    """On every page the language menu lists every language, each link to this same page."""
    from posixpath import normpath
    from urllib.parse import urljoin

    langs = site_languages()
    for path in built_pages(site_dir):
        if path.endswith("/present/"):
            continue  # a slide deck for the projector: it has no menus
        first = path.split("/", 1)[0]
        prefix = first if first in langs and first else ""
        rest = path[len(prefix) + 1 :] if prefix else path
        text = (site_dir / path / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]*)" hreflang="([^"]+)" class="md-select__link">', text)
        links += [(h, l) for l, h in re.findall(r'<a hreflang="([^"]+)" class="md-select__link" href="([^"]*)">', text)]
        assert sorted(lang for _h, lang in links) == sorted(langs.values()), path
        for href, lang in links:
            target = normpath(urljoin("/" + path, href)).lstrip("/")
            other = next(p for p, code in langs.items() if code == lang)
            expected = f"{other}/{rest}" if other else rest
            assert target.rstrip("/") == expected.rstrip("/"), (path, lang, href)


def test_a_build_is_reproducible_and_leaves_no_placeholder(
    site_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builds of the same files give the same bytes, file for file (so a rebuild
    recompresses only what changed, and a deploy diff shows only real changes); no
    placeholder of our plugins is left in a page or a search index (the lesson cards' and
    the quizzes' marks once put random text into the index of the lesson list). The second
    build takes the deck's template compiled by the first (.cache/pingan-present/jinja)."""
    compiled: list[str | None] = []
    compile_ = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: object, name: str | None = None, *args: object, **kw: object):
        compiled.append(name)
        return compile_(self, source, name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    again = build_site(ROOT, tmp_path / "again")
    assert "present.html" not in compiled and any(name == "main.html" for name in compiled)
    first = sorted(p.relative_to(site_dir) for p in site_dir.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    differ = [str(p) for p in first if (site_dir / p).read_bytes() != (again / p).read_bytes()]
    assert differ == []
    for path in first:
        if path.suffix in (".html", ".json"):
            text = (site_dir / path).read_text(encoding="utf-8")
            assert not re.search(r"PALESSONS|PAQUIZ", text), path
