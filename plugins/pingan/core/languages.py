"""What CLDR (through Babel) says about a site language: its own name, its script direction.

Plain Python: no MkDocs. Site language codes are BCP 47 style (``zh``, ``en``,
``zh-Hant``); Babel wants ``zh_Hant``.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.core import get_global


@lru_cache(maxsize=None)
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
    for code, base in zip(codes, bases):
        loc = babel_locale(code)
        if bases.count(base) > 1 and not loc.script:
            likely = get_global("likely_subtags").get(loc.language, "")
            parts = likely.split("_")
            if len(parts) > 1 and len(parts[1]) == 4:
                loc = Locale(loc.language, script=parts[1])
        name = loc.get_display_name(loc) or code
        names[code] = name[:1].upper() + name[1:]
    return names
