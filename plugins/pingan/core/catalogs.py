"""The words of the site's own interface, in the reader's language (gettext).

Quiz buttons and notes ("Check", "Try again", "Question 1 of 5"…) and the
words of the theme overrides ("Get help") live in Babel gettext catalogs inside
the package::

    plugins/pingan/locales/messages.pot                   (extracted, see babel.cfg)
    plugins/pingan/locales/<catalog>/LC_MESSAGES/messages.po

``.mo`` files are never committed: a catalog is compiled in memory the first
time a build asks for it (and again when the ``.po`` changes), so a fresh
checkout builds without a compile step.

Site language codes are BCP 47 (``zh``, ``en``, ``zh-Hant``); catalog folders
use Babel's names (``zh_Hant``). A language without a catalog is an error that
names the file to create: a reader must never get half-English buttons silently.

Plain Python: no MkDocs import, so any site generator can use it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from pingan.core import paths

#: Where the catalogs live: ``<LOCALES_DIR>/<catalog>/LC_MESSAGES/messages.po``.
LOCALES_DIR = paths.LOCALES_DIR
#: The gettext domain: ``messages.pot`` / ``messages.po``.
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark ``message`` for extraction by ``pybabel extract``; translate it later."""
    return message


#: The quiz's interface words: key (used in code and in the JSON the script
#: reads) -> English source text (the gettext msgid). ``{n}``, ``{total}`` and
#: ``{choice}`` are filled in by the renderer or the script; keep them as they are.
QUIZ_STRINGS: dict[str, str] = {
    # TRANSLATORS: button under a question: check the chosen answer.
    "check": N_("Check"),
    # TRANSLATORS: result of a checked question that was answered right.
    "correct": N_("Correct"),
    # TRANSLATORS: result of a checked question that was answered wrong; gentle, for children.
    "wrong": N_("Not quite"),
    # TRANSLATORS: button at the end of a finished quiz: start again from the beginning.
    "again": N_("Try again"),
    # TRANSLATORS: button at the end of an unfinished quiz: forget the answers given so far.
    "clear": N_("Clear my answers"),
    # TRANSLATORS: the score at the end of a quiz, e.g. "You scored 4 of 5".
    "score": N_("You scored {n} of {total}"),
    # TRANSLATORS: hint under a question with round buttons: exactly one answer.
    "one": N_("Choose one"),
    # TRANSLATORS: hint under a question with check boxes: one or more answers.
    "all": N_("Choose all that apply"),
    # TRANSLATORS: the two answers of a true-or-false question ("对" / "错").
    "true": N_("True"),
    "false": N_("False"),
    # TRANSLATORS: a fold-out box holding the right answer and why it is right.
    "answer": N_("Answer and explanation"),
    # TRANSLATORS: label of a question that only comes after one particular choice.
    "followup": N_("Follow-up"),
    # TRANSLATORS: says which earlier choice leads to this follow-up question.
    "if_chose": N_("If you chose “{choice}”"),
    # TRANSLATORS: numbering above each question, e.g. "Question 2 of 5".
    "number": N_("Question {n} of {total}"),
    # TRANSLATORS: before the right answer(s) in the fold-out box, and beside a right option.
    "right": N_("Right answer"),
    # TRANSLATORS: beside the option the reader chose, when it is right. Words a 6-year-old
    # reads at once; never the words of a true/false option ("True", "对"): beside the option
    # "False" that would read as "you chose True".
    "chose_right": N_("You picked this one. Well done!"),
    # TRANSLATORS: beside the option the reader chose, when it is not right. Gentle, for
    # children; never the words of a true/false option (see above).
    "chose_wrong": N_("You picked this one. See why below."),
    # TRANSLATORS: said when "Check" is pressed before any answer was chosen.
    "choose_first": N_("Choose an answer first."),
}


