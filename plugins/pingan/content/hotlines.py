"""Local data a region edits: the hotlines of the "Get help" box, local contacts, the site name.

``hotlines.yml`` holds the national defaults. A local edition (``editions/<name>.yml``)
has the same keys and replaces whichever of them it gives, so a bureau shows its
own numbers without editing a lesson. Lessons name contacts through placeholders
(``{{ contact.police }}``) that the build fills in.

Plain Python: no MkDocs. Problems are :class:`Problem` with file, line and what to do.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pingan.core import yamlnodes as nodes
from pingan.core.problems import Problem
from pingan.core.text import CONTACT_RE, Localized
from pingan.trust.escape import escape_text, markdown_text

#: What a phone can dial: digits, optionally led by + (for tel: links).
_NUMBER_RE = re.compile(r"^\+?[0-9]{3,15}$")
#: A contact name, as lessons write it in ``{{ contact.<name> }}``.
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
#: A placeholder in a lesson (one pattern for every reader: :data:`pingan.core.text.CONTACT_RE`).
PLACEHOLDER_RE = CONTACT_RE
_KEYS = ("site_name", "hotlines", "contacts")


@dataclass(frozen=True)
class Hotline:
    """One number to call, labelled in every site language."""

    number: str
    label: Localized


@dataclass
class SiteData:
    """Everything a region may change: hotlines, contacts, the site's name."""

    hotlines: list[Hotline] = field(default_factory=list)
    #: ``{{ contact.<name> }}`` -> text per language.
    contacts: dict[str, Localized] = field(default_factory=dict)
    site_name: Localized | None = None

    def updated(self, other: SiteData, given: set[str]) -> SiteData:
        """These data with the keys ``given`` in ``other`` replacing ours (contacts are merged)."""
        return SiteData(
            hotlines=other.hotlines if "hotlines" in given else self.hotlines,
            contacts={**self.contacts, **other.contacts},
            site_name=other.site_name if "site_name" in given else self.site_name,
        )


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


class _Reader:
    """Reads one data file, collecting every problem instead of stopping at the first."""

    def __init__(self, shown: str, languages: Sequence[str]) -> None:
        self.shown = shown
        self.languages = list(languages)
        self.problems: list[Problem] = []

    def bad(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.shown, line, message))

    def localized(self, node: yaml.Node | None, what: str, parent: yaml.Node) -> Localized | None:
        """A ``{zh: …, en: …}`` text with every site language, or None after reporting why not."""
        if not isinstance(node, yaml.MappingNode):
            self.bad(
                node or parent,
                f"{what} needs one text per language ({', '.join(f'{lang}: …' for lang in self.languages)})",
            )
            return None
        text = Localized()
        for k, v in node.value:
            lang, value = _scalar(k), _scalar(v)
            if lang not in self.languages:
                hint = difflib.get_close_matches(lang or "", self.languages, n=1)
                tip = f'; did you mean "{hint[0]}"?' if hint else f"; expected one of: {', '.join(self.languages)}"
                self.bad(k, f'"{lang}" is not a site language{tip}')
            elif not value or not value.strip():
                self.bad(v, f'the "{lang}" text of {what} is empty; write it in that language')
            else:
                # Escaped here, once: labels, contacts and the site name reach HTML as text.
                text[lang] = escape_text(value.strip())
        missing = [lang for lang in self.languages if lang not in text]
        if text and missing:
            self.bad(node, f'{what} has no "{missing[0]}" text; add "{missing[0]}: …"')
            return None
        return text or None

    def hotlines(self, entries: yaml.Node) -> list[Hotline]:
        if not isinstance(entries, yaml.SequenceNode) or not entries.value:
            self.bad(entries, 'expected "hotlines:" followed by a list of entries ("- number: …")')
            return []
        result = []
        for item in entries.value:
            if not isinstance(item, yaml.MappingNode):
                self.bad(item, 'each hotline is a mapping with "number" and "label"')
                continue
            fields = {_scalar(k): (k, v) for k, v in item.value}
            for name, (k, _v) in fields.items():
                if name not in ("number", "label"):
                    self.bad(k, f'unknown key "{name}"; a hotline has only "number" and "label"')
            number_node = fields.get("number", (None, None))[1]
            number = _scalar(number_node)
            if number_node is None:
                self.bad(item, 'this hotline has no "number"; add e.g. number: "110"')
            elif number is None or not _NUMBER_RE.match(number):
                self.bad(number_node, f'"{number}" is not a phone number; write digits only, e.g. "12338"')
                number = None
            label_node = fields.get("label", (None, None))[1]
            label = self.localized(label_node, "the label", item)
            if number and label:
                result.append(Hotline(number, label))
        return result

    def contacts(self, node: yaml.Node) -> dict[str, Localized]:
        if not isinstance(node, yaml.MappingNode):
            self.bad(node, 'expected "contacts:" followed by names, each with one text per language')
            return {}
        result = {}
        for k, v in node.value:
            name = _scalar(k) or ""
            if not _NAME_RE.match(name):
                self.bad(k, f'"{name}" cannot be a contact name; use lower-case letters, digits, - and _')
                continue
            text = self.localized(v, f'the contact "{name}"', k)
            if text:
                result[name] = text
        return result


