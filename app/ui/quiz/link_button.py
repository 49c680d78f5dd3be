"""A link-styled button whose text wraps, for link texts too long for one line."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

#: Room around the text for the focus border (the style sheet draws 2 px).
_FOCUS_ROOM = 3


class WrappingLinkButton(QPushButton):
    """A push button that shows its text as a word-wrapped link.

    A QPushButton never wraps its text, so a long lesson title at large type made the button
    wider than a small window. Here the button's own text stays empty and a wrapping label
    inside it shows the words; the button keeps what a button gives for free: Tab focus,
    Space, ``clicked``, the PushButton role and a name for screen readers. Enter and Return
    click it too, as they follow a link.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.label = QLabel()
        self.label.setProperty("role", "linkText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        # Clicks land on the button, not on the words.
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        inside = QVBoxLayout(self)
        inside.setContentsMargins(_FOCUS_ROOM, _FOCUS_ROOM, _FOCUS_ROOM, _FOCUS_ROOM)
        inside.addWidget(self.label)

    def set_link(self, text: str, spoken: str = "") -> None:
        """Show ``text``; a screen reader says ``spoken`` (default: the text)."""
        self.label.setText(text)
        self.setAccessibleName(spoken or text)
        self.updateGeometry()

    def link_text(self) -> str:
        """The words shown."""
        return self.label.text()

    # QPushButton sizes itself from its own (empty) text; the words inside decide instead: one
    # line when there is room (a wrapping QLabel alone would ask for a narrow column), and the
    # layout may narrow it down to the longest word, the height following the width.
    def sizeHint(self) -> QSize:
        self.label.ensurePolished()  # the style sheet's bold face sets the width
        line = self.label.fontMetrics().horizontalAdvance(self.label.text())
        margins = self.label.contentsMargins()
        width = line + margins.left() + margins.right() + 2 * _FOCUS_ROOM + 2  # 2: rounding
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.totalMinimumSize() if layout is not None else super().minimumSizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Outside a dialog a QPushButton ignores Enter; a link follows it.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            return
        super().keyPressEvent(event)