class MissingCatalogError(LookupError):
    """A site language has no catalog: says which file to create."""

    def __init__(self, lang: str, path: Path) -> None:
        self.lang = lang
        #: the ``.po`` file that should exist for ``lang``.
        self.path = path
        super().__init__(self.describe())

    def describe(self, root: Path | None = None) -> str:
        """The message, with paths relative to ``root`` (the project) when they are inside it."""

        def show(p: Path) -> str:
            if root is not None and p.resolve().is_relative_to(root.resolve()):
                return p.resolve().relative_to(root.resolve()).as_posix()
            return str(p)

        locales = self.path.parents[2]
        return (
            f"the site language '{self.lang}' has no interface translations: create "
            f"{show(self.path)} (for example: pybabel init -i {show(locales / (DOMAIN + '.pot'))} "
            f"-d {show(locales)} -l {self.path.parents[1].name}), then translate every entry"
        )


def catalog_name(lang: str) -> str:
    """The catalog folder for a site language code: ``zh-Hant`` -> ``zh_Hant``, ``en`` -> ``en``."""
    try:
        return str(Locale.parse(lang, sep="-" if "-" in lang else "_"))
    except (ValueError, UnknownLocaleError):
        return lang.replace("-", "_")


def catalog_path(lang: str, locales_dir: Path = LOCALES_DIR) -> Path:
    """The ``.po`` file that holds ``lang``'s words (it may not exist)."""
    return locales_dir / catalog_name(lang) / "LC_MESSAGES" / f"{DOMAIN}.po"


def find_catalog(lang: str, locales_dir: Path = LOCALES_DIR) -> Path:
    """The existing ``.po`` file for ``lang``.

    A regional variant may use its language's catalog (``en-GB`` -> ``en``,
    ``zh-Hant-TW`` -> ``zh_Hant``), but never across scripts: Traditional
    Chinese readers do not get the Simplified catalog.

    Raises:
        MissingCatalogError: there is none; the message names the file to create.
    """
    wanted = catalog_path(lang, locales_dir)
    name = wanted.parents[1].name
    candidates = [name]
    try:
        loc = Locale.parse(name)
    except (ValueError, UnknownLocaleError):
        loc = None
    if loc is not None and loc.territory:
        candidates.append("_".join(p for p in (loc.language, loc.script) if p))
    for candidate in candidates:
        path = locales_dir / candidate / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.is_file():
            return path
    raise MissingCatalogError(lang, wanted)


def read_catalog(po_path: Path) -> Catalog:
    """Parse one ``.po`` file (Babel's :class:`Catalog`, e.g. for ``catalog.check()``)."""
    with po_path.open("rb") as fh:
        return read_po(fh, locale=po_path.parents[1].name, domain=DOMAIN)


def compile_catalog(catalog: Catalog) -> Translations:
    """Compile a parsed catalog in memory, as ``pybabel compile`` would, minus the file."""
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(buf, domain=DOMAIN)


@lru_cache(maxsize=32)
def _compiled(po_path: Path, mtime_ns: int) -> Translations:
    # Keyed by mtime: `mkdocs serve` picks up an edited .po without a restart.
    return compile_catalog(read_catalog(po_path))


def translations(lang: str, locales_dir: Path = LOCALES_DIR) -> Translations:
    """Gettext translations for ``lang`` (``gettext``, ``ngettext``, ``pgettext``…).

    Raises:
        MissingCatalogError: ``lang`` has no catalog.
    """
    path = find_catalog(lang, locales_dir)
    return _compiled(path, path.stat().st_mtime_ns)


def quiz_strings(lang: str, locales_dir: Path = LOCALES_DIR) -> dict[str, str]:
    """Every quiz interface word (:data:`QUIZ_STRINGS`) translated into ``lang``.

    Raises:
        MissingCatalogError: ``lang`` has no catalog.
    """
    t = translations(lang, locales_dir)
    return {key: t.gettext(msgid) for key, msgid in QUIZ_STRINGS.items()}


def fill(template: str, values: Mapping[str, object]) -> str:
    """Fill ``{name}`` placeholders without ``str.format``'s surprises.

    A translator's stray brace must not crash a build, so unknown or broken
    placeholders are left as they are (the catalog test reports them).
    """
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template
