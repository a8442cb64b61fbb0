"""What a web server needs from a build: precompressed files and the headers' policy.

Plain Python, no MkDocs (:mod:`pingan.mkdocs.serve.plugin` is the thin MkDocs adapter,
``pingan-serve`` in mkdocs.yml). ``deploy/nginx.conf`` serves what this writes.
"""
