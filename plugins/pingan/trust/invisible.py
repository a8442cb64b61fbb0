"""Bidi overrides and invisible characters in titles and labels.

A title or a hotline label with U+202E (right-to-left override) or a zero-width
space looks right to the editor and wrong (or misleading) to readers, and can
hide text from review. Such characters are a warning with ``path:line``.

Allowed, because right-to-left text needs them (decided for Uyghur, our RTL language):

- U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK, U+061C ARABIC LETTER MARK:
  invisible, but they only set the direction of neutral characters around them
  (a phone number in a Uyghur sentence) and cannot reorder text the way the
  embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can;
- U+200C ZERO WIDTH NON-JOINER on a line with Arabic-script letters: it keeps two
  letters from joining, as Uyghur (and Persian) spelling sometimes needs;
- U+200D ZERO WIDTH JOINER next to an emoji or symbol: it forms emoji sequences.

Everything else listed in :data:`INVISIBLE` is reported.
"""

from __future__ import annotations

import unicodedata

from pingan.core.problems import Problem, warning

__all__ = ["INVISIBLE", "check_invisible", "invisible_chars"]

#: Characters reported, with the name shown to editors.
INVISIBLE: dict[str, str] = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\u2061": "FUNCTION APPLICATION",
    "\u2062": "INVISIBLE TIMES",
    "\u2063": "INVISIBLE SEPARATOR",
    "\u2064": "INVISIBLE PLUS",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)",
}


def _arabic_script(text: str) -> bool:
    """True when ``text`` has a letter of the Arabic script (Uyghur is written in it)."""
    return any("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff" and ch != "\ufeff" for ch in text)


def _symbol(ch: str) -> bool:
    return bool(ch) and (unicodedata.category(ch) == "So" or ord(ch) >= 0x1F000 or ch == "\ufe0f")


def invisible_chars(text: str) -> list[tuple[int, str]]:
    """(index, character) of every reported character in ``text``."""
    found = []
    arabic = None
    for i, ch in enumerate(text):
        if ch not in INVISIBLE:
            continue
        if ch == "\u200c":
            if arabic is None:
                arabic = _arabic_script(text)
            if arabic:
                continue
        if ch == "\u200d":
            before, after = text[i - 1 : i], text[i + 1 : i + 2]
            if _symbol(before) or _symbol(after):
                continue
        if ch == "\ufeff" and i == 0:
            continue  # a byte-order mark at the very start of a file is read as such
        found.append((i, ch))
    return found


def check_invisible(path: str, text: str, *, first_line: int = 1, what: str = "this line") -> list[Problem]:
    """A warning for each line of ``text`` with a bidi override or invisible character.

    ``text`` is a whole file, or a part of one starting at ``first_line``
    (front matter, a YAML file); ``path`` is shown in messages.
    """
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        found = invisible_chars(line)
        if not found:
            continue
        names = ", ".join(dict.fromkeys(f"U+{ord(ch):04X} {INVISIBLE[ch]}" for _, ch in found))
        problems.append(
            warning(
                path,
                number,
                f"{what} contains invisible characters ({names}); they can change how the text reads "
                "or hide part of it: delete them (retype the text if you cannot see where they are)",
            )
        )
    return problems
