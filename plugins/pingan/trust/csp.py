"""The Content-Security-Policy of every page: scripts from the site itself, inline ones by hash.

``csp_policy`` is the policy as a string, for the ``<meta http-equiv>`` of each
page and for a web server's header (deploy/ may import it). ``add_csp`` puts it
into a built page, with the hashes of that page's own inline scripts (Material's
and ours), computed when the page is written.

Nothing may come from another origin. ``data:`` is allowed for images and fonts
only, because Material's style sheet draws its icons with ``data:`` SVG masks;
a lesson cannot use it (``lesson_html`` rejects ``data:`` in links and images).
Inline ``style`` is allowed: Material and Python-Markdown set ``style``
attributes (table alignment) and styles cannot run script.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

__all__ = ["add_csp", "csp_policy", "inline_scripts", "script_hash", "site_policy"]

#: Directives besides script-src, in the order they are written.
_BASE_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self' data:"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("frame-src", "'self'"),
    ("manifest-src", "'self'"),
    ("media-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
)
_META_START = '<meta http-equiv="Content-Security-Policy"'
_CHARSET_RE = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_HEAD_RE = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def script_hash(source: str) -> str:
    """The CSP source expression (``'sha256-…'``) that allows one inline script."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def csp_policy(script_hashes: Iterable[str] = (), *, extra_script_sources: Iterable[str] = ()) -> str:
    """The policy: ``script-src 'self'`` plus the given hashes (``'sha256-…'``), nothing from elsewhere.

    ``script_hashes`` are source expressions as :func:`script_hash` makes them.
    ``extra_script_sources`` exists for a server that must add something (keep it empty).
    """
    scripts = ["'self'", *dict.fromkeys(script_hashes), *extra_script_sources]
    directives = [_BASE_DIRECTIVES[0], ("script-src", " ".join(scripts)), *_BASE_DIRECTIVES[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


#: A script element: its attributes and its text (a script's text ends at the first "</script").
_SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC_RE = re.compile(r"\bsrc\s*=", re.IGNORECASE)
#: Script types a browser runs; anything else (application/json) is a data block CSP ignores.
_RUNNABLE = {"", "module", "text/javascript", "application/javascript"}


def inline_scripts(page_html: str) -> list[str]:
    """The source text of every inline script of a page, exactly as the browser hashes it."""
    found = []
    for m in _SCRIPT_RE.finditer(page_html):
        attrs = m.group(1)
        kind = _TYPE_RE.search(attrs)
        if _SRC_RE.search(attrs) or (kind.group(1).lower() if kind else "") not in _RUNNABLE:
            continue
        found.append(m.group(2))
    return found


def add_csp(page_html: str) -> str:
    """``page_html`` with its CSP ``<meta>`` (after ``<meta charset>``, before any script).

    A page that already has one gets it replaced, so running twice changes nothing.
    """
    if _META_START in page_html:
        page_html = re.sub(r"\n?" + re.escape(_META_START) + r"[^>]*>", "", page_html)
    policy = csp_policy(script_hash(s) for s in inline_scripts(page_html))
    tag = f'{_META_START} content="{policy}">'
    m = _CHARSET_RE.search(page_html) or _HEAD_RE.search(page_html)
    if m is None:
        return page_html
    return page_html[: m.end()] + "\n" + tag + page_html[m.end() :]


def site_policy(site_dir: Path) -> str:
    """One policy for every page of a built site (for a web server's header, e.g. deploy/nginx).

    The hashes of every inline script of every page: a server sends the same header for
    all of them. Pages keep their own (narrower) ``<meta>`` policy; a browser applies both.
    """
    hashes = sorted(
        {
            script_hash(s)
            for path in sorted(Path(site_dir).rglob("*.html"))
            for s in inline_scripts(path.read_text(encoding="utf-8"))
        }
    )
    return csp_policy(hashes)


if __name__ == "__main__":  # python -m pingan.trust.csp site/  -> the policy for a server header
    import sys

    sys.stdout.write(site_policy(Path(sys.argv[1] if len(sys.argv) > 1 else "site")) + "\n")
