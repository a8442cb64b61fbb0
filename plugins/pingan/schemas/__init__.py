"""JSON Schemas for the files editors write, generated from the validator's own rules.

``make schemas`` (``python -m pingan.schemas``) writes ``schemas/*.schema.json``
from the constants the checks use (the keys of a quiz, its question kinds, a
lesson's audiences and age bands, the site languages of mkdocs.yml …), so the
schemas cannot drift from ``make check``: a test regenerates them and compares.
They serve editors: VS Code with the YAML extension reads the
``# yaml-language-server: $schema=…`` line at the top of each file and offers
completion and shows mistakes while typing. ``make check`` stays the authority
(it also checks what a schema cannot: answers, branches, links, translations).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from pingan.content import frontmatter as _lessons
from pingan.content.settings import read_site
from pingan.core.languages import is_quiz_file, translation_files
from pingan.quiz.model import KINDS
from pingan.quiz.schema import (
    OPTION_KEYS,
    QUESTION_ID_RE,
    QUESTION_KEYS,
    TOP_KEYS,
    TRANSLATION_OPTION_KEYS,
    TRANSLATION_QUESTION_KEYS,
    TRANSLATION_TOP_KEYS,
)

ROOT = Path(__file__).resolve().parents[3]
#: file name -> what it describes
FILES = {
    "quiz.schema.json": "a quiz file, quizzes/<id>.yml",
    "quiz-translation.schema.json": "a quiz translation file, quizzes/<id>.<lang>.yml",
    "lesson.schema.json": "the front matter of a lesson, content/<lang>/lessons/<id>.md",
    "hotlines.schema.json": "hotlines.yml: the Get help box",
    "edition.schema.json": "a local edition, editions/<name>.yml",
}


def _pattern(regex: Any) -> str:
    """A Python ``re`` pattern written with ``\\Z`` as a JSON Schema (ECMA) pattern."""
    p = regex.pattern.replace("\\Z", "$")
    return p if p.startswith("^") else "^" + p


def _text(langs: list[str], what: str) -> dict[str, Any]:
    """A text: one string (the default language's), or one per site language."""
    return {
        "description": what + f" (a text, or one per language: {', '.join(langs)})",
        "anyOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "propertyNames": {"enum": langs},
                "additionalProperties": {"type": "string", "minLength": 1},
                "minProperties": 1,
            },
        ],
    }


def _doc(name: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": FILES[name], **body}


def quiz_schema(langs: list[str]) -> dict[str, Any]:
    option: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["text"],
        "properties": {
            "text": _text(langs, "what the reader can choose"),
            "correct": {"type": "boolean", "description": "true for a right answer"},
            "feedback": _text(langs, "shown when this option is chosen"),
            "next": {
                "type": "string",
                "pattern": _pattern(QUESTION_ID_RE),
                "description": "id of the follow-up question",
            },
        },
    }
    assert tuple(option["properties"]) == OPTION_KEYS
    props: dict[str, Any] = {
        "id": {
            "type": "string",
            "pattern": _pattern(QUESTION_ID_RE),
            "description": "unique in the file: letters, digits, -",
        },
        "kind": {"enum": list(KINDS)},
        "prompt": _text(langs, "the question"),
        "situation": _text(langs, "the situation a scenario starts from"),
        "options": {"type": "array", "minItems": 2, "items": option},
        "answer": {"type": "boolean", "description": "truefalse: the right answer"},
        "if_true": _text(langs, "truefalse: feedback when the reader picks true"),
        "if_false": _text(langs, "truefalse: feedback when the reader picks false"),
        "explanation": _text(langs, "why: shown after checking"),
    }
    assert tuple(props) == QUESTION_KEYS
    question = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "kind", "prompt", "explanation"],
        "properties": props,
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": "truefalse"}}, "required": ["kind"]},
                "then": {"required": ["answer"], "not": {"required": ["options"]}},
                "else": {
                    "required": ["options"],
                    "not": {"anyOf": [{"required": ["answer"]}, {"required": ["if_true"]}, {"required": ["if_false"]}]},
                },
            },
            {
                "if": {"properties": {"kind": {"const": "scenario"}}, "required": ["kind"]},
                "then": {"required": ["situation"]},
                "else": {"not": {"required": ["situation"]}},
            },
            {
                "if": {"properties": {"kind": {"enum": ["single", "multiple", "scenario"]}}, "required": ["kind"]},
                "then": {
                    "properties": {
                        "options": {
                            "contains": {
                                "type": "object",
                                "required": ["correct"],
                                "properties": {"correct": {"const": True}},
                            }
                        }
                    }
                },
            },
        ],
    }
    top = {
        "title": _text(langs, "the quiz heading"),
        "intro": _text(langs, "one sentence before the first question"),
        "questions": {"type": "array", "minItems": 1, "items": question},
    }
    assert tuple(top) == TOP_KEYS
    return _doc(
        "quiz.schema.json",
        {"type": "object", "additionalProperties": False, "required": ["title", "questions"], "properties": top},
    )


