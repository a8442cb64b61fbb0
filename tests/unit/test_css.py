"""pingan.core.css: our style sheets served without comments, meaning unchanged."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT

from pingan.core.css import minify_css


def test_comments_and_white_space_go_strings_stay() -> None:
    css = '/* why */\na , b > c {\n  color : red ;\n  content: "a ,  b /* not a comment */" ;\n}\n'
    assert minify_css(css) == 'a,b>c{color : red;content: "a ,  b /* not a comment */"}'


def test_descendants_and_values_keep_their_space() -> None:
    css = "@media screen and (min-width: 10px) {\n  .a .b { border: 1px  solid #000; grid-area: 1 / 2; }\n}"
    assert minify_css(css) == "@media screen and (min-width: 10px){.a .b{border: 1px solid #000;grid-area: 1 / 2}}"


def test_a_comment_between_selectors_joins_them_as_css_reads_it() -> None:
    assert minify_css(".a/**/.b{x:1}") == ".a.b{x:1}"


@pytest.mark.parametrize("name", ["site/site.css", "quiz.css", "print.css", "slides.css"])
def test_our_style_sheets_keep_every_rule(name: str) -> None:
    """As many rules and declarations as before, and a third smaller at least."""
    css = (ROOT / "plugins" / "pingan" / "assets" / name).read_text(encoding="utf-8")
    small = minify_css(css)
    no_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for ch in "{}":
        assert small.count(ch) == no_comments.count(ch)
    assert len(small) < len(css) * 0.8
