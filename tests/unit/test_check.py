"""Tests of ``python -m pingan.cli.check``: the fixture projects give exactly their expected output.

The broken projects are data (``tests/fixtures/check/<project>/``) with the exact
output expected from them in ``<project>/expected.txt``, as the quiz loader's
bad quizzes are; the real repository must pass.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pingan.cli.check import main
from pingan.content.links import page_anchors
from pingan.content.settings import read_site
from pingan.validate import run_check
from pingan.quiz.loader import load_quizzes

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "check"
TODAY = "2026-11-29"


def _run_cli(root: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command as an editor would (``make check``)."""
    return subprocess.run(
        [sys.executable, "-m", "pingan.cli.check", "--root", str(root), "--today", TODAY, *extra],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        check=False,
    )


def _expected(project: str) -> list[str]:
    return (FIXTURES / project / "expected.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def broken_output() -> list[str]:
    """The output of the check on the broken project (run once)."""
    result = _run_cli(FIXTURES / "broken", env={"EDITION": ""})
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    return result.stdout.splitlines()


# -- the corpus of mistakes --------------------------------------------------------------------


@pytest.mark.parametrize("project", ["broken", "missing-language"])
def test_broken_project_gives_exactly_the_expected_output(project: str) -> None:
    """The whole output, line by line, then the summary; exit status 1."""
    result = _run_cli(FIXTURES / project, env={"EDITION": ""})
    assert result.stdout.splitlines() == _expected(project)
    assert result.returncode == 1


def _broken_files() -> list[str]:
    """Every file of the broken project that holds a mistake (all but the good ones)."""
    base = FIXTURES / "broken"
    good = {"content/zh/lessons/good.md", "content/zh/lessons/index.md", "quizzes/extra.yml", "mkdocs.yml"}
    files = []
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(base).as_posix()
        if path.suffix in (".md", ".yml") and rel not in good and not rel.startswith("quizzes/"):
            files.append(rel)
    return files + ["quizzes/no-english.yml"]


BROKEN_FILES = _broken_files()


def test_corpus_is_big_enough() -> None:
    """At least 15 broken lessons, configs and hotline files besides the quizzes."""
    cases = [f for f in BROKEN_FILES if not f.startswith("quizzes/")] + ["missing-language/mkdocs.yml", "old-review"]
    assert len(cases) >= 15, cases


@pytest.mark.parametrize("rel", BROKEN_FILES)
def test_each_broken_file_gives_its_messages(broken_output: list[str], rel: str) -> None:
    """Each broken file yields its own expected lines, at the line to fix, and nothing else."""
    expected = [line for line in _expected("broken") if line.startswith(f"{rel}:")]
    assert expected, f"{rel} has no expected message in expected.txt"
    assert [line for line in broken_output if line.startswith(f"{rel}:")] == expected
    for line in expected:
        assert re.match(rf"{re.escape(rel)}:\d+: \S", line)


def test_good_files_of_the_broken_project_have_no_problem(broken_output: list[str]) -> None:
    """The good lesson and the lessons index (Chinese headings, {#id} anchors) pass."""
    for rel in ("content/zh/lessons/good.md", "content/zh/lessons/index.md", "mkdocs.yml"):
        assert not [line for line in broken_output if line.startswith(f"{rel}:")]


def test_old_review_alone_is_a_warning_and_passes() -> None:
    """A review more than 12 months ago warns, and the check still exits 0."""
    result = _run_cli(FIXTURES / "old-review")
    assert result.stdout.splitlines() == _expected("old-review")
    assert result.stdout.splitlines()[0].split(": ", 1)[1].startswith("warning: ")
    assert result.returncode == 0


def test_output_is_sorted_by_path_and_line(broken_output: list[str]) -> None:
    """Problems come file by file, top to bottom; the summary line is last."""
    keys = []
    for line in broken_output[:-1]:
        path, number, _ = line.split(":", 2)
        keys.append((path, int(number)))
    assert keys == sorted(keys)
    assert re.fullmatch(r"\d+ problems \(\d+ errors, \d+ warnings\) in \d+ files", broken_output[-1])


# -- pieces of the check -------------------------------------------------------------------------


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    """A small project in tmp_path from ``{path: text}``."""
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return tmp_path


MKDOCS_ZH = """
site_name: test
docs_dir: content
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: zh
          default: true
          name: zh
  - pingan-site:
      edition: !ENV [EDITION, ""]
  - pingan-quiz
"""


def test_quiz_errors_and_warnings_come_from_the_quiz_loader(tmp_path: Path) -> None:
    """Every quiz problem of the loader is in the output: errors as errors, warnings as warnings."""
    root = _project(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS_ZH,
            "hotlines.yml": 'hotlines:\n  - number: "110"\n    label: {zh: 报警电话}\n',
            "content/zh/index.md": "# 首页\n",
            "quizzes/a.yml": "title: 测验\nquestions:\n  - id: q\n    kind: singel\n    prompt: 问\n    explanation: 因为\n",
            "quizzes/b.yaml": "title: 测验\n",
        },
    )
    report = run_check(root)
    loaded = load_quizzes(root / "quizzes", languages=["zh"], default_language="zh", root=root)
    assert loaded.errors and loaded.warnings
    assert [str(p) for p in report.errors] == [str(p) for p in loaded.errors]
    assert [(p.path, p.line, p.message) for p in report.warnings] == [(p.path, p.line, p.message) for p in loaded.warnings]
    assert not report.ok


