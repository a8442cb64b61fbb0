"""The trust boundary: nothing an editor types can run as script in a reader's browser.

Plain Python (no MkDocs), used by ``make check`` and by the build alike:

- :mod:`.escape`: the one path by which an editor's text reaches HTML (``escape_text``);
- :mod:`.lesson_html`: the HTML a lesson may contain (an allowlist, enforced with nh3),
  every other tag, attribute or URL a ``path:line:`` problem (``check_lesson_html``);
- :mod:`.invisible`: bidi overrides and invisible characters in titles and labels;
- :mod:`.csp`: the Content-Security-Policy every page carries (``csp_policy``);
- :mod:`.publish_lock`: one build at a time swaps ``site/``; stale staging folders go.

The MkDocs adapter is :mod:`pingan.mkdocs.trust.plugin` (entry point ``pingan-trust``).
"""

from pingan.trust.csp import csp_policy
from pingan.trust.escape import escape_text
from pingan.trust.invisible import check_invisible
from pingan.trust.lesson_html import check_lesson_html

__all__ = ["check_invisible", "check_lesson_html", "csp_policy", "escape_text"]
