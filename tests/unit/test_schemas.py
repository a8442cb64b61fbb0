"""schemas/*.json: generated from the validator, met by every file of the repo, and a corpus of
bad files (tests/fixtures/schema-bad/) rejected by both the schema and make check."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from pingan.schemas import FILES, dumps, schemas

from pingan.validate import run_check

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "schema-bad"
MODELINE_RE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)
FRONT_RE = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


class _Yaml12Loader(yaml.SafeLoader):
    """Dates stay text, as YAML 1.2 and the editor's YAML server read them."""


_Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, r) for tag, r in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text: str):
    return yaml.load(text, Loader=_Yaml12Loader)


def schema_for(path: Path) -> str:
    rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    if path.suffix == ".md":
        return "lesson.schema.json"
    if path.name == "hotlines.yml":
        return "hotlines.schema.json"
    if "/editions/" in f"/{rel}":
        return "edition.schema.json"
    return "quiz-translation.schema.json" if "." in path.stem else "quiz.schema.json"


def validator(name: str) -> jsonschema.protocols.Validator:
    schema = schemas()[name]
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def data_of(path: Path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        m = FRONT_RE.match(text)
        assert m, f"{path}: no front matter"
        return load(m.group(1))
    return load(text)


def repo_files() -> list[Path]:
    files = [ROOT / "hotlines.yml", *sorted((ROOT / "editions").glob("*.yml")), *sorted((ROOT / "quizzes").glob("*.yml"))]
    files += sorted((ROOT / "content").glob("*/lessons/**/*.md"))
    return [p for p in files if p.name != "index.md"]


def test_committed_schemas_are_the_generated_ones():
    generated = schemas()
    assert sorted(generated) == sorted(FILES)
    for name, schema in generated.items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == dumps(schema), f"schemas/{name} is out of date: run make schemas"


def test_every_repo_file_validates_against_its_schema():
    files = repo_files()
    assert len(files) > 60
    for path in files:
        errors = list(validator(schema_for(path)).iter_errors(data_of(path)))
        assert not errors, f"{path.relative_to(ROOT)}: {[e.message for e in errors]}"


def test_every_yaml_file_names_its_schema():
    for path in repo_files():
        if path.suffix == ".md":
            continue
        m = MODELINE_RE.search(path.read_text(encoding="utf-8"))
        assert m, f"{path.relative_to(ROOT)} has no '# yaml-language-server: $schema=…' line"
        target = (path.parent / m.group(1)).resolve()
        assert target == ROOT / "schemas" / schema_for(path), path


def test_make_schemas_adds_the_line_to_a_new_quiz_and_keeps_its_translation_current(tmp_path):
    from pingan.schemas import add_modelines

    (tmp_path / "quizzes").mkdir()
    (tmp_path / "editions").mkdir()
    (tmp_path / "hotlines.yml").write_text("# yaml-language-server: $schema=schemas/hotlines.schema.json\nhotlines: []\n")
    quiz = tmp_path / "quizzes" / "new.yml"
    quiz.write_text("title: 新\nquestions: []\n")
    import hashlib

    old = hashlib.sha256(quiz.read_bytes()).hexdigest()[:12]
    tr = tmp_path / "quizzes" / "new.en.yml"
    tr.write_text(f"title: New\nsource_hash: {old}\n")
    assert sorted(add_modelines(tmp_path)) == sorted([quiz, tr])
    assert quiz.read_text().startswith("# yaml-language-server: $schema=../schemas/quiz.schema.json\n")
    assert tr.read_text().startswith("# yaml-language-server: $schema=../schemas/quiz-translation.schema.json\n")
    new = hashlib.sha256(quiz.read_bytes()).hexdigest()[:12]
    assert f"source_hash: {new}" in tr.read_text()
    assert add_modelines(tmp_path) == []


def bad_files() -> list[Path]:
    return sorted(p for p in BAD.rglob("*") if p.is_file() and p.name not in ("translated.yml", "bad-hash.yml"))


@pytest.mark.parametrize("path", bad_files(), ids=lambda p: p.relative_to(BAD).as_posix())
def test_bad_file_is_rejected_by_its_schema(path):
    assert list(validator(schema_for(path)).iter_errors(data_of(path))), f"the schema accepts {path.name}"


def test_bad_files_are_rejected_by_make_check(tmp_path):
    for name in ("mkdocs.yml", "hotlines.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("content", "quizzes", "editions"):
        shutil.copytree(ROOT / name, tmp_path / name)
    assert run_check(tmp_path).ok, "the copy of the repo must pass before the bad files go in"
    placed: dict[str, Path] = {}
    for path in bad_files() + [BAD / "quizzes" / "translated.yml", BAD / "quizzes" / "bad-hash.yml"]:
        rel = path.relative_to(BAD)
        target = tmp_path / ("content/zh/lessons/" + rel.name if rel.parts[0] == "lessons" else rel.as_posix())
        shutil.copy(path, target)
        if path in bad_files():
            placed[target.relative_to(tmp_path).as_posix()] = path
    report = run_check(tmp_path)
    errors = {p.path for p in report.problems if not getattr(p, "warning", False)}
    for shown in placed:
        assert shown in errors, f"make check does not report an error in {shown}"
    assert not report.ok
