"""Tests of translation files, ``quizzes/<id>.<lang>.yml``: merged into their quiz, checked.

The format is the section "Translations in their own file" of ``quizzes/README.md``.
Fixtures are in ``tests/fixtures/quizzes/translations/``:

- ``good/``: a complete Vietnamese translation of each demo quiz of
  ``tests/fixtures/quizzes/good/``, so loading with zh, en and vi gives no warning;
- ``bad/<case>/``: files laid over those good ones (replacing or adding files), with
  the exact errors expected in ``bad/<case>/expected.txt``; adding a case needs no code.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from pingan.quiz.loader import LoadResult, load_quiz_file, load_quizzes
from pingan.core.problems import Problem
from pingan.core.text import Localized
from pingan.quiz.model import Quiz

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "quizzes"
GOOD_QUIZZES = FIXTURES / "good"
TRANSLATIONS = FIXTURES / "translations"
BAD_CASES = sorted(p.name for p in (TRANSLATIONS / "bad").iterdir() if p.is_dir())
LANGS = ("zh", "en", "vi")


def _messages(problems: list[Problem]) -> list[str]:
    """Problems as the build prints them."""
    return [p.text for p in problems]


def _demo_folder(tmp_path: Path, *overlays: Path) -> Path:
    """``tmp_path/quizzes`` with the demo quizzes, their vi files, then ``overlays``' files."""
    quiz_dir = tmp_path / "quizzes"
    shutil.copytree(GOOD_QUIZZES, quiz_dir)
    for folder in (TRANSLATIONS / "good", *overlays):
        for path in folder.glob("*.yml"):
            shutil.copy(path, quiz_dir / path.name)
    return quiz_dir


def _write(quiz_dir: Path, files: dict[str, str]) -> None:
    quiz_dir.mkdir(exist_ok=True)
    for name, text in files.items():
        (quiz_dir / name).write_text(text, encoding="utf-8")


def _load(tmp_path: Path, files: dict[str, str], langs=LANGS) -> LoadResult:
    """Write ``files`` into ``tmp_path/quizzes`` and load the folder."""
    _write(tmp_path / "quizzes", files)
    return load_quizzes(tmp_path / "quizzes", languages=langs, default_language="zh")


def _texts(quiz: Quiz) -> list[Localized]:
    """Every text of a quiz."""
    found = [quiz.title] + ([quiz.intro] if quiz.intro else [])
    for q in quiz.questions:
        found += [q.prompt, q.explanation] + ([q.situation] if q.situation else [])
        for option in q.options:
            found += [t for t in (option.text, option.feedback) if t is not None]
    return found


# A small quiz with one question of each shape a translation can follow.
SMALL = """\
title: {zh: 测验, en: Quiz}
questions:
  - id: ask
    kind: single
    prompt: {zh: 怎么办？, en: "What do you do?"}
    options:
      - text: {zh: 先问老师, en: Ask my teacher}
        correct: true
        feedback: {zh: 对！, en: Yes!}
      - text: {zh: 马上走, en: Go at once}
    explanation: {zh: 先问一问。, en: Check first.}
  - id: sweets
    kind: truefalse
    prompt: {zh: 可以吃陌生人的糖。, en: "It's fine to eat a stranger's sweets."}
    answer: false
    if_true: {zh: 再想一想。, en: Think again.}
    explanation: {zh: 先问爸爸妈妈。, en: Ask your parents first.}
"""

SMALL_VI = """\
title: Câu đố
questions:
  ask:
    prompt: Em làm gì?
    options:
      - text: Hỏi thầy cô
        feedback: Đúng rồi!
      - text: Đi ngay
    explanation: Hỏi trước đã.
  sweets:
    prompt: Có thể ăn kẹo của người lạ.
    if_true: Nghĩ lại nhé.
    explanation: Hỏi bố mẹ trước.
"""


# -- the complete translations -------------------------------------------------


def test_complete_translation_gives_no_warning(tmp_path: Path) -> None:
    """With a complete vi file beside each quiz, zh, en and vi load with no problem."""
    result = load_quizzes(_demo_folder(tmp_path), languages=LANGS, default_language="zh")
    assert result.errors == []
    assert result.warnings == []
    # Translation files are never quizzes themselves.
    assert list(result.quizzes) == ["demo-two", "demo"]
    for quiz in result.quizzes.values():
        assert quiz.incomplete_languages == frozenset()
        for text in _texts(quiz):
            assert list(text) == ["zh", "en", "vi"]  # the site's order of languages
            assert text["vi"] != text["zh"], text  # nothing fell back to Chinese


