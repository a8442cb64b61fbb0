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

from pingan.content.settings import read_site
from pingan.export import gift, qti
from pingan.export.items import items
from pingan.quiz.loader import load_quizzes
from pingan.quiz.model import Quiz


def export(root: Path, out_dir: Path) -> list[Path]:
    """Write every export of the site at ``root`` (its mkdocs.yml names the languages, their
    site names and the quiz folder); return the files written. Raises ValueError when the
    settings or a quiz have errors."""
    settings, problems = read_site(Path(root))
    if settings is None:
        raise ValueError("\n".join(str(p) for p in problems))
    if settings.quiz_dir is None or not settings.quiz_dir.is_dir():
        raise ValueError(f"{settings.shown(settings.quiz_dir or settings.root / 'quizzes')}: there is no quiz folder")
    langs, names = settings.languages, settings.site_names
    result = load_quizzes(
        settings.quiz_dir, languages=langs, default_language=settings.default_language, root=settings.root
    )
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
    """Command line: ``python -m pingan.export [--root DIR] [-o dist/export]``."""
    parser = argparse.ArgumentParser(prog="python -m pingan.export", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the project folder (with mkdocs.yml); default: here"
    )
    parser.add_argument("-o", "--out-dir", type=Path, default=Path("dist/export"))
    args = parser.parse_args(argv)
    try:
        written = export(args.root, args.out_dir)
    except ValueError as exc:
        sys.stderr.write(f"{exc}\nNothing was exported: fix the quizzes above (make check lists every problem)." + "\n")
        return 1
    sys.stdout.write(f"Exported {len(written)} files to {args.out_dir}/ (gift/<language>/, qti/<language>/)." + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
