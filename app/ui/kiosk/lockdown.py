"""Keep visitors in: no quitting shortcuts, no context menus (screen_fill keeps the window
fullscreen); and the administrator's secret way out, a burst of taps in one corner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

from app.services.clock import Clock

#: Key combinations that would quit, close, print, open or leave fullscreen.
BLOCKED_KEYS = tuple(
    QKeySequence(text)[0].toCombined()  # type: ignore[index]  # PySide6 stubs lack __getitem__
    for text in (
        "Alt+F4",
        "Ctrl+Q",
        "Ctrl+W",
        "Ctrl+Shift+W",
        "Esc",
        "F11",
        "Ctrl+P",
        "Ctrl+O",
        "Ctrl+S",
        "Ctrl+Shift+S",
        "Meta+Q",
        "Alt+Space",
    )
)

CORNER_SIZE = 110


class Lockdown(QObject):
    """An application-wide event filter that swallows escape routes."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self.blocked_count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            self.blocked_count += 1
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if event.keyCombination().toCombined() in BLOCKED_KEYS:
                self.blocked_count += 1
                event.accept()
                return True
        return False


class CornerTaps(QObject):
    """Counts presses inside one corner of ``window``; ``taps`` within ``seconds`` trigger.

    Signals:
        triggered(): the gesture was made.
    """

    triggered = Signal()

    def __init__(
        self,
        window: QWidget,
        clock: Clock,
        corner: str,
        taps: int,
        seconds: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._clock = clock
        self.corner, self.taps, self.seconds = corner, taps, seconds
        self._times: list[float] = []

    def corner_rect(self) -> QRect:
        """The sensitive square, in window coordinates."""
        size = CORNER_SIZE
        width, height = self._window.width(), self._window.height()
        x = 0 if self.corner.endswith("left") else width - size
        y = 0 if self.corner.startswith("top") else height - size
        return QRect(x, y, size, size)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Input reaches the QWindow first and then each widget it propagates to; counting only
        # at the window counts every physical tap exactly once.
        if not watched.isWindowType():
            return False
        point = _press_position(event)
        if point is not None and self.corner_rect().contains(self._window.mapFromGlobal(point)):
            self._record_tap()
        return False

    def _record_tap(self) -> None:
        now = self._clock.monotonic()
        self._times = [t for t in self._times if now - t <= self.seconds] + [now]
        if len(self._times) >= self.taps:
            self._times.clear()
            self.triggered.emit()


def _press_position(event: QEvent) -> QPoint | None:
    if event.type() == QEvent.Type.MouseButtonPress:
        assert isinstance(event, QMouseEvent)
        if event.button() == Qt.MouseButton.LeftButton:
            return event.globalPosition().toPoint()
    if event.type() == QEvent.Type.TouchBegin:
        assert isinstance(event, QTouchEvent)
        if event.points():
            return event.points()[0].globalPosition().toPoint()
    return None
