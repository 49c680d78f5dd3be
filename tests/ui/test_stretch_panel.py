"""The Progress page's stretch panel: minutes per day and the streak from recorded sessions."""

from __future__ import annotations

from datetime import timedelta

from app.services.stretch_history import Session
from app.ui.context import PageContext
from app.ui.progress.stretch_panel import StretchPanel


def test_panel_shows_streak_and_minutes(qtbot, page_context: PageContext, fake_clock) -> None:
    history = page_context.stretch_history
    now = fake_clock.now()
    for days_ago, seconds in ((0, 300), (1, 120), (2, 60), (5, 600)):
        start = now - timedelta(days=days_ago)
        history.record(Session("desk-break", start, start, seconds, True, 3))
    panel = StretchPanel(page_context)
    qtbot.addWidget(panel)
    assert panel.streak_text == "3 days"
    assert len(panel.minutes) == 14
    assert panel.minutes[-1] == 5.0
    assert panel.minutes[-6] == 10.0
    assert sum(panel.minutes) == 18.0
    panel.set_days(30)
    assert len(panel.minutes) == 30
    panel.grab()  # paints without Qt warnings


def test_panel_follows_a_session_recorded_while_open(
    qtbot, page_context: PageContext, fake_clock
) -> None:
    """A session finished while the panel is on screen shows at once."""
    panel = StretchPanel(page_context)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.streak_text == "0 days"
    now = fake_clock.now()
    page_context.stretch_history.record(Session("desk-break", now, now, 180, True, 3))
    assert panel.streak_text == "1 day"
    assert panel.minutes[-1] == 3.0
