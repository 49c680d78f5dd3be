"""A scroll area the keyboard can Tab to shows where the focus is, in both themes.

Compares grabbed pixels of the area's frame with and without the focus: the ring must be
drawn in the theme's focus colour, and the content inside must not move when it appears.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.theme import PALETTES, Palette, Theme
from app.ui.widgets import make_scroll_stop


def _grab(area: QScrollArea) -> QImage:
    QApplication.processEvents()
    return area.grab().toImage()


@pytest.fixture(params=sorted(PALETTES))
def palette(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[Palette]:
    """The application styled in each theme in turn (put back to light afterwards)."""
    theme = Theme(request.param)
    theme.apply(qapp)
    yield theme.palette
    Theme().apply(qapp)


def test_a_scroll_stop_is_ringed_in_the_focus_colour_only_while_focused(
    qtbot: QtBot, palette: Palette
) -> None:
    """Unfocused, the frame is not the focus colour; focused, its edge is; the content sits
    in the same place either way."""
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    other = QPushButton("Elsewhere")
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(QLabel("Text to scroll\n" * 40))
    make_scroll_stop(area, "Details")
    column.addWidget(other)
    column.addWidget(area)
    holder.resize(300, 300)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is holder)
    other.setFocus()
    content_before = area.widget().mapTo(area, QPoint(0, 0))
    unfocused = _grab(area)
    area.setFocus(Qt.FocusReason.TabFocusReason)
    assert area.hasFocus()
    focused = _grab(area)
    ring = QColor(palette.focus).name()
    edges = (QPoint(1, area.height() // 2), QPoint(area.width() // 2, area.height() - 2))
    assert [focused.pixelColor(point).name() for point in edges] == [ring, ring]
    assert ring not in [unfocused.pixelColor(point).name() for point in edges]
    assert area.widget().mapTo(area, QPoint(0, 0)) == content_before
