"""What the style draws itself (tab panes, tab labels) follows the theme, not Qt's defaults.

Found in the layout matrix's screenshots: in the high-contrast theme the lab's and the diary's
tab pages were drawn light, under the theme's white text, so nothing on them could be read.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.theme import PALETTES, Theme


@pytest.fixture
def app() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    yield app
    Theme().apply(app)  # the next test starts from the default theme


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_a_tab_page_is_drawn_in_the_themes_window_colour_under_readable_text(
    qtbot: QtBot, app: QApplication, name: str
) -> None:
    theme = Theme(name)
    theme.apply(app)
    tabs = QTabWidget()
    page = QWidget()
    QVBoxLayout(page).addWidget(QLabel("Text on a tab page"))
    tabs.addTab(page, "First")
    tabs.addTab(QWidget(), "Second")
    qtbot.addWidget(tabs)
    tabs.resize(400, 300)
    tabs.show()
    qtbot.waitExposed(tabs)
    image = tabs.grab().toImage()
    pane = tabs.currentWidget().geometry()
    inside = image.pixelColor(pane.center().x(), pane.bottom() - 8)  # below the label
    palette = PALETTES[name]
    assert inside.name() == QColor(palette.window).name()
    assert _contrast(inside, QColor(palette.text)) >= 7.0


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_a_disabled_fields_text_is_greyed_not_the_same_as_an_enabled_one(
    app: QApplication, name: str
) -> None:
    Theme(name).apply(app)
    palette = app.palette()
    roles, groups = QPalette.ColorRole, QPalette.ColorGroup
    enabled = palette.color(groups.Active, roles.Text).name()
    disabled = palette.color(groups.Disabled, roles.Text).name()
    assert enabled == QColor(PALETTES[name].text).name()
    assert disabled == QColor(PALETTES[name].text_muted).name()
