"""The lessons page's lists: the course (with read ticks), search results, and "On this page".

Rows are ordinary labels in a scrolling column, so Qt lays out wrapped titles at any font
scale and paints them without calling back into Python (see the note in ``_Row``).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from functools import partial
from types import MappingProxyType
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.lessons import Heading, Lesson
from app.services.search_index import SearchHit
from app.ui.theme import Palette
from app.ui.widgets import label

#: Rows moved by Page Up / Page Down, and by Home / End (as far as there are rows).
STEP_PAGE = 10
STEP_ENDS = 1_000_000
_STEPS: Final = MappingProxyType(
    {
        Qt.Key.Key_Up: -1,
        Qt.Key.Key_Down: 1,
        Qt.Key.Key_PageUp: -STEP_PAGE,
        Qt.Key.Key_PageDown: STEP_PAGE,
        Qt.Key.Key_Home: -STEP_ENDS,
        Qt.Key.Key_End: STEP_ENDS,
    }
)


class _Row(QFrame):
    """One clickable, focusable row.

    Painting stays in C++ on purpose: PySide6 6.12 on Python 3.11 drops a reference to None on
    every void call made from Python (QPainter.save(), translate()…), so a Python item delegate
    painting each row on each repaint would soon abort the interpreter ("none_dealloc").

    Signals:
        activated(str): clicked, or Enter/Space while focused; carries the row's key.
        stepped(int): an arrow, Page or Home/End key while focused: how many rows to move
            (``STEP_PAGE`` for a page, ``STEP_ENDS`` for an end).
        focused(): the row took the keyboard focus (by click or by a step).
    """

    activated = Signal(str)
    stepped = Signal(int)
    focused = Signal()

    def __init__(self, key: str, accessible: str) -> None:
        super().__init__()
        self.key = key
        self.setObjectName("lessonRow")
        self.setProperty("current", False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # its list makes one row a Tab stop
        self.setAccessibleName(accessible)
        self.setToolTip(accessible)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.key)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.key)
            return
        step = _STEPS.get(Qt.Key(event.key()))
        if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.stepped.emit(step)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.focused.emit()
        super().focusInEvent(event)


class _RowList(QScrollArea):
    """A scrolling column of rows; one may be marked current.

    One row is a Tab stop (the current one, else the last one focused, else the first), and
    the arrow, Page and Home/End keys move between rows, as in a list box: a course of a
    thousand lessons is one stop on the way through the page, not a thousand.

    Signals:
        chosen(str): the key of the row the learner picked.
    """

    chosen = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setObjectName("rowList")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Its rows take the focus, one of them a Tab stop; the list itself is none (ClickFocus,
        # not NoFocus: Qt leaves a widget that never takes focus out of the Tab chain).
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._rows: list[_Row] = []
        self._tab_stop: _Row | None = None
        self.palette_in_use: Palette | None = None
        self._inner = QWidget()
        self._inner.setObjectName("rowListInner")
        self._column = QVBoxLayout(self._inner)
        self._column.setContentsMargins(4, 4, 4, 4)
        self._column.setSpacing(2)
        self._column.addStretch(1)
        self.setWidget(self._inner)

    def set_palette(self, p: Palette) -> None:
        self.palette_in_use = p
        self.setStyleSheet(
            f"""
