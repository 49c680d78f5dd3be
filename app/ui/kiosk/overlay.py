"""A dimmed layer over the whole window holding one centred card (idle warning, PIN, admin)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.widgets import Card


class Overlay(QWidget):
    """Covers its parent, follows its size, and shows ``self.card`` in the middle."""

    def __init__(self, parent: QWidget, width: int = 620) -> None:
        super().__init__(parent)
        self._host = parent
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.card = Card(self)
        self.card.setFixedWidth(width)
        self.card.body.setContentsMargins(36, 32, 36, 32)
        self.card.body.setSpacing(16)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False

    def open(self) -> None:
        self.setGeometry(self._host.rect())
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 150))
        painter.end()