def test_translation_texts_land_in_their_place(tmp_path: Path) -> None:
    """Questions by id, options by position, if_true/if_false on the true/false options."""
    quiz = load_quizzes(_demo_folder(tmp_path), languages=LANGS, default_language="zh").quizzes[
        "demo"
    ]
    vi = yaml.safe_load((TRANSLATIONS / "good" / "demo.vi.yml").read_text(encoding="utf-8"))
    assert quiz.title["vi"] == vi["title"]
    assert quiz.intro is not None and quiz.intro["vi"] == vi["intro"]
    for q in quiz.questions:
        want = vi["questions"][q.id]
        assert q.prompt["vi"] == want["prompt"]
        assert q.explanation["vi"] == want["explanation"]
        if q.kind == "truefalse":
            assert q.options[0].feedback["vi"] == want["if_true"]
            assert q.options[1].feedback["vi"] == want["if_false"]
            continue
        for option, item in zip(q.options, want["options"], strict=True):
            assert option.text["vi"] == item["text"]
            if option.feedback is not None:
                assert option.feedback["vi"] == item["feedback"]
    assert quiz.question("school-gate").situation["vi"].startswith("Tan học")
    # The answers are the quiz file's, untouched.
    assert [o.correct for o in quiz.question("ask-first").options] == [True, False, False]
    assert quiz.question("school-gate").branches == ("school-gate-password",)


def test_load_quiz_file_finds_its_translations(tmp_path: Path) -> None:
    """load_quiz_file picks up <id>.<lang>.yml beside the quiz, unless told otherwise."""
    quiz_dir = _demo_folder(tmp_path)
    result = load_quiz_file(
        quiz_dir / "demo.yml", languages=LANGS, default_language="zh", root=tmp_path
    )
    assert result.errors == [] and result.warnings == []
    assert result.quizzes["demo"].title["vi"] == "Hỏi trước đã, rồi hãy quyết định"
    alone = load_quiz_file(
        quiz_dir / "demo.yml", languages=LANGS, default_language="zh", root=tmp_path,
        translations=[],
    )
    assert alone.warnings and all(w.path == "quizzes/demo.yml" for w in alone.warnings)


def test_language_code_with_hyphen(tmp_path: Path) -> None:
    """x.zh-Hant.yml is quiz "x", language "zh-Hant": the name is split at its first dot."""
    hant = SMALL_VI.replace("Câu đố", "測驗").replace("Em làm gì?", "怎麼辦？")
    result = _load(
        tmp_path, {"x.yml": SMALL, "x.zh-Hant.yml": hant}, langs=("zh", "en", "zh-Hant")
    )
    assert result.errors == [] and result.warnings == []
    quiz = result.quizzes["x"]
    assert quiz.title == {"zh": "测验", "en": "Quiz", "zh-Hant": "測驗"}
    assert quiz.question("ask").prompt["zh-Hant"] == "怎麼辦？"


def test_texts_are_read_as_written(tmp_path: Path) -> None:
    """As in quiz files, "No" or 2024 in a translation is text, not false or a number."""
    vi = SMALL_VI.replace("text: Đi ngay", "text: No").replace("Hỏi thầy cô", "2024")
    quiz = _load(tmp_path, {"x.yml": SMALL, "x.vi.yml": vi}).quizzes["x"]
    assert [o.text["vi"] for o in quiz.question("ask").options] == ["2024", "No"]


# -- inline text and translation files -----------------------------------------


def test_inline_text_wins_silently(tmp_path: Path) -> None:
    """A text written in the quiz file wins over the translation file, with no problem."""
    quiz_text = SMALL.replace("en: Quiz}", "en: Quiz, vi: Bài kiểm tra}")
    result = _load(tmp_path, {"x.yml": quiz_text, "x.vi.yml": SMALL_VI})
    assert result.errors == [] and result.warnings == []
    quiz = result.quizzes["x"]
    assert quiz.title["vi"] == "Bài kiểm tra"
    assert quiz.question("ask").prompt["vi"] == "Em làm gì?"  # not inline: from the file


