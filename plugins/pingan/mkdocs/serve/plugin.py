"""``pingan-serve``: after a build, precompress the site and write the CSP include for nginx.

Not for the offline bundle (``OFFLINE=true``): a USB copy is opened from disk,
where neither compressed siblings nor headers are used.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from pingan.deploy.csp import site_policy, write_include
from pingan.deploy.precompress import precompress

log = logging.getLogger("mkdocs.plugins.pingan.serve")


class ServeConfig(Config):
    enabled = c.Type(bool, default=True)
    precompress = c.Type(bool, default=True)
    #: Compressed bytes kept between builds (relative to mkdocs.yml); "" compresses every file afresh.
    cache_dir = c.Type(str, default=".cache/pingan-precompress")


def offline_build(config: Any) -> bool:
    """True when Material's offline plugin is on (the USB bundle)."""
    offline = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    return bool(offline is not None and offline.config.get("enabled"))


class ServePlugin(BasePlugin[ServeConfig]):
    @event_priority(-400)  # last: after every other plugin has written its files (pingan-trust adds
    # each page's CSP <meta> at -300: compressing before it left .gz/.br without it)
    def on_post_build(self, *, config: Any) -> None:
        i18n = config["plugins"].get("i18n")
        # mkdocs-static-i18n builds the other languages nested inside the default one (with
        # ``building`` set): the whole site is there only when the outermost build ends.
        if not self.config.enabled or offline_build(config) or getattr(i18n, "building", False):
            return
        site = Path(config["site_dir"])
        # The policy first: hashes are taken from the pages, before anything else is written.
        write_include(site, site_policy(site))
        if self.config.precompress:
            cache = self.config.cache_dir
            root = Path(config["config_file_path"] or ".").parent
            n = precompress(site, root / cache if cache else None)
            log.debug("precompressed %d files (.gz, .br)", n)