def load_data(
    path: Path, *, languages: Sequence[str], root: Path | None = None
) -> tuple[SiteData, set[str], list[Problem]]:
    """Read a hotline or edition file: the data, which keys it gave, and every problem found."""
    shown = path.relative_to(root).as_posix() if root and path.is_relative_to(root) else path.as_posix()
    reader = _Reader(shown, languages)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        return SiteData(), set(), [Problem(shown, 1, f"cannot read this file: {exc.strerror}")]
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        return SiteData(), set(), [Problem(shown, line, "indent with spaces, not tabs")]
    try:
        doc = nodes.compose(text)
    except yaml.MarkedYAMLError as exc:
        line = (exc.problem_mark.line + 1) if exc.problem_mark else 1
        return (
            SiteData(),
            set(),
            [Problem(shown, line, f"this is not valid YAML ({exc.problem}); check indentation and colons")],
        )

    data = SiteData()
    given: set[str] = set()
    if not isinstance(doc, yaml.MappingNode):
        reader.bad(doc, f"expected a mapping with some of these keys: {', '.join(_KEYS)}")
        return data, given, reader.problems
    for key, value in doc.value:
        name = _scalar(key)
        if name == "hotlines":
            data.hotlines = reader.hotlines(value)
        elif name == "contacts":
            data.contacts = reader.contacts(value)
        elif name == "site_name":
            data.site_name = reader.localized(value, "site_name", key)
        else:
            hint = difflib.get_close_matches(name or "", _KEYS, n=1)
            tip = f'; did you mean "{hint[0]}"?' if hint else f"; expected one of: {', '.join(_KEYS)}"
            reader.bad(key, f'unknown key "{name}"{tip}')
            continue
        given.add(name)
    return data, given, reader.problems


def load_hotlines(
    path: Path, *, languages: Sequence[str], root: Path | None = None
) -> tuple[list[Hotline], list[Problem]]:
    """Read ``path``; return the hotlines and every problem found (empty when all is well)."""
    data, given, problems = load_data(path, languages=languages, root=root)
    if "hotlines" not in given and not problems:
        problems.append(Problem(path.name, 1, 'expected "hotlines:" followed by a list of entries ("- number: …")'))
    return data.hotlines, problems


def load_site_data(
    hotlines_file: Path, edition_file: Path | None, *, languages: Sequence[str], root: Path | None = None
) -> tuple[SiteData, list[Problem]]:
    """The national data of ``hotlines_file``, with a local edition's keys replacing them."""
    data, _given, problems = load_data(hotlines_file, languages=languages, root=root)
    if edition_file is not None:
        local, given, more = load_data(edition_file, languages=languages, root=root)
        data = data.updated(local, given)
        problems += more
    return data, problems


def fill_placeholders(
    text: str, contacts: dict[str, Localized], lang: str, default: str
) -> tuple[str, list[tuple[int, str]]]:
    """Replace ``{{ contact.<name> }}`` in ``text``; also return (line, name) of unknown names."""
    unknown: list[tuple[int, str]] = []

    def replace(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in contacts:
            unknown.append((text.count("\n", 0, m.start()) + 1, name))
            return m.group(0)
        return markdown_text(contacts[name].text(lang, default))

    return PLACEHOLDER_RE.sub(replace, text), unknown
