"""Where the package keeps its front-end files, templates and catalogs (one place for all)."""

from __future__ import annotations

import os
from pathlib import Path

#: The package folder (``plugins/pingan``).
PACKAGE_DIR = Path(__file__).parent.parent
#: Front-end files the plugins ship (``assets/pingan/…`` on the site).
ASSETS_DIR = PACKAGE_DIR / "assets"
#: Our own Jinja templates (the slide deck).
TEMPLATES_DIR = PACKAGE_DIR / "templates"
#: Gettext catalogs of the interface words.
LOCALES_DIR = PACKAGE_DIR / "locales"


def shown_path(path: Path, root: Path | None) -> str:
    """``path`` as messages show it: relative to ``root`` (the project), POSIX style.

    Without a root, as given; outside the root, relative to it all the same (``../x``).
    """
    if root is None:
        return Path(path).as_posix()
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, root)).as_posix()
