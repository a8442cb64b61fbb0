"""One validation pass: ``make build`` refuses what ``make check`` refuses, with the same lines.

For each kind of mistake an editor makes, on a small project: the check reports it at its
``path:line:``, the build (``python -m pingan.cli.publish``, what ``make build`` runs, and a
plain ``mkdocs build``) fails printing those very lines, and ``site/`` stays byte-identical.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ROOT, build_site, copy_project, count_quiz_reads
from mkdocs.exceptions import Abort, PluginError

from pingan.cli.publish import main as publish_main
from pingan.validate import run_check

MKDOCS_YML = """\
site_name: Test
docs_dir: content
theme:
  name: material
  custom_dir: overrides
  language: zh
  font: false
nav:
  - index.md
  - lessons/demo.md
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_search: false
      languages:
        - locale: zh
          default: true
          name: zh
        - locale: en
          name: en
  - pingan-site:
      hotlines: hotlines.yml
  - pingan-quiz
  - pingan-present
markdown_extensions:
  - toc:
      permalink: true
"""

HOTLINES = """\
hotlines:
  - number: "110"
    label:
      zh: 报警电话
      en: Police
contacts:
  school:
    zh: 学校安全办公室
    en: the school safety office
"""

LESSON = """\
---
title: {title}
description: {description}
audience: children
age_band: "6-9"
minutes: 20
objectives:
  - {objective}
reviewed: 2026-11-01
sources:
  - {{id: S14, title: 《中华人民共和国未成年人保护法》第二十一条, date: 2024-04-26, url: "https://flk.npc.gov.cn/"}}
  - {{title: 某某公安局防拐提示, date: 2024, url: "https://example.org/tips"}}
{extra}---

## {story}

{body}

## {quiz_heading}

[[quiz demo]]

## {sources_heading}

- 《中华人民共和国未成年人保护法》第二十一条 [S14]
"""

QUIZ = """\
title:
  zh: 小测验
  en: Little quiz
questions:
  - id: first
    kind: single
    prompt:
      zh: 有人叫你跟他走，你先做什么？
      en: Someone asks you to come along. What do you do first?
    options:
      - text:
          zh: 先问{{ contact.school }}
          en: Ask {{ contact.school }}
        correct: true
        next: why
      - text:
          zh: 跟着走
          en: Go along
    explanation:
      zh: 先问一问。
      en: Check first.
  - id: why
    kind: truefalse
    prompt:
      zh: 问一问是对的。
      en: Asking is right.
    answer: true
    explanation:
      zh: 对。
      en: Yes.
