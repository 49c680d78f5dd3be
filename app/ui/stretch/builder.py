"""The routine builder: pick stretches from the library, order them, set the dose, save."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.routines import Routine, RoutineStep, Sides, Stretch
from app.services.stretch_history import CUSTOM_PREFIX
from app.ui.flow_layout import FlowLayout
from app.ui.stretch.library import QWIDGETSIZE_MAX, STACK_BELOW_EMS, STACKED_LIST_EMS
from app.ui.stretch.wording import duration_text, step_text
from app.ui.theme import Theme
from app.ui.widgets import Card, button, label

_ID_ROLE = Qt.ItemDataRole.UserRole
#: A new step's dose: ACSM's 30 s, twice, each side, with a short rest.
DEFAULT_STEP = RoutineStep("", hold=30, reps=2, sides=Sides.BOTH, rest=10)
_SIDES = {
    "Each side": Sides.BOTH,
    "No sides": Sides.NONE,
    "Left only": Sides.LEFT,
    "Right only": Sides.RIGHT,
}


class RoutineBuilder(QWidget):
    """Signals:
    save_requested(dict): the routine as a ``[[routines]]``-shaped table, to validate and save.
    cancel_requested(): leave without saving.
    """

    save_requested = Signal(dict)
    cancel_requested = Signal()

    def __init__(
        self, stretches: Mapping[str, Stretch], theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._stretches = stretches
        self._steps: list[RoutineStep] = []
        self._loading = False
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(28, 24, 28, 24)
        self._row.setSpacing(22)
        self._row.addLayout(self._build_library(), 3)
        self._row.addLayout(self._build_routine(), 5)

    def fit_room(self, width: int) -> None:
        """Library beside the routine where there is room, above it where not (see
        :class:`app.ui.widgets.FitsRoom`)."""
        em = self.fontMetrics().height()
        stacked = width < STACK_BELOW_EMS * em
        direction = (
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        if self._row.direction() != direction:
            self._row.setDirection(direction)
        self._library.setMaximumHeight(
            round(STACKED_LIST_EMS * em) if stacked else QWIDGETSIZE_MAX
        )

    # -- building ------------------------------------------------------------------------

    def _build_library(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(label("Build a routine", "h1"))
        column.addWidget(label("Stretch library", "eyebrow"))
        self._library = QListWidget()
        self._library.setAccessibleName("Stretch library")
        for stretch in self._stretches.values():
            item = QListWidgetItem(stretch.name)
            item.setData(_ID_ROLE, stretch.id)
            item.setToolTip(stretch.summary)
            item.setSizeHint(QSize(0, 48))
            self._library.addItem(item)
        self._library.itemActivated.connect(lambda _item: self._on_add_clicked())
        column.addWidget(self._library, 1)
        self._add = button("Add to routine  ▶", "primary")
        self._add.setMinimumHeight(52)
        self._add.clicked.connect(self._on_add_clicked)
        column.addWidget(self._add)
        return column

    def _build_routine(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(12)
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        self._name = QLineEdit()
        self._name.setPlaceholderText("e.g. Morning hips")
        self._name.setMaxLength(60)
        self._get_ready = _spin(0, 120, 10, " s")
        form.addRow("Name", self._name)
        form.addRow("Get ready", self._get_ready)
        self._name.setAccessibleName("Routine name")
        self._get_ready.setAccessibleName("Get ready time before the first stretch")
        column.addLayout(form)
        column.addWidget(label("Steps", "eyebrow"))
        self._list = QListWidget()
        self._list.setAccessibleName("Routine steps")
        self._list.currentRowChanged.connect(self._on_list_current_row_changed)
        column.addWidget(self._list, 1)
        column.addLayout(self._build_step_buttons())
        column.addWidget(self._build_step_editor())
        self._total = label("", "h3")
        self._problems = label("", "")
        self._problems.setStyleSheet("color: palette(text);")
        column.addWidget(self._total)
        column.addWidget(self._problems)
        column.addLayout(self._build_save_row())
        return column

    def _build_step_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self._up = button("▲  Up")
        self._down = button("▼  Down")
        self._remove = button("Remove")
        self._up.clicked.connect(lambda: self._move(-1))
        self._down.clicked.connect(lambda: self._move(1))
        self._remove.clicked.connect(self._on_remove_clicked)
        for widget in (self._up, self._down, self._remove):
            widget.setMinimumHeight(44)
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _build_step_editor(self) -> Card:
        card = Card()
        row = FlowLayout(spacing=12)  # the four fields wrap in a narrow column
        self._hold = _spin(5, 600, DEFAULT_STEP.hold, " s")
        self._reps = _spin(1, 20, DEFAULT_STEP.reps, "")
        self._rest = _spin(0, 600, DEFAULT_STEP.rest, " s")
        self._sides = QComboBox()
        self._sides.addItems(list(_SIDES))
        for title, widget in (
            ("Hold", self._hold),
            ("Reps", self._reps),
            ("Sides", self._sides),
            ("Rest", self._rest),
        ):
            box = QWidget()
            cell = QVBoxLayout(box)
            cell.setContentsMargins(0, 0, 0, 0)
            caption = label(title, "small")
            caption.setBuddy(widget)
            widget.setAccessibleName(f"{title} of the selected step")
            cell.addWidget(caption)
            cell.addWidget(widget)
            row.addWidget(box)
        for spin in (self._hold, self._reps, self._rest):
            spin.valueChanged.connect(self._on_editor_changed)
        self._sides.currentIndexChanged.connect(self._on_editor_changed)
        card.body.addLayout(row)
        self._editor = card
        return card

    def _build_save_row(self) -> FlowLayout:
        row = FlowLayout(spacing=8)
        self._save = button("Save routine", "primary")
        self._save.setMinimumSize(180, 52)
        self._save.clicked.connect(self._on_save_clicked)
        cancel = button("Cancel")
        cancel.setMinimumHeight(52)
        cancel.clicked.connect(self.cancel_requested)
        row.addWidget(self._save)
        row.addWidget(cancel)
        return row

    # -- state ---------------------------------------------------------------------------

    def edit(self, routine: Routine | None) -> None:
        """Start from ``routine`` (a copy unless it is already custom) or from nothing."""
        self._steps = [
            s for s in (routine.steps if routine else ()) if s.stretch in self._stretches
        ]
        name = routine.name if routine else ""
        if routine is not None and not routine.id.startswith(CUSTOM_PREFIX):
            name = f"My {name[0].lower()}{name[1:]}" if name else name
        self._name.setText(name)
        self._get_ready.setValue(routine.get_ready if routine else 10)
        self._problems.setText("")
        self._library.setCurrentRow(0)
        self._render(0)

    @property
    def steps(self) -> Sequence[RoutineStep]:
        return tuple(self._steps)

    def body(self) -> dict[str, object]:
        """The routine as a ``[[routines]]``-shaped table (checked on save)."""
        name = self._name.text().strip()
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "routine"
        return {
            "id": f"{CUSTOM_PREFIX}{slug}",
            "name": name,
            "summary": self._summary(),
            "get_ready": self._get_ready.value(),
            "steps": [
                {
                    "stretch": s.stretch,
                    "hold": s.hold,
                    "reps": s.reps,
                    "sides": s.sides.value,
                    "rest": s.rest,
                }
                for s in self._steps
            ],
        }

    def show_problems(self, messages: Sequence[str]) -> None:
        self._problems.setText("\n".join(f"⚠  {m}" for m in messages))

    @property
    def problems_text(self) -> str:
        return self._problems.text()

    def _summary(self) -> str:
        names = [
            self._stretches[s.stretch].name for s in self._steps if s.stretch in self._stretches
        ]
        return "Your routine: " + (", ".join(names) if names else "no stretches yet") + "."

    def _render(self, select: int) -> None:
        self._loading = True
        self._list.clear()
        for number, step in enumerate(self._steps, start=1):
            name = self._stretches[step.stretch].name
            item = QListWidgetItem(f"{number}.  {name}\n      {step_text(step)}")
            item.setSizeHint(QSize(0, 58))
            self._list.addItem(item)
        self._loading = False
        if self._steps:
            self._list.setCurrentRow(max(0, min(select, len(self._steps) - 1)))
        self._on_list_current_row_changed(self._list.currentRow())
        total = sum(s.active_seconds + s.rest * s.reps * s.side_count for s in self._steps)
        last_rest = self._steps[-1].rest if self._steps else 0
        total += self._get_ready.value() - last_rest if self._steps else 0
        self._total.setText(f"{len(self._steps)} stretches · about {duration_text(total)}")

    # -- slots ---------------------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        item = self._library.currentItem()
        if item is None:
            return
        stretch_id = str(item.data(_ID_ROLE))
        self._steps.append(
            RoutineStep(
                stretch_id,
                DEFAULT_STEP.hold,
                DEFAULT_STEP.reps,
                DEFAULT_STEP.sides,
                DEFAULT_STEP.rest,
            )
        )
        self._render(len(self._steps) - 1)

    def _on_remove_clicked(self) -> None:
        row = self._list.currentRow()
        if 0 <= row < len(self._steps):
            del self._steps[row]
            self._render(row)

    def _move(self, offset: int) -> None:
        row = self._list.currentRow()
        target = row + offset
        if 0 <= row < len(self._steps) and 0 <= target < len(self._steps):
            self._steps[row], self._steps[target] = self._steps[target], self._steps[row]
            self._render(target)

    def _on_list_current_row_changed(self, row: int) -> None:
        has_step = 0 <= row < len(self._steps)
        for widget in (self._editor, self._up, self._down, self._remove):
            widget.setEnabled(has_step)
        if not has_step or self._loading:
            return
        step = self._steps[row]
        self._loading = True
        self._hold.setValue(step.hold)
        self._reps.setValue(step.reps)
        self._rest.setValue(step.rest)
        self._sides.setCurrentIndex(list(_SIDES.values()).index(step.sides))
        self._loading = False

    def _on_editor_changed(self) -> None:
        row = self._list.currentRow()
        if self._loading or not 0 <= row < len(self._steps):
            return
        sides = _SIDES[self._sides.currentText()]
        stretch = self._steps[row].stretch
        self._steps[row] = RoutineStep(
            stretch, self._hold.value(), self._reps.value(), sides, self._rest.value()
        )
        self._render(row)

    def _on_save_clicked(self) -> None:
        if not self._name.text().strip():
            self.show_problems(["Give the routine a name."])
            return
        if not self._steps:
            self.show_problems(["Add at least one stretch."])
            return
        self.save_requested.emit(self.body())


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    spin.setMinimumHeight(44)
    return spin
