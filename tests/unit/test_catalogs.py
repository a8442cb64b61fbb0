"""The interface catalogs (plugins/pingan/locales) and the i18n module that reads them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from helpers import ROOT

from pingan.core import catalogs as i18n

POT = i18n.LOCALES_DIR / "messages.pot"
CATALOGS = sorted(i18n.LOCALES_DIR.glob("*/LC_MESSAGES/messages.po"))
#: Catalogs written without a native speaker: their header must say so.
UNREVIEWED = {"zh_Hant", "vi", "ug"}
_PLACEHOLDER_RE = re.compile(r"\{\w+\}|%\(\w+\)[sd]")


def _ids(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _lang(po: Path) -> str:
    return po.parents[1].name


def test_the_catalogs_we_promise_exist() -> None:
    """zh and en, plus Traditional Chinese, Vietnamese and Uyghur."""
    assert {_lang(p) for p in CATALOGS} >= {"zh", "en", "zh_Hant", "vi", "ug"}


@pytest.mark.parametrize("po", CATALOGS, ids=_lang)
def test_catalog_compiles_and_passes_babel_checks(po: Path) -> None:
    """Each catalog compiles in memory and ``catalog.check()`` finds nothing wrong."""
    catalog = i18n.read_catalog(po)
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()]
    assert problems == []
    assert i18n.compile_catalog(catalog).gettext("Check")


@pytest.mark.parametrize("po", CATALOGS, ids=_lang)
def test_catalog_is_complete_and_keeps_placeholders(po: Path) -> None:
    """Every entry is translated, not fuzzy, and keeps exactly its placeholders."""
    catalog = i18n.read_catalog(po)
    for message in catalog:
        if not message.id:
            continue
        assert "fuzzy" not in message.flags, f"{po}: fuzzy {message.id!r}"
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{po}: untranslated {message.id!r}"
        wanted = sorted(set(_PLACEHOLDER_RE.findall(ids[-1])))
        for string in strings:
            assert sorted(set(_PLACEHOLDER_RE.findall(string))) == wanted, f"{po}: {message.id!r}"


@pytest.mark.parametrize("po", CATALOGS, ids=_lang)
def test_catalog_has_exactly_the_template_entries(po: Path) -> None:
    """No entry missing from a catalog, none left over (run ``pybabel update``)."""
    with POT.open("rb") as fh:
        template = {_ids(m.id) for m in read_po(fh) if m.id}
    catalog = {_ids(m.id) for m in i18n.read_catalog(po) if m.id}
    assert catalog == template


def test_template_is_current() -> None:
    """messages.pot holds exactly what ``pybabel extract -F babel.cfg`` finds now."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh, str(ROOT / "babel.cfg"))
    found = {
        _ids(message_id)
        for _file, _line, message_id, *_rest in extract_from_dir(
            str(ROOT), method_map, options_map, comment_tags=("TRANSLATORS:",)
        )
    }
    with POT.open("rb") as fh:
        template = {_ids(m.id) for m in read_po(fh) if m.id}
    assert template == found, (
        "plugins/pingan/locales/messages.pot is out of date: run pybabel extract "
        "(see babel.cfg), then pybabel update"
    )


def test_every_quiz_string_is_in_the_template() -> None:
    """The quiz's own words are all extracted (marked with N_ in pingan.core.catalogs)."""
    with POT.open("rb") as fh:
        template = {_ids(m.id) for m in read_po(fh) if m.id}
    assert set(i18n.QUIZ_STRINGS.values()) <= template


@pytest.mark.parametrize("po", [p for p in CATALOGS if _lang(p) in UNREVIEWED], ids=_lang)
def test_unreviewed_catalogs_say_so(po: Path) -> None:
    """Catalogs no native speaker has checked carry a translator comment saying so."""
    assert "NOT YET REVIEWED BY A NATIVE SPEAKER" in i18n.read_catalog(po).header_comment


def test_no_compiled_catalogs_are_committed() -> None:
    """``.mo`` files are compiled in memory at build time: none is ever committed (.gitignore has *.mo)."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(
        ["git", "ls-files", "--", "*.mo"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert tracked == ""


# -- the i18n module ----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "folder"),
    [("zh", "zh"), ("en", "en"), ("zh-Hant", "zh_Hant"), ("zh_Hant", "zh_Hant"), ("ug", "ug"), ("vi", "vi")],
)
def test_catalog_name_maps_site_codes_to_babel_folders(code: str, folder: str) -> None:
    """Site codes are BCP 47; catalog folders use Babel's names."""
    assert i18n.catalog_name(code) == folder


def test_regional_variant_uses_its_language_but_never_another_script(tmp_path: Path) -> None:
    """en-GB may use en; zh-Hant-TW uses zh_Hant; zh-Hant never falls back to zh."""
    assert i18n.find_catalog("en-GB").parents[1].name == "en"
    assert i18n.find_catalog("zh-Hant-TW").parents[1].name == "zh_Hant"
    shutil.copytree(i18n.LOCALES_DIR / "zh", tmp_path / "zh")
    with pytest.raises(i18n.MissingCatalogError):
        i18n.find_catalog("zh-Hant", locales_dir=tmp_path)


def test_missing_catalog_names_the_file_to_create() -> None:
    """A language without a catalog: the message names the .po file to create."""
    with pytest.raises(i18n.MissingCatalogError) as info:
        i18n.quiz_strings("fr")
    assert info.value.path == i18n.LOCALES_DIR / "fr" / "LC_MESSAGES" / "messages.po"
    shown = info.value.describe(ROOT)
    assert "create plugins/pingan/locales/fr/LC_MESSAGES/messages.po" in shown


def test_quiz_strings_are_translated() -> None:
    """The quiz's words come translated, keyed as in QUIZ_STRINGS."""
    zh = i18n.quiz_strings("zh")
    assert zh["check"] == "核对答案" and zh["true"] == "对"
    assert i18n.quiz_strings("en")["score"] == "You scored {n} of {total}"
    assert set(i18n.quiz_strings("ug")) == set(i18n.QUIZ_STRINGS)


def test_translations_serve_theme_templates() -> None:
    """The same catalogs give Jinja's gettext the theme's words (used by pingan.mkdocs.site.plugin)."""
    assert i18n.translations("zh").gettext("Get help") != "Get help"


def test_fill_leaves_unknown_placeholders() -> None:
    """A translator's stray brace never crashes a build."""
    assert i18n.fill("{n} of {total} {x", {"n": 1, "total": 2}) == "1 of 2 {x"


def test_i18n_does_not_import_mkdocs() -> None:
    """pingan.core.catalogs works without MkDocs."""
    code = "import sys, pingan.core.catalogs; sys.exit(any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
