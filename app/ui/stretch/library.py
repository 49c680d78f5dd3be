"""The routine library: every routine in a list, the chosen one's details beside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.routines import Routine, Stretch
from app.services.resources import Resources
from app.ui.flow_layout import FlowLayout
from app.ui.stretch.figure import StretchFigure
from app.ui.stretch.wording import duration_text, step_text
from app.ui.widgets import Card, button, label, make_scroll_stop

_ROUTINE_ROLE = Qt.ItemDataRole.UserRole
#: Narrower than this many text lines' height, the list goes above the details.
STACK_BELOW_EMS = 30
#: Height of the list when it sits above the details (about three routines).
STACKED_LIST_EMS = 8.5
#: Qt's "no maximum" for a widget size.
QWIDGETSIZE_MAX = 16_777_215


class RoutineLibrary(QWidget):
    """Signals:
    start_requested(str): start the routine with this id.
    build_requested(str): open the builder on a copy of this routine ("" for a new one).
    delete_requested(str): delete this custom routine.
    """

    start_requested = Signal(str)
    build_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(
        self,
        stretches: Mapping[str, Stretch],
        structure_names: Mapping[str, str],
        resources: Resources,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._stretches = stretches
        self._names = structure_names
        self._resources = resources
        self._routines: dict[str, Routine] = {}
        self._custom: set[str] = set()
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(28, 24, 28, 24)
        self._row.setSpacing(22)
        self._row.addLayout(self._build_list(), 2)
        self._details = QScrollArea()
        self._details.setWidgetResizable(True)
        make_scroll_stop(self._details, "Routine details")
        self._row.addWidget(self._details, 5)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Side by side where the details get a readable column; in a small window or at large
        # text, a short list of routines above the details, each as wide as the window.
        em = self.fontMetrics().height()
        stacked = event.size().width() < STACK_BELOW_EMS * em
        direction = (
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        if self._row.direction() != direction:
            self._row.setDirection(direction)
            self._row.setStretch(0, 0 if stacked else 2)
        self._list.setMaximumHeight(round(STACKED_LIST_EMS * em) if stacked else QWIDGETSIZE_MAX)

    @property
    def stacked(self) -> bool:
        """Whether the list sits above the details (a narrow window or large text)."""
        return self._row.direction() == QBoxLayout.Direction.TopToBottom

    def _build_list(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(label("Stretch", "h1"))
        column.addWidget(label("Pick a routine, read it through, then press Start.", "muted"))
        self._list = QListWidget()
        self._list.setAccessibleName("Routines")
        self._list.setWordWrap(True)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.currentItemChanged.connect(self._on_list_current_item_changed)
        self._list.itemActivated.connect(self._on_list_item_activated)
        column.addWidget(self._list, 1)
        new = button("New routine…")
        new.setMinimumHeight(48)
        new.clicked.connect(lambda: self.build_requested.emit(""))
        column.addWidget(new)
        return column

    # -- data ----------------------------------------------------------------------------

    def set_routines(self, shipped: Sequence[Routine], custom: Sequence[Routine]) -> None:
        current = self.current_id
        self._routines = {r.id: r for r in (*shipped, *custom)}
        self._custom = {r.id for r in custom}
        self._list.clear()
        for routine in (*shipped, *custom):
            mine = "  ·  yours" if routine.id in self._custom else ""
            text = f"{routine.name}\n{duration_text(routine.total_seconds)}{mine}"
            item = QListWidgetItem(text)
            item.setData(_ROUTINE_ROLE, routine.id)
            self._list.addItem(item)
        self.select(current or (shipped[0].id if shipped else ""))

    def select(self, routine_id: str) -> bool:
        for row in range(self._list.count()):
            if self._list.item(row).data(_ROUTINE_ROLE) == routine_id:
                self._list.setCurrentRow(row)
                return True
        return False

    @property
    def current_id(self) -> str:
        item = self._list.currentItem()
        return str(item.data(_ROUTINE_ROLE)) if item is not None else ""

    @property
    def list_widget(self) -> QListWidget:
        return self._list

    # -- details -------------------------------------------------------------------------

    def _on_list_current_item_changed(self, item: QListWidgetItem | None) -> None:
        routine = self._routines.get(str(item.data(_ROUTINE_ROLE))) if item else None
        self._details.setWidget(self._detail_page(routine) if routine else QWidget())

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.start_requested.emit(str(item.data(_ROUTINE_ROLE)))

    def _detail_page(self, routine: Routine) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 0, 12, 0)
        column.setSpacing(12)
        column.addWidget(label(routine.name, "display"))
        column.addWidget(label(routine.summary, "large"))
        column.addWidget(label(self._facts(routine), "muted"))
        column.addLayout(self._actions(routine))
        column.addWidget(label("Steps", "h2"))
        for number, step in enumerate(routine.steps, start=1):
            column.addWidget(self._step_card(number, step.stretch, step_text(step)))
        column.addWidget(self._safety_card(routine))
        column.addStretch(1)
        return page

    def _facts(self, routine: Routine) -> str:
        targets: list[str] = []
        for step in routine.steps:
            stretch = self._stretches.get(step.stretch)
            for target in stretch.targets if stretch else ():
                name = self._names.get(target, target)
                if name not in targets:
                    targets.append(name)
        total = duration_text(routine.total_seconds)
        return f"{total}  ·  {len(routine.steps)} stretches  ·  Targets: {', '.join(targets)}"

    def _actions(self, routine: Routine) -> FlowLayout:
        row = FlowLayout(spacing=8)  # wraps in a narrow details column
        start = button("Start routine", "primary")
        start.setMinimumSize(200, 56)
        start.clicked.connect(lambda: self.start_requested.emit(routine.id))
        edit = button("Edit a copy" if routine.id not in self._custom else "Edit")
        edit.setMinimumHeight(56)
        edit.clicked.connect(lambda: self.build_requested.emit(routine.id))
        row.addWidget(start)
        row.addWidget(edit)
        if routine.id in self._custom:
            delete = button("Delete")
            delete.setMinimumHeight(56)
            delete.clicked.connect(lambda: self.delete_requested.emit(routine.id))
            row.addWidget(delete)
        return row

    def _step_card(self, number: int, stretch_id: str, dose: str) -> Card:
        card = Card()
        row = QHBoxLayout()
        row.setSpacing(16)
        stretch = self._stretches.get(stretch_id)
        figure = StretchFigure(hint=QSize(150, 100))
        figure.setFixedSize(150, 100)
        if stretch is not None:
            figure.set_svg(self._resources.asset(stretch.illustration), stretch.summary)
        row.addWidget(figure)
        text = QVBoxLayout()
        text.setSpacing(4)
        name = stretch.name if stretch else stretch_id
        text.addWidget(label(f"{number}. {name}", "h3"))
        text.addWidget(label(dose, "muted"))
        if stretch is not None:
            text.addWidget(label(stretch.summary))
        row.addLayout(text, 1)
        card.body.addLayout(row)
        return card

    def _safety_card(self, routine: Routine) -> QWidget:
        notes: list[str] = []
        for step in routine.steps:
            stretch = self._stretches.get(step.stretch)
            for note in stretch.safety if stretch else ():
                if note not in notes:
                    notes.append(note)
        box = Card()
        box.setProperty("role", "notice")
        box.body.addWidget(label("Safety", "h3"))
        for note in notes:
            box.body.addWidget(label(f"•  {note}"))
        return box
