"""The store: migrations, durability settings, rollback, and recovery from a bad file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.services.clock import FakeClock
from app.services.migrations import LATEST_VERSION
from app.services.store import Store, StoreError


def test_fresh_store_is_migrated_with_wal_and_full_sync(store: Store) -> None:
    assert store.schema_version == LATEST_VERSION
    assert store.query("PRAGMA journal_mode") == [("wal",)]
    assert store.query("PRAGMA synchronous") == [(2,)]  # 2 = FULL
    tables = {row[0] for row in store.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "settings",
        "lesson_progress",
        "quiz_answers",
        "quiz_cards",
        "stretch_sessions",
        "custom_routines",
    } <= tables


def test_a_failed_write_rolls_back_whole(store: Store) -> None:
    """Nothing of a transaction survives when any statement in it fails."""

    def write_twice() -> None:
        with store.transaction() as connection:
            connection.execute("INSERT INTO settings VALUES ('a', '1')")
            connection.execute("INSERT INTO settings VALUES ('a', '2')")  # duplicate key

    with pytest.raises(StoreError):
        write_twice()
    assert store.query("SELECT * FROM settings") == []
    with store.transaction() as connection:
        connection.execute("INSERT INTO settings VALUES ('b', '1')")
    assert store.query("SELECT key FROM settings") == [("b",)]


def test_data_survives_reopening(tmp_path: Path, fake_clock: FakeClock) -> None:
    path = tmp_path / "p.sqlite3"
    first, _ = Store.open(path, fake_clock.now())
    with first.transaction() as connection:
        connection.execute("INSERT INTO settings VALUES ('theme', '\"light\"')")
    first.close()
    second, notice = Store.open(path, fake_clock.now())
    assert notice is None
    assert second.query("SELECT value FROM settings WHERE key='theme'") == [('"light"',)]
    second.close()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"\x00" * len(data),  # zeroed
        lambda data: b"this is not a database at all" * 200,  # garbage
        lambda data: data[:100],  # truncated inside the header
    ],
    ids=["zeroed", "garbage", "truncated"],
)
def test_unreadable_file_is_moved_aside_not_overwritten(
    tmp_path: Path, fake_clock: FakeClock, damage: object
) -> None:
    path = tmp_path / "p.sqlite3"
    first, _ = Store.open(path, fake_clock.now())
    with first.transaction() as connection:
        connection.execute("INSERT INTO settings VALUES ('k', '1')")
    first.close()
    assert callable(damage)
    broken = damage(path.read_bytes())
    path.write_bytes(broken)
    for companion in ("-wal", "-shm"):
        path.with_name(path.name + companion).unlink(missing_ok=True)
    reopened, notice = Store.open(path, fake_clock.now())
    assert notice is not None
    assert notice.moved_aside is not None
    assert notice.moved_aside.read_bytes() == broken  # kept exactly as it was
    assert "could not be read" in notice.message
    assert "Traceback" not in notice.message
    assert reopened.schema_version == LATEST_VERSION
    assert reopened.query("SELECT * FROM settings") == []
    reopened.close()


def test_newer_schema_is_left_alone(tmp_path: Path, fake_clock: FakeClock) -> None:
    """A file from a newer app version is neither migrated nor moved; progress isn't saved."""
    path = tmp_path / "p.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    connection.close()
    before = path.read_bytes()
    store, notice = Store.open(path, fake_clock.now())
    assert notice is not None
    assert "newer version" in notice.message
    assert store.path is None
    assert path.read_bytes() == before


def test_a_background_backup_copies_a_snapshot_while_the_app_keeps_writing(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    path = tmp_path / "p.sqlite3"
    store, _ = Store.open(path, fake_clock.now(), back_up=False)
    with store.transaction() as connection:
        connection.execute("INSERT INTO settings VALUES ('theme', '\"dark\"')")

    worker = store.back_up_in_background(fake_clock.now())
    with store.transaction() as connection:  # the UI thread is not blocked meanwhile
        connection.execute("INSERT INTO settings VALUES ('font_scale', '1.5')")
    assert worker is not None
    worker.join(30)

    copies = sorted((tmp_path / "backups").glob("*.sqlite3"))
    assert len(copies) == 1
    copy = sqlite3.connect(copies[0])
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert ("theme", '"dark"') in copy.execute("SELECT key, value FROM settings").fetchall()
    copy.close()
    assert store.query("SELECT value FROM settings WHERE key='font_scale'") == [("1.5",)]
    store.close()


def test_an_in_memory_store_takes_no_background_backup(fake_clock: FakeClock) -> None:
    assert Store.in_memory().back_up_in_background(fake_clock.now()) is None
