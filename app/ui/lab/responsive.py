"""Side by side on wide screens, one above the other on narrow ones (or at large text)."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QWidget

#: Below this width (pixels) the two columns stack.
BREAKPOINT = 900


class ResponsiveRow(QBoxLayout):
    """Two parts: ``first`` (kept at most ``first_width`` wide when side by side) and
    ``second``. Call :meth:`fit` from the owner's resize event."""

    def __init__(self, owner: QWidget, first: QWidget, second: QWidget, first_width: int):
        super().__init__(QBoxLayout.Direction.LeftToRight, owner)
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(24)
        self._first, self._first_width = first, first_width
        self.addWidget(first, 4)
        self.addWidget(second, 7)

    @property
    def stacked(self) -> bool:
        return self.direction() is QBoxLayout.Direction.TopToBottom

    def fit(self, width: int) -> None:
        stack = width < BREAKPOINT
        if stack != self.stacked:
            self.setDirection(
                QBoxLayout.Direction.TopToBottom if stack else QBoxLayout.Direction.LeftToRight
            )
        # Side by side, the first part is as narrow as its widest control allows (large text
        # widens it).
        self._first.setMaximumWidth(
            16_777_215 if stack else max(self._first_width, self._first.minimumSizeHint().width())
        )
