"""Clock jumps: a start with the clock years ahead, an answer saved a year ahead, and a change
of time zone between two runs. None of them may stop backups, retire a question, draw a bar
after today, or move a past event to another day."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.quiz_session import Mode
from app.services import backups
from app.services.clock import FakeClock
from app.services.quiz_store import QuizStore
from app.services.store import Store
from app.services.store_handle import StoreHandle
from app.services.stretch_history import Session, StretchHistory
from tests.helpers.quiz import make_question

TODAY = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
QUESTION = make_question("q1")


def _start(path: Path, now: datetime) -> tuple[Store, str]:
    store, notice = Store.open(path, now)
    return store, notice.message if notice else ""


def test_a_start_years_ahead_does_not_stop_the_daily_backups(tmp_path: Path) -> None:
    """After one start stamped two years ahead, every later real day still gets its copy."""
    path = tmp_path / "p.sqlite3"
    _start(path, TODAY)[0].close()
    _start(path, TODAY + timedelta(days=730))[0].close()  # the clock ran two years ahead
    shelf = backups.Backups(path)
    assert len(shelf.all()) == 1
    for day in range(1, 6):
        _start(path, TODAY + timedelta(days=day))[0].close()
        newest = shelf.all()[0]
        assert newest.taken_at == TODAY + timedelta(days=day), f"day {day}: no new backup"
    kept = shelf.all()
    assert len(kept) == backups.KEEP
    assert all(b.taken_at <= TODAY + timedelta(days=5) for b in kept)  # the future one rotated out


def test_an_answer_saved_a_year_ahead_is_brought_back_and_reported(tmp_path: Path) -> None:
    """The card is due again soon, no chart bar lies after today, and the learner is told."""
    path = tmp_path / "p.sqlite3"
    ahead = FakeClock(TODAY + timedelta(days=365))
    store, _ = _start(path, ahead.now())
    QuizStore(StoreHandle(store), ahead).record_answer(QUESTION, "A", 3.0, Mode.PRACTICE)
    store.close()

    sane = FakeClock(TODAY)
    store, message = _start(path, sane.now())
    assert "clock was ahead" in message
    assert "1 answers" in message
    quizzes = QuizStore(StoreHandle(store), sane)
    assert all(day.day <= sane.now().astimezone().date() for day in quizzes.accuracy_by_day())
    due = quizzes.due_at(QUESTION.id)
    assert due is not None
    assert TODAY < due < TODAY + timedelta(days=30)
    sane.advance(timedelta(days=30).total_seconds())
    assert quizzes.due_ids({QUESTION.id}) == [QUESTION.id]  # not retired for a year
    store.close()
    assert _start(path, sane.now())[1] == ""  # fixed once: the next start is quiet


@pytest.fixture
def time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Lets a test change the process's local time zone (restored afterwards)."""
    yield monkeypatch
    monkeypatch.undo()
    time.tzset()


def test_a_time_zone_change_between_runs_moves_no_event(
    tmp_path: Path, time_zone: pytest.MonkeyPatch
) -> None:
    """Quiz and stretch charts put one morning on the same day, before and after travel."""
    moment = datetime(2026, 1, 5, 21, 30, tzinfo=UTC)  # 06:30 on the 6th in Tokyo
    time_zone.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    path = tmp_path / "p.sqlite3"
    clock = FakeClock(moment)
    store, _ = _start(path, clock.now())
    QuizStore(StoreHandle(store), clock).record_answer(QUESTION, "A", 3.0, Mode.PRACTICE)
    StretchHistory(StoreHandle(store)).record(Session("r", moment, moment, 120.0, True, 2))
    store.close()

    time_zone.setenv("TZ", "America/New_York")  # the 5th there, at that moment
    time.tzset()
    store, _ = _start(path, clock.now())
    handle = StoreHandle(store)
    quiz_days = [day.day for day in QuizStore(handle, clock).accuracy_by_day()]
    stretch = StretchHistory(handle).minutes_per_day(date(2026, 1, 7), 3)
    assert quiz_days == [date(2026, 1, 6)]
    assert [day for day, minutes in stretch if minutes] == [date(2026, 1, 6)]
    assert StretchHistory(handle).streak(date(2026, 1, 6)) == 1
    store.close()
