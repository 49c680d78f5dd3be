"""The navigation rail: a touch-sized column of icon + text buttons, one per page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from app.ui.icons import icon
from app.ui.pages import PageSpec
from app.ui.theme import Theme

RAIL_WIDTH = 104


class NavRail(QFrame):
    """Buttons for the pages, plus About at the bottom.

    Signals:
        page_requested(str): a page key.
        about_requested(): the About button.
    """

    page_requested = Signal(str)
    about_requested = Signal()

    def __init__(
        self, pages: tuple[PageSpec, ...], icons_dir: Path, theme: Theme, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("navRail")
        self._theme = theme
        self._icons_dir = icons_dir
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QToolButton] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 14, 10, 14)
        column.setSpacing(6)
        brand = QLabel("Gluteal\nAtlas")
        brand.setObjectName("brand")
        brand.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(brand)
        column.addSpacing(10)
        for number, spec in enumerate(pages, start=1):
            button = self._make_button(spec.title, spec.icon, f"Ctrl+{number}")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, key=spec.key: self.page_requested.emit(key))
            self._group.addButton(button)
            self._buttons[spec.key] = button
            column.addWidget(button)
        column.addStretch(1)
        self._about = self._make_button("About", "about", "F1")
        self._about.clicked.connect(self.about_requested)
        column.addWidget(self._about)
        theme.changed.connect(self._on_theme_changed)
        self._on_theme_changed()

    def _make_button(self, title: str, icon_name: str, shortcut: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(title)
        button.setProperty("icon_name", icon_name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setMinimumSize(QSize(RAIL_WIDTH - 20, 72))
        button.setIconSize(QSize(28, 28))
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        # Tab focus only: a mouse or touch user never sees a focus ring on the rail.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setToolTip(f"{title} ({shortcut})")
        button.setAccessibleName(title)
        return button

    def set_current(self, key: str) -> None:
        button = self._buttons.get(key)
        if button is not None:
            button.setChecked(True)

    def button(self, key: str) -> QToolButton:
        return self._buttons[key]

    def set_visible_pages(self, keys: set[str]) -> None:
        for key, button in self._buttons.items():
            button.setVisible(key in keys)

    def _on_theme_changed(self) -> None:
        # Wider with bigger type, so "Progress" never turns into "Pr…ss".
        width = round(RAIL_WIDTH + max(0.0, self._theme.scale - 1.0) * 64)
        self.setFixedWidth(width)
        for button in [*self._buttons.values(), self._about]:
            button.setMinimumSize(QSize(width - 20, 72))
        palette = self._theme.palette
        for button in [*self._buttons.values(), self._about]:
            path = self._icons_dir / f"{button.property('icon_name')}.svg"
            button.setIcon(icon(path, palette.text_muted, palette.accent))
