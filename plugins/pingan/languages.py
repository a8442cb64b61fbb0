"""What CLDR (through Babel) says about a site language: its own name, its script direction.

Plain Python: no MkDocs. Site language codes are BCP 47 style (``zh``, ``en``,
``zh-Hant``); Babel wants ``zh_Hant``.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale


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
