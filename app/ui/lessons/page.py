"""Lessons: the course list, the reader, "On this page", search, progress and PDF handouts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.lessons import Lesson
from app.domain.links import Link, LinkKind, try_parse_link
from app.services.lesson_renderer import LessonRenderer, RenderedBody
from app.services.search_index import SearchIndex
from app.services.store import StoreError
from app.ui.context import PageContext
from app.ui.flow_layout import FlowLayout
from app.ui.lessons.atlas_figure import AtlasFigurePainter
from app.ui.lessons.document import Typography, doctor_link, lesson_css, lesson_html, quiz_link
from app.ui.lessons.export import export_pdf
from app.ui.lessons.figures import ImageSource, LessonFigures
from app.ui.lessons.reader import LessonReader
from app.ui.lessons.sidebar import ContentsList, LessonList, SearchResults
from app.ui.page import Page
from app.ui.widgets import button, label

#: Pause after the last keystroke before searching, so typing never waits on a query.
SEARCH_DEBOUNCE_MS = 120


class LessonsPage(Page):
    """The course reader: a lesson list or search results beside the lesson being read."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self._context = context
        self._lessons: list[Lesson] = list(context.content.lessons.values())
        roots = (context.resources.content_dir / "assets", context.resources.assets_dir)
        self._renderer = LessonRenderer(roots)
        self._figures = LessonFigures(
            self._renderer.image_path, AtlasFigurePainter(context.figures)
        )
        self._rendered: dict[str, RenderedBody] = {}
        self._index = SearchIndex(context.content)
        self._scroll: dict[str, int] = {}
        self._doctor_href = doctor_link(context.content)
        self._current = ""
        self._html = ""
        self._quiz_href = ""
        self._build_widgets()
        self._build_layout()
        self._connect()
        self._apply_palette()
        self._refresh_list()
        if self._lessons:
            self._show_lesson(self._lessons[0].id, record=False)

    # --- building ----------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search the course")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search lessons and structures")
        self.lesson_list = LessonList()
        self.results = SearchResults()
        self._no_results = label("No lesson or structure mentions that.", "muted")
        self._left_stack = QStackedWidget()
        for widget in (self.lesson_list, self.results, self._no_results):
            self._left_stack.addWidget(widget)
        self.reader = LessonReader(self._figure_source())
        self.contents = ContentsList()
        self.quiz_button = button("Take the quiz")
        self.export_button = button("Export PDF")
        self.export_button.setVisible(self._context.files_allowed)
        self.previous_button = button("")
        self.next_button = button("")
        self.read_button = button("Mark as read", "primary")
        self.read_button.setCheckable(True)
        self.list_button = button("All lessons")
        self.list_button.setCheckable(True)
        self.list_button.setAccessibleName("Show the list of lessons")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)

    def _build_layout(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 20, 24, 20)
        row.setSpacing(18)
        self._left_box = QWidget()
        left = QVBoxLayout(self._left_box)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(10)
        left.addWidget(label("LESSONS", "eyebrow"))
        left.addWidget(self.search_box)
        left.addWidget(self._left_stack, 1)
        row.addWidget(self._left_box, 0)
        self._reader_box = QWidget()
        self._reader_box.setLayout(self._reader_column())
        row.addWidget(self._reader_box, 1)
        self._contents_box = QWidget()
        right = QVBoxLayout(self._contents_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(label("ON THIS PAGE", "eyebrow"))
        right.addWidget(self.contents, 1)
        self._contents_box.setFixedWidth(210)
        row.addWidget(self._contents_box, 0)

    def _reader_column(self) -> QVBoxLayout:
        # Button rows wrap (FlowLayout) rather than squeeze: at 720 px or twice the text size
        # a button moves to a second row instead of losing half its label.
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        top = FlowLayout(spacing=10)
        for widget in (self.list_button, self.quiz_button, self.export_button):
            top.addWidget(widget)
        column.addLayout(top)
        column.addWidget(self.reader, 1)
        bottom = FlowLayout(spacing=10)
        for widget in (self.previous_button, self.read_button, self.next_button):
            bottom.addWidget(widget)
        column.addLayout(bottom)
        return column

    def _connect(self) -> None:
        self.lesson_list.chosen.connect(self._on_lesson_list_lesson_chosen)
        self.results.chosen.connect(self._on_results_hit_chosen)
        self.contents.chosen.connect(self._on_contents_anchor_chosen)
        self.reader.verticalScrollBar().valueChanged.connect(self._on_reader_scrolled)
        self.reader.link_requested.connect(self._on_reader_link_requested)
        self.search_box.textChanged.connect(self._on_search_box_text_changed)
        self.search_box.returnPressed.connect(self._on_search_box_return_pressed)
        self._debounce.timeout.connect(self._run_search)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.read_button.clicked.connect(self._on_read_button_clicked)
        self.quiz_button.clicked.connect(self._on_quiz_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.list_button.toggled.connect(self._on_list_button_toggled)
        # Bound methods, not lambdas: Qt drops them when this page is destroyed, so the
        # long-lived services do not keep a discarded page alive.
        self._context.lesson_progress.changed.connect(self._on_progress_changed)
        self._context.theme.changed.connect(self._on_theme_changed)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_box)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search_box.clear)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        # Large type needs the width more than "On this page" does: drop it before the text
        # column gets cramped. Narrower still, the lesson list becomes a panel the reader
        # opens with "All lessons", as on a phone.
        scale = max(1.0, self._context.theme.scale)
        wide_enough = self.width() >= 1100 * scale
        self._contents_box.setVisible(wide_enough)
        list_width = round(268 * min(scale, 1.4))
        self._left_stack.setFixedWidth(list_width)
        self.search_box.setFixedWidth(list_width)
        narrow = self.width() - 48 - list_width - 18 < 420 * scale
        self.list_button.setVisible(narrow)
        if not narrow:
            self.list_button.setChecked(False)
        self._show_list_panel(self.list_button.isChecked() or not narrow, narrow)
        self._fit_step_buttons()

    def _show_list_panel(self, show_list: bool, narrow: bool) -> None:
        self._left_box.setVisible(show_list)
        self._reader_box.setVisible(not (narrow and show_list))
        if narrow and show_list:
            self._left_stack.setFixedWidth(max(200, self.width() - 48))
            self.search_box.setFixedWidth(max(200, self.width() - 48))

    def _on_list_button_toggled(self) -> None:
        self._fit_columns()
        if self.list_button.isChecked():
            self.lesson_list.setFocus()

    def _fit_step_buttons(self) -> None:
        """Lesson titles on Previous/Next when they fit the reader's width, else short names."""
        room = self._reader_box.width() if self._reader_box.isVisible() else self.width() - 48
        for widget in (self.previous_button, self.next_button):
            full = widget.property("full_text") or widget.text()
            short = widget.property("short_text") or widget.text()
            widget.setText(full)
            if widget.sizeHint().width() > room:
                widget.setText(short)

    # --- page protocol -----------------------------------------------------------------------

    @property
    def current_lesson(self) -> str:
        return self._current

    @property
    def document_html(self) -> str:
        return self._html

    def open_link(self, link: Link) -> None:
        """Show the lesson a ``lesson:`` link names, scrolled to its anchor."""
        if link.kind is LinkKind.LESSON and link.target in self._context.content.lessons:
            self._show_lesson(link.target, link.anchor)

    def focus_search(self) -> bool:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()
        return True

    def reset(self) -> None:
        """Forget this visit: clear search and remembered places, back to the first lesson."""
        self.search_box.clear()
        self._debounce.stop()
        self._left_stack.setCurrentWidget(self.lesson_list)
        self._scroll.clear()
        if not self._lessons:
            return
        first = self._lessons[0].id
        if self._current == first:
            # Already showing it: back to the top, without re-rendering (which costs memory
            # Qt only slowly gives back; a kiosk resets thousands of times).
            self.reader.verticalScrollBar().setValue(0)
            return
        self._current = ""
        self._show_lesson(first, record=False)

    def showEvent(self, event: QShowEvent) -> None:
        # Coming back to the page counts as opening the lesson on screen ("continue" on Home).
        if self._current and not event.spontaneous():
            self._record_opened(self._current)
        super().showEvent(event)

    # --- showing a lesson --------------------------------------------------------------------

    def _show_lesson(self, lesson_id: str, anchor: str = "", *, record: bool = True) -> None:
        if self._current and self._current != lesson_id:
            self._scroll[self._current] = self.reader.verticalScrollBar().value()
        changed = lesson_id != self._current
        self._current = lesson_id
        if changed:
            self._render_current()
            self._update_chrome()
        if anchor:
            self.reader.scrollToAnchor(anchor)
        elif changed:
            self.reader.verticalScrollBar().setValue(self._scroll.get(lesson_id, 0))
        if record and changed:
            self._record_opened(lesson_id)

    def _render_current(self) -> None:
        lesson = self._context.content.lessons[self._current]
        rendered = self._rendered.get(lesson.id)
        if rendered is None:
            rendered = self._rendered[lesson.id] = self._renderer.render(lesson.body)
        position = (self._lessons.index(lesson) + 1, len(self._lessons))
        self._html = lesson_html(
            lesson, rendered.html, rendered.refused, position, self._doctor_href
        )
        theme = self._context.theme
        typography = Typography(theme.scale)
        self.reader.show_document(
            lesson_css(theme.palette, theme.scale),
            self._html,
            typography.text,
            self._figure_source(),
        )

    def _figure_source(self) -> ImageSource:
        # Figures follow the theme's colours and text scale, at the screen's pixel density.
        theme = self._context.theme
        return self._figures.source(theme.palette, theme.scale, self.devicePixelRatioF())

    def _update_chrome(self) -> None:
        lesson = self._context.content.lessons[self._current]
        index = self._lessons.index(lesson)
        self.lesson_list.set_current(lesson.id)
        self.contents.set_headings(lesson.headings)
        self._set_step_button(self.previous_button, index - 1, "←  {}", "←  Previous")
        self._set_step_button(self.next_button, index + 1, "{}  →", "Next  →")
        self._quiz_href = quiz_link(self._context.content, lesson)
        self.quiz_button.setVisible(bool(self._quiz_href))
        self._refresh_read()

    def _set_step_button(self, widget: QPushButton, index: int, pattern: str, short: str) -> None:
        inside = 0 <= index < len(self._lessons)
        widget.setVisible(inside)
        if inside:
            title = self._lessons[index].title
            widget.setProperty("full_text", pattern.format(title))
            widget.setProperty("short_text", short)
            widget.setText(pattern.format(title))
            widget.setToolTip(title)
            widget.setAccessibleName(("Previous" if "←" in pattern else "Next") + f": {title}")
            self._fit_step_buttons()

    def _step(self, delta: int) -> None:
        index = [lesson.id for lesson in self._lessons].index(self._current) + delta
        if 0 <= index < len(self._lessons):
            self._show_lesson(self._lessons[index].id)

    def _record_opened(self, lesson_id: str) -> None:
        try:
            self._context.lesson_progress.record_opened(lesson_id, self._context.clock.now())
        except StoreError as error:
            self._context.notify(str(error))

    # --- progress ----------------------------------------------------------------------------

    def _refresh_list(self) -> None:
        read = self._context.lesson_progress.read_ids()
        self.lesson_list.set_lessons(self._lessons, read)
        if self._current:
            self.lesson_list.set_current(self._current)

    def _refresh_read(self) -> None:
        read = self._context.lesson_progress.read_ids()
        self.lesson_list.set_read(read)
        done = self._current in read
        self.read_button.setChecked(done)
        self.read_button.setText("✓  Read" if done else "Mark as read")

    def _on_progress_changed(self, _lesson_id: str) -> None:
        self._refresh_read()

    def _on_read_button_clicked(self, checked: bool) -> None:
        try:
            self._context.lesson_progress.set_read(
                self._current, checked, self._context.clock.now()
            )
        except StoreError as error:
            self._context.notify(str(error))
        self._refresh_read()

    # --- links -------------------------------------------------------------------------------

    def _on_reader_link_requested(self, href: str) -> None:
        if href.startswith("#"):
            self.reader.scrollToAnchor(href[1:])
            return
        link = try_parse_link(href)
        if link is None:
            self._context.notify(
                f"Not opened: {href[:80]} leaves the app; only in-app links work."
            )
            return
        if link.kind is LinkKind.LESSON and link.target == self._current:
            if link.anchor:
                self.reader.scrollToAnchor(link.anchor)
            return
        self._context.navigate(str(link))

    def _on_reader_scrolled(self) -> None:
        # "On this page" follows the reading: the section at the top is marked current.
        if self._contents_box.isVisible():
            self.contents.set_current(self.reader.section_at_top(self.contents.row_keys()))

    def _on_contents_anchor_chosen(self, anchor: str) -> None:
        self.reader.scrollToAnchor(anchor)

    def _on_lesson_list_lesson_chosen(self, lesson_id: str) -> None:
        self.list_button.setChecked(False)  # narrow windows: back to the reader
        self._show_lesson(lesson_id)

    def _on_quiz_button_clicked(self) -> None:
        if self._quiz_href:
            self._context.navigate(self._quiz_href)

    # --- search ------------------------------------------------------------------------------

    def _on_search_box_text_changed(self, text: str) -> None:
        if not text.strip():
            self._debounce.stop()
            self._left_stack.setCurrentWidget(self.lesson_list)
            return
        self._debounce.start()

    def _run_search(self) -> None:
        text = self.search_box.text()
        if not text.strip():
            return
        hits = self._index.search(text)
        self.results.show_hits(hits)
        self._left_stack.setCurrentWidget(self.results if hits else self._no_results)

    def _on_search_box_return_pressed(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self._run_search()
        if self.results.row_keys() and self._left_stack.currentWidget() is self.results:
            self._on_results_hit_chosen(self.results.row_keys()[0])

    def _on_results_hit_chosen(self, href: str) -> None:
        link = try_parse_link(href)
        if link is None:
            return
        self.list_button.setChecked(False)
        if link.kind is LinkKind.LESSON:
            self.open_link(link)
        else:
            self._context.navigate(href)

    # --- theme and export --------------------------------------------------------------------

    def _apply_palette(self) -> None:
        for rows in (self.lesson_list, self.results, self.contents):
            rows.set_palette(self._context.theme.palette)

    def _on_theme_changed(self) -> None:
        if not self._current:
            return
        bar = self.reader.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._render_current()
        self._apply_palette()
        self._fit_columns()
        bar.setValue(round(fraction * bar.maximum()))

    def export_to(self, path: Path) -> None:
        """Write the current lesson as a PDF handout to ``path``."""
        lesson = self._context.content.lessons[self._current]
        export_pdf(self._html, lesson.title, path, self._figures)

    def _on_export_button_clicked(self) -> None:
        if not self._context.files_allowed or not self._current:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"{self._current}.pdf")
        name, _ = QFileDialog.getSaveFileName(
            self, "Export lesson as PDF", suggested, "PDF (*.pdf)"
        )
        if not name:
            return
        try:
            self.export_to(Path(name))
        except OSError as error:
            self._context.notify(f"Could not save the PDF: {error}")
            return
        self._context.notify(f"Saved {Path(name).name}")
