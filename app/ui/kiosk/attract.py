"""The kiosk start screen: large type, large targets, one tile per enabled page.

Kiosk screens come in every shape (1024x600 panels, 1080p, portrait totems), so the tiles are
laid out for the size the screen really has: the number of columns that gives the largest
tiles, margins in proportion, and blurbs dropped before anything would overlap.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.services.resources import Resources
from app.ui.icons import icon
from app.ui.pages import PageSpec
from app.ui.theme import Theme
from app.ui.widgets import DISCLAIMER, Card, label

TILE_ICON = 64
GAP = 24
#: Width over height of a tile that reads well; columns are chosen to come closest to it.
TILE_ASPECT = 1.5
#: Below this tile height the blurb is dropped and the icon shrinks, so nothing overlaps.
ROOMY_TILE_HEIGHT = 210
#: When set to a file path, the start screen writes where its tiles are (end-to-end tests
#: check a real compositor's screen against it).
TILE_REPORT_ENV = "GLUTEAL_ATLAS_TILE_REPORT"


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
        # The screen holds the focus when it shows, so no tile greets a visitor wearing the
        # keyboard's focus ring; Tab still goes from here to the first tile.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._theme = theme
        self._resources = resources
        self._glyphs: list[tuple[QLabel, str]] = []
        self._blurbs: list[QLabel] = []
        self._column = QVBoxLayout(self)
        self._column.setSpacing(16)
        heading = label(title, "display")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._welcome = label(welcome, "h2")
        self._welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._column.addWidget(heading)
        self._column.addWidget(self._welcome)
        self._grid = QGridLayout()
        self._grid.setSpacing(GAP)
        shown = [spec for spec in pages if spec.key != "home"] or pages
        self.tiles = [self._tile(spec) for spec in shown]
        self._columns = 0
        self._report_path: Path | None = None
        self._column.addLayout(self._grid, 1)
        self._footer = label(DISCLAIMER, "small")
        self._footer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._column.addWidget(self._footer)
        theme.changed.connect(self._on_theme_changed)
        self._on_theme_changed()
        self._lay_out(QSize(1280, 800))

    def _tile(self, spec: PageSpec) -> Card:
        tile = Card(clickable=True)
        tile.setAccessibleName(f"Start {spec.title}")
        tile.setMinimumSize(QSize(150, 96))
        glyph = QLabel()
        glyph.setFixedSize(QSize(TILE_ICON, TILE_ICON))
        glyph.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._glyphs.append((glyph, spec.icon))
        tile.body.addStretch(1)  # tall tiles (portrait screens) keep their content centred
        tile.body.addWidget(glyph, 0, Qt.AlignmentFlag.AlignHCenter)
        name = label(spec.title, "h1", wrap=False)
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tile.body.addWidget(name)
        blurb = label(spec.blurb, "muted")
        blurb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._blurbs.append(blurb)
        tile.body.addWidget(blurb)
        tile.body.addStretch(1)
        tile.activated.connect(lambda key=spec.key: self.page_requested.emit(key))
        return tile

    def tile_rects(self) -> dict[str, QRect]:
        """Each tile's rectangle in screen coordinates, by accessible name (for tests)."""
        return {
            tile.accessibleName(): QRect(tile.mapToGlobal(tile.rect().topLeft()), tile.size())
            for tile in self.tiles
        }

    def report_tiles_to(self, path: Path) -> None:
        """Keep ``path`` up to date with the window, screen and tile rectangles (JSON)."""
        self._report_path = path
        QTimer.singleShot(0, self._write_report)

    def _write_report(self) -> None:
        if self._report_path is None or not self.isVisible():
            return
        window = self.window()
        screen = window.screen()
        report = {
            "window": window.geometry().getRect(),
            "screen": screen.geometry().getRect() if screen else None,
            "tiles": {name: rect.getRect() for name, rect in self.tile_rects().items()},
        }
        temporary = self._report_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(report), encoding="utf-8")
        temporary.replace(self._report_path)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._lay_out(event.size())
        super().resizeEvent(event)
        if self._report_path is not None:
            QTimer.singleShot(200, self._write_report)  # once the layout has settled

    def _lay_out(self, size: QSize) -> None:
        margin = round(min(72, max(16, size.width() * 0.05)))
        self._column.setContentsMargins(margin, round(margin * 0.7), margin, round(margin * 0.5))
        # Heading, welcome, footer and spacing take roughly this much of the height.
        text_height = 190 if size.width() >= 900 else 230
        area = QSize(size.width() - 2 * margin, max(1, size.height() - margin - text_height))
        columns = best_columns(len(self.tiles), area)
        rows = math.ceil(len(self.tiles) / columns)
        tile_height = (area.height() - GAP * (rows - 1)) / rows
        roomy = tile_height >= ROOMY_TILE_HEIGHT
        for blurb in self._blurbs:
            blurb.setVisible(roomy)
        side = TILE_ICON if roomy else 44
        for glyph, _ in self._glyphs:
            glyph.setFixedSize(QSize(side, side))
        self._welcome.setVisible(size.height() >= 480)
        if columns != self._columns:
            self._place(columns)

    def _place(self, columns: int) -> None:
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, index // columns, index % columns)
        for column in range(max(self._columns, columns)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self._columns = columns

    def _on_theme_changed(self) -> None:
        accent = self._theme.palette.accent
        for glyph, name in self._glyphs:
            path = self._resources.asset(f"icons/{name}.svg")
            glyph.setPixmap(icon(path, accent).pixmap(QSize(TILE_ICON, TILE_ICON)))
            glyph.setScaledContents(True)


def best_columns(count: int, area: QSize) -> int:
    """How many columns make ``count`` tiles in ``area`` largest at a readable aspect."""
    best, best_score = 1, -1.0
    for columns in range(1, max(1, count) + 1):
        rows = math.ceil(count / columns)
        width = (area.width() - GAP * (columns - 1)) / columns
        height = (area.height() - GAP * (rows - 1)) / rows
        score = min(width, height * TILE_ASPECT)  # the largest tile of that aspect that fits
        if score > best_score:
            best, best_score = columns, score
    return best
