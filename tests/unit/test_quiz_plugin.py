"""The pingan-quiz MkDocs plugin, tested through real builds of small projects in tmp_path.

Paths in messages: a lesson is named relative to the project (the folder of
mkdocs.yml), as an editor sees it: ``content/en/pages/x.md:12``, the line
counted in the file itself, front matter included.
"""

from __future__ import annotations

import gzip
import logging
import os
import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, build_site, count_quiz_reads
from mkdocs.exceptions import Abort, PluginError

from pingan.mkdocs.quiz.plugin import ASSETS_DIR

GOOD = ROOT / "tests" / "fixtures" / "quizzes" / "good"
BAD = ROOT / "tests" / "fixtures" / "quizzes" / "bad"
#: quiz.mjs + quiz.css, each gzipped as a server would send them, together at most this.
ASSET_BUDGET_GZIP = 5 * 1024

QUIZ = """\
title: {zh: 小测验, en: Little quiz}
questions:
  - id: ask
    kind: single
    prompt: {zh: 先做什么？, en: "What first?"}
    options:
      - text: {zh: 先问, en: Ask first}
        correct: true
      - text: {zh: 就走, en: Just go}
    explanation: {zh: 先问一问。, en: Check first.}
"""

#: The same quiz without English for the prompt (line 5) and the explanation (line 10).
QUIZ_NO_EN = """\
title: {zh: 小测验, en: Little quiz}
questions:
  - id: ask
    kind: single
    prompt: {zh: 先做什么？}
    options:
      - text: {zh: 先问, en: Ask first}
        correct: true
      - text: {zh: 就走, en: Just go}
    explanation: 先问一问。
"""

LESSON = """\
---
title: {title}
description: A lesson.
---

# {title}

## Quiz

[[quiz little]]
"""


