"""A layout that lays widgets in a row and wraps onto further rows when the row is full.

Qt ships this only as an example (``examples/widgets/layouts/flowlayout``); the atlas controls
need it so that at 720 px wide or at twice the text size a button is moved to a second row
instead of having its text clipped.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Left-to-right rows that wrap; each widget keeps its size hint (never squeezed)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def rows(self, width: int) -> int:
        """How many rows the items take at ``width`` (for tests and for the page's layout)."""
        tops = set()
        for _, top in self._positions(QRect(0, 0, width, 0)):
            tops.add(top)
        return len(tops)

    def _positions(self, rect: QRect) -> list[tuple[int, int]]:
        x, y, row_height = rect.x(), rect.y(), 0
        positions = []
        for item in self._items:
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, row_height = rect.x(), y + row_height + self._gap, 0
            positions.append((x, y))
            x += hint.width() + self._gap
            row_height = max(row_height, hint.height())
        return positions

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        positions = self._positions(rect)
        bottom = rect.y()
        for item, (x, y) in zip(self._items, positions, strict=True):
            hint = item.sizeHint()
            if move:
                width = min(hint.width(), rect.width())  # a lone over-wide item gets the row
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            bottom = max(bottom, y + hint.height())
        return bottom - rect.y()
