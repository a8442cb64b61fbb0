"""deploy/nginx.conf in Debian's nginx on 127.0.0.1: precompressed files, cache lines, security headers."""

from __future__ import annotations

import gzip
import http.client
import re
import sys
from pathlib import Path

import brotli
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import nginx as nginx_tools  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nginx(site_dir: Path, tmp_path_factory):
    with nginx_tools.run_nginx(site_dir, tmp_path_factory.mktemp("nginx")) as server:
        yield server


def get(server, path: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(*server, timeout=10)
    headers = {"Accept-Encoding": encoding} if encoding else {}
    conn.request("GET", path, headers=headers)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body


def test_build_wrote_compressed_siblings_and_the_csp_file(site_dir):
    page = site_dir / "index.html"
    assert gzip.decompress((site_dir / "index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress((site_dir / "index.html.br").read_bytes()) == page.read_bytes()
    assert (site_dir / "nginx-csp.conf").read_text().count("add_header Content-Security-Policy") == 1


def test_pages_come_precompressed(nginx, site_dir):
    raw = (site_dir / "index.html").read_bytes()
    status, headers, body = get(nginx, "/", "gzip")
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert "accept-encoding" in headers.get("vary", "").lower()
    assert gzip.decompress(body) == raw
    status, headers, body = get(nginx, "/", None)
    assert status == 200 and "content-encoding" not in headers and body == raw
    if nginx_tools.BROTLI_MODULE.exists():
        status, headers, body = get(nginx, "/", "gzip, deflate, br")
        assert headers["content-encoding"] == "br"
        assert brotli.decompress(body) == raw
        # The .br sibling itself was sent: the same bytes the build wrote.
        assert body == (site_dir / "index.html.br").read_bytes()
    else:  # Debian's nginx without the brotli module: gzip instead, never an error
        status, headers, body = get(nginx, "/", "gzip, deflate, br")
        assert status == 200 and headers["content-encoding"] == "gzip"


def test_cache_lines(nginx, site_dir):
    _s, headers, _b = get(nginx, "/en/lessons/check-first/", "gzip")
    assert headers["cache-control"] == "no-cache"
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).name
    status, headers, _b = get(nginx, f"/assets/javascripts/{bundle}", "gzip")
    assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["content-encoding"] == "gzip"
    _s, headers, _b = get(nginx, "/assets/pingan/quiz.mjs", "gzip")
    assert headers["cache-control"] == "public, max-age=3600, must-revalidate"
    status, _h, _b = get(nginx, "/nginx-csp.conf")
    assert status == 404


def test_security_headers_on_every_kind_of_file(nginx, site_dir):
    policy = re.search(r'Content-Security-Policy "([^"]+)"', (site_dir / "nginx-csp.conf").read_text()).group(1)
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).name
    for path in ("/", "/en/", f"/assets/javascripts/{bundle}", "/assets/pingan/site.css", "/no-such-page/"):
        _status, headers, _b = get(nginx, path, "gzip")
        assert headers["content-security-policy"] == policy, path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "no-referrer", path
        assert "camera=()" in headers["permissions-policy"], path
        assert "server" not in headers or "/" not in headers["server"]  # no version shown
