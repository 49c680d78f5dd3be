"""Stretches and the routines built from them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain.problems import Problem, SourceRef
from app.domain.records import Field, RawRecord, in_range, non_empty, one_of, read_fields

#: Most steps in one routine. A real routine has under 20; the timer, the step list and the
#: reference checks all grow with it, so thousands would freeze the stretch page on start.
MAX_STEPS = 60


def _step_count(steps: list[Any]) -> str | None:
    if not steps:
        return "must not be empty"
    if len(steps) > MAX_STEPS:
        return f"has {len(steps):,} steps; at most {MAX_STEPS} are allowed"
    return None


class Sides(StrEnum):
    NONE = "none"  # a stretch with no sides (both legs at once, or the trunk)
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"  # left, then right


_STRETCH_FIELDS = (
    Field("id", str, check=non_empty),
    Field("name", str, check=non_empty),
    Field("targets", list, item=str, check=non_empty),
    Field("summary", str, check=non_empty),
    Field("instructions", list, item=str, check=non_empty),
    Field("cues", list, required=False, default=(), item=str),
    Field("safety", list, item=str, check=non_empty),
    Field("illustration", str, required=False, default=""),
    Field("links", list, required=False, default=(), item=str),
)

_ROUTINE_FIELDS = (
    Field("id", str, check=non_empty),
    Field("name", str, check=non_empty),
    Field("summary", str, check=non_empty),
    Field("get_ready", int, required=False, default=10, check=in_range(0, 120)),
    Field("steps", list, item=dict, check=_step_count),
    Field("links", list, required=False, default=(), item=str),
)

_STEP_FIELDS = (
    Field("stretch", str, check=non_empty),
    Field("hold", int, check=in_range(5, 600)),
    Field("reps", int, required=False, default=1, check=in_range(1, 20)),
    Field("sides", str, required=False, default="none", check=one_of(*Sides)),
    Field("rest", int, required=False, default=0, check=in_range(0, 600)),
)


@dataclass(frozen=True)
class Stretch:
    id: str
    name: str
    targets: tuple[str, ...]
    summary: str
    instructions: tuple[str, ...]
    cues: tuple[str, ...]
    safety: tuple[str, ...]
    illustration: str
    links: tuple[str, ...]
    source: SourceRef


@dataclass(frozen=True)
class RoutineStep:
    """Hold ``stretch`` for ``hold`` seconds, ``reps`` times per side, resting ``rest`` between."""

    stretch: str
    hold: int
    reps: int
    sides: Sides
    rest: int

    @property
    def side_count(self) -> int:
        return 2 if self.sides is Sides.BOTH else 1

    @property
    def active_seconds(self) -> int:
        return self.hold * self.reps * self.side_count


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    summary: str
    get_ready: int
    steps: tuple[RoutineStep, ...]
    links: tuple[str, ...]
    source: SourceRef

    @property
    def total_seconds(self) -> int:
        """Planned length: get-ready, holds, and rests between holds (none after the last)."""
        holds = sum(step.active_seconds for step in self.steps)
        rests = sum(step.rest * step.reps * step.side_count for step in self.steps)
        last_rest = self.steps[-1].rest if self.steps else 0
        return self.get_ready + holds + rests - last_rest


def stretch_from_record(record: RawRecord) -> tuple[Stretch | None, list[Problem]]:
    values, problems = read_fields(record, _STRETCH_FIELDS, f"stretch {record.label}")
    if problems:
        return None, problems
    return Stretch(source=record.source, **values), []


def routine_from_record(record: RawRecord) -> tuple[Routine | None, list[Problem]]:
    values, problems = read_fields(record, _ROUTINE_FIELDS, f"routine {record.label}")
    if problems:
        return None, problems
    steps: list[RoutineStep] = []
    for index in range(len(values["steps"])):
        step_record = record.child(f"steps.{index}")
        step_values, step_problems = read_fields(
            step_record, _STEP_FIELDS, f"routine {record.label} step {index + 1}"
        )
        problems.extend(step_problems)
        if not step_problems:
            steps.append(_step(step_values))
    if problems:
        return None, problems
    values["steps"] = tuple(steps)
    return Routine(source=record.source, **values), []


def _step(values: dict[str, Any]) -> RoutineStep:
    return RoutineStep(
        stretch=values["stretch"],
        hold=values["hold"],
        reps=values["reps"],
        sides=Sides(values["sides"]),
        rest=values["rest"],
    )
