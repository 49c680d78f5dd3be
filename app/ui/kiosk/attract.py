"""The kiosk start screen: large type, large targets, one tile per enabled page."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.services.resources import Resources
from app.ui.icons import icon
from app.ui.pages import PageSpec
from app.ui.theme import Theme
from app.ui.widgets import DISCLAIMER, Card, label

TILE_ICON = 64


class AttractScreen(QWidget):
    """Invites a visitor in.

    Signals:
        page_requested(str): a tile was touched.
    """

    page_requested = Signal(str)

    def __init__(
        self,
        title: str,
        welcome: str,
        pages: list[PageSpec],
        theme: Theme,
        resources: Resources,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._theme = theme
        self._resources = resources
        self._glyphs: list[tuple[QLabel, str]] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(72, 56, 72, 40)
        column.setSpacing(20)
        heading = label(title, "display")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = label(welcome, "h2")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(heading)
        column.addWidget(text)
        column.addSpacing(16)
        grid = QGridLayout()
        grid.setSpacing(24)
        shown = [spec for spec in pages if spec.key != "home"] or pages
        per_row = 3 if len(shown) > 4 else 2 if len(shown) > 1 else 1
        for index, spec in enumerate(shown):
            grid.addWidget(self._tile(spec), index // per_row, index % per_row)
        column.addLayout(grid, 1)
        footer = label(DISCLAIMER, "small")
        footer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(footer)
        theme.changed.connect(self._on_theme_changed)
        self._on_theme_changed()

    def _tile(self, spec: PageSpec) -> Card:
        tile = Card(clickable=True)
        tile.setAccessibleName(f"Start {spec.title}")
        tile.setMinimumSize(QSize(280, 200))
        glyph = QLabel()
        glyph.setFixedSize(QSize(TILE_ICON, TILE_ICON))
        self._glyphs.append((glyph, spec.icon))
        tile.body.addWidget(glyph, 0, Qt.AlignmentFlag.AlignHCenter)
        name = label(spec.title, "h1")
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tile.body.addWidget(name)
        blurb = label(spec.blurb, "muted")
        blurb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tile.body.addWidget(blurb)
        tile.activated.connect(lambda key=spec.key: self.page_requested.emit(key))
        return tile

    def _on_theme_changed(self) -> None:
        accent = self._theme.palette.accent
        for glyph, name in self._glyphs:
            path = self._resources.asset(f"icons/{name}.svg")
            glyph.setPixmap(icon(path, accent).pixmap(QSize(TILE_ICON, TILE_ICON)))
