"""pingan.slides: a lesson's HTML cut into slides, a quiz as class slides, the QR code."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import segno
from helpers import ROOT, built_pages

from pingan import slides
from pingan.core import paths
from pingan.core import catalogs as i18n
from pingan.quiz.loader import load_quizzes
from pingan.core.text import Localized
from pingan.quiz.model import Option, Question, Quiz
from pingan.quiz.render import inline_markdown
from pingan.slides.deck import POINT_MAX_EM
from pingan.slides.paginate import em_width

STRINGS = {**i18n.quiz_strings("en"), **slides.deck_strings("en")}


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _lesson(*sections: tuple[str, str], intro: str = "") -> str:
    out = [intro]
    for n, (title, body) in enumerate(sections, start=1):
        out.append(f'<h2 id="s{n}">{title}<a class="headerlink" href="#s{n}" title="Permanent link">&para;</a></h2>')
        out.append(body)
    return "\n".join(out)


# -- sections -------------------------------------------------------------------------


def test_one_section_per_h2_with_intro_and_no_permalinks() -> None:
    """Text before the first <h2> is the introduction; headings lose their ¶ anchor."""
    intro, sections = slides.split_sections(
        _lesson(("A story", "<p>Once.</p>"), ("Key points", "<ul>\n<li>One</li>\n</ul>"), intro="<h1>T</h1><p>Hi</p>")
    )
    assert intro == "<p>Hi</p>"
    assert [(s.heading, s.heading_id) for s in sections] == [("A story", "s1"), ("Key points", "s2")]
    assert sections[1].body == "<ul>\n<li>One</li>\n</ul>"
    assert "headerlink" not in sections[0].heading


def test_h2_inside_a_block_does_not_start_a_section() -> None:
    """Only top-level headings cut the lesson (an <h2> inside a box stays in its section)."""
    _intro, sections = slides.split_sections(_lesson(("Only", '<div class="admonition"><h2>Inner</h2><p>x</p></div>')))
    assert len(sections) == 1 and "Inner" in sections[0].body


def test_lesson_slides_keep_short_sections_whole_and_drop_scripts() -> None:
    """A short section is one slide; scripts never reach a slide."""
    html = _lesson(("A story", "<p>Once.</p><script>alert(1)</script>"), ("Talk", "<ol>\n<li>Why?</li>\n</ol>"))
    made = slides.lesson_slides(html, strings=STRINGS)
    assert [(s.kind, s.heading, s.anchor) for s in made] == [("section", "A story", "s1"), ("section", "Talk", "s2")]
    assert "<script" not in made[0].body and "Once." in made[0].body


def test_long_list_continues_on_the_next_slide_with_its_numbers() -> None:
    """A list too long for one slide is cut between items; an <ol> goes on counting."""
    items = "\n".join(
        f"<li>{'Step number %d, explained in a full sentence of words. ' % n * 3}</li>" for n in range(1, 10)
    )
    made = slides.lesson_slides(_lesson(("What to do", f"<ol>\n{items}\n</ol>")), strings=STRINGS)
    assert len(made) >= 2
    assert made[0].heading == "What to do" and not made[0].continued
    assert all(s.continued and s.heading == "What to do (continued)" for s in made[1:])
    shown = sum(s.body.count("<li>") for s in made)
    assert shown == 9
    first_count = made[0].body.count("<li>")
    assert f'<ol start="{first_count + 1}">' in made[1].body


def test_pages_are_balanced_not_one_full_and_one_nearly_empty() -> None:
    """Five short paragraphs that need two slides are shared three and two, not four and one."""
    para = "<p>A sentence that is long enough to fill most of a projected line.</p>"
    assert slides.block_lines(para) == pytest.approx(2.4)
    pages = slides.paginate([para] * 5, budget=10)
    assert [len(p) for p in pages] == [3, 2]


def test_heading_stays_with_what_follows() -> None:
    """An <h3> never ends a slide on its own."""
    para = "<p>" + "Words on a slide for the class to read together. " * 5 + "</p>"
    pages = slides.paginate([para, para, "<h3>Next part</h3>", para], budget=10)
    for page in pages:
        assert not page[-1].startswith("<h3")


def test_long_paragraph_is_cut_between_sentences() -> None:
    """A paragraph longer than any slide is cut at sentence ends, never inside <strong>."""
    sentence = "This is one sentence of a long legal paragraph, with <strong>Art. 11. Bold</strong> words. "
    pages = slides.paginate(["<p>" + sentence * 12 + "</p>"], budget=6)
    assert len(pages) > 1
    for page in pages:
        assert page[0].startswith("<p>") and page[0].endswith("</p>")
        assert page[0].count("<strong>") == page[0].count("</strong>")


def test_very_long_bullet_goes_on_without_a_bullet() -> None:
    """A bullet longer than half a slide is cut between sentences; the rest has no bullet."""
    long = "<li>" + "A long sentence about the law and what it asks of everyone here. " * 12 + "</li>"
    html = _lesson(("Key points", f"<ul>\n<li>Short.</li>\n{long}\n</ul>"))
    made = slides.lesson_slides(html, strings=STRINGS)
    body = "".join(s.body for s in made)
    assert body.count("<li>") == 2 and body.count('<li class="pa-more">') >= 1
    assert _text(body).count("A long sentence") == 12


_PICTURE = '<p><svg class="pa-picture" role="img" aria-label="A girl at the school gate"><rect/></svg></p>'
_SOURCES = ("Sources", "<ul>\n<li>S1</li>\n<li>S2</li>\n</ul>")


def test_a_picture_takes_half_a_slide_as_img_or_as_inline_svg() -> None:
    """The deck cuts its slides from the lesson's <img> pictures and writes them as inline
    SVG afterwards (issue 12: no scanning of drawings): both forms must count alike, or the
    slides would change with the order of those steps."""
    img = (
        '<p><img alt="A girl at the school gate, thinking: check first." '
        'src="../assets/pingan/pictures/check-first-1.svg" width="240" height="180" class="pa-picture"></p>'
    )
    assert slides.block_lines(img) == slides.block_lines(_PICTURE) == slides.LINES_PER_SLIDE / 2
    assert slides.block_lines('<p>Look: <img alt="" src="x.png" class="pa-picture"> here.</p>') < 2


def test_a_section_that_is_one_bulleted_list_shows_one_key_point_per_slide() -> None:
    """Key points (issue 14): each item of a bare bulleted list on its own slide, in large
    type, counted; the sources (a lesson's last section) and numbered lists stay lists."""
    points = (
        "<ul>\n<li>Check <strong>first</strong>.</li>\n<li>A good adult waits.</li>\n<li>Shout and run.</li>\n</ul>"
    )
    steps = "<ol>\n<li>Stop.</li>\n<li>Ask.</li>\n</ol>"
    made = slides.lesson_slides(_lesson(("Key points", points), ("What to do", steps), _SOURCES), strings=STRINGS)
    assert [s.kind for s in made] == ["point", "point", "point", "section", "section"]
    assert [_text(s.body) for s in made[:3]] == ["Check first .", "A good adult waits.", "Shout and run."]
    assert all(s.heading == "Key points" and s.anchor == "s1" for s in made[:3])
    assert [_text(s.kicker) for s in made[:3]] == ["1 / 3", "2 / 3", "3 / 3"]
    assert [s.continued for s in made[:3]] == [False, True, True]
    assert all('class="pa-big pa-point pa-big--l"' in s.body for s in made[:3])
    assert "<li>" in made[4].body  # the sources


def test_lists_after_a_short_lead_in_are_key_points_under_it() -> None:
    """A short paragraph just before a list (its lead-in) shows above each of its items; a
    second paragraph in a row, or a long one, keeps the section as it is."""
    body = "<p>Tricks:</p>\n<ul>\n<li>A lost puppy.</li>\n<li>Sweets.</li>\n</ul>\n<p><strong>At home</strong></p>\n<ul>\n<li>Lock the door.</li>\n</ul>"
    made = slides.lesson_slides(_lesson(("Key points", body), _SOURCES), strings=STRINGS)
    assert [s.kind for s in made[:3]] == ["point"] * 3
    assert [_text(s.body) for s in made[:3]] == ["Tricks: A lost puppy.", "Tricks: Sweets.", "At home Lock the door."]
    assert [s.body.count('<p class="pa-point__lead') for s in made[:3]] == [1, 1, 1]
    assert "pa-point__lead--again" in made[1].body and "--again" not in made[0].body + made[2].body
    two = "<p>One.</p>\n<p>Two.</p>\n<ul>\n<li>A.</li>\n<li>B.</li>\n</ul>"
    long = f"<p>{'A long introduction to the list. ' * 10}</p>\n<ul>\n<li>A.</li>\n<li>B.</li>\n</ul>"
    for body in (two, long):
        assert slides.lesson_slides(_lesson(("Key points", body), _SOURCES), strings=STRINGS)[0].kind == "section"


def test_key_points_are_set_smaller_as_they_grow_and_too_long_ones_stay_a_list() -> None:
    """The type size follows the text's width; an item wider than POINT_MAX_EM keeps the list."""
    medium, small = "word " * 40, "word " * 70
    made = slides.lesson_slides(
        _lesson(("Key points", f"<ul>\n<li>{medium}</li>\n<li>{small}</li>\n</ul>"), _SOURCES), strings=STRINGS
    )
    assert ["pa-big--m" in made[0].body, "pa-big--s" in made[1].body] == [True, True]
    huge = "A long sentence about the law and what it asks. " * 10
    made = slides.lesson_slides(
        _lesson(("Key points", f"<ul>\n<li>Short.</li>\n<li>{huge}</li>\n</ul>"), _SOURCES), strings=STRINGS
    )
    assert made[0].kind == "section"
    assert POINT_MAX_EM < em_width(huge)


def test_a_story_with_pictures_is_told_in_steps_each_picture_with_its_paragraph() -> None:
    """A section of paragraphs and pictures: one paragraph per slide; a picture goes with the
    paragraph after it, a picture at the end with the last paragraph."""
    body = "\n".join([_PICTURE, "<p>One.</p>", "<p>Two.</p>", "<p>Three.</p>", _PICTURE.replace("girl", "teacher")])
    made = slides.lesson_slides(_lesson(("A story", body), _SOURCES), strings=STRINGS)
    story = [s for s in made if s.kind == "step"]
    assert [_text(s.body) for s in story] == ["One.", "Two.", "Three."]
    assert [s.body.count("pa-picture") for s in story] == [1, 0, 1]
    assert "girl" in story[0].body and "teacher" in story[2].body
    assert [_text(s.kicker) for s in story] == ["1 / 3", "2 / 3", "3 / 3"]
    # A long paragraph is told in two steps or more, cut between sentences.
    long = "<p>" + "The girl waited at the gate and thought about it. " * 12 + "</p>"
    made = slides.lesson_slides(_lesson(("A story", f"{_PICTURE}\n{long}"), _SOURCES), strings=STRINGS)
    story = [s for s in made if s.kind == "step"]
    assert len(story) >= 2 and story[0].body.count("pa-picture") == 1
    assert sum(_text(s.body).count("The girl waited") for s in story) == 12


def test_a_section_without_pictures_or_with_a_list_is_not_a_story() -> None:
    plain = slides.lesson_slides(_lesson(("A story", "<p>One.</p>\n<p>Two.</p>"), _SOURCES), strings=STRINGS)
    mixed = slides.lesson_slides(
        _lesson(("What to do", f"{_PICTURE}\n<ol>\n<li>Stop.</li>\n<li>Ask.</li>\n</ol>"), _SOURCES), strings=STRINGS
    )
    assert plain[0].kind == "section" and mixed[0].kind == "section"


def test_long_table_repeats_its_head() -> None:
    """A table is cut between rows and each piece keeps the table head."""
    rows = "\n".join(f"<tr><td>Row {n}</td><td>{'Some words in a cell. ' * 6}</td></tr>" for n in range(12))
    table = f"<table>\n<thead>\n<tr><th>Who</th><th>What</th></tr>\n</thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
    pages = slides.paginate([table], budget=10)
    assert len(pages) > 1
    assert all("<th>Who</th>" in p[0] for p in pages)
    assert sum(p[0].count("<td>Row") for p in pages) == 12


def test_relative_links_are_rebased_for_the_deck_folder() -> None:
    """Relative links gain ../; anchors, other hosts, tel: and root links stay."""
    html = '<a href="../other/">x</a><img src="img.png"><a href="#top">t</a><a href="https://a.org/">a</a><a href="tel:110">110</a><a href="/abs/">r</a>'
    assert slides.rebase_urls(html) == (
        '<a href="../../other/">x</a><img src="../img.png"><a href="#top">t</a>'
        '<a href="https://a.org/">a</a><a href="tel:110">110</a><a href="/abs/">r</a>'
    )


# -- quiz -----------------------------------------------------------------------------


def _quiz() -> Quiz:
    def L(en: str) -> Localized:  # noqa: N802 - a tiny constructor
        return Localized({"zh": "中" + en, "en": en})

    first = Question(
        id="first",
        kind="scenario",
        prompt=L("What now? <script>alert(1)</script>"),
        situation=L("A **park**."),
        options=(
            Option(L("Ask Mum"), True, 1),
            Option(L("Go & look"), False, 2, next="later"),
            Option(L('Run "away"'), True, 3),
        ),
        explanation=L("Because <b>safe</b>."),
        line=1,
    )
    later = Question(
        id="later",
        kind="single",
        prompt=L("And then?"),
        options=(Option(L("Go back"), True, 4), Option(L("Stay"), False, 5)),
        explanation=L("Go back to Mum."),
        line=6,
    )
    tf = Question(
        id="tf",
        kind="truefalse",
        prompt=L("Rude?"),
        options=(Option(None, False, 7, value=True), Option(None, True, 7, value=False)),
        explanation=L("Not rude."),
        line=7,
    )
    return Quiz(id="demo", path="quizzes/demo.yml", title=L("Demo"), questions=(first, later, tf), digest="x")


def test_quiz_becomes_one_slide_per_question_follow_up_after_its_parent() -> None:
    """Opening slide, then each question in order, the follow-up right after its parent."""
    made = slides.quiz_slides(_quiz(), lang="en", default_language="zh", strings=STRINGS, heading="Quiz")
    assert [s.kind for s in made] == ["quiz", "question", "question", "question"]
    assert made[0].heading == "Quiz" and "Demo" in made[0].body
    assert "Question 1 of 2" in made[1].kicker and "Question 2 of 2" in made[3].kicker
    assert "Follow-up" in made[2].kicker and "If you chose “Go &amp; look”" in made[2].kicker
    assert made[2].heading == "And then?"


def test_quiz_slides_escape_every_quiz_text() -> None:
    """<script> in a quiz file shows as text; the quiz's tiny Markdown still works."""
    made = slides.quiz_slides(_quiz(), lang="en", default_language="zh", strings=STRINGS)
    question = made[1]
    assert "<script>" not in question.heading and "&lt;script&gt;" in question.heading
    assert "<strong>park</strong>" in question.body
    assert "&lt;b&gt;safe&lt;/b&gt;" in question.answer


def test_quiz_slides_have_no_inputs_and_hide_the_answer_until_revealed() -> None:
    """A big lettered list, nothing to fill in; right options carry a hidden ✓ mark and words."""
    question = slides.quiz_slides(_quiz(), lang="en", default_language="zh", strings=STRINGS)[1]
    assert "<input" not in question.body and "<form" not in question.body
    items = re.findall(r"<li\b.*?</li>", question.body)
    assert len(items) == 3
    right = [i for i in items if "data-pa-correct" in i]
    assert len(right) == 2
    for item in right:
        assert '<span class="pa-option__mark" data-pa-reveal hidden>' in item
        assert "✓" in item and "Right answer" in item
    assert "Right answer: A and C" in _text(question.answer)
    assert "Because" in _text(question.answer)


def test_true_false_labels_come_from_the_catalog() -> None:
    """The two answers of a true-or-false question are the interface's words, in the deck's language."""
    zh = {**i18n.quiz_strings("zh"), **slides.deck_strings("zh")}
    question = slides.quiz_slides(_quiz(), lang="zh", default_language="zh", strings=zh)[-1]
    labels = [_text(i) for i in re.findall(r'<span class="pa-option__text">(.*?)</span>', question.body)]
    assert labels == [zh["true"], zh["false"]]
    assert question.heading == "中Rude?"


def test_lesson_quiz_section_becomes_quiz_slides() -> None:
    """Where the quiz's marker stands, the quiz object (from the model) gives its own slides."""
    quiz_html = "<p>PAQUIZ1X0X</p>"
    html = _lesson(("A story", "<p>Once.</p>"), ("Quiz", quiz_html), ("Sources", "<ul>\n<li>S1</li>\n</ul>"))
    asked: list[tuple[str, str]] = []

    def quiz(quiz_id: str, heading: str) -> list[slides.Slide]:
        asked.append((quiz_id, heading))
        return slides.quiz_slides(_quiz(), lang="en", default_language="zh", strings=STRINGS, heading=heading)

    made = slides.lesson_slides(html, strings=STRINGS, markers={"PAQUIZ1X0X": "demo"}, quiz=quiz)
    assert asked == [("demo", "Quiz")]
    assert [s.kind for s in made] == ["section", "quiz", "question", "question", "question", "section"]
    assert all("PAQUIZ" not in s.body for s in made)
    assert made[1].anchor == "s2"


def test_real_quiz_slides_match_the_answer_key() -> None:
    """Every quiz of the site: as many question slides as questions, right options as in the file."""
    result = load_quizzes(ROOT / "quizzes", languages=["zh", "en"], default_language="zh", root=ROOT)
    assert result.quizzes
    for quiz in result.quizzes.values():
        made = slides.quiz_slides(quiz, lang="en", default_language="zh", strings=STRINGS)
        questions = [s for s in made if s.kind == "question"]
        assert len(questions) == len(quiz.questions), quiz.id
        for slide in questions:
            question = next(q for q in quiz.questions if inline_markdown(q.prompt.text("en")) == slide.heading)
            marks = [("data-pa-correct" in li) for li in re.findall(r"<li\b.*?</li>", slide.body)]
            assert marks == [o.correct for o in question.options], (quiz.id, question.id)


# -- QR code and words ----------------------------------------------------------------


def test_qr_code_is_segnos_own_drawing_of_the_address() -> None:
    """The inline SVG is exactly what segno draws for the URL, plus an accessible name."""
    url = "https://example.org/lessons/check-first/"
    svg = slides.qr_svg(url, "QR code")
    expected = segno.make(url, error=slides.QR_ERROR, micro=False).svg_inline(**slides.QR_SVG_OPTIONS)
    assert svg == expected.replace("<svg ", '<svg role="img" aria-label="QR code" ', 1)
    assert slides.qr_svg("") == ""


def test_every_deck_word_is_translated_in_zh() -> None:
    """The deck's words come from the catalogs (zh differs from the English msgids)."""
    zh = slides.deck_strings("zh")
    assert set(zh) == set(slides.DECK_STRINGS)
    for key in ("show", "back", "next", "prev", "announce"):
        assert zh[key] != slides.DECK_STRINGS[key], key


def test_deck_words_are_in_the_template() -> None:
    """The deck's msgids are extracted into messages.pot (babel.cfg covers slides.py)."""
    pot = (i18n.LOCALES_DIR / "messages.pot").read_text(encoding="utf-8")
    for msgid in slides.DECK_STRINGS.values():
        assert f'msgid "{msgid}"' in pot, msgid


def test_deck_script_runs_as_a_classic_script() -> None:
    """The deck's script is served as a classic script (slides.js), which browsers run from
    file://: it must have no import or export, and not rely on module-only syntax."""
    text = (paths.ASSETS_DIR / "slides.mjs").read_text(encoding="utf-8")
    code = re.sub(r"//[^\n]*|/\*.*?\*/", "", text, flags=re.S)
    assert not re.search(r"^\s*(import|export)\b|\bimport\s*\(|import\.meta|^\s*await\b", code, re.M)


# -- the built site -----------------------------------------------------------------------


def test_every_lesson_in_every_language_has_its_deck(site_dir: Path) -> None:
    """Each lesson page has <lesson>/present/, in the page's language, with the lesson's title,
    a "Present" link to it, and its style sheet and script are the site's own shared files."""
    pages = built_pages(site_dir)
    lessons = [p for p in pages if re.search(r"(^|/)lessons/[^/]+/$", p)]
    assert len(lessons) >= 30
    for path in lessons:
        page = (site_dir / path / "index.html").read_text(encoding="utf-8")
        deck = (site_dir / path / "present" / "index.html").read_text(encoding="utf-8")
        lang = re.search(r'<html lang="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        assert f'<html lang="{lang}" dir="' in deck, path
        assert 'href="present/"' in page, path
        title = re.search(r'<main class="pa-deck"[^>]*aria-label="([^"]*)"', deck).group(1)  # type: ignore[union-attr]
        assert deck.count("<h1") == 1 and title and unescape(title) in unescape(page), path
        # Style sheet and script: the site's shared files, by relative URL (file:// works).
        sources = re.findall(r'<(?:script|img|iframe)\b[^>]*\bsrc="([^"]*)"', deck)
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]*)"', deck)
        deck_dir = (site_dir / path / "present").resolve()
        for url, name in ((sources, "slides.js"), (sheets, "slides.css")):
            assert len(url) == 1 and not re.match(r"[a-z]+:|/", url[0]), (path, url)
            target = (deck_dir / url[0].split("?")[0]).resolve()
            assert target == (site_dir / "assets" / "pingan" / name).resolve() and target.is_file(), (path, url)
        links = re.findall(r"<link\b[^>]*>", deck)
        assert all(re.search(r'rel="(icon|canonical|stylesheet)"', k) for k in links), (path, links)
        assert 'aria-roledescription="' in deck and 'id="pa-deck-strings"' in deck, path
        # Slides numbered 1..N in order, whoever wrote them (the template or pingan.slides.markup),
        # each counted "n / N" in its language, and the bar starts at "1 / N".
        numbers = re.findall(r'<section class="pa-slide pa-slide--[a-z]+" id="s(\d*)"', deck)
        total = len(numbers)
        assert total >= 4 and numbers == [str(n) for n in range(1, total + 1)], (path, numbers)
        labels = re.findall(r'<section class="pa-slide[^>]*aria-label="([^"]*)"', deck)
        assert all(re.search(rf"\b{n}\b.*\b{total}\b", label) for n, label in enumerate(labels, 1)), (path, labels)
        counter = re.search(r'<p class="pa-deck__counter">([^<]*)</p>', deck).group(1)  # type: ignore[union-attr]
        assert re.search(rf"\b1\b.*\b{total}\b", counter), (path, counter)


