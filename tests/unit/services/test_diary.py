"""The Diary service: round trips through the store, one signal per change, validation before
writing, and a replaced store (a new kiosk visit) announced and empty."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from pytestqt.qtbot import QtBot

from app.domain.diary import DayContext, Episode, Experiment, Factor, Feel, Medicine
from app.domain.red_flags import CheckResult, Level, Outcome, Question
from app.services.diary import Diary, DiaryInputError
from app.services.store import Store
from app.services.store_handle import StoreHandle

NOW = datetime(2026, 3, 29, 8, 15, tzinfo=timezone(timedelta(hours=2)))


@pytest.fixture
def diary(store: Store, qtbot: QtBot) -> Diary:
    return Diary(StoreHandle(store))


def test_an_episode_round_trips_with_its_offset(diary: Diary) -> None:
    """The same instant comes back, stamped in the zone in force when it was saved."""
    saved = diary.save_episode(Episode(NOW, "left-piriformis", 30, 4, Feel.RIPPLE, "on the bus"))
    assert saved.id is not None
    (loaded,) = diary.episodes()
    assert loaded == saved
    assert loaded.started_at.utcoffset() == NOW.astimezone().utcoffset()


def test_edit_replaces_and_delete_removes(diary: Diary) -> None:
    saved = diary.save_episode(Episode(NOW, "left-piriformis", 30, 4, Feel.RIPPLE))
    diary.save_episode(Episode(NOW, "right-calf", 10, 1, Feel.THUMP, id=saved.id))
    assert [(e.area, e.intensity) for e in diary.episodes()] == [("right-calf", 1)]
    assert saved.id is not None
    diary.delete_episode(saved.id)
    assert diary.episodes() == []


def test_invalid_entries_are_refused_before_writing(diary: Diary, store: Store) -> None:
    with pytest.raises(DiaryInputError, match="Unknown body area"):
        diary.save_episode(Episode(NOW, "left-elbow", 30, 4, Feel.RIPPLE))
    with pytest.raises(DiaryInputError, match="cannot stop before it started"):
        diary.save_medicine(Medicine("X", "", date(2026, 3, 2), date(2026, 3, 1)))
    with pytest.raises(DiaryInputError, match="baseline days"):
        diary.save_experiment(
            Experiment(Factor.SLEEP, "", date(2026, 3, 1), date(2026, 3, 3), date(2026, 3, 20))
        )
    assert store.query("SELECT COUNT(*) FROM diary_episodes") == [(0,)]


def test_a_day_keeps_unknown_factors_unknown(diary: Diary) -> None:
    """Only the factors given are stored; saving the day again replaces it."""
    day = date(2026, 3, 1)
    diary.save_day(DayContext(day, ((Factor.CAFFEINE, 2.0),)))
    diary.save_day(DayContext(day, ((Factor.SLEEP, 6.5), (Factor.STRESS, 7.0)), "deadline"))
    (stored,) = diary.days()
    assert stored.value(Factor.CAFFEINE) is None
    assert stored.value(Factor.SLEEP) == 6.5
    assert stored.note == "deadline"
    diary.delete_day(day)
    assert diary.days() == []


def test_medicines_and_experiments(diary: Diary) -> None:
    diary.save_medicine(Medicine("Sertraline", "50 mg", date(2026, 2, 1)))
    diary.save_medicine(Medicine("Vitamin D"))
    assert [m.name for m in diary.medicines()] == ["Sertraline", "Vitamin D"]
    plan = Experiment(
        Factor.CAFFEINE, "none", date(2026, 3, 1), date(2026, 3, 8), date(2026, 3, 21)
    )
    saved = diary.save_experiment(plan)
    assert diary.latest_experiment() == saved


def test_each_change_is_announced_once(diary: Diary) -> None:
    changes: list[bool] = []
    diary.changed.connect(lambda: changes.append(True))
    saved = diary.save_episode(Episode(NOW, "left-calf", 5, 1, Feel.FLICKER))
    diary.save_day(DayContext(date(2026, 3, 1)))
    assert saved.id is not None
    diary.delete_episode(saved.id)
    assert len(changes) == 3


def test_a_check_result_is_kept_in_words(diary: Diary) -> None:
    """The stored result reads on its own: outcome title and the flags answered yes."""
    outcome = Outcome(Level.EMERGENCY, "Get emergency help now", "", (), ())
    flag = Question("both-legs", "Weakness in both legs", "", "", ("both legs",))
    result = CheckResult(outcome, (flag,), (("bladder-bowel", False), ("both-legs", True)))
    recorded: list[object] = []
    diary.check_recorded.connect(recorded.append)
    diary.record_check(result, NOW)
    stored = diary.latest_check()
    assert stored is not None
    assert (stored.level, stored.title, stored.reasons) == (
        "emergency",
        "Get emergency help now",
        ("Weakness in both legs",),
    )
    assert stored.answers == (("bladder-bowel", False), ("both-legs", True))
    assert recorded == [stored]


def test_a_replaced_store_is_announced_and_starts_empty(store: Store, qtbot: QtBot) -> None:
    """A kiosk's next visit: the diary says it changed and holds nothing of the last one."""
    handle = StoreHandle(store)
    diary = Diary(handle)
    diary.save_episode(Episode(datetime(2026, 1, 1, tzinfo=UTC), "left-calf", 5, 1, Feel.THUMP))
    with qtbot.waitSignal(diary.changed, timeout=1000):
        handle.replace(Store.in_memory())
    assert diary.episodes() == []
    assert diary.latest_check() is None
