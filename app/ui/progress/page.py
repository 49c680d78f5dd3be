"""The Progress page: quiz accuracy over time, mastery per topic and per structure, reviews
coming due. Vertical sections, so other parts (stretching) can add their own below.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from app.domain.mastery import GroupMastery
from app.domain.quiz_session import topic_title
from app.ui.context import PageContext
from app.ui.one_per_turn import OnePerTurn
from app.ui.page import Page
from app.ui.progress.charts import BarChart, Bars
from app.ui.reflow import ReflowRow
from app.ui.refresh_on_show import RefreshOnShow
from app.ui.widgets import Card, add_page_heading, button, label, make_scroll_stop

#: Days of accuracy history shown (older days are still stored).
HISTORY_DAYS = 14


class ChartSection(Card):
    """A titled card holding a chart, or an empty state that says what to do."""

    def __init__(self, title: str, blurb: str, chart: BarChart, empty: QWidget) -> None:
        super().__init__()
        self.chart = chart
        self.empty = empty
        self.body.addWidget(label(title, "h2"))
        self.body.addWidget(label(blurb, "muted"))
        self._stack = QStackedWidget()
        self._stack.addWidget(chart)
        self._stack.addWidget(empty)
        self.body.addWidget(self._stack)

    def show_bars(self, bars: Bars) -> None:
        if not bars.values:
            self._stack.setCurrentWidget(self.empty)
            self._fit_empty()
            return
        self._stack.setCurrentWidget(self.chart)
        self.chart.set_bars(bars)
        self._stack.setFixedHeight(self.chart.preferred_height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.showing_empty:
            self._fit_empty()

    def _fit_empty(self) -> None:
        # The empty state's sentence wraps: its height depends on the width it gets.
        width = self._stack.width()
        height = self.empty.heightForWidth(width) if width > 0 else -1
        self._stack.setFixedHeight(max(height, self.empty.sizeHint().height()))

    @property
    def showing_empty(self) -> bool:
        return self._stack.currentWidget() is self.empty


class ProgressPage(Page):
    """Charts of what the services hold, redrawn whenever they announce a change.

    A change while the page is hidden only marks it stale; it is redrawn when next shown, so
    answering a quiz never pays for charts nobody is looking at.
    """

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self._context = context
        self.quiz_store = context.quiz_store
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # A Tab stop: the charts take no focus, so this is how the keyboard scrolls to them.
        make_scroll_stop(self._scroll, "Progress charts")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)
        theme = context.theme
        # The page shows at once; its charts are built after, one per event-loop turn.
        self._later = OnePerTurn(self)
        self.totals = label("", "h3")
        self.accuracy = ChartSection(
            "Quiz accuracy over time",
            f"Share of answers right each day, last {HISTORY_DAYS} days.",
            BarChart(theme, horizontal=False, maximum=100, suffix="%", later=self._later),
            self._empty("No answers yet. Take a quiz and your accuracy appears here."),
        )
        self.topics = self._mastery_section("topic")
        self.structures = self._mastery_section("structure")
        self.due = ChartSection(
            "Reviews coming due",
            "Questions the spaced-repetition schedule brings back on each of the next 7 days.",
            BarChart(theme, horizontal=False, later=self._later),
            self._empty("Nothing scheduled. Questions you answer are scheduled for review."),
        )
        self._build()
        self.refresh()
        context.quiz_store.changed.connect(RefreshOnShow(self, self.refresh).request)

    def _mastery_section(self, kind: str) -> ChartSection:
        return ChartSection(
            f"Mastery by {kind}",
            "How likely you are to recall each one now. Right answers raise it; it fades "
            "slowly until you review. Unanswered questions count as not known yet.",
            BarChart(
                self._context.theme, horizontal=True, maximum=100, suffix="%", later=self._later
            ),
            self._empty(f"Answer a few questions and mastery per {kind} appears here."),
        )

    def _empty(self, text: str) -> QWidget:
        box = QWidget()
        outer = QVBoxLayout(box)
        outer.setContentsMargins(0, 12, 0, 12)
        row = ReflowRow(spacing=16)  # the button goes under the sentence when narrow
        row.add(label(text, "h3"), 1)
        go = button("Go to the quiz", "primary")
        go.clicked.connect(lambda: self._context.show_page("quiz"))
        row.add(go, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        outer.addWidget(row)
        return box

    def _build(self) -> None:
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 36, 48, 36)
        column.setSpacing(22)
        add_page_heading(column, "Progress", "How your learning is going")
        column.addWidget(self.totals)
        for section in (self.accuracy, self.topics, self.structures, self.due):
            column.addWidget(section)
        stretch = self._stretch_panel()
        column.addWidget(stretch)
        column.addStretch(1)
        self._scroll.setWidget(inner)

    def _stretch_panel(self) -> QWidget:
        from app.ui.progress.stretch_panel import StretchPanel

        return StretchPanel(self._context, later=self._later)

    # --- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw every section from the store."""
        content = self._context.content
        known = content.questions.keys()
        answers = self.quiz_store.answer_count()
        due_now = len(self.quiz_store.due_ids(known))
        self.totals.setText(
            f"{answers} {'answer' if answers == 1 else 'answers'} so far · "
            f"{due_now} due for review now"
            if answers
            else "Nothing recorded yet: your charts fill in as you answer quiz questions."
        )
        self.accuracy.show_bars(self._accuracy_bars())
        questions = list(content.questions.values())
        by_topic = self.quiz_store.mastery_by_topic(questions)
        self.topics.show_bars(_mastery_bars(by_topic, topic_title, answers))
        by_structure = self.quiz_store.mastery_by_structure(questions, content.structures)
        names = {sid: s.name for sid, s in content.structures.items()}
        self.structures.show_bars(_mastery_bars(by_structure, lambda k: names[k], answers))
        forecast = self.quiz_store.due_forecast(known)
        has_due = any(count for _, count in forecast)
        self.due.show_bars(
            Bars(
                tuple(
                    "Today" if n == 0 else day.strftime("%a %-d")
                    for n, (day, _) in enumerate(forecast)
                ),
                tuple(float(count) for _, count in forecast),
                tuple(str(count) for _, count in forecast),
            )
            if has_due
            else Bars((), (), ())
        )

    def _accuracy_bars(self) -> Bars:
        days = self.quiz_store.accuracy_by_day()[-HISTORY_DAYS:]
        return Bars(
            tuple(day.day.strftime("%-d %b") for day in days),
            tuple(100 * day.fraction for day in days),
            tuple(f"{round(100 * day.fraction)}%" for day in days),
        )

    def reset(self) -> None:
        """Back to the top (the charts follow the store on their own)."""
        self._scroll.verticalScrollBar().setValue(0)


def _mastery_bars(groups: list[GroupMastery], title: Callable[[str], str], answers: int) -> Bars:
    if not answers:
        return Bars((), (), ())
    ordered = sorted(groups, key=lambda g: (-g.mastery, title(g.key)))
    return Bars(
        tuple(title(g.key) for g in ordered),
        tuple(100 * g.mastery for g in ordered),
        tuple(f"{round(100 * g.mastery)}%  · {g.answered}/{g.total} tried" for g in ordered),
    )
