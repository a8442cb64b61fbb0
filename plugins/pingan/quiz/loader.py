"""Load quiz files (``quizzes/<id>.yml``) into the model, checking every rule.

Plain Python: nothing here imports MkDocs, so the loader can be used by any
site generator, by an editor's command-line check, or by tests.

The YAML is *composed* (a tree of nodes that remember their line) rather than
loaded, and the tree is walked by hand, so every problem can name the line an
editor must fix. Every problem in every file is collected before returning:
an editor fixing a quiz should see the whole list at once, not one problem
per build. Problems are :class:`~pingan.quiz.model.Problem` objects whose
``str()`` is ``quizzes/x.yml:7: what is wrong; what is expected``.

Translations may also live in their own files, ``quizzes/<id>.<lang>.yml``
beside the quiz (section "Translations in their own file" of the README).
They hold only text, keyed by the quiz's structure (question ids, options in
order), never answers. Their texts are merged into the quiz's texts before
missing translations are filled in and reported, so a warning only names what
is really missing, and points at the translation file when there is one.

The format and its rules are described in ``quizzes/README.md``.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pingan.core.languages import site_languages, translation_files, translation_name
from pingan.core.paths import shown_path
from pingan.core.problems import Problem
from pingan.quiz.model import Quiz
from pingan.quiz.translations import TranslationFile
from pingan.quiz.validate import FileChecker

__all__ = ["LoadResult", "load_quiz_file", "load_quizzes"]


@dataclass
class LoadResult:
    """What loading one quiz file or a folder of quiz files produced."""

    #: the quizzes by id (file stem); only quizzes whose file has no errors.
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    #: fatal problems: the build must fail.
    errors: list[Problem] = field(default_factory=list)
    #: survivable problems, e.g. a missing translation filled in from the
    #: default language (fatal only in a strict build).
    warnings: list[Problem] = field(default_factory=list)
    #: every ``{{ contact.x }}`` in the quizzes' texts: (path, line, name); the site
    #: checks the names and fills them as it does in lessons.
    placeholders: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings allowed)."""
        return not self.errors

    def extend(self, other: LoadResult) -> None:
        """Add another result's quizzes and problems to this one."""
        self.quizzes.update(other.quizzes)
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)
        self.placeholders.extend(other.placeholders)


def load_quizzes(
    quiz_dir: Path,
    *,
    languages: Sequence[str],
    default_language: str,
    root: Path | None = None,
    cache: dict[tuple[object, ...], LoadResult] | None = None,
) -> LoadResult:
    """Load and check every ``*.yml`` quiz in ``quiz_dir`` (sorted by name).

    ``cache`` (kept by the caller between runs, e.g. by ``mkdocs serve``) holds the result
    of each quiz file whose file and translation files have not changed since (same size
    and modification time): those are not read again.

    ``root`` (default: the folder above ``quiz_dir``) is what problem paths
    are relative to, so they read ``quizzes/x.yml``. Other files (the
    README, images…) are ignored; a ``.yaml`` file gets a warning because
    its author surely meant it to be a quiz.

    A file whose name has a dot before ``.yml`` is a translation file,
    ``<quiz id>.<language>.yml``: it is checked and merged together with its
    quiz, never loaded as a quiz itself. One whose quiz file does not exist
    is an error.

    Raises ``FileNotFoundError`` if ``quiz_dir`` is not a folder: that is a
    site configuration mistake, not a problem in a quiz.
    """
    quiz_dir = Path(quiz_dir)
    if root is None:
        root = quiz_dir.parent
    if not quiz_dir.is_dir():
        raise FileNotFoundError(f"quiz folder not found: {quiz_dir}")
    result = LoadResult()
    used: set[tuple[object, ...]] = set()
    files = sorted((p for p in quiz_dir.iterdir() if p.is_file()), key=lambda p: p.name)
    quiz_ids = [p.stem for p in files if p.suffix == ".yml" and translation_name(p) is None]
    translations = translation_files(quiz_dir)
    for path in files:
        parts = translation_name(path)
        if parts is not None:
            # Checked together with its quiz; only a file without one is checked here.
            if parts[0] not in quiz_ids:
                result.extend(
                    _load_orphan(
                        path,
                        *parts,
                        quiz_ids,
                        languages=languages,
                        default_language=default_language,
                        root=root,
                    )
                )
        elif path.suffix == ".yml":
            beside = translations.get(path.stem, [])
            key = (str(root), tuple(languages), default_language, *(_stamp(p) for p in (path, *beside)))
            used.add(key)
            loaded = cache.get(key) if cache is not None else None
            if loaded is None:
                loaded = load_quiz_file(
                    path,
                    languages=languages,
                    default_language=default_language,
                    root=root,
                    translations=beside,
                )
                # Quizzes with {{ contact.x }} are filled in place by the site: not kept.
                if cache is not None and not loaded.placeholders:
                    cache[key] = loaded
            result.extend(loaded)
        elif path.suffix == ".yaml":
            result.warnings.append(
                Problem(
                    shown_path(path, root),
                    1,
                    f'this file is ignored: quiz files must end in ".yml"; rename it to "{path.stem}.yml"',
                    "warning",
                )
            )
    if cache is not None:  # forget the versions of files that have changed since
        for stale in [k for k in cache if k not in used]:
            del cache[stale]
    return result


