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
    given, top = Path(path), Path(root)
    if given.is_absolute() and top.is_absolute() and ".." not in given.parts and ".." not in top.parts:
        # Already spelt under the root: no need to ask the file system (a resolve looks up
        # every part of both paths; messages name hundreds of files in a build).
        try:
            return given.relative_to(top).as_posix()
        except ValueError:
            pass
    try:
        return given.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, root)).as_posix()
