"""The one path by which text from an editor's file reaches HTML.

Material's Jinja environment does not autoescape, and its templates print
``page.title``, ``page.meta.title``, ``config.site_name`` and ``page.content``
raw. Autoescaping that environment would break Material (``page.content`` is
HTML), so the text is escaped where it enters the site's model instead: the
hotline and edition loader, the front matter of every page, the titles of the
navigation. ``escape_text`` returns :class:`markupsafe.Markup`, which Jinja's
``|e`` filter and markupsafe's ``escape`` leave as it is: text is never
escaped twice, and a template that prints it raw prints it safely.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

__all__ = ["Markup", "escape_deep", "escape_text", "markdown_text", "plain_text"]

#: Characters Python-Markdown reads as syntax and accepts backslash-escaped.
_MARKDOWN_SYNTAX = frozenset("\\`*_{}[]()#+-.!")


def escape_text(value: str) -> Markup:
    """``value`` (text an editor wrote) as HTML that shows exactly that text.

    ``<``, ``>``, ``&``, ``"`` and ``'`` become entities, so the result is safe
    between tags and inside quoted attributes (``content="…"``). Already
    escaped text (Markup) is returned unchanged.
    """
    return escape(value)


def escape_deep(value: Any) -> Any:
    """Every string in ``value`` (dicts and lists, e.g. a page's front matter) escaped.

    Other values (numbers, dates, booleans, None) are kept as they are.
    """
    if isinstance(value, str):
        return escape_text(value)
    if isinstance(value, dict):
        return {k: escape_deep(v) for k, v in value.items()}
    if isinstance(value, list):
        return [escape_deep(v) for v in value]
    if isinstance(value, tuple):
        return tuple(escape_deep(v) for v in value)
    return value


def plain_text(value: str) -> str:
    """The text an escaped value shows (for code that escapes on its own, and for search)."""
    return Markup(value).unescape() if isinstance(value, Markup) else str(value)


def markdown_text(value: str) -> Markup:
    """Text an editor wrote, for insertion into Markdown (``{{ contact.x }}`` in a lesson).

    Markdown syntax is backslash-escaped, so ``[x](javascript:…)`` in a contact stays
    text instead of becoming a link; then the text is HTML-escaped as everywhere else.
    """
    plain = plain_text(value)
    return escape_text("".join(f"\\{ch}" if ch in _MARKDOWN_SYNTAX else ch for ch in plain))
