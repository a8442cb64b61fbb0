"""PyYAML node helpers shared by every reader of an editor's YAML (quizzes, lessons,
hotlines, editions, mkdocs.yml).

Files are *composed* into nodes that remember their line, so every problem names the
line an editor must fix. Plain Python.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml_env_tag import construct_env_tag

from pingan.core import yamlcache

NULL_TAG = "tag:yaml.org,2002:null"
BOOL_TAG = "tag:yaml.org,2002:bool"
STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"

#: A tab among the spaces that start a line: YAML forbids it, and PyYAML's own
#: message means nothing to an editor, so tabs are found and reported before parsing.
TAB_INDENT_RE = re.compile(r"^ *\t")


#: libyaml's loader, when PyYAML was built with it (the wheels are).
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)
#: What sends a text to PyYAML's own parser: flow collections (``[`` ``]`` ``{`` ``}``),
#: backslashes, and any character but a newline and the printable ones (a tab, a
#: carriage return, NEL, a byte-order mark, controls). libyaml accepts some of these
#: where PyYAML refuses them (``{en: What do you do?}``, a tab inside a plain value).
#: So do a tag (``!``) and an explicit key (``?``) on their own, and a block scalar's
#: header with a comment glued to it (``|#``): libyaml reads ``k: !`` and ``a: b\n?``
#: otherwise, and accepts ``k: >#``, which PyYAML refuses.
#: Searched one at a time, each starting with a character class, which the regex engine
#: scans for quickly (one alternation of them all tried each at every character): the
#: first is every character but a newline and the printable ones other than
#: ``[ \\ ] { }``; the second a ``!`` or ``?`` at the start or after white space.
_PURE_ONLY_RES = (
    re.compile(r"[^\n\x20-\x5a\x5e-\x7a\x7c\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"),
    re.compile(r"[!?](?<!\S[!?])"),
    re.compile(r"[|>][-+0-9]*#"),
)


def _divergent(text: str) -> bool:
    """True when ``text`` holds a character or construct of ``_PURE_ONLY_RES``."""
    return any(pattern.search(text) for pattern in _PURE_ONLY_RES)


#: What both parsers read alike, though it holds a character of ``_PURE_ONLY_RES``
#: (tests/unit/test_yaml_compose.py compares them on thousands of generated texts): a
#: value that ends its line (after ``key: ``, ``- `` or nothing, before an optional
#: comment) and is either a double-quoted scalar on one line (any escape but a tab)
#: or a one-line flow mapping of ``name: value`` pairs, each value quoted or plain
#: (a plain one neither starts with an indicator nor holds ``? : , [ ] { } # " \``).
#: Such spans are taken out before ``_PURE_ONLY_RES`` look: the quiz files write their
#: options' texts so (``text: {zh: 先问一问, en: "\"Ask first.\""}``).
_DQ = r'"(?:[^"\\\n\t]|\\[^\n\t])*"'
_SQ = r"'(?:[^'\n\t]|'')*'"
_PLAIN = r"[^\s?:,\[\]{}#&*!|>'\"%@`\\-](?:[^\n\t?:,\[\]{}#\"\\]*[^\s?:,\[\]{}#\"\\])?"
_PAIR = rf"[A-Za-z][A-Za-z0-9_-]*: +(?:{_DQ}|{_SQ}|{_PLAIN})"
_AGREED_RE = re.compile(
    # (The lookahead first: most places fail at once, before the three lookbehinds.)
    rf"(?=[\"{{])(?:^|(?<=: )|(?<=- ))(?:{_DQ}|\{{ *{_PAIR} *(?:, *{_PAIR} *)*\}})(?=(?: +#[^\n]*)? *$)",
    re.M,
)


def _pure_only(text: str) -> bool:
    """True when ``text`` holds a construct that libyaml may read unlike PyYAML."""
    return _divergent(text) and _divergent(_AGREED_RE.sub("x", text))


def compose(text: str) -> Node | None:
    """The node tree of ``text`` (safe: plain data only), as PyYAML's own parser makes it.

    Every reader must accept exactly the YAML the build accepts, and PyYAML's parser is
    the reference. libyaml (``CSafeLoader``) gives the same nodes, tags, styles and lines
    about ten times faster (a collection's end mark can fall on the next line, which no
    reader uses), but accepts some texts PyYAML refuses; so it composes only
    texts without the constructs where the two differ (``_pure_only``), and any text it
    refuses is composed again by PyYAML, whose error (and message) is the one raised.
    What PyYAML made of a text is kept on disk (:mod:`pingan.core.yamlcache`).
    """
    if _FAST_LOADER is not None and not _pure_only(text):
        try:
            root: Node | None = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
        else:
            _plain_style_as_pyyaml(root)
            return root
    # PyYAML's parser, unless it already read this very text (pingan.core.yamlcache).
    found, cached = yamlcache.load(text)
    if found:
        return cached
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    yamlcache.store(text, root)
    return root


def _plain_style_as_pyyaml(node: Node | None) -> None:
    """libyaml marks a plain scalar's style ``""``, PyYAML ``None``: make them alike."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            if node.style == "":
                node.style = None
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack += (key, value)


