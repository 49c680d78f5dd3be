"""Which lessons a learner has opened and finished."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from app.services.store import Store
from app.services.store_handle import StoreHandle


class LessonProgress(QObject):
    """Lesson read-state in the store.

    Signals:
        changed(str): a lesson id whose state changed; "" when any lesson's may have (the
            store was replaced).
    """

    changed = Signal(str)

    def __init__(self, store: StoreHandle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handle = store
        store.replaced.connect(self._on_store_replaced)

    @property
    def _store(self) -> Store:
        return self._handle.store

    def _on_store_replaced(self) -> None:
        self.changed.emit("")

    def read_ids(self) -> set[str]:
        rows = self._store.query("SELECT lesson_id FROM lesson_progress WHERE read_at IS NOT NULL")
        return {row[0] for row in rows}

    def set_read(self, lesson_id: str, read: bool, now: datetime) -> None:
        """Mark a lesson read or unread.

        Raises:
            StoreError: when it could not be saved; nothing changed then.
        """
        with self._store.transaction() as connection:
            connection.execute(
                "INSERT INTO lesson_progress (lesson_id, read_at) VALUES (?, ?) "
                "ON CONFLICT (lesson_id) DO UPDATE SET read_at = excluded.read_at",
                (lesson_id, now.isoformat() if read else None),
            )
        self.changed.emit(lesson_id)

    def record_opened(self, lesson_id: str, now: datetime) -> None:
        with self._store.transaction() as connection:
            connection.execute(
                "INSERT INTO lesson_progress (lesson_id, last_opened_at) VALUES (?, ?) "
                "ON CONFLICT (lesson_id) DO UPDATE SET last_opened_at = excluded.last_opened_at",
                (lesson_id, now.isoformat()),
            )
        self.changed.emit(lesson_id)

    def last_opened(self) -> str | None:
        """The lesson opened most recently, if any."""
        rows = self._store.query(
            "SELECT lesson_id FROM lesson_progress WHERE last_opened_at IS NOT NULL "
            "ORDER BY last_opened_at DESC LIMIT 1"
        )
        return rows[0][0] if rows else None
