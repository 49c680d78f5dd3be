"""Diary crash worker: forks writers on request, each saving diary entries forever.

Run as ``python -m tests.reliability.diary_crash_child DB``. For each ``spawn N`` line it forks
a child that opens the store at ``DB`` and alternately saves an episode and a day's context
through the :class:`Diary` service, printing ``ok episode|day TOKEN`` only after each commit.
The parent SIGKILLs the child when it likes; the worker reaps it and prints ``exit N STATUS``.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app.domain.diary import DayContext, Episode, Factor, Feel
from app.services.diary import Diary
from app.services.store import Store
from app.services.store_handle import StoreHandle

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _say(text: str) -> None:
    os.write(1, (text + "\n").encode())  # unbuffered: nothing a kill could lose


def _write_forever(path: Path, number: int) -> None:
    _say(f"pid {os.getpid()}")
    store, notice = Store.open(path, START + timedelta(days=number))
    if notice is not None:
        _say(f"notice {notice.message}")
    diary = Diary(StoreHandle(store))
    for count in range(10**9):
        token = f"{number}-{count}"
        if count % 2 == 0:
            diary.save_episode(Episode(START, "left-piriformis", 5, 2, Feel.FLICKER, token))
            _say(f"ok episode {token}")
        else:
            day = date(2000, 1, 1) + timedelta(days=number * 10_000 + count)
            diary.save_day(DayContext(day, ((Factor.SLEEP, 7.0),), token))
            _say(f"ok day {token}")


def main() -> None:
    path = Path(sys.argv[1])
    _say("ready")
    for line in sys.stdin:
        number = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                _write_forever(path, number)
            finally:
                os._exit(3)  # never fall back into the worker's loop
        _, status = os.waitpid(pid, 0)
        _say(f"exit {number} {status}")


if __name__ == "__main__":
    main()
