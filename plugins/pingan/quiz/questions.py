"""The checks of one question of a quiz file and of its options and texts. Plain Python."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pingan.core import yamlnodes as nodes
from pingan.core.text import Localized
from pingan.quiz.model import KINDS, Option, Question
from pingan.quiz.schema import OPTION_KEYS, QUESTION_ID_RE, QUESTION_KEYS, Place, place
from pingan.quiz.source import Branch, PendingText, QuestionInfo, YamlFile


class QuestionChecks(YamlFile):
    """Checks of a question, its options and texts (mixed into :class:`~pingan.quiz.validate.FileChecker`).

    Needs ``languages``, ``default``, ``pending`` and ``quiz_id`` from the file checker.
    """

    languages: list[str]
    default: str
    pending: list[PendingText]

    def keys(self, node: MappingNode, allowed: Sequence[str], owner: str) -> tuple[dict[str, Node], set[str]]:
        """The values of a mapping by key (first of duplicates), reporting unknown keys.

        Also returns the keys that an unknown key was taken for ("did you
        mean"), so that a misspelt required key is reported once, as a typo,
        and not a second time as missing.
        """
        found: dict[str, Node] = {}
        typos: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                continue  # reported by check_duplicate_keys
            if key.value not in allowed:
                self.error(key, f'{owner} has an unknown key "{key.value}"' + nodes.suggest(key.value, allowed))
                typos.update(difflib.get_close_matches(key.value, allowed, n=1, cutoff=0.6))
            elif key.value not in found:
                found[key.value] = value
        return found, typos

    def question(self, node: Node, index: int) -> QuestionInfo:
        """Check question number ``index`` (1-based) of the file."""
        info = QuestionInfo(None, nodes.line(node))
        if not isinstance(node, MappingNode):
            self.error(
                node,
                f"question {index} is {nodes.describe(node)}; expected a question starting with "
                '"- id:", with its "kind", "prompt" and the rest indented below it',
            )
            return info
        errors_before = len(self.errors)
        # The id names the question in every other message, so find it first.
        idnode = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == "id"), None)
        usable = idnode is not None and nodes.has_text(idnode)
        label = f'question "{idnode.value}"' if usable and idnode is not None else f"question {index}"
        found, typos = self.keys(node, QUESTION_KEYS, label)
        if idnode is None:
            if "id" not in typos:
                self.error(
                    node,
                    f'question {index} has no "id"; add "id:" with a short name such as "ask-first"',
                )
        elif not usable:
            self.error(
                idnode,
                f'the id of question {index} is {nodes.describe(idnode)}; expected a short name such as "ask-first"',
            )
        else:
            info.id = idnode.value
            if not QUESTION_ID_RE.match(idnode.value):
                self.error(
                    idnode,
                    f'question id "{idnode.value}" can use only letters, digits and "-"; e.g. "ask-first"',
                )

        kind = None
        if "kind" not in found:
            if "kind" not in typos:
                self.error(node, f'{label} has no "kind"; add "kind:" with one of: ' + ", ".join(KINDS))
        else:
            knode = found["kind"]
            value = knode.value if isinstance(knode, ScalarNode) else None
            if value in KINDS:
                kind = value
            else:
                shown = (
                    "an empty kind"
                    if isinstance(knode, ScalarNode) and knode.tag == nodes.NULL_TAG
                    else f"kind {nodes.quoted(knode)}"
                )
                self.error(knode, f"{label} has {shown}; expected one of: " + ", ".join(KINDS))

        qid = info.id
        prompt = self.required_text(node, found, typos, "prompt", label, "the question itself", qid)
        explanation = self.required_text(
            node, found, typos, "explanation", label, "why, shown after the answer is checked", qid
        )
        situation = None
        if kind == "scenario":
            situation = self.required_text(
                node,
                found,
                typos,
                "situation",
                label,
                "the short story the reader starts from",
                qid,
            )
        elif "situation" in found and kind is not None:
            self.error(
                found["situation"],
                f'{label} is kind "{kind}" but has a "situation", which only "scenario" '
                'questions have; remove it or use "kind: scenario"',
            )

        options: tuple[Option, ...] = ()
        if kind == "truefalse":
            options = self.truefalse(node, found, label, qid)
        elif kind is not None:
            for key in ("answer", "if_true", "if_false"):
                if key in found:
                    self.error(
                        found[key],
                        f'{label} is kind "{kind}" but has "{key}", which only "truefalse" '
                        'questions have; mark the right options with "correct: true" instead'
                        if key == "answer"
                        else f'{label} is kind "{kind}" but has "{key}", which only "truefalse" '
                        'questions have; give each option its own "feedback" instead',
                    )
            options = self.options(node, found, label, kind, info)

        if len(self.errors) == errors_before and kind is not None and info.id is not None:
            assert prompt is not None and explanation is not None
            info.question = Question(
                id=info.id,
                kind=kind,  # checked against KINDS above
                prompt=prompt,
                options=options,
                explanation=explanation,
                line=info.line,
                situation=situation,
            )
        return info

    def truefalse(self, node: MappingNode, found: dict[str, Node], label: str, qid: str | None) -> tuple[Option, ...]:
        """The two options of a true/false question, from its ``answer``."""
        if "options" in found:
            self.error(
                found["options"],
                f'{label} is kind "truefalse", which has no "options"; write "answer: true" or "answer: false" instead',
            )
        feedback: dict[str, Localized | None] = {}
        for key in ("if_true", "if_false"):
            node_ = found.get(key)
            feedback[key] = (
                self.text(node_, f'the "{key}" feedback of {label}', key, place(qid, key)) if node_ else None
            )
        if "answer" not in found:
            self.error(
                node,
                f'{label} is kind "truefalse" but has no "answer"; add "answer: true" or "answer: false"',
            )
            return ()
        anode = found["answer"]
        answer = self.boolean(anode, f"{label} has answer")
        if answer is None:
            return ()
        line = nodes.line(anode)
        return (
            Option(text=None, correct=answer, line=line, feedback=feedback["if_true"], value=True),
            Option(
                text=None,
                correct=not answer,
                line=line,
                feedback=feedback["if_false"],
                value=False,
            ),
        )

    def options(
        self, node: MappingNode, found: dict[str, Node], label: str, kind: str, info: QuestionInfo
    ) -> tuple[Option, ...]:
        """Check the options of a single, multiple or scenario question."""
        if "options" not in found:
            self.error(
                node,
                f'{label} has no "options"; add "options:" with two or more answers to choose from',
            )
            return ()
        onode = found["options"]
        if not isinstance(onode, SequenceNode):
            self.error(
                onode,
                f"the options of {label} are {nodes.describe(onode)}; expected a list, "
                'each option starting with "- text:"',
            )
            return ()
        options: list[Option] = []
        broken = False
        for number, item in enumerate(onode.value, start=1):
            option = self.option(item, number, label, kind, info)
            if option is None:
                broken = True
            else:
                options.append(option)
        count = len(onode.value)
        if count < 2:
            self.error(
                onode,
                f"{label} has {'only 1 option' if count == 1 else 'no options'}; expected at least 2 to choose from",
            )
        if broken:
            return tuple(options)  # the right answers cannot be counted reliably
        right = [o for o in options if o.correct]
        if not right and count >= 2:
            hint = {
                "single": "mark the right one",
                "multiple": "mark every right one",
                "scenario": "mark the good choice(s)",
            }[kind]
            self.error(onode, f'{label} has no correct option; {hint} with "correct: true"')
        elif kind == "single" and len(right) > 1:
            lines = ", ".join(str(o.line) for o in right)
            self.error(
                right[1].line,
                f'{label} is kind "single" but has {len(right)} correct options (lines {lines}); '
                'expected exactly one. Use "kind: multiple" for "choose all that apply"',
            )
        return tuple(options)

    def option(self, node: Node, number: int, label: str, kind: str, info: QuestionInfo) -> Option | None:
        """Check option ``number`` (1-based) of a question."""
        owner = f"option {number} of {label}"
        if not isinstance(node, MappingNode):
            self.error(
                node,
                f'{owner} is {nodes.describe(node)}; expected "- text:" with the option\'s text '
                '(and "correct: true" if it is right)',
            )
            return None
        errors_before = len(self.errors)
        found, typos = self.keys(node, OPTION_KEYS, owner)
        text = None
        if "text" not in found:
            if "text" not in typos:
                self.error(node, f'{owner} has no "text"; add "text:" with what the reader can choose')
        else:
            text = self.text(found["text"], owner, "text", place(info.id, "text", number))
        correct = False
        if "correct" in found:
            value = self.boolean(found["correct"], f"{owner} has correct")
            correct = bool(value)
        feedback = None
        if "feedback" in found:
            feedback = self.text(
                found["feedback"],
                f"the feedback of {owner}",
                "feedback",
                place(info.id, "feedback", number),
            )
        target = None
        if "next" in found:
            nnode = found["next"]
            if kind == "multiple":
                self.error(
                    nnode,
                    f'{owner} has "next", but a "multiple" question cannot branch (the reader '
                    'picks several options); use "kind: single" or "kind: scenario"',
                )
            elif not nodes.has_text(nnode):
                self.error(
                    nnode,
                    f'the "next" of {owner} is {nodes.describe(nnode)}; expected the id of the follow-up question',
                )
            else:
                target = nnode.value
                info.branches.append(Branch(target, nodes.line(nnode), owner))
        if len(self.errors) > errors_before or text is None:
            return None
        return Option(text=text, correct=correct, line=nodes.line(node), feedback=feedback, next=target)

    # -- values ------------------------------------------------------------

    def boolean(self, node: Node, what: str) -> bool | None:
        """``true`` or ``false``; anything else (even YAML's ``yes``) is reported.

        YAML 1.1 also reads ``yes``/``no``/``on``/``off`` as booleans, but the
        README allows only true and false so that quiz files read the same to
        every editor, and to any other YAML reader.
        """
        if isinstance(node, ScalarNode) and node.tag == nodes.BOOL_TAG:
            if node.value.lower() in ("true", "false"):
                return node.value.lower() == "true"
        quoted = isinstance(node, ScalarNode) and node.style in ('"', "'")
        expected = "true or false, without quotes" if quoted else "true or false"
        self.error(node, f"{what}: {nodes.shown(node)}; expected {expected}")
        return None

    def required_text(
        self,
        node: MappingNode,
        found: dict[str, Node],
        typos: set[str],
        key: str,
        label: str,
        hint: str,
        qid: str | None,
    ) -> Localized | None:
        """A text the question must have, e.g. its prompt."""
        if key not in found:
            if key not in typos:
                self.error(node, f'{label} has no "{key}"; add "{key}:" with {hint}')
            return None
        return self.text(found[key], f"the {key} of {label}", key, place(qid, key))

    def text(self, node: Node, what: str, key: str, place: Place | None = None) -> Localized | None:
        """A text in the languages written here; the others are filled in later.

        ``what`` names the text in messages, e.g. ``the prompt of question "x"``;
        ``key`` is the YAML key it was written under, e.g. ``prompt``;
        ``place`` is where the same text sits in a translation file. Missing
        languages are filled (and reported) by :meth:`fill_missing`, after the
        translation files have been merged in.
        """
        errors_before = len(self.errors)
        texts: dict[str, tuple[str, int]] = {}  # lang -> (text, line)
        if isinstance(node, ScalarNode):
            # A plain string is the default language's text. The raw value is
            # used, not the YAML type: an English text "No" or "2024" is text.
            if not nodes.has_text(node):
                self.error(node, f'{what} is empty; write the text after "{key}:"')
                return None
            texts[self.default] = (node.value.strip(), nodes.line(node))
        elif isinstance(node, MappingNode):
            for lang_node, value in node.value:
                if not isinstance(lang_node, ScalarNode) or lang_node.value in texts:
                    continue  # reported by check_duplicate_keys
                lang = lang_node.value
                if lang not in self.languages and node.flow_style and value.tag == nodes.NULL_TAG:
                    # {en: Go, at once}: the comma cut the text in two.
                    self.error(
                        lang_node,
                        f'{what} has "{lang}" where a language should be; if a text contains '
                        "a comma, put the whole text in quotes",
                    )
                    continue
                if lang not in self.languages:
                    self.error(
                        lang_node,
                        f'{what} has a text in "{lang}", which is not a site language; '
                        "expected one of the site languages: " + ", ".join(self.languages),
                    )
                    continue
                if not isinstance(value, ScalarNode):
                    self.error(
                        value,
                        f'the "{lang}" text of {what} is {nodes.describe(value)}; expected plain text',
                    )
                elif value.tag == nodes.NULL_TAG or not value.value.strip():
                    # An empty value has no place of its own: point at its key.
                    self.error(
                        lang_node,
                        f'the "{lang}" text of {what} is empty; write the text after "{lang}:"',
                    )
                else:
                    texts[lang] = (value.value.strip(), nodes.line(value))
            if self.default not in texts and len(self.errors) == errors_before:
                self.error(
                    node,
                    f'{what} has no "{self.default}" text, which every text needs (it is the '
                    f'default language); add "{self.default}: …"',
                )
        else:
            self.error(
                node,
                f"{what} is {nodes.describe(node)}; expected a text, or one text per language "
                "(" + ", ".join(f"{lang}: …" for lang in self.languages) + ")",
            )
        if len(self.errors) > errors_before:
            return None
        result = Localized((lang, texts[lang][0]) for lang in self.languages if lang in texts)
        self.pending.append(PendingText(result, node, what, place))
        return result

    # -- across questions --------------------------------------------------
