"""Deferred page work: one job per event-loop turn, in order, with other events between."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.one_per_turn import OnePerTurn


def test_jobs_run_in_order_with_other_events_between_them(qtbot: QtBot) -> None:
    owner = QObject()
    later = OnePerTurn(owner)
    ran: list[str] = []

    def first() -> None:
        ran.append("first")
        QTimer.singleShot(0, lambda: ran.append("a click"))  # input arriving meanwhile

    later.add(first)
    later.add(lambda: ran.append("second"))
    assert ran == []  # nothing runs before the event loop turns
    qtbot.waitUntil(lambda: later.pending() == 0)
    assert ran == ["first", "a click", "second"]


def test_flush_runs_what_is_left_now(qtbot: QtBot) -> None:
    later = OnePerTurn()
    ran: list[int] = []
    for n in range(3):
        later.add(lambda n=n: ran.append(n))
    later.flush()
    assert ran == [0, 1, 2]
    assert later.pending() == 0
    for _ in range(3):
        QApplication.processEvents()  # the stopped timer runs nothing twice
    assert ran == [0, 1, 2]
