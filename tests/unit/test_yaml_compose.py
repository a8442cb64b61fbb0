"""pingan.core.yamlnodes.compose: libyaml where it is safe, yet exactly PyYAML's result.

The build and ``make check`` must accept the same YAML, and PyYAML's own parser is the
reference: every text here gives the same node tree (values, tags, styles, lines and
columns) or the same error message as ``yaml.compose(text, Loader=yaml.SafeLoader)``.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pingan.core import yamlnodes

ROOT = Path(__file__).resolve().parents[2]


def shape(node: Node | None) -> object:
    """Everything a reader can see of a node tree (a collection's end mark aside: libyaml may
    put it on the next line, and no reader uses it)."""
    if node is None:
        return None
    where = (node.start_mark.line, node.start_mark.column)
    if isinstance(node, ScalarNode):
        return ("scalar", node.tag, node.style, node.value, where, (node.end_mark.line, node.end_mark.column))
    if isinstance(node, SequenceNode):
        return ("seq", node.tag, [shape(n) for n in node.value], where)
    assert isinstance(node, MappingNode)
    return ("map", node.tag, [(shape(k), shape(v)) for k, v in node.value], where)


def outcome(compose, text: str) -> object:
    try:
        return shape(compose(text))
    except yaml.YAMLError as error:
        return ("error", str(error))


def pure(text: str) -> Node | None:
    return yaml.compose(text, Loader=yaml.SafeLoader)


def project_texts() -> list[tuple[str, str]]:
    """Every YAML text of the project: quizzes and their translations, hotlines, editions,
    mkdocs.yml's neighbours and the front matter of every lesson."""
    texts = []
    for pattern in ("quizzes/**/*.yml", "editions/**/*.yml", "hotlines.yml"):
        for path in sorted(ROOT.glob(pattern)):
            texts.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8-sig")))
    for path in sorted((ROOT / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n") and "\n---" in text[4:]:
            texts.append((str(path.relative_to(ROOT)), text[4 : text.index("\n---", 4)]))
    return texts


def test_the_fast_path_is_used_at_all():
    """The project's quizzes take the libyaml path (else this change saves nothing)."""
    quiz = next(text for name, text in project_texts() if name.startswith("quizzes/"))
    assert yamlnodes._FAST_LOADER is not None
    assert not yamlnodes._divergent(quiz) or "[" in quiz or "{" in quiz


def test_every_project_file_composes_as_pyyaml_does():
    texts = project_texts()
    assert len(texts) > 50
    for name, text in texts:
        assert outcome(yamlnodes.compose, text) == outcome(pure, text), name


TRICKY = [
    "{en: What do you do?}",  # libyaml accepts, PyYAML refuses
    "en: a\tb",  # a tab inside a plain value: same
    "zh: [先确认, 再跟人走]",
    "a: b\r\nc: d\r\n",
    "\ufeffzh: 平安",
    "zh: 平安\x85课堂",
    'q: "C:\\\\path" ',
    "zh: |\n  第一行\n\n  第二行\n",
    "zh: >-\n  折叠\n  的行\n",
    "zh: '单引号 ''里'' 的字'\n",
    "- a\n-b",
    "a:\n  - b\n - c",
    "a: b: c",
    "a: x:y",
    "? 问\n: 答",
    "a: &x 1\nb: *x",
    "a: !!str 1",
    "a: !custom 1",
    "%YAML 1.1\n---\na: b",
    "a: 1\n---\nb: 2",
    "---\n...\n",
    "",
    "# 只有注释\n",
    'zh: "未闭合',
    "zh: '未闭合",
    "a: b\n  c: d",
    "key with # hash: 值 # 注释",
    "a: @at",
    "a: `tick",
    "a: %pct",
    "- - 嵌套\n  - 列表\n- 三",
    "a:\n- 1\n- 2\n",
    "x" * 1100 + ": long key",
    "a: 😀 \U0001f9d2",
    'a: "\\u4e2d\\U0001F600\\x41"',
    # Where libyaml read plain block YAML unlike PyYAML (found by the generated texts below):
    "k: !",
    "k: ! #",
    "k:\n? a",
    "a: b\n?",
    "k: >#:- ",
    "- >#\n- b",
    # One-line flow mappings and double-quoted values, as the quiz files write them:
    'text: {zh: 先问一问, en: "\\"Ask first.\\""}',
    "- text: {zh: +86-10-12308（外交部）, en: Don't wait!}  # 注释",
    "k: {zh: 为什么?, en: b}",
    "k: {zh: a, en: b}}",
    "k: {zh: a, en: b} # {?",
    'k: "a\\qb"',
    'k: "a" "b"',
    "k: {zh: a,\n  en: b}",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_give_pyyaml_nodes_or_pyyaml_errors(text: str):
    assert outcome(yamlnodes.compose, text) == outcome(pure, text)


# -- PyYAML's trees kept on disk (pingan.core.yamlcache) ------------------------------------


def test_pyyaml_trees_read_back_from_the_cache_are_pyyaml_trees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A text composed a second time comes from the cache (no PyYAML parse), with the very
    tree PyYAML makes: every project file and every tricky text, errors never kept."""
    from pingan.core import yamlcache

    monkeypatch.setenv("PINGAN_CACHE_DIR", str(tmp_path))
    texts = [text for _name, text in project_texts()] + TRICKY
    first = [outcome(yamlnodes.compose, text) for text in texts]
    kept = sorted((tmp_path / "yaml").glob("*.json"))
    slow = [t for t in texts if yamlnodes._pure_only(t) and outcome(pure, t)[0] != "error"]
    assert len(kept) == len({*slow}) >= 10  # each pure-path text that PyYAML accepts, once

    def compose_but_not_those(text: str, Loader: type) -> Node | None:  # noqa: N803 - PyYAML's name
        if Loader is yaml.SafeLoader and text in slow:
            raise AssertionError("PyYAML parsed a text the cache holds")
        return _REAL_COMPOSE(text, Loader=Loader)

    with monkeypatch.context() as m:
        m.setattr(yaml, "compose", compose_but_not_those)
        again = [outcome(yamlnodes.compose, text) for text in texts]
    assert again == first == [outcome(pure, text) for text in texts]
    assert all(yamlcache.load(t)[0] for t in slow)


def test_an_unreadable_entry_is_composed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PINGAN_CACHE_DIR", str(tmp_path))
    text = "zh: {a: 1, b: [x, y]}\n"
    want = outcome(pure, text)
    assert outcome(yamlnodes.compose, text) == want
    (entry,) = (tmp_path / "yaml").glob("*.json")
    entry.write_text('["s", "broken"', encoding="utf-8")
    assert outcome(yamlnodes.compose, text) == want
    assert outcome(yamlnodes.compose, text) == want  # written anew, and read back


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PINGAN_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert outcome(yamlnodes.compose, "zh: {a: 1}") == outcome(pure, "zh: {a: 1}")
    assert not any(tmp_path.rglob("*.json"))


_REAL_COMPOSE = yaml.compose


@pytest.mark.parametrize("text", ["a: &x [1, 2]\nb: *x\n", "a: &x {b: *x}\n"])
def test_a_tree_with_an_alias_is_not_kept(text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An alias makes a node shared (or, recursive, its own child): such a tree is composed
    by PyYAML every time, never written to the cache (the quiz loader's recursive-alias test
    once hit the recursion limit here)."""
    monkeypatch.setenv("PINGAN_CACHE_DIR", str(tmp_path))
    for _ in range(2):
        root = yamlnodes.compose(text)
        assert isinstance(root, MappingNode) and root.value[0][0].value == "a"
    assert list(tmp_path.rglob("*.json")) == []


# -- generated texts ---------------------------------------------------------------------

#: Text an editor types, which the fast path takes.
COMMON = ["a", "中", "，", "！", "？", "：", "（", " "]
#: Pieces of YAML syntax, anywhere.
PIECES = [*COMMON, "  ", "'", "''", '"', '\\"', "\\\\", "\\n", "\\u4e2d", "\\q", "\\", "#", " #", ":", ": ", "-",
    "- ", "?", "? ", "!", "&", "*", "{", "}", "[", "]", ",", ", ", "|", ">", "%", "@", "`", "+86", "Yes!",
    "don't", "\t", "\n", "\n  ", "https://a.cn/x?y=1"]  # fmt: skip
#: Pieces that mostly keep a value inside what the fast path takes, with a few that push
#: it out (so that the edge of the rules is tested too).
CALM = ["?", ":", "#", "-", "'", "!", *COMMON, "Yes!", "don't", "+86", '\\"', "\\u4e2d", "\\\\"]


def generated(seed: int, count: int) -> list[str]:
    """Quiz-like lines (flow mappings, quoted and plain values after ``key:`` or ``-``)
    with random pieces of YAML syntax inside and around them; half the texts "calm",
    close to what the quiz files hold."""
    rng = random.Random(seed)
    calm = False

    def pick(wild: list[str], tame: list[str]) -> str:
        return rng.choice(tame if calm else wild)

    def piece() -> str:
        return "".join(pick(PIECES, CALM) for _ in range(rng.randint(0, 5)))

    def value() -> str:
        r = rng.random()
        return f'"{piece()}"' if r < 0.3 else f"'{piece()}'" if r < 0.45 else piece()

    def flow_map() -> str:
        pairs = [
            f"{pick(['zh', 'en', 'zh-Hant', '1a'], ['zh', 'en'])}:{pick([' ', '', '  '], [' '])}{value()}"
            for _ in range(rng.randint(1, 3))
        ]
        return "{" + rng.choice(["", " "]) + pick([", ", ",", " , "], [", "]).join(pairs) + rng.choice(["", " "]) + "}"

    def line() -> str:
        v = flow_map() if rng.random() < 0.5 else f'"{piece()}"' if rng.random() < 0.6 else value()
        v += pick(["", "", " # c", " #{?", "#x", "  ", ", x", "}"], ["", " # c"])
        indent = " " * rng.choice([0, 2, 4])
        return indent + rng.choice([f"text: {v}", f"- {v}", v, f"- text: {v}", piece(), f"k: {piece()}"])

    texts = []
    for _ in range(count):
        calm = rng.random() < 0.5
        texts.append("\n".join(line() for _ in range(rng.randint(1, 4))) + rng.choice(["", "\n"]))
    return texts


@pytest.mark.parametrize("seed", range(4))
def test_generated_texts_give_pyyaml_nodes_or_pyyaml_errors(seed: int, monkeypatch: pytest.MonkeyPatch):
    """Thousands of texts near what the quiz files hold (the fast path's rules were found
    and are checked this way: texts like these found `k: >#`, which libyaml alone accepts)."""
    monkeypatch.setenv("PINGAN_CACHE_DIR", "off")
    texts = generated(seed, 1500)
    # The rules under test are exercised: texts with flow mappings or backslashes taken fast.
    assert sum(not yamlnodes._pure_only(t) and yamlnodes._divergent(t) for t in texts) > 100
    for text in texts:
        assert outcome(yamlnodes.compose, text) == outcome(pure, text), repr(text)
