"""The admin-PIN lockout record: memory first, the file can only make it stricter."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.kiosk import (
    FIRST_LOCKOUT,
    FREE_ATTEMPTS,
    MAX_LOCKOUT,
    Lockout,
    after_failure,
    is_locked,
)
from app.services.clock import FakeClock
from app.services.kiosk_admin import LockoutFile


def test_round_trip_through_the_file(tmp_path: Path) -> None:
    clock = FakeClock()
    lockout = Lockout(4, clock.now() + timedelta(seconds=60))
    assert LockoutFile(tmp_path / "lock.json", clock).write(lockout)
    assert LockoutFile(tmp_path / "lock.json", clock).read() == lockout  # a restart


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        '{"failures": "many"}',
        '{"locked_until": null}',
        '{"failures": 1, "locked_until": "tomorrow"}',
        '{"failures": 1, "locked_until": "2026-01-05T09:10:00"}',  # no time zone
        "[" * 3000,
        "[]",
        "\xff\xfe",
    ],
)
def test_a_damaged_file_locks_until_the_first_back_off_ends(tmp_path: Path, text: str) -> None:
    """Damage never raises and never opens unlimited guessing; it is said out loud."""
    clock = FakeClock()
    path = tmp_path / "lock.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    lockout_file = LockoutFile(path, clock)
    assert is_locked(lockout_file.read(), clock.now())
    assert "could not be read" in lockout_file.notice
    clock.advance(FIRST_LOCKOUT.total_seconds() - 1)
    assert is_locked(lockout_file.read(), clock.now())  # reading again does not extend it
    clock.advance(1)
    assert not is_locked(lockout_file.read(), clock.now())


def test_a_lock_from_a_wrong_clock_lasts_at_most_the_maximum(tmp_path: Path) -> None:
    clock = FakeClock()
    far = clock.now() + timedelta(days=3650)
    (tmp_path / "lock.json").write_text(
        json.dumps({"failures": 9, "locked_until": far.isoformat()}), "utf-8"
    )
    lockout = LockoutFile(tmp_path / "lock.json", clock).read()
    assert lockout.locked_until == clock.now() + MAX_LOCKOUT


def test_failures_count_in_memory_when_the_file_cannot_be_written(tmp_path: Path) -> None:
    clock = FakeClock()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    lockout_file = LockoutFile(blocker / "lock.json", clock)  # its folder can never be made
    for _ in range(FREE_ATTEMPTS):
        ok = lockout_file.write(after_failure(lockout_file.read(), clock.now()))
        assert not ok
    assert is_locked(lockout_file.read(), clock.now())
    assert "could not be saved" in lockout_file.notice


def test_the_file_can_only_make_the_lockout_stricter(tmp_path: Path) -> None:
    """A success that could not be saved does not let the stale file lock less than memory,
    and a stricter file (another run's failures) is obeyed."""
    clock = FakeClock()
    path = tmp_path / "lock.json"
    until = clock.now() + timedelta(seconds=90)
    path.write_text(json.dumps({"failures": 5, "locked_until": until.isoformat()}), "utf-8")
    lockout_file = LockoutFile(path, clock)
    lockout_file.write(Lockout())  # memory says unlocked ...
    path.write_text(json.dumps({"failures": 5, "locked_until": until.isoformat()}), "utf-8")
    assert lockout_file.read() == Lockout(5, until)  # ... the file on disk still says locked
