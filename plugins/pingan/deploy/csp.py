"""The Content-Security-Policy the web server sends, as one string, and its nginx include file.

The policy comes from the trust layer's builder (#13, ``pingan.trust``) when it is
there; until then from :func:`fallback_policy`: only this site's own files, no
inline script except the exact ones Material writes into each page (allowed by
their SHA-256 hashes, computed from the built site).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

#: Written into the site; nginx includes it (``deploy/pingan-site.conf``) and never serves it.
INCLUDE_NAME = "nginx-csp.conf"

_SCRIPT_RE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)


def inline_script_hashes(site_dir: Path) -> list[str]:
    """``'sha256-…'`` of every distinct inline script (not JSON data) of the site's pages."""
    found: set[str] = set()
    for page in Path(site_dir).rglob("*.html"):
        for m in _SCRIPT_RE.finditer(page.read_text(encoding="utf-8", errors="replace")):
            attrs = m.group("attrs").lower()
            if "src=" in attrs or "application/json" in attrs or "application/ld+json" in attrs:
                continue
            if not m.group("body").strip():
                continue
            digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
            found.add("'sha256-" + base64.b64encode(digest).decode() + "'")
    return sorted(found)


def fallback_policy(site_dir: Path) -> str:
    """Everything from this host only; inline scripts only by hash."""
    scripts = " ".join(["'self'", *inline_script_hashes(site_dir)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


def _trust_builder() -> Callable[[Path], str] | None:
    """The trust layer's policy builder, when that layer is installed."""
    try:
        from pingan.trust import csp as trust_csp  # type: ignore[import-not-found]
    except ImportError:
        return None
    for name in ("policy_for_site", "content_security_policy", "policy"):
        builder = getattr(trust_csp, name, None)
        if callable(builder):
            return builder
    return None


def site_policy(site_dir: Path) -> str:
    """The policy for the built site in ``site_dir``."""
    builder = _trust_builder()
    if builder is not None:
        try:
            return str(builder(site_dir))
        except TypeError:
            return str(builder())  # type: ignore[call-arg]
    return fallback_policy(site_dir)


def write_include(site_dir: Path, policy: str) -> Path:
    """``<site>/nginx-csp.conf``: the header line nginx includes."""
    if '"' in policy or "\n" in policy:
        raise ValueError("a Content-Security-Policy cannot hold quotes or line breaks")
    path = Path(site_dir) / INCLUDE_NAME
    path.write_text(
        "# Written by the build (pingan.deploy.csp): the Content-Security-Policy of this release.\n"
        f'add_header Content-Security-Policy "{policy}" always;\n',
        encoding="utf-8",
    )
    return path
