"""``make export``: every quiz, per site language, as Moodle GIFT and IMS QTI 2.1 packages.

Writes, under ``dist/export/`` (``--out-dir``)::

    gift/<lang>/pingan-<lang>.gift.txt      every quiz, one Moodle category each
    gift/<lang>/<quiz>.gift.txt             one quiz
    qti/<lang>/<quiz>.zip                   one quiz as a QTI 2.1 content package

A quiz with an error stops the export with the same messages as ``make check``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from pingan.export import gift, qti
from pingan.export.items import items
from pingan.quiz.loader import load_quizzes
from pingan.quiz.model import Quiz


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its ``!ENV`` and Python tags read as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_languages(config_file: Path) -> tuple[list[str], dict[str, str], Path]:
    """The languages mkdocs.yml builds (default first), each one's site name, and the quiz folder."""
    conf: dict[str, Any] = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    root = config_file.parent
    langs: list[str] = []
    names: dict[str, str] = {}
    quiz_dir = root / "quizzes"
    default_name = str(conf.get("site_name") or "")
    for entry in conf.get("plugins") or []:
        if not isinstance(entry, dict):
            continue
        for name, options in entry.items():
            options = options or {}
            if name == "i18n":
                for lang in options.get("languages") or []:
                    if lang.get("build") is False:
                        continue
                    code = str(lang["locale"])
                    if lang.get("default"):
                        langs.insert(0, code)
                    else:
                        langs.append(code)
                    names[code] = str(lang.get("site_name") or default_name)
            elif name == "pingan-quiz" and options.get("quiz_dir"):
                quiz_dir = root / str(options["quiz_dir"])
    if not langs:
        code = str((conf.get("theme") or {}).get("language") or "en")
        langs, names = [code], {code: default_name}
    return langs, names, quiz_dir


def export(config_file: Path, out_dir: Path) -> list[Path]:
    """Write every export; return the files written. Raises ValueError when a quiz has errors."""
    langs, names, quiz_dir = site_languages(config_file)
    result = load_quizzes(quiz_dir, languages=langs, default_language=langs[0], root=config_file.parent)
    if result.errors:
        raise ValueError("\n".join(str(p) for p in result.errors))
    quizzes: list[Quiz] = [result.quizzes[k] for k in sorted(result.quizzes)]
    written: list[Path] = []

    def write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)

    for lang in langs:
        per_quiz = [(q.id, q.title.text(lang), items(q, lang)) for q in quizzes]
        write(out_dir / "gift" / lang / f"pingan-{lang}.gift.txt", gift.document(per_quiz, names[lang]).encode())
        for quiz_id, title, its in per_quiz:
            write(
                out_dir / "gift" / lang / f"{quiz_id}.gift.txt",
                gift.document([(quiz_id, title, its)], names[lang]).encode(),
            )
            write(out_dir / "qti" / lang / f"{quiz_id}.zip", qti.package(quiz_id, title, its, lang))
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m pingan.export [-f mkdocs.yml] [-o dist/export]``."""
    parser = argparse.ArgumentParser(prog="python -m pingan.export", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-o", "--out-dir", type=Path, default=Path("dist/export"))
    args = parser.parse_args(argv)
    try:
        written = export(args.config_file, args.out_dir)
    except ValueError as exc:
        sys.stderr.write(f"{exc}\nNothing was exported: fix the quizzes above (make check lists every problem)." + "\n")
        return 1
    sys.stdout.write(f"Exported {len(written)} files to {args.out_dir}/ (gift/<language>/, qti/<language>/)." + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
