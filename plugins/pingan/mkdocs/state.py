"""What our MkDocs plugins share: the site's model, checked once per build run, and the quiz
placeholders of each page. Typed, in one place; no plugin reads another plugin's attributes.

:func:`site_for` runs the one validation pass (:func:`pingan.validate.run_check`, the same
as ``make check``) the first time any of our plugins asks, and again only when a file it
read has changed (``mkdocs serve``). Any error fails the build before it writes anything,
with the very lines ``make check`` prints. mkdocs-static-i18n runs one build per language;
they all share the one model, so every quiz file is read once per run.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from pingan.model import Site
from pingan.quiz.loader import LoadResult
from pingan.validate import Report, run_check

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)

__all__ = [
    "BuildLanguages",
    "Shared",
    "build_languages",
    "ending_language",
    "first_time",
    "nested_build",
    "refusal",
    "remember",
    "shared",
    "site_for",
]


@dataclass
class Shared:
    """The state of one build run."""

    report: Report | None = None
    #: what the model was read from: (path, mtime_ns, size) of every file it depends on.
    key: tuple[object, ...] = ()
    #: what has been logged about the current model (once per run, not once per language).
    reported: set[str] = field(default_factory=set)
    #: results of quiz files by their stamps, so a rebuild under serve reads only changed ones.
    quiz_cache: dict[tuple[object, ...], LoadResult] = field(default_factory=dict)
    #: quiz placeholders the quiz plugin put in each page: src_uri -> [(token, quiz id)].
    slots: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: the configuration the model was last looked at for (its files unchanged since).
    checked_for: weakref.ref[MkDocsConfig] | None = None


_STATE: dict[Path, Shared] = {}


def shared(config: MkDocsConfig) -> Shared:
    """The shared state of the project ``config`` belongs to."""
    return _STATE.setdefault(_project(config.config_file_path or "."), Shared())


def _project(config_file: str) -> Path:
    """The folder of ``config_file``, resolved (once per path: pages ask for it hundreds of
    times a build, and each resolve asks the file system for every part of the path)."""
    key = config_file if os.path.isabs(config_file) else os.path.join(os.getcwd(), config_file)
    root = _PROJECTS.get(key)
    if root is None:
        root = _PROJECTS[key] = Path(key).resolve().parent
    return root


_PROJECTS: dict[str, Path] = {}


def _fingerprint(paths: list[Path]) -> tuple[object, ...]:
    """(path, mtime, size) of every file under ``paths``: cheap, and changes with any edit."""
    found: list[object] = [os.environ.get("EDITION", "")]
    for top in paths:
        if top.is_file():
            st = top.stat()
            found.append((str(top), st.st_mtime_ns, st.st_size))
            continue
        for folder, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                st = os.stat(os.path.join(folder, name))
                found.append((folder, name, st.st_mtime_ns, st.st_size))
    return tuple(found)


def _inputs(root: Path, report: Report | None) -> list[Path]:
    """The files the model is read from."""
    settings = report.site.settings if report is not None and report.site is not None else None
    if settings is None:
        return [root / "mkdocs.yml"]
    paths = [settings.config_file, settings.docs_dir]
    for extra in (settings.quiz_dir, settings.hotlines_file):
        if extra is not None:
            paths.append(extra)
    if settings.edition_files:
        paths.append(settings.edition_files[0].parent)
    return [p for p in paths if p.exists()]


def remember(root: Path, report: Report) -> None:
    """Use ``report`` (a check just run, e.g. by ``make build`` before loading mkdocs.yml) for
    the build of the project at ``root``: the files are not read again."""
    state = _STATE.setdefault(root.resolve(), Shared())
    state.report, state.reported = report, set()
    state.key = _fingerprint(_inputs(root.resolve(), report))


def refusal(report: Report) -> str:
    """The message of a build refused for the errors of ``report``: one ``path:line:`` line each."""
    count = len(report.errors)
    return f"{count} problem{'s' if count != 1 else ''} (make check lists the same), nothing was built:\n" + "\n".join(
        str(p) for p in report.errors
    )


def site_for(config: MkDocsConfig) -> Site:
    """The checked model of the site; raises :class:`PluginError` with every error ``make check`` finds."""
    state = shared(config)
    checked = state.checked_for() if state.checked_for is not None else None
    if state.report is None or checked is not config:
        # Each plugin asks, in its on_config of each language: the files are looked at once
        # per configuration (every file of content/, quizzes/, ...: a walk of the folders).
        root = _project(config.config_file_path or ".")
        key = _fingerprint(_inputs(root, state.report))
        if state.report is None or key != state.key:
            state.report = run_check(root, quiz_cache=state.quiz_cache)
            state.key = _fingerprint(_inputs(root, state.report))
            state.reported = set()
        state.checked_for = weakref.ref(config)
    report = state.report
    if not report.ok or report.site is None:
        state.report = None  # check again next time, even if nothing changed
        raise PluginError(refusal(report))
    return report.site


def first_time(config: MkDocsConfig, topic: str) -> bool:
    """True the first time ``topic`` is asked about for the current model (then log it)."""
    reported = shared(config).reported
    if topic in reported:
        return False
    reported.add(topic)
    return True


# -- the languages of a build run, as mkdocs-static-i18n sets them up ---------------------------


@dataclass(frozen=True)
class BuildLanguages:
    """The languages this run builds, with the URL folder of each (static-i18n's ``link``)."""

    #: the languages built, in the order of mkdocs.yml.
    codes: tuple[str, ...]
    default: str
    #: each language's folder in the site ("" for the default language's).
    prefixes: Mapping[str, str]


def build_languages(config: MkDocsConfig) -> BuildLanguages:
    """The languages static-i18n builds in this run (under ``mkdocs serve``, only those being
    looked at); without static-i18n, the theme's language alone, at the site's root."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        lang = str(config.theme["language"])
        return BuildLanguages((lang,), lang, {lang: ""})
    langs = [x for x in i18n.config.languages if x.build]
    return BuildLanguages(
        tuple(x.locale for x in langs), i18n.default_language, {x.locale: x.link.strip("/") for x in langs}
    )


def nested_build(config: MkDocsConfig) -> bool:
    """True in a language's build that static-i18n runs nested inside the default language's
    (the whole site is there only when the outermost build ends)."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


def ending_language(config: MkDocsConfig) -> tuple[str, bool]:
    """In ``on_post_build``: the language whose build is ending, and whether it is a nested one."""
    if nested_build(config):
        i18n: Any = config.plugins["i18n"]  # static-i18n's plugin: its own attributes
        return str(i18n.current_language), True
    return build_languages(config).default, False
