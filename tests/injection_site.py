"""A copy of the real project with the injection corpus in every field an editor can edit.

``make_injected_project`` writes the corpus into: a lesson's front matter (title,
description, objectives), the navigation titles (mkdocs.yml), hotlines.yml (labels,
a contact), an edition (site name, a contact) and a quiz (question, option). It
returns, for each field, the exact text that must show on the pages.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from helpers import copy_project
from injection_corpus import TEXT_PAYLOADS

LESSON = "lessons/saying-no"
#: The site languages (hotline labels and editions need every one).
LANGS = ("zh", "en", "zh-Hant", "vi", "ug")


def field_text(field: str) -> str:
    """The whole corpus, tagged with the field it is put into."""
    return f"[{field}] " + " ¦ ".join(TEXT_PAYLOADS)


def make_injected_project(dest: Path) -> dict[str, str]:
    """Copy the project to ``dest`` and put the corpus into every editor-facing field."""
    copy_project(dest)
    (dest / "editions").mkdir(exist_ok=True)
    texts = {name: field_text(name) for name in (
        "title", "description", "objective", "nav", "label", "contact-national", "contact-local",
        "site-name", "quiz-prompt", "quiz-option",
    )}

    texts["description-zh"] = '学会大声说"不"：' + texts["description"]

    # mkdocs.yml: the section title (navigation), the edition, no CSP (escaping alone is tested).
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("            课程: Lessons\n", f"            课程: {json.dumps(texts['nav'])}\n", 1)
    config = config.replace('edition: !ENV [EDITION, ""]', "edition: pwn", 1)
    config = config.replace("  - pingan-trust\n", "  - pingan-trust:\n      csp: false\n", 1)
    assert "edition: pwn" in config and "csp: false" in config and json.dumps(texts["nav"]) in config
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")

    # hotlines.yml: every label, and a contact; the edition: the site name and a contact.
    hotlines = yaml.safe_load((dest / "hotlines.yml").read_text(encoding="utf-8"))
    for entry in hotlines["hotlines"]:
        entry["label"] = {lang: texts["label"] for lang in LANGS}
    hotlines.setdefault("contacts", {})["pwn-national"] = {lang: texts["contact-national"] for lang in LANGS}
    (dest / "hotlines.yml").write_text(yaml.safe_dump(hotlines, allow_unicode=True, sort_keys=False), encoding="utf-8")
    edition = {
        "site_name": {lang: texts["site-name"] for lang in LANGS},
        "contacts": {"pwn-local": {lang: texts["contact-local"] for lang in LANGS}},
    }
    (dest / "editions" / "pwn.yml").write_text(yaml.safe_dump(edition, allow_unicode=True), encoding="utf-8")

    # The lesson, in Chinese and English: front matter, and the two contacts in its text.
    for lang in ("zh", "en"):
        path = dest / "content" / lang / f"{LESSON}.md"
        source = path.read_text(encoding="utf-8")
        _, front, body = source.split("---\n", 2)
        meta = yaml.safe_load(front)
        # An ASCII quote in Chinese text, as editors type it, must not cut the description short.
        description = texts["description"] if lang == "en" else texts["description-zh"]
        meta.update(title=texts["title"], description=description)
        meta["objectives"] = [texts["objective"], *meta["objectives"][1:]]
        body = body.replace("\n## ", "\nContacts: {{ contact.pwn-national }} / {{ contact.pwn-local }}\n\n## ", 1)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")

    # The quiz: the first question and its first option, in English (Chinese stays the source).
    quiz_path = dest / "quizzes" / "saying-no.yml"
    quiz = yaml.safe_load(quiz_path.read_text(encoding="utf-8"))
    quiz["questions"][0]["prompt"]["en"] = texts["quiz-prompt"]
    quiz["questions"][0]["options"][0]["text"]["en"] = texts["quiz-option"]
    quiz_path.write_text(yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return texts
