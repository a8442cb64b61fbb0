"""Lesson cards for the home page and the lesson index, grouped by audience (plain Python).

A page asks for them with a line ``[[lessons]]``. Each card shows the lesson's picture, its
title (the same one the sidebar shows: both come from the lesson itself), its age band and
its minutes. Every text is escaped here; nothing an editor types becomes markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import escape

#: ``[[lessons]]`` alone on a line.
LESSONS_REF_RE = re.compile(r"^[ \t]*\[\[lessons\]\][ \t]*$", re.MULTILINE)

#: The order of the groups, and their headings' ids (links like lessons/#children-6-9 stay).
GROUPS: tuple[tuple[str, str | None, str], ...] = (
    ("children", "6-9", "children-6-9"),
    ("children", "10-13", "children-10-13"),
    ("children", None, "children"),
    ("teens", None, "teens"),
    ("young-adults", None, "young-adults"),
    ("parents", None, "parents"),
    ("everyone", None, "everyone"),
    ("community", None, "community"),
    ("teachers", None, "teachers"),
)


@dataclass(frozen=True)
class Card:
    """One lesson as its card shows it; ``href`` and ``picture`` relative to the page."""

    title: str
    href: str
    audience: str
    age_band: str | None
    minutes: int | None
    picture: str | None


def group_id(card: Card) -> str:
    """The id of the group a card belongs to."""
    for audience, band, gid in GROUPS:
        if card.audience == audience and (band is None or band == card.age_band):
            return gid
    return card.audience


def render_cards(
    cards: Iterable[Card],
    *,
    audience_name: Callable[[str], str],
    age_text: Callable[[str], str],
    minutes_text: Callable[[int], str],
    heading_level: int = 2,
) -> str:
    """Cards in groups, each under a heading: ``audience_name`` and ``age_text`` give the
    heading's words in the page's language, ``minutes_text`` the time of a lesson."""
    groups: dict[str, list[Card]] = {}
    for card in cards:
        groups.setdefault(group_id(card), []).append(card)
    order = [gid for _, _, gid in GROUPS] + sorted(set(groups) - {gid for _, _, gid in GROUPS})
    level = min(max(heading_level, 2), 6)
    out = ['<div class="pa-cards">']
    for gid in order:
        members = groups.get(gid)
        if not members:
            continue
        first = members[0]
        heading = audience_name(first.audience)
        if first.age_band and first.age_band not in ("all", "adult") and gid != first.audience:
            heading += " · " + age_text(first.age_band)
        out.append(f'<h{level} id="{escape(gid)}" class="pa-cards__group">{escape(heading)}</h{level}>')
        out.append('<ul class="pa-cards__list">')
        for card in members:
            facts = []
            if card.age_band and card.age_band not in ("all", "adult"):
                facts.append(age_text(card.age_band))
            if card.minutes:
                facts.append(minutes_text(int(card.minutes)))
            picture = (
                f'<img class="pa-card__picture" src="{escape(card.picture)}" alt="" width="240" height="180"'
                ' loading="lazy" decoding="async">'
                if card.picture
                else ""
            )
            out.append(
                f'<li class="pa-card"><a class="pa-card__link" href="{escape(card.href)}">{picture}'
                f'<span class="pa-card__title">{escape(card.title)}</span>'
                + (f'<span class="pa-card__facts">{escape(" · ".join(facts))}</span>' if facts else "")
                + "</a></li>"
            )
        out.append("</ul>")
    out.append("</div>")
    return "\n".join(out)