def test_a_language_declared_incomplete_expects_missing_quiz_text(tmp_path: Path) -> None:
    """Missing quiz text in a language the quiz plugin declares incomplete is not reported, as in the build."""
    config = MKDOCS_ZH.replace(
        "          name: zh\n",
        "          name: zh\n        - locale: en\n          name: en\n        - locale: vi\n          name: vi\n",
    ).replace("  - pingan-quiz", "  - pingan-quiz:\n      incomplete_languages: [vi]")
    quiz = (
        "title: {zh: 测验, en: Quiz}\nquestions:\n  - id: q\n    kind: truefalse\n"
        "    prompt: {zh: 问, en: Ask}\n    answer: true\n    explanation: {zh: 因为}\n"
    )
    root = _project(
        tmp_path,
        {
            "mkdocs.yml": config,
            "hotlines.yml": 'hotlines:\n  - number: "110"\n    label: {zh: 报警电话, en: Police, vi: Cảnh sát}\n',
            "content/zh/index.md": "# 首页\n",
            "content/en/index.md": "# Home\n",
            "content/vi/index.md": "# Trang chủ\n",
            "quizzes/a.yml": quiz,
        },
    )
    messages = [p.message for p in run_check(root).warnings]
    assert any('has no "en" text' in m for m in messages)  # en is not declared incomplete
    assert not any('has no "vi" text' in m for m in messages)


def test_placeholders_know_the_contacts_of_the_chosen_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """{{ contact.x }} may name a contact of the edition being built (EDITION=…); every edition is checked."""
    root = _project(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS_ZH,
            "hotlines.yml": 'hotlines:\n  - number: "110"\n    label: {zh: 报警电话}\ncontacts:\n  police: {zh: 派出所}\n',
            "editions/north.yml": "contacts:\n  shelter: {zh: 救助站}\n",
            "content/zh/index.md": "# 首页\n\n打110，找{{ contact.police }}或{{ contact.shelter }}。\n",
            "quizzes/README.md": "quizzes\n",
        },
    )
    monkeypatch.setenv("EDITION", "")
    assert [str(p) for p in run_check(root).problems] == [
        'content/zh/index.md:3: unknown placeholder {{ contact.shelter }}: there is no contact "shelter" under '
        '"contacts:" in hotlines.yml; the names are: police'
    ]
    monkeypatch.setenv("EDITION", "north")
    assert run_check(root).problems == []
    monkeypatch.setenv("EDITION", "south")
    assert [str(p) for p in run_check(root).problems] == [
        'content/zh/index.md:3: unknown placeholder {{ contact.shelter }}: there is no contact "shelter" under '
        '"contacts:" in hotlines.yml; the names are: police',
        "mkdocs.yml:11: the edition file editions/south.yml does not exist; create it, or choose one of: north",
    ]