def translation_schema() -> dict[str, Any]:
    text = {"type": "string", "minLength": 1}
    option = {"type": "object", "additionalProperties": False, "properties": {k: text for k in TRANSLATION_OPTION_KEYS}}
    qprops: dict[str, Any] = {k: text for k in TRANSLATION_QUESTION_KEYS}
    qprops["options"] = {"type": "array", "items": option, "description": "same number and order as in the quiz"}
    question = {"type": "object", "additionalProperties": False, "properties": qprops}
    top: dict[str, Any] = {
        "title": text,
        "intro": text,
        "questions": {
            "type": "object",
            "propertyNames": {"pattern": _pattern(QUESTION_ID_RE)},
            "additionalProperties": question,
            "description": "by question id",
        },
        "source_hash": {
            "type": "string",
            "pattern": "^[0-9a-f]{12}$",
            "description": "written by make i18n-current; do not edit",
        },
    }
    assert tuple(top) == TRANSLATION_TOP_KEYS
    return _doc("quiz-translation.schema.json", {"type": "object", "additionalProperties": False, "properties": top})


def lesson_schema() -> dict[str, Any]:
    nonempty = {"type": "string", "minLength": 1, "pattern": "\\S"}
    source_keys = tuple(_lessons.SOURCE_KEYS)
    source_props: dict[str, Any] = {
        "id": {
            "type": "string",
            "pattern": _pattern(_lessons.SOURCE_ID_RE),
            "description": "a fact-sheet source, e.g. S14",
        },
        "title": nonempty,
        "url": {"type": "string", "pattern": "^https?://\\S+$"},
        "publisher": nonempty,
        "date": {
            # YAML reads a bare year (date: 2025) as a number; the check takes it as text.
            "type": ["string", "integer"],
            "minimum": 1900,
            "maximum": 2100,
            "pattern": _pattern(_lessons.SOURCE_DATE_RE),
            "description": "when the source was published: YYYY-MM-DD, YYYY-MM or YYYY",
        },
    }
    source = {
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "date"],
        "anyOf": [{"required": ["id"]}, {"required": ["url"]}],
        "properties": {k: source_props[k] for k in source_keys},
    }
    lo, hi = _lessons.MINUTES_RANGE
    props: dict[str, Any] = {
        "title": nonempty,
        "description": nonempty,
        "audience": {"enum": list(_lessons.AUDIENCES)},
        "age_band": {"enum": list(_lessons.AGE_BANDS)},
        "minutes": {"type": "integer", "minimum": lo, "maximum": hi},
        "objectives": {"type": "array", "minItems": 1, "items": nonempty},
        "reviewed": {"type": "string", "pattern": "^\\d{4}-\\d{1,2}-\\d{1,2}$", "description": "YYYY-MM-DD"},
        "sources": {
            "type": "array",
            "minItems": 1,
            "items": source,
            # Readers can check the facts: this many sources carry an address.
            "contains": {"required": ["url"]},
            "minContains": _lessons.MIN_LINKED_SOURCES,
        },
        "translation_reviewed": {"type": "boolean"},
        "source_hash": nonempty,
        "hide": {"type": "array", "items": {"type": "string"}},
        "search": {"type": "object"},
    }
    assert tuple(props) == tuple(_lessons.LESSON_KEYS)
    return _doc(
        "lesson.schema.json",
        {
            "type": "object",
            "additionalProperties": False,
            "required": list(_lessons.REQUIRED_KEYS),
            "properties": props,
        },
    )