def test_untranslated_lesson_deck_keeps_its_sections_in_their_language(site_dir: Path) -> None:
    """A lesson shown in Chinese on another language's site is still cut into its sections,
    each slide marked with the text's language; the deck's own words are the site's."""
    checked = 0
    for path in built_pages(site_dir):
        page = (site_dir / path / "index.html").read_text(encoding="utf-8")
        if "pa-notice--untranslated" not in page or not (site_dir / path / "present").is_dir():
            continue
        deck = (site_dir / path / "present" / "index.html").read_text(encoding="utf-8")
        sections = re.findall(r'<section class="pa-slide pa-slide--section"[^>]*>', deck)
        anchors = set(re.findall(r'data-pa-anchor="([^"]+)"', "".join(sections)))
        assert len(anchors) >= 3, path
        assert all('lang="zh"' in s for s in sections), path
        checked += 1
    assert checked, "no untranslated lesson in the site (every language complete?)"


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/lessons/x/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]:8000/", True),
        ("https://pingan.example.org/lessons/x/", False),
        ("http://192.0.2.7/", False),
    ],
)
def test_no_qr_code_for_a_local_preview_address(url: str, local: bool) -> None:
    """A QR code for 127.0.0.1 would only fail on a pupil's phone, so the deck leaves it out."""
    from pingan.mkdocs.present.plugin import _is_local

    assert _is_local(url) is local


