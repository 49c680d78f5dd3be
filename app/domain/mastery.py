"""Mastery: how much of a topic (or a structure's questions) the learner would recall now.

Mastery of a group is the mean FSRS recall probability of its questions, counting a question
never answered as 0. So it rises with right answers, and fades as time passes without review —
which is what "mastered" should mean for memory, unlike a raw running score.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.quiz import Question


@dataclass(frozen=True)
class GroupMastery:
    """Mastery of one group (a topic or a structure)."""

    key: str
    mastery: float  # 0..1
    answered: int  # questions answered at least once
    total: int  # questions in the group


@dataclass(frozen=True)
class DayAccuracy:
    day: date
    right: int
    total: int

    @property
    def fraction(self) -> float:
        return self.right / self.total if self.total else 0.0


def mastery_by(
    questions: Iterable[Question],
    recall: Mapping[str, float],
    keys: Callable[[Question], Iterable[str]],
) -> list[GroupMastery]:
    """Group ``questions`` by ``keys(question)`` and average ``recall`` (question id → 0..1).

    Returns:
        One entry per group, in order of first appearance.
    """
    sums: dict[str, list[float]] = {}
    for question in questions:
        value = recall.get(question.id)
        for key in keys(question):
            entry = sums.setdefault(key, [0.0, 0, 0])
            entry[0] += value or 0.0
            entry[1] += value is not None
            entry[2] += 1
    return [
        GroupMastery(key, total / count, int(seen), int(count))
        for key, (total, seen, count) in sums.items()
    ]
