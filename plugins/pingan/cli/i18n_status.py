"""Translation status: which pages and quizzes each language has, and which are out of date.

Usage::

    python -m pingan.i18n_status [--root DIR] [--csv FILE]
    python -m pingan.i18n_status mark-current PATH [PATH …] [--root DIR]
    python -m pingan.i18n_status mark-current --all LANG [--root DIR]

For every language but the default one (Chinese), each page of
``content/<default>/`` and each quiz ``quizzes/<id>.yml`` is one of:

``translated``
    the translation exists and was marked current against today's source;
``missing``
    there is no translation (readers see the default language's page);
``stale``
    the source changed since the translation was marked current, or the
    translation was never marked current;
``unreviewed``
    a page whose front matter does not say ``translation_reviewed: true``
    (shown together with ``stale`` when both are true).

How staleness is known: a translation records, in its front matter (pages) or
at the top level (quiz translation files ``quizzes/<id>.<lang>.yml``)::

    source_hash: 1a2b3c4d5e6f

the first 12 hex digits of the SHA-256 of the default-language source file's
bytes when the translator last brought it up to date. ``mark-current`` writes
that line, changing nothing else in the file. A quiz whose texts for a language
are all written inline in ``quizzes/<id>.yml`` counts as translated (its
languages are edited together).

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from pingan.content.pages import split_front_matter
from pingan.content.settings import SiteSettings, read_site
from pingan.core import yamlnodes as nodes
from pingan.core.languages import is_quiz_file, translation_file, translation_files, translation_name
from pingan.core.problems import Problem

__all__ = [
    "HASH_KEY",
    "Entry",
    "collect_status",
    "file_hash",
    "main",
    "mark_current",
    "set_source_hash",
    "status_csv",
    "status_table",
]

#: The key that records the source's hash, in front matter and in quiz translation files.
HASH_KEY = "source_hash"
#: The statuses, in the order the summary lists them.
STATUSES = ("translated", "missing", "stale", "unreviewed")

_HASH_LINE_RE = re.compile(rf"^{HASH_KEY}[ \t]*:.*$")
_TITLE_LINE_RE = re.compile(r"^title[ \t]*:")


def file_hash(path: Path) -> str:
    """The first 12 hex digits of the SHA-256 of ``path``'s bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


@dataclass(frozen=True)
class Entry:
    """The status of one page or quiz in one language."""

    lang: str
    #: ``page`` or ``quiz``.
    kind: str
    #: the translation's path (where it would be, when missing), relative to the project.
    path: str
    #: the default-language source, relative to the project.
    source: str
    #: one or more of :data:`STATUSES` (``translated`` alone, or the problems).
    status: tuple[str, ...]
    #: what the editor should know, in words.
    note: str = ""

    @property
    def status_text(self) -> str:
        """The statuses as one text: ``stale, unreviewed``."""
        return ", ".join(self.status)


# -- reading translations ---------------------------------------------------------------------


def _front_matter(path: Path) -> dict[str, object] | None:
    """A page's front matter values ({} without front matter, None when it cannot be read)."""
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    fm = split_front_matter(text)
    if fm.yaml_text is None:
        return {}
    try:
        data = yaml.safe_load(fm.yaml_text)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else {}


def _staleness(recorded: object, current: str) -> tuple[str | None, str]:
    """``("stale", why)`` or ``(None, "")`` for a recorded hash against the source's."""
    if recorded is None or recorded == "":
        return "stale", "never marked current"
    if str(recorded) != current:
        return "stale", "the source changed since it was marked current"
    return None, ""


def _page_entry(settings: SiteSettings, lang: str, source: Path) -> Entry:
    """The status of one page in ``lang``."""
    rel = source.relative_to(settings.lang_dir(settings.default_language))
    target = settings.lang_dir(lang) / rel
    shown, shown_source = settings.shown(target), settings.shown(source)
    if not target.is_file():
        return Entry(
            lang,
            "page",
            shown,
            shown_source,
            ("missing",),
            "no translation yet: readers see the default language's page",
        )
    meta = _front_matter(target)
    if meta is None:
        return Entry(lang, "page", shown, shown_source, ("stale",), "the front matter cannot be read (run make check)")
    status: list[str] = []
    notes: list[str] = []
    stale, why = _staleness(meta.get(HASH_KEY), file_hash(source))
    if stale:
        status.append(stale)
        notes.append(why)
    if meta.get("translation_reviewed") is not True:
        status.append("unreviewed")
        notes.append(
            "translation_reviewed: false"
            if meta.get("translation_reviewed") is False
            else "translation_reviewed is not set"
        )
    return Entry(lang, "page", shown, shown_source, tuple(status) or ("translated",), "; ".join(notes))


