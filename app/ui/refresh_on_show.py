"""Redraw a view when its data changes: at once if it is on screen, else when next shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class RefreshOnShow(QObject):
    """Calls ``refresh`` for ``view`` when :meth:`request` is called: now if the view is visible,
    otherwise the next time it is shown. Charts nobody is looking at are not drawn for nothing,
    and a view is still never shown stale."""

    def __init__(self, view: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(view)
        self._view = view
        self._refresh = refresh
        self._stale = False
        view.installEventFilter(self)

    def request(self) -> None:
        if self._view.isVisible():
            self._stale = False
            self._refresh()
        else:
            self._stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self._refresh()
        return False
