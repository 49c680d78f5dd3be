"""The twitch diary: log episodes on a body map, the day's context, medicines, charts, a
self-experiment, and a summary to take to a doctor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QHBoxLayout,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.diary import Episode
from app.domain.links import DIARY_VIEWS, Link
from app.ui.context import PageContext
from app.ui.diary.days import DayForm, MedicineList
from app.ui.diary.entries import EntryList
from app.ui.diary.episode_form import EpisodeForm
from app.ui.diary.experiment import ExperimentPanel
from app.ui.page import Page
from app.ui.widgets import NoticeBar, add_page_heading, button

#: Below this width (at text scale 1) side-by-side parts are stacked.
NARROW = 1100
_TITLES = {
    "log": "Log a twitch",
    "days": "Days and medicines",
    "entries": "Entries",
    "charts": "Charts",
    "experiment": "Self-experiment",
}


class DiaryPage(Page):
    """Tabs for each diary view (``diary:<view>`` links open them); the charts are built on
    first visit (pyqtgraph is slow to import)."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self._context = context
        self._narrow = False
        diary, clock = context.diary, context.clock
        self.notice = NoticeBar()
        self.notice.hide()
        self.tabs = QTabWidget()
        self.episode_form = EpisodeForm(diary, clock, context.theme)
        # The other views are built on first visit: the first paint only needs the log.
        self._holders = {key: QWidget() for key in DIARY_VIEWS}
        self._days: _DaysView | None = None
        self._entries: EntryList | None = None
        self._experiment: ExperimentPanel | None = None
        self._charts: QWidget | None = None
        self.check_button = button("Red-flag self-check →", "link")
        self.pdf_button = button("Clinician summary (PDF)")
        self.csv_button = button("Export everything (CSV)")
        self._build()
        self._connect()

    def _build(self) -> None:
        # The whole page scrolls: at 720 x 540 with text at twice the size nothing may be
        # squeezed below the size its text needs.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        outer.addWidget(self._scrolled(inner))
        column = QVBoxLayout(inner)
        column.setContentsMargins(40, 28, 40, 20)
        column.setSpacing(12)
        add_page_heading(column, "Twitch diary", "Your own twitch, in your own notes")
        actions = QHBoxLayout()
        self._actions = actions
        for widget in (self.check_button, self.pdf_button, self.csv_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        column.addLayout(actions)
        column.addWidget(self.notice)
        for key, holder in self._holders.items():
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, _TITLES[key])
        self._place("log", self.episode_form)
        column.addWidget(self.tabs, 1)
        files = self._context.files_allowed
        self.pdf_button.setVisible(files)
        self.csv_button.setVisible(files)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Narrow windows stack side-by-side parts, so each keeps the width its text needs.
        narrow = event.size().width() < NARROW * self._context.theme.scale
        direction = (
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        self._actions.setDirection(direction)
        self._narrow = narrow
        self.episode_form.set_stacked(narrow)
        if self._days is not None:
            self._days.set_stacked(narrow)
        super().resizeEvent(event)

    def _scrolled(self, widget: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside
        scroll.setWidget(widget)
        return scroll

    def _connect(self) -> None:
        self.episode_form.failed.connect(self._on_failed)
        self.episode_form.saved.connect(self._on_episode_saved)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.check_button.clicked.connect(lambda: self._context.navigate("check:start"))
        self.pdf_button.clicked.connect(self._on_pdf_clicked)
        self.csv_button.clicked.connect(self._on_csv_clicked)

    def _place(self, key: str, view: QWidget) -> None:
        layout = self._holders[key].layout()
        assert layout is not None
        layout.addWidget(view)

    # --- views, each built on first use -----------------------------------------------------

    @property
    def day_form(self) -> DayForm:
        return self._days_view().day_form

    @property
    def medicines(self) -> MedicineList:
        return self._days_view().medicines

    def _days_view(self) -> _DaysView:
        if self._days is None:
            self._days = _DaysView(self._context)
            self._days.set_stacked(self._narrow)
            self._days.day_form.failed.connect(self._on_failed)
            self._days.medicines.failed.connect(self._on_failed)
            self._place("days", self._days)
        return self._days

    @property
    def entries(self) -> EntryList:
        if self._entries is None:
            self._entries = EntryList(self._context.diary)
            self._entries.failed.connect(self._on_failed)
            self._entries.edit_requested.connect(self._on_edit_requested)
            self._place("entries", self._entries)
        return self._entries

    @property
    def experiment(self) -> ExperimentPanel:
        if self._experiment is None:
            self._experiment = ExperimentPanel(self._context.diary, self._context.clock)
            self._experiment.failed.connect(self._on_failed)
            self._place("experiment", self._experiment)
        return self._experiment

    # --- the Page contract ------------------------------------------------------------------

    def open_link(self, link: Link) -> None:
        self.show_view(link.target)

    def reset(self) -> None:
        self.episode_form.clear()
        self.notice.hide()
        self.tabs.setCurrentIndex(0)

    def focus_target(self) -> QWidget:
        return self.episode_form.body_map

    # --- views ------------------------------------------------------------------------------

    def show_view(self, view: str) -> None:
        if view in DIARY_VIEWS:
            self.tabs.setCurrentIndex(DIARY_VIEWS.index(view))

    @property
    def charts(self) -> QWidget:
        """The charts (built now if they were not yet; pyqtgraph is imported then)."""
        if self._charts is None:
            from app.ui.diary.charts import DiaryCharts

            context = self._context
            self._charts = DiaryCharts(context.diary, context.clock, context.theme)
            self._place("charts", self._charts)
        return self._charts

    def _on_tab_changed(self, index: int) -> None:
        view = DIARY_VIEWS[index]
        if view == "days":
            self._days_view()
        elif view == "entries":
            _ = self.entries
        elif view == "charts":
            _ = self.charts
        elif view == "experiment":
            _ = self.experiment

    # --- exports ----------------------------------------------------------------------------

    def export_pdf(self, path: Path) -> bool:
        """Write the clinician summary to ``path``; False (and a notice) when it failed."""
        from app.ui.diary.summary import DiarySnapshot, write_summary_pdf  # PDF code on use

        today = self._context.clock.now().astimezone().date()
        snapshot = DiarySnapshot.read(self._context.diary, today)
        return self._export(lambda: write_summary_pdf(snapshot, path), path)

    def export_csv(self, path: Path) -> bool:
        """Write everything in the diary to ``path`` as CSV; False (and a notice) on failure."""
        from app.ui.diary.summary import write_csv

        return self._export(lambda: write_csv(self._context.diary, path), path)

    def _export(self, write: object, path: Path) -> bool:
        if not self._context.files_allowed:
            return False  # a shared kiosk never writes a visitor's notes to a file
        try:
            write()  # type: ignore[operator]
        except OSError as error:
            self._on_failed(f"Not saved to {path}: {error.strerror or error}")
            return False
        self._context.notify(f"Saved {path}")
        return True

    def _on_pdf_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save summary", str(Path.home() / "twitch-diary.pdf"), "PDF (*.pdf)"
        )
        if name:
            self.export_pdf(Path(name))

    def _on_csv_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export diary", str(Path.home() / "twitch-diary.csv"), "CSV (*.csv)"
        )
        if name:
            self.export_csv(Path(name))

    # --- feedback ---------------------------------------------------------------------------

    def _on_failed(self, message: str) -> None:
        self.notice.show_message(message)
        self.notice.show()

    def _on_episode_saved(self, episode: Episode) -> None:
        self.notice.hide()
        self._context.notify(f"Saved: {episode.started_at.astimezone():%H:%M}, {episode.area}")

    def _on_edit_requested(self, episode: Episode) -> None:
        self.episode_form.edit(episode)
        self.show_view("log")


class _DaysView(QWidget):
    """Daily context beside the medicine list (one above the other when narrow)."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.day_form = DayForm(context.diary, context.clock)
        self.medicines = MedicineList(context.diary, context.clock)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.day_form, 1)
        self._row.addWidget(self.medicines, 1)

    def set_stacked(self, stacked: bool) -> None:
        self._row.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
