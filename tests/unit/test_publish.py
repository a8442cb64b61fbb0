"""Publishing: safe swap of site/, local editions, dates in each language's format."""

from __future__ import annotations

import datetime
import hashlib
import re
from pathlib import Path

import pytest
from helpers import ROOT, build_site, built_pages, copy_project, site_languages

from pingan.core.languages import babel_locale
from pingan.cli.publish import main as publish_main


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real project that these tests may change."""
    return copy_project(tmp_path_factory.mktemp("publish") / "project")


def test_failed_build_leaves_previous_site_unchanged(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A build broken on purpose leaves the previous site/ byte for byte as it was, and says why."""
    site = project / "site"
    assert publish_main(["-f", str(project / "mkdocs.yml"), "-d", str(site)]) == 0
    before = _digest(site)
    assert "index.html" in before and "en/index.html" in before

    quiz = project / "quizzes" / "check-first.yml"
    good = quiz.read_text(encoding="utf-8")
    quiz.write_text(good.replace("kind: single", "kind: singel", 1), encoding="utf-8")
    try:
        assert publish_main(["-f", str(project / "mkdocs.yml"), "-d", str(site)]) == 1
    finally:
        quiz.write_text(good, encoding="utf-8")
    assert _digest(site) == before
    said = caplog.text
    assert "left as it was" in said and "quizzes/check-first.yml:" in said and "singel" in said
    assert not [p for p in project.iterdir() if p.name.startswith(".site.")]  # no staging folder left


EDITION = """\
# A test edition: a county replaces the youth line with its own number.
site_name:
  zh: 平安课堂·测试县
  en: Ping'an Classroom, Test County
  zh-Hant: 平安課堂·測試縣
  vi: Lớp học Bình An, huyện Thử nghiệm
  ug: تىنچ-ئامان دەرسخانىسى (سىناق ناھىيىسى)
hotlines:
  - number: "110"
    label: {zh: 报警电话, en: Police emergency, zh-Hant: 報案電話, vi: Gọi cảnh sát, ug: ساقچى}
  - number: "08881234567"
    label: {zh: 测试县妇联求助热线, en: Test County Women's Federation helpline, zh-Hant: 測試縣婦聯求助熱線, vi: Đường dây Hội Phụ nữ huyện, ug: ناھىيە ئاياللار بىرلەشمىسى}
contacts:
  police: {zh: 测试县城关派出所, en: "Chengguan police station, Test County", zh-Hant: 測試縣城關派出所, vi: Đồn công an thị trấn, ug: بازارلىق ساقچىخانا}
"""


