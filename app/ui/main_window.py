"""The main window: navigation rail, a stack of lazily built pages, shortcuts and link routing."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.domain.content import Content
from app.domain.links import LinkError, parse_link
from app.domain.problems import Problem
from app.ui.context import Navigator, PageContext
from app.ui.history import NavigationHistory
from app.ui.nav_rail import NavRail
from app.ui.page import Page
from app.ui.pages import PageSpec, page_for_link
from app.ui.widgets import NoticeBar, button, label

#: Builds the page context, given the window as the pages' navigator.
ContextFactory = Callable[[Navigator], PageContext]


class MainWindow(QMainWindow):
    """Builds each page on its first visit.

    Signals:
        page_changed(str): the key of the page now shown.
        busy_changed(bool): whether any built page is busy (a routine playing) changed.
    """

    page_changed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, pages: tuple[PageSpec, ...], context_factory: ContextFactory) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(720, 540)
        self._specs = {spec.key: spec for spec in pages}
        self._order = [spec.key for spec in pages]
        self._built: dict[str, Page] = {}
        self._busy = False
        self._enabled = set(self._order)
        self._current = ""
        self._history = NavigationHistory()
        self._status_wired = False
        self.close_allowed: Callable[[], bool] = lambda: True
        self.context = context_factory(self)
        self._rail = NavRail(pages, self._icons_dir(), self.context.theme, self)
        self._rail.page_requested.connect(self.show_page)
        self._rail.about_requested.connect(self.show_about)
        self._rail.back_requested.connect(self.go_back)
        self.notice = NoticeBar(self)
        self.notice.details_requested.connect(self._show_problems)
        self._stack = QStackedWidget(self)
        self._problems: tuple[Problem, ...] = ()
        self._build_layout()
        self._install_shortcuts()
        self.context.settings.save_failed.connect(self.notice.show_message)

    def _icons_dir(self) -> Path:
        return self.context.resources.assets_dir / "icons"

    def _build_layout(self) -> None:
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._rail)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        notice_box = QVBoxLayout()
        notice_box.setContentsMargins(16, 10, 16, 0)
        notice_box.addWidget(self.notice)
        column.addLayout(notice_box)
        column.addWidget(self._stack, 1)
        row.addLayout(column, 1)
        self.setCentralWidget(central)

    def _install_shortcuts(self) -> None:
        for number, key in enumerate(self._order, start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda key=key: self.show_page(key))
        bindings = {
            QKeySequence.StandardKey.Find: self._focus_search,
            QKeySequence.StandardKey.ZoomIn: lambda: self.context.settings.step_font_scale(1),
            QKeySequence.StandardKey.ZoomOut: lambda: self.context.settings.step_font_scale(-1),
            QKeySequence.StandardKey.HelpContents: self.show_about,
            QKeySequence.StandardKey.Back: self.go_back,
            QKeySequence.StandardKey.Forward: self.go_forward,
            QKeySequence.StandardKey.Quit: self.close,
        }
        for sequence, slot in bindings.items():
            QShortcut(QKeySequence(sequence), self).activated.connect(slot)
        QShortcut(QKeySequence("Ctrl+="), self).activated.connect(
            lambda: self.context.settings.step_font_scale(1)
        )
        QShortcut(QKeySequence("Ctrl+0"), self).activated.connect(self._reset_font_scale)

    # --- pages -------------------------------------------------------------------------------

    @property
    def current_key(self) -> str:
        return self._current

    def page(self, key: str) -> Page:
        """The page for ``key``, built now if this is its first visit."""
        widget = self._built.get(key)
        if widget is None:
            widget = self._specs[key].factory(self.context)
            self._built[key] = widget
            self._stack.addWidget(widget)
            widget.busy_changed.connect(self._on_page_busy_changed)
        return widget

    @property
    def busy(self) -> bool:
        """Whether any page is doing something a visitor follows hands-free."""
        return self._busy

    def _on_page_busy_changed(self) -> None:
        busy = any(page.busy for page in self._built.values())
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def reset_pages(self) -> None:
        """Every built page forgets the current visit (kiosk idle reset), and so does Back."""
        for page in self._built.values():
            page.reset()
        self._history.clear()
        self._rail.set_back_enabled(False)

    def page_keys(self) -> list[str]:
        return list(self._order)

    def built_pages(self) -> list[str]:
        return list(self._built)

    def set_content(self, content: Content) -> None:
        """Hand freshly loaded content to pages built so far (Home paints before it loads)."""
        self.context = dataclasses.replace(self.context, content=content)
        for page in self._built.values():
            page.set_content(content)
        self.show_content_problems(content.problems)

    def set_enabled_pages(self, keys: set[str]) -> None:
        """Offer only these pages (kiosk policy); the rail hides the rest, links to them fail."""
        self._enabled = {key for key in self._order if key in keys} | {"home"}
        self._rail.set_visible_pages(self._enabled)

    def show_screen(self, widget: QWidget, *, rail: bool, rail_key: str = "") -> None:
        """Show a widget that is not a page (the kiosk start screen), with or without the rail.

        Args:
            rail_key: the rail entry to mark as current while it shows (a page's stand-in).
        """
        if self._stack.indexOf(widget) < 0:
            self._stack.addWidget(widget)
        self._stack.setCurrentWidget(widget)
        self._rail.setVisible(rail)
        if rail_key:
            self._rail.set_current(rail_key)
        self._current = ""

    def show_page(self, key: str) -> None:
        """Show a page as it was left (the rail, Ctrl+<n>, a page card)."""
        if self._show(key):
            self._remember(_PAGE_PLACE + key)

    def _show(self, key: str) -> bool:
        if key not in self._specs or key not in self._enabled:
            return False
        widget = self.page(key)
        self._stack.setCurrentWidget(widget)
        focus = QApplication.focusWidget()
        if focus is None or self._rail.isAncestorOf(focus) or not widget.isAncestorOf(focus):
            widget.focus_target().setFocus()  # leave the rail for the page
        self._rail.setVisible(True)
        self._rail.set_current(key)
        self.setWindowTitle(f"{self._specs[key].title} — {APP_NAME}")
        if key != self._current:
            self._current = key
            self.page_changed.emit(key)
        return True

    def open_link(self, href: str) -> None:
        """Follow an in-app link; anything else is refused with a message, never opened."""
        if self._follow(href):
            self._remember(href)

    def _follow(self, href: str) -> bool:
        try:
            link = parse_link(href)
        except LinkError as error:
            self.notify(f"Not opened: {error}")
            return False
        if not self.context.content.resolves(link):
            self.notify(f"Not opened: {link} points at nothing in the loaded content")
            return False
        spec = page_for_link(link.kind)
        if spec.key not in self._enabled:
            self.notify(f"Not opened: {spec.title} is not available here")
            return False
        self._show(spec.key)
        self.page(spec.key).open_link(link)
        return True

    # --- back and forward --------------------------------------------------------------------

    def _remember(self, place: str) -> None:
        self._history.visit(place)
        self._rail.set_back_enabled(self._history.can_go_back())

    def go_back(self) -> None:
        """Return to the previous page or link (Alt+Left, the mouse's back button)."""
        self._go_to(self._history.back())

    def go_forward(self) -> None:
        self._go_to(self._history.forward())

    def _go_to(self, place: str) -> None:
        if place.startswith(_PAGE_PLACE):
            self._show(place.removeprefix(_PAGE_PLACE))
        elif place:
            self._follow(place)
        self._rail.set_back_enabled(self._history.can_go_back())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Side buttons reach the window when the widget under the pointer ignores them.
        if event.button() == Qt.MouseButton.BackButton:
            self.go_back()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.go_forward()
        else:
            super().mousePressEvent(event)

    def notify(self, text: str) -> None:
        """A short message at the foot of the window; the bar goes away with the message."""
        # Created on first message: it costs ~6 ms the first paint can skip.
        bar = self.statusBar()
        if not self._status_wired:
            bar.setSizeGripEnabled(False)
            bar.messageChanged.connect(self._on_status_message_changed)
            self._status_wired = True
        bar.show()
        bar.showMessage(text, 8000)

    def _on_status_message_changed(self, text: str) -> None:
        if not text:
            self.statusBar().hide()

    def _focus_search(self) -> None:
        if self._current and self.page(self._current).focus_search():
            return
        if "lessons" in self._enabled:
            self.show_page("lessons")  # the course search serves pages without their own
            self.page("lessons").focus_search()

    def _reset_font_scale(self) -> None:
        self.context.settings.font_scale = 1.0

    # --- notices, about, geometry ------------------------------------------------------------

    def show_content_problems(self, problems: tuple[Problem, ...]) -> None:
        self._problems = problems
        if problems:
            files = len({problem.where.path for problem in problems})
            text = (
                f"{_count(len(problems), 'content problem')} in {_count(files, 'file')}. "
                "Items that could not be used were skipped; everything else loaded."
            )
            self.notice.show_message(text, details=True)

    def _show_problems(self) -> None:
        from PySide6.QtWidgets import QDialog, QPlainTextEdit

        dialog = QDialog(self)
        dialog.setWindowTitle("Content problems")
        dialog.resize(760, 420)
        column = QVBoxLayout(dialog)
        column.addWidget(label("These items were skipped. Fix them and restart the app.", "h3"))
        text = QPlainTextEdit("\n".join(str(problem) for problem in self._problems))
        text.setReadOnly(True)
        column.addWidget(text, 1)
        close = button("Close", "primary")
        close.clicked.connect(dialog.accept)
        column.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        dialog.open()

    def show_about(self) -> None:
        from app.ui.about import AboutDialog

        AboutDialog(self.context, self).open()

    def restore_geometry(self) -> bool:
        stored = self.context.settings.values.window_geometry
        if not stored:
            return False
        return self.restoreGeometry(QByteArray.fromBase64(stored.encode("ascii")))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_allowed():
            event.ignore()  # kiosk: only the administrator may close the window
            return
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.context.settings.update(window_geometry=geometry, last_page=self._current)
        super().closeEvent(event)


#: History entries for a page opened as it was left (links are stored as they are).
_PAGE_PLACE = "page "


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
