"""The diary under SIGKILL: a writer killed at random moments loses no entry it reported saved,
leaves no half-saved entry (each episode or day is one transaction), and the file stays sound."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from app.services.store import Store
from tests.reliability.diary_crash_child import START

KILLS = 40
#: The longest a writer lives before it is killed; 0 kills it while it is still opening.
MAX_LIFETIME = 0.15
ROOT = Path(__file__).resolve().parents[2]


class _Worker:
    """The forking writer process (see diary_crash_child), read line by line."""

    def __init__(self, database: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.diary_crash_child", str(database)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self._stdin = self.process.stdin
        self._fd = self.process.stdout.fileno()
        self._pending = b""
        assert self.read_line(timeout=60) == "ready"

    def read_line(self, timeout: float) -> str | None:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._pending:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._fd], [], [], left)[0]:
                return None
            chunk = os.read(self._fd, 65536)
            if not chunk:
                raise AssertionError("the diary crash worker died")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return line.decode()

    def spawn(self, number: int) -> None:
        self._stdin.write(f"spawn {number}\n".encode())
        self._stdin.flush()

    def close(self) -> None:
        self._stdin.close()
        self.process.wait(timeout=30)
        assert self.process.stdout is not None
        self.process.stdout.close()


def _kill_one(
    worker: _Worker, number: int, lifetime: float, reported: dict[str, set[str]]
) -> None:
    worker.spawn(number)
    line = worker.read_line(timeout=30)
    assert line is not None
    assert line.startswith("pid "), line
    pid = int(line.split()[1])
    deadline = time.monotonic() + lifetime
    while (left := deadline - time.monotonic()) > 0:
        line = worker.read_line(timeout=left)
        if line is None:
            break
        _note(line, reported)
    os.kill(pid, signal.SIGKILL)
    while (line := worker.read_line(timeout=30)) is not None and not line.startswith("exit"):
        _note(line, reported)
    assert line == f"exit {number} {signal.SIGKILL}", line  # killed, not crashed on its own


def _note(line: str, reported: dict[str, set[str]]) -> None:
    assert not line.startswith("notice"), f"a start found the file damaged: {line}"
    if line.startswith("ok "):
        _, kind, token = line.split()
        reported[kind].add(token)


@pytest.mark.slow
def test_killed_diary_writers_lose_no_reported_entry(tmp_path: Path) -> None:
    database = tmp_path / "data" / "progress.sqlite3"
    chooser = random.Random(20260106)
    reported: dict[str, set[str]] = {"episode": set(), "day": set()}
    worker = _Worker(database)
    try:
        for number in range(KILLS):
            lifetime = 0.0 if number % 10 == 0 else chooser.uniform(0.0, MAX_LIFETIME)
            _kill_one(worker, number, lifetime, reported)
    finally:
        worker.close()
    store, notice = Store.open(database, START + timedelta(days=KILLS + 1))
    assert notice is None
    assert store.query("PRAGMA integrity_check") == [("ok",)]
    episodes = {row[0] for row in store.query("SELECT note FROM diary_episodes")}
    days = {row[0] for row in store.query("SELECT note FROM diary_days")}
    assert reported["episode"] <= episodes
    assert reported["day"] <= days
    assert len(episodes - reported["episode"]) + len(days - reported["day"]) <= KILLS
    assert store.query("SELECT COUNT(*) FROM diary_days WHERE sleep IS NULL") == [(0,)]
    assert len(reported["episode"]) + len(reported["day"]) > KILLS  # they really wrote
    store.close()
