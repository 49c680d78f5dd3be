"""Big, touch-friendly answer buttons with a number badge (the key that chooses them)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.ui.widgets import label

#: Touch targets at least this tall (kiosk fingers, not mouse pointers).
MIN_HEIGHT = 64

#: After checking: verdict -> (badge mark, word added to the answer).
VERDICTS = {
    "right": ("\N{CHECK MARK}", "right, you picked it"),
    "missed": ("!", "right, but not picked"),
    "wrong": ("\N{BALLOT X}", "not right"),
    "answer": ("\N{CHECK MARK}", "the answer"),
}


class ChoiceButton(QPushButton):
    """A checkable answer: a badge with its key number and word-wrapped text."""

    def __init__(self, number: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # A push button may not shrink below its one-line width; this one wraps instead, so a
        # long answer at large type never makes the question column wider than the window.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(f"Choice {number}: {text}")
        self.answer_text = text
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 18, 10)
        row.setSpacing(16)
        self._badge = label(str(number), "badge", wrap=False)
        self._badge.setFixedSize(QSize(40, 40))
        self._text = label(text, "choiceText")
        for child in (self._badge, self._text):
            # Clicks on the labels must reach the button.
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            row.addWidget(child, 0 if child is self._badge else 1)

    def set_answer_text(self, text: str) -> None:
        """Change what the choice says (a trace choice names its trace after the answer)."""
        self.answer_text = text
        self._text.setText(text)
        self.setAccessibleName(f"Choice {self._badge.text()}: {text}")

    def set_verdict(self, verdict: str) -> None:
        """Show one of :data:`VERDICTS` (or clear with ``""``): a colour, a mark in the badge
        and a word, so the verdict never rests on colour alone."""
        self.setProperty("verdict", verdict)
        if verdict:
            mark, word = VERDICTS[verdict]
            self._badge.setText(mark)
            self._text.setText(f"{self.answer_text}  ·  {word}")
            self.setAccessibleName(f"{self.answer_text}: {word}")
        self.style().unpolish(self)
        self.style().polish(self)

    @property
    def verdict(self) -> str:
        return str(self.property("verdict") or "")

    def sizeHint(self) -> QSize:
        hint = self._row.sizeHint()
        return QSize(hint.width(), max(MIN_HEIGHT, hint.height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, MIN_HEIGHT)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(MIN_HEIGHT, self._row.totalHeightForWidth(width))


class ChoicePanel(QWidget):
    """A column of choices; exclusive for single choice, toggles for multi-select.

    Signals:
        selection_changed(): the set of chosen buttons changed.
    """

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(12)
        self.buttons: list[ChoiceButton] = []
        self._multi = False

    def set_choices(self, texts: list[str], *, multi: bool) -> None:
        for old in self.buttons:
            # Out of the layout and hidden now; deleteLater alone would leave it drawn until
            # the event loop gets round to deleting it.
            self._column.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.buttons = []
        self._multi = multi
        for number, text in enumerate(texts, start=1):
            choice = ChoiceButton(number, text, self)
            choice.clicked.connect(lambda _=False, b=choice: self._on_choice_clicked(b))
            self._column.addWidget(choice)
            self.buttons.append(choice)

    def choose(self, index: int) -> None:
        """Pick (or, in multi-select, toggle) the choice at ``index``, as its key does."""
        if 0 <= index < len(self.buttons) and self.buttons[index].isEnabled():
            self.buttons[index].click()

    def _on_choice_clicked(self, clicked: ChoiceButton) -> None:
        if not self._multi:
            for other in self.buttons:
                other.setChecked(other is clicked)
        self.selection_changed.emit()

    def selected(self) -> list[int]:
        return [i for i, b in enumerate(self.buttons) if b.isChecked()]

    def lock(self, right: set[int]) -> None:
        """After submitting: each choice says whether it was right and picked, right but
        missed, or picked but wrong (single choice: the answer is shown as "the answer")."""
        for index, choice in enumerate(self.buttons):
            choice.setEnabled(False)
            picked = choice.isChecked()
            if index in right and picked:
                choice.set_verdict("right")
            elif index in right:
                choice.set_verdict("missed" if self._multi else "answer")
            elif picked:
                choice.set_verdict("wrong")
