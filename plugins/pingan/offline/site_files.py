"""What the worker and the manifests are made of, computed from a built site."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

#: Where the files go in the site.
WORKER = "sw.js"
REGISTER = "assets/pingan/offline-register.js"
MANIFEST = "manifest.webmanifest"
ICON = "assets/pingan/favicon.svg"
#: The site's colours (plugins/pingan/assets/site/site.css: --md-primary-fg-color).
THEME_COLOR = "#00796b"
BACKGROUND_COLOR = "#ffffff"

_REF_RE = re.compile(r'(?:src|href)="([^"#?]+)"')
_CACHEABLE = (".css", ".js", ".mjs", ".svg", ".png", ".jpg", ".jpeg", ".webp", ".webmanifest", ".json")


def release_id(version: str, site_dir: Path) -> str:
    """``<version>-<12 hex>``: the package version and a digest of every page and asset.

    Any change to what is published makes a new release, so the worker replaces its cache
    even when the version number was not raised.
    """
    h = hashlib.sha256()
    root = Path(site_dir)
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix not in (".gz", ".br") and path.name not in (WORKER, "nginx-csp.conf"):
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{version}-{h.hexdigest()[:12]}"


def home_dirs(languages: Iterable[str], default: str) -> list[str]:
    """Each language's home, relative to the site root: ``""`` for the default, ``"en/"`` …"""
    return ["" if lang == default else f"{lang}/" for lang in languages]


def page_assets(site_dir: Path, page_dir: str) -> list[str]:
    """Same-site files a page loads (styles, scripts, pictures), relative to the site root."""
    html = (Path(site_dir) / page_dir / "index.html").read_text(encoding="utf-8")
    found = []
    for ref in _REF_RE.findall(html):
        if ref.startswith(("http:", "https:", "//", "/", "data:", "tel:", "mailto:", "javascript:")):
            continue
        if not ref.lower().endswith(_CACHEABLE):
            continue
        path = PurePosixPath(page_dir or ".") / ref
        parts: list[str] = []
        for part in path.parts:
            if part == "..":
                if parts:
                    parts.pop()
            elif part != ".":
                parts.append(part)
        if parts and (Path(site_dir) / "/".join(parts)).is_file():
            found.append("/".join(parts))
    return list(dict.fromkeys(found))


def precache_list(site_dir: Path, homes: list[str]) -> list[str]:
    """Every home page and what it loads: precached when the worker installs."""
    urls = ["./" if not h else h for h in homes]
    for h in homes:
        urls += page_assets(site_dir, h)
    return list(dict.fromkeys(urls))


def manifest(name: str, short_name: str, description: str, lang: str, direction: str, home: str) -> dict[str, object]:
    """The web app manifest of one language (it lives in that language's home folder)."""
    up = "../" * home.count("/")
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": lang,
        "dir": direction,
        "start_url": "./",
        "scope": up or "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [{"src": up + ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
    }


def worker_script(template: str, release: str, precache: list[str]) -> str:
    """``sw.js``: the template with this release's name and precache list filled in."""
    return template.replace("__RELEASE__", json.dumps(release)).replace(
        "__PRECACHE__", json.dumps(precache, ensure_ascii=False)
    )


def head_tags(root: str, manifest_href: str) -> str:
    """What every page gets before ``</head>``: the manifest, the colour, the register script."""
    return (
        f'<link rel="manifest" href="{manifest_href}">'
        f'<meta name="theme-color" content="{THEME_COLOR}">'
        f'<script src="{root}{REGISTER}" data-pingan-root="{root or "./"}" defer></script>'
    )


def write_json(path: Path, data: Mapping[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
