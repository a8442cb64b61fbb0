"""The model of the site that every part reads: settings and languages, lessons (front
matter, problems, the quizzes each page uses), quizzes (loaded once), hotlines, contacts
and the edition.

:func:`pingan.validate.run_check` builds it while it checks everything, so ``make check``
and the build see the same site. The MkDocs plugins are thin adapters over it
(:mod:`pingan.mkdocs.state` hands it to them). Plain Python: never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pingan.content.hotlines import SiteData
from pingan.content.settings import SiteSettings
from pingan.core.problems import Problem
from pingan.quiz.model import Quiz

__all__ = ["Lesson", "Site"]


@dataclass
class Lesson:
    """One lesson file as read and checked (``content/<lang>/lessons/x.md``)."""

    path: Path
    lang: str
    #: the values of its front matter (None when it cannot be read).
    meta: dict[str, Any] | None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Site:
    """Everything the build needs to know about the site, read and checked once."""

    settings: SiteSettings
    #: the checked quizzes by id (only those without errors).
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    #: every warning the quiz files gave (missing translations: ``code`` and ``language`` set).
    quiz_warnings: list[Problem] = field(default_factory=list)
    #: hotlines, contacts and site name, the edition's replacing the national ones.
    data: SiteData = field(default_factory=SiteData)
    #: lessons by path.
    lessons: dict[Path, Lesson] = field(default_factory=dict)
    #: the quizzes each page uses, in order: page path relative to its language folder
    #: (``lessons/x.md``) and language -> quiz ids.
    page_quizzes: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    #: the day review dates were judged against.
    today: dt.date = field(default_factory=dt.date.today)
    _by_resolved: dict[Path, Lesson] = field(default_factory=dict, repr=False, compare=False)
    _by_spelling: dict[str, Lesson | None] = field(default_factory=dict, repr=False, compare=False)

    @property
    def languages(self) -> list[str]:
        """The languages the site builds, the default first."""
        return self.settings.languages

    @property
    def default_language(self) -> str:
        """The language pages and texts fall back to."""
        return self.settings.default_language

    def lesson_at(self, path: str | Path | None) -> Lesson | None:
        """The lesson in file ``path`` (any spelling of it), or None if it is no lesson."""
        if not path:
            return None
        if len(self._by_resolved) != len(self.lessons):
            self._by_resolved.clear()
            self._by_resolved.update((p.resolve(), lesson) for p, lesson in self.lessons.items())
            self._by_spelling.clear()
        # Each page asks several times: resolve each spelling of a path once.
        key = str(path)
        if key not in self._by_spelling:
            self._by_spelling[key] = self._by_resolved.get(Path(path).resolve())
        return self._by_spelling[key]

    def quizzes_of(self, src_uri: str, lang: str) -> list[str]:
        """The quiz ids a page uses, in order (``src_uri`` relative to its language folder)."""
        return self.page_quizzes.get((src_uri, lang), [])

    def incomplete(self) -> dict[str, set[str]]:
        """Per language declared incomplete: the quizzes with text falling back to the default."""
        declared = set(self.settings.incomplete_languages)
        found: dict[str, set[str]] = {}
        for quiz in self.quizzes.values():
            for lang in quiz.incomplete_languages:
                if lang in declared:
                    found.setdefault(lang, set()).add(quiz.id)
        return found
