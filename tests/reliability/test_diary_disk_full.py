"""The diary on a full disk: each entry fails whole with the plain message, nobody is told it
changed, nothing half-saved is left, and the next save works once space returns."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

import pytest
from pytestqt.qtbot import QtBot

from app.domain.diary import DayContext, Episode, Experiment, Factor, Feel, Medicine
from app.domain.red_flags import CheckResult, Level, Outcome, Question
from app.services.diary import Diary
from app.services.store import Store, StoreError
from app.services.store_handle import StoreHandle

BIG = "x" * 400  # a note near the limit: needs room the full file does not have
FULL = "The disk is full, so this was not saved"
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
TABLES = ("diary_episodes", "diary_days", "diary_medicines", "diary_experiments", "check_results")


@contextmanager
def disk_full(store: Store) -> Iterator[None]:
    """No page may be added to the file, and the pages it has are filled to the brim."""
    limit = store.query("PRAGMA max_page_count")[0][0]
    pages = store.query("PRAGMA page_count")[0][0]
    store.query(f"PRAGMA max_page_count = {int(pages)}")
    for sql in _FILLERS:
        _fill(store, sql)
    try:
        yield
    finally:
        store.query(f"PRAGMA max_page_count = {int(limit)}")


#: Tiny valid rows that use up the free bytes in each table's last page (each table has pages
#: of its own, so filling one does not fill the others).
_FILLERS = (
    "INSERT INTO settings VALUES (hex(randomblob(6)), '')",
    "INSERT INTO diary_episodes (started_at, area, duration_seconds, intensity, feel)"
    " VALUES ('2025-12-01T08:00:00+00:00', 'left-calf', 1, 1, 'flicker')",
    "INSERT INTO diary_days (day) VALUES"
    " (date('1900-01-01', '+' || (SELECT COUNT(*) FROM diary_days) || ' days'))",
    "INSERT INTO diary_medicines (name) VALUES ('filler')",
    "INSERT INTO diary_experiments (factor, baseline_start, change_start, change_end)"
    " VALUES ('caffeine', '2025-01-01', '2025-01-08', '2025-01-14')",
    "INSERT INTO check_results (taken_at, outcome, answers)"
    " VALUES ('2025-01-01T00:00:00+00:00', 'soon', '{}')",
)


def _fill(store: Store, sql: str) -> None:
    """Insert tiny rows until no more fit: big batches first, halving on each refusal (one
    row per transaction would cost thousands of fsyncs)."""
    batch = 1024
    while batch:
        try:
            with store.transaction() as connection:
                connection.executemany(sql, [()] * batch)
        except StoreError:
            batch //= 2


def _counts(store: Store) -> tuple[int, ...]:
    return tuple(store.query(f"SELECT COUNT(*) FROM {table}")[0][0] for table in TABLES)


def _writes(diary: Diary) -> list[tuple[str, object]]:
    outcome = Outcome(Level.SOON, "See a doctor soon", BIG, (), ())
    check = CheckResult(outcome, (Question("q", BIG, BIG, "", ("x",)),), (("q", True),))
    return [
        (
            "episode",
            lambda: diary.save_episode(Episode(NOW, "left-piriformis", 5, 2, Feel.THUMP, BIG)),
        ),
        ("day", lambda: diary.save_day(DayContext(date(2026, 1, 5), ((Factor.SLEEP, 7),), BIG))),
        ("medicine", lambda: diary.save_medicine(Medicine(BIG[:120], BIG[:120]))),
        (
            "experiment",
            lambda: diary.save_experiment(
                Experiment(
                    Factor.CAFFEINE, BIG, date(2026, 1, 1), date(2026, 1, 8), date(2026, 1, 14)
                )
            ),
        ),
        ("check", lambda: diary.record_check(check, NOW)),
    ]


@pytest.mark.parametrize("kind", ["episode", "day", "medicine", "experiment", "check"])
def test_each_diary_write_fails_whole_then_saves(store: Store, qtbot: QtBot, kind: str) -> None:
    diary = Diary(StoreHandle(store))
    changes: list[bool] = []
    diary.changed.connect(lambda: changes.append(True))
    write = dict(_writes(diary))[kind]
    with disk_full(store):
        before = _counts(store)
        with pytest.raises(StoreError, match=FULL):
            write()  # type: ignore[operator]
        assert _counts(store) == before
    assert changes == []  # nobody was told it changed
    assert store.query("PRAGMA integrity_check") == [("ok",)]
    write()  # type: ignore[operator]  # space is back
    assert sum(_counts(store)) == sum(before) + 1
    assert changes == [True]
