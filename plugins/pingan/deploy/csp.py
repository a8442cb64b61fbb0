"""The Content-Security-Policy the web server sends, as one string, and its nginx include file.

The policy is the trust layer's (:func:`pingan.trust.csp.site_policy`: only this
site's own files, inline scripts only by the hashes of those the built pages
hold), plus what only a header can say: who may frame the site.
"""

from __future__ import annotations

from pathlib import Path

from pingan.trust import csp as trust_csp

#: Written into the site; nginx includes it (``deploy/pingan-site.conf``) and never serves it.
INCLUDE_NAME = "nginx-csp.conf"
#: Directives a ``<meta>`` policy cannot carry; the header adds them.
HEADER_ONLY = "frame-ancestors 'self'"


def site_policy(site_dir: Path) -> str:
    """The policy for the built site in ``site_dir``: the pages' own, for every page at once."""
    return f"{trust_csp.site_policy(Path(site_dir))}; {HEADER_ONLY}"


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
