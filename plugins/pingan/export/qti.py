"""IMS QTI 2.1: one content package (a zip with ``imsmanifest.xml``) per quiz and language.

The package holds one ``assessmentItem`` per question (``items/<question>.xml``,
identifier ``pingan.<quiz>.<question>.<lang>``) and one ``assessmentTest`` with
the questions in the site's order. Each item is a ``choiceInteraction``:
``single``, ``scenario`` and ``truefalse`` take one answer, scored by a mapping
(every good choice of a scenario scores 1), ``multiple`` takes several and
scores 1 when the set is exactly right. Response processing sets ``FEEDBACK``
to the chosen option(s), which shows that option's ``modalFeedback``, and
``EXPLANATION``, which shows the explanation after every answer.

Texts are the quiz renderer's escaped HTML (``<p>``, ``<a>``, ``<strong>``,
``<em>``, ``<code>``): all in QTI's XHTML content model.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import quoteattr

from pingan.export.items import Item

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
SCHEMA = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_SCHEMA = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _value(base: str, value: str) -> str:
    return f'<baseValue baseType="{base}">{value}</baseValue>'


def _set(outcome: str, expr: str) -> str:
    return f'<setOutcomeValue identifier="{outcome}">{expr}</setOutcomeValue>'


def item_xml(item: Item) -> str:
    """The ``assessmentItem`` document of one question."""
    card = "multiple" if item.multiple else "single"
    rights = [c.ident for c in item.choices if c.correct]
    correct = rights if item.multiple else rights[:1]
    decl = [f'<responseDeclaration identifier="RESPONSE" cardinality="{card}" baseType="identifier">']
    decl.append("<correctResponse>" + "".join(f"<value>{r}</value>" for r in correct) + "</correctResponse>")
    if not item.multiple:
        entries = "".join(f'<mapEntry mapKey="{r}" mappedValue="1"/>' for r in rights)
        decl.append(f'<mapping lowerBound="0" upperBound="1" defaultValue="0">{entries}</mapping>')
    decl.append("</responseDeclaration>")
    decl.append(
        '<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">'
        "<defaultValue><value>0</value></defaultValue></outcomeDeclaration>"
        '<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float">'
        "<defaultValue><value>1</value></defaultValue></outcomeDeclaration>"
        f'<outcomeDeclaration identifier="FEEDBACK" cardinality="{card}" baseType="identifier"/>'
        '<outcomeDeclaration identifier="EXPLANATION" cardinality="single" baseType="identifier"/>'
    )
    choices = "".join(
        f'<simpleChoice identifier="{c.ident}" fixed="true">{c.html}</simpleChoice>' for c in item.choices
    )
    body = (
        f"<itemBody>{item.lead}"
        f'<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="{0 if item.multiple else 1}">'
        f"<prompt>{item.prompt}</prompt>{choices}</choiceInteraction></itemBody>"
    )
    response = '<variable identifier="RESPONSE"/>'
    if item.multiple:
        score = (
            "<responseCondition><responseIf>"
            f'<match>{response}<correct identifier="RESPONSE"/></match>{_set("SCORE", _value("float", "1"))}'
            f"</responseIf><responseElse>{_set('SCORE', _value('float', '0'))}</responseElse></responseCondition>"
        )
    else:
        mapped = _set("SCORE", '<mapResponse identifier="RESPONSE"/>')
        score = (
            f"<responseCondition><responseIf><isNull>{response}</isNull>{_set('SCORE', _value('float', '0'))}"
            f"</responseIf><responseElse>{mapped}</responseElse></responseCondition>"
        )
    processing = (
        f"<responseProcessing>{score}{_set('FEEDBACK', response)}"
        f"{_set('EXPLANATION', _value('identifier', 'explanation'))}</responseProcessing>"
    )
    feedback = "".join(
        f'<modalFeedback outcomeIdentifier="FEEDBACK" identifier="{c.ident}" showHide="show"><p>{c.feedback}</p></modalFeedback>'
        for c in item.choices
        if c.feedback
    )
    feedback += (
        '<modalFeedback outcomeIdentifier="EXPLANATION" identifier="explanation" showHide="show">'
        f"{item.explanation}</modalFeedback>"
    )
    title = item.name
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<assessmentItem xmlns="{NS}" xmlns:xsi="{_XSI}" xsi:schemaLocation="{NS} {SCHEMA}" '
        f'identifier="{item.ident}" title={quoteattr(title)} adaptive="false" timeDependent="false" '
        f'xml:lang="{item.lang}">' + "".join(decl) + body + processing + feedback + "</assessmentItem>\n"
    )


def test_xml(ident: str, title: str, items: list[Item], lang: str) -> str:
    """The ``assessmentTest``: the quiz's questions in order, one section, one linear part."""
    refs = "".join(f'<assessmentItemRef identifier="{i.ident}" href="items/{i.question_id}.xml"/>' for i in items)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<assessmentTest xmlns="{NS}" xmlns:xsi="{_XSI}" xsi:schemaLocation="{NS} {SCHEMA}" '
        f'identifier="{ident}" title={quoteattr(title)}>'
        '<testPart identifier="part" navigationMode="linear" submissionMode="individual">'
        f'<assessmentSection identifier="section" title={quoteattr(title)} visible="true">{refs}'
        "</assessmentSection></testPart></assessmentTest>\n"
    )


def manifest_xml(ident: str, title: str, items: list[Item], lang: str) -> str:
    """``imsmanifest.xml``: the test and every item as resources, the test depending on them."""
    resources = [
        f'<resource identifier="{ident}" type="imsqti_test_xmlv2p1" href="test.xml"><file href="test.xml"/>'
        + "".join(f'<dependency identifierref="{i.ident}"/>' for i in items)
        + "</resource>"
    ]
    resources += [
        f'<resource identifier="{i.ident}" type="imsqti_item_xmlv2p1" href="items/{i.question_id}.xml">'
        f'<file href="items/{i.question_id}.xml"/></resource>'
        for i in items
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest xmlns="{CP_NS}" xmlns:xsi="{_XSI}" xsi:schemaLocation="{CP_NS} {CP_SCHEMA}" '
        f'identifier="{ident}.package">'
        "<metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>"
        f"<organizations/><resources>{''.join(resources)}</resources></manifest>\n"
    )


def package(quiz_id: str, title: str, items: list[Item], lang: str) -> bytes:
    """The content package of one quiz in one language, as zip bytes (same input, same bytes)."""
    ident = f"pingan.{quiz_id}.{lang}"
    files = {
        "imsmanifest.xml": manifest_xml(ident, title, items, lang),
        "test.xml": test_xml(ident, title, items, lang),
    }
    for i in items:
        files[f"items/{i.question_id}.xml"] = item_xml(i)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()
