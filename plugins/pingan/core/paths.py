"""Where the package keeps its front-end files, templates and catalogs (one place for all)."""

from __future__ import annotations

from pathlib import Path

#: The package folder (``plugins/pingan``).
PACKAGE_DIR = Path(__file__).parent.parent
#: Front-end files the plugins ship (``assets/pingan/…`` on the site).
ASSETS_DIR = PACKAGE_DIR / "assets"
#: Our own Jinja templates (the slide deck).
TEMPLATES_DIR = PACKAGE_DIR / "templates"
#: Gettext catalogs of the interface words.
LOCALES_DIR = PACKAGE_DIR / "locales"
