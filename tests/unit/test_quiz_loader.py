"""Tests of the quiz loader: good quizzes load into the model, bad ones report every problem.

The malformed quizzes are data: ``tests/fixtures/quizzes/bad/<case>.yml`` with
the exact messages expected for them in ``bad/expected.txt`` (as in
oprypin/mkdocs-gen-files ``tests/test_nav.py``), so adding a case needs no code.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from pingan.quiz.loader import LoadResult, load_quiz_file, load_quizzes
from pingan.core.problems import Problem
from pingan.core.text import Localized

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "quizzes"
BAD = FIXTURES / "bad"
GOOD = FIXTURES / "good"
LANGS = ("zh", "en")


def _expected() -> dict[str, list[str]]:
    """The expected message lines of ``bad/expected.txt``, by fixture file name."""
    by_file: dict[str, list[str]] = defaultdict(list)
    for line in (BAD / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            path = line.split(":", 1)[0]
            by_file[path.removeprefix("quizzes/")].append(line)
    return dict(by_file)


EXPECTED = _expected()
BAD_FILES = sorted(p.name for p in BAD.glob("*.yml"))


def _load_text(tmp_path: Path, text: str, name: str = "x.yml", langs=LANGS) -> LoadResult:
    """Write ``text`` as ``quizzes/<name>`` under tmp_path and load it."""
    quiz_dir = tmp_path / "quizzes"
    quiz_dir.mkdir(exist_ok=True)
    path = quiz_dir / name
    path.write_text(text, encoding="utf-8")
    return load_quiz_file(path, languages=langs, default_language="zh", root=tmp_path)


def _messages(problems: list[Problem]) -> list[str]:
    """Problems as the build prints them."""
    return [p.text for p in problems]


# A small valid quiz, for tests that change one thing in it.
SMALL = """\
title: {zh: 测验, en: Quiz}
questions:
  - id: ask
    kind: single
    prompt: {zh: 怎么办？, en: "What do you do?"}
    options:
      - text: {zh: 先问老师, en: Ask my teacher}
        correct: true
      - text: {zh: 马上走, en: Go at once}
    explanation: {zh: 先问一问。, en: Check first.}
