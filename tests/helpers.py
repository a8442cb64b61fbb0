"""Shared test helpers: build a MkDocs project, serve a folder on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: What a copy of the real project needs to build.
PROJECT_FILES = ("mkdocs.yml", "hotlines.yml", "content", "quizzes", "overrides")


def build_site(project_dir: Path, site_dir: Path, strict: bool = True, **overrides: object) -> Path:
    """Build ``project_dir/mkdocs.yml`` into ``site_dir`` as ``mkdocs build`` would."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(
        config_file=str(project_dir / "mkdocs.yml"), site_dir=str(site_dir), strict=strict, **overrides
    )
    build(config)
    return site_dir


def copy_project(dest: Path) -> Path:
    """A copy of the real project in ``dest``, for tests that change content."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def serve_dir(path: Path) -> Iterator[str]:
    """Serve ``path`` over HTTP on a free 127.0.0.1 port; yield the base URL (ends with /)."""
    handler = functools.partial(_QuietHandler, directory=str(path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def built_pages(site_dir: Path) -> list[str]:
    """URL paths of every page of a built site ("", "about/", "en/lessons/x/" …)."""
    pages = []
    for index in sorted(site_dir.rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


@functools.cache
def site_languages(project_dir: Path = ROOT) -> dict[str, str]:
    """The built languages of a project: URL prefix ("" for the default) -> language code."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(project_dir / "mkdocs.yml"))
    i18n = config.plugins["i18n"]
    return {("" if lang.default else lang.link.strip("/")): lang.locale for lang in i18n.config.languages if lang.build}


def childrens_lessons(project_dir: Path = ROOT) -> list[str]:
    """The zh lessons whose front matter says ``audience: children``, by file name."""
    import yaml

    from pingan.content.pages import split_front_matter

    names = []
    for path in sorted((project_dir / "content" / "zh" / "lessons").glob("*.md")):
        yaml_text = split_front_matter(path.read_text(encoding="utf-8")).yaml_text
        if yaml_text and (yaml.safe_load(yaml_text) or {}).get("audience") == "children":
            names.append(path.stem)
    return names


def lang_of(path: str, project_dir: Path = ROOT) -> str:
    """The language of a built page from its URL path ("en/about/" -> "en")."""
    langs = site_languages(project_dir)
    first = path.split("/", 1)[0]
    return langs.get(first, langs[""])


def count_quiz_reads(monkeypatch: pytest.MonkeyPatch, quiz_dir: Path) -> dict[str, int]:
    """Count every read of a file in ``quiz_dir`` (bytes, text or open), by file name."""
    import builtins
    import io

    reads: dict[str, int] = {}
    folder = quiz_dir.resolve()

    def note(path: object) -> None:
        try:
            p = Path(os.fspath(path)).resolve()  # type: ignore[arg-type]
        except TypeError:
            return
        if p.parent == folder:
            reads[p.name] = reads.get(p.name, 0) + 1

    real_open, real_io_open = builtins.open, io.open

    def counting_open(file, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        note(file)
        return real_open(file, *args, **kwargs)

    def counting_io_open(file, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        note(file)
        return real_io_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(io, "open", counting_io_open)
    return reads
