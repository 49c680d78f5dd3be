"""The quiz start screen: due reviews, a mixed test, or practice on one lesson/topic/structure."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QScrollArea, QVBoxLayout, QWidget

from app.domain.content import Content
from app.domain.quiz_session import Scope, targets_with_questions, topic_title
from app.ui.reflow import CardColumns
from app.ui.theme import Theme
from app.ui.widgets import Card, add_page_heading, button, caption, label

TEST_SIZES = (5, 10, 20)


class StartView(QScrollArea):
    """Mode cards.

    Signals:
        review_requested(): start the due-review queue.
        test_requested(int): start a mixed test of that many questions.
        practice_requested(str, str): practise a scope ("lesson", "topic", "structure") and id.
    """

    review_requested = Signal()
    test_requested = Signal(int)
    practice_requested = Signal(str, str)

    def __init__(self, content: Content, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._theme = theme
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside
        self.due_count = label("0", "score", wrap=False)
        self.due_text = label("", "muted")
        self.review = button("Review now", "primary")
        self.review.clicked.connect(self.review_requested)
        self.test_size = QComboBox()
        self.test_size.setAccessibleName("Number of questions")
        self.start_test = button("Start test", "primary")
        self.start_test.clicked.connect(self._on_start_test_clicked)
        self.scope = QComboBox()
        self.scope.setAccessibleName("Practise by")
        self.target = QComboBox()
        self.target.setAccessibleName("What to practise")
        # Lesson titles are long: the box shows what fits and its list shows them whole.
        self.target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.target.setMinimumContentsLength(14)
        self.practise = button("Practise", "primary")
        self.practise.clicked.connect(self._on_practise_clicked)
        self._build()

    def _build(self) -> None:
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 36, 48, 36)
        column.setSpacing(22)
        add_page_heading(
            column,
            "Quiz",
            "Test what you know",
            "Every answer is remembered. Questions you miss come back soon; the ones you know "
            "come back later and later, so your time goes where it helps.",
        )
        cards = (self._review_card(), self._test_card(), self._practice_card())
        self._cards = CardColumns(cards, self._theme, column_width=260)
        column.addWidget(self._cards)
        self._margins = column.contentsMargins()
        column.addStretch(1)
        self.setWidget(inner)
        self._fill_choices()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The viewport's width is what the page gets (less a vertical scroll bar if shown).
        room = self.viewport().width() - self._margins.left() - self._margins.right()
        self._cards.fit(room)
        super().resizeEvent(event)

    def _review_card(self) -> Card:
        card = Card()
        card.body.addWidget(label("Due for review", "h2"))
        card.body.addWidget(self.due_count)
        card.body.addWidget(self.due_text)
        card.body.addStretch(1)
        card.body.addWidget(self.review, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _test_card(self) -> Card:
        card = Card()
        card.body.addWidget(label("Mixed test", "h2"))
        card.body.addWidget(
            label("Questions from every topic, scored at the end, with what to review.", "muted")
        )
        card.body.addStretch(1)
        card.body.addWidget(caption("&Number of questions", self.test_size, "small"))
        card.body.addWidget(self.test_size)
        card.body.addWidget(self.start_test, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _practice_card(self) -> Card:
        card = Card()
        card.body.addWidget(label("Practise", "h2"))
        card.body.addWidget(label("All the questions on one lesson, topic or structure.", "muted"))
        card.body.addStretch(1)
        card.body.addWidget(caption("Practise &by", self.scope, "small"))
        card.body.addWidget(self.scope)
        card.body.addWidget(caption("&What to practise", self.target, "small"))
        card.body.addWidget(self.target)
        card.body.addWidget(self.practise, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _fill_choices(self) -> None:
        total = len(self._content.questions)
        for size in TEST_SIZES:
            if size < total:
                self.test_size.addItem(f"{size} questions", size)
        self.test_size.addItem(f"All {total:,} questions", total)
        for scope, text in (
            (Scope.LESSON, "By lesson"),
            (Scope.TOPIC, "By topic"),
            (Scope.STRUCTURE, "By structure"),
        ):
            self.scope.addItem(text, str(scope))
        self.scope.currentIndexChanged.connect(self._on_scope_changed)
        self._on_scope_changed()

    def targets(self, scope: Scope) -> list[tuple[str, str]]:
        """(id, title) of every target in ``scope`` that has at least one question."""
        content = self._content
        if scope is Scope.LESSON:
            items = [(lesson.id, lesson.title) for lesson in content.lessons.values()]
        elif scope is Scope.STRUCTURE:
            items = [(s.id, s.name) for s in content.structures.values()]
        else:
            items = [(topic, topic_title(topic)) for topic in sorted(content.topics)]
        asked = targets_with_questions(content.questions.values(), scope)
        return [(i, t) for i, t in items if i in asked]

    def set_due(self, count: int) -> None:
        self.due_count.setText(str(count))
        self.review.setText(f"Due for review ({count})")
        self.review.setEnabled(count > 0)
        self.due_text.setText(
            ("question is" if count == 1 else "questions are") + " ready to review now."
            if count
            else "Nothing is due yet. Take a test or practise; anything you miss shows up here."
        )

    def _on_scope_changed(self) -> None:
        self.target.clear()
        for target_id, title in self.targets(Scope(self.scope.currentData())):
            self.target.addItem(title, target_id)

    def _on_start_test_clicked(self) -> None:
        self.test_requested.emit(int(self.test_size.currentData()))

    def _on_practise_clicked(self) -> None:
        if self.target.currentData():
            self.practice_requested.emit(str(self.scope.currentData()), self.target.currentData())
