"""pingan.quiz.render: the quiz as plain HTML that reads without JavaScript and on paper."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import ROOT

from pingan.core.catalogs import quiz_strings
from pingan.quiz.loader import load_quizzes
from pingan.core.text import Localized
from pingan.quiz.model import Option, Question, Quiz
from pingan.quiz.render import block_markdown, inline_markdown, render_quiz, strings_script

GOOD = ROOT / "tests" / "fixtures" / "quizzes" / "good"
VOID = {"input", "br", "img", "hr", "meta", "link"}


# -- a tiny DOM, enough to ask questions about the markup ------------------------


@dataclass
class Node:
    """An element: tag, attributes, children, and the text directly inside it."""

    tag: str
    attrs: dict[str, str | None]
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    texts: list[str] = field(default_factory=list)

    def iter(self):
        for child in self.children:
            yield child
            yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str | None) -> list[Node]:
        out = []
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            if cls and cls not in (n.attrs.get("class") or "").split():
                continue
            if any(n.attrs.get(k.replace("_", "-"), "<absent>") != v for k, v in attrs.items()):
                continue
            out.append(n)
        return out

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str | None) -> Node:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]

    @property
    def text(self) -> str:
        return " ".join("".join(self._text()).split())

    def _text(self):
        # Texts and children interleave; order is not needed for these checks.
        yield from self.texts
        for c in self.children:
            yield " "
            yield from c._text()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), parent=self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        assert n is not self.root, f"stray </{tag}>"
        self.cur = n.parent

    def handle_data(self, data):
        self.cur.texts.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    assert builder.cur is builder.root, "unclosed element"
    return builder.root


# -- fixtures ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> Quiz:
    result = load_quizzes(GOOD, languages=["zh", "en"], default_language="zh", root=GOOD.parent)
    assert not result.errors
    return result.quizzes["demo"]


def render(quiz: Quiz, lang: str = "en", **kw) -> Node:
    return parse(render_quiz(quiz, lang=lang, default_language="zh", strings=quiz_strings(lang), **kw))


def question(tree: Node, qid: str) -> Node:
    return tree.find("div", "pa-quiz__question", data_pa_q=qid)


def L(zh: str, en: str | None = None) -> Localized:  # noqa: N802 - reads like the YAML
    return Localized({"zh": zh, "en": zh if en is None else en})


# -- structure -------------------------------------------------------------------


def test_quiz_is_a_labelled_region_with_form_and_versioned_data(demo: Quiz) -> None:
    """A <section> named by its title, a form that never submits anywhere, the data the script needs."""
    tree = render(demo)
    section = tree.find("section", "pa-quiz")
    title = tree.find(cls="pa-quiz__title")
    assert section.attrs["aria-labelledby"] == title.attrs["id"]
    assert title.tag == "h3" and title.text == "Check first, then decide"
    assert section.attrs["data-pa-quiz"] == "demo"
    assert section.attrs["data-pa-version"] == demo.digest
    assert section.attrs["data-pa-lang"] == "en"
    assert section.find("form").attrs["method"] == "dialog"  # a stray Enter never reloads
    assert section.find(cls="pa-quiz__status").attrs["role"] == "status"


def test_heading_level_follows_the_page(demo: Quiz) -> None:
    """The title is one level below the heading the quiz stands under."""
    assert render(demo, heading_level=2).find(cls="pa-quiz__title").tag == "h2"
    assert render(demo, heading_level=9).find(cls="pa-quiz__title").tag == "h6"


def test_every_question_is_a_fieldset_with_legend_labels_and_hidden_check(demo: Quiz) -> None:
    """fieldset + legend, one label per input, a Check button the script reveals, a closed <details>."""
    tree = render(demo)
    ids = [n.attrs["id"] for n in tree.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids)), "element ids must be unique"
    for q in tree.find_all("div", "pa-quiz__question"):
        fieldset = q.find("fieldset")
        assert fieldset.children[0].tag == "legend"
        for inp in fieldset.find_all("input"):
            label = inp.parent
            assert label.tag == "label" and label.attrs["for"] == inp.attrs["id"]
            assert inp.attrs["name"] == fieldset.find("input").attrs["name"]
        button = q.find("button", "pa-quiz__check")
        assert button.attrs["type"] == "button" and "hidden" in button.attrs
        assert button.text == "Check"
        details = q.find("details", "pa-quiz__answer")
        assert "open" not in details.attrs
        assert details.find("summary").text == "Answer and explanation"
        assert details.find(cls="pa-quiz__explanation").text


def test_single_choice(demo: Quiz) -> None:
    """Radios, "Choose one", one right option marked for the script and in the answer box."""
    q = question(render(demo), "ask-first")
    assert q.attrs["data-pa-kind"] == "single"
    assert q.find(cls="pa-quiz__count").text == "Question 1 of 4"
    assert q.find(cls="pa-quiz__hint").text == "Choose one"
    inputs = q.find_all("input")
    assert [i.attrs["type"] for i in inputs] == ["radio"] * 3
    assert [("data-pa-correct" in i.attrs) for i in inputs] == [True, False, False]
    right = q.find("li", "pa-quiz__note--correct")
    assert "Right answer" in right.text and "Ask my parent or teacher first" in right.text
    assert "Don't rush off" in q.find("li", data_pa_for="1").text


def test_multiple_choice(demo: Quiz) -> None:
    """Check boxes, "Choose all that apply", every right option marked."""
    q = question(render(demo), "who-to-ask")
    assert q.find(cls="pa-quiz__hint").text == "Choose all that apply"
    inputs = q.find_all("input")
    assert {i.attrs["type"] for i in inputs} == {"checkbox"}
    assert sum("data-pa-correct" in i.attrs for i in inputs) == 2
    assert len(q.find_all("li", "pa-quiz__note--correct")) == 2


def test_true_false_labels_come_from_the_catalog(demo: Quiz) -> None:
    """Two radios valued true/false, labelled in the page's language, with if_true/if_false."""
    for lang, labels in (("en", ["True", "False"]), ("zh", ["对", "错"])):
        q = question(render(demo, lang), "sweets")
        inputs = q.find_all("input")
        assert [i.attrs["value"] for i in inputs] == ["true", "false"]
        assert [i.parent.find(cls="pa-quiz__text").text for i in inputs] == labels
        assert "data-pa-correct" in inputs[1].attrs
    q = question(render(demo), "sweets")
    assert "Think again" in q.find("li", data_pa_for="true").text


