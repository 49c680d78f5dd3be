"""Rows and card grids that give way to the window instead of scrolling sideways."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

from app.ui.reflow import CardColumns
from app.ui.theme import Theme


def _card(text: str) -> QFrame:
    card = QFrame()
    QVBoxLayout(card).addWidget(QLabel(text))
    return card


def test_cards_take_as_many_equal_columns_as_the_width_and_text_size_allow(
    qtbot: QtBot,
) -> None:
    theme = Theme()
    cards = [_card(f"Card {n}") for n in range(5)]
    grid = CardColumns(cards, theme, most=3, column_width=300)
    qtbot.addWidget(grid)
    grid.show()
    grid.fit(1000)
    assert grid.columns == 3
    grid.fit(700)
    assert grid.columns == 2
    grid.fit(400)
    assert grid.columns == 1
    grid.resize(1000, 600)
    grid.fit(1000)
    QApplication.processEvents()
    widths = [card.width() for card in cards]
    assert max(widths) - min(widths) <= 1  # equal columns (to the pixel of rounding)
    theme.set(theme.palette.name, 2.0)  # twice the text: the same width holds fewer columns
    assert grid.columns == 1
    assert grid.minimumSizeHint().width() == max(c.minimumSizeHint().width() for c in cards)