def _site_data(name: str, langs: list[str], *, hotlines_required: bool) -> dict[str, Any]:
    full_text = {
        "type": "object",
        "propertyNames": {"enum": langs},
        "additionalProperties": {"type": "string", "pattern": "\\S"},
        "required": langs,
    }
    hotline = {
        "type": "object",
        "additionalProperties": False,
        "required": ["number", "label"],
        "properties": {
            "number": {
                "type": "string",
                "pattern": "^\\+?[0-9]{3,15}$",
                "description": "what the phone dials, in quotes",
            },
            "label": full_text,
        },
    }
    props = {
        "site_name": full_text,
        "hotlines": {"type": "array", "minItems": 1, "items": hotline},
        "contacts": {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z0-9][a-z0-9_-]*$"},
            "additionalProperties": full_text,
        },
    }
    body: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": props}
    if hotlines_required:
        body["required"] = ["hotlines"]
    return _doc(name, body)


def schemas(root: Path = ROOT) -> dict[str, dict[str, Any]]:
    """Every schema by file name, for the site languages of ``root``'s mkdocs.yml."""
    settings, problems = read_site(root)
    if settings is None:
        raise ValueError("\n".join(str(p) for p in problems))
    langs = settings.languages
    return {
        "quiz.schema.json": quiz_schema(langs),
        "quiz-translation.schema.json": translation_schema(),
        "lesson.schema.json": lesson_schema(),
        "hotlines.schema.json": _site_data("hotlines.schema.json", langs, hotlines_required=True),
        "edition.schema.json": _site_data("edition.schema.json", langs, hotlines_required=False),
    }


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


MODELINE = "# yaml-language-server: $schema="


def schema_of(path: Path, root: Path = ROOT) -> str | None:
    """The schema file of a YAML file of the project, or None for others."""
    rel = path.relative_to(root).as_posix()
    if rel == "hotlines.yml":
        return "hotlines.schema.json"
    if rel.startswith("editions/") and path.suffix == ".yml":
        return "edition.schema.json"
    if rel.startswith("quizzes/") and path.suffix == ".yml":
        return "quiz.schema.json" if is_quiz_file(path) else "quiz-translation.schema.json"
    return None


def _short_hash(path: Path) -> str:
    # The form of ``source_hash`` (make i18n-current): the first 12 hex digits of the file's SHA-256.
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def add_modelines(root: Path = ROOT) -> list[Path]:
    """Give every quiz, translation, hotline and edition file its ``$schema`` line; return those changed.

    Adding a comment to a quiz file changes its hash, so a translation that was current
    (its ``source_hash`` matched) is marked current again: its text still follows the quiz.
    """
    files = [
        root / "hotlines.yml",
        *sorted((root / "editions").glob("*.yml")),
        *sorted((root / "quizzes").glob("*.yml")),
    ]
    changed = []
    for path in files:
        name = schema_of(path, root)
        if not path.is_file() or name is None:
            continue
        text = path.read_text(encoding="utf-8")
        if MODELINE in text:
            continue
        before = _short_hash(path)
        up = "../" * (len(path.relative_to(root).parts) - 1)
        path.write_text(f"{MODELINE}{up}schemas/{name}\n" + text, encoding="utf-8")
        changed.append(path)
        if name == "quiz.schema.json":
            after = _short_hash(path)
            for tr in translation_files(path.parent).get(path.stem, []):
                t = tr.read_text(encoding="utf-8")
                if f"source_hash: {before}" in t:
                    tr.write_text(t.replace(f"source_hash: {before}", f"source_hash: {after}"), encoding="utf-8")
    return changed


def main() -> int:
    out = ROOT / "schemas"
    out.mkdir(exist_ok=True)
    for name, schema in schemas().items():
        (out / name).write_text(dumps(schema), encoding="utf-8")
    sys.stdout.write(f"Wrote {len(FILES)} schemas to schemas/." + "\n")
    for path in add_modelines():
        sys.stdout.write(f"Added the $schema line to {path.relative_to(ROOT)}" + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