def test_translation_file_fills_plain_string_texts(tmp_path: Path) -> None:
    """A quiz written in Chinese only gets its English from quizzes/x.en.yml."""
    quiz_text = (
        "title: 测验\nquestions:\n"
        "  - {id: a, kind: truefalse, prompt: 对吗, answer: true, explanation: 因为。}\n"
    )
    en = "title: Quiz\nquestions:\n  a:\n    prompt: Right?\n    explanation: Because.\n"
    result = _load(tmp_path, {"x.yml": quiz_text, "x.en.yml": en}, langs=("zh", "en"))
    assert result.errors == [] and result.warnings == []
    assert result.quizzes["x"].question("a").prompt == {"zh": "对吗", "en": "Right?"}


def test_real_language_the_site_does_not_build_is_checked_not_used(tmp_path: Path) -> None:
    """x.fr.yml on a zh/en/vi site: no problem, no French text; but its mistakes count."""
    good = _load(tmp_path, {"x.yml": SMALL, "x.vi.yml": SMALL_VI, "x.fr.yml": "title: Quiz\n"})
    assert good.errors == [] and good.warnings == []
    assert "fr" not in good.quizzes["x"].title
    bad = _load(tmp_path, {"x.fr.yml": "title: Quiz\nquestions:\n  nope:\n    prompt: Quoi ?\n"})
    assert _messages(bad.errors) == [
        'quizzes/x.fr.yml:3: question "nope" is not in quizzes/x.yml; expected one of: ask, sweets'
    ]
    assert bad.quizzes == {}


# -- missing texts ---------------------------------------------------------------


def test_missing_text_without_translation_file_is_reported_as_before(tmp_path: Path) -> None:
    """No vi file: each text's warning points at the quiz file, as it always did."""
    result = _load(tmp_path, {"x.yml": SMALL})
    assert result.errors == []
    assert _messages(result.warnings)[:3] == [
        'quizzes/x.yml:1: the title has no "vi" text; using the "zh" text. Add "vi: …"',
        'quizzes/x.yml:5: the prompt of question "ask" has no "vi" text; using the "zh" '
        'text. Add "vi: …"',
        'quizzes/x.yml:7: option 1 of question "ask" has no "vi" text; using the "zh" text. '
        'Add "vi: …"',
    ]
    assert {w.path for w in result.warnings} == {"quizzes/x.yml"}
    assert result.quizzes["x"].incomplete_languages == {"vi"}


def test_missing_text_points_into_the_translation_file(tmp_path: Path) -> None:
    """With a vi file, a vi gap is reported there, at its question, saying what to add."""
    partial = """\
title: Câu đố
questions:
  ask:
    prompt: Em làm gì?
    options:
      - text: Hỏi thầy cô
      - text: Đi ngay
"""
    quiz_text = SMALL.replace("{zh: 马上走, en: Go at once}", "{zh: 马上走}")
    result = _load(tmp_path, {"x.yml": quiz_text, "x.vi.yml": partial})
    assert result.errors == []
    lead = '; using the "zh" text.'
    assert _messages(result.warnings) == [
        # The quiz file's own gaps first (en is not translated in a file), as before …
        f'quizzes/x.yml:10: option 2 of question "ask" has no "en" text{lead} Add "en: …"',
        # … then the translation file's, by line: the question's line, or line 1.
        'quizzes/x.vi.yml:1: the prompt of question "sweets" has no "vi" text'
        f'{lead} Add "sweets:" under "questions:", with "prompt: …" below it',
        'quizzes/x.vi.yml:1: the "if_true" feedback of question "sweets" has no "vi" text'
        f'{lead} Add "sweets:" under "questions:", with "if_true: …" below it',
        'quizzes/x.vi.yml:1: the explanation of question "sweets" has no "vi" text'
        f'{lead} Add "sweets:" under "questions:", with "explanation: …" below it',
        'quizzes/x.vi.yml:3: the feedback of option 1 of question "ask" has no "vi" text'
        f'{lead} Add "feedback: …" to option 1 under "ask:"',
        'quizzes/x.vi.yml:3: the explanation of question "ask" has no "vi" text'
        f'{lead} Add "explanation: …" under "ask:"',
    ]
    quiz = result.quizzes["x"]
    assert quiz.incomplete_languages == {"en", "vi"}
    assert quiz.question("ask").explanation["vi"] == "先问一问。"  # the zh text stands in


def test_missing_title_points_at_line_1(tmp_path: Path) -> None:
    """A top-level text missing from the translation file: line 1, "Add "title: …""."""
    no_title = SMALL_VI.replace("title: Câu đố\n", "")
    result = _load(tmp_path, {"x.yml": SMALL, "x.vi.yml": no_title})
    assert _messages(result.warnings) == [
        'quizzes/x.vi.yml:1: the title has no "vi" text; using the "zh" text. '
        'Add "title: …" to this file'
    ]