def test_scenario_situation_describes_the_group(demo: Quiz) -> None:
    """The situation comes before the choices and describes the fieldset; choices carry their consequence."""
    q = question(render(demo), "school-gate")
    situation = q.find(cls="pa-quiz__situation")
    assert "Mr Wang" in situation.text
    assert q.find("fieldset").attrs["aria-describedby"] == situation.attrs["id"]
    assert q.find(cls="pa-quiz__prompt").text == "What would you do?"
    assert q.find("input", value="1").attrs["data-pa-next"] == "school-gate-password"
    assert "At the corner" in q.find("li", data_pa_for="1").text


def test_follow_up_comes_right_after_its_parent_with_a_note(demo: Quiz) -> None:
    """Without JavaScript a follow-up reads after its parent, saying which choice leads there."""
    tree = render(demo)
    order = [q.attrs["data-pa-q"] for q in tree.find_all("div", "pa-quiz__question")]
    assert order.index("school-gate-password") == order.index("school-gate") + 1
    follow = question(tree, "school-gate-password")
    assert "data-pa-followup" in follow.attrs
    assert "hidden" not in follow.attrs  # hidden only by the script
    assert follow.find(cls="pa-quiz__count").text == "Follow-up"
    assert follow.find(cls="pa-quiz__branch").text == "If you chose “Go with Mr Wang: I know him”"


def test_chinese_rendering_uses_chinese_words(demo: Quiz) -> None:
    """The UI words and the quiz text are in the page's language."""
    tree = render(demo, "zh")
    assert tree.find(cls="pa-quiz__title").text == "先问一问，再决定"
    assert question(tree, "ask-first").find(cls="pa-quiz__count").text == "第 1 题，共 4 题"
    assert tree.find("summary").text == "答案和解析"


# -- text safety ---------------------------------------------------------------------

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)"> & "quotes"'


def _evil_quiz() -> Quiz:
    bad = L(EVIL)
    return Quiz(
        id="evil",
        path="quizzes/evil.yml",
        title=bad,
        intro=bad,
        digest="0" * 12,
        questions=(
            Question(
                id="q",
                kind="scenario",
                situation=bad,
                prompt=bad,
                explanation=bad,
                line=1,
                options=(
                    Option(text=bad, correct=True, line=2, feedback=bad),
                    Option(text=L("ok"), correct=False, line=3, feedback=bad),
                ),
            ),
        ),
    )


