"""Storing answers with their cards; due lists, accuracy and mastery."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.quiz_session import Mode
from app.services.clock import FakeClock
from app.services.quiz_store import QuizStore
from app.services.store import Store, StoreError
from app.services.store_handle import StoreHandle
from tests.helpers.quiz import make_question

Q1 = make_question("q1", topic="anatomy", structure="piriformis")
Q2 = make_question("q2", topic="sleep")
KNOWN = {"q1", "q2"}


def test_answer_is_stored_with_its_card(store: Store, fake_clock: FakeClock) -> None:
    """One answer writes one history row (with time taken) and one card with a due date."""
    quiz = QuizStore(StoreHandle(store), fake_clock)
    recorded = quiz.record_answer(Q1, 0, 4.5, Mode.PRACTICE)
    assert recorded.correct
    assert quiz.answers_for("q1") == [(True, 4.5, "practice")]
    assert quiz.due_at("q1") == recorded.due > fake_clock.now()


def test_wrong_answer_comes_back_sooner(store: Store, fake_clock: FakeClock) -> None:
    """After one right and one wrong answer, the wrong one is due first."""
    quiz = QuizStore(StoreHandle(store), fake_clock)
    quiz.record_answer(Q1, 0, 4.0, Mode.TEST)
    quiz.record_answer(Q2, 2, 4.0, Mode.TEST)
    due_right, due_wrong = quiz.due_at("q1"), quiz.due_at("q2")
    assert due_right is not None
    assert due_wrong is not None
    assert due_wrong < due_right
    assert quiz.due_ids(KNOWN) == []
    fake_clock.advance((due_wrong - fake_clock.now()).total_seconds())
    assert quiz.due_ids(KNOWN) == ["q2"]
    assert quiz.due_ids({"q1"}) == []


def test_schedule_survives_a_restart(tmp_path: Path, fake_clock: FakeClock) -> None:
    """Reopening the database gives the same due date."""
    path = tmp_path / "p.sqlite3"
    first, _ = Store.open(path, fake_clock.now())
    due = QuizStore(StoreHandle(first), fake_clock).record_answer(Q1, 0, 4.0, Mode.PRACTICE).due
    first.close()
    second, _ = Store.open(path, fake_clock.now())
    assert QuizStore(StoreHandle(second), fake_clock).due_at("q1") == due
    second.close()


def test_failed_write_saves_nothing(store: Store, fake_clock: FakeClock) -> None:
    """If the card update fails, the answer row is rolled back too (one transaction)."""
    quiz = QuizStore(StoreHandle(store), fake_clock)
    with store.transaction() as connection:
        connection.execute("DROP TABLE quiz_cards")
    with pytest.raises(StoreError):
        quiz.record_answer(Q1, 0, 4.0, Mode.PRACTICE)
    assert quiz.answer_count() == 0


def test_answered_signal(qtbot: QtBot, store: Store, fake_clock: FakeClock) -> None:
    """Saving an answer emits answered(question id, correct)."""
    quiz = QuizStore(StoreHandle(store), fake_clock)
    with qtbot.waitSignal(quiz.answered) as blocker:
        quiz.record_answer(Q2, 1, 4.0, Mode.PRACTICE)
    assert blocker.args == ["q2", False]


def test_accuracy_by_day(store: Store, fake_clock: FakeClock) -> None:
    """Answers group by day with right/total."""
    quiz = QuizStore(StoreHandle(store), fake_clock)
    quiz.record_answer(Q1, 0, 4.0, Mode.PRACTICE)
    quiz.record_answer(Q2, 1, 4.0, Mode.PRACTICE)
    fake_clock.advance(86400)
    quiz.record_answer(Q2, 0, 4.0, Mode.PRACTICE)
    days = quiz.accuracy_by_day()
    assert [(d.right, d.total) for d in days] == [(1, 2), (1, 1)]
    assert days[1].day - days[0].day == timedelta(days=1)


def test_mastery_and_forecast(store: Store, fake_clock: FakeClock) -> None:
    """Mastery rises only where answers were right; unanswered counts as zero."""
    quiz = QuizStore(StoreHandle(store), fake_clock)
    quiz.record_answer(Q1, 0, 4.0, Mode.PRACTICE)
    quiz.record_answer(Q2, 1, 4.0, Mode.PRACTICE)
    fake_clock.advance(3600)
    by_topic = {m.key: m for m in quiz.mastery_by_topic([Q1, Q2])}
    assert by_topic["anatomy"].mastery > by_topic["sleep"].mastery
    by_structure = quiz.mastery_by_structure([Q1, Q2], {"piriformis": object()})
    assert [(m.key, m.answered, m.total) for m in by_structure] == [("piriformis", 1, 1)]
    forecast = quiz.due_forecast(KNOWN, days=7)
    assert len(forecast) == 7
    assert sum(count for _, count in forecast) == 2
