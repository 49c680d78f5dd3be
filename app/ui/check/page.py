"""The red-flag self-check: one yes/no question at a time, then one of three outcomes.

The questions, rules and texts come from ``content/red-flags.toml``. An emergency sign ends the
check at once: nobody with one should be asked eight more questions first. The answers are kept
in the diary's store (so the clinician summary can show them); in a kiosk that store is the
visit's own and goes with it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from app.domain.content import Content
from app.domain.links import Link
from app.domain.red_flags import CheckResult, RedFlagCheck, decided
from app.services.red_flag_loader import load_red_flags
from app.services.store import StoreError
from app.ui.check.outcome import OutcomeView
from app.ui.context import PageContext
from app.ui.flow_layout import FlowLayout
from app.ui.page import Page
from app.ui.widgets import add_page_heading, button, label

FALLBACK_LINK = "lesson:red-flags#see-a-doctor"


class CheckPage(Page):
    """The guided checklist.

    Users press :attr:`start_button`, then :attr:`yes_button` or :attr:`no_button` for each
    question (:attr:`back_button` steps back); the outcome view shows the result.
    """

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self._context = context
        self._check: RedFlagCheck | None = None
        self._answers: dict[str, bool] = {}
        self._result: CheckResult | None = None
        self._stack = QStackedWidget()
        self._intro_text = label("", "muted")
        self._unavailable = label("", "muted")
        self.start_button = button("Start the check", "primary")
        self._progress = label("", "eyebrow")
        self._question = label("", "h2")
        self._question.setAccessibleName("Question")
        self._help = label("", "muted")
        self.yes_button = button("Yes", "primary")
        self.no_button = button("No", "primary")
        self.back_button = button("Back")
        self.outcome = OutcomeView(context.navigate)
        self._build()
        self.start_button.clicked.connect(self._on_start_clicked)
        self.yes_button.clicked.connect(lambda: self._answer(True))
        self.no_button.clicked.connect(lambda: self._answer(False))
        self.back_button.clicked.connect(self._on_back_clicked)
        self.outcome.again_button.clicked.connect(self.reset)
        context.theme.changed.connect(self._on_theme_changed)
        self.set_content(context.content)

    # --- the Page contract -----------------------------------------------------------------

    def set_content(self, content: Content) -> None:
        """Read the self-check again: its outcome links are checked against ``content``."""
        loaded = load_red_flags(self._context.resources.content_dir, content)
        self._check = loaded.check
        if loaded.check is None:
            self._unavailable.setText(
                "The self-check could not be loaded here, so please read the warning signs in "
                "the lesson instead. (" + "; ".join(map(str, loaded.problems[:3])) + ")"
            )
        self.reset()

    def reset(self) -> None:
        """Forget the answers and go back to the introduction."""
        self._answers = {}
        self._result = None
        check = self._check
        self._intro_text.setText(check.intro if check is not None else "")
        self._unavailable.setVisible(check is None)
        self.start_button.setText("Start the check" if check else "Read the warning signs")
        self._stack.setCurrentIndex(0)

    def open_link(self, link: Link) -> None:
        self.reset()

    def focus_target(self) -> QWidget:
        return self.start_button

    # --- what a user reads ------------------------------------------------------------------

    @property
    def question_text(self) -> str:
        return self._question.text() if self._stack.currentIndex() == 1 else ""

    @property
    def result(self) -> CheckResult | None:
        return self._result

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 36, 48, 36)
        column.setSpacing(18)
        add_page_heading(column, "Self-check", "Does my twitch need a doctor?")
        column.addWidget(self._stack)
        scroll.setWidget(inner)
        self._stack.addWidget(self._intro_screen())
        self._stack.addWidget(self._question_screen())
        self._stack.addWidget(self.outcome)

    def _intro_screen(self) -> QWidget:
        screen = QWidget()
        column = QVBoxLayout(screen)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self._intro_text)
        column.addWidget(self._unavailable)
        column.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return screen

    def _question_screen(self) -> QWidget:
        screen = QWidget()
        column = QVBoxLayout(screen)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        for widget in (self._progress, self._question, self._help):
            column.addWidget(widget)
        # Big answer buttons, Back apart from them; in a narrow column Back wraps below.
        row = FlowLayout(spacing=12)
        for answer in (self.yes_button, self.no_button):
            answer.setMinimumWidth(160)
            answer.setMinimumHeight(56)
            row.addWidget(answer)
        row.addWidget(self.back_button)
        column.addLayout(row)
        column.addStretch(1)
        return screen

    # --- answering --------------------------------------------------------------------------

    def _on_start_clicked(self) -> None:
        if self._check is None:
            self._context.navigate(FALLBACK_LINK)
            return
        self._answers = {}
        self._show_next()

    def _answer(self, yes: bool) -> None:
        question = self._next_question()
        if question is None:
            return
        self._answers[question] = yes
        self._show_next()

    def _on_back_clicked(self) -> None:
        if not self._answers:
            self.reset()
            return
        self._answers.pop(next(reversed(self._answers)))
        self._show_next()

    def _next_question(self) -> str | None:
        check = self._check
        if check is None:
            return None
        return next((q.id for q in check.questions if q.id not in self._answers), None)

    def _show_next(self) -> None:
        check = self._check
        assert check is not None
        result = decided(check, self._answers)
        question_id = self._next_question()
        if result is not None or question_id is None:
            self._finish(result)
            return
        question = check.question(question_id)
        number = len(self._answers) + 1
        self._progress.setText(f"QUESTION {number} OF {len(check.questions)}")
        self._question.setText(question.text)
        self._help.setText(question.help)
        self._help.setVisible(bool(question.help))
        self._stack.setCurrentIndex(1)
        self.yes_button.setFocus()

    def _finish(self, result: CheckResult | None) -> None:
        check = self._check
        assert check is not None
        if result is None:  # every question answered without a rule deciding: cannot happen
            return  # for a checked file (it ends with ``otherwise``)
        self._result = result
        self.outcome.show_result(result, self._context.content, self._context.theme.palette)
        self._stack.setCurrentIndex(2)
        try:
            self._context.diary.record_check(result, self._context.clock.now())
        except StoreError as error:
            self._context.notify(f"Your answers were not kept: {error}")

    def _on_theme_changed(self) -> None:
        if self._result is not None:
            self.outcome.set_palette(self._result.level, self._context.theme.palette)
