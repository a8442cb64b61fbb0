"""Tests of the translation status and ``mark-current`` (``pingan.cli.i18n_status``), on a copy of the project."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import copy_project

from pingan.cli.i18n_status import Entry, collect_status, file_hash, main, mark_current, set_source_hash

EN_LESSON = "content/en/lessons/check-first.md"
LANGUAGES = ("zh", "en", "zh-Hant", "vi", "ug")
ZH_LESSON = "content/zh/lessons/check-first.md"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the real project, free to change."""
    return copy_project(tmp_path / "project")


def _entry(root: Path, path: str, lang: str = "en") -> Entry:
    entries, problems = collect_status(root)
    assert problems == []
    found = [e for e in entries if e.path == path and e.lang == lang]
    assert len(found) == 1, [e.path for e in entries]
    return found[0]


def _unmark(path: Path) -> None:
    """Take the source_hash line out, as in a translation that was never marked current."""
    text = path.read_text(encoding="utf-8")
    unmarked = re.sub(r"(?m)^source_hash: [0-9a-f]{12}\n", "", text, count=1)
    assert unmarked != text
    path.write_text(unmarked, encoding="utf-8")


def _set_reviewed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "translation_reviewed: false" in text
    path.write_text(text.replace("translation_reviewed: false", "translation_reviewed: true"), encoding="utf-8")


# -- done when #2 ---------------------------------------------------------------------------------


def test_editing_the_source_makes_the_translation_stale_and_mark_current_fixes_it(project: Path) -> None:
    """Never marked -> stale; mark current -> current; edit the zh lesson -> stale; mark
    current again -> current. The project's own translations start out marked current."""
    en, zh = project / EN_LESSON, project / ZH_LESSON
    _set_reviewed(en)
    assert _entry(project, EN_LESSON).status == ("translated",)
    _unmark(en)
    assert _entry(project, EN_LESSON).status == ("stale",)
    assert _entry(project, EN_LESSON).note == "never marked current"

    done, problems = mark_current([Path(EN_LESSON)], project)
    assert problems == []
    assert done == [f"{EN_LESSON}: marked current (source_hash: {file_hash(zh)}, source {ZH_LESSON})"]
    assert _entry(project, EN_LESSON).status == ("translated",)

    zh.write_text(zh.read_text(encoding="utf-8").replace("小雨", "小明"), encoding="utf-8")
    entry = _entry(project, EN_LESSON)
    assert entry.status == ("stale",)
    assert entry.note == "the source changed since it was marked current"

    assert mark_current([project / EN_LESSON], project)[1] == []
    assert _entry(project, EN_LESSON).status == ("translated",)


def test_missing_translation_shows_as_missing(project: Path) -> None:
    """A page with no English file is missing."""
    (project / "content/en/lessons/saying-no.md").unlink()
    entry = _entry(project, "content/en/lessons/saying-no.md")
    assert entry.status == ("missing",)
    assert entry.source == "content/zh/lessons/saying-no.md"


def test_unreviewed_translation_shows(project: Path) -> None:
    """translation_reviewed: false (or absent) is unreviewed, besides being stale or current."""
    mark_current([Path(EN_LESSON)], project)
    entry = _entry(project, EN_LESSON)
    assert entry.status == ("unreviewed",)
    assert entry.note == "translation_reviewed: false"
    en = project / EN_LESSON
    en.write_text(en.read_text(encoding="utf-8").replace("translation_reviewed: false\n", ""), encoding="utf-8")
    assert _entry(project, EN_LESSON).note == "translation_reviewed is not set"


