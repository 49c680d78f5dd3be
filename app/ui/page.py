"""The contract every page keeps with the main window and the kiosk.

A page is a :class:`Page` built as ``Page(context)`` by its :class:`~app.ui.pages.PageSpec`.
It is correct without being told it was shown: whatever it displays from the services, it
keeps current by subscribing to their signals.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.domain.content import Content
from app.domain.links import Link


class Page(QWidget):
    """Base class of every page.

    Signals:
        busy_changed(bool): the page started or stopped doing something a visitor follows
            without touching the screen (a routine playing); a kiosk holds its idle reset
            while any page is busy.
    """

    busy_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("page")
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        """For subclasses: report that the page started or stopped being busy."""
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def open_link(self, link: Link) -> None:
        """Show what an in-app link of this page's kind points at (default: nothing more)."""

    def reset(self) -> None:
        """Forget the current visit: searches, sessions in progress, scroll positions, undo
        history. Stored progress is not the page's business (the store is replaced)."""

    def focus_search(self) -> bool:
        """Put the keyboard in this page's search box; False when it has none."""
        return False

    def set_content(self, content: Content) -> None:
        """Show freshly loaded content (Home paints before the content is parsed)."""

    def focus_target(self) -> QWidget:
        """The widget that takes the keyboard when the page is opened from the rail."""
        return self
