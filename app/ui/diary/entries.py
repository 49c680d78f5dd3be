"""Every logged episode, newest first, to change or delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.diary import Episode, area_label
from app.services.diary import Diary
from app.services.store import StoreError
from app.ui.widgets import button, label

_ROLE = Qt.ItemDataRole.UserRole


def describe(episode: Episode) -> str:
    """One line as the list shows it."""
    when = episode.started_at.astimezone()
    minutes, seconds = divmod(episode.duration_seconds, 60)
    length = f"{minutes} min" if minutes else f"{seconds} s"
    note = f" — {episode.note}" if episode.note else ""
    return (
        f"{when:%a %d %b %Y %H:%M}  ·  {area_label(episode.area)}  ·  {episode.feel.value}, "
        f"strength {episode.intensity}, {length}{note}"
    )


class EntryList(QWidget):
    """The episode list.

    Signals:
        edit_requested(object): the user wants to change this :class:`Episode`.
        failed(str): a delete failed.
    """

    edit_requested = Signal(object)
    failed = Signal(str)

    def __init__(self, diary: Diary) -> None:
        super().__init__()
        self._diary = diary
        self._episodes: dict[int, Episode] = {}
        self.list = QListWidget()
        self.list.setAccessibleName("Logged episodes")
        self.edit_button = button("Edit selected")
        self.delete_button = button("Delete selected")
        self._empty = label("Nothing logged yet. Episodes you log appear here.", "muted")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._empty)
        column.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        column.addLayout(row)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.list.itemActivated.connect(lambda _item: self._on_edit_clicked())
        diary.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        episodes = list(reversed(self._diary.episodes()))
        self._episodes = {e.id: e for e in episodes if e.id is not None}
        self.list.clear()
        for episode in episodes:
            item = QListWidgetItem(describe(episode))
            item.setData(_ROLE, episode.id)
            self.list.addItem(item)
        self._empty.setVisible(not episodes)
        for widget in (self.edit_button, self.delete_button):
            widget.setEnabled(bool(episodes))

    def select_row(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def _current(self) -> Episode | None:
        item = self.list.currentItem()
        return self._episodes.get(int(item.data(_ROLE))) if item is not None else None

    def _on_edit_clicked(self) -> None:
        episode = self._current()
        if episode is not None:
            self.edit_requested.emit(episode)

    def _on_delete_clicked(self) -> None:
        episode = self._current()
        if episode is None or episode.id is None:
            return
        try:
            self._diary.delete_episode(episode.id)
        except StoreError as error:
            self.failed.emit(f"Not deleted: {error}")
