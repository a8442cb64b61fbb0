"""The trust boundary without a browser: allowlist, escaping of each field, invisible characters, CSP."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from markupsafe import Markup

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from injection_corpus import BODY_PAYLOADS, TEXT_PAYLOADS  # noqa: E402

from pingan.content.hotlines import fill_placeholders, load_data  # noqa: E402
from pingan.trust import check_invisible, check_lesson_html, csp_policy, escape_text  # noqa: E402
from pingan.trust.csp import add_csp, inline_scripts, script_hash  # noqa: E402
from pingan.trust.escape import escape_deep, markdown_text, plain_text  # noqa: E402

FRONT = "---\ntitle: A lesson\n---\n\n"
LANGS = ["zh", "en"]


def _lesson(lines: list[str]) -> str:
    return FRONT + "\n\n".join(lines) + "\n"


def test_corpus_is_large_enough() -> None:
    assert len(TEXT_PAYLOADS) >= 25 and len(BODY_PAYLOADS) >= 20


# -- lesson HTML ------------------------------------------------------------------------


def test_every_body_payload_is_an_error_on_its_own_line() -> None:
    source = _lesson([line for line, _ in BODY_PAYLOADS])
    problems = check_lesson_html("content/en/lessons/x.md", source)
    lines = source.split("\n")
    for text, named in BODY_PAYLOADS:
        line = lines.index(text) + 1
        if not named:  # the use of a reference: the problem is on its definition's line
            continue
        here = [p for p in problems if p.line == line]
        assert here, f"line {line} ({text}) is not reported"
        assert any(named.lower() in p.message.lower() for p in here), (text, [p.message for p in here])
        assert all(str(p).startswith(f"content/en/lessons/x.md:{line}: ") for p in here)
        assert not any(p.warning for p in here)


def test_allowed_html_and_markdown_pass() -> None:
    source = _lesson([
        "<details><summary>Answer</summary>\nIt is fine.\n</details>",
        '<figure>\n<img src="../assets/pictures/x.svg" alt="A child asks a police officer" width="200">\n'
        "<figcaption>Ask for help</figcaption>\n</figure>",
        "Press <kbd>Ctrl</kbd>. <abbr title=\"Public Security Bureau\">PSB</abbr>. <mark>Key</mark> idea.",
        "[Call 110](tel:110), [mail](mailto:help@example.org), [law](https://flk.npc.gov.cn/), [page](other.md#part)",
        "![A picture](pictures/scene.svg)",
        "| a | b |\n|:-:|--:|\n| 1 | 2 |",
        '<div class="grid" markdown>\n\n**bold** in HTML\n\n</div>',
        "Code shows HTML as text: `<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```",
        "<!-- <script>a comment</script> -->",
        "Text with a < sign and 3 > 2, and an autolink <https://example.org/>.",
        '!!! note "A note"\n    Admonitions are fine.',
    ])
    extensions = ["toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html", "pymdownx.details"]
    assert check_lesson_html("x.md", source, extensions=extensions) == []


def test_rendered_html_from_the_build_is_checked_too() -> None:
    """What only the build sees (a contact filled in) is placed on the page's first body line."""
    problems = check_lesson_html("x.md", _lesson(["Hello {{ contact.x }}"]), '<p>Hello <a href="javascript:x()">x</a></p>')
    assert [p.line for p in problems] == [5] and "javascript:" in problems[0].message


def test_reserved_ids_are_refused() -> None:
    (problem,) = check_lesson_html("x.md", _lesson(['<div id="__config">x</div>']))
    assert "__config" in problem.message and problem.line == 5


# -- escaping: one path ---------------------------------------------------------------------


def test_escape_text_is_safe_in_text_and_attributes() -> None:
    for payload in TEXT_PAYLOADS:
        escaped = escape_text(payload)
        assert isinstance(escaped, Markup)
        assert not re.search(r"[<>\"']", str(escaped)), payload
        assert plain_text(escaped) == payload
        assert escape_text(escaped) == escaped  # never escaped twice
    assert str(escape_text('学会大声说"不"')) == "学会大声说&#34;不&#34;"


def test_front_matter_values_are_escaped_deep() -> None:
    meta = {"title": "<b>x</b>", "objectives": ["a <i>", "b"], "minutes": 20, "search": {"exclude": True}}
    out = escape_deep(meta)
    assert out["title"] == "&lt;b&gt;x&lt;/b&gt;" and out["objectives"][0] == "a &lt;i&gt;"
    assert out["minutes"] == 20 and out["search"] == {"exclude": True}


