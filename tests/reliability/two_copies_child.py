"""Two-copies worker: a "zygote" that imports the app once, then starts pairs of app copies.

Run as ``python -m tests.reliability.two_copies_child``. For each ``run FOLDER N`` line on stdin
it forks two children that wait on one barrier, so they open the store in ``FOLDER`` at the same
moment (a fresh folder: both race to create and migrate it), then each records ``N`` quiz
answers through the real ``QuizStore``, printing ``ok CHILD TOKEN`` only after each commit.
A child that ends up with an in-memory store prints ``memory``; a failed save prints
``failed TOKEN MESSAGE``. When both have exited the zygote prints ``done STATUS STATUS``.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from app.domain.quiz_session import Mode
from app.services.clock import FakeClock
from app.services.quiz_store import QuizStore
from app.services.store import DB_NAME, Store, StoreError
from app.services.store_handle import StoreHandle
from tests.helpers.quiz import make_question

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
#: Few questions, so both copies keep reviewing the same cards (read-modify-write contention).
QUESTIONS = [make_question(f"q{n}") for n in range(4)]


def _say(text: str) -> None:
    # os.write of one short line is atomic on a pipe, so the two children's lines never mix.
    os.write(1, (text + "\n").encode())


def _answer(folder: Path, child: str, count: int) -> None:
    clock = FakeClock(START)
    store, notice = Store.open(folder / DB_NAME, clock.now())
    if notice is not None:
        _say(f"notice {child} {notice.message}")
    if store.path is None:
        _say(f"memory {child}")
    quizzes = QuizStore(StoreHandle(store), clock)
    for number in range(count):
        token = f"{child}-{number}"
        clock.advance(5)
        try:
            quizzes.record_answer(QUESTIONS[number % len(QUESTIONS)], token, 3.0, Mode.PRACTICE)
        except StoreError as error:
            _say(f"failed {token} {error}")
            continue
        _say(f"ok {child} {token}")
    store.close()


def _run_pair(folder: Path, count: int) -> None:
    gate_read, gate_write = os.pipe()
    children = []
    for child in ("a", "b"):
        pid = os.fork()
        if pid == 0:
            try:
                os.close(gate_write)
                os.read(gate_read, 1)  # both start together, as two double-clicks would
                _answer(folder, child, count)
            except BaseException:
                traceback.print_exc()
                os._exit(1)
            finally:
                os._exit(0)
        children.append(pid)
    os.close(gate_read)
    os.write(gate_write, b"go")
    os.close(gate_write)
    statuses = [os.waitpid(pid, 0)[1] for pid in children]
    _say(f"done {statuses[0]} {statuses[1]}")


def main() -> None:
    _say("ready")
    for line in sys.stdin:
        _command, folder, count = line.split()
        _run_pair(Path(folder), int(count))


if __name__ == "__main__":
    main()