def test_links_fall_back_to_the_default_language(tmp_path: Path) -> None:
    """A page missing in English is shown in Chinese: a link to it is fine, and its anchors are Chinese ones."""
    root = _project(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS_ZH.replace(
                "          name: zh\n", "          name: zh\n        - locale: en\n          name: en\n"
            ).replace("  - pingan-site:\n      edition: !ENV [EDITION, \"\"]\n  - pingan-quiz\n", ""),
            "content/zh/a.md": "# 甲\n\n## 要点\n",
            "content/en/index.md": "# Home\n\n[A](a.md#_2) [B](a.md#_9) [C](../zh/a.md) [D](b.md) [E](https://example.org/x.md) [F](tel:110)\n",
            "content/zh/index.md": "# 首页\n\n```\n[不是链接](nothing.md)\n```\n\n`[也不是](nothing.md)`\n",
        },
    )
    messages = [str(p) for p in run_check(root).problems]
    assert messages == [
        'content/en/index.md:3: the link "a.md#_9" points to a part of content/zh/a.md that does not exist: '
        'there is no heading or id "_9"; its headings are #_1 (甲), #_2 (要点)',
        'content/en/index.md:3: the link "../zh/a.md" points outside the pages of content/en/; '
        "write the path from this page to a page of the same language folder",
        'content/en/index.md:3: the link "b.md" points to content/en/b.md, which does not exist; '
        "check the file name and the folders in the path",
    ]


def test_no_mkdocs_yml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Run in the wrong folder: one clear message, exit 1."""
    assert main(["--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"mkdocs.yml:1: there is no mkdocs.yml in {tmp_path}; run the check in the project folder, or give it with --root"
    assert out[-1] == "1 problem (1 error) in 0 files"


def test_summary_words() -> None:
    """Singular and plural, and no problems at all."""
    from pingan.validate import Report
    from pingan.core.problems import Problem

    assert Report([], 3).summary() == "no problems in 3 files"
    assert Report([Problem("a", 1, "x")], 1).summary() == "1 problem (1 error) in 1 file"
    both = [Problem("a", 1, "x"), Problem("a", 2, "y", "warning")]
    assert Report(both, 37).summary() == "2 problems (1 error, 1 warning) in 37 files"


# -- heading ids as the build makes them ---------------------------------------------------------------


def test_heading_ids_match_a_real_build(tmp_path: Path) -> None:
    """The ids the check computes are those of a real MkDocs build with mkdocs.yml's Markdown settings.

    The real pages (Chinese and English headings, {#id} anchors) are built with
    Material and the repository's markdown_extensions; every heading id in the
    built HTML must be what ``page_anchors`` says.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    settings, problems = read_site(ROOT)
    assert settings is not None and not problems
    docs = tmp_path / "docs"
    pages = sorted(
        p for lang in ("zh", "en") for p in (ROOT / "content" / lang).rglob("*.md")
    )
    for page in pages:
        dest = docs / page.relative_to(ROOT / "content")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(page, dest)
    config_text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = config_text[config_text.index("markdown_extensions:") :].split("\n\n", 1)[0]
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: ids\ndocs_dir: docs\nuse_directory_urls: false\ntheme:\n  name: material\n  language: zh\nplugins: []\n{extensions}\n",
        encoding="utf-8",
    )
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    chinese_ids = 0
    for page in pages:
        rel = page.relative_to(ROOT / "content")
        html = (tmp_path / "site" / rel.with_suffix(".html")).read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        built = re.findall(r'<h[1-6] id="([^"]+)"', article)
        from pingan.content.lessons import split_front_matter

        body = split_front_matter(page.read_text(encoding="utf-8")).body.lstrip("\n")
        computed = [h for h, _ in page_anchors(body, settings.markdown_extensions, settings.markdown_configs).headings]
        assert computed == built, rel
        chinese_ids += sum(1 for h in built if re.fullmatch(r"_\d+", h))
    assert chinese_ids > 0, "Chinese headings get ids like _1 in a real build"


# -- the real repository -------------------------------------------------------------------------------


def test_real_repository_passes() -> None:
    """The real content passes the check (warnings allowed): python -m pingan.cli.check --root . exits 0."""
    report = run_check(ROOT, today=dt.date.today())
    assert [str(p) for p in report.errors] == []
    assert main(["--root", str(ROOT)]) == 0
