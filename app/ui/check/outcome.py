"""The self-check's result: what to do, which answers led there, and lessons that explain why."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.domain.content import Content
from app.domain.links import LinkKind, try_parse_link
from app.domain.red_flags import CheckResult, Level
from app.ui.theme import Palette
from app.ui.widgets import Card, button, label

EDUCATION_NOTE = (
    "This check is education, not a diagnosis. It cannot examine you; a doctor can. If you "
    "are worried, or something changes, get advice whatever the check says."
)
_EYEBROWS = {
    Level.EMERGENCY: "EMERGENCY SIGNS",
    Level.SOON: "WARNING SIGNS",
    Level.SELF_CARE: "NO WARNING SIGNS",
}


def link_title(href: str, content: Content) -> str:
    """What a link to a lesson section is called on a button: the section, then the lesson."""
    link = try_parse_link(href)
    if link is None or link.kind is not LinkKind.LESSON:
        return href
    lesson = content.lessons.get(link.target)
    if lesson is None:
        return href
    heading = next((h.title for h in lesson.headings if h.anchor == link.anchor), "")
    return f"{heading} — {lesson.title}" if heading else lesson.title


class OutcomeView(QWidget):
    """Shows one :class:`CheckResult`. Link buttons call ``navigate`` with their href."""

    def __init__(self, navigate: Callable[[str], None]) -> None:
        super().__init__()
        self._navigate = navigate
        self._banner = Card()
        self._eyebrow = label("", "eyebrow")
        self._title = label("", "h1")
        self._title.setAccessibleName("Outcome")
        self._text = label("")
        self._reasons = label("")
        self._reasons.setAccessibleName("Why")
        self._come_back = label("")
        self._links = QVBoxLayout()
        self._link_buttons: list[QWidget] = []
        self.again_button = button("Start again")
        self._build()

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        for widget in (self._eyebrow, self._title, self._text):
            self._banner.body.addWidget(widget)
        column.addWidget(self._banner)
        column.addWidget(label("Why this result", "h3"))
        column.addWidget(self._reasons)
        column.addWidget(self._come_back)
        column.addWidget(label("Read why these signs matter", "h3"))
        column.addLayout(self._links)
        column.addWidget(label(EDUCATION_NOTE, "muted"))
        row = QHBoxLayout()
        row.addWidget(self.again_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)

    def show_result(self, result: CheckResult, content: Content, palette: Palette) -> None:
        outcome = result.outcome
        self._eyebrow.setText(_EYEBROWS[outcome.level])
        self._title.setText(outcome.title)
        self._text.setText(outcome.text)
        self._reasons.setText(_reasons_text(result))
        self._come_back.setVisible(bool(outcome.come_back))
        self._come_back.setText(
            "Come back to this check, or see a doctor, if:\n"
            + "\n".join(f"•  {line}" for line in outcome.come_back)
        )
        self._set_links(outcome.links, content)
        self.set_palette(result.level, palette)

    def set_palette(self, level: Level, palette: Palette) -> None:
        colour = {
            Level.EMERGENCY: palette.danger,
            Level.SOON: palette.warning,
            Level.SELF_CARE: palette.success,
        }[level]
        self._banner.setStyleSheet(
            f'QFrame[role="card"] {{ border: 3px solid {colour}; background: {palette.surface}; }}'
        )
        self._eyebrow.setStyleSheet(f"color: {colour};")

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def reasons(self) -> str:
        return self._reasons.text()

    def link_buttons(self) -> list[QWidget]:
        return list(self._link_buttons)

    def _set_links(self, links: tuple[str, ...], content: Content) -> None:
        for widget in self._link_buttons:
            widget.deleteLater()
        self._link_buttons = []
        for href in links:
            link_button = button(f"{link_title(href, content)} →", "link")
            link_button.setAccessibleDescription(href)
            link_button.clicked.connect(lambda _=False, h=href: self._navigate(h))
            self._links.addWidget(link_button, 0, Qt.AlignmentFlag.AlignLeft)
            self._link_buttons.append(link_button)


def _reasons_text(result: CheckResult) -> str:
    if result.reasons:
        lines = "\n".join(f"•  {question.flag}" for question in result.reasons)
        return f"You answered yes to:\n{lines}"
    asked = len(result.answers)
    return f"You answered no to all {asked} questions about warning signs."
