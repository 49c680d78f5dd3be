"""Right/wrong feedback: the verdict, the explanation with its in-app links, the lesson link."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.links import try_parse_link
from app.ui.quiz.link_button import WrappingLinkButton
from app.ui.widgets import label

_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(\s*([^)\s]+)\s*\)")


def explanation_html(text: str) -> str:
    """Plain text with Markdown links → safe HTML; only in-app links become anchors."""
    parts: list[str] = []
    last = 0
    for match in _MARKDOWN_LINK.finditer(text):
        parts.append(html.escape(text[last : match.start()]))
        shown, href = match.group(1), match.group(2)
        if try_parse_link(href) is None:
            parts.append(html.escape(shown))
        else:
            parts.append(f'<a href="{html.escape(href)}">{html.escape(shown)}</a>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


class FeedbackPanel(QFrame):
    """Shown after each answer, before the next question."""

    def __init__(self, navigate: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._navigate = navigate
        self._lesson_href = ""
        column = QVBoxLayout(self)
        column.setContentsMargins(22, 16, 22, 16)
        column.setSpacing(8)
        self.verdict = label("", "right")
        self.detail = label("", "h3")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.explanation.setOpenExternalLinks(False)
        self.explanation.linkActivated.connect(self._navigate)
        # Wraps: a lesson title at large type is wider than a small window.
        self.lesson_button = WrappingLinkButton()
        self.lesson_button.clicked.connect(self._on_lesson_clicked)
        row = QHBoxLayout()
        row.addWidget(self.lesson_button)
        row.addStretch(1)
        for widget in (self.verdict, self.detail, self.explanation):
            column.addWidget(widget)
        column.addLayout(row)
        self.hide()

    def show_verdict(
        self, correct: bool, detail: str, explanation: str, lesson_href: str, lesson_title: str
    ) -> None:
        role = "right" if correct else "wrong"
        self.setProperty("role", f"feedback-{role}")
        self.verdict.setProperty("role", role)
        self.verdict.setText("✓  Right" if correct else "✗  Not quite")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.explanation.setText(explanation_html(explanation))
        self._lesson_href = lesson_href
        self.lesson_button.set_link(
            f"Read more: {lesson_title}\N{NO-BREAK SPACE}→",
            f"Read more in the lesson: {lesson_title}",
        )
        self.lesson_button.setVisible(bool(lesson_title))
        for widget in (self, self.verdict):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.show()

    def _on_lesson_clicked(self) -> None:
        if self._lesson_href:
            self._navigate(self._lesson_href)
