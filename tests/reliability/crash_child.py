"""Crash-loop worker: a "zygote" that imports the app once, then forks writers on request.

Run as ``python -m tests.reliability.crash_child DB``. For each ``spawn N`` line on stdin it
forks a child that opens the real store at ``DB`` (on day N, so every start may take a backup),
then alternately records a quiz answer (``QuizStore``) and a stretch session
(``StretchHistory``) forever, printing ``ok quiz|stretch TOKEN`` only after each commit. The
parent SIGKILLs the child whenever it likes; the zygote reaps it and prints ``exit N STATUS``.
Forking keeps each start to milliseconds, so hundreds of kills fit in the test budget.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.domain.quiz_session import Mode
from app.services.clock import FakeClock
from app.services.quiz_store import QuizStore
from app.services.store import Store
from app.services.store_handle import StoreHandle
from app.services.stretch_history import Session, StretchHistory
from tests.helpers.quiz import make_question

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
QUESTIONS = [make_question(f"q{n}") for n in range(8)]


def _say(text: str) -> None:
    # os.write: unbuffered, so nothing sits in a buffer a fork would copy or a kill would lose.
    os.write(1, (text + "\n").encode())


def _write_forever(path: Path, number: int) -> None:
    _say(f"pid {os.getpid()}")
    clock = FakeClock(START + timedelta(days=number))
    store, notice = Store.open(path, clock.now())
    if notice is not None:
        _say(f"notice {notice.message}")
    handle = StoreHandle(store)
    quizzes = QuizStore(handle, clock)
    history = StretchHistory(handle)
    for count in range(10**9):
        token = f"{number}-{count}"
        clock.advance(7)
        if count % 2 == 0:
            quizzes.record_answer(QUESTIONS[count % len(QUESTIONS)], token, 3.5, Mode.PRACTICE)
            _say(f"ok quiz {token}")
        else:
            start = clock.now()
            history.record(Session(f"r-{token}", start, start, 60.0, True, 4))
            _say(f"ok stretch {token}")


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
                os._exit(3)  # never fall back into the zygote's loop
        _, status = os.waitpid(pid, 0)
        _say(f"exit {number} {status}")


if __name__ == "__main__":
    main()
