"""Lessons page (temporary scaffold until the diagram lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.context import PageContext
from app.ui.widgets import label


class LessonsPage(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.addWidget(label("Lessons", "h1"))
        for structure in context.content.taught_structures:
            column.addWidget(label(f"{structure.name} — {structure.summary}"))
        column.addStretch(1)