#rowList {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 12px; }}
#rowListInner {{ background: {p.surface}; border-radius: 12px; }}
#lessonRow {{ background: transparent; border: 2px solid transparent; border-radius: 9px; }}
#lessonRow:hover {{ background: {p.surface_alt}; }}
#lessonRow[current="true"] {{ background: {p.accent_soft}; }}
#lessonRow:focus {{ border-color: {p.focus}; }}
#lessonRow QLabel {{ background: transparent; }}
#tickRead {{ color: {p.success}; font-weight: 800; }}
#tickUnread {{ color: {p.text_muted}; }}
"""
        )

    def clear(self) -> None:
        for row in self._rows:
            row.hide()
            row.deleteLater()
        self._rows.clear()
        self._tab_stop = None

    def add_row(self, row: _Row) -> None:
        row.activated.connect(self.chosen)
        # Bound to the row itself, not its key: keys may repeat (two headings, one anchor).
        row.stepped.connect(partial(self._on_row_stepped, row))
        row.focused.connect(partial(self._on_row_focused, row))
        self._column.insertWidget(self._column.count() - 1, row)
        # Rows come after their list in Tab order, not after everything built before them.
        QWidget.setTabOrder(self._rows[-1] if self._rows else self, row)
        self._rows.append(row)
        if self._tab_stop is None:
            self._make_tab_stop(row)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Not a Tab stop itself, but setFocus() on the list (the page does it) lands on a row.
        super().focusInEvent(event)
        if self._tab_stop is not None:
            self._tab_stop.setFocus(event.reason())

    def _make_tab_stop(self, row: _Row) -> None:
        if self._tab_stop is not None and self._tab_stop is not row:
            self._tab_stop.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        row.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._tab_stop = row

    def _row_at(self, index: int) -> _Row | None:
        """The row at ``index`` (clamped to the rows there are)."""
        if not self._rows:
            return None
        return self._rows[max(0, min(index, len(self._rows) - 1))]

    def _on_row_stepped(self, here: _Row, step: int) -> None:
        self._learner_moved()
        if here not in self._rows:
            return
        target = self._row_at(self._rows.index(here) + step)
        if target is not None and target is not here:
            self._focus_row(target)

    def _focus_row(self, row: _Row) -> None:
        self._make_tab_stop(row)
        # Shown and laid out now (a row just built is shown and placed a turn later), so it
        # can take the focus at once and the scroll is right.
        row.show()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        row.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(row, 0, 8)

    def _on_row_focused(self, row: _Row) -> None:
        if row in self._rows:
            self._make_tab_stop(row)
            self._learner_focused()

    def _learner_focused(self) -> None:
        """A row took the focus: a lesson being followed into view no longer is."""

    def _learner_moved(self) -> None:
        """The learner moved within the list: nothing queued may move it for them."""

    def row_keys(self) -> list[str]:
        return [row.key for row in self._rows]

    def row(self, key: str) -> _Row | None:
        return next((row for row in self._rows if row.key == key), None)

    @property
    def current_key(self) -> str:
        """The key of the row marked current ("" for none)."""
        return next((row.key for row in self._rows if row.property("current")), "")

    def set_current(self, key: str) -> None:
        for row in self._rows:
            current = row.key == key
            if row.property("current") != current:
                row.setProperty("current", current)
                row.style().unpolish(row)
                row.style().polish(row)
            if current:
                self._make_tab_stop(row)
                self.ensureWidgetVisible(row, 0, 8)


def _hbox(row: _Row) -> QHBoxLayout:
    layout = QHBoxLayout(row)
    layout.setContentsMargins(10, 8, 10, 8)
    layout.setSpacing(10)
    return layout


class LessonList(_RowList):
    """The course, in order: a tick when read, the title, the minutes.

    A clinic's course may hold a thousand lessons, and a row is four styled widgets: the first
    screenful of rows is built at once, the rest a few milliseconds' worth per event-loop turn,
    so the page shows at once and stays responsive while the list fills in. A lesson made
    current before its row exists (opened from a link) is marked, and scrolled to, when its
    row arrives.

    Signals:
        chosen(str): a lesson id the learner picked.
    """

    #: Rows built at once: more than the tallest window shows at the smallest text.
    FIRST_ROWS = 40
    #: The longest one turn of building later rows may hold the event loop, in seconds.
    BATCH_SECONDS = 0.012

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Lessons", parent)
        self._ticks: dict[str, QLabel] = {}
        self._keys: list[str] = []
        self._read: set[str] = set()
        self._current = ""
        self._followed: _Row | None = None  # a row marked on arrival, kept in view till done
        self._focus_on_arrival = ""  # a row End or Page Down asked for before it was built
        self._pending: deque[tuple[int, Lesson]] = deque()
        self._next_batch = QTimer(self)
        self._next_batch.setSingleShot(True)
        self._next_batch.timeout.connect(self._build_batch)
        self.verticalScrollBar().actionTriggered.connect(self._on_scroll_bar_action_triggered)

    def set_lessons(self, lessons: Sequence[Lesson], read: set[str]) -> None:
        self.clear()
        self._ticks.clear()
        self._keys = [lesson.id for lesson in lessons]
        self._read = set(read)
        self._pending = deque(enumerate(lessons, start=1))
        for _ in range(min(self.FIRST_ROWS, len(self._pending))):
            self._add_lesson_row(*self._pending.popleft())
        if self._pending:
            self._next_batch.start(0)

    @property
    def complete(self) -> bool:
        """Whether every lesson has its row (later rows are built a batch per turn)."""
        return not self._pending

    def clear(self) -> None:
        self._next_batch.stop()
        self._pending.clear()
        self._followed = None
        self._focus_on_arrival = ""
        self._keys, self._current, self._read = [], "", set()
        self._ticks.clear()
        super().clear()

    def row_keys(self) -> list[str]:
        return list(self._keys)

    def row(self, key: str) -> _Row | None:
        self._build_through(key)
        return super().row(key)

    @property
    def current_key(self) -> str:
        return self._current

    def set_current(self, key: str) -> None:
        self._current = key
        super().set_current(key)  # a row not built yet is marked as it is added

    def set_read(self, read: set[str]) -> None:
        """Show a tick beside every lesson in ``read`` (only changed rows are restyled)."""
        changed = self._read ^ read
        self._read = set(read)
        for lesson_id in changed:
            tick = self._ticks.get(lesson_id)
            if tick is not None:
                self._show_tick(tick, lesson_id in read)

    def is_ticked(self, lesson_id: str) -> bool:
        """Whether the lesson's row shows (or, once built, will show) the read tick."""
        tick = self._ticks.get(lesson_id)
        return tick.text() == "✓" if tick is not None else lesson_id in self._read

    def _row_at(self, index: int) -> _Row | None:
        # Past the rows built so far: go as far as there are rows now, and on to the one asked
        # for when it arrives (building the rest at once froze a long course for a second).
        if index >= len(self._ticks) and self._pending:
            self._focus_on_arrival = self._keys[min(index, len(self._keys) - 1)]
        return super()._row_at(index)

    def _learner_moved(self) -> None:
        self._followed = None
        self._focus_on_arrival = ""

    def _learner_focused(self) -> None:
        self._followed = None

    def _build_batch(self) -> None:
        deadline = time.perf_counter() + self.BATCH_SECONDS
        while self._pending and time.perf_counter() < deadline:
            self._add_lesson_row(*self._pending.popleft())
        if self._pending:
            self._next_batch.start(0)
        elif self._followed is not None:
            # Rows above it re-wrap as the last ones settle; look again once they have.
            QTimer.singleShot(0, self._scroll_to_followed)

    def _scroll_to_followed(self) -> None:
        row, self._followed = self._followed, None
        if row is not None and row.key == self._current:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.ensureWidgetVisible(row, 0, 8)

    def _on_scroll_bar_action_triggered(self, _action: int) -> None:
        self._learner_moved()  # the learner scrolls: the list stays where they put it

    def _mark_current_on_arrival(self, row: _Row) -> None:
        super().set_current(row.key)
        # Shown and laid out now (the column and the scroll range), so the list can scroll to
        # it; a new row is otherwise shown and placed a turn later.
        row.show()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.ensureWidgetVisible(row, 0, 8)
        self._followed = row

    def _build_through(self, key: str) -> None:
        if key in self._ticks or key not in self._keys:
            return
        while self._pending:
            number, lesson = self._pending.popleft()
            self._add_lesson_row(number, lesson)
            if lesson.id == key:
                break

    def _add_lesson_row(self, number: int, lesson: Lesson) -> None:
        row = _Row(lesson.id, f"Lesson {number:,}: {lesson.title}, {lesson.minutes} minutes")
        layout = _hbox(row)
        tick = QLabel()
        tick.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self._show_tick(tick, lesson.id in self._read)
        self._ticks[lesson.id] = tick
        title = label(f"{number:,}. {lesson.title}")
        title.setTextFormat(Qt.TextFormat.PlainText)
        minutes = label(f"{lesson.minutes} min", "small", wrap=False)
        minutes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        layout.addWidget(tick, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(title, 1)
        layout.addWidget(minutes, 0, Qt.AlignmentFlag.AlignTop)
        self.add_row(row)
        if lesson.id == self._current and len(self._ticks) > self.FIRST_ROWS:
            self._mark_current_on_arrival(row)
        if lesson.id == self._focus_on_arrival:
            self._focus_on_arrival = ""
            focused = QApplication.focusWidget()
            if focused is not None and self.isAncestorOf(focused):
                self._focus_row(row)  # still in the list: the key press lands where it meant

    @staticmethod
    def _show_tick(tick: QLabel, done: bool) -> None:
        tick.setText("✓" if done else "○")
        tick.setObjectName("tickRead" if done else "tickUnread")
        tick.setAccessibleName("read" if done else "not read yet")
        tick.style().unpolish(tick)
        tick.style().polish(tick)


class SearchResults(_RowList):
    """Search hits: where each one is, and the matched words in context.

    Signals:
        chosen(str): the ``href`` of the hit the learner picked.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Search results", parent)
        self._snippets: list[str] = []

    def show_hits(self, hits: Sequence[SearchHit]) -> None:
        self.clear()
        self._snippets = [hit.snippet for hit in hits]
        for hit in hits:
            where = hit.title if not hit.section else f"{hit.title}: {hit.section}"
            kind = "Structure" if hit.kind == "structure" else "Lesson"
            row = _Row(hit.href, f"{kind}: {where}")
            column = QVBoxLayout(row)
            column.setContentsMargins(10, 8, 10, 8)
            column.setSpacing(3)
            head = label(where, "small")
            head.setTextFormat(Qt.TextFormat.PlainText)
            snippet = label(self._marked(hit.snippet))
            snippet.setObjectName("snippet")
            snippet.setTextFormat(Qt.TextFormat.RichText)  # escaped text with <b> marks only
            column.addWidget(head)
            column.addWidget(snippet)
            self.add_row(row)

    def _marked(self, snippet: str) -> str:
        # Rich-text labels ignore style sheets inside the text, so colour the marks inline.
        palette = self.palette_in_use
        colour = palette.accent if palette else "inherit"
        return snippet.replace("<b>", f'<b style="color: {colour};">')

    def snippets(self) -> list[str]:
        return list(self._snippets)


class ContentsList(_RowList):
    """The current lesson's sections.

    Signals:
        chosen(str): the anchor of the section the learner picked.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("On this page", parent)

    def set_headings(self, headings: Sequence[Heading]) -> None:
        self.clear()
        for heading in headings:
            if heading.level == 2:
                row = _Row(heading.anchor, heading.title)
                title = label(heading.title)
                title.setTextFormat(Qt.TextFormat.PlainText)
                _hbox(row).addWidget(title)
                self.add_row(row)