def test_edition_replaces_hotlines_on_every_page(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build with an edition shows its hotline on every page and the replaced default one nowhere."""
    (project / "editions").mkdir(exist_ok=True)
    (project / "editions" / "test-county.yml").write_text(EDITION, encoding="utf-8")
    page = project / "content" / "zh" / "lessons" / "check-first.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n有事可以去{{ contact.police }}。\n", encoding="utf-8")
    monkeypatch.setenv("EDITION", "test-county")
    try:
        site = build_site(project, tmp_path / "site")
    finally:
        page.write_text(original, encoding="utf-8")
    for path in built_pages(site):
        text = (site / path / "index.html").read_text(encoding="utf-8")
        box = re.search(r'<aside class="pa-help".*?</aside>', text, re.S)
        assert box, path
        assert 'href="tel:08881234567"' in box.group(0), path
        assert 'href="tel:12338"' not in box.group(0) and 'href="tel:12355"' not in box.group(0), path
    assert "测试县城关派出所" in (site / "lessons" / "check-first" / "index.html").read_text(encoding="utf-8")
    assert "平安课堂·测试县</title>" in (site / "index.html").read_text(encoding="utf-8")


def test_unknown_placeholder_fails_the_build_with_file_and_line(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """{{ contact.nobody }} stops the build, naming the lesson and the line."""
    from mkdocs.exceptions import Abort

    page = project / "content" / "zh" / "lessons" / "saying-no.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n找{{ contact.nobody }}。\n", encoding="utf-8")
    line = original.count("\n") + 2
    try:
        with pytest.raises(Abort):
            build_site(project, tmp_path / "site")
    finally:
        page.write_text(original, encoding="utf-8")
    assert re.search(rf"content/zh/lessons/saying-no\.md:{line}: unknown placeholder \{{\{{ contact\.nobody \}}\}}", caplog.text)


def test_review_date_in_each_languages_own_format(site_dir: Path) -> None:
    """The same review date renders in each language's own format (Babel/CLDR)."""
    shown = {}
    for prefix, lang in site_languages().items():
        text = (site_dir / prefix / "lessons" / "check-first" / "index.html").read_text(encoding="utf-8")
        m = re.search(r'<time datetime="(\d{4}-\d\d-\d\d)">([^<]+)</time>', text)
        assert m, lang
        date = datetime.date.fromisoformat(m.group(1))
        from babel.dates import format_date

        assert m.group(2) == format_date(date, format="long", locale=babel_locale(lang))
        shown[lang] = m.group(2)
    assert shown["zh"] != shown["en"]
    assert "年" in shown["zh"] and re.search(r"[A-Z][a-z]+ \d{1,2}, \d{4}", shown["en"])


def test_sitemap_lists_every_page_with_its_language_alternates(site_dir: Path) -> None:
    """sitemap.xml has every page of every language that is written in that language, each
    with hreflang links to the languages it is written in. A page shown in another language
    (a fallback) is no entry and no alternate, and names its source page as canonical."""
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(site_dir / "sitemap.xml")
    urls = {u.findtext("s:loc", namespaces=ns): u for u in tree.getroot().findall("s:url", ns)}
    langs = site_languages()
    from mkdocs.config import load_config

    base = load_config(config_file=str(ROOT / "mkdocs.yml")).site_url
    pages = [p for p in built_pages(site_dir) if not p.endswith("/present/")]
    fallback = {p for p in pages if "pa-notice--untranslated" in (site_dir / p / "index.html").read_text(encoding="utf-8")}
    assert "vi/lessons/teachers-guide/" in fallback and "vi/lessons/check-first/" not in fallback
    assert {base + p for p in pages if p not in fallback} == set(urls)
    written_in: dict[str, set[str]] = {}
    for p in pages:
        if p not in fallback:
            prefix = next((pre for pre in langs if pre and p.startswith(pre + "/")), "")
            written_in.setdefault(p.removeprefix(prefix + "/") if prefix else p, set()).add(langs[prefix])
    for loc, url in urls.items():
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        assert not set(alternates.values()) & {base + p for p in fallback}, loc
        assert any(set(alternates) == langs_of for langs_of in written_in.values()), (loc, alternates)
    guide = {a.get("hreflang") for a in urls[base + "lessons/teachers-guide/"].findall("x:link", ns)}
    assert guide == {"zh", "en", "zh-Hant"}  # no vi or ug version (yet)
    # Every page names its public address as canonical; a fallback names its source's.
    for path in pages:
        text = (site_dir / path / "index.html").read_text(encoding="utf-8")
        own = path if path not in fallback else path.split("/", 1)[1]
        assert f'<link rel="canonical" href="{base}{own}">' in text, path


def test_whats_new_names_the_release_shown_in_the_footer(site_dir: Path) -> None:
    """The changelog page describes the release whose version every footer shows."""
    from importlib.metadata import version

    release = version("pingan-classroom")
    for prefix in ("", "en/"):
        text = (site_dir / prefix / "changelog" / "index.html").read_text(encoding="utf-8")
        assert re.search(rf"<h2[^>]*>{re.escape(release)}\b", text), prefix
    for path in built_pages(site_dir):
        if not path.endswith("/present/"):
            assert release in (site_dir / path / "index.html").read_text(encoding="utf-8").split('class="md-copyright"')[1], path
