"""The Quiz page: a start screen, one question at a time, then the results.

Answers go to the one shared :class:`QuizStore`; the due count on the start screen follows its
``changed`` signal, so it is right whether the answer came from here or the store was replaced.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.domain.links import Link
from app.domain.quiz import Question
from app.domain.quiz_session import (
    DIAGRAM_KINDS,
    QuizPlan,
    QuizSession,
    Scope,
    mixed_test,
    practice_plan,
    review_plan,
    scope_of_link_target,
)
from app.ui.context import PageContext
from app.ui.page import Page
from app.ui.quiz.diagram_panel import diagram_available
from app.ui.quiz.question_view import QuestionView
from app.ui.quiz.results import ResultsView
from app.ui.quiz.start import StartView
from app.ui.quiz.style import quiz_stylesheet


class QuizPage(Page):
    """Quiz modes, questions and results.

    Args:
        seed: base seed for choosing and shuffling (tests fix it; by default it comes from
            the clock so each run differs).
    """

    def __init__(self, context: PageContext, seed: int | None = None) -> None:
        super().__init__()
        self._context = context
        self._seed = seed if seed is not None else int(context.clock.now().timestamp())
        self._runs = 0
        self.quiz_store = context.quiz_store
        self._questions = self._askable_questions()
        self.session: QuizSession | None = None
        # The page's own rules first: set after the views exist, they would re-style every
        # widget built so far (a tenth of the first visit).
        self._on_theme_changed()
        self.start_view = StartView(context.content, context.theme)
        self.question_view = QuestionView(context, self.quiz_store)
        self.results_view = ResultsView(context.navigate, self.question_view.lesson_title)
        self._stack = QStackedWidget()
        for view in (self.start_view, self.question_view, self.results_view):
            self._stack.addWidget(view)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._stack)
        self._connect()
        self.show_start()

    def _connect(self) -> None:
        self.start_view.review_requested.connect(self.start_review)
        self.start_view.test_requested.connect(self.start_test)
        self.start_view.practice_requested.connect(self._on_start_view_practice_requested)
        self.question_view.next_requested.connect(self._on_question_view_next_requested)
        self.question_view.quit_requested.connect(self._on_question_view_quit_requested)
        self.results_view.retry_requested.connect(self._on_results_view_retry_requested)
        self.results_view.done_requested.connect(self.show_start)
        self._context.theme.changed.connect(self._on_theme_changed)
        self.quiz_store.changed.connect(self._on_quiz_store_changed)

    @property
    def current_view(self) -> QWidget | None:
        """The start screen, the question view or the results view."""
        return self._stack.currentWidget()

    def _askable_questions(self) -> dict[str, Question]:
        questions = dict(self._context.content.questions)
        if diagram_available():
            return questions
        # Without the diagram view a find/name question cannot be asked; leave them out
        # rather than show a question the learner cannot answer.
        return {k: q for k, q in questions.items() if q.kind not in DIAGRAM_KINDS}

    # --- starting ----------------------------------------------------------------------------

    def _next_seed(self) -> int:
        self._runs += 1
        return self._seed + self._runs

    def start(self, plan: QuizPlan) -> None:
        """Ask the questions of ``plan`` from the first."""
        ids = tuple(qid for qid in plan.question_ids if qid in self._questions)
        if not ids:
            self._context.notify("There are no questions for that yet.")
            self.show_start()
            return
        plan = QuizPlan(plan.title, plan.mode, ids, plan.seed)
        self.session = QuizSession(plan, self._questions)
        self.question_view.ask(self.session)
        self._stack.setCurrentWidget(self.question_view)

    def start_review(self) -> None:
        due = self.quiz_store.due_ids(self._questions.keys())
        self.start(review_plan(self._questions, due))

    def start_test(self, count: int) -> None:
        self.start(mixed_test(self._questions.values(), count, self._next_seed()))

    def start_practice(self, scope: Scope, target: str) -> None:
        self.start(practice_plan(self._context.content, scope, target, self._next_seed()))

    def show_start(self) -> None:
        self.session = None
        self._show_due()
        self._stack.setCurrentWidget(self.start_view)

    def _show_due(self) -> None:
        self.start_view.set_due(len(self.quiz_store.due_ids(self._questions.keys())))

    def _on_quiz_store_changed(self) -> None:
        self._show_due()

    def showEvent(self, event: QShowEvent) -> None:
        # Questions fall due as time passes, not only when the store changes.
        self._show_due()
        super().showEvent(event)

    # --- page protocol -----------------------------------------------------------------------

    def open_link(self, link: Link) -> None:
        """``quiz:<topic-or-structure-or-lesson>`` starts practice on it."""
        scope = scope_of_link_target(self._context.content, link.target)
        if scope is not None:
            self.start_practice(scope, link.target)

    def reset(self) -> None:
        """Drop the session in progress and go back to the start screen."""
        self.show_start()

    # --- slots -------------------------------------------------------------------------------

    def _on_start_view_practice_requested(self, scope: str, target: str) -> None:
        self.start_practice(Scope(scope), target)

    def _on_question_view_next_requested(self) -> None:
        session = self.session
        if session is None:
            return
        if session.finished:
            self.results_view.show_session(session)
            self._stack.setCurrentWidget(self.results_view)
        else:
            self.question_view.ask(session)

    def _on_question_view_quit_requested(self) -> None:
        session = self.session
        if session is not None and session.answers:
            self.results_view.show_session(session)
            self._stack.setCurrentWidget(self.results_view)
        else:
            self.show_start()

    def _on_results_view_retry_requested(self) -> None:
        session = self.session
        if session is None:
            return
        missed = tuple(dict.fromkeys(q.id for q in session.to_review()))
        plan = QuizPlan(
            "Practise the ones you missed", session.plan.mode, missed, self._next_seed()
        )
        self.start(plan)

    def _on_theme_changed(self) -> None:
        self.setStyleSheet(quiz_stylesheet(self._context.theme))
