"""Checks one translation file, ``quizzes/<id>.<lang>.yml``, and collects its texts. Plain Python."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pingan.core import yamlnodes as nodes
from pingan.core.languages import cldr_language
from pingan.quiz.model import Question, Quiz
from pingan.quiz.schema import (
    ANSWER_KEYS,
    SOURCE_HASH_RE,
    TRANSLATION_OPTION_KEYS,
    TRANSLATION_QUESTION_KEYS,
    TRANSLATION_TOP_KEYS,
    Place,
)
from pingan.quiz.source import YamlFile


class TranslationFile(YamlFile):
    """Checks one translation file, ``quizzes/<id>.<lang>.yml``, and collects its texts.

    The texts are kept by their place in the quiz (``Place``), so they can be
    merged into the quiz's texts even while the quiz file has problems of its
    own. The checks against the quiz's structure (question ids, number of
    options, which texts the quiz has) need the checked quiz and are left out
    without it: the quiz file's own problems must be fixed first.
    """

    def __init__(
        self,
        path: Path,
        rel: str,
        quiz_rel: str,
        quiz_id: str,
        lang: str,
        languages: list[str],
        default: str,
    ) -> None:
        super().__init__(path, rel)
        self.quiz_rel = quiz_rel
        self.quiz_id = quiz_id
        self.lang = lang
        self.languages = languages
        self.default = default
        #: the texts found, by their place in the quiz.
        self.texts: dict[Place, str] = {}
        #: the line of each question id written in the file, to point there
        #: when one of the question's texts is missing.
        self.question_lines: dict[str, int] = {}

    @property
    def merges(self) -> bool:
        """True if this file's texts go into the quiz: a site language, not the default."""
        return self.lang in self.languages and self.lang != self.default

    def empty_message(self) -> str:
        return (
            f'this translation file is empty; write the "{self.lang}" texts of '
            f"{self.quiz_rel} in it (see quizzes/README.md), or delete it"
        )

    def run(self, data: bytes, quiz: Quiz | None) -> None:
        """Check the file against ``quiz`` (None: the quiz has problems, or no file)."""
        self.check_language()
        text = self.decode(data)
        if text is not None:
            root = self.parse(text)
            if root is not None:
                self.check_duplicate_keys(root)
                self.check_top(root, quiz)
        self.errors.sort(key=lambda p: p.line)

    def check_language(self) -> None:
        """The language in the file name: a site language, or one the site may build later.

        A language the site does not build (yet) is fine if it is a real
        language code as CLDR writes it (``vi``, ``ug``, ``zh-Hant``):
        translators may prepare a language before it is added to
        ``mkdocs.yml``. Its file is checked all the same, but its texts are
        not used. Anything else is a mistake in the file name ("vn", "VI",
        "zh-hant"), which would otherwise leave the file silently unused.
        """
        lang = self.lang
        if lang == self.default:
            # Every text has its default-language text in the quiz file (it is
            # required there), and inline text wins: this file could never show.
            self.error(
                1,
                f'this file is named for "{lang}", the default language, whose texts are written '
                f"in {self.quiz_rel} itself; move any text there and delete this file",
            )
            return
        if lang in self.languages or cldr_language(lang) == lang:
            return
        others = [code for code in self.languages if code != self.default]
        # "VI" or "zh-hant" are near misses that difflib alone would not see.
        close = [code for code in others if code.lower() == lang.lower()] or (
            difflib.get_close_matches(lang, others, n=1, cutoff=0.6)
        )
        cldr = cldr_language(lang)
        head = f'"{lang}" in the file name is not a site language'
        if close:
            message = f'{head}; did you mean "{close[0]}"? Rename the file to "{self.quiz_id}.{close[0]}.yml"'
        elif cldr:
            # A language the site does not build, in the wrong case: "zh-hans".
            message = f'{head}, and CLDR writes it "{cldr}"; rename the file to "{self.quiz_id}.{cldr}.yml"'
        elif others:
            message = (
                f"{head}; expected one of the site languages: {', '.join(others)}, "
                f'as in "{self.quiz_id}.{others[0]}.yml"'
            )
        else:
            message = f'{head}, and this site has no language but "{self.default}"; delete this file'
        self.error(1, message)

    def fields(self, node: MappingNode, allowed: Sequence[str], owner: str) -> dict[str, tuple[ScalarNode, Node]]:
        """The keys and values of a mapping (first of duplicates), reporting keys not allowed.

        Keys that set answers get their own message: a translator copying a
        quiz's question must learn why "correct" cannot come along, not just
        that it is unknown.
        """
        found: dict[str, tuple[ScalarNode, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                continue  # reported by check_duplicate_keys
            name = key.value
            if name in ANSWER_KEYS:
                self.error(
                    key,
                    f'{owner} has "{name}", but a translation file holds only text: answers live '
                    f"only in {self.quiz_rel}, so that every language has the same answers; "
                    f'remove "{name}" here',
                )
            elif name not in allowed:
                self.error(key, f'{owner} has an unknown key "{name}"' + nodes.suggest(name, allowed))
            elif name not in found:
                found[name] = (key, value)
        return found

    def take(self, key: ScalarNode, value: Node, place: Place, what: str) -> None:
        """Keep one text of this language, or report why it cannot be used."""
        if isinstance(value, MappingNode):
            self.error(
                value,
                f'{what} is {nodes.describe(value)}; expected plain text after "{key.value}:" (this '
                f'file holds only "{self.lang}" texts, so write the text without "{self.lang}:", '
                'and put it in quotes if it contains ": ")',
            )
        elif not isinstance(value, ScalarNode):
            self.error(value, f'{what} is {nodes.describe(value)}; expected plain text after "{key.value}:"')
        elif not nodes.has_text(value):
            # An empty value has no place of its own: point at its key.
            self.error(
                key,
                f'{what} is empty; write the "{self.lang}" text after "{key.value}:", or remove '
                f'the line to use the "{self.default}" text',
            )
        else:
            # The raw value, not the YAML type: "No" or "2024" is text.
            self.texts[place] = value.value.strip()

    def check_top(self, root: Node, quiz: Quiz | None) -> None:
        """Check the top level: the quiz's title and intro, and its questions by id."""
        if not isinstance(root, MappingNode):
            self.error(
                root,
                f'this translation file is {nodes.describe(root)}; expected the keys "title:", '
                '"intro:" and "questions:" at the start of a line (see quizzes/README.md)',
            )
            return
        top = self.fields(root, TRANSLATION_TOP_KEYS, "the translation")
        if "title" in top:
            self.take(*top["title"], ("title",), "the title")
        if "intro" in top:
            key, value = top["intro"]
            if quiz is not None and quiz.intro is None:
                self.error(key, self.nothing_to_translate("the quiz", "intro", "an intro"))
            else:
                self.take(key, value, ("intro",), "the intro")
        if "questions" in top:
            self.questions(*top["questions"], quiz)
        if "source_hash" in top:
            key, value = top["source_hash"]
            if not (isinstance(value, ScalarNode) and SOURCE_HASH_RE.fullmatch(value.value)):
                self.error(
                    value,
                    '"source_hash" is written by "make i18n-current" (12 characters, 0-9 and a-f, '
                    "for example 1a2b3c4d5e6f); do not edit it by hand: delete the line, then "
                    'run "make i18n-current FILES=<this file>" once the translation is up to date',
                )

    def questions(self, key: ScalarNode, node: Node, quiz: Quiz | None) -> None:
        """Check ``questions:``: question ids as keys, each with its texts."""
        if not isinstance(node, MappingNode):
            example = quiz.questions[0].id if quiz is not None else "ask-first"
            # The quiz file's own layout is the likeliest mistake: say so.
            hint = ' (not "- id: …" as in the quiz file)' if isinstance(node, SequenceNode) else ""
            self.error(
                key if nodes.is_null(node) else node,
                f'"questions" is {nodes.describe(node)}; expected each question\'s id as a key, e.g. '
                f'"{example}:", with its texts indented below it{hint}',
            )
            return
        ids = [q.id for q in quiz.questions] if quiz is not None else []
        for qkey, qnode in node.value:
            if not isinstance(qkey, ScalarNode) or qkey.value in self.question_lines:
                continue  # reported by check_duplicate_keys
            qid = qkey.value
            self.question_lines[qid] = nodes.line(qkey)
            question = None
            if quiz is not None:
                if qid in ids:
                    question = quiz.question(qid)
                else:
                    self.error(
                        qkey,
                        f'question "{qid}" is not in {self.quiz_rel}' + nodes.suggest(qid, ids),
                    )
            self.question(qkey, qnode, question)

    def question(self, key: ScalarNode, node: Node, question: Question | None) -> None:
        """Check one question's texts; ``question`` is the quiz's (None if unknown)."""
        qid = key.value
        label = f'question "{qid}"'
        if not isinstance(node, MappingNode):
            self.error(
                key if nodes.is_null(node) else node,
                f'{label} is {nodes.describe(node)}; expected its texts ("prompt:", "explanation:" …) '
                f'indented below "{qid}:"',
            )
            return
        found = self.fields(node, TRANSLATION_QUESTION_KEYS, label)
        whats = {
            "prompt": f"the prompt of {label}",
            "situation": f"the situation of {label}",
            "if_true": f'the "if_true" feedback of {label}',
            "if_false": f'the "if_false" feedback of {label}',
            "explanation": f"the explanation of {label}",
        }
        for name, what in whats.items():
            if name not in found:
                continue
            fkey, value = found[name]
            absent = self.absent_in_quiz(question, name, label)
            if absent:
                self.error(fkey, absent)
            else:
                self.take(fkey, value, (qid, name), what)
        if "options" in found:
            self.options(*found["options"], qid, label, question)

    def nothing_to_translate(self, owner: str, name: str, add: str = "it") -> str:
        """The message for a text ``name`` that ``owner`` does not have in the quiz file."""
        return (
            f'{owner} has no "{name}" in {self.quiz_rel}, so there is nothing to translate; '
            f'remove "{name}" here, or add {add} to the quiz file first'
        )

    def absent_in_quiz(self, question: Question | None, name: str, label: str) -> str | None:
        """Why the quiz's question has no text ``name`` to translate, if it has none."""
        if question is None:
            return None
        if name == "situation" and question.kind != "scenario":
            return (
                f'{label} is kind "{question.kind}" in {self.quiz_rel}, and only "scenario" '
                'questions have a "situation"; remove "situation" here'
            )
        if name in ("if_true", "if_false"):
            if question.kind != "truefalse":
                return (
                    f'{label} is kind "{question.kind}" in {self.quiz_rel}, and only "truefalse" '
                    f'questions have "{name}"; remove "{name}" here'
                )
            option = question.options[0 if name == "if_true" else 1]
            if option.feedback is None:
                return self.nothing_to_translate(label, name)
        return None

    def options(self, key: ScalarNode, node: Node, qid: str, label: str, question: Question | None) -> None:
        """Check ``options:``: one item per option of the quiz, in its order."""
        if question is not None and question.kind == "truefalse":
            self.error(
                key,
                f'{label} is kind "truefalse" in {self.quiz_rel}, which has no "options"; remove '
                '"options" here (its feedback goes under "if_true:" and "if_false:")',
            )
            return
        if not isinstance(node, SequenceNode):
            self.error(
                key if nodes.is_null(node) else node,
                f"the options of {label} are {nodes.describe(node)}; expected a list with one "
                f'"- text:" for each option, in the order of {self.quiz_rel}',
            )
            return
        # Options are matched by position: a missing or extra one would put
        # every text after it beside the wrong answer.
        if question is not None and len(node.value) != len(question.options):
            count = len(question.options)
            self.error(
                key,
                f"{label} has {count} options in {self.quiz_rel} but {len(node.value)} here; "
                f'give one "- text:" for each of its {count} options, in the same order',
            )
        for number, item in enumerate(node.value, start=1):
            owner = f"option {number} of {label}"
            option = question.options[number - 1] if question is not None and number <= len(question.options) else None
            if not isinstance(item, MappingNode):
                self.error(
                    item,
                    f'{owner} is {nodes.describe(item)}; expected "- text:" with the option\'s text',
                )
                continue
            found = self.fields(item, TRANSLATION_OPTION_KEYS, owner)
            if "text" in found:
                self.take(*found["text"], (qid, "options", number, "text"), owner)
            if "feedback" in found:
                fkey, value = found["feedback"]
                if option is not None and option.feedback is None:
                    self.error(fkey, self.nothing_to_translate(owner, "feedback"))
                else:
                    self.take(
                        fkey,
                        value,
                        (qid, "options", number, "feedback"),
                        f"the feedback of {owner}",
                    )

    def where_to_add(self, place: Place) -> tuple[int, str]:
        """The line of this file where the text at ``place`` belongs, and what to add there."""
        if len(place) == 1:
            return 1, f'Add "{place[0]}: …" to this file'
        qid, key = place[0], place[-1]
        if qid in self.question_lines:
            inside = f" to option {place[2]}" if len(place) == 4 else ""
            return self.question_lines[qid], f'Add "{key}: …"{inside} under "{qid}:"'
        below = f' in option {place[2]} of its "options:"' if len(place) == 4 else " below it"
        return 1, f'Add "{qid}:" under "questions:", with "{key}: …"{below}'
