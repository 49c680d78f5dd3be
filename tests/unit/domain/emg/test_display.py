"""What the screen and the loudspeaker get: sweep frames, speaker samples, heard position."""

from __future__ import annotations

import numpy as np
import pytest

from app.domain.emg.display import SPEAKER_FULL_SCALE_UV, AudioPlayhead, SweepEnvelope, to_pcm16

RATE = 1000


def test_sweep_frame_shows_the_current_sweep_then_a_gap_then_the_previous_one() -> None:
    """1 s sweeps of 10 columns: at 1.35 s the first 3 columns come from the second sweep,
    then a blank gap, then the rest of the first sweep."""
    signal = np.arange(3000, dtype=float)  # each sample's value is its index
    envelope = SweepEnvelope(signal, RATE, 1.0, 10)
    y = envelope.frame(1.35, gap_columns=2)
    lows, highs = y[0::2], y[1::2]
    assert list(lows[:3]) == [1000, 1100, 1200]
    assert list(highs[:3]) == [1099, 1199, 1299]
    assert np.isnan(lows[3:5]).all()
    assert list(lows[5:]) == [500, 600, 700, 800, 900]


def test_sweep_frame_before_anything_is_blank_and_the_first_sweep_has_no_past() -> None:
    envelope = SweepEnvelope(np.ones(3000), RATE, 1.0, 10)
    assert np.isnan(envelope.frame(0.0)).all()
    y = envelope.frame(0.5, gap_columns=2)
    assert not np.isnan(y[:10]).any()
    assert np.isnan(y[10:]).all()


def test_speaker_samples_follow_the_signal_and_are_limited_softly() -> None:
    """Small potentials come out proportional; huge ones are limited below full scale."""
    pcm = to_pcm16(np.array([0.0, 100.0, -100.0, 200.0, 1e6, -1e6]))
    assert pcm[0] == 0
    assert pcm[1] == -pcm[2]
    assert pcm[3] == pytest.approx(2 * pcm[1], rel=0.02)
    assert 30_000 < pcm[4] <= 32_767
    assert to_pcm16(np.array([SPEAKER_FULL_SCALE_UV]))[0] == pytest.approx(0.64 * 32000, rel=0.05)


def test_heard_position_lags_the_output_by_its_buffer_and_runs_on_between_steps() -> None:
    """The output reports in 30 ms steps and buffers 30 ms: the estimate is 30 ms behind
    each step, runs on with the wall clock, never passes the counter, never goes back."""
    playhead = AudioPlayhead(latency=0.03)
    assert playhead.update(10.000, 0.0) == 0.0
    assert playhead.update(10.030, 0.06) == pytest.approx(0.03)
    assert playhead.update(10.045, 0.06) == pytest.approx(0.045)
    assert playhead.update(10.200, 0.06) == pytest.approx(0.06)  # stalled: waits at the counter
    assert playhead.update(10.210, 0.06) == pytest.approx(0.06)
    assert playhead.update(10.220, 0.07) == pytest.approx(0.06)  # never backwards
