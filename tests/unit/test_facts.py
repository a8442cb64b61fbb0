"""The facts of the lessons, in every language that has them (issue #16).

A fact review found one error and twelve weak spots in the lessons and quizzes. These tests fail
if one of the known bad sentences comes back in any language file, and check that the corrected
facts are there in every language that has the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

CONTENT = ROOT / "content"
QUIZZES = ROOT / "quizzes"
LANGS = sorted(p.name for p in CONTENT.iterdir() if p.is_dir())


def _all_files() -> list[Path]:
    return sorted(CONTENT.glob("*/lessons/*.md")) + sorted(QUIZZES.glob("*.yml"))


#: Wrong or weak text found by the review, by point of the issue. Any language, any file.
BAD = {
    # 1. buying a trafficked child is a crime for a buyer who knows (明知): the stem must say so
    "turns out to have been trafficked": "1",
    "私下付钱“抱养”了一个被拐卖的孩子": "1",
    "私下付錢「抱養」了一個被拐賣的孩子": "1",
    "tự ý trả tiền để “xin về nuôi” một đứa trẻ bị buôn bán": "1",
    # 2. Art. 240 leaves out males of 14 and over, not only adult men
    "成年男性": "2",
    "adult men": "2",
    "nam giới trưởng thành": "2",
    "قۇرامىغا يەتكەن ئەرلەر": "2",
    # 4. the old rule let courts not pursue some buyers; it never made buying lawful
    "2015年以前的旧规定": "4",
    "2015年以前的舊規定": "4",
    "That was the old rule": "4",
    "That was the rule before 2015": "4",
    "quy định cũ trước năm 2015": "4",
    "2015-يىلدىن بۇرۇنقى كونا بەلگىلىمە": "4",
    # 5. five years is the start of the range, not "at least five years"
    "最低也要判五年": "5",
    "minimum sentence of five years": "5",
    "thấp nhất cũng bị phạt tù năm năm": "5",
    "ئەڭ ئاز دېگەندىمۇ 5 يىللىق": "5",
    # 6. a buyer who rapes is punished for both crimes together
    "按强奸罪处理": "6",
    "按強姦罪處理": "6",
    "is punished for rape (Art. 236)": "6",
    "bị xử lý theo tội hiếp dâm": "6",
    "باسقۇنچىلىق جىنايىتى بويىچە بىر تەرەپ قىلىنىدۇ": "6",
    # 7. "moving/transporting" is not one of Art. 240's six acts
    "拐骗、运送妇女儿童": "7",
    "拐騙、運送婦女兒童": "7",
    "Tricking, moving or handing over": "7",
    "Tricking, transporting or passing on": "7",
    "lừa gạt đưa đi, vận chuyển phụ nữ": "7",
    "ئالداپ ئېلىپ كېتىش، توشۇش": "7",
    # 10. home is not safe for every child
    "家永远是安全的地方": "10",
    "家永遠是安全的地方": "10",
    "home is always a safe place": "10",
    "nhà luôn là nơi an toàn": "10",
    # 11. the figures do not show that quick reports are why children were found
    "正是因为报警及时": "11",
    "正是因為報案及時": "11",
    "precisely because people reported quickly": "11",
    "Chính vì báo cảnh sát kịp thời": "11",
    "دەل ۋاقتىدا مەلۇم قىلىنغانلىقى ئۈچۈن": "11",
    "这说明及时报警很有用": "11",
    "That shows how much a quick report helps": "11",
    # 13. language
    "一点也不没礼貌": "13",
    "一點也不沒禮貌": "13",
    "去找了信任的表姐": "13",
    "I nearly wanted to go": "13",
    "suýt nữa đã muốn đi theo": "13",
    "has always been a crime": "13",
    "他（她）": "13",
}


def test_no_known_bad_sentence_in_any_language() -> None:
    found = []
    for path in _all_files():
        text = path.read_text(encoding="utf-8")
        for bad, point in BAD.items():
            if bad in text:
                found.append(f"{path.relative_to(ROOT)}: point {point}: {bad!r}")
    assert found == []


def test_what_the_law_says_names_males_of_14_and_over_only_where_art_240_is_explained() -> None:
    """成年男性 is gone from what-the-law-says in every language (point 2), and the age is given."""
    wanted = {"zh": "年满十四周岁的男性", "zh-Hant": "年滿十四周歲的男性", "en": "males aged 14 and over",
              "vi": "nam giới từ đủ 14 tuổi", "ug": "14 ياشقا توشقان ئەرلەر"}
    for lang in LANGS:
        page = CONTENT / lang / "lessons" / "what-the-law-says.md"
        if page.is_file():
            assert wanted[lang] in page.read_text(encoding="utf-8"), lang


#: Facts each language's page must now state (lesson, language) -> strings that must all be there.
GOOD = {
    # 3. the old purchase in the story: the law of the time (Art. 12) and limitation (Arts. 87, 89)
    "what-the-law-says": {
        "zh": ["第十二条", "第八十七条", "第八十九条"],
        "zh-Hant": ["第十二條", "第八十七條", "第八十九條"],
        "en": ["Art. 12", "Arts. 87 and 89"],
        "vi": ["Điều 12", "Điều 87, Điều 89"],
        "ug": ["12-ماددا", "87-، 89-ماددىلار"],
    },
    # 5., 6. and 12. the range of sentences, both crimes together, divorce after the year
    "marriage-brides": {
        "zh": ["五年以上十年以下", "数罪并罚", "第一千零七十九条"],
        "zh-Hant": ["五年以上十年以下", "數罪併罰", "第一千零七十九條"],
        "en": ["five to ten years", "both crimes together", "Art. 1079"],
        "vi": ["từ năm năm đến mười năm", "cả hai tội", "Điều 1079"],
        "ug": ["5 يىلدىن 10 يىلغىچە", "قوشۇپ جازالىنىدۇ", "1079-ماددا"],
    },
    # 12. divorce stays possible after the one-year limit
    "after-rescue": {
        "zh": ["第一千零七十九条", "起诉离婚"],
        "zh-Hant": ["第一千零七十九條", "起訴離婚"],
        "en": ["Art. 1079", "file for divorce"],
        "vi": ["Điều 1079", "ly hôn"],
        "ug": ["1079-ماددا", "ئاجرىشالايدۇ"],
    },
    # 7. the six acts; 8. help abroad: 12308 and the consulates
    "job-offers": {
        "zh": ["拐骗、绑架、收买、贩卖、接送、中转", "12308", "使馆、领馆"],
        "zh-Hant": ["拐騙、綁架、收買、販賣、接送、中轉", "12308", "使館、領館"],
        "en": ["passing on in transit", "+86-10-12308", "embassy or consulate"],
        "vi": ["trung chuyển", "+86-10-12308", "lãnh sự quán"],
        "ug": ["ئالتە خىل قىلمىش", "+86-10-12308", "كونسۇلخانىسى"],
    },
    # 9. the lawful route: registration under Civil Code Art. 1105
    "illegal-adoption": {
        "zh": ["第一千一百零五条", "登记"],
        "zh-Hant": ["第一千一百零五條", "登記"],
        "en": ["Art. 1105", "registered"],
        "vi": ["Điều 1105", "đăng ký"],
    },
    # 10. a child harmed at home: tell a teacher or trusted adult, 12355 or 110
    "home-alone-code-word": {
        "zh": ["家里有人打你", "[12355](tel:12355)；有危险时，马上拨打[110](tel:110)"],
        "zh-Hant": ["家裡有人打你", "[12355](tel:12355)；有危險時，馬上撥打[110](tel:110)"],
        "en": ["someone at home hits you", "call [110](tel:110) straight away"],
        "vi": ["có người trong nhà đánh em", "gọi ngay [110](tel:110)"],
        "ug": ["ئۆيدىكى بىرەرسى سېنى ئۇرسا", "[110](tel:110)"],
    },
    "talking-with-children": {
        "zh": ["有人在家里打他", "[12355](tel:12355)"],
        "zh-Hant": ["有人在家裡打他", "[12355](tel:12355)"],
        "en": ["someone at home hits or hurts them", "[12355](tel:12355)"],
        "vi": ["có ai trong nhà đánh con", "[12355](tel:12355)"],
    },
}


@pytest.mark.parametrize("slug", sorted(GOOD))
def test_corrected_facts_are_in_every_language_that_has_the_page(slug: str) -> None:
    missing = []
    for lang in LANGS:
        page = CONTENT / lang / "lessons" / f"{slug}.md"
        if not page.is_file():
            continue
        assert lang in GOOD[slug], f"{lang}/{slug}: add the corrected facts of this page to the test"
        text = page.read_text(encoding="utf-8")
        missing += [f"{lang}/{slug}: {s!r}" for s in GOOD[slug][lang] if s not in text]
    assert missing == []


def test_the_buyer_question_says_the_buyer_knew() -> None:
    """Point 1: the answer "crime of buying" needs a buyer who knows (明知); the stem says so."""
    stems = {"illegal-adoption.yml": ["明知", "knows a child has been trafficked"],
             "illegal-adoption.zh-Hant.yml": ["明知"], "illegal-adoption.vi.yml": ["biết rõ"]}
    for name, needles in stems.items():
        text = (QUIZZES / name).read_text(encoding="utf-8")
        assert all(n in text for n in needles), name


# -- sources anyone can check -------------------------------------------------------------

def _lessons() -> list[Path]:
    return sorted(p for p in CONTENT.glob("*/lessons/*.md") if p.name != "index.md")


def _front_matter(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


@pytest.mark.parametrize("path", _lessons(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_every_source_has_publisher_and_date_and_two_have_links(path: Path) -> None:
    import re

    sources = _front_matter(path)["sources"]
    undated = [s["title"] for s in sources if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(s.get("date", "")))]
    assert undated == [], "every source needs date: YYYY-MM-DD, YYYY-MM or YYYY"
    assert all(str(s.get("publisher", "")).strip() for s in sources), "every source names its publisher"
    linked = [s for s in sources if str(s.get("url", "")).startswith(("https://", "http://"))]
    assert len(linked) >= 2


@pytest.mark.parametrize("path", _lessons(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_the_sources_section_links_every_source_and_no_fact_sheet_tags(path: Path) -> None:
    """Readers see each source with a plain link, not tags such as [S28] pointing to an unpublished sheet."""
    import re

    text = path.read_text(encoding="utf-8")
    section = re.split(r"^## ", text, flags=re.M)[-1]
    for source in _front_matter(path)["sources"]:
        assert f"]({source['url']})" in section, source["title"]
    assert not re.search(r"\[S\d+[a-z]?\]", text)


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant", "vi", "ug"])
def test_a_sources_page_collects_every_lessons_sources(lang: str) -> None:
    page = (CONTENT / lang / "sources.md").read_text(encoding="utf-8")
    for path in (CONTENT / lang / "lessons").glob("*.md"):
        if path.name != "index.md":
            for source in _front_matter(path)["sources"]:
                assert f"]({source['url']})" in page, f"{path.name}: {source['title']}"


def test_the_sources_page_is_in_the_menu_and_authoring_points_to_it() -> None:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    assert nav.index("sources.md") == nav.index("about.md") + 1
    authoring = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    assert "shared/reference" not in authoring  # a fresh clone has no such file
    assert "sources.md" in authoring and "publisher:" in authoring and "date:" in authoring
