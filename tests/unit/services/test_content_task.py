"""Content loads off the UI thread: the event loop keeps running and the result arrives on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, QTimer
from pytestqt.qtbot import QtBot

from app.domain.content import EMPTY_CONTENT, Content
from app.services.content_task import start_content_load


def test_the_event_loop_runs_while_content_loads_and_the_result_arrives_on_it(
    qtbot: QtBot,
) -> None:
    release = threading.Event()
    loading_thread: list[QThread] = []

    def slow_load() -> Content:
        loading_thread.append(QThread.currentThread())
        release.wait(10)  # a huge folder: the load takes as long as the test says
        return EMPTY_CONTENT

    received: list[tuple[Content, QThread]] = []
    owner = QObject()
    task = start_content_load(
        slow_load, lambda content: received.append((content, QThread.currentThread())), owner
    )
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)  # the UI thread is not blocked
    assert received == []
    with qtbot.waitSignal(task.loaded, timeout=5000):
        release.set()
    timer.stop()
    assert received[0][0] is EMPTY_CONTENT
    assert received[0][1] is owner.thread()  # delivered on the UI thread
    assert loading_thread[0] is not owner.thread()  # loaded on another
