"""Our style sheets as the site serves them: without comments and needless white space.

The sources keep their comments (they say why a rule is there); a phone on a slow network
should not download them (issue 14: 85 KB first load). Strings are kept exactly as written.
Plain Python.
"""

from __future__ import annotations

import functools
import re

__all__ = ["minify_css"]

#: A string, a comment, a run of white space, one of ``{};,>``, or anything else up to the next of these.
_TOKEN_RE = re.compile(r""""(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|/\*.*?\*/|\s+|[{};,>]|[^"'/\s{};,>]+|/""", re.S)
#: Characters around which white space means nothing.
_TIGHT = frozenset("{};,>")


@functools.lru_cache(maxsize=32)
def minify_css(css: str) -> str:
    """``css`` without comments, with white space cut to one space where it may matter
    (``a b``, ``1px solid``) and dropped beside ``{ } ; , >``; ``;}`` becomes ``}``.

    Kept by text: each language's build run asks again for the same few style sheets."""
    out: list[str] = []
    space = False
    for m in _TOKEN_RE.finditer(css):
        token = m.group(0)
        if token.startswith("/*"):
            continue  # as CSS reads it: ".a/**/.b" is ".a.b"
        if token.isspace():
            space = True
            continue
        if space and out and out[-1][-1] not in _TIGHT and token[0] not in _TIGHT:
            out.append(" ")
        space = False
        if token.startswith("}") and out and out[-1] == ";":
            out.pop()
        out.append(token)
    return "".join(out)
