"""Text in several languages, as editors write it in quiz, hotline and edition files. Plain Python."""

from __future__ import annotations

import re


class Localized(dict[str, str]):
    """Text in several languages: ``{"zh": "…", "en": "…"}``.

    After loading, every language the site builds is present: a missing
    translation has been filled with the default language's text (and the
    loader has reported it), so renderers simply index by language.
    """

    def text(self, lang: str, default: str = "zh") -> str:
        """Text for ``lang``, else for ``default``, else any text there is."""
        if lang in self:
            return self[lang]
        if default in self:
            return self[default]
        return next(iter(self.values()), "")


#: A contact placeholder in an editor's text: ``{{ contact.police }}``, filled from the
#: hotline file or the edition (``contacts:``) in the language of the page.
CONTACT_RE = re.compile(r"\{\{\s*contact\.(?P<name>[^\s{}]+)\s*\}\}")
