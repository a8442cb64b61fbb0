"""The hotlines of the "Get help" box: one YAML file a region can edit.

Plain Python: no MkDocs. Problems are reported as :class:`Problem` with the
file and line, in words an editor understands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from pingan.quiz.model import Localized, Problem

#: What a phone can dial: digits, optionally led by + (for tel: links).
_NUMBER_RE = re.compile(r"^\+?[0-9]{3,15}$")


@dataclass(frozen=True)
class Hotline:
    """One number to call, labelled in every site language."""

    number: str
    label: Localized


def _scalar(node: yaml.Node) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def load_hotlines(
    path: Path, *, languages: Sequence[str], root: Path | None = None
) -> tuple[list[Hotline], list[Problem]]:
    """Read ``path``; return the hotlines and every problem found (empty when all is well)."""
    shown = path.relative_to(root).as_posix() if root else path.as_posix()
    problems: list[Problem] = []

    def bad(node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        problems.append(Problem(shown, line, message))

    try:
        doc = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except OSError as exc:
        return [], [Problem(shown, 1, f"cannot read the hotline file: {exc.strerror}")]
    except yaml.MarkedYAMLError as exc:
        line = (exc.problem_mark.line + 1) if exc.problem_mark else 1
        return [], [Problem(shown, line, f"this is not valid YAML ({exc.problem}); check indentation and colons")]

    if not isinstance(doc, yaml.MappingNode):
        bad(doc, 'expected a mapping with the key "hotlines:" and a list of numbers under it')
        return [], problems
    entries = None
    for key, value in doc.value:
        if _scalar(key) == "hotlines":
            entries = value
        else:
            bad(key, f'unknown key "{_scalar(key)}"; expected only "hotlines"')
    if not isinstance(entries, yaml.SequenceNode) or not entries.value:
        bad(entries or doc, 'expected "hotlines:" followed by a list of entries ("- number: …")')
        return [], problems

    hotlines: list[Hotline] = []
    for item in entries.value:
        if not isinstance(item, yaml.MappingNode):
            bad(item, 'each hotline is a mapping with "number" and "label"')
            continue
        fields = {_scalar(k): (k, v) for k, v in item.value}
        for name, (k, _v) in fields.items():
            if name not in ("number", "label"):
                bad(k, f'unknown key "{name}"; a hotline has only "number" and "label"')
        number_node = fields.get("number", (None, None))[1]
        number = _scalar(number_node) if number_node is not None else None
        if number is None:
            bad(item, 'this hotline has no "number"; add e.g. number: "110"')
        elif not _NUMBER_RE.match(number):
            bad(number_node, f'"{number}" is not a phone number; write digits only, e.g. "12338"')
        label_node = fields.get("label", (None, None))[1]
        label = Localized()
        if not isinstance(label_node, yaml.MappingNode):
            bad(label_node or item, 'this hotline needs "label:" with one text per language (zh: …, en: …)')
        else:
            for k, v in label_node.value:
                lang, text = _scalar(k), _scalar(v)
                if lang not in languages:
                    bad(k, f'"{lang}" is not a site language; expected one of: {", ".join(languages)}')
                elif not text or not text.strip():
                    bad(v, f'the "{lang}" label is empty; write what this number is for')
                else:
                    label[lang] = text.strip()
            for lang in languages:
                if lang not in label and label:
                    bad(label_node, f'the label has no "{lang}" text; add "{lang}: …"')
        if number and label and all(lang in label for lang in languages):
            hotlines.append(Hotline(number, label))
    return hotlines, problems
