"""All validated content, as the app uses it. Built by :mod:`app.domain.assembly`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from app.domain.links import CHECK_TARGETS, DIARY_VIEWS, LAB_TARGETS, Link, LinkKind
from app.domain.problems import Problem

if TYPE_CHECKING:  # the window paints before these modules are needed; keep start-up light
    from app.domain.anatomy import Structure
    from app.domain.lessons import Lesson
    from app.domain.quiz import Question
    from app.domain.routines import Routine, Stretch


@dataclass(frozen=True)
class Content:
    """Validated content. Mappings keep file order; lessons are sorted by ``order``."""

    structures: Mapping[str, Structure]
    lessons: Mapping[str, Lesson]
    questions: Mapping[str, Question]
    stretches: Mapping[str, Stretch]
    routines: Mapping[str, Routine]
    problems: tuple[Problem, ...] = ()

    # Cached: link checking asks these for every quiz link (content is frozen, so they hold).
    @cached_property
    def topics(self) -> frozenset[str]:
        return frozenset(question.topic for question in self.questions.values())

    @cached_property
    def quiz_targets(self) -> frozenset[str]:
        """What ``quiz:<target>`` may name: a topic, a structure or a lesson."""
        return self.topics | self.structures.keys() | self.lessons.keys()

    def resolves(self, link: Link) -> bool:
        """Whether ``link`` points at something that exists."""
        return resolves(link, self)

    @property
    def taught_structures(self) -> list[Structure]:
        return [s for s in self.structures.values() if not s.context]


EMPTY_CONTENT = Content({}, {}, {}, {}, {})


def resolves(link: Link, content: Content) -> bool:
    """Whether ``link`` points at something in ``content``."""
    if link.kind is LinkKind.ANATOMY:
        return link.target in content.structures
    if link.kind is LinkKind.LESSON:
        lesson = content.lessons.get(link.target)
        return lesson is not None and (not link.anchor or link.anchor in lesson.anchors)
    if link.kind is LinkKind.QUIZ:
        return link.target in content.quiz_targets
    if link.kind is LinkKind.CHECK:
        return link.target in CHECK_TARGETS
    if link.kind is LinkKind.DIARY:
        return link.target in DIARY_VIEWS
    if link.kind is LinkKind.LAB:
        return link.target in LAB_TARGETS
    return link.target in content.routines
