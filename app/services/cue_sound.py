"""One short cue sound, played through a ``QAudioSink`` rather than ``QSoundEffect``.

Qt 6.11's ``QSoundEffect`` mixes on a real-time audio thread and deletes a finished voice
there, but the voice's wake-up notifier belongs to the UI thread: Qt warns "Socket notifiers
cannot be enabled or disabled from another thread", and from then on the UI thread spins on a
dead socket at full CPU for good. CI caught it in a kiosk left playing a routine with sound
(forty million log lines, the screen reader tree gone). A sink per play, fed from the WAV's
samples held in memory and deleted on the UI thread, never goes near that engine; it is what
the EMG lab's sound has always used.
"""

from __future__ import annotations

import wave
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal

#: Longest cue file read (the shipped ones are under 100 KiB).
MAX_BYTES = 2 * 1024 * 1024


class CueSound(QObject):
    """A WAV file's samples, ready to play on ``device`` (names follow ``QSoundEffect``).

    Signals:
        started(): the sound card began taking this play's samples.
    """

    started = Signal()

    def __init__(self, multimedia: Any, device: Any, path: Path, parent: QObject) -> None:
        super().__init__(parent)
        self._multimedia = multimedia
        self._device = device
        self._volume = 0.8
        self._muted = False
        self._sink: Any | None = None
        self._heard = False  # started was emitted for this play
        self._buffer: QBuffer | None = None
        self._format: Any | None = None
        self._samples = QByteArray()
        self._load(path)

    def _load(self, path: Path) -> None:
        try:
            if path.stat().st_size > MAX_BYTES:
                return
            with wave.open(str(path), "rb") as reader:
                width, channels, rate = (
                    reader.getsampwidth(),
                    reader.getnchannels(),
                    reader.getframerate(),
                )
                frames = reader.readframes(reader.getnframes())
        except (OSError, EOFError, wave.Error):
            return
        kinds = self._multimedia.QAudioFormat.SampleFormat
        sample_format = {1: kinds.UInt8, 2: kinds.Int16, 4: kinds.Int32}.get(width)
        if sample_format is None:
            return
        audio_format = self._multimedia.QAudioFormat()
        audio_format.setSampleRate(rate)
        audio_format.setChannelCount(channels)
        audio_format.setSampleFormat(sample_format)
        if self._device.isFormatSupported(audio_format):
            self._format = audio_format
            self._samples = QByteArray(frames)

    def isLoaded(self) -> bool:  # noqa: N802 - QSoundEffect's name
        return self._format is not None

    def isPlaying(self) -> bool:  # noqa: N802
        return self._sink is not None and self._sink.state().name == "ActiveState"

    def volume(self) -> float:
        return self._volume

    def setVolume(self, volume: float) -> None:  # noqa: N802
        self._volume = volume
        self._apply_volume()

    def setMuted(self, muted: bool) -> None:  # noqa: N802
        self._muted = muted
        self._apply_volume()

    def play(self) -> None:
        """Start from the beginning (a cue already sounding is cut off, as QSoundEffect does)."""
        self.stop()
        if self._format is None:
            return
        buffer = QBuffer(self)
        buffer.setData(self._samples)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        sink = self._multimedia.QAudioSink(self._device, self._format, self)
        self._sink, self._buffer = sink, buffer
        self._apply_volume()
        self._heard = False
        sink.stateChanged.connect(self._on_sink_state_changed)
        sink.start(buffer)
        self._on_sink_state_changed()  # a pulled sink may be active at once, without saying so

    def stop(self) -> None:
        sink, self._sink = self._sink, None
        if sink is not None:
            sink.stateChanged.disconnect(self._on_sink_state_changed)
            sink.stop()
            sink.deleteLater()
        buffer, self._buffer = self._buffer, None
        if buffer is not None:
            buffer.close()
            buffer.deleteLater()

    def _apply_volume(self) -> None:
        if self._sink is not None:
            self._sink.setVolume(0.0 if self._muted else self._volume)

    def _on_sink_state_changed(self) -> None:
        # The state is read back, not taken from the signal (PySide cannot hand a
        # QAudio::State to a Python slot), and told by name: the sink answers in
        # QtAudio.State, which never compares equal to the older QAudio.State.
        if self._sink is None:
            return
        state = self._sink.state().name
        if state == "ActiveState" and not self._heard:
            self._heard = True
            self.started.emit()
        elif state == "IdleState":
            self.stop()  # every sample played: let the sink go, on this (the UI) thread
