"""The idle monitor: warning, reset, and a busy page holding both off (for a while)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from app.services.clock import FakeClock
from app.services.idle_monitor import IdleMonitor

IDLE, WARNING = 15, 5


class FakeBusySource(QObject):
    """Stands in for ``MainWindow.busy_changed``: a page that plays a routine."""

    busy_changed = Signal(bool)


class Recorder:
    def __init__(self, monitor: IdleMonitor) -> None:
        self.events: list[str] = []
        monitor.warning_started.connect(lambda s: self.events.append(f"warn {s}"))
        monitor.reset_due.connect(lambda: self.events.append("reset"))
        monitor.activity_resumed.connect(lambda: self.events.append("resumed"))


def _monitor(clock: FakeClock, **kwargs: float) -> tuple[IdleMonitor, Recorder]:
    monitor = IdleMonitor(clock, IDLE, WARNING, **kwargs)  # type: ignore[arg-type]
    return monitor, Recorder(monitor)


def _run_for(monitor: IdleMonitor, clock: FakeClock, seconds: int) -> None:
    """What the monitor's 250 ms timer does, once a second of fake time."""
    for _ in range(seconds):
        clock.advance(1)
        monitor.check()


def test_idle_then_warning_then_reset(qtbot: QtBot) -> None:
    clock = FakeClock()
    monitor, seen = _monitor(clock)
    _run_for(monitor, clock, IDLE - 1)
    assert seen.events == []
    _run_for(monitor, clock, 1)
    assert seen.events == [f"warn {WARNING}"]
    _run_for(monitor, clock, WARNING)
    assert seen.events[-1] == "reset"


def test_busy_page_holds_the_warning_off_for_a_long_routine(qtbot: QtBot) -> None:
    """A routine played untouched for ten minutes is not idleness."""
    clock = FakeClock()
    monitor, seen = _monitor(clock)
    source = FakeBusySource()
    source.busy_changed.connect(monitor.set_held)
    source.busy_changed.emit(True)
    _run_for(monitor, clock, 600)
    assert seen.events == []
    source.busy_changed.emit(False)  # the routine ended: the visitor gets the full idle time
    _run_for(monitor, clock, IDLE - 1)
    assert seen.events == []
    _run_for(monitor, clock, 1 + WARNING)
    assert seen.events == [f"warn {WARNING}", "reset"]


def test_busy_starting_during_the_warning_ends_it(qtbot: QtBot) -> None:
    clock = FakeClock()
    monitor, seen = _monitor(clock)
    _run_for(monitor, clock, IDLE + 1)
    monitor.set_held(True)
    assert seen.events[-1] == "resumed"
    _run_for(monitor, clock, 120)
    assert "reset" not in seen.events


def test_a_page_stuck_busy_is_reset_after_the_longest_hold(qtbot: QtBot) -> None:
    """A paused routine (or a page that never says it is done) cannot freeze a visit."""
    clock = FakeClock()
    monitor, seen = _monitor(clock, max_hold_seconds=300)
    monitor.set_held(True)
    _run_for(monitor, clock, 299)
    assert seen.events == []
    _run_for(monitor, clock, 1)
    assert seen.events == [f"warn {WARNING}"]
    _run_for(monitor, clock, WARNING)
    assert seen.events[-1] == "reset"


def test_input_during_a_hold_restarts_the_longest_hold(qtbot: QtBot) -> None:
    clock = FakeClock()
    monitor, seen = _monitor(clock, max_hold_seconds=300)
    monitor.set_held(True)
    _run_for(monitor, clock, 200)
    monitor.touch()
    _run_for(monitor, clock, 200)
    assert seen.events == []
