"""Short traces named by id, for quiz questions that ask the learner to read a trace.

Each is one second (half a second for units) of one kind of activity, rendered from the same
potentials and firing rules as the lab's studies, so a question shows what the lab plays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from app.domain.emg import firing, potentials
from app.domain.emg.potentials import Samples, UnitShape
from app.domain.emg.study import NOISE_UV

RATE = 10_000  # plenty for a thumbnail a few hundred pixels wide


@dataclass(frozen=True)
class TraceSample:
    """A named trace: samples (µV, negative up), their rate, what it shows, and the
    microvolts from the middle to the edge of the screen it is drawn on (the gain a machine
    would use: high at rest, lower during effort)."""

    id: str
    title: str
    signal: Samples
    rate: int
    span_uv: float


def _blank(seconds: float, rng: np.random.Generator) -> Samples:
    return rng.normal(0.0, NOISE_UV, round(seconds * RATE))


def _add(signal: Samples, wave: Samples, times: Samples) -> None:
    anchor = int(np.argmax(np.abs(wave)))
    for time in times:
        start = round(time * RATE) - anchor
        lo, hi = max(0, start), min(signal.size, start + wave.size)
        if lo < hi:
            signal[lo:hi] += wave[lo - start : hi - start]


def _rest(rng: np.random.Generator) -> Samples:
    return _blank(1.0, rng)


def _fibrillations(rng: np.random.Generator) -> Samples:
    signal = _blank(1.0, rng)
    for rate, size in ((7.0, 120.0), (11.0, 70.0)):
        times = firing.regular_train(rate, 0.0, 1.0, rng)
        _add(signal, potentials.fibrillation(size, RATE), times)
    return signal


def _sharp_waves(rng: np.random.Generator) -> Samples:
    signal = _blank(1.0, rng)
    for rate, size in ((4.0, 220.0), (6.5, 140.0)):
        times = firing.regular_train(rate, 0.0, 1.0, rng)
        _add(signal, potentials.positive_sharp_wave(size, RATE), times)
    return signal


def _fasciculation(rng: np.random.Generator) -> Samples:
    signal = _blank(1.0, rng)
    wave = potentials.motor_unit(UnitShape(700.0, 1.5), RATE)
    _add(signal, wave, np.asarray([rng.uniform(0.3, 0.7)]))
    return signal


def _units(
    size: float, width: float, phases: int, rate_hz: float, count: int
) -> Callable[[np.random.Generator], Samples]:
    def make(rng: np.random.Generator) -> Samples:
        signal = _blank(0.5, rng)
        for index in range(count):
            shape = UnitShape(size * (1 + 0.5 * index), width, phases)
            times = firing.regular_train(rate_hz + 3 * index, 0.0, 0.5, rng, jitter=0.1)
            _add(signal, potentials.motor_unit(shape, RATE), times)
        return signal

    return make


REST_SPAN_UV = 600.0
EFFORT_SPAN_UV = 5000.0

_MAKERS: dict[str, tuple[str, float, Callable[[np.random.Generator], Samples]]] = {
    "rest-silent": ("Relaxed muscle, silent", REST_SPAN_UV, _rest),
    "fibrillations": ("Fibrillation potentials", REST_SPAN_UV, _fibrillations),
    "positive-sharp-waves": ("Positive sharp waves", REST_SPAN_UV, _sharp_waves),
    "fasciculation": ("A single fasciculation potential", REST_SPAN_UV, _fasciculation),
    "normal-units": (
        "Normal motor units, gentle effort",
        EFFORT_SPAN_UV,
        _units(450.0, 1.5, 3, 7.0, 2),
    ),
    "large-units": (
        "Large polyphasic units firing fast",
        EFFORT_SPAN_UV,
        _units(3000.0, 2.3, 5, 18.0, 1),
    ),
}

SAMPLE_IDS = tuple(_MAKERS)


def trace_sample(sample_id: str, seed: int = 0) -> TraceSample:
    """The trace named ``sample_id`` (``KeyError`` for an unknown id)."""
    title, span, make = _MAKERS[sample_id]
    return TraceSample(sample_id, title, make(np.random.default_rng(seed)), RATE, span)
