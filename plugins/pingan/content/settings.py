"""The site's settings as the checks and the model need them, read from ``mkdocs.yml``
without MkDocs: the content folder, the languages, the plugins' files and options.

Every value keeps its line in mkdocs.yml, so a problem with a setting names it. Plain Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from pingan.core import yamlnodes as nodes
from pingan.core.paths import shown_path
from pingan.core.problems import Problem

__all__ = ["MKDOCS_BUILTIN_EXTENSIONS", "SiteSettings", "read_site"]

#: Extensions MkDocs always adds before those of ``markdown_extensions``.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


@dataclass
class SiteSettings:
    """What the checks need from ``mkdocs.yml``."""

    root: Path
    config_file: Path
    docs_dir: Path
    #: the languages the site builds, the default first.
    languages: list[str]
    default_language: str
    #: True with mkdocs-static-i18n's folder structure (``content/<lang>/``).
    folders: bool = True
    #: line in mkdocs.yml of each language's entry.
    language_lines: dict[str, int] = field(default_factory=dict)
    #: each language's site name (its entry's ``site_name``, else the site's own).
    site_names: dict[str, str] = field(default_factory=dict)
    hotlines_file: Path | None = None
    #: True when mkdocs.yml names the hotline file (then it must exist).
    hotlines_required: bool = False
    #: the edition being built (``pingan-site: edition:``), if any.
    edition_file: Path | None = None
    #: every edition file there is (``editions/*.yml``): all are checked.
    edition_files: list[Path] = field(default_factory=list)
    edition_line: int = 1
    quiz_dir: Path | None = None
    quiz_dir_line: int = 1
    #: languages the quiz plugin declares incomplete: their missing quiz texts are expected.
    incomplete_languages: list[str] = field(default_factory=list)
    markdown_extensions: list[str] = field(default_factory=lambda: list(MKDOCS_BUILTIN_EXTENSIONS))
    markdown_configs: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: mkdocs.yml as composed (nodes with their lines), for the checks of the settings.
    doc: Node | None = None

    def lang_dir(self, lang: str) -> Path:
        """The folder of ``lang``'s pages."""
        return self.docs_dir / lang if self.folders else self.docs_dir

    def shown(self, path: Path) -> str:
        """``path`` relative to the project, as messages show it."""
        return shown_path(path, self.root)


def read_site(root: Path) -> tuple[SiteSettings | None, list[Problem]]:
    """Read ``root/mkdocs.yml``: the settings, or None and the reason it cannot be used."""
    root = Path(root)
    config_file = root / "mkdocs.yml"
    shown = "mkdocs.yml"
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except OSError:
        return None, [
            Problem(
                shown,
                1,
                f"there is no mkdocs.yml in {root}; run the check in the project folder, or give it with --root",
            )
        ]
    try:
        doc = yaml.compose(text, Loader=nodes.ConfigLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [
            Problem(
                shown,
                line,
                f'mkdocs.yml cannot be read here ({exc.problem}); check the spaces at the start of the line and the ":" after each key',
            )
        ]
    if not isinstance(doc, MappingNode):
        return None, [Problem(shown, 1, "mkdocs.yml must be keys with values (site_name: …, docs_dir: …)")]
    problems: list[Problem] = []
    docs_value = nodes.value(nodes.get(doc, "docs_dir")) or "docs"
    docs_dir = root / str(docs_value)
    settings = SiteSettings(
        root=root, config_file=config_file, docs_dir=docs_dir, languages=[], default_language="", doc=doc
    )
    if not docs_dir.is_dir():
        node = nodes.get(doc, "docs_dir")
        problems.append(
            Problem(
                shown,
                node.start_mark.line + 1 if node else 1,
                f'the content folder "{docs_value}" does not exist; create it or correct docs_dir',
            )
        )

    site_name = str(nodes.value(nodes.get(doc, "site_name")) or "")
    theme = nodes.get(doc, "theme")
    theme_lang = nodes.value(nodes.get(theme, "language")) or nodes.value(nodes.get(theme, "locale")) or "en"
    plugins = {name: (conf, where) for name, conf, where in nodes.named_items(nodes.get(doc, "plugins"))}

    i18n = plugins.get("i18n")
    languages: list[str] = []
    default = ""
    if i18n is not None:
        settings.folders = (nodes.value(nodes.get(i18n[0], "docs_structure")) or "suffix") == "folder"
        langs = nodes.get(i18n[0], "languages")
        for entry in langs.value if isinstance(langs, SequenceNode) else []:
            locale = nodes.get(entry, "locale")
            code = nodes.value(locale)
            if not code or nodes.value(nodes.get(entry, "build")) is False:
                continue
            code = str(code)
            languages.append(code)
            settings.language_lines[code] = (locale or entry).start_mark.line + 1
            settings.site_names[code] = str(nodes.value(nodes.get(entry, "site_name")) or site_name)
            if nodes.value(nodes.get(entry, "default")) is True and not default:
                default = code
        default = default or (languages[0] if languages else "")
    if not languages:
        default = str(theme_lang).replace("_", "-")
        languages = [default]
        settings.folders = False
        settings.language_lines[default] = (nodes.get(theme, "language") or doc).start_mark.line + 1
        settings.site_names[default] = site_name
    languages.remove(default)
    settings.languages = [default, *languages]
    settings.default_language = default

    site = plugins.get("pingan-site")
    if site is not None:
        name = nodes.value(nodes.get(site[0], "hotlines"))
        settings.hotlines_file = root / str(name or "hotlines.yml")
        settings.hotlines_required = True
        editions_dir = root / str(nodes.value(nodes.get(site[0], "editions_dir")) or "editions")
        edition = nodes.value(nodes.get(site[0], "edition"))
        if edition:
            settings.edition_file = editions_dir / f"{edition}.yml"
            settings.edition_line = (nodes.get(site[0], "edition") or site[1]).start_mark.line + 1
        if editions_dir.is_dir():
            settings.edition_files = sorted(editions_dir.glob("*.yml"))
    elif (root / "hotlines.yml").is_file():
        settings.hotlines_file = root / "hotlines.yml"

    quiz = plugins.get("pingan-quiz")
    if quiz is not None:
        settings.quiz_dir = root / str(nodes.value(nodes.get(quiz[0], "quiz_dir")) or "quizzes")
        settings.quiz_dir_line = quiz[1].start_mark.line + 1
        incomplete = nodes.get(quiz[0], "incomplete_languages")
        if isinstance(incomplete, SequenceNode):
            settings.incomplete_languages = [str(nodes.value(n)) for n in incomplete.value]
    elif (root / "quizzes").is_dir():
        settings.quiz_dir = root / "quizzes"

    extensions = list(MKDOCS_BUILTIN_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for name, conf, _where in nodes.named_items(nodes.get(doc, "markdown_extensions")):
        if name not in extensions:
            extensions.append(name)
        value = nodes.value(conf)
        if isinstance(value, dict):
            configs[name] = value
    settings.markdown_extensions, settings.markdown_configs = extensions, configs
    return settings, problems
