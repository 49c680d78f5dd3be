"""The answer field of a numeric question: a number and its unit, big enough for a finger."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from app.ui.widgets import label

#: A plain decimal number; a comma is taken as the decimal point (as many keyboards type it).
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_number(text: str) -> float | None:
    """The number typed, or ``None`` when the text is not one."""
    cleaned = text.strip()
    if not _NUMBER.match(cleaned):
        return None
    return float(cleaned.replace(",", "."))


class NumericAnswer(QWidget):
    """A line to type the answer in, with the unit after it.

    Signals:
        changed(): the text changed (the answer may have become usable or not).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setMinimumHeight(52)
        self.field.setMaxLength(24)
        self.field.setPlaceholderText("Your answer")
        self.field.textChanged.connect(self.changed)
        self.unit = label("", "h3", wrap=False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.field, 1)
        row.addWidget(self.unit)

    def ask(self, unit: str) -> None:
        """Empty and editable, with ``unit`` after the field."""
        self.field.clear()
        self.field.setReadOnly(False)
        self.unit.setText(unit)
        self.field.setAccessibleName(f"Your answer in {unit}" if unit else "Your answer")

    def value(self) -> float | None:
        return parse_number(self.field.text())

    def lock(self) -> None:
        """After checking: the answer stays visible but can no longer change."""
        self.field.setReadOnly(True)

    def focus_field(self) -> None:
        self.field.setFocus()


def numeric_detail(answer: float, tolerance: float, unit: str) -> str:
    """What a wrong numeric answer is told: the answer and the range that counts."""
    unit_text = f" {unit}" if unit else ""
    if tolerance <= 0:
        return f"The answer is {answer:g}{unit_text}."
    low, high = answer - tolerance, answer + tolerance
    return f"The answer is {answer:g}{unit_text} (anything from {low:g} to {high:g} counts)."
