"""Phones offline: a web app manifest per language and a service worker, versioned by release.

Plain Python, no MkDocs (:mod:`pingan.mkdocs.offline.plugin` is the ``pingan-offline``
adapter). The worker (``sw.js`` at the site root, from ``worker.js`` here)
precaches every language's home page, whose "Get help" box holds the hotlines,
with what it needs, and caches each page a reader opens, with its quiz script,
styles and pictures, so a lesson opened once opens again in airplane mode. Its
cache is named after the release: a new release installs a new worker, which
deletes the old cache. Only this site's own files are cached or fetched.
Registration is an external script (``register.js``): no inline script.
The offline bundle (file://) gets none of this: no worker runs there.
"""
