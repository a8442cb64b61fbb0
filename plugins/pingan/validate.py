"""The one validation pass: every problem an editor can fix, in one run, with file and line.

``make check`` prints it (:mod:`pingan.cli.check`) and the build fails on the very same
errors before it writes anything (:mod:`pingan.mkdocs.site.plugin`). It reads ``mkdocs.yml``
(:mod:`pingan.content.settings`), then checks the settings, the hotline and edition files,
every quiz file, every page and lesson. Plain Python (no MkDocs import).
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from pingan.content import hotlines as hotline_data
from pingan.content.config_checks import check_settings
from pingan.content.lessons import check_page_front_matter, is_lesson, load_lesson
from pingan.content.links import PageChecker
from pingan.content.settings import SiteSettings, read_site
from pingan.content.sources import check_sources_pages
from pingan.core import catalogs as ui_catalogs
from pingan.core import yamlnodes as nodes
from pingan.core.languages import is_quiz_file
from pingan.core.paths import shown_path
from pingan.core.problems import MISSING_TRANSLATION, Problem
from pingan.model import Lesson, Site
from pingan.quiz.loader import LoadResult, load_quizzes
from pingan.quiz.model import quiz_texts
from pingan.trust.checks import check_trust

__all__ = ["Report", "run_check"]


# -- hotlines -------------------------------------------------------------------------------


def _contact_names(path: Path) -> tuple[set[str], set[str]]:
    """The contact names and hotline numbers a data file gives, read leniently for placeholders."""
    try:
        doc = nodes.compose(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return set(), set()
    contacts = nodes.get(doc, "contacts")
    names = (
        {k.value for k, _ in contacts.value if isinstance(k, ScalarNode)}
        if isinstance(contacts, MappingNode)
        else set()
    )
    numbers: set[str] = set()
    entries = nodes.get(doc, "hotlines")
    for item in entries.value if isinstance(entries, SequenceNode) else []:
        number = nodes.get(item, "number")
        if isinstance(number, ScalarNode):
            numbers.add(number.value)
    return names, numbers


def _check_hotlines(settings: SiteSettings) -> tuple[list[Problem], set[str] | None, int]:
    """Problems of the hotline and edition files, the names placeholders may use, files read.

    Every edition file is checked; placeholders may use the contacts of the
    hotline file (and of the edition being built, when one is chosen).
    """
    problems: list[Problem] = []
    files = 0
    path = settings.hotlines_file
    if path is None:
        return problems, None, files
    if not path.is_file():
        if settings.hotlines_required:
            problems.append(
                Problem(
                    "mkdocs.yml",
                    1,
                    f"the hotline file {settings.shown(path)} does not exist; create it or correct pingan-site: hotlines:",
                )
            )
        return problems, None, files
    files += 1
    _hotlines, found = hotline_data.load_hotlines(path, languages=settings.languages, root=settings.root)
    problems += found
    names, numbers = _contact_names(path)
    for edition in settings.edition_files:
        files += 1
        _data, _given, found = hotline_data.load_data(edition, languages=settings.languages, root=settings.root)
        problems += found
    chosen = settings.edition_file
    if chosen is not None:
        if not chosen.is_file():
            problems.append(
                Problem(
                    "mkdocs.yml",
                    settings.edition_line,
                    f"the edition file {settings.shown(chosen)} does not exist; create it, or choose one of: "
                    + (", ".join(p.stem for p in settings.edition_files) or "(there are no editions yet)"),
                )
            )
        else:
            more_names, more_numbers = _contact_names(chosen)
            names |= more_names
            numbers = more_numbers or numbers
    return problems, names, files


# -- languages -------------------------------------------------------------------------------


def _check_languages(settings: SiteSettings) -> list[Problem]:
    """Every language of mkdocs.yml needs a content folder and an interface catalog."""
    problems = []
    locales = ui_catalogs.LOCALES_DIR
    # Catalog paths as the project shows them: relative to the project holding the package.
    base = settings.root if locales.resolve().is_relative_to(settings.root.resolve()) else locales.parents[2]
    for lang in settings.languages:
        line = settings.language_lines.get(lang, 1)
        if settings.folders and not settings.lang_dir(lang).is_dir():
            problems.append(
                Problem(
                    "mkdocs.yml",
                    line,
                    f'the language "{lang}" has no content folder; create {settings.shown(settings.lang_dir(lang))}/ '
                    f"and translate pages into it (pages it lacks are shown in the default language, {settings.default_language})",
                )
            )
        try:
            ui_catalogs.find_catalog(lang)
        except ui_catalogs.MissingCatalogError as exc:
            po = shown_path(exc.path, base)
            pot = shown_path(locales / f"{ui_catalogs.DOMAIN}.pot", base)
            problems.append(
                Problem(
                    "mkdocs.yml",
                    line,
                    f'the language "{lang}" has no interface translations; create {po} '
                    f"(for example: pybabel init -i {pot} -d {shown_path(locales, base)} -l {exc.path.parents[1].name}), "
                    "then translate every entry",
                )
            )
    return problems


# -- the whole check -------------------------------------------------------------------------


@dataclass
class Report:
    """Everything one run found."""

    problems: list[Problem]
    #: how many files were read.
    files: int
    #: the model of the site the check read (None when mkdocs.yml cannot be read).
    site: Site | None = None

    @property
    def errors(self) -> list[Problem]:
        """The problems that fail the check."""
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are only warnings."""
        return [p for p in self.problems if p.warning]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def lines(self) -> list[str]:
        """The output: one line per problem, then the summary."""
        return [str(p) for p in self.problems] + [self.summary()]

    def summary(self) -> str:
        """``2 problems (1 error, 1 warning) in 37 files``."""

        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        files = n(self.files, "file")
        if not self.problems:
            return f"no problems in {files}"
        parts = [n(len(x), w) for x, w in ((self.errors, "error"), (self.warnings, "warning")) if x]
        return f"{n(len(self.problems), 'problem')} ({', '.join(parts)}) in {files}"


