"""The curriculum: nineteen lessons in Chinese and English, each with its quiz and sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT

from pingan.content.lessons import load_lesson
from pingan.quiz.loader import load_quizzes
from pingan.quiz.refs import find_quiz_refs

#: The lessons the curriculum issue asks for, by audience and age band.
LESSONS = {
    "check-first": ("children", "6-9"),
    "lost-in-a-crowd": ("children", "6-9"),
    "saying-no": ("children", "6-9"),
    "friends-online": ("children", "10-13"),
    "home-alone-code-word": ("children", "10-13"),
    "job-offers": ("teens", "14-18"),
    "controlling-boyfriend": ("teens", "14-18"),
    "marriage-brides": ("young-adults", "adult"),
    "missing-child-first-hour": ("parents", "all"),
    "talking-with-children": ("parents", "all"),
    "what-the-law-says": ("everyone", "all"),
    "illegal-adoption": ("everyone", "adult"),
    "spot-and-report": ("community", "adult"),
    "after-rescue": ("community", "adult"),
    "teachers-guide": ("teachers", "all"),
    # Issue 16: new lessons (children 6-12 use the closest band, 6-9).
    "left-behind-children": ("children", "6-9"),
    "left-behind-caregivers": ("parents", "all"),
    "intellectual-disability-protection": ("community", "adult"),
    "going-abroad": ("young-adults", "adult"),
}
LANGS = ("zh", "en")
CONTENT = ROOT / "content"
#: The fact sheet the lessons must stick to (a copy kept with the tests; see the test below).
FACTS = ROOT / "tests" / "fixtures" / "facts.md"
SHARED_FACTS = ROOT.parent / "shared" / "reference" / "facts.md"


def test_the_copy_of_the_fact_sheet_is_current() -> None:
    """tests/fixtures/facts.md is the fact sheet authors use, where that sheet is at hand."""
    assert FACTS.is_file()
    if SHARED_FACTS.is_file():
        assert FACTS.read_text(encoding="utf-8") == SHARED_FACTS.read_text(encoding="utf-8"), (
            "the fact sheet changed: copy ../shared/reference/facts.md to tests/fixtures/facts.md"
        )


def test_all_lessons_exist_in_both_languages() -> None:
    """Every lesson of the curriculum exists in zh and en, and no unlisted lesson hides there."""
    for lang in LANGS:
        found = {p.stem for p in (CONTENT / lang / "lessons").glob("*.md")} - {"index"}
        assert found == set(LESSONS), lang


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", sorted(LESSONS))
def test_front_matter_is_valid(slug: str, lang: str) -> None:
    """Front matter: title, audience, age band, minutes, objectives, review date, sources."""
    meta, problems = load_lesson(CONTENT / lang / "lessons" / f"{slug}.md", ROOT)
    assert [str(p) for p in problems if not p.message.startswith("warning")] == []
    assert meta is not None
    assert (meta["audience"], meta["age_band"]) == LESSONS[slug]
    assert isinstance(meta["minutes"], int) and meta["objectives"] and meta["sources"]
    if lang != "zh":
        assert meta.get("translation_reviewed") is False  # no native speaker has read it yet


@pytest.fixture(scope="module")
def quizzes() -> dict:
    result = load_quizzes(ROOT / "quizzes", languages=list(LANGS), default_language="zh", root=ROOT)
    assert result.errors == [] and result.warnings == []  # complete in zh and en
    return result.quizzes


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", sorted(LESSONS))
def test_each_lesson_embeds_its_quiz_of_five_or_more_mixed_questions(slug: str, lang: str, quizzes: dict) -> None:
    """Each lesson has its own quiz: 5+ questions, several kinds, at least one scenario."""
    text = (CONTENT / lang / "lessons" / f"{slug}.md").read_text(encoding="utf-8")
    assert [ref.quiz_id for ref in find_quiz_refs(text)] == [slug]
    quiz = quizzes[slug]
    kinds = {q.kind for q in quiz.main_questions}
    assert len(quiz.main_questions) >= 5
    assert "scenario" in kinds and len(kinds) >= 3, kinds


def _sources_section(text: str) -> str:
    sections = re.split(r"^## ", text, flags=re.M)
    return sections[-1]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", sorted(LESSONS))
def test_each_lesson_ends_with_its_sources(slug: str, lang: str) -> None:
    """The last section is the sources, with at least one entry."""
    last = _sources_section((CONTENT / lang / "lessons" / f"{slug}.md").read_text(encoding="utf-8"))
    heading, _, body = last.partition("\n")
    assert heading.strip() in ("资料来源", "Sources")
    assert re.search(r"^\s*[-*] \S", body, re.M), "the sources list is empty"


# -- Criminal Law articles ---------------------------------------------------------------

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_number(text: str) -> int:
    """二百六十二 -> 262 (Chinese numerals as article numbers are written)."""
    total, digit = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            total += (digit or 1) * _CN_UNITS[ch]
            digit = 0
    return total + digit


_CN = "〇零一二三四五六七八九十百千两"
_ZH_LAW_RE = re.compile(r"(?:《(?:中华人民共和国|中華人民共和國)?刑法》|(?<![《修])刑法(?![修》]))")
_ZH_ARTICLE_RE = re.compile(rf"第([{_CN}]+)[条條](?:之([{_CN}]+))?")
_EN_LIST = r"(\d+(?:-\d+)?(?:(?:,\s*|\s+and\s+|\s+or\s+|\s*[–-]\s*)\d+(?:-\d+)?)*)"
_EN_RES = (
    re.compile(rf"(?<!to the )Criminal Law(?: of the (?:PRC|People's Republic of China))?,?\s+(?:Arts?\.|Articles?)\s+{_EN_LIST}"),
    re.compile(rf"(?:Arts?\.|Articles?)\s+{_EN_LIST}\s+of (?:the |China's )?Criminal Law"),
)


def cited_articles(text: str, lang: str) -> set[str]:
    """Criminal Law articles a lesson cites: {"240", "262-1", …}."""
    found: set[str] = set()
    if lang == "zh":
        for m in _ZH_LAW_RE.finditer(text):
            # The law's articles follow it up to the end of the sentence or the next law's name.
            tail = re.split(r"[。；;\n《]", text[m.end():], maxsplit=1)[0]
            for a in _ZH_ARTICLE_RE.finditer(tail):
                found.add(str(cn_number(a.group(1))) + (f"-{cn_number(a.group(2))}" if a.group(2) else ""))
    else:
        for regex in _EN_RES:
            for m in regex.finditer(text):
                found.update(re.findall(r"\d+(?:-\d+)?", m.group(1)))
    return found


def fact_sheet_articles() -> set[str]:
    """The Criminal Law articles the fact sheet covers (its section 1)."""
    text = FACTS.read_text(encoding="utf-8")
    section = text[text.index("## 1. PRC Criminal Law") : text.index("## 2. ")]
    articles = set(re.findall(r"Art\. (\d+(?:-\d+)?)", section))
    for first, last in re.findall(r"Arts\. (\d+)[–-](\d+)", section):
        articles.update(str(n) for n in range(int(first), int(last) + 1))
    # Criminal Law articles added to the sheet later, at its end (e.g. Art. 12, the law of the time).
    added = text[text.index("## Added") :] if "## Added" in text else ""
    articles.update(re.findall(r"Criminal Law Art\. (\d+(?:-\d+)?)", added))
    return articles


def test_article_extraction_reads_both_languages() -> None:
    """The citation reader finds what lessons write, and not other laws' articles."""
    zh = "买人也是犯罪（《中华人民共和国刑法》第二百四十一条）。见《刑法》第二百四十条、第二百六十二条之一和《未成年人保护法》第五十六条。《刑法修正案（九）》第十五条"
    assert cited_articles(zh, "zh") == {"241", "240", "262-1"}
    en = ("a crime (Criminal Law Art. 241). Criminal Law of the PRC, Articles 240, 244 and 358; "
          "Minors Protection Law Art. 56; Amendment IX to the Criminal Law Art. 15; Art. 262-1 of the Criminal Law")
    assert cited_articles(en, "en") == {"241", "240", "244", "358", "262-1"}
    assert {"240", "241", "262", "262-1", "262-2", "358", "359"} <= fact_sheet_articles()


