"""The routine player: a big countdown, what to do now, what comes next, and the controls.

A QTimer only asks the :class:`RoutineTimer` to look at the clock; all time comes from
``clock.monotonic()``, so a busy event loop delays the display but never the routine.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.domain.routine_timer import Cue, CueKind, Phase, RoutineTimer
from app.domain.routines import Routine, Sides
from app.services.cue_player import CuePlayer
from app.ui.context import PageContext
from app.ui.flow_layout import FlowLayout
from app.ui.reflow import ReflowRow
from app.ui.stretch.anatomy_inset import AnatomyInset
from app.ui.stretch.figure import StretchFigure
from app.ui.stretch.flash import FlashOverlay
from app.ui.stretch.ring import CountdownRing, phase_colour, whole_seconds
from app.ui.stretch.run_end import RunEndPanel
from app.ui.stretch.wording import (
    PHASE_CAPTIONS,
    minutes_text,
    next_up_text,
    side_text,
    spoken,
)
from app.ui.widgets import Card, button, label

#: How often the display looks at the clock; the routine's timing does not depend on it.
POLL_MS = 50


class RoutinePlayer(QWidget):
    """Runs one routine at a time.

    Signals:
        finished(object): the run ended (completed or stopped); payload: the RoutineTimer.
        close_requested(): the person is done with the player (after the run ended).
        playing_changed(bool): a run started, paused, resumed or ended (True while it runs
            and is not paused: someone is following it hands-free).
    """

    finished = Signal(object)
    close_requested = Signal()
    playing_changed = Signal(bool)

    def __init__(
        self,
        context: PageContext,
        cues: Callable[[], CuePlayer | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._cues_factory = cues
        self._cues: CuePlayer | None = None
        self._timer: RoutineTimer | None = None
        self._paused_to_ask = False
        self._was_playing = False
        self._room: int | None = None  # the width a scroll area around us has
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.setTimerType(Qt.TimerType.PreciseTimer)
        self._poll.timeout.connect(self.poll)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self._flash = FlashOverlay(context.theme, self)
        context.theme.changed.connect(self._refresh)
        context.theme.changed.connect(self._on_theme_changed)
        context.settings.changed.connect(self._on_settings_changed)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 20)
        column.setSpacing(14)
        column.addLayout(self._build_header())
        body = QHBoxLayout()
        body.setSpacing(20)
        body.addWidget(self._build_stretch_card(), 5)
        body.addLayout(self._build_centre(), 6)
        self._side_column = QWidget()
        self._side_column.setLayout(self._build_side_column())
        body.addWidget(self._side_column, 4)
        column.addLayout(body, 1)
        self._end = RunEndPanel()
        self._end.keep_going_requested.connect(self._on_end_keep_going_requested)
        self._end.stop_confirmed.connect(self._on_end_stop_confirmed)
        column.addWidget(self._end)
        column.addLayout(self._build_controls())

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self._routine_name = label("", "eyebrow")
        self._step_name = label("", "h1")
        titles.addWidget(self._routine_name)
        titles.addWidget(self._step_name)
        row.addLayout(titles, 1)
        totals = QVBoxLayout()
        totals.setSpacing(2)
        self._step_count = label("", "muted")
        self._total_left = label("", "h2")
        for widget in (self._step_count, self._total_left):
            widget.setAlignment(Qt.AlignmentFlag.AlignRight)
            totals.addWidget(widget)
        row.addLayout(totals)
        return row

    def _build_stretch_card(self) -> Card:
        card = Card()
        self._figure = StretchFigure()
        self._figure.setMinimumHeight(180)
        card.body.addWidget(self._figure, 3)
        card.body.addWidget(label("Form", "eyebrow"))
        self._form = label("", "large")
        self._form.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        card.body.addWidget(self._form, 2)
        return card

    def _build_centre(self) -> QVBoxLayout:
        centre = QVBoxLayout()
        centre.setSpacing(10)
        self._ring = CountdownRing(self._context.theme)
        centre.addWidget(self._ring, 1)
        chips = QHBoxLayout()
        chips.addStretch(1)
        self._side = label("", "h2", wrap=False)
        self._side.setObjectName("sideChip")
        self._rep = label("", "h2", wrap=False)
        self._rep.setObjectName("repChip")
        pair = ReflowRow(spacing=18)  # one above the other under a narrow ring
        pair.add(self._side, 0, Qt.AlignmentFlag.AlignHCenter)
        pair.add(self._rep, 0, Qt.AlignmentFlag.AlignHCenter)
        chips.addWidget(pair)
        chips.addStretch(1)
        centre.addLayout(chips)
        # "Next up" under the ring for narrow windows, where the side column is hidden.
        self._next_line = label("", "h3")
        self._next_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._next_line.hide()
        centre.addWidget(self._next_line)
        return centre

    def _build_side_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        anatomy_card = Card()
        self._anatomy = AnatomyInset(self._context)
        anatomy_card.body.addWidget(self._anatomy)
        column.addWidget(anatomy_card, 3)
        next_card = Card()
        next_card.body.addWidget(label("Next up", "eyebrow"))
        self._next_up = label("", "h3")
        next_card.body.addWidget(self._next_up)
        column.addWidget(next_card)
        return column

    def _build_controls(self) -> QBoxLayout:
        # Transport buttons, then the sound controls: side by side when there is room, the
        # sound controls on a row of their own when the window is narrow or the text large.
        self._controls = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._controls.setSpacing(12)
        row = FlowLayout(spacing=12)  # Stop wraps below the others in a narrow window
        self._back = _control("◀  Back", "Back (Left arrow)")
        self._pause = _control("Pause", "Pause or resume (Space)", primary=True)
        self._skip = _control("Skip  ▶", "Skip to the next stretch (Right arrow)")
        self._stop = _control("Stop", "Stop the routine (Esc)")
        self._back.clicked.connect(self._on_back_clicked)
        self._pause.clicked.connect(self._on_pause_clicked)
        self._skip.clicked.connect(self._on_skip_clicked)
        self._stop.clicked.connect(self._on_stop_clicked)
        for widget in (self._back, self._pause, self._skip, self._stop):
            row.addWidget(widget)
        self._controls.addLayout(row, 1)
        self._controls.addLayout(self._build_sound_controls())
        return self._controls

    def _set_next_up(self, text: str) -> None:
        self._next_up.setText(text)
        self._next_line.setText(f"Next up: {text}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._room is None:  # not in a scroll area that says how much room there is
            self._fit_to_width(self.width())

    def _on_theme_changed(self) -> None:
        # Larger text needs more room for the same arrangement.
        self._fit_to_width(self._room if self._room is not None else self.width())

    def fit_room(self, width: int) -> None:
        """Arrange for ``width`` pixels of room (see :class:`app.ui.widgets.FitsRoom`)."""
        self._room = width
        self._fit_to_width(width)

    def _fit_to_width(self, width: int) -> None:
        scale = max(1.0, self._context.theme.scale)
        # The target inset is the first thing to go: the ring and the form matter more.
        narrow = width < 1000 * scale
        self._side_column.setVisible(not narrow)
        self._next_line.setVisible(narrow)
        transport = sum(b.sizeHint().width() + 12 for b in (self._back, self._pause, self._skip))
        sound = self._sound_row.sizeHint().width()
        wide = width - 56 >= transport + self._stop.sizeHint().width() + 36 + sound
        self._controls.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )

    def _build_sound_controls(self) -> QVBoxLayout:
        # Why there is no sound (when there is none) over the controls, which wrap.
        column = QVBoxLayout()
        column.setSpacing(6)
        row = self._sound_row = FlowLayout(spacing=10)
        self._mute = QCheckBox("Mute")
        self._mute.toggled.connect(self._on_mute_toggled)
        self._volume = QSlider(Qt.Orientation.Horizontal)
        self._volume.setRange(0, 100)
        self._volume.setValue(self._context.settings.volume)
        self._volume.setFixedWidth(140)
        self._volume.setAccessibleName("Volume")
        self._volume.valueChanged.connect(self._on_volume_value_changed)
        self._flash_box = QCheckBox("Flash screen")
        self._flash_box.setToolTip("Flash the whole screen at each change, for noisy rooms")
        self._sound_note = label("", "small")
        for widget in (self._mute, self._volume, self._flash_box):
            row.addWidget(widget)
        column.addWidget(self._sound_note)
        column.addLayout(row)
        return column

    # -- running -------------------------------------------------------------------------

    @property
    def timer(self) -> RoutineTimer | None:
        return self._timer

    @property
    def running(self) -> bool:
        return self._timer is not None and self._timer.started and not self._timer.done

    def start(self, routine: Routine) -> None:
        """Begin ``routine`` now (a running one is stopped first)."""
        self.stop()
        if self._cues is None:
            self._cues = self._cues_factory()
            self._apply_sound_state()
        self._timer = RoutineTimer(routine)
        self._paused_to_ask = False
        self._end.hide()
        self._routine_name.setText(routine.name)
        self._handle(self._timer.start(self._now()))
        self._poll.start()
        self.setFocus()

    def stop(self) -> None:
        """Stop the current run (it counts as abandoned) and report it."""
        if not self.running or self._timer is None:
            return
        self._timer.stop(self._now())
        self._poll.stop()
        if self._cues is not None:
            self._cues.stop()
        self._refresh()
        self.finished.emit(self._timer)
        self._announce_playing()

    def discard(self) -> None:
        """Forget the current run without reporting it (kiosk reset)."""
        self._poll.stop()
        if self._cues is not None:
            self._cues.stop()
        self._timer = None
        self._end.hide()
        self._announce_playing()

    @property
    def asking_to_stop(self) -> bool:
        """Whether "Stop here?" is on screen."""
        return self._end.asking

    @property
    def summary(self) -> str:
        """The sentence shown once the run ended ("" while it runs)."""
        return self._end.summary

    def poll(self) -> None:
        """Look at the clock (the QTimer's slot; tests call it after advancing a fake clock)."""
        if self._timer is None:
            return
        self._handle(self._timer.tick(self._now()))

    def _now(self) -> float:
        return self._context.clock.monotonic()

    @property
    def playing(self) -> bool:
        """A run is going and not paused."""
        return self.running and self._timer is not None and not self._timer.paused

    def _handle(self, cues: list[Cue]) -> None:
        self._announce(cues)
        self._refresh()
        if self._timer is not None and self._timer.done and self._poll.isActive():
            self._poll.stop()
            self.finished.emit(self._timer)
        self._announce_playing()

    def _announce_playing(self) -> None:
        if self.playing != self._was_playing:
            self._was_playing = self.playing
            self.playing_changed.emit(self._was_playing)

    def _announce(self, cues: list[Cue]) -> None:
        """Sound and voice for the newest cue only: after a stall, old news stays quiet."""
        if not cues or self._timer is None:
            return
        cue = cues[-1]
        if cue.kind in (CueKind.PAUSED, CueKind.RESUMED):
            return
        text = spoken(cue, self._timer, self._context.content.stretches)
        heard = self._cues.play(cue.kind, text) if self._cues is not None else False
        if cue.kind is not CueKind.COUNTDOWN and (self._flash_box.isChecked() or not heard):
            phase = self._timer.status(self._now()).underlying
            self._flash.flash(phase_colour(self._context.theme.palette, phase))

    # -- display -------------------------------------------------------------------------

    def _refresh(self) -> None:
        timer = self._timer
        if timer is None:
            return
        status = timer.status(self._now())
        segment = status.segment
        stretches = self._context.content.stretches
        self._ring.show_time(
            whole_seconds(status.remaining),
            status.fraction_left,
            status.underlying if status.phase is not Phase.PAUSED else Phase.PAUSED,
            PHASE_CAPTIONS[status.phase],
        )
        self._total_left.setText(f"{minutes_text(status.total_remaining)} left")
        self._pause.setText("Resume" if timer.paused else "Pause")
        self._stop.setText("Stop" if self.running else "Close")
        for widget in (self._back, self._pause, self._skip):
            widget.setEnabled(self.running)
        if segment is None:
            self._show_done(timer)
            return
        step = timer.routine.steps[segment.step]
        stretch = stretches.get(step.stretch)
        self._step_name.setText(stretch.name if stretch else step.stretch)
        self._step_count.setText(f"Stretch {segment.step + 1} of {len(timer.routine.steps)}")
        self._side.setText(side_text(segment.side) if segment.side is not Sides.NONE else "")
        self._rep.setText(f"Rep {segment.rep} of {step.reps}")
        self._set_next_up(next_up_text(timer, stretches, status.index))
        if stretch is not None:
            path = self._context.resources.asset(stretch.illustration)
            self._figure.set_svg(path, stretch.summary)
            self._form.setText("\n".join(f"•  {cue}" for cue in stretch.cues))
            self._anatomy.show_targets(stretch.targets)

    def _show_done(self, timer: RoutineTimer) -> None:
        self._step_name.setText("Routine complete" if not timer.abandoned else "Stopped")
        self._side.setText("")
        self._rep.setText("")
        self._set_next_up("—")
        self._end.show_summary(timer)

    # -- controls ------------------------------------------------------------------------

    def _on_pause_clicked(self) -> None:
        if self._timer is not None:
            self._handle(self._timer.toggle_pause(self._now()))

    def _on_back_clicked(self) -> None:
        if self._timer is not None:
            self._handle(self._timer.back(self._now()))

    def _on_skip_clicked(self) -> None:
        if self._timer is not None:
            self._handle(self._timer.skip(self._now()))

    def _on_stop_clicked(self) -> None:
        if not self.running or self._timer is None:
            self.close_requested.emit()
            return
        if self._end.asking:
            return
        # Pause while the question is open, so the countdown visibly waits for the answer.
        self._paused_to_ask = not self._timer.paused
        if self._paused_to_ask:
            self._handle(self._timer.toggle_pause(self._now()))
        self._end.ask(self._timer.routine.name)

    def _on_end_keep_going_requested(self) -> None:
        self._end.hide()
        if self._timer is not None and self._paused_to_ask and self._timer.paused:
            self._handle(self._timer.toggle_pause(self._now()))
        self._paused_to_ask = False

    def _on_end_stop_confirmed(self) -> None:
        self._paused_to_ask = False
        self.stop()

    def _on_mute_toggled(self, muted: bool) -> None:
        if self._cues is not None:
            self._cues.set_muted(muted)

    def _on_volume_value_changed(self, value: int) -> None:
        self._context.settings.volume = value  # remembered; a kiosk's policy sets the start
        if self._cues is not None:
            self._cues.set_volume(value / 100)

    def _on_settings_changed(self, name: str) -> None:
        if name == "volume":
            self._volume.setValue(self._context.settings.volume)

    def _apply_sound_state(self) -> None:
        cues = self._cues
        if cues is None or not (cues.has_sound or cues.has_speech):
            self._sound_note.setText("No sound on this device: the screen flashes instead")
            self._flash_box.setChecked(True)
            for widget in (self._mute, self._volume):
                widget.setEnabled(False)
            return
        cues.set_volume(self._volume.value() / 100)
        cues.set_muted(self._mute.isChecked())

    @property
    def sound_note(self) -> str:
        return self._sound_note.text()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._end.asking:
            self._answer_by_key(event)
            return
        actions = {
            Qt.Key.Key_Space: self._on_pause_clicked,
            Qt.Key.Key_Left: self._on_back_clicked,
            Qt.Key.Key_Right: self._on_skip_clicked,
            Qt.Key.Key_Escape: self._on_stop_clicked,
        }
        action = actions.get(Qt.Key(event.key()))
        if action is None:
            super().keyPressEvent(event)
            return
        action()

    def _answer_by_key(self, event: QKeyEvent) -> None:
        # While "Stop here?" is open: Enter stops, Esc (or Space) carries on.
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_end_stop_confirmed()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Space):
            self._on_end_keep_going_requested()
        else:
            super().keyPressEvent(event)


def _control(text: str, tip: str, *, primary: bool = False) -> QPushButton:
    widget = button(text, "primary" if primary else "")
    widget.setToolTip(tip)
    widget.setAccessibleName(tip)
    widget.setMinimumSize(150 if primary else 120, 60)  # touch-sized (≥ 9 mm)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to pause, not the button
    return widget
