"""make export: GIFT read back by gift-pegjs (npm), QTI 2.1 packages read back and scored by pyslet.

Neither reader was written here. The question count is compared with the quiz
files read as plain YAML, not through our loader.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from pingan.content.settings import read_site
from pingan.export.__main__ import export
import node_tools

ROOT = Path(__file__).resolve().parents[2]
# pyslet (2017) calls its own deprecated names; that is its business, not ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

PARSE_JS = """
const {parse} = require(process.argv[1]);
const fs = require('fs');
process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[2], 'utf8'))));
"""


def quiz_questions() -> dict[str, list[dict]]:
    """quiz id -> its questions, straight from the YAML (translation files left out)."""
    out = {}
    for path in sorted((ROOT / "quizzes").glob("*.yml")):
        if "." in path.stem:
            continue
        out[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return out


def site_languages() -> list[str]:
    """The languages the site builds, as mkdocs.yml names them (the one reader of it)."""
    settings, problems = read_site(ROOT)
    assert settings is not None, problems
    return settings.languages


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    export(ROOT, out)
    return out


@pytest.fixture(scope="module")
def gift_parser() -> Path:
    assert node_tools.install() == 0, "gift-pegjs could not be installed (make test installs it)"
    return node_tools.module_path("gift-pegjs")


def parse_gift(parser: Path, path: Path) -> list[dict]:
    done = subprocess.run(["node", "-e", PARSE_JS, str(parser), str(path)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_gift_parses_with_every_question_once_per_language(exported, gift_parser):
    langs = site_languages()
    quizzes = quiz_questions()
    expected_ids = {f"pingan.{quiz}.{q['id']}" for quiz, qs in quizzes.items() for q in qs}
    assert len(expected_ids) == sum(len(qs) for qs in quizzes.values())
    for lang in langs:
        parsed = parse_gift(gift_parser, exported / "gift" / lang / f"pingan-{lang}.gift.txt")
        questions = [q for q in parsed if q["type"] != "Category"]
        assert len(questions) == len(expected_ids), lang
        assert {q["id"].removesuffix(f".{lang}") for q in questions} == expected_ids
        assert sum(q["type"] == "Category" for q in parsed) == len(quizzes)
        by_id = {q["id"]: q for q in questions}
        for quiz, qs in quizzes.items():
            for q in qs:
                got = by_id[f"pingan.{quiz}.{q['id']}.{lang}"]
                assert got["title"] == f"{quiz}/{q['id']}"
                assert got["globalFeedback"]["text"].startswith("<p>")  # the explanation
                if q["kind"] == "truefalse":
                    assert got["type"] == "TF" and got["isTrue"] is q["answer"]
                    continue
                assert got["type"] == "MC"
                assert len(got["choices"]) == len(q["options"])
                rights = [bool(o.get("correct")) for o in q["options"]]
                if q["kind"] == "multiple":
                    # weights: the right ones share 100 %, each wrong one costs 100 %
                    assert [c["weight"] > 0 for c in got["choices"]] == rights
                    assert sum(c["weight"] for c in got["choices"] if c["weight"] > 0) == pytest.approx(100, abs=0.01)
                else:
                    assert [c["isCorrect"] for c in got["choices"]] == rights
                assert [bool(c["feedback"]) for c in got["choices"]] == [bool(o.get("feedback")) for o in q["options"]]


def test_gift_keeps_text_with_gift_syntax_characters(exported, gift_parser):
    # Chinese, English: colons, quotes and "#" from escaped HTML all come back as written.
    parsed = parse_gift(gift_parser, exported / "gift" / "en" / "check-first.gift.txt")
    ask = next(q for q in parsed if q.get("id") == "pingan.check-first.ask-first.en")
    assert ask["stem"]["text"] == "<p>Someone asks you to go somewhere with them. What do you do first?</p>"
    assert ask["choices"][0]["feedback"]["text"] == "Yes! Check first, then decide."
    knows = next(q for q in parsed if q.get("id") == "pingan.check-first.knows-name.en")
    # Moodle: feedback when "true" is chosen comes from if_true.
    assert knows["trueFeedback"]["text"].startswith("Not always.")


def test_gift_escapes_syntax_characters():
    from pingan.export import gift

    assert gift.escape("a:b=c~d#e{f}g\\h\n i") == "a\\:b\\=c\\~d\\#e\\{f\\}g\\\\h i"


def _session(item, response):
    from pyslet.qtiv2 import variables as v

    state = v.ItemSessionState(item)
    state.begin_session()
    if isinstance(response, list):
        value = v.MultipleContainer(v.BaseType.identifier)
    else:
        value = v.IdentifierValue()
    value.set_value(response)
    state["RESPONSE"] = value
    state.end_attempt()
    return state


def test_qti_packages_are_read_and_scored_by_pyslet(exported, tmp_path):
    import pyslet.imscpv1p2 as cp
    import pyslet.qtiv2.xml as qtixml

    langs = site_languages()
    quizzes = quiz_questions()
    for lang in langs:
        for quiz, qs in quizzes.items():
            folder = tmp_path / lang / quiz
            with zipfile.ZipFile(exported / "qti" / lang / f"{quiz}.zip") as zf:
                zf.extractall(folder)
            package = cp.ContentPackage(str(folder))
            resources = {r.id: r for r in package.manifest.root.Resources.Resource}
            assert resources[f"pingan.{quiz}.{lang}"].type == "imsqti_test_xmlv2p1"
            for q in qs:
                ident = f"pingan.{quiz}.{q['id']}.{lang}"
                res = resources[ident]
                assert res.type == "imsqti_item_xmlv2p1"
                doc = qtixml.QTIDocument()
                with open(folder / str(res.File[0].href), "rb") as f:
                    doc.read(src=f)
                item = doc.root
                assert type(item).__name__ == "AssessmentItem" and item.identifier == ident
                if q["kind"] == "truefalse":
                    for value in ("true", "false"):
                        state = _session(item, value)
                        assert state["SCORE"].value == (1.0 if (value == "true") is q["answer"] else 0.0)
                    continue
                ids = [f"o{n}" for n in range(1, len(q["options"]) + 1)]
                rights = [i for i, o in zip(ids, q["options"]) if o.get("correct")]
                if q["kind"] == "multiple":
                    assert _session(item, rights)["SCORE"].value == 1.0
                    assert _session(item, ids)["SCORE"].value == (1.0 if rights == ids else 0.0)
                    continue
                for i, o in zip(ids, q["options"]):
                    state = _session(item, i)
                    assert state["SCORE"].value == (1.0 if o.get("correct") else 0.0), (ident, i)
                    assert state["FEEDBACK"].value == i  # shows that option's feedback
                    assert state["EXPLANATION"].value == "explanation"


def test_follow_up_is_exported_after_its_question_and_says_which_choice(exported):
    with zipfile.ZipFile(exported / "qti" / "en" / "check-first.zip") as zf:
        test = zf.read("test.xml").decode()
        followup = zf.read("items/puppy-path.xml").decode()
    assert test.index("items/puppy-in-park.xml") < test.index("items/puppy-path.xml")
    assert "Follow-up · If you chose “" in followup


def test_export_is_reproducible(exported, tmp_path):
    export(ROOT, tmp_path)
    for path in exported.rglob("*"):
        if path.is_file():
            assert (tmp_path / path.relative_to(exported)).read_bytes() == path.read_bytes(), path


def test_each_language_is_filed_under_its_own_site_name(exported):
    """The Moodle category of a language is that language's site name from mkdocs.yml."""
    en = (exported / "gift" / "en" / "pingan-en.gift.txt").read_text(encoding="utf-8")
    zh = (exported / "gift" / "zh" / "pingan-zh.gift.txt").read_text(encoding="utf-8")
    assert "$CATEGORY: $course$/top/Ping'an Classroom/" in en
    assert "$CATEGORY: $course$/top/平安课堂/" in zh
