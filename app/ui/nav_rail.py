"""The navigation rail: a touch-sized column of icon + text buttons, one per page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.icons import icon
from app.ui.pages import PageSpec
from app.ui.theme import Theme

RAIL_WIDTH = 104

#: Densities, roomiest first: (icon size, text under the icon). The rail takes the roomiest
#: that fits its height, so on a short window nothing is cut off.
_DENSITIES = ((28, True), (20, True), (22, False))
#: Padding above and below a button's content (the style sheet's 8 px, plus the focus border).
_BUTTON_PADDING = 22


class NavRail(QFrame):
    """Buttons for the pages, plus About at the bottom.

    Signals:
        page_requested(str): a page key.
        about_requested(): the About button.
        back_requested(): the Back button.
    """

    page_requested = Signal(str)
    about_requested = Signal()
    back_requested = Signal()

    def __init__(
        self, pages: tuple[PageSpec, ...], icons_dir: Path, theme: Theme, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("navRail")
        self._theme = theme
        self._icons_dir = icons_dir
        self._density = 0
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QToolButton] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 14, 10, 14)
        column.setSpacing(6)
        self._brand = brand = QLabel("Gluteal\nAtlas")
        brand.setObjectName("brand")
        brand.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(brand)
        self._back = QToolButton(self)
        self._back.setText("\N{LEFTWARDS ARROW} Back")
        self._back.setObjectName("railBack")
        self._back.setAccessibleName("Back")
        self._back.setToolTip("Back to where you were (Alt+Left)")
        self._back.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._back.setMinimumHeight(40)
        self._back.setEnabled(False)
        self._back.clicked.connect(self.back_requested)
        column.addWidget(self._back)
        column.addSpacing(4)
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
        button.setMinimumWidth(RAIL_WIDTH - 20)
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
            focused = QApplication.focusWidget()
            if focused is None or not self.isAncestorOf(focused):
                self._make_tab_stop(button)

    def _make_tab_stop(self, current: QToolButton) -> None:
        # Qt gives an exclusive group one Tab stop, the button focused last (arrow keys move
        # within the group). Tabbing into the rail should land on the page being shown.
        for button in self._buttons.values():
            policy = button.focusPolicy()
            if button is current:
                button.setFocusPolicy(policy | Qt.FocusPolicy.TabFocus)
            else:
                button.setFocusPolicy(Qt.FocusPolicy(policy & ~Qt.FocusPolicy.TabFocus))

    def button(self, key: str) -> QToolButton:
        return self._buttons[key]

    def set_back_enabled(self, enabled: bool) -> None:
        self._back.setEnabled(enabled)

    def set_visible_pages(self, keys: set[str]) -> None:
        for key, button in self._buttons.items():
            button.setVisible(key in keys)
        self._fit_density()

    @property
    def density(self) -> int:
        """0 = roomy, 1 = compact, 2 = icons only."""
        return self._density

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_density()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The theme's new text size reaches the buttons after the theme's signal: measure
        # again once the font (or style sheet) really changed.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._apply_density()
            self._fit_density()

    def _button_height(self, density: int) -> int:
        """What a button needs at ``density``, as the style measures it (About stands in)."""
        icon_size, with_text = _DENSITIES[density]
        probe = self._about
        style, size = probe.toolButtonStyle(), probe.iconSize()
        probe.setToolButtonStyle(_style(with_text))
        probe.setIconSize(QSize(icon_size, icon_size))
        height = max(probe.sizeHint().height(), icon_size + _BUTTON_PADDING)
        probe.setToolButtonStyle(style)
        probe.setIconSize(size)
        return height

    def _needed_height(self, density: int) -> int:
        height = self._button_height(density)
        buttons = [b for b in self._buttons.values() if not b.isHidden()] + [self._about]
        fixed = 28 + self._back.minimumHeight() + 10  # margins, Back and the gap under it
        brand = self._brand.sizeHint().height() + 6 if density == 0 else 0
        return fixed + brand + len(buttons) * (height + 6)

    def _fit_density(self) -> None:
        available = self.height()
        density = next(
            (d for d in range(len(_DENSITIES)) if self._needed_height(d) <= available),
            len(_DENSITIES) - 1,
        )
        if density != self._density:
            self._density = density
            self._apply_density()

    def _apply_density(self) -> None:
        icon_size, with_text = _DENSITIES[self._density]
        height = self._button_height(self._density)
        style = _style(with_text)
        self._brand.setVisible(self._density == 0)
        self._back.setMinimumHeight(max(40, self._back.sizeHint().height()))
        for button in [*self._buttons.values(), self._about]:
            button.setFixedHeight(height)
            button.setIconSize(QSize(icon_size, icon_size))
            button.setToolButtonStyle(style)

    def _on_theme_changed(self) -> None:
        # Wider with bigger type, so "Progress" never turns into "Pr…ss".
        width = round(RAIL_WIDTH + max(0.0, self._theme.scale - 1.0) * 64)
        self.setFixedWidth(width)
        for button in [*self._buttons.values(), self._about]:
            button.setMinimumWidth(width - 20)
        self._back.setMinimumWidth(width - 20)
        self._fit_density()
        self._apply_density()
        palette = self._theme.palette
        for button in [*self._buttons.values(), self._about]:
            path = self._icons_dir / f"{button.property('icon_name')}.svg"
            button.setIcon(icon(path, palette.text_muted, palette.accent))


def _style(with_text: bool) -> Qt.ToolButtonStyle:
    if with_text:
        return Qt.ToolButtonStyle.ToolButtonTextUnderIcon
    return Qt.ToolButtonStyle.ToolButtonIconOnly
