"""What the player says comes next, phase by phase."""

from __future__ import annotations

from app.domain.content import Content
from app.domain.routine_timer import Phase, RoutineTimer
from app.ui.stretch.wording import next_up_text, stretch_name


def test_next_up_while_getting_ready_names_what_follows_the_hold(
    shipped_content: Content,
) -> None:
    """Getting ready for stretch 1, "Next up" is what comes after stretch 1's hold, not
    stretch 1 itself (the screen already shows that); during the hold it is the same thing."""
    routine = shipped_content.routines["desk-break"]
    timer = RoutineTimer(routine)
    stretches = shipped_content.stretches
    first = timer.segments[0]
    assert first.phase is Phase.GET_READY
    assert timer.segments[1].phase is Phase.HOLD
    getting_ready = next_up_text(timer, stretches, 0)
    during_hold = next_up_text(timer, stretches, 1)
    assert getting_ready == during_hold
    first_name = stretch_name(stretches, routine.steps[0].stretch)
    assert getting_ready != first_name
