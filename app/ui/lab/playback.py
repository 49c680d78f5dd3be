"""Plays a recording on screen and through the loudspeaker, with one notion of "now".

When sound plays, the trace follows what the listener has heard (the audio output's own
clock), so a slow-starting or stalling sound card cannot pull picture and sound apart. Without
sound it follows the app's clock.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.domain.emg.display import to_pcm16
from app.domain.emg.study import Recording
from app.services.clock import Clock
from app.services.emg_audio import EmgSound

FRAME_MS = 16


class Playback(QObject):
    """Drives the frames of one recording.

    Signals:
        frame(float): seconds of the recording to show now.
        running_changed(bool): playing started or stopped (by the end, or on request).
    """

    frame = Signal(float)
    running_changed = Signal(bool)

    def __init__(self, clock: Clock, sound: EmgSound | None, parent: QObject | None = None):
        super().__init__(parent)
        self._clock = clock
        self.sound = sound
        self._recording: Recording | None = None
        self._started = 0.0
        self._audible = False
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self._recording is not None

    @property
    def audible(self) -> bool:
        """Whether the loudspeaker is playing this recording."""
        return self._audible

    def start(self, recording: Recording) -> None:
        self.stop()
        self._recording = recording
        self._audible = self.sound is not None and self.sound.play(
            to_pcm16(recording.signal), recording.rate
        )
        self._started = self._clock.monotonic()
        self._timer.start()
        self.running_changed.emit(True)
        self.tick()

    def playhead(self) -> float:
        """Seconds into the recording that should be on screen now."""
        recording = self._recording
        if recording is None:
            return 0.0
        if self._audible and self.sound is not None:
            heard = self.sound.position()
            return recording.seconds if heard is None else heard
        return self._clock.monotonic() - self._started

    def tick(self) -> None:
        """Show the current frame; stop at the end of the recording."""
        recording = self._recording
        if recording is None:
            return
        now = min(self.playhead(), recording.seconds)
        self.frame.emit(now)
        if now >= recording.seconds:
            self.stop()

    def stop(self) -> None:
        if self._recording is None:
            return
        self._recording = None
        self._timer.stop()
        if self.sound is not None:
            self.sound.stop()
        self._audible = False
        self.running_changed.emit(False)
