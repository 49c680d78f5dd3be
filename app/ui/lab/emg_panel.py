"""The needle-EMG half of the lab: pick a scenario, read what it shows, watch and listen."""

from __future__ import annotations

import bisect
from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.emg.scenarios import SCENARIOS, Scenario, phase_at, scenario
from app.domain.emg.study import DischargeKind, Recording, render
from app.services.clock import Clock
from app.services.emg_audio import EmgSound
from app.ui.lab.playback import Playback
from app.ui.lab.responsive import ResponsiveRow
from app.ui.lab.sweep_plot import EFFORT_RANGE_UV, REST_RANGE_UV, SweepPlot
from app.ui.theme import Theme
from app.ui.widgets import button, label, make_scroll_stop

#: Spontaneous discharges counted under the trace, with how the count names them.
_COUNTED = {
    DischargeKind.FASCICULATION: "fasciculation potentials",
    DischargeKind.FIBRILLATION: "fibrillation potentials",
    DischargeKind.SHARP_WAVE: "positive sharp waves",
}


SIDE_WIDTH = 420


class EmgPanel(QWidget):
    """Scenario buttons and explanation on the left; the live trace and controls on the right.

    Signals:
        frame_shown(float): a frame was drawn up to this many seconds of the study.
        lesson_requested(str): the learner asked for the lesson behind the lab (a link).
    """

    frame_shown = Signal(float)
    lesson_requested = Signal(str)

    def __init__(
        self,
        theme: Theme,
        clock: Clock,
        sound: EmgSound | None,
        parent: QWidget | None = None,
        *,
        deferred_plot: bool = False,
    ) -> None:
        super().__init__(parent)
        self.playback = Playback(clock, sound, self)
        self.playback.frame.connect(self._on_playback_frame)
        self.playback.running_changed.connect(self._on_playback_running_changed)
        self.plot = SweepPlot(theme, deferred=deferred_plot)
        self._scenario = SCENARIOS[0]
        self._recording: Recording | None = None
        self._seed = 0
        self._event_times: list[float] = []
        self._build(sound)
        self.select(SCENARIOS[0].id)

    def _build(self, sound: EmgSound | None) -> None:
        self.scenario_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        picker = QGridLayout()
        picker.setSpacing(8)
        for index, option in enumerate(SCENARIOS):
            choice = button(option.title)
            choice.setCheckable(True)
            choice.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            choice.clicked.connect(lambda _=False, sid=option.id: self.select(sid))
            group.addButton(choice)
            picker.addWidget(choice, index, 0)
            self.scenario_buttons[option.id] = choice
        self.summary = label("", "h3")
        self.shows = label("")
        self.not_shown = label("")
        self.listen = label("", "muted")
        lesson = self.lesson_button = button("Read the EMG lesson", "link")
        lesson.clicked.connect(lambda: self.lesson_requested.emit("lesson:diagnosis#emg"))
        explained = QWidget()
        side = QVBoxLayout(explained)
        side.setContentsMargins(0, 0, 12, 0)
        side.setSpacing(10)
        for heading, text in (
            ("", self.summary),
            ("What it shows", self.shows),
            ("What it does not show", self.not_shown),
            ("What you hear", self.listen),
        ):
            if heading:
                side.addWidget(label(heading, "eyebrow"))
            side.addWidget(text)
        side.addWidget(lesson, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        # The explanation scrolls on small screens and at large text; the picker stays put.
        scroller = self._scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(explained)
        make_scroll_stop(scroller, "About this trace")
        self._explanation = side
        left_side = QWidget()
        left_side.setMaximumWidth(SIDE_WIDTH)  # the trace gets the rest of the width
        left = QVBoxLayout(left_side)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(12)
        left.addLayout(picker)
        left.addWidget(scroller, 1)
        self._layout(left_side, sound)

    def _layout(self, left: QWidget, sound: EmgSound | None) -> None:
        # These change a few times per study; the clock and the running counts, which change
        # every frame, are drawn inside the plot (see SweepPlot.set_texts).
        self.phase = label("", "h2")
        self.gain = label("", "muted", wrap=False)
        self.play_button = button("Play the study", "primary")
        self.play_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.play_button.clicked.connect(self._on_play_clicked)
        self.sound_box = QCheckBox("Sound")
        self.sound_box.setChecked(True)
        self._sound = sound
        # Whether there is a device is asked at the first Play (the audio stack is big).
        if sound is None:
            self._say_no_sound()
        self.sound_box.toggled.connect(self._on_sound_toggled)
        top = QHBoxLayout()
        top.addWidget(self.phase, 1)
        top.addWidget(self.gain)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.sound_box)
        controls.addStretch(1)
        screen = QWidget()
        right = QVBoxLayout(screen)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(top)
        right.addWidget(self.plot, 1)
        right.addLayout(controls)
        self._row = ResponsiveRow(self, left, screen, SIDE_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        self._row.fit(width)
        for choice in self.scenario_buttons.values():
            # Held at their full height: when the page is short they must not be squeezed.
            choice.setMinimumHeight(choice.sizeHint().height())
        # Stacked, the explanation shows whole (the page scrolls); side by side it scrolls
        # on its own beside the trace.
        whole = self._explanation.totalHeightForWidth(width) if self._row.stacked else 0
        self._scroller.setMinimumHeight(max(0, whole))
        super().resizeEvent(event)

    # --- public ------------------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def recording(self) -> Recording | None:
        """The study on screen (rendered when first played or shown)."""
        return self._recording

    def select(self, scenario_id: str) -> None:
        """Show a scenario's explanation, ready to play (the study is rendered when needed:
        it takes a noticeable fraction of a second)."""
        self.playback.stop()
        self._scenario = scenario(scenario_id)
        self.scenario_buttons[scenario_id].setChecked(True)
        for choice in self.scenario_buttons.values():
            choice.updateGeometry()  # the checked style has a thicker border: re-measure
        self.summary.setText(self._scenario.summary)
        self.shows.setText(self._scenario.shows)
        self.not_shown.setText(self._scenario.does_not_show)
        self.listen.setText(self._scenario.listen)
        self._seed = 0
        self._recording = None
        self._event_times = []
        self.plot.clear()
        self._on_playback_frame(0.0)
        self.phase.setText("Ready: press Play to run the study")

    def play(self) -> None:
        """Play the study from the start (with a fresh seed after the first time)."""
        self._load()
        assert self._recording is not None
        self.playback.start(self._recording)
        self._seed += 1
        if self._sound is not None and not self._sound.has_sound:
            self._say_no_sound()

    def _say_no_sound(self) -> None:
        self.sound_box.setEnabled(False)
        self.sound_box.setText("Sound (no sound device here)")

    def stop(self) -> None:
        self.playback.stop()

    def show_at(self, seconds: float) -> None:
        """Draw the study up to ``seconds`` without playing (a still, e.g. for screenshots)."""
        if self._recording is None:
            self._load()
        self._on_playback_frame(seconds)

    # --- drawing -----------------------------------------------------------------------------

    def _load(self) -> None:
        self._recording = render(self._scenario, self._seed)
        self._event_times = [event.time for event in self._recording.events]
        self.plot.set_recording(self._recording)

    def _on_playback_frame(self, seconds: float) -> None:
        phase = phase_at(seconds)
        self.plot.set_range(EFFORT_RANGE_UV if phase.effort else REST_RANGE_UV)
        self.plot.show_at(seconds)
        if self.phase.text() != phase.name:
            self.phase.setText(phase.name)
        gain = f"{self.plot.range_uv / 5:g} µV per division"
        if self.gain.text() != gain:
            self.gain.setText(gain)
        self.plot.set_texts(f"{seconds:.1f} s", self._counts_text(seconds))
        self.frame_shown.emit(seconds)

    def _counts_text(self, seconds: float) -> str:
        recording = self._recording
        if recording is None:
            return ""
        seen = recording.events[: bisect.bisect_right(self._event_times, seconds)]
        tally = Counter(event.kind for event in seen if event.kind in _COUNTED)
        if not tally:
            return "No spontaneous discharges so far."
        parts = [f"{tally[kind]} {name}" for kind, name in _COUNTED.items() if tally[kind]]
        return "So far: " + ", ".join(parts) + "."

    # --- events ------------------------------------------------------------------------------

    def _on_play_clicked(self) -> None:
        if self.playback.running:
            self.stop()
        else:
            self.play()

    def _on_playback_running_changed(self, running: bool) -> None:
        self.play_button.setText("Stop" if running else "Play the study")

    def _on_sound_toggled(self, on: bool) -> None:
        if self.playback.sound is not None:
            self.playback.sound.set_muted(not on)