@pytest.mark.parametrize("lang", LANGS)
def test_every_cited_criminal_law_article_is_on_the_fact_sheet(lang: str) -> None:
    """Lessons cite only Criminal Law articles the fact sheet covers, and they do cite the law."""
    covered = fact_sheet_articles()
    cited_anywhere: set[str] = set()
    for slug in LESSONS:
        text = (CONTENT / lang / "lessons" / f"{slug}.md").read_text(encoding="utf-8")
        cited = cited_articles(text, lang)
        assert cited <= covered, f"{lang}/{slug}: {sorted(cited - covered)} not on the fact sheet"
        cited_anywhere |= cited
    assert {"240", "241", "262"} <= cited_anywhere


#: Issue 16: the new pages are also in Traditional Chinese (unreviewed translations).
NEW_IN_ZH_HANT = ("left-behind-children", "left-behind-caregivers", "intellectual-disability-protection", "going-abroad")


@pytest.mark.parametrize("slug", NEW_IN_ZH_HANT)
def test_new_lessons_are_in_traditional_chinese_with_their_quiz_text(slug: str) -> None:
    """The page is valid, marked unreviewed, embeds its quiz, and the quiz has every text in zh-Hant."""
    path = CONTENT / "zh-Hant" / "lessons" / f"{slug}.md"
    meta, problems = load_lesson(path, ROOT)
    assert [str(p) for p in problems if not p.message.startswith("warning")] == []
    assert meta is not None and meta.get("translation_reviewed") is False
    assert (meta["audience"], meta["age_band"]) == LESSONS[slug]
    assert [ref.quiz_id for ref in find_quiz_refs(path.read_text(encoding="utf-8"))] == [slug]
    result = load_quizzes(ROOT / "quizzes", languages=["zh", "en", "zh-Hant"], default_language="zh", root=ROOT)
    assert [str(w) for w in result.warnings if f"{slug}." in str(w)] == []
    assert [str(e) for e in result.errors if f"{slug}." in str(e)] == []
