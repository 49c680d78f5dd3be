"""Turning a recording into what the lab shows and plays: sweep frames, loudspeaker samples,
and where the playback has got to.

An EMG screen sweeps left to right and overwrites the previous sweep behind a small gap. Each
frame only slices a min/max envelope computed once per recording, so a frame costs the same
however long the recording is.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from app.domain.emg.potentials import Samples

#: Signal level (µV) that drives the loudspeaker to about three-quarters of full scale. Larger
#: potentials are softly limited, as a real EMG amplifier's loudspeaker channel does.
SPEAKER_FULL_SCALE_UV = 2500.0


class SweepEnvelope:
    """Min/max per screen column for every sweep of a signal.

    Args:
        signal: the samples, microvolts.
        rate: samples per second.
        sweep_seconds: time across the screen.
        columns: envelope columns per sweep (about one per pixel).
    """

    def __init__(self, signal: Samples, rate: int, sweep_seconds: float, columns: int) -> None:
        self.per_column = max(1, round(sweep_seconds * rate / columns))
        self.columns = columns
        self.rate = rate
        self.sweep_seconds = self.per_column * columns / rate
        sweeps = -(-signal.size // (self.per_column * columns))
        padded = np.zeros(sweeps * columns * self.per_column)
        padded[: signal.size] = signal
        blocks = padded.reshape(sweeps * columns, self.per_column)
        self._low = blocks.min(axis=1)
        self._high = blocks.max(axis=1)
        self._length = signal.size
        # x of each column, each twice (min then max), in milliseconds across the screen
        column_ms = np.arange(columns) * self.sweep_seconds * 1000 / columns
        self.x_ms: NDArray[np.float64] = np.repeat(column_ms, 2)

    def frame(self, playhead: float, gap_columns: int = 6) -> NDArray[np.float64]:
        """The y values (min, max per column) at ``playhead`` seconds; NaN where the screen is
        blank (the gap ahead of the newest sample, and before the first sweep)."""
        done = min(self._length, max(0, round(playhead * self.rate))) // self.per_column
        sweep, filled = divmod(done, self.columns)
        y = np.full(2 * self.columns, np.nan)
        now = sweep * self.columns
        y[0 : 2 * filled : 2] = self._low[now : now + filled]
        y[1 : 2 * filled : 2] = self._high[now : now + filled]
        resume = filled + gap_columns
        if sweep > 0 and resume < self.columns:
            before = now - self.columns
            y[2 * resume :: 2] = self._low[before + resume : now]
            y[2 * resume + 1 :: 2] = self._high[before + resume : now]
        return y


def to_pcm16(signal_uv: Samples) -> NDArray[np.int16]:
    """Loudspeaker samples (16-bit) from the signal itself, softly limited."""
    level = np.tanh(signal_uv / (SPEAKER_FULL_SCALE_UV / 0.75 * 0.97))
    return np.asarray(np.round(level * 32000), dtype=np.int16)


@dataclass
class AudioPlayhead:
    """Where the loudspeaker has got to, from an audio output's "processed" counter.

    The counter says how much the sound system has taken from us, which runs ahead of what is
    heard by the output's buffer, and it moves in steps of one buffer. Between steps the
    estimate runs on with the wall clock, never past the counter and never backwards.

    Args:
        latency: seconds the output buffers ahead of what is heard.
    """

    latency: float
    _anchor_wall: float = 0.0
    _anchor_processed: float = -1.0
    _last: float = 0.0

    def update(self, wall: float, processed: float) -> float:
        """The heard position (s) at ``wall`` seconds, given the ``processed`` counter (s)."""
        if processed != self._anchor_processed:
            self._anchor_wall, self._anchor_processed = wall, processed
        heard = self._anchor_processed - self.latency + (wall - self._anchor_wall)
        heard = min(heard, self._anchor_processed)
        self._last = max(self._last, heard, 0.0)
        return self._last
