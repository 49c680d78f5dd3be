"""Small shared widgets: styled labels, cards, the notice bar."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

DISCLAIMER = (
    "Gluteal Atlas is for education only. It is not medical advice and cannot diagnose or treat "
    "anything. If you have weakness, numbness, pain that spreads down the leg, or any symptom "
    "that worries you, see a doctor or physiotherapist. Get urgent care for loss of bladder or "
    "bowel control, numbness around the genitals or back passage, or weakness in both legs."
)


def label(text: str, role: str = "", *, wrap: bool = True) -> QLabel:
    """A label styled by the theme's ``role`` (``display``, ``h1``, ``h2``, ``muted``…)."""
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return widget


def caption(text: str, field: QWidget, role: str = "") -> QLabel:
    """A visible label that names ``field``: its buddy, so ``&`` in ``text`` makes an Alt
    mnemonic that focuses the field, and a Linux screen reader hears the purpose.

    On AT-SPI a combo box's accessible name is its current value (``QAccessibleComboBox``
    ignores ``setAccessibleName`` under ``Q_OS_UNIX``); its purpose travels only as the
    "labelled by" relation, which Qt builds from a buddy label among the field's siblings.
    So put the caption in the same parent widget (the same layout) as the field.
    """
    widget = label(text, role)
    widget.setBuddy(field)
    return widget


def add_page_heading(column: QVBoxLayout, eyebrow: str, title: str, blurb: str = "") -> None:
    """The heading every top-level page opens with: eyebrow, display title, optional blurb."""
    column.addWidget(label(eyebrow, "eyebrow"))
    column.addWidget(label(title, "display"))
    if blurb:
        column.addWidget(label(blurb, "muted"))


def button(text: str, role: str = "") -> QPushButton:
    widget = QPushButton(text)
    if role:
        widget.setProperty("role", role)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


class Card(QFrame):
    """A rounded panel; clickable (and keyboard-activatable) when ``clickable``.

    Signals:
        activated(): clicked, or Enter/Space while focused.
    """

    activated = Signal()

    def __init__(self, parent: QWidget | None = None, *, clickable: bool = False) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._clickable = clickable
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(22, 20, 22, 20)
        self.body.setSpacing(8)
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if self._clickable and event.key() in keys:
            self.activated.emit()
            return
        super().keyPressEvent(event)


class NoticeBar(QFrame):
    """A dismissible bar for things the learner should know (skipped content, save errors).

    Signals:
        details_requested(): the learner asked to see the details.
    """

    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "notice")
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(16, 10, 10, 10)
        self._text = label("")
        self._text.setAccessibleName("Notice")
        self._details = button("Details")
        self._details.clicked.connect(self.details_requested)
        self._close = button("Dismiss")
        self._close.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addWidget(self._details)
        buttons.addWidget(self._close)
        buttons.addStretch(1)
        self._row.addWidget(self._text, 1)
        self._row.addLayout(buttons)
        self.hide()

    def show_message(self, text: str, *, details: bool = False) -> None:
        self._text.setText(text)
        self._details.setVisible(details)
        self.show()
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # Buttons beside the text while the text fits on about two lines; below it otherwise,
        # so a narrow window or large type never squeezes the text into a tall column.
        buttons = self._close.sizeHint().width() + (
            self._details.sizeHint().width() if self._details.isVisibleTo(self) else 0
        )
        text = self._text.fontMetrics().horizontalAdvance(self._text.text())
        beside = self.width() - buttons - 48 > text / 2
        direction = (
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        if self._row.direction() != direction:
            self._row.setDirection(direction)

    @property
    def text(self) -> str:
        return self._text.text()


@runtime_checkable
class FitsRoom(Protocol):
    """Content that arranges itself for the room its scroll area has (not its own width,
    which a scroll area keeps at least at the content's minimum: a wide arrangement would
    then keep itself wide and scroll sideways)."""

    def fit_room(self, width: int) -> None: ...


class _RoomScrollArea(QScrollArea):
    def resizeEvent(self, event: QResizeEvent) -> None:
        content = self.widget()
        if isinstance(content, FitsRoom):
            content.fit_room(self.viewport().width())
        super().resizeEvent(event)


def make_scroll_stop(area: QScrollArea, name: str) -> None:
    """Make ``area`` a Tab stop the keyboard scrolls with the arrow and page keys, named
    ``name`` for a screen reader; the theme rings it in the focus colour while it has the
    focus (a border always there, so the ring never moves what is inside)."""
    area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    area.setAccessibleName(name)
    area.setProperty("role", "scroll-stop")


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that resizes it: it scrolls only when the
    window is too small (or the text too large) to hold it. Content that is
    :class:`FitsRoom` is told the width it has on every resize."""
    area = _RoomScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside
    return area