def test_html_in_quiz_text_is_shown_as_text_and_never_runs() -> None:
    """<script> and onerror= in every kind of quiz text end up as text, not markup."""
    html = render_quiz(_evil_quiz(), lang="en", default_language="zh", strings=quiz_strings("en"))
    tree = parse(html)
    assert not tree.find_all("script") and not tree.find_all("img")
    assert not any(k.startswith("on") for n in tree.iter() for k in n.attrs)
    # title, intro, situation, prompt, option (label and answer box), 2 feedbacks, explanation
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 9
    assert EVIL in tree.find(cls="pa-quiz__title").text


@pytest.mark.parametrize(
    ("source", "html"),
    [
        ("Call [110](tel:110) now", 'Call <a href="tel:110">110</a> now'),
        ("**Never** go *alone*", "<strong>Never</strong> go <em>alone</em>"),
        ("Type `<b>`", "Type <code>&lt;b&gt;</code>"),
        ("[site](https://example.org/?a=1&b=2)", '<a href="https://example.org/?a=1&amp;b=2">site</a>'),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ('[x](" onmouseover="alert(1))', '[x](" onmouseover="alert(1))'),
        ("[x](data:text/html,hi)", "[x](data:text/html,hi)"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("a\x00b", "ab"),
    ],
)
def test_tiny_markdown_subset(source: str, html: str) -> None:
    """Bold, emphasis, code and safe links; anything else stays literal text."""
    assert inline_markdown(source) == html


def test_block_markdown_makes_paragraphs() -> None:
    """A blank line starts a new paragraph; single newlines are spaces."""
    assert block_markdown("one\ntwo\n\n<three>") == "<p>one two</p><p>&lt;three&gt;</p>"


def test_strings_script_cannot_be_closed_by_a_translation() -> None:
    """A translation holding </script> stays inside the JSON."""
    strings = dict(quiz_strings("en"), check="</script><script>alert(1)//")
    html = strings_script(strings)
    assert html.count("</script>") == 1
    payload = re.search(r">(.*)</script>", html).group(1)
    assert json.loads(payload)["check"] == strings["check"]


# -- languages ---------------------------------------------------------------------


def test_fallback_text_is_marked_with_its_language(demo: Quiz) -> None:
    """A text that fell back to Chinese on an English page says lang="zh"."""
    quiz = replace(demo, title=L("先问一问"), incomplete_languages=frozenset({"en"}))
    title = render(quiz).find(cls="pa-quiz__title")
    assert title.find("span").attrs["lang"] == "zh"
    assert title.text == "先问一问"
    assert not render(demo).find(cls="pa-quiz__title").find_all("span")


def test_quiz_and_its_slides_mark_the_same_fallbacks(demo: Quiz) -> None:
    """A text with no English at all is marked lang="zh" too, in the quiz and on its slides:
    both use one QuizText, so they cannot disagree about what fell back."""
    from pingan.slides import deck_strings, quiz_slides

    quiz = replace(demo, title=Localized({"zh": "先问一问"}))
    assert render(quiz).find(cls="pa-quiz__title").find("span").attrs["lang"] == "zh"
    opening = quiz_slides(quiz, lang="en", default_language="zh", strings={**quiz_strings("en"), **deck_strings("en")})[0]
    assert '<span lang="zh">先问一问</span>' in opening.heading + opening.body


def test_same_quiz_twice_on_a_page_gets_distinct_ids(demo: Quiz) -> None:
    """uid keeps element ids and radio names apart when a quiz appears twice."""
    one, two = render(demo), render(demo, uid="demo-2")
    ids = {n.attrs["id"] for t in (one, two) for n in t.iter() if "id" in n.attrs}
    assert len(ids) == sum(1 for t in (one, two) for n in t.iter() if "id" in n.attrs)


def test_render_does_not_import_mkdocs() -> None:
    """render, the model and i18n are plain Python: usable without MkDocs."""
    code = (
        "import sys, pingan.quiz.render, pingan.core.catalogs; "
        "sys.exit(any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False, cwd=Path(ROOT)).returncode == 0
