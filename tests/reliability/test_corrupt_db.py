"""A damaged progress file: detected at start, moved aside untouched, restored from the newest
verified backup, the learner told, and no crash at the next start either."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from app.services import backups
from app.services.clock import FakeClock
from app.services.migrations import LATEST_VERSION
from app.services.store import Store

ROWS = 200
PAGE = 4096


def _fill(store: Store, first: int, count: int) -> None:
    with store.transaction() as connection:
        connection.executemany(
            "INSERT INTO stretch_sessions (routine_id, started_at, ended_at,"
            " active_seconds, completed, steps_done) VALUES (?, ?, ?, ?, 1, 3)",
            [
                (f"routine-{n}", "2026-01-05T09:00", "2026-01-05T09:05", 300.0 + n)
                for n in range(first, first + count)
            ],
        )


def _rows(store: Store) -> int:
    return int(store.query("SELECT COUNT(*) FROM stretch_sessions")[0][0])


def _integrity(store: Store) -> str:
    return str(store.query("PRAGMA integrity_check")[0][0])


def _day_with_backup(path: Path, clock: FakeClock) -> None:
    """Day 1: create and fill; day 2: reopen (takes a backup) and add more."""
    store, notice = Store.open(path, clock.now())
    assert notice is None
    _fill(store, 0, ROWS)
    store.close()
    clock.advance(timedelta(days=1).total_seconds())
    store, notice = Store.open(path, clock.now())
    assert notice is None
    _fill(store, ROWS, 10)  # after the backup: these are lost when restoring
    store.close()


def _zero_header(data: bytes) -> bytes:
    return b"\x00" * 100 + data[100:]


def _flip_page_headers(data: bytes) -> bytes:
    # The b-tree header of every page after the first: page type, cell counts, pointers.
    damaged = bytearray(data)
    for start in range(PAGE, len(data), PAGE):
        for offset in range(8):
            damaged[start + offset] ^= 0xA5
    return bytes(damaged)


def _truncate_half(data: bytes) -> bytes:
    return data[: (len(data) // PAGE // 2) * PAGE + 1000]


def _truncate_header(data: bytes) -> bytes:
    return data[:60]


def _empty(data: bytes) -> bytes:
    return b""


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "zeroed-header": _zero_header,
    "flipped-page-headers": _flip_page_headers,
    "truncated-half": _truncate_half,
    "truncated-in-header": _truncate_header,
    "emptied": _empty,
}


@pytest.mark.parametrize("name", list(DAMAGE))
def test_damaged_file_is_moved_aside_and_restored_from_backup(
    tmp_path: Path, fake_clock: FakeClock, name: str
) -> None:
    path = tmp_path / "p.sqlite3"
    _day_with_backup(path, fake_clock)
    broken = DAMAGE[name](path.read_bytes())
    path.write_bytes(broken)

    store, notice = Store.open(path, fake_clock.now())

    assert notice is not None
    assert notice.moved_aside is not None
    assert notice.moved_aside.read_bytes() == broken  # kept exactly as it was
    assert notice.restored_from is not None
    assert "restored from the backup of 6 January 2026" in notice.message
    assert "Traceback" not in notice.message
    assert store.path == path
    assert store.schema_version == LATEST_VERSION
    assert _rows(store) == ROWS  # everything up to the backup
    assert _integrity(store) == "ok"
    with store.transaction() as connection:  # and it takes new writes
        connection.execute("INSERT INTO settings VALUES ('after', '1')")
    store.close()
    again, notice = Store.open(path, fake_clock.now())  # next start: quiet, no loop
    assert notice is None
    assert _rows(again) == ROWS
    again.close()


def test_newest_backup_that_fails_verification_is_skipped(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    path = tmp_path / "p.sqlite3"
    _day_with_backup(path, fake_clock)
    fake_clock.advance(timedelta(days=1).total_seconds())
    store, _ = Store.open(path, fake_clock.now())  # a second, newer backup (210 rows)
    store.close()
    shelf = backups.Backups(path)
    newest, older = shelf.all()[:2]
    newest_bytes = _zero_header(newest.path.read_bytes())
    newest.path.write_bytes(newest_bytes)
    path.write_bytes(_zero_header(path.read_bytes()))

    store, notice = Store.open(path, fake_clock.now())

    assert notice is not None
    assert notice.restored_from == older.path
    assert _rows(store) == ROWS
    assert newest.path.read_bytes() == newest_bytes  # a bad backup is not "repaired" either
    store.close()


def test_without_backup_a_fresh_file_is_started(tmp_path: Path, fake_clock: FakeClock) -> None:
    path = tmp_path / "p.sqlite3"
    store, _ = Store.open(path, fake_clock.now())
    _fill(store, 0, 5)
    store.close()
    path.write_bytes(_zero_header(path.read_bytes()))
    store, notice = Store.open(path, fake_clock.now())
    assert notice is not None
    assert notice.restored_from is None
    assert "a new one was started" in notice.message
    assert _rows(store) == 0
    assert _integrity(store) == "ok"
    store.close()


def test_random_byte_flips_never_crash_and_leave_an_intact_store(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    """Flips anywhere (payload flips can go unnoticed: SQLite has no page checksums), but the
    store that opens is always intact and a changed file is never overwritten."""
    path = tmp_path / "p.sqlite3"
    _day_with_backup(path, fake_clock)
    pristine = path.read_bytes()
    chooser = random.Random(8)
    for trial in range(40):
        damaged = bytearray(pristine)
        for _ in range(chooser.randint(1, 16)):
            damaged[chooser.randrange(len(damaged))] ^= 1 << chooser.randrange(8)
        path.write_bytes(bytes(damaged))
        store, notice = Store.open(path, fake_clock.now())
        assert _integrity(store) == "ok", trial
        if notice is not None and notice.moved_aside is not None:
            assert notice.moved_aside.read_bytes() == bytes(damaged)
            assert _rows(store) == ROWS
        store.close()
        for leftover in tmp_path.glob("p.sqlite3*"):
            leftover.unlink()


def _killed_writer(path: Path, first: int) -> None:
    """A separate process that commits 20 rows and dies without closing: its WAL stays."""
    script = (
        "import os, sys\n"
        "from datetime import datetime, UTC\n"
        "from pathlib import Path\n"
        "from app.services.store import Store\n"
        "store, _ = Store.open(Path(sys.argv[1]), datetime(2026, 1, 6, tzinfo=UTC))\n"
        "for n in range(int(sys.argv[2]), int(sys.argv[2]) + 20):\n"
        "    with store.transaction() as c:\n"
        "        c.execute(\"INSERT INTO settings VALUES (?, '1')\", (f'k{n}',))\n"
        "os.kill(os.getpid(), 9)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path), str(first)], check=False)
    assert done.returncode == -9
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def test_missing_wal_is_detected_and_the_rest_kept(tmp_path: Path, fake_clock: FakeClock) -> None:
    path = tmp_path / "p.sqlite3"
    _day_with_backup(path, fake_clock)
    _killed_writer(path, 0)
    path.with_name(path.name + "-wal").unlink()
    store, notice = Store.open(path, fake_clock.now())
    assert notice is not None
    assert "most recent answers may not be there" in notice.message
    assert _rows(store) == ROWS + 10
    assert _integrity(store) == "ok"
    store.close()


def test_mismatched_wal_never_yields_a_damaged_store(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    """Another database's WAL beside ours: SQLite cannot tell it is foreign and replays it."""
    path = tmp_path / "p.sqlite3"
    _day_with_backup(path, fake_clock)
    other = tmp_path / "other" / "p.sqlite3"
    _killed_writer(other, 0)
    ours_before = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        os.replace(other.with_name(other.name + suffix), path.with_name(path.name + suffix))
    store, notice = Store.open(path, fake_clock.now())
    assert _integrity(store) == "ok"
    assert store.schema_version == LATEST_VERSION
    if notice is not None and notice.moved_aside is not None:
        assert notice.moved_aside.read_bytes() == ours_before
        assert _rows(store) == ROWS
    store.close()


