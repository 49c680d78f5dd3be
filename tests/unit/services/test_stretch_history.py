"""Stretch sessions, minutes per day, streaks and validated custom routines in the store."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from pytestqt.qtbot import QtBot

from app.domain.content import Content
from app.services.store import Store
from app.services.store_handle import StoreHandle
from app.services.stretch_history import Session, StretchHistory

DAY0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def session(day_offset: int, seconds: float, completed: bool = True) -> Session:
    start = DAY0 + timedelta(days=day_offset)
    return Session("desk-break", start, start + timedelta(seconds=seconds), seconds, completed, 3)


def test_sessions_minutes_per_day_and_streak(store: Store) -> None:
    history = StretchHistory(StoreHandle(store))
    for offset, seconds in ((-3, 120), (-1, 300), (-1, 60), (0, 90), (-5, 600)):
        history.record(session(offset, seconds))
    days = history.minutes_per_day(date(2026, 3, 10), 4)
    assert days == [
        (date(2026, 3, 7), 2.0),
        (date(2026, 3, 8), 0.0),
        (date(2026, 3, 9), 6.0),
        (date(2026, 3, 10), 1.5),
    ]
    assert history.streak(date(2026, 3, 10)) == 2
    # A day with nothing yet does not break yesterday's streak.
    assert history.streak(date(2026, 3, 11)) == 2
    assert history.streak(date(2026, 3, 12)) == 0


def test_abandoned_session_is_kept_with_its_flag(store: Store) -> None:
    history = StretchHistory(StoreHandle(store))
    history.record(session(0, 42.5, completed=False))
    (saved,) = history.sessions()
    assert not saved.completed
    assert saved.active_seconds == 42.5


def test_a_replaced_store_is_followed_and_announced(
    store: Store, shipped_content: Content, qtbot: QtBot
) -> None:
    """After the store is swapped (a new kiosk visit), reads come from the new one and
    listeners hear that everything may have changed."""
    handle = StoreHandle(store)
    history = StretchHistory(handle)
    history.record(session(0, 60))
    assert len(history.sessions()) == 1
    with qtbot.waitSignals([history.changed, history.routines_changed]):
        handle.replace(Store.in_memory())
    assert history.sessions() == []
    assert history.custom_routines(shipped_content.stretches) == ([], [])


def test_recording_announces_the_session(store: Store, qtbot: QtBot) -> None:
    history = StretchHistory(StoreHandle(store))
    done = session(0, 60)
    with qtbot.waitSignal(history.session_recorded) as blocker:
        history.record(done)
    assert blocker.args == [done]


def test_custom_routine_round_trip_and_validation(store: Store, shipped_content: Content) -> None:
    history = StretchHistory(StoreHandle(store))
    library = shipped_content.stretches
    good = {
        "id": "my-morning",
        "name": "Morning",
        "summary": "Two stretches",
        "get_ready": 5,
        "steps": [
            {"stretch": "figure-four", "hold": 30, "reps": 2, "sides": "both", "rest": 10},
            {"stretch": "childs-pose", "hold": 30, "reps": 2, "sides": "none", "rest": 10},
        ],
    }
    routine, problems = history.save_routine(good, library, DAY0)
    assert problems == []
    assert routine is not None
    loaded, _ = history.custom_routines(library)
    assert loaded == [routine]
    bad = {**good, "id": "my-bad", "steps": [{"stretch": "nope", "hold": 2, "sides": "up"}]}
    routine, problems = history.save_routine(bad, library, DAY0)
    assert routine is None
    text = " ".join(p.message for p in problems)
    assert "hold" in text
    assert "sides" in text
    unknown = {**good, "id": "my-x", "steps": [{"stretch": "nope", "hold": 30}]}
    assert "not in the library" in history.save_routine(unknown, library, DAY0)[1][0].message
    assert history.save_routine({**good, "id": "desk-break"}, library, DAY0)[0] is None
    history.delete_routine("my-morning")
    assert history.custom_routines(library) == ([], [])
