"""Plan a self-experiment (a week or more as usual, then a week or more with one change) and
read the comparison in words."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.diary import FACTORS, MIN_EXPERIMENT_DAYS, Experiment, Factor
from app.domain.diary_stats import experiment_result
from app.services.clock import Clock
from app.services.diary import Diary, DiaryInputError
from app.services.store import StoreError
from app.ui.diary.qdates import qdate
from app.ui.widgets import button, caption, label

INTRO = (
    "Pick one factor to change on purpose, for example less caffeine for two weeks. Keep "
    f"logging for at least {MIN_EXPERIMENT_DAYS} days as usual first, then at least "
    f"{MIN_EXPERIMENT_DAYS} days with the change. Log every day, even days without a twitch "
    "(save the day's context), so quiet days count as zero."
)


class ExperimentPanel(QWidget):
    """Edits the latest experiment and shows its result.

    Signals:
        failed(str): the plan could not be saved.
    """

    failed = Signal(str)

    def __init__(self, diary: Diary, clock: Clock) -> None:
        super().__init__()
        self._diary = diary
        self._clock = clock
        self._current: Experiment | None = None
        self.factor = QComboBox()
        self.factor.setAccessibleName("Factor to change")
        for spec in FACTORS:
            self.factor.addItem(spec.label, spec.factor.value)
        self.plan = QLineEdit()
        self.plan.setPlaceholderText("What you will change, e.g. no coffee after noon")
        self.plan.setAccessibleName("Plan")
        self.baseline_start = _date_edit("Days as usual from")
        self.change_start = _date_edit("Change from")
        self.change_end = _date_edit("Change until")
        self.save_button = button("Save plan", "primary")
        self.delete_button = button("Delete plan")
        self.result = label("", "h3")
        self.result.setAccessibleName("Result")
        self._build()
        self.save_button.clicked.connect(self._on_save_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        diary.changed.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(label(INTRO, "muted"))
        grid = QGridLayout()
        rows = (
            ("&Factor to change", self.factor),
            ("&Plan", self.plan),
            ("Days as &usual from", self.baseline_start),
            ("&Change from", self.change_start),
            ("Change un&til", self.change_end),
        )
        for row, (words, widget) in enumerate(rows):
            grid.addWidget(caption(words, widget), row, 0)
            grid.addWidget(widget, row, 1)
        column.addLayout(grid)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        column.addLayout(actions)
        column.addWidget(self.result)
        column.addStretch(1)

    def refresh(self) -> None:
        experiment = self._diary.latest_experiment()
        self._current = experiment
        self.delete_button.setEnabled(experiment is not None)
        if experiment is None:
            today = self._clock.now().astimezone().date()
            self._show_dates(today, today + timedelta(days=7), today + timedelta(days=20))
            self.result.setText("No experiment planned yet.")
            return
        self.factor.setCurrentIndex(self.factor.findData(experiment.factor.value))
        self.plan.setText(experiment.plan)
        self._show_dates(experiment.baseline_start, experiment.change_start, experiment.change_end)
        found = experiment_result(experiment, self._diary.episodes(), self._diary.days())
        self.result.setText(found.sentence)

    def _show_dates(self, baseline: date, change: date, end: date) -> None:
        for edit, day in (
            (self.baseline_start, baseline),
            (self.change_start, change),
            (self.change_end, end),
        ):
            edit.setDate(qdate(day))

    def _on_save_clicked(self) -> None:
        experiment = Experiment(
            Factor(self.factor.currentData()),
            self.plan.text().strip(),
            _day(self.baseline_start),
            _day(self.change_start),
            _day(self.change_end),
            self._current.id if self._current is not None else None,
        )
        try:
            self._diary.save_experiment(experiment)
        except (DiaryInputError, StoreError) as error:
            self.failed.emit(f"Not saved: {error}")

    def _on_delete_clicked(self) -> None:
        if self._current is None or self._current.id is None:
            return
        try:
            self._diary.delete_experiment(self._current.id)
        except StoreError as error:
            self.failed.emit(f"Not deleted: {error}")


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    edit.setAccessibleName(name)
    return edit


def _day(edit: QDateEdit) -> date:
    return edit.date().toPython()  # type: ignore[return-value]