def _inline_coverage(quiz: Path, lang: str, default: str, languages: Sequence[str]) -> tuple[int, int]:
    """How many texts of a quiz are written per language inline, and how many have ``lang``."""
    try:
        root = nodes.compose(quiz.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return 0, 0
    known = set(languages) | {default, lang}

    def texts(node: Node) -> dict[str, Node] | None:
        """A text per language (``{zh: …, en: …}``): its texts by language, else None."""
        if not isinstance(node, MappingNode):
            return None
        keys = {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}
        return keys if default in keys and set(keys) <= known else None

    found = [t for node in nodes.walk(root, leaf=lambda n: texts(n) is not None) if (t := texts(node)) is not None]
    return len(found), sum(nodes.has_text(t.get(lang)) for t in found)


def _recorded_quiz_hash(path: Path) -> object:
    """The top-level ``source_hash`` of a quiz translation file (None if absent or unreadable)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    return data.get(HASH_KEY) if isinstance(data, dict) else None


def _quiz_entry(settings: SiteSettings, lang: str, quiz: Path) -> Entry:
    """The status of one quiz in ``lang``: inline, a translation file, or missing."""
    assert settings.quiz_dir is not None
    target = translation_file(quiz, lang)
    shown_source = settings.shown(quiz)
    total, have = _inline_coverage(quiz, lang, settings.default_language, settings.languages)
    if total and have == total:
        return Entry(lang, "quiz", shown_source, shown_source, ("translated",), f"written inline in {shown_source}")
    if target.is_file():
        stale, why = _staleness(_recorded_quiz_hash(target), file_hash(quiz))
        return Entry(lang, "quiz", settings.shown(target), shown_source, (stale,) if stale else ("translated",), why)
    note = f"no {settings.shown(target)}"
    if have:
        note += f"; {total - have} of {total} texts are missing inline in {shown_source}"
    return Entry(lang, "quiz", settings.shown(target), shown_source, ("missing",), note)


def collect_status(root: Path) -> tuple[list[Entry], list[Problem]]:
    """The status of every page and quiz in every non-default language of the site at ``root``."""
    settings, problems = read_site(Path(root))
    if settings is None:
        return [], problems
    entries: list[Entry] = []
    default_dir = settings.lang_dir(settings.default_language)
    sources = sorted(default_dir.rglob("*.md"), key=lambda p: p.as_posix()) if default_dir.is_dir() else []
    quizzes: list[Path] = []
    if settings.quiz_dir is not None and settings.quiz_dir.is_dir():
        quizzes = sorted(p for p in settings.quiz_dir.glob("*.yml") if is_quiz_file(p))
    for lang in settings.languages[1:]:
        entries += [_page_entry(settings, lang, source) for source in sources]
        entries += [_quiz_entry(settings, lang, quiz) for quiz in quizzes]
    return entries, problems


# -- output -------------------------------------------------------------------------------


def _summary(entries: Sequence[Entry]) -> str:
    """``3 translated, 1 missing, 2 stale, 4 unreviewed``."""
    counts = {s: sum(s in e.status for e in entries) for s in STATUSES}
    return ", ".join(f"{counts[s]} {s}" for s in STATUSES)


def status_table(entries: Sequence[Entry]) -> list[str]:
    """A readable table per language, then one summary line per language."""
    lines: list[str] = []
    langs = list(dict.fromkeys(e.lang for e in entries))
    for lang in langs:
        mine = [e for e in entries if e.lang == lang]
        pages = sum(e.kind == "page" for e in mine)
        quizzes = sum(e.kind == "quiz" for e in mine)
        lines.append(f"{lang}: {pages} pages, {quizzes} quizzes: {_summary(mine)}")
        width_status = max(len("STATUS"), *(len(e.status_text) for e in mine))
        width_path = max(len("FILE"), *(len(e.path) for e in mine))
        lines.append(f"  {'STATUS':<{width_status}}  {'FILE':<{width_path}}  NOTE")
        for e in mine:
            lines.append(f"  {e.status_text:<{width_status}}  {e.path:<{width_path}}  {e.note}".rstrip())
        lines.append("")
    if not langs:
        lines.append("the site has only one language: nothing to translate")
    for lang in langs:
        lines.append(f"{lang}: {_summary([e for e in entries if e.lang == lang])}")
    return lines


def status_csv(entries: Iterable[Entry]) -> str:
    """The same as :func:`status_table`, one row per page or quiz and language."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["language", "kind", "file", "source", "status", "note"])
    for e in entries:
        writer.writerow([e.lang, e.kind, e.path, e.source, e.status_text, e.note])
    return buf.getvalue()


# -- mark-current -------------------------------------------------------------------------------


def set_source_hash(text: str, value: str, *, front_matter: bool = True) -> str:
    """``text`` with ``source_hash: <value>`` set, every other line left as it was.

    ``front_matter``: the key goes into the page's front matter (created if the
    page has none); otherwise ``text`` is a YAML file and the key is top level.
    An existing ``source_hash`` line is replaced; else the line goes right after
    ``title:`` (and its continuation lines); else at the end of the front matter
    (or before the first key of a YAML file).
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    newline = "\r\n" if "\r\n" in body else "\n"
    new_line = f"{HASH_KEY}: {value}"
    lines = body.splitlines(keepends=True)

    def bare(line: str) -> str:
        return line.rstrip("\r\n")

    if front_matter:
        if not lines or bare(lines[0]).rstrip() != "---":
            return f"{bom}---{newline}{new_line}{newline}---{newline}{newline}{body}"
        end = next((i for i in range(1, len(lines)) if bare(lines[i]).rstrip() in ("---", "...")), None)
        if end is None:
            raise ValueError("the front matter is never closed")
        start = 1
    else:
        start, end = 0, len(lines)
    for i in range(start, end):
        if _HASH_LINE_RE.match(bare(lines[i])):
            ending = lines[i][len(bare(lines[i])) :] or newline
            lines[i] = new_line + ending
            return bom + "".join(lines)
    at: int | None = None
    for i in range(start, end):
        if _TITLE_LINE_RE.match(lines[i]):
            at = i + 1
            while at < end and lines[at][:1] in (" ", "\t"):  # a title written over several lines
                at += 1
            break
    if at is None:
        if front_matter:
            at = end
        else:
            at = next(
                (
                    i
                    for i in range(start, end)
                    if bare(lines[i]).strip() and not bare(lines[i]).lstrip().startswith(("#", "---"))
                ),
                end,
            )
    if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    lines.insert(at, new_line + newline)
    return bom + "".join(lines)


def _translation_source(settings: SiteSettings, path: Path) -> tuple[Path | None, bool, str]:
    """For a translation file: its source, whether it is a page, or why it is not a translation."""
    resolved = path.resolve()
    default = settings.default_language
    docs = settings.docs_dir.resolve()
    if resolved.is_relative_to(docs) and settings.folders:
        parts = resolved.relative_to(docs).parts
        if len(parts) >= 2 and parts[0] in settings.languages and parts[0] != default:
            return settings.lang_dir(default) / Path(*parts[1:]), True, ""
        if parts and parts[0] == default:
            return (
                None,
                True,
                f"this is the {default} source, not a translation; give the translated file (content/<language>/…)",
            )
    if settings.quiz_dir is not None and resolved.parent == settings.quiz_dir.resolve():
        named = translation_name(resolved)
        if named and named[1] in settings.languages[1:]:
            return settings.quiz_dir / f"{named[0]}.yml", False, ""
    return (
        None,
        False,
        (
            "this is not a translation; give a page of content/<language>/ or a quiz translation "
            "quizzes/<id>.<language>.yml, for a language of mkdocs.yml other than " + default
        ),
    )


def mark_current(paths: Sequence[Path], root: Path, *, all_lang: str | None = None) -> tuple[list[str], list[Problem]]:
    """Record the current source hash in each translation; what was done and every problem."""
    settings, problems = read_site(Path(root))
    if settings is None:
        return [], problems
    targets = [Path(p) for p in paths]
    if all_lang is not None:
        if all_lang not in settings.languages[1:]:
            others = ", ".join(settings.languages[1:]) or "(none)"
            return [], [
                Problem(
                    "mkdocs.yml", 1, f'"{all_lang}" is not a translated language of this site; use one of: {others}'
                )
            ]
        lang_dir = settings.lang_dir(all_lang)
        default_dir = settings.lang_dir(settings.default_language)
        if lang_dir.is_dir():
            targets += sorted(p for p in lang_dir.rglob("*.md") if (default_dir / p.relative_to(lang_dir)).is_file())
        if settings.quiz_dir is not None:
            targets += sorted(
                p
                for quiz_id, found in translation_files(settings.quiz_dir).items()
                if (settings.quiz_dir / f"{quiz_id}.yml").is_file()
                for p in found
                if translation_name(p) == (quiz_id, all_lang)
            )
    done: list[str] = []
    for target in targets:
        if not target.is_absolute():  # paths are relative to the project (--root)
            target = settings.root / target
        shown = settings.shown(target)
        if not target.is_file():
            problems.append(Problem(shown, 1, "there is no such file; give the path of a translated page or quiz file"))
            continue
        source, is_page, why = _translation_source(settings, target)
        if source is None:
            problems.append(Problem(shown, 1, why))
            continue
        if not source.is_file():
            problems.append(
                Problem(shown, 1, f"its source {settings.shown(source)} does not exist; nothing to be current with")
            )
            continue
        value = file_hash(source)
        raw = target.read_bytes()
        try:
            text = raw.decode("utf-8")
            new = set_source_hash(text, value, front_matter=is_page)
        except UnicodeDecodeError:
            problems.append(Problem(shown, 1, "this file is not UTF-8 text; save it with the UTF-8 encoding"))
            continue
        except ValueError as exc:
            problems.append(Problem(shown, 1, f'not marked: {exc}; add the closing "---" line'))
            continue
        if new != text:
            target.write_bytes(new.encode("utf-8"))
        done.append(f"{shown}: marked current ({HASH_KEY}: {value}, source {settings.shown(source)})")
    return done, problems


# -- command line -------------------------------------------------------------------------------


def _output(lines: Iterable[str]) -> None:
    """The CLI's only output: one line each, on standard output."""
    for line in lines:
        print(line)


def main(argv: Sequence[str] | None = None) -> int:
    """Show the translation status, or mark translations current; the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["mark-current"]:
        parser = argparse.ArgumentParser(
            prog="python -m pingan.i18n_status mark-current",
            description="Record in each translation that it matches its source as it is now.",
        )
        parser.add_argument(
            "paths", nargs="*", type=Path, help="translated pages or quiz translation files, relative to --root"
        )
        parser.add_argument("--all", metavar="LANG", help="every translation of this language")
        parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (with mkdocs.yml)")
        args = parser.parse_args(argv[1:])
        if not args.paths and not args.all:
            parser.error("give the translated files to mark, or --all LANG")
        done, problems = mark_current(args.paths, args.root, all_lang=args.all)
        _output(done + [str(p) for p in problems])
        n = len(done)
        summary = f"{n} file{'s' if n != 1 else ''} marked current"
        if problems:
            summary += f", {len(problems)} problem{'s' if len(problems) != 1 else ''}"
        _output([summary])
        return 1 if problems else 0
    parser = argparse.ArgumentParser(
        prog="python -m pingan.i18n_status",
        description="Which pages and quizzes are translated, missing, stale or unreviewed, per language. "
        "Subcommand: mark-current PATH… | mark-current --all LANG.",
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (with mkdocs.yml)")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="also write the table as CSV to FILE")
    args = parser.parse_args(argv)
    entries, problems = collect_status(args.root)
    if problems:
        _output(str(p) for p in problems)
        if not entries:
            return 1
    _output(status_table(entries))
    if args.csv:
        args.csv.write_text(status_csv(entries), encoding="utf-8")
        _output([f"written: {args.csv}"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
