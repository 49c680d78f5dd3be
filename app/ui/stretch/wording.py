"""What the player shows and says for each phase, segment and cue (plain words, no widgets)."""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.routine_timer import Cue, CueKind, Phase, RoutineTimer, Segment
from app.domain.routines import Routine, RoutineStep, Sides, Stretch

PHASE_CAPTIONS = {
    Phase.GET_READY: "Get ready",
    Phase.HOLD: "Hold",
    Phase.SWITCH_SIDES: "Switch sides",
    Phase.REST: "Rest",
    Phase.PAUSED: "Paused",
    Phase.DONE: "Done",
}


def stretch_name(stretches: Mapping[str, Stretch], stretch_id: str) -> str:
    stretch = stretches.get(stretch_id)
    return stretch.name if stretch else stretch_id


def side_text(side: Sides) -> str:
    return {Sides.LEFT: "Left side", Sides.RIGHT: "Right side"}.get(side, "Both sides")


def minutes_text(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def duration_text(seconds: float) -> str:
    """``7 min`` or ``45 s``: a routine's length in the library."""
    if seconds < 90:
        return f"{round(seconds)} s"
    return f"{round(seconds / 60)} min"


def step_text(step: RoutineStep) -> str:
    """Like ``30 s x 2 each side · rest 10 s`` (with a real multiplication sign)."""
    per = {Sides.BOTH: " each side", Sides.LEFT: " left", Sides.RIGHT: " right"}
    text = f"{step.hold} s \u00d7 {step.reps}{per.get(step.sides, '')}"
    return f"{text} · rest {step.rest} s" if step.rest else text


def next_up_text(timer: RoutineTimer, stretches: Mapping[str, Stretch], index: int) -> str:
    """The next thing to happen after segment ``index``.

    While getting ready for a hold (or switching sides into it), that hold is what the screen
    already shows; "next" is what comes after it.
    """
    current = timer.segments[index] if 0 <= index < len(timer.segments) else None
    lead_in = current is not None and current.phase in (Phase.GET_READY, Phase.SWITCH_SIDES)
    after = index + 2 if lead_in else index + 1
    if after >= len(timer.segments):
        return "Finish"
    following = timer.segments[after]
    if following.phase is not Phase.HOLD:
        return f"{PHASE_CAPTIONS[following.phase]} {round(following.duration)} s"
    name = stretch_name(stretches, timer.routine.steps[following.step].stretch)
    if following.side is Sides.NONE:
        return name
    return f"{name} — {side_text(following.side).lower()}"


def spoken(cue: Cue, timer: RoutineTimer, stretches: Mapping[str, Stretch]) -> str:
    """What the voice says for ``cue`` (empty for ticks, pauses and the like)."""
    if cue.kind is CueKind.DONE:
        return "Well done. Routine complete."
    if cue.kind is CueKind.SWITCH_SIDES:
        return "Switch sides"
    if cue.kind is CueKind.REST:
        return "Rest"
    if cue.kind not in (CueKind.GET_READY, CueKind.HOLD) or cue.segment < 0:
        return ""
    segment = timer.segments[cue.segment]
    name = _hold_name(segment, timer.routine, stretches)
    if cue.kind is CueKind.GET_READY:
        return f"Get ready: {name}"
    if segment.rep > 1:
        return "Hold again"
    return name


def _hold_name(segment: Segment, routine: Routine, stretches: Mapping[str, Stretch]) -> str:
    name = stretch_name(stretches, routine.steps[segment.step].stretch)
    if segment.side is Sides.NONE:
        return name
    return f"{name}, {side_text(segment.side).lower()}"
