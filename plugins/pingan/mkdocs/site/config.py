"""Options of the ``pingan-site`` MkDocs plugin (``plugins: - pingan-site: …`` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SiteConfig(Config):
    """Options of the ``pingan-site`` plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off (for comparisons in benchmarks)."""
    hotlines = c.Type(str, default="hotlines.yml")
    """The hotline file, relative to mkdocs.yml: numbers and their labels per language."""
    edition = c.Type(str, default="")
    """A local edition: ``editions/<edition>.yml`` replaces the site name, hotlines and
    contacts it gives (``make build EDITION=<name>``). Empty: the national defaults."""
    editions_dir = c.Type(str, default="editions")
    """Where edition files live, relative to mkdocs.yml."""
