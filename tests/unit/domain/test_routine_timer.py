"""The stretch timer state machine, driven by explicit times (a fake monotonic clock)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.problems import SourceRef
from app.domain.routine_timer import CueKind, Phase, RoutineTimer, plan
from app.domain.routines import Routine, RoutineStep, Sides

T0 = 1000.0
K = CueKind


def make_routine(*steps: RoutineStep, get_ready: int = 5) -> Routine:
    return Routine("r", "R", "s", get_ready, tuple(steps), (), SourceRef("t", 1))


def step(hold: int, reps: int = 1, sides: str = "none", rest: int = 0) -> RoutineStep:
    return RoutineStep("x", hold, reps, Sides(sides), rest)


def transitions(cues: list) -> list[tuple[str, float]]:
    """(kind, time) of every cue except countdown ticks."""
    return [(c.kind.value, c.at) for c in cues if c.kind is not K.COUNTDOWN]


def run(timer: RoutineTimer, until: float, step_s: float = 0.25, start: float = T0) -> list:
    cues = []
    now = start
    while now <= until + 1e-9:
        cues += timer.tick(now)
        now += step_s
    return cues


def test_plan_matches_routine_total_and_order() -> None:
    """Reps run on the left, a side switch, then the right; no rest after the last hold."""
    routine = make_routine(step(30, 2, "both", 10), step(20, 1, "none", 5))
    segments = plan(routine)
    assert [(s.phase, s.side, s.rep) for s in segments] == [
        (Phase.GET_READY, Sides.LEFT, 1),
        (Phase.HOLD, Sides.LEFT, 1),
        (Phase.REST, Sides.LEFT, 1),
        (Phase.HOLD, Sides.LEFT, 2),
        (Phase.SWITCH_SIDES, Sides.LEFT, 2),
        (Phase.HOLD, Sides.RIGHT, 1),
        (Phase.REST, Sides.RIGHT, 1),
        (Phase.HOLD, Sides.RIGHT, 2),
        (Phase.REST, Sides.RIGHT, 2),
        (Phase.HOLD, Sides.NONE, 1),
    ]
    assert sum(s.duration for s in segments) == routine.total_seconds == 5 + 120 + 40 + 20


def test_full_routine_with_pause_skip_and_side_switch() -> None:
    """Cue sequence and the time of every transition, with a pause, a skip and side switches."""
    timer = RoutineTimer(make_routine(step(10, 1, "both", 4), step(6, 2, "none", 2)))
    cues = timer.start(T0)
    cues += run(timer, T0 + 12)  # get ready 5 s, hold L until 15
    cues += timer.pause(T0 + 12.0)  # 3 s left of the left hold
    assert timer.status(T0 + 50).phase is Phase.PAUSED
    assert timer.status(T0 + 50).remaining == 3.0
    cues += run(timer, T0 + 40, start=T0 + 12.25)  # nothing happens while paused
    cues += timer.resume(T0 + 40.0)  # left hold now ends at 43
    cues += run(timer, T0 + 50, start=T0 + 40)  # switch 43..47, hold R 47..57
    cues += timer.skip(T0 + 50.0)  # skip the rest of hold R and its rest: step 2 hold at 50
    cues += run(timer, T0 + 80, start=T0 + 50)  # 50..56 hold, 56..58 rest, 58..64 hold, done
    assert transitions(cues) == [
        ("get-ready", T0),
        ("hold", T0 + 5),
        ("paused", T0 + 12),
        ("resumed", T0 + 40),
        ("switch-sides", T0 + 43),
        ("hold", T0 + 47),
        ("hold", T0 + 50),
        ("rest", T0 + 56),
        ("hold", T0 + 58),
        ("done", T0 + 64),
    ]
    assert timer.done
    assert timer.ended_at == T0 + 64
    # Holds actually done: 10 (L) + 3 of R + 6 + 6 — the skipped 7 s are not counted.
    assert timer.active_seconds(T0 + 80) == 25.0
    assert timer.steps_done() == 2


def test_countdown_ticks_before_each_boundary() -> None:
    """3-2-1 in the last three seconds, each stamped with the second it was due."""
    timer = RoutineTimer(make_routine(step(10), get_ready=5))
    cues = timer.start(T0) + run(timer, T0 + 20, step_s=0.1)
    ticks = [(c.count, round(c.at, 6)) for c in cues if c.kind is K.COUNTDOWN]
    assert ticks == [
        (3, T0 + 2),
        (2, T0 + 3),
        (1, T0 + 4),
        (3, T0 + 12),
        (2, T0 + 13),
        (1, T0 + 14),
    ]


def test_late_ticks_lose_no_time() -> None:
    """A caller that looks only every 7.3 s still sees each boundary at its exact time."""
    routine = make_routine(step(30, 2, "both", 10), step(30, 2, "both", 10))
    timer = RoutineTimer(routine)
    cues = timer.start(T0) + run(timer, T0 + 400, step_s=7.3)
    expected = [T0]
    for segment in timer.segments:
        expected.append(expected[-1] + segment.duration)
    assert [c.at for c in cues if c.kind is not K.COUNTDOWN] == expected
    assert timer.ended_at == T0 + routine.total_seconds


def test_pause_at_every_boundary_shifts_the_end_by_the_pause() -> None:
    """Pausing exactly on each boundary crosses it first, then freezes the new segment whole."""
    routine = make_routine(step(8, 2, "both", 3), step(5, 1, "none", 2), get_ready=4)
    reference = RoutineTimer(routine)
    base = transitions(reference.start(T0) + run(reference, T0 + 100))
    boundaries = [at for _, at in base[1:]]
    for boundary in boundaries:
        timer = RoutineTimer(routine)
        cues = timer.start(T0) + run(timer, boundary - 0.25)
        cues += timer.pause(boundary)
        if not timer.done:
            assert timer.remaining(boundary + 99) == timer.segments[timer.index].duration
        cues += timer.resume(boundary + 30)
        cues += run(timer, T0 + 200, start=boundary + 30)
        got = [(k, at) for k, at in transitions(cues) if k not in ("paused", "resumed")]
        shifted = [(k, at + 30 if at > boundary else at) for k, at in base]
        assert got == shifted, boundary


def test_back_restarts_a_hold_or_goes_to_the_previous_one() -> None:
    timer = RoutineTimer(make_routine(step(10, 2, "none", 5)))
    timer.start(T0)
    run(timer, T0 + 9)  # 4 s into hold 1 (index 1)
    assert transitions(timer.back(T0 + 9)) == [("hold", T0 + 9)]
    assert timer.index == 1
    assert timer.remaining(T0 + 9) == 10
    timer.tick(T0 + 20)  # rest after hold 1
    assert timer.status(T0 + 20).phase is Phase.REST
    timer.back(T0 + 20)  # from a rest, back to the hold it follows
    assert timer.index == 1
    timer.tick(T0 + 35.5)  # the restarted hold ran 20..30, rest 30..35: 0.5 s into hold 2
    assert timer.segments[timer.index].rep == 2
    timer.back(T0 + 35.5)
    assert timer.index == 1


def test_restart_step_and_skip_while_paused() -> None:
    timer = RoutineTimer(make_routine(step(10, 1, "both", 5), step(6)))
    timer.start(T0)
    timer.tick(T0 + 25)  # hold right (5..15 L, 15..20 switch, 20..30 R)
    assert timer.segments[timer.index].side is Sides.RIGHT
    timer.restart_step(T0 + 25)
    assert timer.segments[timer.index].side is Sides.LEFT
    timer.pause(T0 + 26)
    timer.skip(T0 + 27)
    assert timer.paused
    assert timer.segments[timer.index].side is Sides.RIGHT
    assert timer.remaining(T0 + 90) == 10
    timer.skip(T0 + 28)
    timer.skip(T0 + 29)
    assert timer.done


def test_stop_keeps_active_time_and_counts_no_unfinished_step() -> None:
    timer = RoutineTimer(make_routine(step(10, 2, "none", 5)))
    timer.start(T0)
    timer.tick(T0 + 12)
    timer.stop(T0 + 12)
    assert timer.done
    assert timer.ended_at == T0 + 12
    assert timer.active_seconds(T0 + 99) == 7.0
    assert timer.steps_done() == 0
    assert timer.abandoned
    assert timer.tick(T0 + 100) == []


def test_status_counts_total_remaining() -> None:
    routine = make_routine(step(10, 2, "both", 5))
    timer = RoutineTimer(routine)
    timer.start(T0)
    status = timer.status(T0 + 2)
    assert status.phase is Phase.GET_READY
    assert status.total_remaining == routine.total_seconds - 2
    assert status.next_segment is not None
    assert status.next_segment.phase is Phase.HOLD
    timer.pause(T0 + 3)
    assert timer.status(T0 + 300).total_remaining == routine.total_seconds - 3


steps_strategy = st.builds(
    step,
    hold=st.integers(5, 600),
    reps=st.integers(1, 6),
    sides=st.sampled_from(["none", "left", "right", "both"]),
    rest=st.integers(0, 60),
)


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(steps_strategy, min_size=1, max_size=25),
    get_ready=st.integers(0, 60),
    period=st.floats(0.05, 9.0),
    pauses=st.lists(st.tuples(st.floats(0, 1), st.floats(0.1, 500)), max_size=5),
)
def test_long_routines_end_on_time(
    steps: list[RoutineStep], get_ready: int, period: float, pauses: list[tuple[float, float]]
) -> None:
    """Any routine, ticked at any rate with any pauses, ends at start + total + paused time."""
    routine = make_routine(*steps, get_ready=get_ready)
    timer = RoutineTimer(routine)
    cues = timer.start(T0)
    pause_at = sorted(T0 + fraction * routine.total_seconds for fraction, _ in pauses)
    lengths = [length for _, length in pauses]
    now, paused_total = T0, 0.0
    while not timer.done:
        now += period
        if pause_at and now >= pause_at[0] + paused_total:
            cues += timer.pause(now)
            length = lengths.pop(0)
            pause_at.pop(0)
            if timer.paused:  # a pause due at the very end finds the routine already done
                now += length
                paused_total += length
                cues += timer.resume(now)
        cues += timer.tick(now)
    assert abs(timer.ended_at - (T0 + routine.total_seconds + paused_total)) < 1e-6
    holds = [c for c in cues if c.kind is K.HOLD]
    assert len(holds) == sum(s.reps * s.side_count for s in steps)
    assert timer.active_seconds(now) == sum(s.active_seconds for s in steps)
