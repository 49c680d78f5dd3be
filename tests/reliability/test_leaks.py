"""Leaks: pages opened and destroyed, questions answered and routines run thousands of times
from a QTimer; RSS, Python objects, open file descriptors and threads stay flat after warm-up."""

from __future__ import annotations

import argparse
import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.content import Content
from app.domain.routine_timer import RoutineTimer
from app.main import build_window
from app.services.clock import FakeClock
from app.services.resources import Resources
from app.ui.main_window import MainWindow
from app.ui.quiz.page import QuizPage
from tests.helpers.quiz import right_response


@dataclass(frozen=True)
class Usage:
    rss_kib: int
    objects: int
    fds: int
    threads: int


def _usage() -> Usage:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()
    with open("/proc/self/statm") as statm:
        rss_pages = int(statm.read().split()[1])
    return Usage(
        rss_pages * os.sysconf("SC_PAGE_SIZE") // 1024,
        len(gc.get_objects()),
        len(os.listdir("/proc/self/fd")),
        len(os.listdir("/proc/self/task")),
    )


def _assert_flat(before: Usage, after: Usage, cycles: int, what: str, rss_kib: int) -> None:
    slope = (after.rss_kib - before.rss_kib) / cycles
    print(
        f"\n{what}: {cycles} cycles after warm-up; RSS {before.rss_kib} -> {after.rss_kib} KiB "
        f"({slope:.2f} KiB/cycle), objects {before.objects} -> {after.objects}, "
        f"fds {before.fds} -> {after.fds}, threads {before.threads} -> {after.threads}"
    )
    assert after.rss_kib - before.rss_kib <= rss_kib
    assert after.objects - before.objects <= max(2_000, before.objects // 50)
    assert after.fds <= before.fds
    assert after.threads <= before.threads


@pytest.fixture
def window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, resources: Resources
) -> Iterator[MainWindow]:
    args = argparse.Namespace(data=tmp_path / "data", content=None, kiosk=False, screenshot=None)
    built, _, handle = build_window(qapp, args, resources, FakeClock())
    qtbot.addWidget(built)
    built.show()
    yield built
    handle.store.close()


def _drive(qtbot: QtBot, step: Callable[[], None], count: int) -> None:
    """Call ``step`` ``count`` times from a QTimer, as the event loop would."""
    done = [0]
    timer = QTimer()
    timer.setInterval(0)

    def tick() -> None:
        step()
        done[0] += 1
        if done[0] == count:
            timer.stop()

    timer.timeout.connect(tick)
    timer.start()
    qtbot.waitUntil(lambda: done[0] == count, timeout=120_000)


@pytest.mark.slow
def test_opening_and_resetting_every_page_is_flat(window: MainWindow, qtbot: QtBot) -> None:
    keys = window.page_keys()

    def cycle() -> None:
        for key in keys:
            window.show_page(key)
            QCoreApplication.processEvents()
        window.show_page("home")
        window.reset_pages()

    _drive(qtbot, cycle, 5)  # warm-up: imports, caches, fonts, pyqtgraph
    before = _usage()
    cycles = 20
    _drive(qtbot, cycle, cycles)
    _assert_flat(before, _usage(), cycles, f"pages ({len(keys)} per cycle)", rss_kib=12_288)


@pytest.mark.slow
def test_answering_thousands_of_questions_and_routine_steps_is_flat(
    window: MainWindow, qtbot: QtBot, shipped_content: Content
) -> None:
    window.show_page("quiz")
    page = window.page("quiz")
    assert isinstance(page, QuizPage)
    view = page.question_view
    routines = list(shipped_content.routines.values())
    clock = FakeClock()

    def answer_and_step() -> None:
        if page.current_view is not view:
            page.start_test(10)
        question = view._question  # the question on screen, as the learner sees it
        assert question is not None
        view.submit(right_response(question))
        view.next_requested.emit()
        timer = RoutineTimer(routines[clock.monotonic().__int__() % len(routines)])
        timer.start(clock.monotonic())
        for _ in range(5):
            clock.advance(7)
            timer.tick(clock.monotonic())

    _drive(qtbot, answer_and_step, 100)  # warm-up
    before = _usage()
    answers = 400
    _drive(qtbot, answer_and_step, answers)
    # Each answer adds two rows to the store; SQLite's page cache (2 MiB) may fill meanwhile.
    _assert_flat(before, _usage(), answers, "answers and routine steps", rss_kib=8_192)