"""


def make_project(root: Path) -> Path:
    """A small site that passes the check and builds."""
    files = {
        "mkdocs.yml": MKDOCS_YML,
        "hotlines.yml": HOTLINES,
        "quizzes/demo.yml": QUIZ,
        "content/zh/index.md": "# 首页\n\n[课](lessons/demo.md)\n",
        "content/en/index.md": "# Home\n\n[Lesson](lessons/demo.md)\n",
        "content/zh/lessons/demo.md": LESSON.format(
            title="先问一问", description="先问一问再决定。", objective="知道先问一问", extra="",
            story="小故事", body="小雨在校门口等妈妈。", quiz_heading="小测验", sources_heading="资料来源",
        ),
        "content/en/lessons/demo.md": LESSON.format(
            title="Check first", description="Check first, then decide.", objective="Check first",
            extra="translation_reviewed: false\n", story="A story", body="Rain waits at the gate.",
            quiz_heading="Quiz", sources_heading="Sources",
        ),
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    return root


def edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    """A mistake: ``old`` replaced by ``new`` in the file ``rel`` of the project."""

    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def symlink_loop(root: Path) -> None:
    (root / "content" / "zh" / "lessons" / "again").symlink_to("..", target_is_directory=True)


def language_folder(root: Path) -> None:
    (root / "content" / "fr").mkdir()
    (root / "content" / "fr" / "index.md").write_text("# Accueil\n", encoding="utf-8")


def list_front_matter(root: Path) -> None:
    path = root / EN
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    path.write_text("---\n- title: Check first\n- description: Check first.\n---\n" + body, encoding="utf-8")


ZH = "content/zh/lessons/demo.md"
EN = "content/en/lessons/demo.md"

#: Each kind of mistake, and the start of the line the check must report for it.
MISTAKES: dict[str, tuple[Callable[[Path], None], str]] = {
    "nav target": (edit("mkdocs.yml", "  - lessons/demo.md", "  - lessons/demo-x.md"), "mkdocs.yml:10: the nav entry"),
    "our plugin option": (
        edit("mkdocs.yml", "  - pingan-quiz\n", "  - pingan-quiz:\n      incomplete_language: [en]\n"),
        'mkdocs.yml:26: the plugin pingan-quiz has no option "incomplete_language"',
    ),
    "i18n option": (
        edit("mkdocs.yml", "fallback_to_default: true", "fallback_to_defaults: true"),
        'mkdocs.yml:15: the plugin i18n has no option "fallback_to_defaults"',
    ),
    "i18n language option": (
        edit("mkdocs.yml", "          name: en\n", "          name: en\n          site_nam: Test\n"),
        'mkdocs.yml:23: the language "en" of the i18n plugin has no option "site_nam"',
    ),
    "language folder not built": (language_folder, "mkdocs.yml:18: content/fr/ is not a language of the site"),
    "symlink loop": (symlink_loop, "content/zh/lessons/again:1: this symbolic link leads back"),
    "unknown contact in quiz text": (
        edit("quizzes/demo.yml", "先问{{ contact.school }}", "先问{{ contact.scool }}"),
        'quizzes/demo.yml:12: unknown placeholder {{ contact.scool }}',
    ),
    "quiz line with a space": (edit(ZH, "[[quiz demo]]", "[[quiz de mo]]"), f"{ZH}:21: this quiz line is shown as text"),
    "quiz line with capitals": (edit(ZH, "[[quiz demo]]", "[[Quiz demo]]"), f"{ZH}:21: this quiz line is shown as text"),
    "quiz line with full-width brackets": (
        edit(ZH, "[[quiz demo]]", "［［quiz demo］］"),
        f"{ZH}:21: this quiz line is shown as text",
    ),
    "quiz line inside a sentence": (
        edit(ZH, "小雨在校门口等妈妈。", "小雨在校门口等妈妈 [[quiz demo]] 然后回家。"),
        f"{ZH}:17: this quiz line is shown as text",
    ),
    "front matter as a list": (list_front_matter, f"{EN}:2: the front matter must be keys with values"),
    "front matter never closed": (edit(EN, "translation_reviewed: false\n---\n", "translation_reviewed: false\n"), f"{EN}:1: the front matter that starts here is never closed"),
    "reviewed with slashes": (edit(EN, "reviewed: 2026-11-01", "reviewed: 2026/11/29"), f'{EN}:9: reviewed "2026/11/29" is not a date'),
    "translation_reviewed quoted": (
        edit(EN, "translation_reviewed: false", 'translation_reviewed: "no"'),
        f'{EN}:13: translation_reviewed "no" must be true or false',
    ),
}
# A follow-up that leads back to the question before it (question 1 would silently become a
# hidden follow-up): an option of "why" pointing at "first".
MISTAKES["next back to an earlier question"] = (
    edit(
        "quizzes/demo.yml",
        "    answer: true\n    explanation:\n      zh: 对。",
        "    options:\n      - text:\n          zh: 对\n          en: Right\n        correct: true\n"
        "        next: first\n      - text:\n          zh: 错\n          en: Wrong\n    explanation:\n      zh: 对。",
    ),
    'quizzes/demo.yml:',
)


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_base_project_passes_and_fills_contacts_in_quiz_text(tmp_path: Path) -> None:
    """The project every case starts from passes the check, and builds; {{ contact.x }} in a quiz
    text is filled in each language, as in lessons."""
    project = make_project(tmp_path / "p")
    report = run_check(project)
    assert report.errors == [], report.lines()
    site = build_site(project, project / "site")
    zh = (site / "lessons" / "demo" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "lessons" / "demo" / "index.html").read_text(encoding="utf-8")
    assert "先问学校安全办公室" in zh and "Ask the school safety office" in en
    assert "contact." not in zh + en


@pytest.mark.parametrize("kind", list(MISTAKES))
def test_check_and_build_report_the_same_lines_and_keep_site(
    kind: str, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check reports the mistake at its line; make build prints the same lines, exits 1,
    and leaves site/ byte-identical."""
    project = make_project(tmp_path / "p")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the published site</p>\n", encoding="utf-8")
    (site / "lessons").mkdir()
    (site / "lessons" / "old.html").write_bytes(b"\x00old\xff")
    before = tree(site)
    mistake, expected = MISTAKES[kind]
    mistake(project)

    report = run_check(project)
    errors = [str(p) for p in report.errors]
    assert errors, f"{kind}: the check found nothing"
    assert any(line.startswith(expected) for line in errors), (expected, errors)

    monkeypatch.chdir(project)
    caplog.set_level(logging.INFO)
    assert publish_main(["--site-dir", "site"]) == 1
    printed = "\n".join(r.getMessage() for r in caplog.records).splitlines()
    for line in errors:
        assert line in printed, (line, printed)
    assert tree(site) == before


