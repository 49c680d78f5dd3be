"""A full-screen colour flash at each change, for noisy rooms or devices without sound."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from app.ui.theme import Theme

FLASH_MS = 700


class FlashOverlay(QWidget):
    """Covers its parent and fades a colour out; transparent to the mouse."""

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self._theme = theme
        self._colour = QColor(theme.palette.accent)
        self._level = 0.0
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(FLASH_MS)
        self._animation.setStartValue(0.55)
        self._animation.setEndValue(0.0)
        self._animation.valueChanged.connect(self._on_animation_value_changed)
        self._animation.finished.connect(self.hide)
        parent.installEventFilter(self)
        self.hide()

    @property
    def flashing(self) -> bool:
        return self.isVisible()

    def flash(self, colour: str) -> None:
        self._colour = QColor(colour)
        self.setGeometry(self._host.rect())
        self.raise_()
        self.show()
        self._animation.stop()
        self._animation.start()

    def _on_animation_value_changed(self, value: object) -> None:
        self._level = float(value) if isinstance(value, int | float) else 0.0
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._host.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        colour = QColor(self._colour)
        colour.setAlphaF(max(0.0, min(1.0, self._level)))
        painter = QPainter(self)
        painter.fillRect(self.rect(), colour)
        painter.end()
