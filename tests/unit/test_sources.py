"""make sources: the Sources page of each language follows the lessons' front matter, and
make check names a page that does not (pingan.content.sources, pingan.cli.sources)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, copy_project

from pingan.cli.sources import main as sources_main
from pingan.content.sources import check_sources_pages
from pingan.validate import run_check

NEW_SOURCE = """  - title: 某某市公安局防拐提示
    publisher: 某某市公安局
    date: 2025-06-03
    url: https://example.org/fang-guai
"""


def test_the_committed_pages_are_what_make_sources_writes() -> None:
    """Nobody lists sources by hand: every language's page is exactly the generated one."""
    report = run_check(ROOT)
    assert report.site is not None
    assert check_sources_pages(report.site) == []


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "site")


def _add_source(project: Path, lesson: str = "check-first") -> Path:
    path = project / "content" / "zh" / "lessons" / f"{lesson}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("sources:\n", "sources:\n" + NEW_SOURCE, 1), encoding="utf-8")
    return path


def test_a_new_source_is_reported_then_added_with_its_lesson(project: Path, capsys) -> None:
    _add_source(project)
    page = project / "content" / "zh" / "sources.md"
    before = page.read_text(encoding="utf-8")
    stale = [p for p in run_check(project).errors if p.path == "content/zh/sources.md"]
    assert len(stale) == 1
    assert stale[0].line == len(before.splitlines()) + 1  # the page ends where the new group starts
    assert "run make sources" in stale[0].message
    assert sources_main(["--root", str(project)]) == 0
    assert "wrote content/zh/sources.md" in capsys.readouterr().out
    after = page.read_text(encoding="utf-8")
    assert after.startswith(before)  # nothing an editor wrote is changed
    assert after[len(before) :] == (
        "\n## 其他资料\n\n"
        "- 某某市公安局防拐提示。某某市公安局，2025年6月3日。[example.org](https://example.org/fang-guai)\n"
        "    - 用于：[先问一问，再决定](lessons/check-first.md)\n"
    )
    assert [p for p in run_check(project).errors if p.path.endswith("sources.md")] == []
    assert sources_main(["--root", str(project)]) == 0
    assert "up to date" in capsys.readouterr().out
    assert page.read_text(encoding="utf-8") == after  # the same output every time


def test_an_editors_wording_and_grouping_are_kept(project: Path) -> None:
    page = project / "content" / "en" / "sources.md"
    text = page.read_text(encoding="utf-8")
    lines = text.splitlines()
    # Reword a source's line and move the last source into the first group.
    first = next(i for i, line in enumerate(lines) if line.startswith("- "))
    lines[first] = lines[first].replace("- ", "- Reworded: ", 1)
    last_entry, last_used = lines[-2], lines[-1]
    del lines[-2:]
    lines[first:first] = [last_entry, last_used]
    edited = "\n".join(lines) + "\n"
    page.write_text(edited, encoding="utf-8")
    assert sources_main(["--root", str(project)]) == 0
    assert page.read_text(encoding="utf-8") == edited


def test_a_source_no_lesson_cites_leaves_the_page(project: Path) -> None:
    page = project / "content" / "en" / "sources.md"
    extra = "- A source no lesson cites. Nobody, 2020. [example.org](https://example.org/gone)\n"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + extra, encoding="utf-8")
    stale = [p for p in run_check(project).errors if p.path == "content/en/sources.md"]
    assert [p.line for p in stale] == [len(text.splitlines()) + 1]
    assert sources_main(["--root", str(project)]) == 0
    assert page.read_text(encoding="utf-8") == text


def test_nothing_is_written_while_a_lesson_cannot_be_read(project: Path, capsys) -> None:
    _add_source(project)
    broken = project / "content" / "zh" / "lessons" / "saying-no.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("title:", "title: [", 1), encoding="utf-8")
    page = project / "content" / "zh" / "sources.md"
    before = page.read_text(encoding="utf-8")
    assert sources_main(["--root", str(project)]) == 1
    out = capsys.readouterr().out
    assert "content/zh/lessons/saying-no.md:" in out and "Nothing was written" in out
    assert page.read_text(encoding="utf-8") == before


def test_a_site_without_a_sources_page_gets_one_from_make_sources(project: Path) -> None:
    """No page is no problem for make check; make sources writes the default language's."""
    page = project / "content" / "zh" / "sources.md"
    page.unlink()
    assert [p for p in run_check(project).errors if p.path.endswith("sources.md")] == []
    assert sources_main(["--root", str(project)]) == 0
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 资料来源\n---\n\n# 资料来源\n\n## 其他资料\n\n- ")
    assert "    - 用于：[" in text


def test_a_retitled_lesson_is_a_warning_and_make_sources_relinks_it(project: Path) -> None:
    """Only the lines linking the lessons differ: make check warns and still passes."""
    lesson = project / "content" / "en" / "lessons" / "check-first.md"
    old = "Check first, then decide"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace(f"title: {old}", "title: Ask first", 1), encoding="utf-8")
    report = run_check(project)
    stale = [p for p in report.problems if p.path == "content/en/sources.md"]
    assert [(p.severity, "run make sources" in p.message) for p in stale] == [("warning", True)]
    assert report.ok
    assert sources_main(["--root", str(project)]) == 0
    text = (project / "content" / "en" / "sources.md").read_text(encoding="utf-8")
    assert "[Ask first](lessons/check-first.md)" in text and f"[{old}]" not in text
