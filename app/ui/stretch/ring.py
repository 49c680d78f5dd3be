"""The player's countdown: a big number inside a ring that empties as the segment runs."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.routine_timer import Phase
from app.ui.theme import Palette, Theme


def phase_colour(palette: Palette, phase: Phase) -> str:
    """One colour per phase, the same in the ring, the phase label and the flash."""
    return {
        Phase.HOLD: palette.accent,
        Phase.REST: palette.success,
        Phase.SWITCH_SIDES: palette.focus,
        Phase.GET_READY: palette.warning,
        Phase.DONE: palette.success,
    }.get(phase, palette.text_muted)


class CountdownRing(QWidget):
    """Whole seconds left, large enough to read across a room, in a ring showing the fraction."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._seconds = 0
        self._fraction = 1.0
        self._phase = Phase.GET_READY
        self._caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self.setAccessibleName("Countdown")
        theme.changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(380, 380)

    def show_time(self, seconds: int, fraction: float, phase: Phase, caption: str) -> None:
        """Show ``seconds`` left, ``fraction`` of the ring still full, in ``phase``'s colour."""
        state = (seconds, round(fraction, 3), phase, caption)
        if state == (self._seconds, round(self._fraction, 3), self._phase, self._caption):
            return
        self._seconds, self._fraction, self._phase, self._caption = state
        self.setAccessibleDescription(f"{caption}: {seconds} seconds")
        self.update()

    @property
    def seconds(self) -> int:
        return self._seconds

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self._theme.palette
        side = min(self.width(), self.height())
        thickness = max(10.0, side * 0.065)
        box = QRectF(0, 0, side - thickness, side - thickness)
        box.moveCenter(QRectF(self.rect()).center())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_pen(palette.surface_alt, thickness, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(box)
        colour = QColor(phase_colour(palette, self._phase))
        if self._fraction > 0:
            painter.setPen(_pen(colour.name(), thickness, Qt.PenCapStyle.RoundCap))
            span = -round(self._fraction * 360 * 16)  # clockwise from twelve o'clock
            painter.drawArc(box, 90 * 16, span)
        self._paint_text(painter, box, side, colour)
        painter.end()

    def _paint_text(self, painter: QPainter, box: QRectF, side: int, colour: QColor) -> None:
        palette = self._theme.palette
        number = QFont(self.font())
        number.setPixelSize(max(24, round(side * 0.30)))
        number.setWeight(QFont.Weight.Bold)
        number.setFeature(QFont.Tag("tnum"), 1)  # tabular digits: the number does not jiggle
        painter.setFont(number)
        painter.setPen(QColor(palette.text))
        digits = QRectF(box.left(), box.top(), box.width(), box.height() * 0.68)
        painter.drawText(
            digits,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            _clock_text(self._seconds),
        )
        caption = QFont(self.font())
        caption.setPixelSize(max(12, round(side * 0.065)))
        caption.setWeight(QFont.Weight.DemiBold)
        caption.setCapitalization(QFont.Capitalization.AllUppercase)
        caption.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        painter.setFont(caption)
        painter.setPen(colour)
        lower = QRectF(box.left(), box.top() + box.height() * 0.70, box.width(), side * 0.1)
        painter.drawText(
            lower, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._caption
        )


def _pen(colour: str, width: float, cap: Qt.PenCapStyle) -> QPen:
    pen = QPen(QColor(colour))
    pen.setWidthF(width)
    pen.setCapStyle(cap)
    return pen


def _clock_text(seconds: int) -> str:
    if seconds < 60:
        return str(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def whole_seconds(remaining: float) -> int:
    """Seconds to show: 2.3 s left reads 3, so "0" appears only at the very end."""
    return max(0, math.ceil(remaining - 1e-9))