def test_unopenable_paths_fall_back_to_memory(tmp_path: Path, fake_clock: FakeClock) -> None:
    """Neither a folder where the file should be nor an unusable data folder crashes the app."""
    folder_in_the_way = tmp_path / "p.sqlite3"
    folder_in_the_way.mkdir()
    store, notice = Store.open(folder_in_the_way, fake_clock.now())
    assert store.path is None
    assert notice is not None
    assert "cannot be saved this time" in notice.message
    assert folder_in_the_way.is_dir()
    store.close()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store, notice = Store.open(blocker / "data" / "p.sqlite3", fake_clock.now())
    assert store.path is None
    assert notice is not None
    store.close()


def test_backups_rotate_keep_three_and_skip_within_a_day(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    path = tmp_path / "p.sqlite3"
    store, _ = Store.open(path, fake_clock.now())
    store.close()
    shelf = backups.Backups(path)
    assert shelf.all() == []  # a brand-new file is not worth a copy
    for _ in range(5):
        fake_clock.advance(timedelta(hours=25).total_seconds())
        store, _ = Store.open(path, fake_clock.now())
        store.close()
        fake_clock.advance(timedelta(hours=2).total_seconds())
        store, _ = Store.open(path, fake_clock.now())  # same day: no second copy
        store.close()
    kept = shelf.all()
    assert len(kept) == backups.KEEP
    assert kept[0].taken_at == fake_clock.now() - timedelta(hours=2)
    assert all(backups.verify(backup.path) for backup in kept)


def test_stray_partial_backup_is_swept(tmp_path: Path, fake_clock: FakeClock) -> None:
    path = tmp_path / "p.sqlite3"
    _day_with_backup(path, fake_clock)
    shelf = backups.Backups(path)
    partial = shelf.folder / "p-20260107-090000.sqlite3.partial"
    partial.write_bytes(b"half a copy")
    fake_clock.advance(timedelta(days=1).total_seconds())
    store, _ = Store.open(path, fake_clock.now())
    store.close()
    assert not partial.exists()
    assert len(shelf.all()) == 2
