"""A whole needle-EMG study of one scenario, rendered to one signal with its list of events.

The same samples are drawn on screen and sent to the loudspeaker, as on a real EMG machine,
so what is heard is what is seen. Deterministic: one seed, one study.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from app.domain.emg import firing, potentials
from app.domain.emg.potentials import Samples, UnitShape
from app.domain.emg.scenarios import EFFORT, PHASES, REST, STUDY_SECONDS, MuscleState, Scenario

#: Samples per second: enough for the briefest potentials and for the loudspeaker.
RATE = 24_000
#: Baseline noise of electrode and amplifier, microvolts (RMS).
NOISE_UV = 5.0
_POOL = 20  # units the needle hears in healthy muscle
_NEEDLE_MOVED = 0.1  # seconds into the study


class DischargeKind(StrEnum):
    INSERTIONAL = "insertional"
    FASCICULATION = "fasciculation"
    FIBRILLATION = "fibrillation"
    SHARP_WAVE = "positive sharp wave"
    VOLUNTARY = "voluntary unit"


@dataclass(frozen=True)
class Discharge:
    """One potential in the study: its peak's time (s), kind, source and peak size (µV)."""

    time: float
    kind: DischargeKind
    source: int
    peak_uv: float


@dataclass(frozen=True)
class Recording:
    """A rendered study: the signal (µV, negative up) and every discharge in it, by time."""

    signal: Samples
    rate: int
    events: tuple[Discharge, ...]

    @property
    def seconds(self) -> float:
        return self.signal.size / self.rate

    def of_kind(self, kind: DischargeKind) -> tuple[Discharge, ...]:
        return tuple(e for e in self.events if e.kind is kind)


def _survivors(muscle: MuscleState) -> list[int]:
    """Ranks (in the healthy pool) of the units left, spread across the pool."""
    return [int(i) for i in np.linspace(0, _POOL - 1, muscle.units).round()]


def unit_shapes(muscle: MuscleState) -> list[UnitShape]:
    """The surviving units, smallest (recruited first) to largest: the size principle."""
    shapes = []
    for rank in _survivors(muscle):
        size = 250.0 + 1250.0 * rank / (_POOL - 1)
        width = 1.35 + 0.3 * rank / (_POOL - 1)
        shapes.append(UnitShape(size * muscle.unit_size, width * muscle.unit_width, muscle.phases))
    return shapes


def unit_thresholds(muscle: MuscleState) -> list[float]:
    """Recruitment thresholds of the surviving units, spread across the healthy pool's range,
    so a depleted pool leaves gaps that only faster firing can fill."""
    healthy = firing.thresholds(_POOL)
    return [healthy[rank] for rank in _survivors(muscle)]


class _Canvas:
    """The signal being built, and the events placed on it."""

    def __init__(self, rate: int, rng: np.random.Generator) -> None:
        self.rate = rate
        self.signal = rng.normal(0.0, NOISE_UV, round(STUDY_SECONDS * rate))
        self.events: list[Discharge] = []

    def place(self, wave: Samples, time: float, kind: DischargeKind, source: int) -> None:
        anchor = int(np.argmax(np.abs(wave)))
        start = round(time * self.rate) - anchor
        lo, hi = max(0, start), min(self.signal.size, start + wave.size)
        if lo >= hi:
            return
        self.signal[lo:hi] += wave[lo - start : hi - start]
        self.events.append(Discharge(time, kind, source, float(wave[anchor])))


def render(scenario: Scenario, seed: int = 0, rate: int = RATE) -> Recording:
    """The whole study of ``scenario``: insertion, rest, gentle and strong effort, relaxing."""
    muscle = scenario.muscle
    canvas = _Canvas(rate, np.random.default_rng([seed, 0]))
    _insertion(canvas, muscle, np.random.default_rng([seed, 1]))
    _denervation(canvas, muscle, np.random.default_rng([seed, 2]))
    _fasciculations(canvas, muscle, np.random.default_rng([seed, 3]))
    _voluntary(canvas, muscle, np.random.default_rng([seed, 4]))
    events = tuple(sorted(canvas.events, key=lambda e: e.time))
    return Recording(canvas.signal, rate, events)


def _insertion(canvas: _Canvas, muscle: MuscleState, rng: np.random.Generator) -> None:
    """A crackle of brief fibre discharges as the needle injures and irritates fibres."""
    stop = _NEEDLE_MOVED + muscle.insertion_ms / 1000
    for time in firing.random_train(120.0, _NEEDLE_MOVED, stop, rng, gap=0.002):
        fade = 1.0 - 0.7 * (time - _NEEDLE_MOVED) / (stop - _NEEDLE_MOVED)
        size = rng.uniform(80.0, 400.0) * fade
        wave = potentials.fibrillation(size, canvas.rate, width_ms=rng.uniform(0.25, 0.5))
        canvas.place(wave, time, DischargeKind.INSERTIONAL, 0)


def _denervation(canvas: _Canvas, muscle: MuscleState, rng: np.random.Generator) -> None:
    """Denervated fibres firing like pacemakers from after the insertion to the end."""
    start, stop = PHASES[0].stop * 0.5, STUDY_SECONDS
    for fibre in range(muscle.fibrillating_fibres):
        wave = potentials.fibrillation(rng.uniform(50.0, 200.0), canvas.rate)
        for time in firing.regular_train(rng.uniform(2.0, 12.0), start, stop, rng):
            canvas.place(wave, time, DischargeKind.FIBRILLATION, fibre)
    for fibre in range(muscle.sharp_wave_fibres):
        wave = potentials.positive_sharp_wave(rng.uniform(100.0, 300.0), canvas.rate)
        for time in firing.regular_train(rng.uniform(1.5, 8.0), start, stop, rng):
            canvas.place(wave, time, DischargeKind.SHARP_WAVE, fibre)


def _fasciculations(canvas: _Canvas, muscle: MuscleState, rng: np.random.Generator) -> None:
    """Whole motor units firing on their own, at random, while the muscle rests."""
    if muscle.fasciculations_hz <= 0:
        return
    shapes = unit_shapes(muscle)
    for time in firing.random_train(muscle.fasciculations_hz, REST.start, REST.stop, rng, 0.4):
        unit = int(rng.integers(len(shapes)))
        shape = shapes[unit]
        if muscle.complex_fasciculations and rng.random() < 0.5:
            shape = UnitShape(shape.amplitude_uv * 1.4, shape.width_ms * 1.2, shape.phases + 2)
        canvas.place(
            potentials.motor_unit(shape, canvas.rate), time, DischargeKind.FASCICULATION, unit
        )


def _voluntary(canvas: _Canvas, muscle: MuscleState, rng: np.random.Generator) -> None:
    """Units recruited in order of threshold as effort rises, each at its own rate."""
    window = (PHASES[2].start, PHASES[3].stop)
    shapes, limits = unit_shapes(muscle), unit_thresholds(muscle)
    for unit, (shape, threshold) in enumerate(zip(shapes, limits, strict=True)):
        wave = potentials.motor_unit(shape, canvas.rate)
        for time in firing.voluntary_train(threshold, muscle.rate_gain, EFFORT, window, rng):
            scale = max(0.3, 1.0 + muscle.unstable * rng.standard_normal())
            canvas.place(wave * scale, time, DischargeKind.VOLUNTARY, unit)
