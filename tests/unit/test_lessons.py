"""Tests of the lesson schema and body checks (``pingan.content.lessons``), called directly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pingan.content.lessons import (
    check_page_front_matter,
    is_lesson,
    iter_lessons,
    load_lesson,
)

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 29)

GOOD = """\
---
title: 好的一课
description: 一课示例：先问一问。
audience: children
age_band: "6-9"
minutes: 20
objectives:
  - 知道先问一问
reviewed: 2026-11-01
sources:
  - id: S14
    title: 《中华人民共和国未成年人保护法》第二十一条
    date: 2024-04-26
    url: https://flk.npc.gov.cn/
  - title: 某某公安局防拐提示
    date: 2024-01
    url: https://example.org/tips
---

## 小故事

小雨在校门口等妈妈。

## 小测验

[[quiz x]]

## 资料来源

- 《中华人民共和国未成年人保护法》第二十一条 [S14]
"""


def _lesson(tmp_path: Path, text: str, name: str = "x.md", lang: str = "zh") -> tuple[dict | None, list[str]]:
    """Write ``text`` as content/<lang>/lessons/<name> and check it; the values and the messages."""
    path = tmp_path / "content" / lang / "lessons" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    meta, problems = load_lesson(path, tmp_path, today=TODAY)
    return meta, [str(p) for p in problems]


def _replace(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


P = "content/zh/lessons/x.md"


def test_good_lesson_has_values_and_no_problems(tmp_path: Path) -> None:
    """A lesson as AUTHORING.md shows it: typed values, no problem."""
    meta, messages = _lesson(tmp_path, GOOD)
    assert messages == []
    assert meta is not None
    assert meta["minutes"] == 20
    assert meta["reviewed"] == dt.date(2026, 11, 1)
    assert meta["objectives"] == ["知道先问一问"]
    assert meta["sources"][1] == {"title": "某某公安局防拐提示", "url": "https://example.org/tips", "date": "2024-01"}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "title: 好的一课\n", "", [f'{P}:1: the lesson has no "title"; add a line title: … with the page title'], id="missing-title"
        ),
        pytest.param(
            "title: 好的一课", "title: 110", [f'{P}:2: "title" must be text; put it in quotes: title: "110"'], id="title-number"
        ),
        pytest.param(
            "audience: children", "audience: childern", [f'{P}:4: audience "childern" is not allowed; did you mean "children"?'], id="audience-typo"
        ),
        pytest.param(
            "minutes: 20", 'minutes: "20"', [f'{P}:6: minutes "20" is in quotes; write the number without quotes: minutes: 20'], id="minutes-quoted"
        ),
        pytest.param(
            "minutes: 20", "minutes: 2", [f"{P}:6: minutes is 2; a lesson takes from 5 to 240 minutes"], id="minutes-short"
        ),
        pytest.param(
            "minutes: 20", "minutes: 20.5",
            [f'{P}:6: minutes "20.5" is not a whole number; write the class time in minutes with digits, e.g. minutes: 30'],
            id="minutes-fraction",
        ),
        pytest.param(
            "reviewed: 2026-11-01", "reviewed: 2026-13-01",
            [f'{P}:9: reviewed "2026-13-01" is not a real date (there is no month 13); write the day the facts were checked as YYYY-MM-DD'],
            id="reviewed-month-13",
        ),
        pytest.param(
            "reviewed: 2026-11-01", "reviewed: 2026-11-1",
            [f"{P}:9: write the date as YYYY-MM-DD with two-digit month and day: reviewed: 2026-11-01"],
            id="reviewed-short-day",
        ),
        pytest.param(
            "  - 知道先问一问\n", "  -\n", [f"{P}:8: objective 1 is empty; write what a learner can do, or remove the line"], id="objective-empty"
        ),
        pytest.param(
            "    title: 《中华人民共和国未成年人保护法》第二十一条\n", "    titel: 《中华人民共和国未成年人保护法》第二十一条\n",
            [
                f'{P}:11: source 1 has no "title"; add title: … naming the source (for a law, name its article)',
                f'{P}:12: source 1 has an unknown key "titel"; did you mean "title"?',
            ],
            id="source-key-typo",
        ),
        pytest.param(
            "sources:\n", "translation_reviewed: \"no\"\nsources:\n",
            [f'{P}:10: translation_reviewed "no" must be true or false, without quotes'],
            id="translation-reviewed-quoted",
        ),
        pytest.param(
            "minutes: 20\n", "minutes: 20\n\tmore: 1\n",
            [f"{P}:7: this line starts with a tab; indent with spaces, not tabs"],
            id="tab",
        ),
        pytest.param(
            "[[quiz x]]", "[[quiz y]]",
            [
                f"{P}:26: this lesson's quiz is [[quiz x]] (the quiz file quizzes/x.yml, named like the lesson), "
                "but the page has only [[quiz y]]; add the line [[quiz x]]"
            ],
            id="other-quiz",
        ),
        pytest.param(
            "- 《中华人民共和国未成年人保护法》第二十一条 [S14]\n", "",
            [
                f'{P}:28: the last section "## 资料来源" has no list; a lesson ends with its sources section '
                '("## 资料来源"), listing each source on a line starting with "- "'
            ],
            id="sources-section-empty",
        ),
        pytest.param(
            "    date: 2024-01\n", "",
            [f'{P}:15: source 2 has no "date"; add date: YYYY-MM-DD (or YYYY-MM, or YYYY when the source gives only that)'],
            id="source-without-date",
        ),
        pytest.param(
            "    date: 2024-01\n", "    date: 2024/01\n",
            [f'{P}:16: source 2 has date "2024/01"; write YYYY-MM-DD, YYYY-MM or YYYY, e.g. date: 2024-03-20'],
            id="source-date-with-slash",
        ),
        pytest.param(
            "    url: https://flk.npc.gov.cn/\n", "",
            [
                f"{P}:11: 1 of this lesson's sources has an address; give at least 2 sources a url: https://… "
                "so that readers can check the facts"
            ],
            id="only-one-linked-source",
        ),
    ],
)
def test_one_mistake_one_message(tmp_path: Path, old: str, new: str, expected: list[str]) -> None:
    """Each mistake gives its message at the line to fix."""
    _meta, messages = _lesson(tmp_path, _replace(old, new))
    assert messages == expected


def test_typo_of_required_key_is_reported_once(tmp_path: Path) -> None:
    """A misspelt required key is an unknown key with a suggestion, not also a missing key."""
    _meta, messages = _lesson(tmp_path, _replace("description:", "descripton:"))
    assert messages == [f'{P}:3: unknown key "descripton"; did you mean "description"?']


def test_review_older_than_twelve_months_is_a_warning(tmp_path: Path) -> None:
    """Old facts warn (they do not fail); exactly twelve months is still fine."""
    path = tmp_path / "content/zh/lessons/x.md"
    path.parent.mkdir(parents=True)
    path.write_text(_replace("reviewed: 2026-11-01", "reviewed: 2025-01-02"), encoding="utf-8")
    _meta, problems = load_lesson(path, tmp_path, today=TODAY)
    assert [(p.warning, str(p)) for p in problems] == [
        (
            True,
            f"{P}:9: warning: the facts were last reviewed on 2025-01-02, more than 12 months ago: "
            "check the facts and update `reviewed`",
        )
    ]
    _meta, problems = load_lesson(path, tmp_path, today=dt.date(2026, 1, 2))
    assert problems == []


def test_leap_day_review_ages_to_the_28th(tmp_path: Path) -> None:
    """A review on 29 February is twelve months old on 28 February of the next year."""
    path = tmp_path / "content/zh/lessons/x.md"
    path.parent.mkdir(parents=True)
    path.write_text(_replace("reviewed: 2026-11-01", "reviewed: 2024-02-29"), encoding="utf-8")
    assert load_lesson(path, tmp_path, today=dt.date(2025, 2, 28))[1] == []
    assert [p.warning for p in load_lesson(path, tmp_path, today=dt.date(2025, 3, 1))[1]] == [True]


def test_windows_line_endings_keep_line_numbers(tmp_path: Path) -> None:
    """A file saved with CRLF reports the same lines as one saved with LF."""
    text = _replace("audience: children", "audience: kids").replace("\n", "\r\n")
    _meta, messages = _lesson(tmp_path, text)
    assert [m.split(": ", 1)[0] for m in messages] == [f"{P}:4"]


def test_english_lesson_names_english_headings(tmp_path: Path) -> None:
    """Messages about an English lesson name its English sources heading."""
    text = GOOD.replace("## 资料来源\n\n- 《中华人民共和国未成年人保护法》第二十一条 [S14]\n", "## Sources\n\nSee the book.\n")
    _meta, messages = _lesson(tmp_path, text, lang="en")
    assert messages == [
        'content/en/lessons/x.md:28: the last section "## Sources" has no list; a lesson ends with its '
        'sources section ("## Sources"), listing each source on a line starting with "- "'
    ]


def test_quiz_line_inside_code_block_does_not_count(tmp_path: Path) -> None:
    """An example of the quiz line in a code block is not the lesson's quiz."""
    text = GOOD.replace("[[quiz x]]", "```\n[[quiz x]]\n```")
    _meta, messages = _lesson(tmp_path, text)
    assert messages == [
        f"{P}:24: this lesson has no quiz; add the line [[quiz x]] under this heading (the quiz file is quizzes/x.yml)"
    ]


