"""An on-screen keyboard for touch-only kiosks: large keys, letters, digits, space, backspace.

It docks at the bottom of the window whenever a text field a visitor can type into gets the
focus, and types into that field with ordinary key events, so the field behaves exactly as
with a hardware keyboard (search as you type, undo). It keeps no text of its own.

Qt Virtual Keyboard was the alternative; it needs QtQuick/QML in the bundle (see docs/kiosk.md
for the measured cost against the 200 MB budget), for what a few dozen buttons do here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets import button

ROWS = ("1234567890.-", "qwertyuiop", "asdfghjkl", "zxcvbnm")
KEY_HEIGHT = 60
#: Fields with their own input (the PIN pad has a keypad) opt out with this property.
NO_KEYBOARD = "noTouchKeyboard"


def wants_keyboard(widget: QWidget | None) -> bool:
    """Whether ``widget`` is somewhere a visitor types text."""
    if widget is None or widget.property(NO_KEYBOARD):
        return False
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        parent = widget.parentWidget()
        if parent is not None and parent.property(NO_KEYBOARD):
            return False
        return not widget.isReadOnly()
    return False


class TouchKeyboard(QWidget):
    """Docked along the bottom of ``host``; appears for text fields, hides on Done."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self._host = host
        self._target: QWidget | None = None
        self._listening = False
        self.setObjectName("touchKeyboard")
        self.setAccessibleName("On-screen keyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        for row_keys in ROWS:
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addStretch(1)
            for char in row_keys:
                row.addWidget(self._key(char, char, partial(self._type_text, char)), 2)
            row.addStretch(1)
            column.addLayout(row)
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        bottom.addWidget(self._key("⌫", "Backspace", self._backspace), 2)
        bottom.addWidget(self._key("Space", "Space", lambda: self._type_text(" ")), 6)
        bottom.addWidget(self._key("Done", "Done", self.close_keyboard, "primary"), 2)
        column.addLayout(bottom)
        host.installEventFilter(self)
        self.hide()

    def _key(
        self, text: str, name: str, action: Callable[[], None], role: str = ""
    ) -> QPushButton:
        key = button(text, role)
        key.setAccessibleName(f"Key {name}")
        key.setMinimumHeight(KEY_HEIGHT)
        key.setMinimumWidth(48)
        # Touching a key must not take the focus (and so the keyboard) from the field.
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.clicked.connect(action)
        return key

    @property
    def target(self) -> QWidget | None:
        return self._target

    def start(self) -> None:
        if not self._listening:
            _application().focusChanged.connect(self._on_app_focus_changed)
            self._listening = True

    def stop(self) -> None:
        if self._listening:
            _application().focusChanged.disconnect(self._on_app_focus_changed)
            self._listening = False
        self.close_keyboard()

    def open_for(self, field: QWidget) -> None:
        self._target = field
        self._dock()
        self.show()
        self.raise_()

    def close_keyboard(self) -> None:
        """Hide, and let go of the field (the keyboard never holds what was typed)."""
        field, self._target = self._target, None
        self.hide()
        if field is not None and field.hasFocus():
            field.clearFocus()

    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.isAncestorOf(new):
            return
        if wants_keyboard(new) and new is not None and self._host.isAncestorOf(new):
            self.open_for(new)
        elif new is not None and not isinstance(new, QAbstractSpinBox):
            self._target = None
            self.hide()

    def _type_text(self, text: str) -> None:
        self._send(Qt.Key(ord(text.upper())), text)  # Qt's key codes are the ASCII capitals

    def _backspace(self) -> None:
        self._send(Qt.Key.Key_Backspace, "")

    def _send(self, key: Qt.Key, text: str) -> None:
        field = self._target
        if field is None:
            return
        plain = Qt.KeyboardModifier.NoModifier
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, key, plain, text))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        painter.fillRect(0, 0, self.width(), 2, self.palette().color(QPalette.ColorRole.Mid))
        painter.end()

    def _dock(self) -> None:
        """Along the bottom, or along the top when the field itself is low on the screen."""
        # Large keys, but never more than about half of a small (600 px) panel.
        key_height = max(40, min(KEY_HEIGHT, self._host.height() // 13))
        for key in self.findChildren(QPushButton):
            key.setMinimumHeight(key_height)
        self._column.activate()
        height = self.sizeHint().height()
        top = self._host.height() - height
        field = self._target
        if field is not None:
            centre = field.mapTo(self._host, field.rect().center()).y()
            if centre > top - 24:
                top = 0
        self.setGeometry(0, top, self._host.width(), height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._dock()
        return False


def _application() -> QApplication:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    return application