def test_hotline_edition_and_contact_texts_are_escaped_by_the_loader(tmp_path: Path) -> None:
    payload = '<img src=x onerror=pwn(1)> "quoted" \'single\''
    data_file = tmp_path / "edition.yml"
    import yaml

    data_file.write_text(yaml.safe_dump({
        "site_name": {lang: payload for lang in LANGS},
        "hotlines": [{"number": "110", "label": {lang: payload for lang in LANGS}}],
        "contacts": {"office": {lang: "[x](javascript:pwn(2)) " + payload for lang in LANGS}},
    }, allow_unicode=True), encoding="utf-8")
    data, given, problems = load_data(data_file, languages=LANGS)
    assert problems == [] and given == {"site_name", "hotlines", "contacts"}
    for text in (data.site_name["en"], data.hotlines[0].label["zh"]):
        assert isinstance(text, Markup) and "<" not in text and '"' not in text and plain_text(text) == payload
    filled, unknown = fill_placeholders("Call {{ contact.office }}.", data.contacts, "en", "zh")
    assert unknown == []
    import markdown

    html = markdown.markdown(filled)
    assert "<a" not in html and "<img" not in html
    assert plain_text(Markup(re.sub(r"</?p>", "", html))) == "Call [x](javascript:pwn(2)) " + payload + "."


def test_markdown_text_keeps_the_text() -> None:
    import markdown

    for payload in TEXT_PAYLOADS:
        html = markdown.markdown(str(markdown_text(payload)))
        assert plain_text(Markup(html.removeprefix("<p>").removesuffix("</p>"))) == payload, payload


# -- invisible characters -------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u2060", "\ufeff"])
def test_bidi_overrides_and_invisible_characters_are_warnings(char: str) -> None:
    text = f"title: ok\ndescription: Call{char}110\n"
    (problem,) = check_invisible("content/en/lessons/x.md", text, first_line=2)
    assert problem.warning and problem.line == 3 and f"U+{ord(char):04X}" in problem.message
    assert str(problem).startswith("content/en/lessons/x.md:3: warning: ")


def test_marks_that_right_to_left_text_needs_are_fine() -> None:
    assert check_invisible("x", "label: ساقچى\u200f 110\u200e\n") == []
    assert check_invisible("x", "label: \u061c١١٠\n") == []
    assert check_invisible("x", "label: ئۆي\u200cلەر\n") == []  # ZWNJ in Uyghur text
    assert check_invisible("x", "family: 👨\u200d👩\u200d👧\n") == []  # emoji sequence
    assert len(check_invisible("x", "label: po\u200clice\n")) == 1  # ZWNJ in Latin text


# -- CSP ----------------------------------------------------------------------------------------


def test_policy_allows_no_other_origin() -> None:
    policy = csp_policy([script_hash("a()")])
    for directive in policy.split("; "):
        name, *sources = directive.split()
        for source in sources:
            assert source in ("'self'", "'none'", "data:", "'unsafe-inline'") or source.startswith("'sha256-"), directive
        if name == "script-src":
            assert sources[0] == "'self'" and all(s.startswith("'sha256-") for s in sources[1:])
    assert "object-src 'none'" in policy and "base-uri 'none'" in policy


def test_add_csp_hashes_every_inline_script_and_is_idempotent() -> None:
    page = (
        '<html><head><meta charset="utf-8"><script>one()</script></head><body>'
        '<script type="module">two()</script><script src="x.js"></script>'
        '<script id="__config" type="application/json">{"a":1}</script></body></html>'
    )
    assert inline_scripts(page) == ["one()", "two()"]
    once = add_csp(page)
    assert once.index("Content-Security-Policy") < once.index("<script>")
    for source in ("one()", "two()"):
        assert script_hash(source) in once
    assert script_hash('{"a":1}') not in once
    assert add_csp(once) == once


def test_site_policy_covers_every_page(tmp_path: Path) -> None:
    """The one header a server can send (deploy/): every page's inline scripts are allowed by it."""
    from pingan.trust.csp import site_policy

    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text("<head><meta charset=utf-8><script>one()</script></head>", encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text("<head><script>two()</script></head>", encoding="utf-8")
    policy = site_policy(tmp_path)
    assert script_hash("one()") in policy and script_hash("two()") in policy
    assert policy == csp_policy(sorted([script_hash("one()"), script_hash("two()")]))