"""


# -- malformed quizzes ------------------------------------------------------


def test_every_bad_fixture_has_expected_messages() -> None:
    """Each bad quiz has expected lines, and every expected line names a fixture."""
    assert len(BAD_FILES) >= 22
    assert set(EXPECTED) == set(BAD_FILES)


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_quiz_reports_expected_problems(tmp_path: Path, name: str) -> None:
    """A malformed quiz reports exactly its expected messages, and yields no quiz."""
    quiz_dir = tmp_path / "quizzes"
    quiz_dir.mkdir()
    shutil.copy(BAD / name, quiz_dir / name)
    result = load_quiz_file(
        quiz_dir / name, languages=LANGS, default_language="zh", root=tmp_path
    )
    assert _messages(result.errors) == EXPECTED[name]
    assert result.warnings == []
    assert result.quizzes == {}


def test_whole_bad_folder_reports_everything_at_once(tmp_path: Path) -> None:
    """Loading the folder lists every problem of every file in one result."""
    shutil.copytree(BAD, tmp_path / "quizzes")
    result = load_quizzes(tmp_path / "quizzes", languages=LANGS, default_language="zh")
    expected = [line for name in BAD_FILES for line in EXPECTED[name]]
    assert _messages(result.errors) == expected
    assert result.quizzes == {}
    assert not result.ok


# -- the good quizzes -------------------------------------------------------


def test_good_quizzes_load_cleanly() -> None:
    """The demo quizzes load with no errors and no warnings."""
    result = load_quizzes(GOOD, languages=LANGS, default_language="zh")
    assert result.errors == []
    assert result.warnings == []
    # Sorted by file name: "demo-two.yml" comes before "demo.yml".
    assert list(result.quizzes) == ["demo-two", "demo"]
    assert result.ok


def test_demo_quiz_model() -> None:
    """demo.yml becomes the model the renderer expects: kinds, answers, branches."""
    quiz = load_quizzes(GOOD, languages=LANGS, default_language="zh").quizzes["demo"]
    assert quiz.id == "demo"
    assert quiz.path == "good/demo.yml"  # relative to the folder above good/
    assert quiz.title == {"zh": "先问一问，再决定", "en": "Check first, then decide"}
    assert quiz.intro is not None and set(quiz.intro) == {"zh", "en"}
    assert quiz.incomplete_languages == frozenset()
    assert [(q.id, q.kind) for q in quiz.questions] == [
        ("ask-first", "single"),
        ("who-to-ask", "multiple"),
        ("sweets", "truefalse"),
        ("school-gate", "scenario"),
        ("school-gate-password", "single"),
    ]
    assert [q.id for q in quiz.main_questions] == [
        "ask-first",
        "who-to-ask",
        "sweets",
        "school-gate",
    ]
    assert quiz.followup_ids == {"school-gate-password"}

    single = quiz.question("ask-first")
    assert [o.correct for o in single.options] == [True, False, False]
    assert single.options[0].text == {"zh": "先问爸爸妈妈或老师", "en": "Ask my parent or teacher first"}
    assert single.options[0].feedback is not None
    assert single.line == 10
    assert single.options[0].line == 16

    multiple = quiz.question("who-to-ask")
    assert [o.correct for o in multiple.options] == [True, True, False]

    truefalse = quiz.question("sweets")
    assert [(o.value, o.correct, o.text) for o in truefalse.options] == [
        (True, False, None),
        (False, True, None),
    ]
    assert truefalse.options[0].feedback["en"].startswith("Think again")
    assert truefalse.options[1].feedback["zh"].startswith("对！")
    assert {o.line for o in truefalse.options} == {48}  # the line of "answer:"

    scenario = quiz.question("school-gate")
    assert scenario.situation is not None and "王叔叔" in scenario.situation["zh"]
    assert [o.correct for o in scenario.options] == [True, False]
    assert [o.next for o in scenario.options] == [None, "school-gate-password"]
    assert scenario.branches == ("school-gate-password",)
    assert len(quiz.digest) == 12 and int(quiz.digest, 16) >= 0


def test_demo_two_quiz_model() -> None:
    """demo-two.yml is a short second quiz without branches."""
    quiz = load_quizzes(GOOD, languages=LANGS, default_language="zh").quizzes["demo-two"]
    assert [(q.id, q.kind) for q in quiz.questions] == [
        ("door", "single"),
        ("phone", "truefalse"),
        ("private", "multiple"),
    ]
    assert quiz.main_questions == quiz.questions
    assert quiz.intro is None
    phone = quiz.question("phone")
    assert [o.correct for o in phone.options] == [False, True]
    assert phone.options[0].feedback is None
    assert quiz.digest != load_quizzes(GOOD, languages=LANGS, default_language="zh").quizzes[
        "demo"
    ].digest


def test_default_root_is_folder_above_quiz_dir(tmp_path: Path) -> None:
    """Without root, paths read quizzes/x.yml, and str(problem) is path:line: message."""
    quiz_dir = tmp_path / "quizzes"
    quiz_dir.mkdir()
    (quiz_dir / "x.yml").write_text("title: {zh: 测验}\n", encoding="utf-8")
    result = load_quizzes(quiz_dir, languages=LANGS, default_language="zh")
    problem = result.errors[0]
    assert problem.path == "quizzes/x.yml"
    assert str(problem) == f"quizzes/x.yml:{problem.line}: {problem.message}"


def test_only_yml_files_are_loaded(tmp_path: Path) -> None:
    """README.md is ignored; a .yaml quiz is ignored with a warning to rename it."""
    quiz_dir = tmp_path / "quizzes"
    quiz_dir.mkdir()
    (quiz_dir / "README.md").write_text("# Quizzes\n", encoding="utf-8")
    (quiz_dir / "b.yml").write_text(SMALL, encoding="utf-8")
    (quiz_dir / "a.yml").write_text(SMALL, encoding="utf-8")
    (quiz_dir / "c.yaml").write_text(SMALL, encoding="utf-8")
    result = load_quizzes(quiz_dir, languages=LANGS, default_language="zh")
    assert list(result.quizzes) == ["a", "b"]
    assert result.errors == []
    assert _messages(result.warnings) == [
        'quizzes/c.yaml:1: this file is ignored: quiz files must end in ".yml"; '
        'rename it to "c.yml"'
    ]


def test_missing_quiz_folder_raises(tmp_path: Path) -> None:
    """A quiz folder that does not exist is a configuration error, not a quiz problem."""
    with pytest.raises(FileNotFoundError):
        load_quizzes(tmp_path / "nope", languages=LANGS, default_language="zh")


# -- translations -----------------------------------------------------------


def test_missing_translation_falls_back_with_one_warning(tmp_path: Path) -> None:
    """A text without "en" uses the "zh" text, with one warning naming the text."""
    result = _load_text(
        tmp_path, SMALL.replace("{zh: 马上走, en: Go at once}", "{zh: 马上走}")
    )
    assert result.errors == []
    assert _messages(result.warnings) == [
        'quizzes/x.yml:9: option 2 of question "ask" has no "en" text; '
        'using the "zh" text. Add "en: …"'
    ]
    quiz = result.quizzes["x"]
    assert quiz.question("ask").options[1].text == {"zh": "马上走", "en": "马上走"}
    assert quiz.incomplete_languages == {"en"}


def test_one_warning_per_missing_text(tmp_path: Path) -> None:
    """Each text missing a language gets its own warning, at its own line."""
    result = _load_text(
        tmp_path,
        SMALL.replace("{zh: 先问老师, en: Ask my teacher}", "{zh: 先问老师}").replace(
            "{zh: 先问一问。, en: Check first.}", "{zh: 先问一问。}"
        ),
    )
    assert [(w.line, w.message.split(";")[0]) for w in result.warnings] == [
        (7, 'option 1 of question "ask" has no "en" text'),
        (10, 'the explanation of question "ask" has no "en" text'),
    ]


def test_plain_string_is_default_language_text(tmp_path: Path) -> None:
    """A plain string is the zh text; the other languages fall back, with a warning."""
    result = _load_text(tmp_path, SMALL.replace("title: {zh: 测验, en: Quiz}", "title: 测验"))
    quiz = result.quizzes["x"]
    assert quiz.title == Localized({"zh": "测验", "en": "测验"})
    assert _messages(result.warnings) == [
        'quizzes/x.yml:1: the title has no "en" text; using the "zh" text. Add "en: …"'
    ]


def test_plain_strings_in_single_language_site(tmp_path: Path) -> None:
    """On a Chinese-only site plain strings need no translation and give no warning."""
    text = "title: 测验\nquestions:\n  - {id: a, kind: truefalse, prompt: 对吗, answer: true, explanation: 因为。}\n"
    result = _load_text(tmp_path, text, langs=("zh",))
    assert result.warnings == [] and result.errors == []
    assert result.quizzes["x"].title == {"zh": "测验"}


def test_texts_are_read_as_written(tmp_path: Path) -> None:
    """English "No" or a number stays text (YAML would make them false or 2024)."""
    result = _load_text(
        tmp_path,
        SMALL.replace("en: Ask my teacher", "en: No").replace("en: Go at once", "en: 2024"),
    )
    options = result.quizzes["x"].question("ask").options
    assert [o.text["en"] for o in options] == ["No", "2024"]


def test_block_texts_are_trimmed(tmp_path: Path) -> None:
    """A text written as a YAML block loses its final newline."""
    result = _load_text(
        tmp_path,
        SMALL.replace(
            "    explanation: {zh: 先问一问。, en: Check first.}",
            "    explanation:\n      zh: |\n        先问一问。\n      en: >\n        Check\n        first.",
        ),
    )
    assert result.quizzes["x"].question("ask").explanation == {"zh": "先问一问。", "en": "Check first."}


# -- more checks, on inline quizzes ---------------------------------------


def test_unquoted_yes_is_not_a_boolean(tmp_path: Path) -> None:
    """YAML reads yes as true, but the format allows only true and false."""
    result = _load_text(tmp_path, SMALL.replace("correct: true", "correct: yes"))
    assert _messages(result.errors) == [
        'quizzes/x.yml:8: option 1 of question "ask" has correct: yes; expected true or false'
    ]


def test_each_tab_line_is_reported(tmp_path: Path) -> None:
    """Every line indented with a tab is named, and nothing else confuses the editor."""
    text = SMALL.replace("    kind: single", "\tkind: single")
    text = text.replace("    explanation:", "\t  explanation:")
    result = _load_text(tmp_path, text)
    assert _messages(result.errors) == [
        "quizzes/x.yml:4: this line starts with a tab; indent with spaces, not tabs",
        "quizzes/x.yml:10: this line starts with a tab; indent with spaces, not tabs",
    ]


def test_tab_after_colon_is_explained(tmp_path: Path) -> None:
    """A tab between a key and its value gets a plain message too."""
    result = _load_text(tmp_path, SMALL.replace("kind: single", "kind:\tsingle"))
    assert len(result.errors) == 1
    assert result.errors[0].line == 4
    assert "tab" in result.errors[0].message and "spaces" in result.errors[0].message


def test_second_document_is_reported(tmp_path: Path) -> None:
    """Two quizzes in one file: the second "---" is named."""
    result = _load_text(tmp_path, SMALL + "---\ntitle: again\n")
    assert _messages(result.errors) == [
        'quizzes/x.yml:11: the YAML cannot be read here: a quiz file holds one quiz only; '
        'remove the second "---" line and what follows it'
    ]


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    """A file saved in another encoding is named with the line of the first bad byte."""
    quiz_dir = tmp_path / "quizzes"
    quiz_dir.mkdir()
    (quiz_dir / "x.yml").write_bytes("title: x\nquestions: 测验\n".encode("gb18030"))
    result = load_quizzes(quiz_dir, languages=LANGS, default_language="zh")
    assert _messages(result.errors) == [
        "quizzes/x.yml:2: this file is not UTF-8 text; save it with the UTF-8 encoding"
    ]


def test_recursive_alias_does_not_hang(tmp_path: Path) -> None:
    """A list that contains itself through an alias is reported, not walked forever."""
    result = _load_text(tmp_path, "title: 测验\nquestions: &q [*q]\n")
    assert _messages(result.errors) == [
        "quizzes/x.yml:2: question 1 is a list; expected a question starting with "
        '"- id:", with its "kind", "prompt" and the rest indented below it'
    ]


def test_next_on_multiple_is_reported(tmp_path: Path) -> None:
    """A "choose all" question cannot branch: the reader picks several options."""
    text = SMALL.replace("kind: single", "kind: multiple").replace(
        "{zh: 马上走, en: Go at once}", "{zh: 马上走, en: Go at once}\n        next: ask"
    )
    result = _load_text(tmp_path, text)
    assert [(p.line, p.message.split(";")[0]) for p in result.errors] == [
        (10, 'option 2 of question "ask" has "next", but a "multiple" question cannot branch '
         "(the reader picks several options)"),
    ]


def test_situation_only_on_scenario(tmp_path: Path) -> None:
    """A situation on a single-choice question is a mistake worth naming."""
    text = SMALL.replace(
        "    prompt:", "    situation: {zh: 放学了。, en: School is over.}\n    prompt:"
    )
    result = _load_text(tmp_path, text)
    assert _messages(result.errors) == [
        'quizzes/x.yml:5: question "ask" is kind "single" but has a "situation", which only '
        '"scenario" questions have; remove it or use "kind: scenario"'
    ]


def test_longer_loop_is_reported_once(tmp_path: Path) -> None:
    """A loop through three questions is one problem, naming all three in file order."""
    def question(qid: str, nxt: str) -> str:
        return (
            f"  - id: {qid}\n    kind: single\n    prompt: 问？\n"
            "    options:\n      - text: 好\n        correct: true\n"
            f"      - text: 不好\n        next: {nxt}\n    explanation: 因为。\n"
        )

    text = "title: 测验\nquestions:\n" + question("a", "b") + question("b", "c") + question(
        "c", "a"
    )
    result = _load_text(tmp_path, text, langs=("zh",))
    assert _messages(result.errors) == [
        'quizzes/x.yml:10: the follow-up questions go round in a loop: "a" → "b" → "c" → "a"; '
        'change or remove one of these "next" so the branch comes to an end'
    ]


def test_invalid_file_name_still_checks_content(tmp_path: Path) -> None:
    """A bad file name is reported together with the problems inside the file."""
    result = _load_text(tmp_path, SMALL.replace("kind: single", "kind: one"), name="Check First.yml")
    assert [p.line for p in result.errors] == [1, 4]
    assert result.errors[0].message.startswith('the file name "Check First.yml" cannot be a quiz id')
    assert result.errors[0].message.endswith('e.g. "check-first.yml"')


# -- digest and independence from MkDocs -----------------------------------


def test_digest_changes_with_content(tmp_path: Path) -> None:
    """The same bytes give the same digest; any change gives a new one."""
    first = _load_text(tmp_path, SMALL).quizzes["x"].digest
    again = _load_text(tmp_path, SMALL).quizzes["x"].digest
    changed = _load_text(tmp_path, SMALL.replace("Check first.", "Check first!")).quizzes["x"].digest
    assert first == again
    assert first != changed
    assert len(first) == 12 and all(c in "0123456789abcdef" for c in first)


def test_loader_does_not_import_mkdocs() -> None:
    """The loader is plain Python, usable without MkDocs."""
    code = (
        "import sys, pingan.quiz.loader; "
        "bad = [m for m in sys.modules if m.split('.')[0] == 'mkdocs']; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
