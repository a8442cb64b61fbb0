"""Checks of the site's settings that MkDocs would only trip over later, or never mention:
``nav:`` entries, the options of our plugins and of mkdocs-static-i18n (each at its line in
mkdocs.yml), language folders the site does not build, and symbolic-link loops. Plain Python.
"""

from __future__ import annotations

import os
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pingan.content.settings import SiteSettings
from pingan.core import yamlnodes as nodes
from pingan.core.languages import cldr_language
from pingan.core.problems import Problem

__all__ = ["PLUGIN_OPTIONS", "check_settings"]

#: The options each plugin accepts, and (``"i18n languages"``) those of one entry of
#: mkdocs-static-i18n's ``languages:``. A test keeps these in step with the plugins' own
#: config classes. ``enabled`` is MkDocs' own switch, valid for every plugin.
PLUGIN_OPTIONS: dict[str, tuple[str, ...]] = {
    "pingan-site": ("enabled", "hotlines", "edition", "editions_dir"),
    "pingan-quiz": ("enabled", "quiz_dir", "incomplete_languages"),
    "pingan-present": ("enabled", "folder"),
    "i18n": (
        "enabled",
        "build_only_locale",
        "docs_structure",
        "fallback_to_default",
        "reconfigure_material",
        "reconfigure_search",
        "languages",
    ),
    "i18n languages": (
        "build",
        "copyright",
        "default",
        "extra",
        "fixed_link",
        "link",
        "locale",
        "name",
        "nav",
        "nav_translations",
        "admonition_translations",
        "site_author",
        "site_description",
        "site_name",
        "site_url",
        "theme",
    ),
}


def check_settings(settings: SiteSettings) -> list[Problem]:
    """Every problem of the settings that these checks find."""
    return [
        *_plugin_options(settings),
        *_nav(settings),
        *_language_folders(settings),
        *_symlinks(settings),
    ]


def _error(node: Node | None, message: str) -> Problem:
    return Problem("mkdocs.yml", nodes.line(node) if node is not None else 1, message)


def _unknown_keys(config: Node | None, known: tuple[str, ...], where: str) -> list[Problem]:
    problems = []
    if isinstance(config, MappingNode):
        for key, _value in config.value:
            name = nodes.scalar(key) or ""
            if name not in known:
                problems.append(
                    _error(key, f'{where} has no option "{name}"' + nodes.suggest(name, known, lead="its options are"))
                )
    return problems


def _plugin_options(settings: SiteSettings) -> list[Problem]:
    """Options of our plugins and of mkdocs-static-i18n: a typo fails here, at its line."""
    problems: list[Problem] = []
    for name, config, _where in nodes.named_items(nodes.get(settings.doc, "plugins")):
        known = PLUGIN_OPTIONS.get(name)
        if known is None:
            continue
        problems += _unknown_keys(config, known, f"the plugin {name}")
        if name == "i18n":
            languages = nodes.get(config, "languages")
            for entry in languages.value if isinstance(languages, SequenceNode) else []:
                locale = nodes.scalar(nodes.get(entry, "locale")) or "?"
                problems += _unknown_keys(
                    entry, PLUGIN_OPTIONS["i18n languages"], f'the language "{locale}" of the i18n plugin'
                )
    return problems


def _nav_entries(node: Node | None) -> list[ScalarNode]:
    """The page paths of ``nav:`` (sections walked, external links left out)."""
    found: list[ScalarNode] = []
    if isinstance(node, SequenceNode):
        for item in node.value:
            found += _nav_entries(item)
    elif isinstance(node, MappingNode):
        for _key, value in node.value:
            found += _nav_entries(value)
    elif isinstance(node, ScalarNode) and node.value and "://" not in node.value and not node.value.startswith("/"):
        found.append(node)
    return found


def _nav(settings: SiteSettings) -> list[Problem]:
    """Each ``nav:`` page exists in the default language's folder (the others fall back to it)."""
    problems = []
    folder = settings.lang_dir(settings.default_language)
    for entry in _nav_entries(nodes.get(settings.doc, "nav")):
        if not (folder / entry.value).is_file():
            problems.append(
                _error(
                    entry,
                    f"the nav entry {entry.value} names no page: there is no "
                    f"{settings.shown(folder / entry.value)}; correct the path or create the page",
                )
            )
    return problems


def _language_folders(settings: SiteSettings) -> list[Problem]:
    """A folder of the content named like a language the site does not build is ignored by
    the build: say so, at the site's list of languages."""
    if not settings.folders or not settings.docs_dir.is_dir():
        return []
    i18n = next((c for n, c, _w in nodes.named_items(nodes.get(settings.doc, "plugins")) if n == "i18n"), None)
    where = nodes.get(i18n, "languages")
    problems = []
    for child in sorted(settings.docs_dir.iterdir()):
        if child.is_dir() and child.name not in settings.languages and cldr_language(child.name):
            problems.append(
                _error(
                    where,
                    f"{settings.shown(child)}/ is not a language of the site, so nothing in it is built; "
                    f'add "{child.name}" under the i18n plugin\'s languages, or move or remove the folder',
                )
            )
    return problems


def _symlinks(settings: SiteSettings) -> list[Problem]:
    """A symbolic link under the content that leads nowhere or back into itself."""
    problems: list[Problem] = []
    if not settings.docs_dir.is_dir():
        return problems
    for folder, dirs, files in os.walk(settings.docs_dir):
        for name in sorted([*dirs, *files]):
            path = Path(folder) / name
            if not path.is_symlink():
                continue
            shown = Path(os.path.relpath(path, settings.root)).as_posix()  # the link, not its target
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                problems.append(
                    Problem(
                        shown,
                        1,
                        "this symbolic link leads nowhere or round in a loop; remove it or point it at a real file",
                    )
                )
                continue
            if target.is_dir() and path.parent.resolve().is_relative_to(target):
                problems.append(
                    Problem(
                        shown,
                        1,
                        f"this symbolic link leads back to {settings.shown(target)}/, a folder it is in: "
                        "a loop; remove it",
                    )
                )
    return problems
