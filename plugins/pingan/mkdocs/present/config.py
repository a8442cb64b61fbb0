"""Options of the ``pingan-present`` MkDocs plugin (``plugins: - pingan-present: …`` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PresentConfig(Config):
    """Options of the ``pingan-present`` plugin; ``- pingan-present`` is enough."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off: no slides, no "Present" link, no print styles."""
    folder = c.Type(str, default="present")
    """The folder under each lesson's address that holds its slides."""
