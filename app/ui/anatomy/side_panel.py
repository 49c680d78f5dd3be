"""The sidebar: a row of page buttons that wraps (never a clipped tab bar) over a stack."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.ui.flow_layout import FlowLayout
from app.ui.widgets import button


class SidePanel(QWidget):
    """Pages (structure list, nerve tracer, variants, the card when space is short) chosen
    with checkable buttons in a flow layout, so at large text they wrap instead of scrolling
    behind arrows as a ``QTabWidget``'s tabs do.

    Signals:
        current_changed(QWidget): the page now shown.
    """

    current_changed = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons_row = QWidget()
        self._flow = FlowLayout(self._buttons_row, spacing=4)
        self._stack = QStackedWidget()
        self._pages: list[tuple[QWidget, QPushButton]] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._buttons_row)
        column.addWidget(self._stack, 1)

    def button_for(self, page: QWidget) -> QPushButton | None:
        return next((choice for known, choice in self._pages if known is page), None)

    def add_page(self, page: QWidget, name: str, tooltip: str = "") -> None:
        """Add (or show again) a page with its button."""
        choice = self.button_for(page)
        if choice is None:
            choice = button(name)
            choice.setCheckable(True)
            choice.setAutoExclusive(False)
            choice.setToolTip(tooltip or name)
            choice.setAccessibleName(f"Show {name.lower()}")
            choice.clicked.connect(lambda: self.show_page(page))
            self._pages.append((page, choice))
            self._flow.addWidget(choice)
            if len(self._pages) > 1:  # beside the other buttons in Tab order too
                QWidget.setTabOrder(self._pages[-2][1], choice)
        choice.setVisible(True)
        if self._stack.indexOf(page) < 0:
            self._stack.addWidget(page)
        self._sync_buttons()

    def remove_page(self, page: QWidget) -> None:
        """Take a page out (whoever adds it elsewhere reparents it); its button hides."""
        was_current = self._stack.currentWidget() is page
        self._stack.removeWidget(page)
        choice = self.button_for(page)
        if choice is not None:
            choice.setVisible(False)
        first = self._stack.widget(0)
        if was_current and first is not None:
            self.show_page(first)
        self._sync_buttons()

    def show_page(self, page: QWidget) -> None:
        if self._stack.indexOf(page) < 0:
            return
        changed = self._stack.currentWidget() is not page
        self._stack.setCurrentWidget(page)
        self._sync_buttons()
        if changed:
            self.current_changed.emit(page)

    def current_page(self) -> QWidget | None:
        return self._stack.currentWidget()

    def _sync_buttons(self) -> None:
        current = self._stack.currentWidget()
        for page, choice in self._pages:
            choice.setChecked(page is current)