def line(node: Node) -> int:
    """1-based line where ``node`` starts."""
    return int(node.start_mark.line) + 1


def get(node: Node | None, key: str) -> Node | None:
    """The value of ``key`` in a mapping node (None if absent or not a mapping)."""
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v
    return None


def scalar(node: Node | None) -> str | None:
    """The text of a scalar node, None for anything else."""
    return node.value if isinstance(node, ScalarNode) else None


def is_null(node: Node) -> bool:
    """True for an empty value (``key:`` with nothing after it)."""
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG


def is_empty(node: Node) -> bool:
    """True for a null or blank scalar."""
    return isinstance(node, ScalarNode) and (node.tag == NULL_TAG or not node.value.strip())


def has_text(node: Node | None) -> bool:
    """True for a scalar with something in it (not empty, not null)."""
    return isinstance(node, ScalarNode) and node.tag != NULL_TAG and bool(node.value.strip())


def describe(node: Node) -> str:
    """How a node looks to an editor, for "… is X; expected Y" messages."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a set of keys"
    assert isinstance(node, ScalarNode)
    if node.tag == NULL_TAG:
        return "empty"
    return f'the text "{node.value}"'


def shown(node: Node) -> str:
    """A value as the editor wrote it after "key:", quotes included."""
    if isinstance(node, ScalarNode) and node.tag != NULL_TAG:
        if node.style in ('"', "'"):
            return f"{node.style}{node.value}{node.style}"
        return str(node.value)
    return describe(node)


def plain(node: Node) -> str:
    """A value for messages: a scalar's text as it is, "a list", "a set of keys"."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a set of keys"
    return str(node.value)


def quoted(node: Node) -> str:
    """A scalar's value in double quotes, or a description for lists and mappings."""
    if isinstance(node, ScalarNode):
        return f'"{node.value}"'
    return describe(node)


def suggest(word: str, choices: Iterable[str], *, lead: str = "expected one of", quote: bool = False) -> str:
    """'; did you mean "x"?' for a near miss, else '; <lead>: a, b, c'."""
    choices = list(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f'; did you mean "{close[0]}"?'
    return f"; {lead}: " + ", ".join(f'"{c}"' if quote else c for c in choices)


def walk(root: Node | None, *, leaf: Callable[[Node], bool] | None = None) -> Iterator[Node]:
    """Every node under ``root`` (itself included) once, though aliases share (or loop back
    to) a node; a mapping's values are walked, not its keys. A node for which ``leaf`` is
    true is yielded but not walked into."""
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if leaf is not None and leaf(node):
            continue
        if isinstance(node, MappingNode):
            stack.extend(value for _key, value in reversed(node.value))
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))


def duplicate_keys(root: Node) -> list[tuple[Node, str]]:
    """Keys written twice in one place (PyYAML silently keeps the last), and keys that are
    not plain words: ``(node, message)`` each."""
    found: list[tuple[Node, str]] = []
    for node in walk(root):
        if isinstance(node, MappingNode):
            first: dict[str, Node] = {}
            for key, _value in node.value:
                if not isinstance(key, ScalarNode):
                    found.append((key, 'a key must be a plain word such as "title"'))
                    continue
                if key.value in first:
                    where = line(first[key.value])
                    found.append((key, f'"{key.value}" is written twice here (first on line {where}); keep only one'))
                else:
                    first[key.value] = key
    return found


# -- YAML syntax errors in plain words -----------------------------------