@pytest.mark.parametrize("kind", ["quiz line with full-width brackets", "next back to an earlier question", "nav target"])
def test_mkdocs_build_fails_with_the_same_lines(kind: str, tmp_path: Path) -> None:
    """A plain ``mkdocs build`` (the plugins' own pass) fails with the check's lines, before
    writing anything."""
    project = make_project(tmp_path / "p")
    MISTAKES[kind][0](project)
    errors = [str(p) for p in run_check(project).errors]
    site = project / "site"
    site.mkdir()
    (site / "keep.txt").write_text("keep", encoding="utf-8")
    with pytest.raises((PluginError, Abort)) as caught:
        build_site(project, site)
    exc: BaseException | None = caught.value
    while exc is not None and not isinstance(exc, PluginError):
        exc = exc.__context__
    assert exc is not None, f"no PluginError behind {caught.value!r}"
    assert str(exc).splitlines()[1:] == errors
    assert tree(site) == {"keep.txt": hashlib.sha256(b"keep").hexdigest()}


def test_the_real_site_passes() -> None:
    """The real content has no error the build would refuse."""
    root = Path(__file__).resolve().parents[2]
    report = run_check(root)
    assert report.errors == [], textwrap.shorten("\n".join(report.lines()), 2000)


def test_option_lists_of_the_check_follow_the_plugins() -> None:
    """The options the check knows are exactly those the plugins (ours and static-i18n) accept."""
    from mkdocs_static_i18n.config import I18nPluginConfig, I18nPluginLanguage

    from pingan.content.config_checks import PLUGIN_OPTIONS
    from pingan.mkdocs.present.config import PresentConfig
    from pingan.mkdocs.quiz.config import QuizConfig
    from pingan.mkdocs.site.config import SiteConfig

    classes = {
        "pingan-site": SiteConfig,
        "pingan-quiz": QuizConfig,
        "pingan-present": PresentConfig,
        "i18n": I18nPluginConfig,
        "i18n languages": I18nPluginLanguage,
    }

    def keys(config_class: type) -> set[str]:
        config = config_class()
        config.load_dict({})
        return set(config.keys())

    assert set(PLUGIN_OPTIONS) == set(classes)
    for name, config_class in classes.items():
        enabled = set() if name == "i18n languages" else {"enabled"}
        assert set(PLUGIN_OPTIONS[name]) == keys(config_class) | enabled, name