def test_mark_current_changes_only_one_line(project: Path) -> None:
    """The hash goes after title:, every other byte stays; a second mark replaces the line."""
    en = project / EN_LESSON
    _unmark(en)
    before = en.read_text(encoding="utf-8").splitlines(keepends=True)
    mark_current([Path(EN_LESSON)], project)
    after = en.read_text(encoding="utf-8").splitlines(keepends=True)
    assert after[:2] == before[:2]
    assert after[2] == f"source_hash: {file_hash(project / ZH_LESSON)}\n"
    assert after[3:] == before[2:]
    zh = project / ZH_LESSON
    zh.write_text(zh.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    mark_current([Path(EN_LESSON)], project)
    again = en.read_text(encoding="utf-8").splitlines(keepends=True)
    assert again[2] == f"source_hash: {file_hash(zh)}\n"
    assert len(again) == len(after)


def test_mark_current_all(project: Path) -> None:
    """--all en marks every English page that has a source."""
    done, problems = mark_current([], project, all_lang="en")
    assert problems == []
    assert len(done) == len(list((project / "content/en").rglob("*.md")))
    pages = [
        e for e in collect_status(project)[0] if e.lang == "en" and e.kind == "page" and "cannot be read" not in e.note
    ]
    assert pages and all("stale" not in e.status for e in pages)


def test_mark_current_refuses_what_is_not_a_translation(project: Path) -> None:
    """The Chinese source, a missing file and a language that is not translated: one message each."""
    (project / "content/en/lessons/saying-no.md").unlink()
    done, problems = mark_current([Path(ZH_LESSON), Path("content/en/lessons/saying-no.md")], project)
    assert done == []
    assert [str(p) for p in problems] == [
        f"{ZH_LESSON}:1: this is the zh source, not a translation; give the translated file (content/<language>/…)",
        "content/en/lessons/saying-no.md:1: there is no such file; give the path of a translated page or quiz file",
    ]
    (problem,) = mark_current([], project, all_lang="xx")[1]
    assert str(problem).startswith('mkdocs.yml:1: "xx" is not a translated language of this site; use one of: en')


# -- quizzes ---------------------------------------------------------------------------------------


def test_quizzes_inline_translation_file_and_missing(project: Path) -> None:
    """Inline English counts as translated; a translation file is stale until marked; none is missing."""
    quizzes = project / "quizzes"
    assert _entry(project, "quizzes/check-first.yml").status == ("translated",)
    # Take the English out of a quiz: it is missing, then a translation file makes it stale.
    quiz = quizzes / "saying-no.yml"
    lines = [line for line in quiz.read_text(encoding="utf-8").splitlines(keepends=True) if not line.lstrip().startswith("en:")]
    quiz.write_text("".join(lines).replace(", en: ", ", xx: "), encoding="utf-8")
    entry = _entry(project, "quizzes/saying-no.en.yml")
    assert entry.status == ("missing",)
    translation = quizzes / "saying-no.en.yml"
    translation.write_text("# English text for quizzes/saying-no.yml\ntitle: Say no\n", encoding="utf-8")
    assert _entry(project, "quizzes/saying-no.en.yml").note == "never marked current"
    done, problems = mark_current([Path("quizzes/saying-no.en.yml")], project)
    assert problems == []
    assert translation.read_text(encoding="utf-8") == (
        f"# English text for quizzes/saying-no.yml\ntitle: Say no\nsource_hash: {file_hash(quiz)}\n"
    )
    assert _entry(project, "quizzes/saying-no.en.yml").status == ("translated",)


def test_a_marked_quiz_translation_still_loads(project: Path) -> None:
    """mark-current writes source_hash into a real quiz translation file, and the quiz loader
    accepts the file as it is then: the site builds with marked translations."""
    from pingan.quiz.loader import load_quizzes

    translation = project / "quizzes/check-first.zh-Hant.yml"
    _unmark(translation)
    done, problems = mark_current([translation], project)
    assert problems == [] and len(done) == 1
    assert f"source_hash: {file_hash(project / 'quizzes/check-first.yml')}\n" in translation.read_text(encoding="utf-8")
    assert _entry(project, "quizzes/check-first.zh-Hant.yml", "zh-Hant").status == ("translated",)
    result = load_quizzes(project / "quizzes", languages=LANGUAGES, default_language="zh")
    assert result.errors == [] and "check-first" in result.quizzes


def test_a_hand_edited_source_hash_is_reported(project: Path) -> None:
    """A source_hash that mark-current did not write fails the quiz check with what to do."""
    from pingan.quiz.loader import load_quizzes

    translation = project / "quizzes/check-first.zh-Hant.yml"
    text = translation.read_text(encoding="utf-8")
    translation.write_text(re.sub(r"(?m)^source_hash: .*$", "source_hash: today", text), encoding="utf-8")
    errors = load_quizzes(project / "quizzes", languages=LANGUAGES, default_language="zh").errors
    assert len(errors) == 1
    assert str(errors[0]).startswith("quizzes/check-first.zh-Hant.yml:")
    assert "make i18n-current" in str(errors[0])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param("---\ntitle: A\nx: 1\n---\nbody\n", "---\ntitle: A\nsource_hash: H\nx: 1\n---\nbody\n", id="after-title"),
        pytest.param("---\ntitle: A\nsource_hash: old  \n---\n", "---\ntitle: A\nsource_hash: H\n---\n", id="replace"),
        pytest.param("---\ntitle: >\n  A long\n  title\nx: 1\n---\n", "---\ntitle: >\n  A long\n  title\nsource_hash: H\nx: 1\n---\n", id="folded-title"),
        pytest.param("---\nx: 1\n---\n", "---\nx: 1\nsource_hash: H\n---\n", id="no-title"),
        pytest.param("# Page\n", "---\nsource_hash: H\n---\n\n# Page\n", id="no-front-matter"),
        pytest.param("---\r\ntitle: A\r\n---\r\n", "---\r\ntitle: A\r\nsource_hash: H\r\n---\r\n", id="crlf"),
        pytest.param("\ufeff---\ntitle: A\n---\n", "\ufeff---\ntitle: A\nsource_hash: H\n---\n", id="bom"),
        pytest.param("---\ntitle: A\nbody: |\n  source_hash: no\n---\n", "---\ntitle: A\nsource_hash: H\nbody: |\n  source_hash: no\n---\n", id="indented-is-not-top-level"),
    ],
)
def test_set_source_hash_in_front_matter(before: str, after: str) -> None:
    """One line is added or replaced; nothing else changes."""
    assert set_source_hash(before, "H") == after