_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed here",
        'a ":" is in a place where it cannot be; if a text contains ": ", put the whole text in quotes',
    ),
    (
        "could not find expected ':'",
        'a line is missing the ":" after its key, or a text runs over several lines; '
        'check for a missing ":" or put the text in quotes',
    ),
    (
        "found character '\\t' that cannot start any token",
        "there is a tab character here; use spaces, not tabs",
    ),
    (
        "expected a single document in the stream",
        'a quiz file holds one quiz only; remove the second "---" line and what follows it',
    ),
    (
        "found unexpected end of stream",
        "a quote is opened but never closed; add the closing quote",
    ),
    (
        "found undefined alias",
        'a "*" at the start of a value refers to nothing; put the text in quotes',
    ),
    (
        "did not find expected key",
        "this line is not lined up with the lines above it; check the spaces at the start of the line",
    ),
    (
        "did not find expected '-' indicator",
        'this list item is not lined up with the items above it; check the spaces at the start of the line, before "-"',
    ),
    (
        "expected <block end>",
        "this line is not lined up with the lines above it; check the spaces at the start of the line",
    ),
    (
        # PyYAML will not end a plain text with "?" inside { }, a trap for
        # every English question written as {zh: …, en: What do you do?}.
        "expected ',' or '}', but got '?'",
        'a text in { } cannot end with "?" unless it is in quotes, e.g. en: "What do you do?"',
    ),
    (
        "expected ',' or ']', but got '?'",
        'a text in [ ] cannot end with "?" unless it is in quotes; put the text in quotes',
    ),
    (
        "expected ',' or ']'",
        'a list in [ ] is not closed properly; check the closing "]", and put any text '
        'that contains a comma, a colon, a "#" or quotes in quotes',
    ),
    (
        "expected ',' or '}'",
        'a group in { } is not closed properly; check the closing "}", and put any text '
        'that contains a comma, a colon, a "#" or quotes in quotes',
    ),
    (
        "found character '@' that cannot start any token",
        'a value cannot start with "@"; put the text in quotes',
    ),
    (
        "found character '`' that cannot start any token",
        'a value cannot start with "`"; put the text in quotes',
    ),
)


def syntax_message(exc: yaml.MarkedYAMLError, line: int, what: str = "the YAML") -> str:
    """Say in plain words what is wrong with the YAML, keeping PyYAML's mark."""
    problem = exc.problem or ""
    context = exc.context or ""
    hint = next(
        (h for key, h in _SYNTAX_HINTS if key in problem or key in context),
        f'{problem or context}; check the spaces at the start of the line, the ":" after '
        "each key, and quotes around texts",
    )
    # Only for an unfinished token (an unclosed quote…) is the start worth
    # naming; other contexts point at the start of the whole enclosing block.
    start = line
    if exc.context_mark is not None and context.startswith("while scanning"):
        start = exc.context_mark.line + 1
    where = f" (it starts on line {start})" if start != line else ""
    return f"{what} cannot be read here: {hint}{where}"


# -- mkdocs.yml: MkDocs' own tags -------------------------------------------------


class ConfigLoader(yaml.SafeLoader):
    """A safe YAML loader that accepts MkDocs' own tags (``!ENV``, ``!relative``) as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: Node) -> Any:
    """Build the plain value of a node with a tag this loader does not know."""
    if isinstance(node, ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]


ConfigLoader.add_multi_constructor("!", _any_tag)
# MkDocs' own !ENV tag (yaml_env_tag, a dependency of MkDocs, not MkDocs itself).
ConfigLoader.add_constructor("!ENV", construct_env_tag)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def value(node: Node | None) -> Any:
    """The Python value of a node (MkDocs' tags read as plain values)."""
    if node is None:
        return None
    return yaml.load(yaml.serialize(node), Loader=ConfigLoader)


def named_items(node: Node | None) -> list[tuple[str, Node | None, Node]]:
    """Entries of ``plugins:`` or ``markdown_extensions:``: (name, config node, where)."""
    items: list[tuple[str, Node | None, Node]] = []
    if isinstance(node, SequenceNode):
        for item in node.value:
            if isinstance(item, ScalarNode):
                items.append((item.value, None, item))
            elif isinstance(item, MappingNode):
                for k, v in item.value:
                    if isinstance(k, ScalarNode):
                        items.append((k.value, v, k))
    return items