def test_full_build_reads_each_quiz_file_once_and_says_little(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """make build of the real site (check, then every language): each quizzes/*.yml is read
    exactly once, and at most 10 lines are logged at INFO level."""
    project = copy_project(tmp_path / "p")
    quiz_files = sorted(p.name for p in (project / "quizzes").glob("*.yml"))
    assert len(quiz_files) > 10
    reads = count_quiz_reads(monkeypatch, project / "quizzes")
    monkeypatch.chdir(project)
    logging.getLogger("mkdocs").setLevel(logging.INFO)  # as the mkdocs command sets it
    caplog.set_level(logging.INFO)
    assert publish_main(["--site-dir", "site"]) == 0
    assert reads == dict.fromkeys(quiz_files, 1)
    info = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(info) <= 10, "\n".join(info)
    summaries = [m.removeprefix("pingan: ") for m in info if "make i18n-status lists them" in m]
    assert summaries and all(m.startswith(("vi: ", "ug: ")) and " fall" in m for m in summaries), info


def test_plugin_order_in_mkdocs_yml_does_not_matter(tmp_path: Path) -> None:
    """Our three plugins listed in reverse order build the very same pages and slides."""
    first = make_project(tmp_path / "a")
    second = make_project(tmp_path / "b")
    yml = second / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    ours = "  - pingan-site:\n      hotlines: hotlines.yml\n  - pingan-quiz\n  - pingan-present\n"
    assert ours in text
    yml.write_text(
        text.replace(ours, "  - pingan-present\n  - pingan-quiz\n  - pingan-site:\n      hotlines: hotlines.yml\n"),
        encoding="utf-8",
    )
    pages = [build_site(p, p / "site") for p in (first, second)]
    html = [{k: v for k, v in tree(site).items() if k.endswith(".html")} for site in pages]
    assert "lessons/demo/present/index.html" in html[0]
    assert html[0] == html[1]


def test_a_rebuild_reads_only_the_quiz_files_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under mkdocs serve the model is checked again on every change; unchanged quiz files are
    not read again, a changed one is, and its new text is what the model holds."""
    project = make_project(tmp_path / "p")
    (project / "quizzes" / "other.yml").write_text(QUIZ.replace("{{ contact.school }}", "老师"), encoding="utf-8")
    cache: dict = {}
    first = run_check(project, quiz_cache=cache)
    assert first.ok and set(first.site.quizzes) == {"demo", "other"}
    reads = count_quiz_reads(monkeypatch, project / "quizzes")
    assert run_check(project, quiz_cache=cache).ok
    assert reads == {"demo.yml": 1}  # other.yml unchanged; demo.yml has contacts to fill, never kept
    edit("quizzes/other.yml", "问一问是对的。", "问一问总是对的。")(project)
    reads.clear()
    again = run_check(project, quiz_cache=cache)
    assert reads == {"demo.yml": 1, "other.yml": 1}
    assert again.site.quizzes["other"].questions[1].prompt["zh"] == "问一问总是对的。"


def test_the_files_are_looked_at_once_per_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three plugins ask for the model in the on_config of each language: its files (every
    file under content/, quizzes/, ...) are walked for changes once per configuration, and
    the next configuration (mkdocs serve's next run) sees an edit."""
    from mkdocs.config import load_config

    from pingan.mkdocs import state

    project = make_project(tmp_path / "p")
    monkeypatch.chdir(project)
    walks: list[int] = []
    real = state._fingerprint

    def counted(paths: list[Path]) -> tuple[object, ...]:
        walks.append(1)
        return real(paths)

    monkeypatch.setattr(state, "_fingerprint", counted)
    config = load_config(str(project / "mkdocs.yml"))
    site = state.site_for(config)
    first = len(walks)
    assert first >= 1 and site.quizzes["demo"].title["zh"] == "小测验"
    assert state.site_for(config) is site and state.site_for(config) is site
    assert len(walks) == first
    edit("quizzes/demo.yml", "zh: 小测验", "zh: 小小测验")(project)
    again = state.site_for(load_config(str(project / "mkdocs.yml")))
    assert len(walks) > first and again.quizzes["demo"].title["zh"] == "小小测验"
