"""The lesson pictures: scenes of OpenMoji glyphs, by name (``<lesson>-<n>`` or ``card-<lesson>``).

A lesson shows one with ``![what it shows](../assets/pingan/pictures/<name>.svg)``: the text
between the brackets is the alt text, written in the lesson's own language. Each scene
carries meaning for a young reader: the scene of the story, the safe action, the trusted
adult. The cards of the home page and the lesson index use ``<lesson>-1``, or
``card-<lesson>`` for a lesson without pictures of its own.
"""

from __future__ import annotations

from pingan.pictures.compose import Glyph, Scene

#: Where busts stand (OpenMoji draws people from the chest up, down to y=61 of 72).
GROUND = 150

CHILD_GIRL, CHILD_BOY, CHILD = "1F467", "1F466", "1F9D2"
WOMAN, MAN, OLD_MAN, OLD_WOMAN = "1F469", "1F468", "1F474", "1F475"
TEACHER = "1F469-200D-1F3EB"
POLICE = "1F46E"
SCHOOL, STORE, HOUSE, HOUSES, DOOR = "1F3EB", "1F3EC", "1F3E0", "1F3D8", "1F6AA"
PHONE, TELEPHONE, SPEECH, QUESTION, CHECK, HAND, STOP = "1F4F1", "260E", "1F4AC", "2753", "2705", "270B", "1F6D1"
CAR, GIFT, HEART, KEY, WRENCH, LOCK, SHUSH, PEOPLE, BADGE, RUN = (
    "1F697",
    "1F381",
    "2764",
    "1F511",
    "1F527",
    "1F512",
    "1F92B",
    "1F465",
    "1F4DB",
    "1F3C3",
)
MEMO = "1F4DD"


def person(code: str, cx: float, size: float = 84, flip: bool = False) -> Glyph:
    """A person standing on the ground line, centred at ``cx``."""
    return Glyph(code, cx - size / 2, GROUND - size * 61 / 72, size, flip)


def thing(code: str, cx: float, cy: float, size: float = 40) -> Glyph:
    """An object or sign centred at (cx, cy)."""
    return Glyph(code, cx - size / 2, cy - size / 2, size)


_WARM, _WARM_GROUND = "#fff3e0", "#ffe0b2"
_SKY, _SKY_GROUND = "#e3f2fd", "#bbdefb"

