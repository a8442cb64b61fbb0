"""The build and `make check` reject the same lesson HTML, with the same file and line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from helpers import build_site, copy_project
from mkdocs.exceptions import Abort, PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from injection_corpus import BODY_PAYLOADS  # noqa: E402

from pingan.validate import run_check  # noqa: E402

LESSON = "content/zh/lessons/saying-no.md"


def test_build_and_check_report_the_same_problems(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = copy_project(tmp_path / "project")
    lesson = project / LESSON
    source = lesson.read_text(encoding="utf-8")
    first = source.count("\n") + 2
    lesson.write_text(source + "\n" + "\n\n".join(line for line, _ in BODY_PAYLOADS) + "\n", encoding="utf-8")

    report = run_check(project)
    # The allowlist's problems (the other checks also see the broken lesson: links, sections).
    from_check = {str(p) for p in report.errors if p.path == LESSON and "not allowed" in p.message}
    lines = {int(s.split(":")[1]) for s in from_check}
    wanted = {first + 2 * i for i, (_, named) in enumerate(BODY_PAYLOADS) if named}
    assert wanted <= lines, f"not reported: {sorted(wanted - lines)}"
    assert not report.ok

    with pytest.raises((PluginError, Abort)) as failed:
        build_site(project, tmp_path / "site")
    # MkDocs logs a plugin's error and raises Abort: the lines are in the log.
    message = str(failed.value) + "\n" + "\n".join(r.getMessage() for r in caplog.records)
    from_build = {line for line in message.splitlines() if line.startswith(LESSON + ":")}
    # The build runs the same validation pass as make check: the very same lines, all of them.
    assert from_build == {str(p) for p in report.errors if p.path == LESSON}
    assert from_check <= from_build
    assert re.search(rf"^{re.escape(LESSON)}:\d+: <script> is not allowed", message, re.M)


def test_check_warns_about_invisible_characters_in_titles_and_labels(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    hotlines = project / "hotlines.yml"
    text = hotlines.read_text(encoding="utf-8")
    hotlines.write_text(text.replace("en: Police emergency", "en: Police\u202e emergency", 1), encoding="utf-8")
    lesson = project / "content/en/lessons/check-first.md"
    source = lesson.read_text(encoding="utf-8")
    title_line = next(i for i, line in enumerate(source.split("\n"), start=1) if line.startswith("title:"))
    lesson.write_text(source.replace("title: ", "title: \u200b", 1), encoding="utf-8")
    ug = project / "content/ug/lessons/check-first.md"
    if ug.exists():  # the marks right-to-left text needs are no problem
        ug.write_text(ug.read_text(encoding="utf-8").replace("title: ", "title: \u200f", 1), encoding="utf-8")

    report = run_check(project)
    warnings = [str(p) for p in report.warnings if "invisible characters" in p.message]
    label_line = text.split("\n").index("      en: Police emergency") + 1
    assert any(w.startswith(f"hotlines.yml:{label_line}: warning: ") and "U+202E" in w for w in warnings), warnings
    assert any(w.startswith(f"content/en/lessons/check-first.md:{title_line}: warning: ") and "U+200B" in w for w in warnings), warnings
    assert not any("content/ug/" in w for w in warnings)
    assert report.ok  # warnings alone do not fail the check
