"""Make the kiosk window cover its whole screen wherever it runs.

``showFullScreen()`` is only a *request* to a window manager or compositor: cage and desktop
window managers honour it, but a bare X server (``xinit``, no window manager) has nobody to ask,
and the window stays at its default size in a corner. So the window also takes the screen's
geometry itself, stays on top, and follows the screen when it changes (a monitor swapped,
the resolution or rotation changed).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


class ScreenFiller(QObject):
    """Keeps ``window`` fullscreen and exactly the size of its screen."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._screen: QScreen | None = None
        self._pending = False
        self._active = False

    def start(self) -> None:
        """Show the window fullscreen and keep it so."""
        self._active = True
        window = self._window
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        window.installEventFilter(self)
        application = QGuiApplication.instance()
        assert isinstance(application, QGuiApplication)
        application.primaryScreenChanged.connect(self._schedule)
        self.fill()

    def stop(self) -> None:
        self._active = False
        self._window.removeEventFilter(self)

    def target(self) -> QRect:
        """The geometry the window should have: all of its screen."""
        screen = self._window.screen() or QGuiApplication.primaryScreen()
        return screen.geometry()

    def fill(self) -> None:
        """Fullscreen (for window managers and compositors) and the screen's geometry (for a
        bare X server); then on top."""
        self._pending = False
        if not self._active:
            return
        window = self._window
        self._follow(window.screen())
        if not window.isFullScreen():
            window.showFullScreen()
        handle = window.windowHandle()
        if handle is not None and window.geometry() != self.target():
            # On the native window: QWidget.setGeometry() would drop the fullscreen state.
            handle.setGeometry(self.target())
        if QGuiApplication.platformName() != "offscreen":  # it has no stacking, and says so
            window.raise_()

    def _follow(self, screen: QScreen | None) -> None:
        if screen is self._screen:
            return
        if self._screen is not None:
            self._screen.geometryChanged.disconnect(self._schedule)
        self._screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self._schedule)

    def _schedule(self) -> None:
        # Several of these arrive together (state, screen, geometry); fill once they settle.
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.fill)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (
            QEvent.Type.WindowStateChange,
            QEvent.Type.ScreenChangeInternal,
        ):
            self._schedule()
        return False
