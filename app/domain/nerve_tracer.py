"""Nerve traces: a nerve followed from its roots to the muscles it supplies, one step at a time.

Each :class:`NerveTrace` is a short guided walk for the atlas: every :class:`TraceStep` names
the structures to light up on the figure and says in one sentence what happens there. The data
comes from ``content/nerve-tracer.toml``; this module checks it (types, unknown keys, structure
ids the atlas does not know) and reports each problem at its ``file:line``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from app.domain.problems import Problem, SourceRef
from app.domain.records import Field, RawRecord, in_range, non_empty, one_of, read_fields

#: The atlas views a step may ask for ("" keeps whichever view shows its structures).
TRACE_VIEWS = ("", "posterior", "lateral")

_NERVE_FIELDS = (
    Field("id", str, check=non_empty),
    Field("name", str, check=non_empty),
    Field("nerve", str, check=non_empty),
    Field("roots", str, check=non_empty),
    Field("summary", str, check=non_empty),
    Field("steps", list, item=dict, check=non_empty),
)

_STEP_FIELDS = (
    Field("title", str, check=non_empty),
    Field("text", str, check=non_empty),
    Field("structures", list, item=str, check=non_empty),
    Field("view", str, required=False, default="", check=one_of(*TRACE_VIEWS)),
    Field("depth", int, required=False, default=0, check=in_range(0, 4)),
)


@dataclass(frozen=True)
class TraceStep:
    """One stop along a nerve.

    Attributes:
        title: a few words naming the place ("Greater sciatic foramen").
        text: one sentence on what happens there.
        structures: ids to highlight; the first is the one the view brings into sight.
        view: ``posterior``/``lateral``, or "" to use the view that draws the structures.
        depth: the peel depth to show (0: the depth that shows the first structure best).
    """

    title: str
    text: str
    structures: tuple[str, ...]
    view: str
    depth: int
    source: SourceRef


@dataclass(frozen=True)
class NerveTrace:
    """A nerve's walk: its name, the structure drawn for it, its roots and the steps."""

    id: str
    name: str
    nerve: str
    roots: str
    summary: str
    steps: tuple[TraceStep, ...]
    source: SourceRef


def traces_from_records(
    records: Iterable[RawRecord], known_ids: Collection[str]
) -> tuple[tuple[NerveTrace, ...], list[Problem]]:
    """Build every trace. A malformed trace or step is left out; an unknown structure id is
    reported and dropped from its step (a step left with none is left out)."""
    traces: list[NerveTrace] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for record in records:
        trace, found = trace_from_record(record, known_ids)
        if trace is not None and trace.id in seen:
            found.append(Problem(record.where("id"), f"nerve trace {trace.id!r} appears twice"))
            trace = None
        problems.extend(found)
        if trace is not None:
            seen.add(trace.id)
            traces.append(trace)
    return tuple(traces), problems


def trace_from_record(
    record: RawRecord, known_ids: Collection[str]
) -> tuple[NerveTrace | None, list[Problem]]:
    """One ``[[nerves]]`` table as a :class:`NerveTrace` (``None`` when nothing usable is
    left), with every problem found."""
    what = f"nerve trace {record.label}"
    values, problems = read_fields(record, _NERVE_FIELDS, what)
    if problems:
        return None, problems
    if values["nerve"] not in known_ids:
        message = f"{what}: nerve {values['nerve']!r} is not a structure in the atlas"
        problems.append(Problem(record.where("nerve"), message))
    steps: list[TraceStep] = []
    for index in range(len(values["steps"])):
        step, found = _step(record.child(f"steps.{index}"), known_ids, f"{what} step {index + 1}")
        problems.extend(found)
        if step is not None:
            steps.append(step)
    if not steps:
        return None, problems
    values["steps"] = tuple(steps)
    return NerveTrace(source=record.source, **values), problems


def _step(
    record: RawRecord, known_ids: Collection[str], what: str
) -> tuple[TraceStep | None, list[Problem]]:
    values, problems = read_fields(record, _STEP_FIELDS, what)
    if problems:
        return None, problems
    # An id the atlas does not draw is reported, and the step keeps the ids it can show, so
    # one stale name never takes a whole trace away from the learner.
    for structure_id in values["structures"]:
        if structure_id not in known_ids:
            message = f"{what}: structure {structure_id!r} is not in the atlas"
            problems.append(Problem(record.where("structures"), message))
    values["structures"] = tuple(i for i in values["structures"] if i in known_ids)
    if not values["structures"]:
        return None, problems
    return TraceStep(source=record.source, **values), problems
