"""Rows that give way to the window: side by side where there is room, stacked where not.

A page scrolls down, never sideways (the layout audit fails a page that does). Two shapes
come up again and again: a sentence with a button beside it, and a row of equal cards. Both
report as their minimum width that of their stacked form, so a scroll area never has to
widen its content to fit them; they choose their arrangement from the width they are given.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from app.ui.theme import Theme


def _room_needed(widget: QWidget) -> int:
    """Width a widget wants beside others: a wrapping label may take two lines."""
    hint = widget.sizeHint().width()
    if isinstance(widget, QLabel) and widget.wordWrap():
        return max(widget.minimumSizeHint().width(), hint // 2)
    return hint


class ReflowRow(QWidget):
    """Its widgets in a row while they fit the width, else one under another."""

    def __init__(self, spacing: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(spacing)
        self._widgets: list[QWidget] = []

    def add(
        self,
        widget: QWidget,
        stretch: int = 0,
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag(0),  # noqa: B008 - an immutable flag
    ) -> None:
        self._widgets.append(widget)
        self._row.addWidget(widget, stretch, alignment)

    @property
    def stacked(self) -> bool:
        return self._row.direction() == QBoxLayout.Direction.TopToBottom

    def minimumSizeHint(self) -> QSize:
        shown = [w for w in self._widgets if not w.isHidden()]
        width = max((w.minimumSizeHint().width() for w in shown), default=0)
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit(event.size().width())

    def fit(self, width: int) -> None:
        """Choose the arrangement for ``width`` (called on every resize)."""
        shown = [w for w in self._widgets if not w.isHidden()]
        needed = sum(_room_needed(w) for w in shown) + self._row.spacing() * (len(shown) - 1)
        direction = (
            QBoxLayout.Direction.LeftToRight
            if width >= needed
            else QBoxLayout.Direction.TopToBottom
        )
        if self._row.direction() != direction:
            self._row.setDirection(direction)


class CardColumns(QWidget):
    """Cards in equal columns: as many (up to ``most``) as the width allows at the text size.

    The page that holds it calls :meth:`fit` from its own resize event, with the width the
    cards will get: the page is resized before its contents are laid out, so the columns are
    chosen in the same layout pass (choosing them in this widget's own resize event would
    lay the page out twice, and a button found on screen in between would move).

    Args:
        column_width: the narrowest a column may be at text scale 1, in pixels.
    """

    def __init__(
        self,
        cards: Sequence[QWidget],
        theme: Theme,
        *,
        most: int = 3,
        column_width: int = 290,
        spacing: int = 18,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._cards = list(cards)
        self._theme = theme
        self._most = most
        self._column_width = column_width
        self._width = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        self._columns = 0
        for card in self._cards:
            # Width comes from the grid alone (text wraps), so every column is equal.
            card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._place(most)
        theme.changed.connect(self._on_theme_changed)

    @property
    def columns(self) -> int:
        return self._columns

    def minimumSizeHint(self) -> QSize:
        width = max((card.minimumSizeHint().width() for card in self._cards), default=0)
        return QSize(width, super().minimumSizeHint().height())

    def fit(self, width: int) -> None:
        """Arrange the cards for ``width`` pixels (the room they will have)."""
        self._width = width
        self._place(self.columns_for(width))

    def columns_for(self, width: int) -> int:
        """How many columns fit ``width`` pixels at the current text scale."""
        room = width / max(1.0, self._theme.scale)
        gap = self._grid.spacing()
        fit = int((room + gap) // (self._column_width + gap))
        return max(1, min(self._most, fit))

    def _on_theme_changed(self) -> None:
        # Larger text needs wider columns: arrange again now, not at the next resize.
        if self._width:
            self.fit(self._width)

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for index, card in enumerate(self._cards):
            self._grid.addWidget(card, index // columns, index % columns)
        for number in range(self._most):
            self._grid.setColumnStretch(number, 1 if number < columns else 0)
