"""The one problem type: something wrong at a line of a file, with what to do about it.

Every reader (quizzes, lessons, hotlines, mkdocs.yml) reports :class:`Problem` objects;
``make check`` prints them and the build fails on the same ones. Warnings are told apart
by their fields (``severity``, ``language``, ``code``), never by their text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

#: ``code`` of a text missing in a language and filled from the default language.
MISSING_TRANSLATION = "missing-translation"


@dataclass(frozen=True)
class Problem:
    """A problem at a line of a file; ``warning`` problems do not fail the check or the build."""

    path: str
    line: int
    message: str
    severity: Severity = "error"
    #: the site language the problem is about (a missing translation), if any.
    language: str | None = None
    #: what kind of problem, for code that treats some kinds apart (``MISSING_TRANSLATION``).
    code: str = ""

    @property
    def warning(self) -> bool:
        """True for a warning (survivable), False for an error."""
        return self.severity == "warning"

    @property
    def text(self) -> str:
        """``path:line: message``, without the severity."""
        return f"{self.path}:{self.line}: {self.message}"

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"


def warning(path: str, line: int, message: str, **fields: str | None) -> Problem:
    """A warning problem (shorthand)."""
    return Problem(path, line, message, "warning", **fields)  # type: ignore[arg-type]
