"""The one handle every service holds on the progress store, so the store can be replaced.

The composition root may swap the store underneath the services (a kiosk starts each visit on a
fresh in-memory store). Services read ``handle.store`` on every call and listen to
``replaced`` to tell their own listeners that everything they derived may have changed; they
never learn *why* the store was replaced.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.services.store import Store


class StoreHandle(QObject):
    """Holds the current :class:`Store`.

    Signals:
        replaced(): a different store is now current; re-read anything derived from it.
    """

    replaced = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store

    @property
    def store(self) -> Store:
        return self._store

    def replace(self, store: Store) -> None:
        """Make ``store`` current and close the previous one (its data is gone with it)."""
        previous, self._store = self._store, store
        if previous is not store:
            previous.close()
        self.replaced.emit()
