"""Fixtures for every test: the real site built once per session, served on 127.0.0.1,
and Playwright pointed at the system Chromium."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from chromium import LAUNCH_ARGS, find_chromium  # noqa: E402
from helpers import ROOT, build_site, serve_dir  # noqa: E402

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# Build as a published site would be (mkdocs.yml reads SITE_URL): canonical links, the sitemap
# and the slides' QR codes carry a public address. The default, the local preview address,
# gives no QR code (a phone cannot open it).
os.environ["SITE_URL"] = "https://pingan.example.org/"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's Chromium: Playwright cannot download its own browser here."""
    path = find_chromium()
    if path is None:
        pytest.fail(
            "No Chromium found for the browser tests: run `make test` (it installs one), "
            "or set PLAYWRIGHT_CHROMIUM_EXECUTABLE."
        )
    return {**browser_type_launch_args, "executable_path": path, "args": LAUNCH_ARGS}


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site (mkdocs.yml at the repository root), built once with --strict."""
    return build_site(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """Base URL of the real site served on a free 127.0.0.1 port."""
    with serve_dir(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(site_url: str) -> str:
    """Let browser tests use relative URLs: ``page.goto("en/")``."""
    return site_url
