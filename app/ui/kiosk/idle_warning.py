""" "Still there?" — the countdown before the kiosk resets itself for the next visitor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from app.ui.kiosk.overlay import Overlay
from app.ui.widgets import button, label


class IdleWarning(Overlay):
    """Signals:
    stay_requested(): the visitor touched "I'm still here".
    """

    stay_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName("Still there?")
        title = label("Still there?", "display")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._count = label("", "h1")
        self._count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._count.setAccessibleName("Seconds until reset")
        text = label(
            "To keep things private, this screen will clear what you did and start over for "
            "the next visitor.",
            "h3",
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        stay = button("I'm still here", "primary")
        stay.setMinimumHeight(72)
        stay.clicked.connect(self.stay_requested)
        for widget in (title, self._count, text, stay):
            self.card.body.addWidget(widget)

    def show_seconds(self, seconds: int) -> None:
        self._count.setText(f"Starting over in {seconds} s")
        if not self.isVisible():
            self.open()

    @property
    def text(self) -> str:
        return self._count.text()
