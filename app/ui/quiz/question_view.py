"""One question at a time: prompt, answers (choices or the diagram), instant feedback.

Keys: 1-9 choose (toggle in multi-select), Space toggles the focused choice, Enter checks the
answer and then moves on.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QScrollArea, QVBoxLayout, QWidget

from app.domain.diagram_feedback import in_sentence, wrong_tap_message
from app.domain.links import try_parse_link
from app.domain.quiz import Question, QuestionKind
from app.domain.quiz_session import QuizSession, choice_order, name_choices
from app.services.quiz_store import QuizStore
from app.services.store import StoreError
from app.ui.context import PageContext
from app.ui.quiz.choices import ChoicePanel
from app.ui.quiz.diagram_panel import DiagramPanel
from app.ui.quiz.feedback import FeedbackPanel
from app.ui.quiz.numeric import NumericAnswer, numeric_detail
from app.ui.quiz.traces import TraceBoard
from app.ui.widgets import button, label

_HINTS = {
    QuestionKind.SINGLE: "Pick one answer, then press Check (keys 1-{n}, Enter).",
    QuestionKind.MULTI: "More than one may be right: keys 1-{n} tick and untick; Enter checks.",
    QuestionKind.TRUE_FALSE: "Keys 1 and 2 pick; Enter checks.",
    QuestionKind.NAME: "Pick its name (keys 1-{n}), then press Check (Enter).",
    QuestionKind.FIND: "Tap it on the diagram. Labels are hidden.",
    QuestionKind.NUMERIC: "Type a number, then press Check (Enter).",
}


class QuestionView(QWidget):
    """Asks the current question of a session and records the answer.

    Signals:
        next_requested(): the learner has seen the feedback and wants to go on.
        quit_requested(): the learner ended the quiz early.
    """

    next_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self, context: PageContext, quiz_store: QuizStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.quiz_store = quiz_store
        self._session: QuizSession | None = None
        self._question: Question | None = None
        self._options: list[object] = []  # the response each shown choice stands for
        self._started = 0.0
        self._answered = False
        # Takes the focus for the number keys, but is no Tab stop: keys pressed on the answers
        # and buttons inside reach it too.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._build()

    def _build(self) -> None:
        self.title = label("", "eyebrow")
        self.counter = label("", "muted", wrap=False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.prompt = label("", "prompt")
        self.hint = label("", "muted")
        self.choices = ChoicePanel()
        self.choices.selection_changed.connect(self._on_choices_selection_changed)
        self.diagram = DiagramPanel(self._context)
        self.diagram.structure_tapped.connect(self._on_diagram_structure_tapped)
        self.feedback = FeedbackPanel(self._context.navigate)
        self.numeric = NumericAnswer()
        self.numeric.changed.connect(self._on_numeric_changed)
        self.traces = TraceBoard(self._context.theme)
        self.traces.hide()
        self.action = button("Check answer", "primary")
        self.action.clicked.connect(self._on_action_clicked)
        self.quit = button("End quiz", "link")
        self.quit.clicked.connect(self.quit_requested)
        self._layout_parts()

    def _scrolling_column(self) -> QScrollArea:
        # The question, its answers and the feedback scroll together when the window is short
        # or the text large; the Check/Next button stays in reach below them.
        column_box = QWidget()
        column_box.setObjectName("questionColumn")
        column = QVBoxLayout(column_box)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(14)
        for widget in (self.prompt, self.hint, self.choices, self.numeric, self.feedback):
            column.addWidget(widget)
        column.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setObjectName("questionScroll")
        self._scroll.setWidget(column_box)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Everything in the column wraps (the lesson link too), so it never scrolls sideways.
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return self._scroll

    def _layout_parts(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 28, 48, 24)
        outer.setSpacing(14)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.counter)
        outer.addLayout(top)
        outer.addWidget(self.progress)
        body = QHBoxLayout()
        body.setSpacing(28)
        body.addWidget(self.diagram, 5)
        body.addWidget(self.traces, 5)
        side = QVBoxLayout()
        side.setSpacing(14)
        side.addWidget(self._scrolling_column(), 1)
        actions = QHBoxLayout()
        actions.addWidget(self.quit)
        actions.addStretch(1)
        actions.addWidget(self.action)
        side.addLayout(actions)
        body.addLayout(side, 6)
        outer.addLayout(body, 1)

    # --- asking ------------------------------------------------------------------------------

    def ask(self, session: QuizSession) -> None:
        """Show the session's current question."""
        question = session.current()
        if question is None:
            return
        self._session, self._question, self._answered = session, question, False
        self._scroll.verticalScrollBar().setValue(0)
        self.title.setText(session.plan.title)
        self.counter.setText(f"Question {session.position + 1} of {session.total}")
        self.progress.setRange(0, session.total)
        self.progress.setValue(session.position)
        self.prompt.setText(question.prompt)
        self.feedback.hide()
        self._show_answers(question, session.plan.seed)
        self.action.setText("Check answer")
        self.action.setEnabled(False)
        self.action.setVisible(question.kind is not QuestionKind.FIND)
        self._started = self._context.clock.monotonic()
        self.setFocus()
        if question.kind is QuestionKind.NUMERIC:
            self.numeric.focus_field()

    def _show_answers(self, question: Question, seed: int) -> None:
        texts = self._option_texts(question, seed)
        self.hint.setText(_HINTS[question.kind].format(n=len(texts)))
        self.choices.set_choices(texts, multi=question.kind is QuestionKind.MULTI)
        self.choices.setVisible(question.kind not in (QuestionKind.FIND, QuestionKind.NUMERIC))
        self.numeric.setVisible(question.kind is QuestionKind.NUMERIC)
        self.numeric.ask(question.unit)
        self._show_traces(question)
        on_diagram = question.kind in (QuestionKind.FIND, QuestionKind.NAME)
        self.diagram.setVisible(on_diagram)
        if on_diagram:
            self.diagram.show_figure(question.view)
        if question.kind is QuestionKind.FIND:
            self.diagram.ask_find(question.target)
        elif question.kind is QuestionKind.NAME:
            self.diagram.ask_name(question.target)

    def _show_traces(self, question: Question) -> None:
        """The question's trace, or one per choice in the order shown (choice texts then say
        only "Trace n", and name their trace once answered)."""
        if question.traces:
            shown = [question.traces[cast(int, option)] for option in self._options]
            self.traces.show_traces(shown, numbered=True)
            for number, choice in enumerate(self.choices.buttons, start=1):
                choice.set_answer_text(f"Trace {number}")
        else:
            self.traces.show_traces([question.trace] if question.trace else [], numbered=False)

    def _option_texts(self, question: Question, seed: int) -> list[str]:
        structures = self._context.content.structures
        if question.kind is QuestionKind.TRUE_FALSE:
            self._options = [True, False]
            return ["True", "False"]
        if question.kind is QuestionKind.NAME:
            ids = name_choices(
                question, [s.id for s in self._context.content.taught_structures], seed
            )
            self._options = list(ids)
            return [structures[sid].name if sid in structures else sid for sid in ids]
        if question.kind in (QuestionKind.FIND, QuestionKind.NUMERIC):
            self._options = []
            return []
        order = choice_order(question, seed)
        self._options = list(order)
        return [question.choices[index] for index in order]

    # --- answering ---------------------------------------------------------------------------

    def _response(self) -> object:
        assert self._question is not None
        picked = [self._options[i] for i in self.choices.selected()]
        if self._question.kind is QuestionKind.MULTI:
            return tuple(sorted(cast(int, p) for p in picked))
        return picked[0] if picked else None

    def _right_options(self, question: Question) -> set[int]:
        if question.kind is QuestionKind.TRUE_FALSE:
            return {self._options.index(question.truth)}
        if question.kind is QuestionKind.NAME:
            return {self._options.index(question.target)}
        return {shown for shown, index in enumerate(self._options) if index in question.correct}

    @property
    def question(self) -> Question | None:
        """The question on screen."""
        return self._question

    def submit(self, response: object, detail_if_wrong: str = "") -> None:
        """Judge and store ``response``, then show the feedback."""
        question, session = self._question, self._session
        if question is None or session is None or self._answered:
            return
        seconds = max(0.0, self._context.clock.monotonic() - self._started)
        try:
            recorded = self.quiz_store.record_answer(
                question, response, seconds, session.plan.mode
            )
            correct = recorded.correct
        except StoreError as error:
            # The learner still gets feedback; only the schedule misses this answer.
            self._context.notify(str(error))
            correct = question.is_correct(response)
        session.record(correct, seconds)
        self._answered = True
        self._show_feedback(question, correct, detail_if_wrong)

    def _show_feedback(self, question: Question, correct: bool, detail_if_wrong: str) -> None:
        self.choices.lock(
            self._right_options(question) if question.kind is not QuestionKind.FIND else set()
        )
        if question.kind in (QuestionKind.FIND, QuestionKind.NAME):
            self.diagram.reveal(question.target)
        self.numeric.lock()
        if question.traces:
            for number, choice in enumerate(self.choices.buttons, start=1):
                named = question.choices[cast(int, self._options[number - 1])]
                choice.set_answer_text(f"Trace {number}: {named}")
        detail = "" if correct else detail_if_wrong or self._wrong_detail(question)
        lesson_title = self.lesson_title(question.lesson)
        self.feedback.show_verdict(
            correct, detail, question.explanation, question.lesson, lesson_title
        )
        session = self._session
        last = session is not None and session.finished
        self.action.setText("See results" if last else "Next question")
        self.action.setEnabled(True)
        self.action.setVisible(True)
        self.progress.setValue(session.position if session else 0)
        self.action.setFocus()
        # Bring the verdict into view when the answers filled the visible part.
        QTimer.singleShot(0, self, self._show_feedback_in_view)

    def _show_feedback_in_view(self) -> None:
        if self.feedback.isVisible():
            # The verdict to the top of the view: it is what the learner reads next.
            bar = self._scroll.verticalScrollBar()  # the feedback sits in the scrolled column
            bar.setValue(min(self.feedback.y(), bar.maximum()))

    def _wrong_detail(self, question: Question) -> str:
        if question.kind is QuestionKind.NUMERIC and question.number is not None:
            return numeric_detail(question.number, question.tolerance, question.unit)
        if question.kind is QuestionKind.MULTI:
            return "Each answer now says if it was right and if you picked it."
        if question.kind is QuestionKind.TRUE_FALSE:
            return f"It is {'true' if question.truth else 'false'}."
        if question.kind is QuestionKind.NAME:
            structure = self._context.content.structures.get(question.target)
            return f"It is the {in_sentence(structure.name) if structure else question.target}."
        if question.traces:  # the choices said only "Trace n" until now
            shown = self._options.index(question.correct[0]) + 1
            return f"The answer is trace {shown}: {question.choices[question.correct[0]]}"
        return f"The answer is: {question.choices[question.correct[0]]}"

    def lesson_title(self, href: str) -> str:
        link = try_parse_link(href)
        lesson = self._context.content.lessons.get(link.target) if link else None
        return lesson.title if lesson else ""

    # --- events ------------------------------------------------------------------------------

    def _on_choices_selection_changed(self) -> None:
        self.action.setEnabled(not self._answered and bool(self.choices.selected()))

    def _on_diagram_structure_tapped(self, structure_id: str) -> None:
        question = self._question
        if question is None or self._answered or question.kind is not QuestionKind.FIND:
            return
        structures = self._context.content.structures
        target = structures.get(question.target)
        detail = ""
        if target is not None and structure_id != question.target:
            detail = wrong_tap_message(structures.get(structure_id), target)
        self.submit(structure_id, detail)

    def _on_numeric_changed(self) -> None:
        if self._question is not None and self._question.kind is QuestionKind.NUMERIC:
            self.action.setEnabled(not self._answered and self.numeric.value() is not None)

    def _on_action_clicked(self) -> None:
        if self._answered:
            self.next_requested.emit()
        elif self._question is not None and self._question.kind is QuestionKind.NUMERIC:
            value = self.numeric.value()
            if value is not None:
                self.submit(value)
        elif self.choices.selected():
            self.submit(self._response())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not self._answered:
            self.choices.choose(key - Qt.Key.Key_1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.action.isVisible() and self.action.isEnabled():
                self._on_action_clicked()
        else:
            super().keyPressEvent(event)