def test_broken_translation_file_lists_errors_not_gaps(tmp_path: Path) -> None:
    """While a vi file has errors, its missing texts are not listed on top of them."""
    result = _load(tmp_path, {"x.yml": SMALL, "x.vi.yml": "title: Câu đố\nquestons: {}\n"})
    assert _messages(result.errors) == [
        'quizzes/x.vi.yml:2: the translation has an unknown key "questons"; '
        'did you mean "questions"?'
    ]
    assert result.warnings == []
    assert result.quizzes == {}


def test_broken_quiz_file_still_uses_its_translation(tmp_path: Path) -> None:
    """The quiz file's errors come alone: its vi file still fills its texts (no false gaps),
    and the checks against the quiz's structure wait until the quiz file is right."""
    quiz_text = SMALL.replace("kind: single", "kind: one")
    vi = SMALL_VI + "  nope:\n    prompt: Không có câu này.\n"
    result = _load(tmp_path, {"x.yml": quiz_text, "x.vi.yml": vi})
    assert _messages(result.errors) == [
        'quizzes/x.yml:4: question "ask" has kind "one"; expected one of: single, multiple, '
        "truefalse, scenario"
    ]
    assert result.warnings == []
    assert result.quizzes == {}


def test_warnings_keep_the_wording_the_plugin_reads(tmp_path: Path) -> None:
    """The build finds the language of a gap with this pattern (plugin.py); keep it working."""
    pattern = re.compile(r'has no "(?P<lang>[^"]+)" text')
    result = _load(tmp_path, {"x.yml": SMALL, "x.vi.yml": "title: Câu đố\n"})
    assert result.warnings
    assert {pattern.search(w.message).group("lang") for w in result.warnings} == {"vi"}


# -- digest ----------------------------------------------------------------------


def test_digest_covers_translation_files(tmp_path: Path) -> None:
    """Saved progress must not survive a changed translation: the digest covers those files."""
    quiz_dir = tmp_path / "quizzes"
    _write(quiz_dir, {"x.yml": SMALL})
    alone = load_quizzes(quiz_dir, languages=LANGS, default_language="zh").quizzes["x"].digest
    # Without translation files the digest is the quiz file's own, as before: progress
    # saved in browsers for quizzes that have none stays valid.
    assert alone == hashlib.sha256(SMALL.encode("utf-8")).hexdigest()[:12]

    def digest(files: dict[str, str]) -> str:
        _write(quiz_dir, files)
        result = load_quizzes(quiz_dir, languages=LANGS, default_language="zh")
        assert result.errors == []
        return result.quizzes["x"].digest

    first = digest({"x.vi.yml": SMALL_VI})
    assert first != alone
    assert digest({"x.vi.yml": SMALL_VI}) == first
    changed = digest({"x.vi.yml": SMALL_VI.replace("Đi ngay", "Đi luôn")})
    assert changed not in (first, alone)
    (quiz_dir / "x.vi.yml").unlink()
    renamed = digest({"x.fr.yml": SMALL_VI.replace("Đi ngay", "Đi luôn")})
    assert renamed not in (first, changed, alone)
    assert len(first) == 12 and all(c in "0123456789abcdef" for c in first)


# -- broken translation files ------------------------------------------------------


def _expected(case: str) -> list[str]:
    lines = (TRANSLATIONS / "bad" / case / "expected.txt").read_text(encoding="utf-8")
    return [line for line in lines.splitlines() if line.strip() and not line.startswith("#")]


def test_there_are_enough_bad_cases() -> None:
    """Every bad case says what it expects, and expects at least one error."""
    assert len(BAD_CASES) >= 8
    for case in BAD_CASES:
        assert _expected(case), case


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_translation_reports_expected_problems(tmp_path: Path, case: str) -> None:
    """Each broken translation reports exactly its expected errors, and its quiz is not built."""
    quiz_dir = _demo_folder(tmp_path, TRANSLATIONS / "bad" / case)
    result = load_quizzes(quiz_dir, languages=LANGS, default_language="zh")
    assert _messages(result.errors) == _expected(case)
    assert result.warnings == []
    for problem in result.errors:
        quiz_id = problem.path.removeprefix("quizzes/").split(".")[0]
        assert quiz_id not in result.quizzes
