"""Node trees that PyYAML's own (pure Python) parser made, kept on disk by the text's hash.

Most of the project's YAML goes through libyaml (:func:`pingan.core.yamlnodes.compose`).
Texts with flow collections or backslashes must go through PyYAML's parser, which is the
reference for what the build accepts but reads about ten times slower: the 19 quiz files
that hold ``{zh: …, en: …}`` cost more than half of a build's quiz loading. Their trees
are kept here, so a rebuild (``make build`` again, every save under ``make serve``,
``make check``) composes only the texts that changed.

Exact by construction: an entry is what PyYAML made of exactly that text (the key is the
SHA-256 of the text, with PyYAML's version and this format's), and only trees are kept,
never errors (a text PyYAML refuses is parsed again, for its own message), nor trees with
an alias (a node shared, perhaps with itself: JSON cannot say so). The entries
are JSON, not pickle: reading the cache runs no code. Plain Python.

The folder is ``$PINGAN_CACHE_DIR/yaml`` (default: ``$XDG_CACHE_HOME/pingan-classroom``,
else ``~/.cache/pingan-classroom``); ``PINGAN_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

#: Part of every key: another PyYAML, or another layout of the entries, never reuses one.
FORMAT = f"pyyaml-{yaml.__version__}-nodes-1"
#: Entries kept; past this, the older half goes (one site uses a few dozen).
MAX_ENTRIES = 400
_NAME = "<unicode string>"  # what PyYAML calls a text it was given as a str


def folder() -> Path | None:
    """Where entries live, or None when the cache is off."""
    base = os.environ.get("PINGAN_CACHE_DIR")
    if base == "off":
        return None
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = str(Path(xdg) / "pingan-classroom") if xdg else str(Path.home() / ".cache" / "pingan-classroom")
    return Path(base) / "yaml"


def _key(text: str) -> str:
    return hashlib.sha256(f"{FORMAT}\0{text}".encode()).hexdigest()


def load(text: str) -> tuple[bool, Node | None]:
    """``(True, tree)`` when the cache holds ``text``'s tree, else ``(False, None)``."""
    where = folder()
    if where is None:
        return False, None
    try:
        data = json.loads((where / f"{_key(text)}.json").read_text(encoding="utf-8"))
        return True, _node(data)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return False, None  # absent, or unreadable: compose again (and write it anew)


def store(text: str, root: Node | None) -> None:
    """Keep ``text``'s tree; a cache that cannot be written is no error."""
    where = folder()
    if where is None:
        return
    try:
        data = json.dumps(_data(root, set()), ensure_ascii=False, separators=(",", ":"))
    except _Shared:
        return  # an alias: the tree shares a node (perhaps with itself), which JSON cannot keep
    try:
        where.mkdir(parents=True, exist_ok=True)
        target = where / f"{_key(text)}.json"
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        tmp.write_text(data, encoding="utf-8")
        os.replace(tmp, target)  # never a half-written entry, even with two builds at once
        entries = sorted(where.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in entries[: len(entries) - MAX_ENTRIES // 2] if len(entries) > MAX_ENTRIES else []:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _mark(mark: Any) -> list[int]:
    return [mark.index, mark.line, mark.column]


class _Shared(Exception):
    """A node met twice: the text has an alias."""


def _data(node: Node | None, seen: set[int]) -> Any:
    if node is None:
        return None
    if id(node) in seen:
        raise _Shared
    seen.add(id(node))
    marks = [_mark(node.start_mark), _mark(node.end_mark)]
    if isinstance(node, ScalarNode):
        return ["s", node.tag, node.value, node.style, *marks]
    if isinstance(node, SequenceNode):
        return ["q", node.tag, [_data(n, seen) for n in node.value], node.flow_style, *marks]
    assert isinstance(node, MappingNode)
    return ["m", node.tag, [[_data(k, seen), _data(v, seen)] for k, v in node.value], node.flow_style, *marks]


def _node(data: Any) -> Node | None:
    if data is None:
        return None
    kind, tag, value, style, start, end = data
    first, last = (yaml.Mark(_NAME, index, line, column, None, None) for index, line, column in (start, end))  # type: ignore[arg-type]
    if kind == "s":
        return ScalarNode(tag, value, start_mark=first, end_mark=last, style=style)
    if kind == "q":
        return SequenceNode(tag, [_node(n) for n in value], start_mark=first, end_mark=last, flow_style=style)
    if kind == "m":
        pairs = [(_node(k), _node(v)) for k, v in value]
        return MappingNode(tag, pairs, start_mark=first, end_mark=last, flow_style=style)
    raise KeyError(kind)