def test_set_source_hash_in_yaml_file() -> None:
    """In a quiz translation file the key is top level, after title or before the first key."""
    assert set_source_hash("# c\nintro: x\n", "H", front_matter=False) == "# c\nsource_hash: H\nintro: x\n"
    assert set_source_hash("title: T\nsource_hash: a\n", "H", front_matter=False) == "title: T\nsource_hash: H\n"


def test_set_source_hash_unclosed_front_matter() -> None:
    """A front matter without its closing line is not touched."""
    with pytest.raises(ValueError):
        set_source_hash("---\ntitle: A\n", "H")


# -- output -------------------------------------------------------------------------------------------


def test_table_and_csv(project: Path, tmp_path: Path) -> None:
    """The command prints a table per language and a summary; --csv writes the same rows."""
    (project / "content/en/about.md").unlink()
    out = tmp_path / "status.csv"
    result = subprocess.run(
        [sys.executable, "-m", "pingan.cli.i18n_status", "--root", str(project), "--csv", str(out)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("en: ") and "pages" in lines[0] and "quizzes" in lines[0]
    assert lines[1].split() == ["STATUS", "FILE", "NOTE"]
    assert any(line.split()[:2] == ["missing", "content/en/about.md"] for line in lines)
    assert any(line.startswith("en: ") and " 1 missing" in line and "pages" not in line for line in lines)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    entries = collect_status(project)[0]
    assert len(rows) == len(entries)
    about = next(r for r in rows if r["file"] == "content/en/about.md")
    assert about == {
        "language": "en", "kind": "page", "file": "content/en/about.md", "source": "content/zh/about.md",
        "status": "missing", "note": "no translation yet: readers see the default language's page",
    }


def test_cli_mark_current(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """mark-current prints one line per file and a summary; a problem exits 1."""
    assert main(["mark-current", EN_LESSON, "--root", str(project)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "1 file marked current"
    assert main(["mark-current", ZH_LESSON, "--root", str(project)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "0 files marked current, 1 problem"
