"""What CLDR (through Babel) says about a site language: its own name, its script direction.

Plain Python: no MkDocs. Site language codes are BCP 47 style (``zh``, ``en``,
``zh-Hant``); Babel wants ``zh_Hant``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from babel import Locale
from babel.core import get_global


@cache
def babel_locale(code: str) -> Locale:
    """The Babel locale for a site language code such as ``zh-Hant``."""
    return Locale.parse(code.replace("-", "_"))


def native_name(code: str) -> str:
    """The language's name in its own language and script ("中文", "English", "ئۇيغۇرچە")."""
    loc = babel_locale(code)
    name = loc.get_display_name(loc) or code
    # CLDR writes some names in lower case ("tiếng Việt"); a menu entry starts with a capital.
    return name[:1].upper() + name[1:]


def direction(code: str) -> str:
    """``"rtl"`` for languages written right to left, else ``"ltr"``."""
    return "rtl" if babel_locale(code).character_order == "right-to-left" else "ltr"


def switcher_names(codes: list[str]) -> dict[str, str]:
    """Each language's name for the language menu, told apart where two share a language.

    ``zh`` next to ``zh-Hant`` reads "中文 (简体)" beside "中文 (繁體)": CLDR's likely
    script of ``zh`` (Hans) is named when another site language shares its base.
    """
    bases = [babel_locale(code).language for code in codes]
    names = {}
    for code, base in zip(codes, bases, strict=True):
        loc = babel_locale(code)
        if bases.count(base) > 1 and not loc.script:
            likely = get_global("likely_subtags").get(loc.language, "")
            parts = likely.split("_")
            if len(parts) > 1 and len(parts[1]) == 4:
                loc = Locale(loc.language, script=parts[1])
        name = loc.get_display_name(loc) or code
        names[code] = name[:1].upper() + name[1:]
    return names


# -- the site's languages and translation files: named here only ---------------------------


def site_languages(languages: Sequence[str], default_language: str) -> list[str]:
    """The site's languages, each once, the default language first if it was missing."""
    langs = list(dict.fromkeys(languages))
    if default_language not in langs:
        langs.insert(0, default_language)
    return langs


def translation_name(path: Path) -> tuple[str, str] | None:
    """``(quiz id, language)`` if ``path`` is named like a quiz translation file, else None.

    ``quizzes/<id>.<lang>.yml``. The name is split at its *first* dot: a quiz id never
    has one, while a language code may have a hyphen (``check-first.zh-Hant.yml`` is quiz
    ``check-first``, language ``zh-Hant``); a further dot stays in the language, which is
    then reported as not a site language. A name that starts with a dot is a hidden
    file, not a translation.
    """
    if path.suffix != ".yml":
        return None
    quiz_id, dot, lang = path.name[: -len(".yml")].partition(".")
    if not dot or not quiz_id:
        return None
    return quiz_id, lang


def translation_file(quiz_file: Path, lang: str) -> Path:
    """The translation file of ``quiz_file`` for ``lang``: ``<id>.<lang>.yml`` beside it."""
    return quiz_file.with_name(f"{quiz_file.stem}.{lang}.yml")


def translation_files(quiz_dir: Path) -> dict[str, list[Path]]:
    """The translation files in ``quiz_dir`` by quiz id, each quiz's sorted by name."""
    found: dict[str, list[Path]] = {}
    for path in sorted(quiz_dir.iterdir() if quiz_dir.is_dir() else (), key=lambda p: p.name):
        named = translation_name(path)
        if named is not None and path.is_file():
            found.setdefault(named[0], []).append(path)
    return found


def is_quiz_file(path: Path) -> bool:
    """True for a quiz file (``<id>.yml``), not a translation file."""
    return path.suffix == ".yml" and translation_name(path) is None


@cache
def _cldr_languages() -> dict[str, str]:
    """The language codes CLDR knows, site style (``zh-Hant``), by their lower case."""
    from babel import localedata

    codes = (c.replace("_", "-") for c in localedata.locale_identifiers() if c != "root")
    return {code.lower(): code for code in codes}


def cldr_language(lang: str) -> str | None:
    """The code CLDR writes for ``lang`` ("zh-hant" → "zh-Hant"), or None if it knows none."""
    return _cldr_languages().get(lang.lower())


def english_name(code: str) -> str:
    """The language's name in English ("Chinese"), for messages to developers and editors."""
    try:
        return str(babel_locale(code).get_language_name("en") or code)
    except (ValueError, LookupError):
        return code
