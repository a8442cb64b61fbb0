"""Injection corpus: what a careless or hostile editor could type into the files they edit.

Every payload that would run calls ``pwn(<n>)``; the browser tests define ``pwn`` and fail
if it is ever called. ``TEXT_PAYLOADS`` go into the text fields (front matter, navigation
titles, hotline labels, contacts, editions, quiz text): each must show as the very text
typed. ``BODY_PAYLOADS`` go into a lesson's body: each must be rejected with its line.
No payload uses "*" or "_" twice, so the quizzes' small Markdown keeps them as they are.
"""

from __future__ import annotations

#: Text fields: shown as text, never run.
TEXT_PAYLOADS: tuple[str, ...] = (
    "<script>pwn(1)</script>",
    "<img src=x onerror=pwn(2)>",
    "<svg onload=pwn(3)>",
    "<svg><script>pwn(4)</script></svg>",
    '"><script>pwn(5)</script>',
    "'><img src=x onerror=pwn(6)>",
    '" onmouseover="pwn(7)" x="',
    "' onfocus='pwn(8)' autofocus x='",
    "</title><script>pwn(9)</script>",
    "</textarea></style><script>pwn(10)</script>",
    "{{ 7*7 }}",
    "{% if true %}pwn(12){% endif %}",
    "{{ config.site_name }}{# c #}",
    "&lt;script&gt;pwn(14)&lt;/script&gt;",
    "&#60;img src=x onerror=pwn(15)&#62;",
    '<a href="javascript:pwn(16)">a16</a>',
    '<a href="JaVaScRiPt:pwn(17)">a17</a>',
    '<a href="java&#x09;script:pwn(18)">a18</a>',
    '<iframe src="javascript:pwn(19)"></iframe>',
    '<object data="javascript:pwn(20)"></object>',
    '<embed src="javascript:pwn(21)">',
    "<details open ontoggle=pwn(22)>",
    "<body onload=pwn(23)>",
    "<style>@import 'javascript:pwn(24)';</style>",
    '<base href="javascript:pwn(25)//">',
    '<form action="javascript:pwn(26)"><button>b26</button></form>',
    '<math><mi xlink:href="javascript:pwn(27)">m27</mi></math>',
    '<a href="data:text/html,<script>pwn(28)</script>">a28</a>',
    "[a29](javascript:pwn(29))",
    "<IMG SRC=JaVaScRiPt:pwn(30)>",
    '<a href="vbscript:pwn(31)">a31</a>',
    "\\u003cscript\\u003epwn(32)\\u003c/script\\u003e",
)

#: Lesson bodies: (Markdown line, a word the problem's message has; "" for a line whose problem is
#: reported on another line). Each must be rejected with its file and line.
BODY_PAYLOADS: tuple[tuple[str, str], ...] = (
    ('<script>pwn(101)</script>', '<script>'),
    ('<SCRIPT>pwn(102)</SCRIPT>', '<script>'),
    ('<img src="x.png" alt="x" onerror="pwn(103)">', 'onerror'),
    ('<svg onload=pwn(104)></svg>', '<svg>'),
    ('<iframe src="https://example.org/"></iframe>', '<iframe>'),
    ('<object data="x.swf"></object>', '<object>'),
    ('<embed src="x.swf">', '<embed>'),
    ('<style>body{display:none}</style>', '<style>'),
    ('<base href="https://example.org/">', '<base>'),
    ('<form action="https://example.org/"><input name="q"></form>', '<form>'),
    ('<details ontoggle=pwn(111)><summary>s</summary>t</details>', 'ontoggle'),
    ('A [link](javascript:pwn(112)) in Markdown.', 'javascript:'),
    ('A [link](JaVaScRiPt:pwn(113)) in mixed case.', 'javascript:'),
    ('A [link](java&#x09;script:pwn(114)) with an entity in the scheme.', 'javascript:'),
    ('A [link](&#106;avascript:pwn(115)) with an encoded letter.', 'javascript:'),
    ('A [link][evil] by reference.', ''),
    ('[evil]: vbscript:pwn(117)', 'vbscript:'),
    ('![a picture](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) from data.', 'data:'),
    ('<a href="data:text/html,<script>pwn(119)</script>">x</a>', 'data:'),
    ('## A heading { onclick="pwn(120)" }', 'onclick'),
    ('<p onmouseover="pwn(121)">hover</p>', 'onmouseover'),
    ('<a href=" java\tscript:pwn(122)">a tab inside the scheme</a>', 'javascript:'),
    ('<a href="&#x20;VBSCRIPT&colon;pwn(123)">named entity</a>', 'vbscript:'),
)