def make_project(
    root: Path,
    *,
    quizzes: dict[str, str] | None = None,
    pages: dict[str, str] | None = None,
    plugin: dict | None = None,
    languages: tuple[str, ...] = ("zh", "en"),
    i18n: bool = True,
) -> Path:
    """A project: mkdocs.yml, content/<lang>/…, quizzes/…; every page in every language by default."""
    quiz_dir = root / "quizzes"
    quiz_dir.mkdir(parents=True)
    for name, text in (quizzes if quizzes is not None else {"little": QUIZ}).items():
        (quiz_dir / f"{name}.yml").write_text(text, encoding="utf-8")
    if pages is None:
        pages = {}
        for lang in languages:
            pages[f"{lang}/index.md"] = "# Home\n\n[Lesson](pages/x.md)\n"
            pages[f"{lang}/pages/x.md"] = LESSON.format(title=f"Lesson {lang}")
            pages[f"{lang}/pages/plain.md"] = "# Plain\n\nNo quiz here.\n"
    docs = root / "content"
    for rel, text in pages.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    plugins: list = ["search"]
    if i18n:
        plugins.append(
            {
                "i18n": {
                    "docs_structure": "folder",
                    "fallback_to_default": True,
                    "reconfigure_search": False,
                    "languages": [
                        {"locale": lang, "name": lang, **({"default": True} if i == 0 else {})}
                        for i, lang in enumerate(languages)
                    ],
                }
            }
        )
    plugins.append({"pingan-quiz": plugin or {}})
    config = {
        "site_name": "Test",
        "docs_dir": "content" if i18n else f"content/{languages[0]}",
        "theme": {"name": "material", "language": languages[0], "font": False},
        "plugins": plugins,
        "markdown_extensions": ["admonition", "toc"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root


def build(project: Path, strict: bool = True) -> Path:
    return build_site(project, project / "site", strict=strict)


def build_error(project: Path, strict: bool = True) -> str:
    """Build, expecting MkDocs to abort; the text of the PluginError that caused it."""
    with pytest.raises((Abort, PluginError)) as info:
        build(project, strict=strict)
    exc: BaseException | None = info.value
    while exc is not None and not isinstance(exc, PluginError):
        exc = exc.__context__
    assert exc is not None, f"no PluginError behind {info.value!r}"
    return str(exc)


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def quiz_warnings(caplog: pytest.LogCaptureFixture, level: int = logging.WARNING) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name.startswith("mkdocs.plugins.pingan") and r.levelno == level]


# -- rendering in a site -------------------------------------------------------------


def test_quiz_is_rendered_in_each_language(tmp_path: Path) -> None:
    """[[quiz little]] becomes the quiz, in Chinese at / and in English under /en/."""
    site = build(make_project(tmp_path))
    zh, en = read(site, "pages/x/index.html"), read(site, "en/pages/x/index.html")
    assert 'data-pa-quiz="little"' in zh and 'data-pa-lang="zh"' in zh and "核对答案" in zh
    assert 'data-pa-lang="en"' in en and ">Little quiz</h3>" in en and ">Check</button>" in en
    assert "[[quiz" not in zh + en and "PAQUIZ" not in zh + en


def test_assets_are_files_loaded_only_on_quiz_pages(tmp_path: Path) -> None:
    """quiz.mjs/quiz.css are files of the site, linked with working relative URLs from quiz pages only
    (quiz.mjs imported by a small inline module when a quiz comes near: issue 14)."""
    site = build(make_project(tmp_path))
    assert (site / "assets/pingan/quiz.mjs").read_bytes() == (ASSETS_DIR / "quiz.mjs").read_bytes()
    assert (site / "assets/pingan/quiz.css").is_file()
    for page in ("pages/x/index.html", "en/pages/x/index.html"):
        html = read(site, page)
        css = re.search(r'<link rel="stylesheet" href="([^"?]+quiz\.css)\?v=\w+">', html)
        js = re.search(
                r'<script type="module" data-pa-offline="([^"]+)">[^<]*\bimport\("([^"?]+quiz\.mjs)\?v=\w+"\)[^<]*</script>', html
            )
        assert css and js, page
        assert html.index(css.group(0)) < html.index("</head>")  # the stylesheet in <head>
        assert html.index(js.group(0)) > html.index('class="pa-quiz"')  # the script in the content
        assert js.group(1).split("?")[0] == js.group(2), "the service worker keeps what the loader imports"
        assert "//" not in js.group(0).replace("://", ""), "comments stay in assets/quiz-loader.js"
        for url in (css.group(1), js.group(2)):
            assert (site / Path(page).parent / url).resolve().is_file(), url
        assert html.count('id="pa-quiz-strings"') == 1
    for page in ("index.html", "pages/plain/index.html", "en/index.html", "en/pages/plain/index.html"):
        html = read(site, page)
        assert "quiz.mjs" not in html and "quiz.css" not in html and "pa-quiz" not in html, page


def test_asset_budget() -> None:
    """quiz.mjs + quiz.css stay within 5 KB gzipped: cheap phones on slow networks."""
    sizes = {p.name: len(gzip.compress(p.read_bytes(), 9)) for p in (ASSETS_DIR / "quiz.mjs", ASSETS_DIR / "quiz.css")}
    assert sum(sizes.values()) <= ASSET_BUDGET_GZIP, sizes


def test_stylesheet_mirrors_for_right_to_left_and_uses_theme_colours() -> None:
    """Only logical properties (Uyghur pages mirror by themselves); screen colours from Material's variables."""
    css = (ASSETS_DIR / "quiz.css").read_text(encoding="utf-8")
    assert not re.search(r"(margin|padding|border)-(left|right)|[{;\s](left|right)\s*:|(text-align|float)\s*:\s*(left|right)", css)
    screen = css.split("@media print", 1)[0]
    for value in re.findall(r"(?:^|[;{\s])(?:color|background|border-color|outline)\s*:\s*([^;}]+)", screen):
        assert "#" not in value.split("var(")[0] and "rgb" not in value.split("var(")[0], value


def test_script_syntax_suits_old_phone_browsers() -> None:
    """No optional chaining or nullish coalescing: older Chromium-based browsers must parse the module."""
    js = (ASSETS_DIR / "quiz.mjs").read_text(encoding="utf-8")
    code = re.sub(r"//[^\n]*", "", js)
    assert "?." not in code and "??" not in code and "catch {" not in code


def test_quiz_title_is_one_level_below_its_heading(tmp_path: Path) -> None:
    """Under "## Quiz" the quiz title is an h3; at the top of a page, an h2."""
    pages = {
        "zh/index.md": "[[quiz little]]\n",
        "zh/pages/x.md": LESSON.format(title="课"),
        "en/index.md": "# Home\n",
        "en/pages/x.md": "# Lesson\n\n### Deep\n\n[[quiz little]]\n",
    }
    site = build(make_project(tmp_path, pages=pages))
    assert '<h2 class="pa-quiz__title"' in read(site, "index.html")
    assert '<h3 class="pa-quiz__title"' in read(site, "pages/x/index.html")
    assert '<h4 class="pa-quiz__title"' in read(site, "en/pages/x/index.html")


def test_two_quizzes_and_one_quiz_twice_on_a_page(tmp_path: Path) -> None:
    """Several quizzes on one page, even the same one twice, get distinct ids."""
    text = "# Two\n\n[[quiz little]]\n\n[[quiz other]]\n\n[[quiz little]]\n"
    pages = {"zh/index.md": text, "en/index.md": text}
    site = build(make_project(tmp_path, quizzes={"little": QUIZ, "other": QUIZ}, pages=pages))
    html = read(site, "en/index.html")
    assert re.findall(r'<section class="pa-quiz" id="([^"]+)"', html) == ["pa-quiz-little", "pa-quiz-other", "pa-quiz-little-2"]
    assert html.count('<script type="module"') == 1


def test_reference_in_code_block_or_inline_is_left_alone(tmp_path: Path) -> None:
    """An example in a fenced code block or a code span is not a quiz, and an unknown id there
    is no error. (In a sentence, outside code, it is a mistake: see test_one_pass.py.)"""
    text = "# How\n\n```markdown\n[[quiz little]]\n[[quiz nope]]\n```\n\nText `[[quiz little]]` inline.\n"
    site = build(make_project(tmp_path, pages={"zh/index.md": text, "en/index.md": text}))
    html = read(site, "en/index.html")
    assert "pa-quiz" not in html and html.count("[[quiz little]]") == 2


def test_quiz_in_an_admonition(tmp_path: Path) -> None:
    """An indented reference (in an admonition or list item) still becomes the quiz there."""
    text = '# A\n\n!!! note "Try it"\n\n    [[quiz little]]\n'
    site = build(make_project(tmp_path, pages={"zh/index.md": text, "en/index.md": text}))
    html = read(site, "en/index.html")
    assert re.search(r'<div class="admonition note">.*<section class="pa-quiz".*</section>\s*</div>', html, re.S)


def test_site_without_static_i18n(tmp_path: Path) -> None:
    """A one-language site (theme language) works without mkdocs-static-i18n."""
    project = make_project(
        tmp_path,
        languages=("en",),
        i18n=False,
        quizzes={"little": re.sub(r"zh: [^,]+, ", "", QUIZ)},
        pages={"en/index.md": "# Home\n\n[[quiz little]]\n"},
    )
    html = read(build(project), "index.html")
    assert 'data-pa-lang="en"' in html and ">Check</button>" in html


def test_disabled_plugin_leaves_references(tmp_path: Path) -> None:
    """enabled: false turns everything off (for comparisons)."""
    site = build(make_project(tmp_path, plugin={"enabled": False}))
    html = read(site, "en/pages/x/index.html")
    assert "[[quiz little]]" in html and "pa-quiz" not in html
    assert not (site / "assets/pingan/quiz.mjs").exists()


# -- missing translations ------------------------------------------------------------


def test_missing_translation_falls_back_warns_and_fails_strict(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A missing English text: Chinese is used, a warning names file and line, --strict fails."""
    project = make_project(tmp_path, quizzes={"little": QUIZ_NO_EN})
    with pytest.raises(Abort, match="warning"):
        build(project)
    warnings = quiz_warnings(caplog)
    assert any("quizzes/little.yml:5: " in w and '"en"' in w for w in warnings), warnings
    assert any("quizzes/little.yml:10: " in w for w in warnings), warnings
    # Once per run, although static-i18n builds the site once per language.
    assert len(warnings) == len(set(warnings)) == 2


def test_missing_translation_of_declared_incomplete_language_passes_strict(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """incomplete_languages: [en] turns those warnings into info; the fallback text is marked lang="zh"."""
    caplog.set_level(logging.INFO)
    project = make_project(tmp_path, quizzes={"little": QUIZ_NO_EN}, plugin={"incomplete_languages": ["en"]})
    site = build(project)
    assert not quiz_warnings(caplog)
    # One summary line for the language, not one per missing text.
    assert quiz_warnings(caplog, logging.INFO) == ["pingan: en: 1 quiz falls back to Chinese; make i18n-status lists them"]
    html = read(site, "en/pages/x/index.html")
    assert '<span class="pa-quiz__prompt"><span lang="zh">先做什么？</span></span>' in html
    assert ">Ask first<" in html


def test_unknown_incomplete_language_is_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A typo in incomplete_languages is reported, not silently ignored."""
    project = make_project(tmp_path, plugin={"incomplete_languages": ["vn"]})
    with pytest.raises(Abort):
        build(project)
    assert len([w for w in quiz_warnings(caplog) if "'vn'" in w]) == 1  # once, not once per language


# -- errors ---------------------------------------------------------------------------


def test_unknown_quiz_fails_naming_lesson_file_and_line(tmp_path: Path) -> None:
    """An unknown id fails the build with content/<lang>/….md:LINE, front matter counted."""
    pages = {
        "zh/index.md": "# 首页\n",
        "zh/pages/x.md": LESSON.format(title="课").replace("little", "litle"),
        "en/index.md": "# Home\n",
        "en/pages/x.md": LESSON.format(title="Lesson") + "\n[[quiz nope]]\n",
    }
    message = build_error(make_project(tmp_path, pages=pages))
    # The zh build comes first and stops the run: both of its problems are in one message.
    assert 'content/zh/pages/x.md:10: unknown quiz "litle": there is no quizzes/litle.yml' in message
    assert 'did you mean "[[quiz little]]"?' in message


def test_unknown_quiz_in_another_language_names_that_file(tmp_path: Path) -> None:
    """An unknown id only in the English lesson: the English build fails, naming content/en/…:LINE."""
    pages = {
        "zh/index.md": "# 首页\n",
        "zh/pages/x.md": LESSON.format(title="课"),
        "en/index.md": "# Home\n",
        "en/pages/x.md": LESSON.format(title="Lesson").replace("little", "little-en"),
    }
    message = build_error(make_project(tmp_path, pages=pages))
    assert message.startswith("1 problem (make check lists the same)")
    assert 'content/en/pages/x.md:10: unknown quiz "little-en"' in message


def test_every_unknown_reference_of_a_build_in_one_error(tmp_path: Path) -> None:
    """All unknown references, across pages, are listed together."""
    pages = {
        "zh/index.md": "# 首页\n\n[[quiz one]]\n",
        "zh/pages/x.md": "---\ntitle: x\n---\n\n# X\n\n[[quiz little]]\n\n[[quiz two]]\n",
        "en/index.md": "# Home\n",
    }
    message = build_error(make_project(tmp_path, pages=pages))
    assert message.startswith("2 problems (make check lists the same)")
    assert "content/zh/index.md:3: " in message and "content/zh/pages/x.md:9: " in message


def test_bad_quiz_folder_fails_with_every_problem_in_one_error(tmp_path: Path) -> None:
    """Every problem of every quiz file is listed in one PluginError."""
    expected = {}
    for line in (BAD / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("quizzes/"):
            name = line.split(":", 1)[0].removeprefix("quizzes/")
            expected.setdefault(name, []).append(line)
    chosen = ["several-problems.yml", "missing-answer.yml", "tabs.yml"]
    project = make_project(tmp_path, quizzes={})
    for name in chosen:
        shutil.copy(BAD / name, project / "quizzes" / name)
    message = build_error(project)
    for name in chosen:
        for line in expected[name]:
            assert line in message, line
    assert message.count("\nquizzes/") == sum(len(expected[n]) for n in chosen)


def test_missing_quiz_folder_is_a_config_error(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """quiz_dir must exist (relative to mkdocs.yml)."""
    project = make_project(tmp_path, plugin={"quiz_dir": "no-such-folder"})
    with pytest.raises(Abort, match="configuration error"):
        build(project)
    assert "no-such-folder" in caplog.text


def test_site_language_without_catalog_names_the_file_to_create(tmp_path: Path) -> None:
    """A site language with no interface catalog fails, naming the .po file to create."""
    project = make_project(tmp_path, languages=("zh", "fr"), quizzes={"little": QUIZ.replace("en:", "fr:")})
    message = build_error(project)
    assert "pingan/locales/fr/LC_MESSAGES/messages.po" in message and '"fr"' in message


def test_quiz_dir_option_relative_to_mkdocs_yml(tmp_path: Path) -> None:
    """quiz_dir may point anywhere relative to mkdocs.yml; messages name that folder."""
    project = make_project(tmp_path, plugin={"quiz_dir": "more/quizzes"})
    (project / "more").mkdir()
    shutil.move(project / "quizzes", project / "more" / "quizzes")
    site = build(project)
    assert 'data-pa-quiz="little"' in read(site, "en/pages/x/index.html")


def test_quizzes_are_read_once_per_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """static-i18n builds each language in turn: every quiz file is read once in the whole run."""
    project = make_project(tmp_path, languages=("zh", "en", "vi"), plugin={"incomplete_languages": ["vi"]})
    (project / "quizzes" / "little.vi.yml").write_text("title: Câu đố nhỏ\n", encoding="utf-8")
    reads = count_quiz_reads(monkeypatch, project / "quizzes")
    build(project)
    assert reads == {"little.yml": 1, "little.vi.yml": 1}


def test_lines_survive_front_matter_and_blank_lines(tmp_path: Path) -> None:
    """Lines are counted in the file as saved: long front matter, leading blank lines."""
    text = textwrap.dedent(
        """\
        ---
        title: x
        objectives:
          - a
          - b
        ---


        # X

        [[quiz gone]]
        """
    )
    pages = {"zh/index.md": text, "en/index.md": "# Home\n"}
    assert "content/zh/index.md:11: " in build_error(make_project(tmp_path, pages=pages))
