"""The administrator's PIN entry: a large numeric keypad (kiosks rarely have keyboards)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QWidget

from app.ui.kiosk.overlay import Overlay
from app.ui.kiosk.touch_keyboard import NO_KEYBOARD
from app.ui.widgets import button, label

MAX_PIN_DIGITS = 12


class PinPad(Overlay):
    """Signals:
    pin_entered(str): the digits typed, on OK.
    cancelled(): the pad was dismissed.
    """

    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, width=460)
        self.card.body.addWidget(label("Administrator", "h1"))
        self._message = label("Enter the PIN.", "muted")
        self.card.body.addWidget(self._message)
        self._field = QLineEdit()
        self._field.setEchoMode(QLineEdit.EchoMode.Password)
        self._field.setMaxLength(MAX_PIN_DIGITS)
        self._field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._field.setAccessibleName("PIN")
        self._field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._field.setProperty(NO_KEYBOARD, True)  # the keypad below is its keyboard
        self._field.returnPressed.connect(self._on_ok_clicked)
        self.card.body.addWidget(self._field)
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), index // 3, index % 3)
        clear = button("Clear")
        clear.setMinimumHeight(64)
        clear.clicked.connect(self.forget)
        grid.addWidget(clear, 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        self._ok = button("OK", "primary")
        self._ok.setMinimumHeight(64)
        self._ok.clicked.connect(self._on_ok_clicked)
        grid.addWidget(self._ok, 3, 2)
        self.card.body.addLayout(grid)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = button("Cancel")
        cancel.clicked.connect(self._on_cancel_clicked)
        row.addWidget(cancel)
        self.card.body.addLayout(row)

    def _key(self, digit: str) -> QWidget:
        key = button(digit)
        key.setMinimumHeight(64)
        key.setAccessibleName(f"Digit {digit}")
        key.clicked.connect(lambda: self._field.insert(digit))
        return key

    def ask(self, message: str = "Enter the PIN.") -> None:
        self.forget()
        self.set_message(message)
        self.open()
        self._field.setFocus()

    def set_message(self, message: str, *, locked: bool = False) -> None:
        self._message.setText(message)
        self._ok.setEnabled(not locked)

    @property
    def message(self) -> str:
        return self._message.text()

    def forget(self) -> None:
        """Drop the digits typed so far, and their undo history."""
        self._field.setText("")  # unlike clear(), setText() cannot be undone

    def _on_ok_clicked(self) -> None:
        pin = self._field.text()
        self.forget()
        if pin and self._ok.isEnabled():
            self.pin_entered.emit(pin)

    def _on_cancel_clicked(self) -> None:
        self.forget()
        self.hide()
        self.cancelled.emit()
