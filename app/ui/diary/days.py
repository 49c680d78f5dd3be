"""Daily context (each factor optional) and the person's own list of medicines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.diary import FACTORS, DayContext, Factor, Medicine
from app.services.clock import Clock
from app.services.diary import Diary, DiaryInputError
from app.services.store import StoreError
from app.ui.diary.qdates import qdate
from app.ui.widgets import button, caption, label

_ROLE = Qt.ItemDataRole.UserRole


class DayForm(QWidget):
    """One day's factors: tick a factor to record it; unticked means "not recorded".

    Signals:
        failed(str): a save failed (the message says why).
    """

    failed = Signal(str)

    def __init__(self, diary: Diary, clock: Clock) -> None:
        super().__init__()
        self._diary = diary
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.day.setAccessibleName("Day")
        self.day.setDate(qdate(clock.now().astimezone().date()))
        self.recorded: dict[Factor, QCheckBox] = {}
        self.values: dict[Factor, QDoubleSpinBox] = {}
        self.note = QLineEdit()
        self.note.setPlaceholderText("Anything else about the day? (optional)")
        self.note.setAccessibleName("Note about the day")
        self.save_button = button("Save day", "primary")
        self.delete_button = button("Delete this day")
        self._build()
        self.day.dateChanged.connect(self._load)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        diary.changed.connect(self._load)
        self._load()

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(label("Daily context", "h2"))
        column.addWidget(label("Record only what you know; a factor left unticked is unknown, "
                               "not zero.", "muted"))  # fmt: skip
        column.addWidget(caption("&Day", self.day))
        column.addWidget(self.day)
        grid = QGridLayout()
        for row, spec in enumerate(FACTORS):
            tick = QCheckBox(spec.label)
            spin = QDoubleSpinBox()
            spin.setRange(spec.minimum, spec.maximum)
            spin.setSingleStep(spec.step)
            spin.setDecimals(0 if spec.step >= 1 else 2)
            spin.setSuffix(f" {spec.unit}")
            spin.setAccessibleName(spec.label)
            tick.toggled.connect(spin.setEnabled)
            self.recorded[spec.factor], self.values[spec.factor] = tick, spin
            grid.addWidget(tick, row, 0)
            grid.addWidget(spin, row, 1)
        column.addLayout(grid)
        column.addWidget(caption("&Note about the day", self.note))
        column.addWidget(self.note)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        column.addLayout(actions)
        column.addStretch(1)

    def selected_day(self) -> date:
        return self.day.date().toPython()  # type: ignore[return-value]

    def _load(self) -> None:
        stored = self._diary.day(self.selected_day())
        for spec in FACTORS:
            value = stored.value(spec.factor) if stored is not None else None
            self.recorded[spec.factor].setChecked(value is not None)
            self.values[spec.factor].setEnabled(value is not None)
            self.values[spec.factor].setValue(value or 0)
        self.note.setText(stored.note if stored is not None else "")
        self.delete_button.setEnabled(stored is not None)

    def _on_save_clicked(self) -> None:
        values = tuple(
            (factor, self.values[factor].value())
            for factor, tick in self.recorded.items()
            if tick.isChecked()
        )
        context = DayContext(self.selected_day(), values, self.note.text().strip())
        try:
            self._diary.save_day(context)
        except (DiaryInputError, StoreError) as error:
            self.failed.emit(f"Not saved: {error}")

    def _on_delete_clicked(self) -> None:
        try:
            self._diary.delete_day(self.selected_day())
        except StoreError as error:
            self.failed.emit(f"Not deleted: {error}")


class MedicineList(QWidget):
    """The medicines and supplements a person takes, with when each started (new ones matter).

    Signals:
        failed(str): a change could not be saved.
    """

    failed = Signal(str)

    def __init__(self, diary: Diary, clock: Clock) -> None:
        super().__init__()
        self._diary = diary
        self.list = QListWidget()
        self.list.setAccessibleName("Medicines")
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name, e.g. salbutamol inhaler")
        self.name.setAccessibleName("Medicine name")
        self.dose = QLineEdit()
        self.dose.setPlaceholderText("Dose (optional)")
        self.dose.setAccessibleName("Dose")
        self.started = QDateEdit()
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("d MMM yyyy")
        self.started.setAccessibleName("Taken since")
        self.started.setDate(qdate(clock.now().astimezone().date()))
        self._clock = clock
        self._medicines: dict[int, Medicine] = {}
        self._editing: Medicine | None = None
        self.add_button = button("Add medicine")
        self.edit_button = button("Edit selected")
        self.stop_button = button("Stopped today")
        self.remove_button = button("Remove selected")
        self._build()
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.stop_button.clicked.connect(self._on_stop_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        diary.changed.connect(self._refresh)
        self._refresh()

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(label("Medicines and supplements", "h2"))
        column.addWidget(self.list, 1)
        row = QHBoxLayout()
        since = caption("&since", self.started)
        for widget in (self.name, self.dose, since, self.started, self.add_button):
            row.addWidget(widget)
        column.addLayout(row)
        actions = QHBoxLayout()
        for widget in (self.edit_button, self.stop_button, self.remove_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        column.addLayout(actions)

    def _refresh(self) -> None:
        self.list.clear()
        medicines = self._diary.medicines()
        self._medicines = {m.id: m for m in medicines if m.id is not None}
        for medicine in medicines:
            since = f", since {medicine.started_on:%d %b %Y}" if medicine.started_on else ""
            stopped = f", stopped {medicine.stopped_on:%d %b %Y}" if medicine.stopped_on else ""
            dose = f" {medicine.dose}" if medicine.dose else ""
            item = QListWidgetItem(f"{medicine.name}{dose}{since}{stopped}")
            item.setData(_ROLE, medicine.id)
            self.list.addItem(item)
        for widget in (self.edit_button, self.stop_button, self.remove_button):
            widget.setEnabled(bool(medicines))

    def _selected(self) -> Medicine | None:
        item = self.list.currentItem()
        return self._medicines.get(int(item.data(_ROLE))) if item is not None else None

    def _save(self, medicine: Medicine) -> bool:
        try:
            self._diary.save_medicine(medicine)
        except (DiaryInputError, StoreError) as error:
            self.failed.emit(f"Not saved: {error}")
            return False
        return True

    def _on_add_clicked(self) -> None:
        started: date = self.started.date().toPython()  # type: ignore[assignment]
        editing = self._editing
        medicine = Medicine(self.name.text(), self.dose.text(), started)
        if editing is not None:
            medicine = replace(medicine, stopped_on=editing.stopped_on, id=editing.id)
        if self._save(medicine):
            self._editing = None
            self.add_button.setText("Add medicine")
            self.name.clear()
            self.dose.clear()

    def _on_edit_clicked(self) -> None:
        medicine = self._selected()
        if medicine is None:
            return
        self._editing = medicine
        self.name.setText(medicine.name)
        self.dose.setText(medicine.dose)
        if medicine.started_on is not None:
            self.started.setDate(qdate(medicine.started_on))
        self.add_button.setText("Save changes")

    def _on_stop_clicked(self) -> None:
        medicine = self._selected()
        if medicine is not None:
            self._save(replace(medicine, stopped_on=self._clock.now().astimezone().date()))

    def _on_remove_clicked(self) -> None:
        medicine = self._selected()
        if medicine is None or medicine.id is None:
            return
        try:
            self._diary.delete_medicine(medicine.id)
        except StoreError as error:
            self.failed.emit(f"Not removed: {error}")
