"""Export every quiz to the formats learning platforms import (``make export``).

Plain Python, no MkDocs: the quizzes are read through the shared quiz model
(:mod:`pingan.quiz.model`, :func:`pingan.quiz.loader.load_quizzes`), then
written per language as Moodle GIFT (:mod:`pingan.export.gift`) and as IMS QTI
2.1 content packages (:mod:`pingan.export.qti`). :mod:`pingan.export.items`
turns a quiz into the flat list of questions both formats write, with the
follow-ups of a scenario placed right after the question they branch from.
"""
