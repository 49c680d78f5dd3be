"""Notice when nobody has touched the kiosk for a while.

An application-wide event filter records the time of the last input; a QTimer only asks the
monitor to compare that with the clock, so tests drive it with a fake clock and ``check()``.
A busy page (a routine playing) *holds* the monitor: nobody touches the screen while following
a guided routine, and that is not idleness. A hold is capped so that a page stuck busy can
never freeze a visit in place.
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


#: Longer than the longest routine (about 30 minutes), shorter than a clinic session.
DEFAULT_MAX_HOLD_SECONDS = 45 * 60


class IdleMonitor(QObject):
    """Emits a warning after ``idle_seconds`` without input, and a reset ``warning_seconds`` later.

    Signals:
        warning_started(int): seconds left before the reset.
        warning_tick(int): seconds left, once a second while warning.
        activity_resumed(): input arrived during the warning.
        reset_due(): the visit is over.

    Args:
        max_hold_seconds: the longest a hold keeps the warning off without any input; longer
            than any routine, short enough that a forgotten kiosk still resets.
    """

    warning_started = Signal(int)
    warning_tick = Signal(int)
    activity_resumed = Signal()
    reset_due = Signal()

    def __init__(
        self,
        clock: Clock,
        idle_seconds: int,
        warning_seconds: int,
        parent: QObject | None = None,
        max_hold_seconds: float = DEFAULT_MAX_HOLD_SECONDS,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.idle_seconds = idle_seconds
        self.warning_seconds = warning_seconds
        self.max_hold_seconds = max_hold_seconds
        self._last_input = clock.monotonic()
        self._warning = False
        self._held = False
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

    @property
    def held(self) -> bool:
        return self._held

    def set_held(self, held: bool) -> None:
        """Hold off the warning while a page is busy; the hold's end counts as input.

        Connect a page's ``busy_changed(bool)`` here. Ending counts as input so a visitor who
        just followed a routine to its end gets the whole idle time to move on.
        """
        if held == self._held:
            return
        self._held = held
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
        idle = self._clock.monotonic() - self._last_input
        if self._held and idle < self.max_hold_seconds:
            return
        if self._held:
            idle -= self.max_hold_seconds - self.idle_seconds  # warn and reset as usual
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
