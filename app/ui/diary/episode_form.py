"""Log (or edit) one episode in a few taps: where, when, how long, how strong, how it felt."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.diary import MAX_INTENSITY, MIN_INTENSITY, Episode, Feel, area_label
from app.services.clock import Clock
from app.services.diary import Diary, DiaryInputError
from app.services.store import StoreError
from app.ui.diary.body_map import BodyMap
from app.ui.diary.qdates import qdatetime
from app.ui.flow_layout import FlowLayout
from app.ui.theme import Theme
from app.ui.widgets import button, caption, label

DURATIONS = (
    ("a few seconds", 5),
    ("about 30 seconds", 30),
    ("about a minute", 60),
    ("a few minutes", 180),
    ("about 15 minutes", 900),
    ("an hour or more", 3600),
)
_FEEL_WORDS = {
    Feel.FLICKER: "Flicker",
    Feel.RIPPLE: "Ripple",
    Feel.THUMP: "Thump",
    Feel.CRAMP_LIKE: "Cramp-like",
}


class EpisodeForm(QWidget):
    """The body map and the few fields of an episode.

    Signals:
        saved(object): the stored :class:`Episode`.
        failed(str): it could not be saved (the message says why).
    """

    saved = Signal(object)
    failed = Signal(str)

    def __init__(self, diary: Diary, clock: Clock, theme: Theme) -> None:
        super().__init__()
        self._diary = diary
        self._clock = clock
        self._editing: Episode | None = None
        self.body_map = BodyMap(theme)
        self.area_label = label("Tap the map where you felt it.", "h3")
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setAccessibleName("When")
        self.duration = QComboBox()
        self.duration.setAccessibleName("How long")
        for words, seconds in DURATIONS:
            self.duration.addItem(words, seconds)
        self.strength_buttons = self._toggles(
            [str(n) for n in range(MIN_INTENSITY, MAX_INTENSITY + 1)], "Strength"
        )
        self.feel_buttons = self._toggles(list(_FEEL_WORDS.values()), "Felt like")
        self.note = QLineEdit()
        self.note.setPlaceholderText("Anything else? (optional)")
        self.note.setAccessibleName("Note")
        self.save_button = button("Save episode", "primary")
        self.cancel_button = button("Cancel editing")
        self._build()
        self.body_map.area_chosen.connect(self._on_area_chosen)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button.clicked.connect(self.clear)
        self.clear()

    def _toggles(self, words: list[str], name: str) -> QButtonGroup:
        group = QButtonGroup(self)
        group.setExclusive(True)
        for index, text in enumerate(words):
            toggle = QPushButton(text)
            toggle.setCheckable(True)
            toggle.setAccessibleName(f"{name}: {text}")
            toggle.setCursor(Qt.CursorShape.PointingHandCursor)
            # The theme draws a checked button with a 2 px border: give every toggle that
            # width, so checking one never makes it taller than the row it was laid out in.
            toggle.setStyleSheet("QPushButton { border-width: 2px; }")
            group.addButton(toggle, index)
        return group

    def set_stacked(self, stacked: bool) -> None:
        """Put the fields under the map (narrow windows) or beside it."""
        self._row.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )

    def _build(self) -> None:
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row = row
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        row.addWidget(self.body_map, 3)
        fields = QVBoxLayout()
        fields.setSpacing(10)
        fields.addWidget(self.area_label)
        # Each field under its label, and rows of choices that wrap: the form fits a narrow
        # column at twice the text size without scrolling sideways.
        when_and_how_long = FlowLayout(spacing=16)
        for words, field in (("&When", self.when), ("&How long", self.duration)):
            box = QWidget()
            stack = QVBoxLayout(box)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(4)
            stack.addWidget(caption(words, field))
            stack.addWidget(field)
            when_and_how_long.addWidget(box)
        fields.addLayout(when_and_how_long)
        fields.addWidget(label("How strong (1 faint to 5 strong)"))
        fields.addLayout(_row(self.strength_buttons))
        fields.addWidget(label("What it felt like"))
        fields.addLayout(_row(self.feel_buttons))
        fields.addWidget(self.note)
        actions = FlowLayout(spacing=8)
        actions.addWidget(self.save_button)
        actions.addWidget(self.cancel_button)
        fields.addLayout(actions)
        fields.addStretch(1)
        row.addLayout(fields, 2)

    @property
    def editing(self) -> Episode | None:
        return self._editing

    def clear(self) -> None:
        """Ready for a new episode, now."""
        self._editing = None
        self.body_map.select("")
        self.area_label.setText("Tap the map where you felt it.")
        self.when.setDateTime(qdatetime(self._clock.now().astimezone().replace(tzinfo=None)))
        self.duration.setCurrentIndex(0)
        self.strength_buttons.button(1).setChecked(True)
        self.feel_buttons.button(0).setChecked(True)
        self.note.clear()
        self.save_button.setText("Save episode")
        self.cancel_button.hide()

    def edit(self, episode: Episode) -> None:
        """Load a stored episode for changing."""
        self._editing = episode
        self.body_map.select(episode.area)
        self.area_label.setText(area_label(episode.area))
        local = episode.started_at.astimezone().replace(tzinfo=None)
        self.when.setDateTime(qdatetime(local))
        index = self.duration.findData(episode.duration_seconds)
        if index < 0:
            self.duration.addItem(f"{episode.duration_seconds} seconds", episode.duration_seconds)
            index = self.duration.count() - 1
        self.duration.setCurrentIndex(index)
        self.strength_buttons.button(episode.intensity - MIN_INTENSITY).setChecked(True)
        self.feel_buttons.button(list(Feel).index(episode.feel)).setChecked(True)
        self.note.setText(episode.note)
        self.save_button.setText("Save changes")
        self.cancel_button.show()

    def _on_area_chosen(self, area_id: str) -> None:
        self.area_label.setText(area_label(area_id))

    def _episode(self) -> Episode:
        when: datetime = self.when.dateTime().toPython()  # type: ignore[assignment]
        return Episode(
            started_at=when.astimezone(),
            area=self.body_map.selected,
            duration_seconds=int(self.duration.currentData()),
            intensity=self.strength_buttons.checkedId() + MIN_INTENSITY,
            feel=list(Feel)[self.feel_buttons.checkedId()],
            note=self.note.text().strip(),
            id=self._editing.id if self._editing is not None else None,
        )

    def _on_save_clicked(self) -> None:
        if not self.body_map.selected:
            self.failed.emit("Tap the body map first to say where the twitch was.")
            return
        try:
            stored = self._diary.save_episode(self._episode())
        except (DiaryInputError, StoreError) as error:
            self.failed.emit(f"Not saved: {error}")
            return
        self.clear()
        self.saved.emit(stored)


def _row(group: QButtonGroup) -> FlowLayout:
    row = FlowLayout(spacing=6)
    for toggle in group.buttons():
        row.addWidget(toggle)
    return row