def run_check(
    root: Path, *, today: dt.date | None = None, quiz_cache: dict[tuple[object, ...], LoadResult] | None = None
) -> Report:
    """Check the project at ``root``; every problem, sorted by file and line, and the site's model.

    ``quiz_cache``: results of unchanged quiz files from an earlier run (``mkdocs serve``).
    """
    root = Path(root)
    settings, problems = read_site(root)
    if settings is None:
        return Report(problems, 0)
    site = Site(settings, today=today or dt.date.today())
    files = 1  # mkdocs.yml
    problems += _check_languages(settings)
    problems += check_settings(settings)

    hotline_problems, contact_names, hotline_files = _check_hotlines(settings)
    problems += hotline_problems
    files += hotline_files
    if settings.hotlines_file is not None and settings.hotlines_file.is_file() and not hotline_problems:
        chosen = settings.edition_file if settings.edition_file and settings.edition_file.is_file() else None
        site.data, _found = hotline_data.load_site_data(
            settings.hotlines_file, chosen, languages=settings.languages, root=root
        )

    quiz_ids: set[str] | None = None
    quiz_shown = ""  # no quiz folder: lessons need no quiz line
    if settings.quiz_dir is not None:
        quiz_shown = settings.shown(settings.quiz_dir)
        if not settings.quiz_dir.is_dir():
            problems.append(
                Problem(
                    "mkdocs.yml",
                    settings.quiz_dir_line,
                    f"the quiz folder {quiz_shown}/ does not exist; create it or correct quiz_dir",
                )
            )
            quiz_ids = set()
        else:
            result = load_quizzes(
                settings.quiz_dir,
                languages=settings.languages,
                default_language=settings.default_language,
                root=root,
                cache=quiz_cache,
            )
            site.quizzes, site.quiz_warnings = result.quizzes, result.warnings
            problems += result.errors
            problems += _quiz_placeholders(result.placeholders, contact_names, settings)
            _fill_quizzes(site)
            # A language declared incomplete (mkdocs.yml: incomplete_languages) falls back to
            # Chinese on purpose, as in the build; `make i18n-status` lists what it still lacks.
            problems += [p for p in result.warnings if not _expected(p, settings)]
            quiz_files = [p for p in settings.quiz_dir.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml")]
            files += len(quiz_files)
            # Translation files (<id>.<lang>.yml) are not quizzes of their own.
            quiz_ids = {p.stem for p in quiz_files if is_quiz_file(p)}

    pages = PageChecker(settings, quiz_ids, contact_names)
    checked: list[Path] = []
    for lang in settings.languages:
        lang_dir = settings.lang_dir(lang)
        if not lang_dir.is_dir():
            continue
        for path in sorted(lang_dir.rglob("*.md"), key=lambda p: p.as_posix()):
            if not settings.folders and any(
                part in settings.languages for part in path.relative_to(lang_dir).parts[:1]
            ):
                continue
            files += 1
            if settings.folders and is_lesson(path, settings.docs_dir):
                meta, found = load_lesson(path, root, today=today, lang=lang, quiz_dir=quiz_shown)
                site.lessons[path] = Lesson(path, lang, meta, found)
                problems += found
            else:
                problems += check_page_front_matter(path, root)
            pages.check(path, lang)
            checked.append(path)
    problems += pages.problems
    # Lesson HTML outside the allowlist; invisible characters in titles and labels (pingan.trust).
    problems += check_trust(
        root,
        checked,
        [settings.config_file, settings.hotlines_file, *settings.edition_files],
        extensions=settings.markdown_extensions,
        extension_configs=settings.markdown_configs,
    )
    site.page_quizzes = pages.page_quizzes
    if all(lesson.meta is not None for lesson in site.lessons.values()):
        # The Sources pages list what the lessons cite (make sources); judged only once
        # every lesson's front matter can be read.
        problems += check_sources_pages(site)
    problems.sort(key=lambda p: (p.path, p.line))
    return Report(problems, files, site)


def _quiz_placeholders(
    found: list[tuple[str, int, str]], names: set[str] | None, settings: SiteSettings
) -> list[Problem]:
    """Every ``{{ contact.x }}`` of a quiz text names a contact, as in lessons."""
    if names is None:
        return []
    where = (
        " or ".join(
            settings.shown(p) for p in (settings.hotlines_file, settings.edition_file) if p is not None and p.is_file()
        )
        or "hotlines.yml"
    )
    problems = []
    for path, line, name in found:
        if name in names:
            continue
        message = (
            f'unknown placeholder {{{{ contact.{name} }}}}: there is no contact "{name}" under "contacts:" in {where}'
        )
        close = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.6)
        message += f"; did you mean {{{{ contact.{close[0]} }}}}?" if close else f"; add the contact to {where}"
        problems.append(Problem(path, line, message))
    return problems


def _fill_quizzes(site: Site) -> None:
    """``{{ contact.x }}`` in quiz texts becomes the contact's text in each language (as in lessons)."""
    contacts, default = site.data.contacts, site.default_language
    for quiz in site.quizzes.values():
        for texts in quiz_texts(quiz):
            for lang, text in texts.items():
                if "contact." in text:
                    texts[lang] = hotline_data.fill_placeholders(text, contacts, lang, default)[0]


def _expected(problem: Problem, settings: SiteSettings) -> bool:
    """True for a text missing in a language that mkdocs.yml declares incomplete."""
    return problem.code == MISSING_TRANSLATION and problem.language in settings.incomplete_languages
