"""Options of the ``pingan-quiz`` MkDocs plugin (``plugins: - pingan-quiz: …`` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class QuizConfig(Config):
    """Options of the quiz plugin; every one has a default, so ``- pingan-quiz`` is enough."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off: ``[[quiz …]]`` lines are then left as they are (for comparisons)."""

    quiz_dir = c.Dir(exists=True, default="quizzes")
    """The folder of quiz files (``<id>.yml``), relative to mkdocs.yml."""

    incomplete_languages = c.ListOfItems(c.Type(str), default=[])
    """Site languages still being translated (e.g. ``[vi]``): a quiz text missing in
    one of them falls back to the default language with an info message instead
    of a warning, so a strict build still passes."""
