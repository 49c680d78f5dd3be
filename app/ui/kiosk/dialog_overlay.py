"""In kiosk mode every dialog (About, content problems, …) opens inside the window.

A top-level dialog is a movable window with a title bar: under a desktop window manager a
visitor can drag it aside, minimise it or lose it behind the kiosk; on a bare X server it
appears in a corner with no frame at all. So just before any dialog is first shown, it is
re-parented into a dimmed layer over the main window, where it is frameless and centred.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout, QWidget

#: A dim as dark as the kiosk's own overlays (idle warning, PIN pad).
DIM = QColor(0, 0, 0, 150)


class DialogLayer(QWidget):
    """Covers the window behind one embedded dialog; lives and hides with the dialog."""

    def __init__(self, host: QWidget, dialog: QDialog) -> None:
        super().__init__(host)
        self._host = host
        self.setAccessibleName(dialog.windowTitle() or "Dialog")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 24, 24, 24)
        dialog.setParent(self, Qt.WindowType.Widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        dialog.setObjectName("kioskDialog")
        column.addWidget(dialog, 0, Qt.AlignmentFlag.AlignCenter)
        dialog.installEventFilter(self)
        dialog.destroyed.connect(self.deleteLater)
        host.installEventFilter(self)
        self.setGeometry(host.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._host and kind == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        # The *ToParent events come whenever the dialog is opened or closed, even while this
        # layer is hidden (plain Show events only reach widgets that are really visible).
        elif watched is not self._host and kind == QEvent.Type.ShowToParent:
            self.setGeometry(self._host.rect())
            self.show()
            self.raise_()
        elif watched is not self._host and kind == QEvent.Type.HideToParent:
            self.hide()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), DIM)
        painter.end()


class DialogsAsOverlays(QObject):
    """An application-wide filter: each dialog is embedded in ``host`` before its first show.

    Polish is the one event every widget receives exactly once, before it is first shown and
    before a native window exists, so re-parenting there never flashes a separate window.
    """

    def __init__(self, host: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.embedded = 0

    def start(self) -> None:
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Polish
            and isinstance(watched, QDialog)
            and watched.isWindow()
            and watched is not self._host
        ):
            DialogLayer(self._host, watched)
            self.embedded += 1
        return False
