"""The lab's loudspeaker: plays a recording's own samples, as an EMG machine does, and says
how far the listener has heard, so the trace can follow the sound.

QtMultimedia is imported only when a player is built; without it, its PulseAudio backend or
any output device, the player is simply silent (``has_sound`` is False) and the lab runs on
the clock instead.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject

from app.domain.emg.display import AudioPlayhead

#: Audio the output holds ahead of the listener. Small, so the heard position is close to
#: what the output reports and a stop is immediate.
BUFFER_SECONDS = 0.03


def _multimedia() -> Any | None:
    try:
        return importlib.import_module("PySide6.QtMultimedia")
    except (ImportError, OSError):
        return None


class EmgSound(QObject):
    """Plays 16-bit mono samples and reports the heard position.

    Args:
        wall: the monotonic clock the position is interpolated with (seconds).
    """

    def __init__(
        self, parent: QObject | None = None, wall: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self._wall = wall
        # QtMultimedia and its FFmpeg/PulseAudio backend cost about 30 MiB: loaded on the first
        # question about sound (the first Play), not when the lab page is built.
        self._opened = False
        self._module: Any | None = None
        self._device: Any | None = None
        self._sink: Any | None = None
        self._buffer: QBuffer | None = None
        self._playhead = AudioPlayhead(BUFFER_SECONDS)
        self._volume = 0.8
        self._muted = False

    def _open(self) -> None:
        if self._opened:
            return
        self._opened = True
        self._module = _multimedia()
        if self._module is not None:
            try:
                outputs = self._module.QMediaDevices.audioOutputs()
            except RuntimeError:
                outputs = []
            self._device = self._module.QMediaDevices.defaultAudioOutput() if outputs else None

    @property
    def has_sound(self) -> bool:
        self._open()
        return self._device is not None

    @property
    def playing(self) -> bool:
        return self._sink is not None

    def set_volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, volume))
        if self._sink is not None:
            self._sink.setVolume(0.0 if self._muted else self._volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        self.set_volume(self._volume)

    def play(self, samples: NDArray[np.int16], rate: int) -> bool:
        """Start playing ``samples`` from the beginning; False when there is no sound."""
        self.stop()
        self._open()
        if self._module is None or self._device is None:
            return False
        audio_format = self._module.QAudioFormat()
        audio_format.setSampleRate(rate)
        audio_format.setChannelCount(1)
        audio_format.setSampleFormat(self._module.QAudioFormat.SampleFormat.Int16)
        if not self._device.isFormatSupported(audio_format):
            return False
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(samples.astype("<i2").tobytes()))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        sink = self._module.QAudioSink(self._device, audio_format, self)
        sink.setBufferSize(round(rate * 2 * BUFFER_SECONDS))
        sink.setVolume(0.0 if self._muted else self._volume)
        self._playhead = AudioPlayhead(sink.bufferSize() / (rate * 2))
        self._sink = sink
        sink.start(self._buffer)
        return True

    def position(self) -> float | None:
        """Seconds of the samples heard so far, or ``None`` when nothing is playing (never
        started, stopped, or every sample played)."""
        if self._sink is None:
            return None
        assert self._module is not None
        # By name: the sink answers in QtAudio.State, never equal to the older QAudio.State.
        if self._sink.state().name == "IdleState":  # ran out: the end
            self.stop()
            return None
        processed = self._sink.processedUSecs() / 1e6
        return self._playhead.update(self._wall(), processed)

    def stop(self) -> None:
        sink, self._sink = self._sink, None
        if sink is not None:
            sink.stop()
            sink.deleteLater()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
