"""The stretch timer: a pure state machine over a routine's planned segments.

Time comes only from the ``now`` values handed in (a monotonic clock read by the caller). The
timer keeps the deadline of the current segment and recomputes what is left on every
:meth:`RoutineTimer.tick`; it never counts ticks, so a late or blocked caller loses no time.
Each deadline is chained from the previous deadline (not from the moment a late tick noticed
it), so the end of a routine lands exactly ``total`` seconds (plus pauses) after its start.

Methods return :class:`Cue` values for the transitions they caused; nothing is emitted.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from app.domain.routines import Routine, Sides

#: Seconds into a hold after which "back" restarts it instead of going to the previous one.
BACK_RESTARTS_AFTER = 2.0
#: The last whole seconds of a segment that get a countdown tick.
COUNTDOWN_FROM = 3


class Phase(StrEnum):
    GET_READY = "get-ready"
    HOLD = "hold"
    SWITCH_SIDES = "switch-sides"
    REST = "rest"
    PAUSED = "paused"
    DONE = "done"


class CueKind(StrEnum):
    GET_READY = "get-ready"  # a routine begins: get into position
    HOLD = "hold"  # a hold begins
    COUNTDOWN = "countdown"  # 3, 2, 1 before a segment ends
    SWITCH_SIDES = "switch-sides"
    REST = "rest"
    PAUSED = "paused"
    RESUMED = "resumed"
    DONE = "done"


@dataclass(frozen=True)
class Segment:
    """One stretch of time with a single meaning: get ready, a hold, a side switch or a rest."""

    phase: Phase
    step: int  # index into the routine's steps
    side: Sides  # LEFT, RIGHT or NONE
    rep: int  # 1-based repetition on this side
    duration: float


@dataclass(frozen=True)
class Cue:
    """A transition worth telling the person about.

    Attributes:
        kind: what happened.
        at: the monotonic time it was due (a boundary), or the time of a manual action.
        segment: index of the segment now current (``-1`` once done).
        count: for countdown cues, the seconds left (3, 2, 1).
    """

    kind: CueKind
    at: float
    segment: int
    count: int = 0


@dataclass(frozen=True)
class TimerStatus:
    """What the player shows, computed for one moment."""

    phase: Phase  # PAUSED while paused (see ``underlying``)
    underlying: Phase
    segment: Segment | None
    index: int
    remaining: float
    fraction_left: float
    total_remaining: float
    next_segment: Segment | None


_START_CUES = {
    Phase.GET_READY: CueKind.GET_READY,
    Phase.HOLD: CueKind.HOLD,
    Phase.SWITCH_SIDES: CueKind.SWITCH_SIDES,
    Phase.REST: CueKind.REST,
}


def plan(routine: Routine) -> tuple[Segment, ...]:
    """The routine as segments; its total equals ``routine.total_seconds``.

    Each step runs all reps on the first side, then all on the second. The rest after the last
    rep on the left side is the side switch; there is no rest after the routine's last hold.
    """
    segments: list[Segment] = []
    if routine.get_ready > 0:
        first_side = _sides(routine.steps[0].sides)[0] if routine.steps else Sides.NONE
        segments.append(Segment(Phase.GET_READY, 0, first_side, 1, float(routine.get_ready)))
    for index, step in enumerate(routine.steps):
        sides = _sides(step.sides)
        for side_number, side in enumerate(sides):
            for rep in range(1, step.reps + 1):
                segments.append(Segment(Phase.HOLD, index, side, rep, float(step.hold)))
                if step.rest <= 0:
                    continue
                last_rep = rep == step.reps
                switching = last_rep and side_number < len(sides) - 1
                phase = Phase.SWITCH_SIDES if switching else Phase.REST
                segments.append(Segment(phase, index, side, rep, float(step.rest)))
    if segments and segments[-1].phase is not Phase.HOLD:
        segments.pop()  # nothing to rest for after the last hold
    return tuple(segments)


def _sides(sides: Sides) -> tuple[Sides, ...]:
    if sides is Sides.BOTH:
        return (Sides.LEFT, Sides.RIGHT)
    return (sides,)


class RoutineTimer:
    """Drives one run of a routine. Call :meth:`start`, then :meth:`tick` as often as you like."""

    def __init__(self, routine: Routine) -> None:
        self.routine = routine
        self.segments = plan(routine)
        after = [0.0] * (len(self.segments) + 1)
        for i in range(len(self.segments) - 1, -1, -1):
            after[i] = after[i + 1] + self.segments[i].duration
        self._after = after  # _after[i]: seconds from the start of segment i to the end
        self._index = -1
        self._deadline = 0.0
        self._paused_left: float | None = None
        self._counted = math.inf
        self._active = 0.0
        self._reached = -1  # furthest segment index entered before a stop
        self.started_at: float | None = None
        self.ended_at: float | None = None
        self.abandoned = False

    # -- queries -------------------------------------------------------------------------

    @property
    def total(self) -> float:
        return self._after[0]

    @property
    def started(self) -> bool:
        return self._index >= 0

    @property
    def done(self) -> bool:
        return self._index >= len(self.segments)

    @property
    def paused(self) -> bool:
        return self._paused_left is not None and not self.done

    @property
    def index(self) -> int:
        return self._index

    def remaining(self, now: float) -> float:
        """Seconds left in the current segment at ``now``."""
        if not self.started or self.done:
            return 0.0
        if self._paused_left is not None:
            return self._paused_left
        return max(0.0, self._deadline - now)

    def active_seconds(self, now: float) -> float:
        """Seconds actually spent holding stretches (pauses excluded)."""
        current = 0.0
        if self.started and not self.done and self.segments[self._index].phase is Phase.HOLD:
            current = self.segments[self._index].duration - self.remaining(now)
        return self._active + current

    def steps_done(self) -> int:
        """Routine steps whose every hold has been passed."""
        finished = 0
        for step_index in range(len(self.routine.steps)):
            last = max(i for i, s in enumerate(self.segments) if s.step == step_index)
            if self._reached > last:
                finished += 1
        return finished

    def status(self, now: float) -> TimerStatus:
        if not self.started or self.done:
            underlying = Phase.DONE if self.done else Phase.GET_READY
            total = 0.0 if self.done else self.total
            return TimerStatus(underlying, underlying, None, self._index, 0.0, 0.0, total, None)
        segment = self.segments[self._index]
        left = self.remaining(now)
        following = (
            self.segments[self._index + 1] if self._index + 1 < len(self.segments) else None
        )
        return TimerStatus(
            phase=Phase.PAUSED if self.paused else segment.phase,
            underlying=segment.phase,
            segment=segment,
            index=self._index,
            remaining=left,
            fraction_left=left / segment.duration,
            total_remaining=left + self._after[self._index + 1],
            next_segment=following,
        )

    # -- commands ------------------------------------------------------------------------

    def start(self, now: float) -> list[Cue]:
        """Begin at the first segment (a routine with no segments is done at once)."""
        self.started_at = now
        self.ended_at = None
        self.abandoned = False
        self._reached = -1
        self._active = 0.0
        self._paused_left = None
        return self._enter(0, now)

    def tick(self, now: float) -> list[Cue]:
        """Look at the clock: cross every boundary that has passed, then count down."""
        if not self.started or self.done or self._paused_left is not None:
            return []
        cues: list[Cue] = []
        while not self.done and now >= self._deadline:
            boundary = self._deadline
            self._active += self._hold_seconds(self.segments[self._index].duration)
            cues.extend(self._enter(self._index + 1, boundary))
        if not self.done:
            cues.extend(self._countdown(now))
        return cues

    def pause(self, now: float) -> list[Cue]:
        """Freeze the current segment; boundaries due by ``now`` are crossed first."""
        cues = self.tick(now)
        if not self.started or self.done or self._paused_left is not None:
            return cues
        self._paused_left = self._deadline - now
        return [*cues, Cue(CueKind.PAUSED, now, self._index)]

    def resume(self, now: float) -> list[Cue]:
        if self._paused_left is None or self.done:
            return []
        self._deadline = now + self._paused_left
        self._paused_left = None
        return [Cue(CueKind.RESUMED, now, self._index)]

    def toggle_pause(self, now: float) -> list[Cue]:
        return self.resume(now) if self.paused else self.pause(now)

    def skip(self, now: float) -> list[Cue]:
        """Jump to the start of the next hold (or finish, when none is left)."""
        cues = self.tick(now)
        if not self.started or self.done:
            return cues
        later = self._find_hold(range(self._index + 1, len(self.segments)))
        target = later if later is not None else len(self.segments)
        return [*cues, *self._jump(target, now)]

    def back(self, now: float) -> list[Cue]:
        """Restart the current hold, or go to the previous one when just begun or resting."""
        cues = self.tick(now)
        if not self.started or self.done:
            return cues
        segment = self.segments[self._index]
        elapsed = segment.duration - self.remaining(now)
        if segment.phase is Phase.HOLD and elapsed >= BACK_RESTARTS_AFTER:
            return [*cues, *self._jump(self._index, now)]
        start = self._index - 1 if segment.phase is Phase.HOLD else self._index
        earlier = self._find_hold(range(start, -1, -1))
        return [*cues, *self._jump(earlier if earlier is not None else 0, now)]

    def restart_step(self, now: float) -> list[Cue]:
        """Go back to the first hold of the current routine step."""
        cues = self.tick(now)
        if not self.started or self.done:
            return cues
        step = self.segments[self._index].step
        first = self._find_hold(i for i, s in enumerate(self.segments) if s.step == step)
        return [*cues, *self._jump(first if first is not None else self._index, now)]

    def stop(self, now: float) -> None:
        """End the run early (abandoned); active time up to ``now`` is kept."""
        if self.started and not self.done:
            self._active = self.active_seconds(now)
            self._index = len(self.segments)
            self._paused_left = None
            self.abandoned = True
        self.ended_at = now if self.ended_at is None else self.ended_at

    # -- internals -----------------------------------------------------------------------

    def _hold_seconds(self, seconds: float) -> float:
        return seconds if self.segments[self._index].phase is Phase.HOLD else 0.0

    def _find_hold(self, indices: Iterable[int]) -> int | None:
        return next((i for i in indices if self.segments[i].phase is Phase.HOLD), None)

    def _jump(self, target: int, now: float) -> list[Cue]:
        """Leave the current segment early (counting the hold time spent) and enter ``target``."""
        segment = self.segments[self._index]
        self._active += self._hold_seconds(segment.duration - self.remaining(now))
        was_paused = self._paused_left is not None
        cues = self._enter(target, now)
        if was_paused and not self.done:
            self._paused_left = self.segments[target].duration
        return cues

    def _enter(self, index: int, at: float) -> list[Cue]:
        self._index = index
        self._reached = max(self._reached, index)
        self._counted = math.inf
        if self.done:
            self._paused_left = None
            self.ended_at = at
            return [Cue(CueKind.DONE, at, -1)]
        segment = self.segments[index]
        self._deadline = at + segment.duration
        return [Cue(_START_CUES[segment.phase], at, index)]

    def _countdown(self, now: float) -> list[Cue]:
        """One tick per whole second in the last few; ticks missed while late are dropped."""
        count = math.ceil(self._deadline - now)
        duration = self.segments[self._index].duration
        if count > COUNTDOWN_FROM or count >= self._counted or count >= duration or count < 1:
            return []
        self._counted = count
        return [Cue(CueKind.COUNTDOWN, self._deadline - count, self._index, count)]
