"""Notice when nobody has touched the kiosk for a while.

An application-wide event filter records the time of the last input; a QTimer only asks the
monitor to compare that with the clock, so tests drive it with a fake clock and ``check()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from app.services.clock import Clock

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.Gesture,
    }
)


class IdleMonitor(QObject):
    """Emits a warning after ``idle_seconds`` without input, and a reset ``warning_seconds`` later.

    Signals:
        warning_started(int): seconds left before the reset.
        warning_tick(int): seconds left, once a second while warning.
        activity_resumed(): input arrived during the warning.
        reset_due(): the visit is over.
    """

    warning_started = Signal(int)
    warning_tick = Signal(int)
    activity_resumed = Signal()
    reset_due = Signal()

    def __init__(
        self, clock: Clock, idle_seconds: int, warning_seconds: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.idle_seconds = idle_seconds
        self.warning_seconds = warning_seconds
        self._last_input = clock.monotonic()
        self._warning = False
        self._paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.check)

    def start(self, app: QCoreApplication) -> None:
        app.installEventFilter(self)
        self._timer.start()

    def stop(self, app: QCoreApplication) -> None:
        app.removeEventFilter(self)
        self._timer.stop()

    @property
    def warning(self) -> bool:
        return self._warning

    def set_paused(self, paused: bool) -> None:
        """Pause while the administrator is at work; resuming counts as input."""
        self._paused = paused
        self.touch()

    def touch(self) -> None:
        """Count as input now."""
        self._last_input = self._clock.monotonic()
        if self._warning:
            self._warning = False
            self.activity_resumed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.touch()
        return False

    def check(self) -> None:
        """Compare the last input with the clock; emit what is due."""
        if self._paused:
            return
        idle = self._clock.monotonic() - self._last_input
        if idle < self.idle_seconds:
            return
        left = max(0, round(self.idle_seconds + self.warning_seconds - idle))
        if not self._warning:
            self._warning = True
            self.warning_started.emit(left)
        elif left > 0:
            self.warning_tick.emit(left)
        if left <= 0:
            self._warning = False
            self._last_input = self._clock.monotonic()
            self.reset_due.emit()