def test_iter_lessons_skips_index_pages(tmp_path: Path) -> None:
    """Lessons are content/<lang>/lessons/*.md except index.md; other pages are not lessons."""
    for rel in ("zh/lessons/b.md", "zh/lessons/index.md", "zh/about.md", "en/lessons/a.md", "en/lessons/more/c.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_lessons(tmp_path)]
    assert found == ["en/lessons/a.md", "en/lessons/more/c.md", "zh/lessons/b.md"]
    assert not is_lesson(tmp_path / "zh/about.md", tmp_path)


def test_unreadable_front_matter_of_any_page(tmp_path: Path) -> None:
    """MkDocs would show broken front matter as text: any page's is checked."""
    page = tmp_path / "content/en/about.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: About\ndescription: Who we are: editors.\n---\n\n# About\n", encoding="utf-8")
    assert [str(p) for p in check_page_front_matter(page, tmp_path)] == [
        'content/en/about.md:3: the front matter cannot be read here: a ":" is in a place where it cannot be; '
        'if a text contains ": ", put the whole text in quotes'
    ]
    page.write_text("# No front matter\n", encoding="utf-8")
    assert check_page_front_matter(page, tmp_path) == []


def test_real_lessons_pass() -> None:
    """Every lesson of the repository passes (warnings about old reviews aside)."""
    messages = [
        str(p)
        for path in iter_lessons(ROOT / "content")
        for p in load_lesson(path, ROOT)[1]
        if not p.warning
    ]
    assert messages == []


def test_a_source_may_name_its_publisher_and_date(tmp_path: Path) -> None:
    """Issue 16: sources anyone can check carry their publisher and date beside the title and link."""
    text = _replace(
        "    url: https://example.org/tips\n",
        "    url: https://example.org/tips\n    publisher: 某某公安局\n",
    )
    meta, messages = _lesson(tmp_path, text)
    assert messages == []
    assert meta is not None
    assert meta["sources"][1] == {
        "title": "某某公安局防拐提示",
        "url": "https://example.org/tips",
        "publisher": "某某公安局",
        "date": "2024-01",
    }


def test_an_empty_publisher_is_reported_with_its_line(tmp_path: Path) -> None:
    """An empty ``publisher:`` names the file, the line and what to write."""
    text = _replace("    url: https://example.org/tips\n", "    url: https://example.org/tips\n    publisher:\n")
    _, messages = _lesson(tmp_path, text)
    assert len(messages) == 1 and messages[0].startswith(f"{P}:18:"), messages
    assert 'the publisher of source 2 is empty' in messages[0]
