"""The end of a quiz: the score, how each topic went, and what to review."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.quiz_session import QuizSession, topic_title
from app.ui.widgets import Card, button, label


class ResultsView(QScrollArea):
    """Shows a finished session.

    Signals:
        retry_requested(): practise the questions that were missed.
        done_requested(): back to the start screen.
    """

    retry_requested = Signal()
    done_requested = Signal()

    def __init__(
        self,
        navigate: Callable[[str], None],
        lesson_title: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._navigate = navigate
        self._lesson_title = lesson_title
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.score = label("", "score", wrap=False)
        self.verdict = label("", "h2")
        self.summary = label("", "muted")
        self.retry = button("Practise the ones I missed", "primary")
        self.retry.clicked.connect(self.retry_requested)
        self.done = button("Back to quiz start")
        self.done.clicked.connect(self.done_requested)
        self._topics = QGridLayout()
        self._topics.setHorizontalSpacing(18)
        self._topics.setVerticalSpacing(10)
        self._review = QVBoxLayout()
        self._review.setSpacing(6)
        self._build()

    def _build(self) -> None:
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 32, 48, 32)
        column.setSpacing(20)
        head = QHBoxLayout()
        head.setSpacing(28)
        head.addWidget(self.score, 0, Qt.AlignmentFlag.AlignVCenter)
        words = QVBoxLayout()
        words.addWidget(label("Results", "eyebrow"))
        words.addWidget(self.verdict)
        words.addWidget(self.summary)
        head.addLayout(words, 1)
        column.addLayout(head)
        row = QHBoxLayout()
        row.setSpacing(18)
        topics = Card()
        topics.body.addWidget(label("By topic", "h3"))
        topics.body.addLayout(self._topics)
        topics.body.addStretch(1)
        review = Card()
        review.body.addWidget(label("What to review", "h3"))
        review.body.addLayout(self._review)
        review.body.addStretch(1)
        row.addWidget(topics, 1)
        row.addWidget(review, 1)
        column.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry)
        buttons.addWidget(self.done)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        self.setWidget(inner)

    def show_session(self, session: QuizSession) -> None:
        total, right = len(session.answers), session.score
        share = right / total if total else 0.0
        self.score.setText(f"{right}/{total}")
        self.verdict.setText(_verdict(share))
        self.summary.setText(
            f"{session.plan.title}: {round(share * 100)} % right. Questions you missed come "
            "back in “Due for review” within minutes; the ones you knew, days later."
        )
        _clear(self._topics)
        for row, topic in enumerate(session.breakdown()):
            bar = QProgressBar()
            bar.setRange(0, topic.total)
            bar.setValue(topic.right)
            bar.setAccessibleName(f"{topic_title(topic.topic)}: {topic.right} of {topic.total}")
            self._topics.addWidget(label(topic_title(topic.topic), wrap=False), row, 0)
            self._topics.addWidget(bar, row, 1)
            self._topics.addWidget(label(f"{topic.right}/{topic.total}", "muted"), row, 2)
        self._topics.setColumnStretch(1, 1)
        self._fill_review(session)
        self.retry.setVisible(bool(session.to_review()))
        self.done.setFocus() if not session.to_review() else self.retry.setFocus()

    def _fill_review(self, session: QuizSession) -> None:
        _clear(self._review)
        missed = session.to_review()
        if not missed:
            self._review.addWidget(label("Nothing — every answer was right. Well done!", "muted"))
            return
        for number, question in enumerate(missed):
            if number:
                self._review.addSpacing(8)
            self._review.addWidget(label(question.prompt))
            title = self._lesson_title(question.lesson) or "the lesson"
            link = button(f"Read: {title} →", "link")
            link.clicked.connect(lambda _=False, href=question.lesson: self._navigate(href))
            self._review.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)


def _verdict(share: float) -> str:
    if share >= 0.9:
        return "Excellent — you know this well."
    if share >= 0.7:
        return "Good work — a few to go over."
    if share >= 0.4:
        return "A fair start — review the ones you missed."
    return "Keep going — every miss comes back to help you learn it."


def _clear(layout: QGridLayout | QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
