"""``pingan-offline``: the manifest, the service worker and its register script in every page.

Skipped for the offline bundle (``OFFLINE=true``): from file:// no worker can run.
"""

from __future__ import annotations

import os
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from pingan.core.languages import direction
from pingan.mkdocs.serve.plugin import offline_build
from pingan.mkdocs.state import ending_language, nested_build
from pingan.offline import site_files as sf

HERE = Path(sf.__file__).parent  # register.js and worker.js live beside the plain-Python part


class OfflineConfig(Config):
    enabled = c.Type(bool, default=True)


class OfflinePlugin(BasePlugin[OfflineConfig]):
    def _i18n(self, config: Any) -> Any:
        return config["plugins"].get("i18n")

    def _languages(self, config: Any) -> tuple[list[Any], str]:
        i18n = self._i18n(config)
        if i18n is None:
            lang = str(config["theme"]["language"])
            return [], lang
        langs = [lang for lang in i18n.config.languages if lang.build]
        return langs, i18n.default_language

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        if not self.config.enabled or offline_build(config) or page.url in ("404.html",):
            return output
        root = "../" * page.url.count("/")
        _langs, default = self._languages(config)
        lang, _nested = ending_language(config)
        home = sf.home_dirs([lang], default)[0]
        tags = sf.head_tags(root, f"{root}{home}{sf.MANIFEST}")
        return output.replace("</head>", tags + "</head>", 1)

    @event_priority(-150)  # after the other plugins, before pingan-serve compresses (-400)
    def on_post_build(self, *, config: Any) -> None:
        if not self.config.enabled or offline_build(config) or nested_build(config):
            return
        site = Path(config["site_dir"])
        langs, default = self._languages(config)
        codes = [str(lang.locale) for lang in langs] or [default]
        homes = sf.home_dirs(codes, default)
        for lang, home in zip(codes, homes, strict=True):
            entry = next((x for x in langs if str(x.locale) == lang), None)
            name = str((entry and entry.site_name) or config["site_name"])
            description = str((entry and entry.site_description) or config.get("site_description") or "")
            data = sf.manifest(name, name, description, lang, direction(lang), home)
            sf.write_json(site / home / sf.MANIFEST, data)
        register = site / sf.REGISTER
        register.parent.mkdir(parents=True, exist_ok=True)
        register.write_text((HERE / "register.js").read_text(encoding="utf-8"), encoding="utf-8")
        release = os.environ.get("PINGAN_RELEASE") or sf.release_id(metadata.version("pingan-classroom"), site)
        precache = sf.precache_list(site, homes)
        worker = sf.worker_script((HERE / "worker.js").read_text(encoding="utf-8"), release, precache)
        (site / sf.WORKER).write_text(worker, encoding="utf-8")