SCENES: tuple[Scene, ...] = (
    # check-first: at the school gate someone says "your mum sent me"; the girl checks first.
    Scene(
        "check-first-1",
        (
            thing(SCHOOL, 195, 52, 76),
            person(CHILD_GIRL, 62, 80),
            person(WOMAN, 150, 92, flip=True),
            thing(SPEECH, 118, 40, 40),
            thing(QUESTION, 62, 38, 36),
        ),
    ),
    Scene(
        "check-first-2",
        (
            person(CHILD_GIRL, 58, 80),
            person(TEACHER, 150, 96, flip=True),
            thing(TELEPHONE, 208, 60, 40),
            thing(CHECK, 58, 36, 34),
        ),
        _WARM,
        _WARM_GROUND,
    ),
    # lost-in-a-crowd: lost in a shopping centre, the boy stays where he is; then asks a shop worker.
    Scene(
        "lost-in-a-crowd-1",
        (
            thing(STORE, 190, 50, 78),
            thing(PEOPLE, 45, 60, 56),
            person(CHILD_BOY, 112, 84),
            thing(QUESTION, 112, 34, 34),
            thing(STOP, 196, 122, 32),
        ),
    ),
    Scene(
        "lost-in-a-crowd-2",
        (
            person(CHILD_BOY, 58, 80),
            person(WOMAN, 150, 94, flip=True),
            thing(BADGE, 150, 140, 24),
            thing(PHONE, 208, 62, 40),
            thing(CHECK, 58, 36, 34),
        ),
        _WARM,
        _WARM_GROUND,
    ),
    # saying-no: a man offers cartoons in his car; the boy says "No!" and runs to the gatekeeper.
    Scene(
        "saying-no-1",
        (
            thing(CAR, 200, 116, 64),
            person(MAN, 138, 90, flip=True),
            thing(PHONE, 170, 56, 32),
            person(CHILD_BOY, 52, 80),
            thing(HAND, 84, 58, 38),
        ),
        _SKY,
        _SKY_GROUND,
    ),
    Scene(
        "saying-no-2",
        (
            thing(HOUSES, 196, 52, 72),
            person(OLD_MAN, 150, 92, flip=True),
            person(CHILD_BOY, 60, 80),
            thing(TELEPHONE, 108, 44, 34),
            thing(CHECK, 60, 34, 32),
        ),
        _WARM,
        _WARM_GROUND,
    ),
    # friends-online: an online "friend" asks for a photo and a secret meeting; she tells her mother.
    Scene(
        "friends-online-1",
        (
            person(CHILD_GIRL, 60, 84),
            thing(PHONE, 124, 100, 52),
            thing(SPEECH, 160, 50, 48),
            thing(GIFT, 204, 110, 40),
            thing(SHUSH, 206, 42, 36),
            thing(QUESTION, 60, 34, 32),
        ),
        _SKY,
        _SKY_GROUND,
    ),
    Scene(
        "friends-online-2",
        (
            person(CHILD_GIRL, 62, 82),
            person(WOMAN, 158, 96, flip=True),
            thing(PHONE, 108, 112, 36),
            thing(HEART, 110, 46, 36),
        ),
        _WARM,
        _WARM_GROUND,
    ),
    # home-alone-code-word: someone at the door; the boy does not open it and calls his mother.
    Scene(
        "home-alone-code-word-1",
        (
            person(CHILD_BOY, 48, 80),
            thing(DOOR, 120, 100, 84),
            person(MAN, 192, 86, flip=True),
            thing(WRENCH, 222, 70, 30),
            thing(LOCK, 120, 42, 30),
            thing(PHONE, 86, 70, 28),
        ),
        _SKY,
        _SKY_GROUND,
    ),
    Scene(
        "home-alone-code-word-2",
        (
            person(CHILD_BOY, 62, 82),
            person(WOMAN, 160, 96, flip=True),
            thing(KEY, 112, 46, 38),
            thing(SHUSH, 112, 100, 34),
        ),
        _WARM,
        _WARM_GROUND,
    ),
    # left-behind-children: at the village shop a man says "your dad sent me"; she runs home to
    # ask grandma, who video-calls dad; the family's safety plan: phone numbers, who may fetch her.
    Scene(
        "left-behind-children-1",
        (
            thing(STORE, 194, 50, 76),
            person(MAN, 146, 90, flip=True),
            thing(SPEECH, 112, 40, 40),
            person(CHILD_GIRL, 56, 80),
            thing(QUESTION, 56, 36, 34),
        ),
        _SKY,
        _SKY_GROUND,
    ),
    Scene(
        "left-behind-children-2",
        (
            thing(HOUSE, 196, 44, 56),
            person(CHILD_GIRL, 56, 78),
            person(OLD_WOMAN, 136, 90, flip=True),
            thing(PHONE, 206, 116, 44),
            thing(HEART, 98, 52, 26),
            thing(CHECK, 56, 40, 30),
        ),
        _WARM,
        _WARM_GROUND,
    ),
    Scene(
        "left-behind-children-3",
        (
            person(OLD_WOMAN, 196, 90, flip=True),
            person(CHILD_GIRL, 48, 78),
            thing(MEMO, 122, 96, 60),
            thing(TELEPHONE, 104, 40, 34),
            thing(HOUSE, 146, 40, 34),
        ),
        _SKY,
        _SKY_GROUND,
    ),
    # Cards of the lessons for older readers: one sign of what the lesson is about.
    Scene(
        "card-job-offers",
        (thing("1F4BC", 80, 90, 84), thing("1F50D", 166, 84, 64), thing("2753", 196, 40, 34)),
        _SKY,
        None,
    ),
    Scene("card-controlling-boyfriend", (thing("1F494", 90, 90, 84), thing("1F4F1", 170, 92, 56)), _WARM, None),
    Scene("card-marriage-brides", (thing("1F48D", 86, 90, 80), thing("2696", 168, 90, 70)), _SKY, None),
    Scene("card-missing-child-first-hour", (thing("23F1", 80, 90, 80), thing("260E", 166, 92, 66)), _WARM, None),
    Scene(
        "card-talking-with-children",
        (person(WOMAN, 150, 92, flip=True), person(CHILD, 66, 78), thing("1F4AC", 108, 44, 40)),
        _WARM,
        _WARM_GROUND,
    ),
    Scene("card-what-the-law-says", (thing("2696", 86, 90, 84), thing("1F4D6", 170, 96, 60)), _SKY, None),
    Scene(
        "card-illegal-adoption",
        (thing("1F476", 84, 90, 76), thing("1F4C4", 160, 92, 60), thing("1F6AB", 196, 52, 36)),
        _WARM,
        None,
    ),
    Scene("card-spot-and-report", (thing("1F50D", 80, 90, 76), thing("1F4DE", 166, 92, 60)), _SKY, None),
    Scene("card-after-rescue", (thing("1F3E1", 84, 86, 80), thing("1F91D", 170, 94, 64)), _WARM, None),
    # A teacher: a woman at her school with the class's books (OpenMoji's teacher glyph weighs as
    # much as three other cards; the woman and the school are in the card sheet already).
    Scene(
        "card-teachers-guide",
        (thing(SCHOOL, 186, 56, 80), person(WOMAN, 70, 96), thing("1F4DA", 176, 124, 60)),
        _SKY,
        _SKY_GROUND,
    ),
)

BY_NAME: dict[str, Scene] = {scene.name: scene for scene in SCENES}


#: Lessons whose card shows a scene that another lesson's card already shows on the same
#: page: the picture is fetched once, so the home page stays within its weight budget.
SHARED_CARD_SCENES: dict[str, str] = {
    "going-abroad": "card-job-offers",  # a job offer far away: check it before you go
    "intellectual-disability-protection": "card-spot-and-report",  # neighbours notice and report
    "left-behind-caregivers": "left-behind-children-2",  # at home with grandma, a call to the parents
}


def card_picture(lesson: str) -> str | None:
    """The scene shown on a lesson's card: its first picture, else its card scene."""
    for name in (f"{lesson}-1", f"card-{lesson}", SHARED_CARD_SCENES.get(lesson, "")):
        if name in BY_NAME:
            return name
    return None


#: The file that holds every card scene (:func:`pingan.pictures.compose.compose_sheet`); a card
#: shows one with ``cards.svg#<scene name>``.
CARD_SHEET = "cards"


def card_scenes() -> tuple[Scene, ...]:
    """Every scene a card may show (a lesson's first picture, a card scene, a shared one), in
    the order of :data:`SCENES`: what the card sheet holds."""
    shared = set(SHARED_CARD_SCENES.values())
    return tuple(s for s in SCENES if s.name.endswith("-1") or s.name.startswith("card-") or s.name in shared)