@pytest.mark.parametrize(
    "text",
    ["", "先问一问，再决定。", "Check first, then decide.", "e\u0301 combining", "ئۇيغۇرچە\u064b", "a\tb\nc\r", "１２３ＡＢＣ"],
)
def test_text_width_is_the_sum_of_its_characters_widths(text: str) -> None:
    """The width used to fill slides: wide (CJK, full-width) characters 1 em, tab and line
    breaks 0.3, combining marks nothing, every other character 0.58, whatever was measured
    before (widths are kept per character)."""
    import importlib
    import unicodedata

    paginate = importlib.import_module("pingan.slides.paginate")

    def expected(ch: str) -> float:
        if ch in "\t\n\r":
            return 0.3
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            return 1.0
        return 0.0 if unicodedata.combining(ch) else 0.58

    want = sum((expected(ch) for ch in text), 0.0)
    assert paginate.em_width.__wrapped__(text) == want
    assert paginate.em_width.__wrapped__(text[::-1]) == sum((expected(ch) for ch in text[::-1]), 0.0)


def test_slide_sections_are_numbered_and_escape_the_interface_words() -> None:
    """pingan.slides.markup writes the lesson's and the quiz's slides (the deck template
    writes title, goals and help): numbered from where the template stops, every word of
    the interface escaped, the lesson's language only on slides of the lesson's text."""
    strings = {
        **i18n.quiz_strings("en"),
        **slides.deck_strings("en"),
        "slide": 'slide"<b>',
        "show": "<i>Show</i>",
        "counter": "{n} & {total}",
    }
    deck = [
        slides.Slide("section", "Heading", "<p>Body</p>", anchor='a"b'),
        slides.Slide("question", "Q?", "<ol></ol>", kicker="<span>1</span>", answer="<p>Why</p>"),
    ]
    html = slides.slides_html(deck, first=3, total=6, strings=strings, content_lang="zh", content_dir="ltr")
    sections = re.findall(r"<section\b[^>]*>", html)
    assert len(sections) == 2 and html.count("</section>") == 2
    assert 'id="s3"' in sections[0] and 'aria-label="3 &amp; 6"' in sections[0] and 'id="s4"' in sections[1]
    assert 'aria-roledescription="slide&#34;&lt;b&gt;"' in sections[0]
    assert 'data-pa-anchor="a&#34;b"' in sections[0]
    assert 'lang="zh" dir="ltr"' in sections[0] and "lang=" not in sections[1]
    assert '<p class="pa-slide__kicker"><span>1</span></p>' in html and "&lt;i&gt;Show&lt;/i&gt;" in html
    assert 'aria-controls="s4-answer"' in html and '<div class="pa-slide__answer" id="s4-answer"' in html
    assert "pa-slide__answer" not in html.split("</section>")[0]