def load_quiz_file(
    path: Path,
    *,
    languages: Sequence[str],
    default_language: str,
    root: Path | None = None,
    translations: Sequence[Path] | None = None,
) -> LoadResult:
    """Load and check one quiz file; the quiz id is the file name without ``.yml``.

    ``root`` (default: the folder above the file's folder) is what the
    problem paths are relative to. ``translations`` are the quiz's
    translation files (``<id>.<lang>.yml``); by default, those beside it.
    Their problems are listed after the quiz file's own, file by file.
    """
    path = Path(path)
    if root is None:
        root = path.parent.parent
    if translations is None:
        translations = translation_files(path.parent).get(path.stem, [])
    langs = site_languages(languages, default_language)
    checker = FileChecker(path, root, langs, default_language)
    quiz = checker.run(translations)
    result = LoadResult(errors=checker.errors, warnings=checker.warnings)
    result.placeholders = [(checker.rel, line, name) for line, name in checker.placeholders]
    if quiz is not None:
        result.quizzes[quiz.id] = quiz
    return result


def _stamp(path: Path) -> tuple[str, int, int]:
    """What tells a changed file: its name, size and modification time."""
    st = path.stat()
    return (path.name, st.st_size, st.st_mtime_ns)


def _load_orphan(
    path: Path,
    quiz_id: str,
    lang: str,
    quiz_ids: Sequence[str],
    *,
    languages: Sequence[str],
    default_language: str,
    root: Path,
) -> LoadResult:
    """Check a translation file whose quiz file does not exist.

    Still checked on its own (syntax, keys, texts), so that every problem in
    it is listed at once, and not one at a time once it has been renamed.
    """
    quiz_rel = shown_path(path.with_name(f"{quiz_id}.yml"), root)
    langs = site_languages(languages, default_language)
    checker = TranslationFile(path, shown_path(path, root), quiz_rel, quiz_id, lang, langs, default_language)
    close = difflib.get_close_matches(quiz_id, quiz_ids, n=1, cutoff=0.6)
    hint = (
        f'did you mean "{close[0]}.{lang}.yml"?'
        if close
        else f'name it after its quiz file: "<quiz id>.{lang}.yml" beside "<quiz id>.yml"'
    )
    checker.error(1, f"this translation file has no quiz: {quiz_rel} does not exist; {hint}")
    checker.run(path.read_bytes(), None)
    return LoadResult(errors=checker.errors, warnings=checker.warnings)
