"""The shapes of single discharges a needle electrode picks up, sampled at a given rate.

Sizes and durations follow the usual textbook figures for needle EMG (Preston & Shapiro,
*Electromyography and Neuromuscular Disorders*; Kimura, *Electrodiagnosis in Diseases of Nerve
and Muscle*): a normal motor-unit potential lasts about 5-15 ms and measures a few hundred
microvolts to about 2 mV; a fibrillation potential lasts 1-5 ms at 20-200 µV and starts with a
positive phase; a positive sharp wave drops sharply positive and returns slowly over 10-30 ms.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Samples = NDArray[np.float64]


@dataclass(frozen=True)
class UnitShape:
    """A motor unit's potential: peak size, spread in time, and how many phases it has.

    Attributes:
        amplitude_uv: height of the main (negative) peak, microvolts.
        width_ms: spread of each phase; duration is about 6.5 x this.
        phases: 3 for a simple triphasic unit; more for a polyphasic (reinnervated) one.
    """

    amplitude_uv: float
    width_ms: float
    phases: int = 3


def _times_ms(span_ms: float, rate: int) -> Samples:
    count = round(span_ms * rate / 1000)
    return (np.arange(count) - count // 2) * 1000.0 / rate


def _hat(t_ms: Samples, width_ms: float) -> Samples:
    """A negative peak with a positive lobe either side (the triphasic motor-unit shape)."""
    x = t_ms / width_ms
    return -(1.0 - x * x) * np.exp(-0.5 * x * x)


def motor_unit(shape: UnitShape, rate: int) -> Samples:
    """One motor-unit potential, centred in its window.

    A polyphasic unit is several triphasic components, slightly staggered in time with
    alternating size, which is how late, slowly conducting reinnervated branches add phases.
    """
    # The first added component merges into the last lobe; each one after adds a phase.
    extra = shape.phases - 2 if shape.phases > 3 else 0
    t = _times_ms(shape.width_ms * (10 + 1.1 * extra), rate)
    wave = _hat(t, shape.width_ms)
    for index in range(extra):
        offset = shape.width_ms * (1.2 + 1.1 * index)
        size = 0.7 if index % 2 == 0 else -0.6
        wave += size * _hat(t - offset, shape.width_ms * 0.55)
    return np.asarray(shape.amplitude_uv * wave / np.max(np.abs(wave)))


def fibrillation(amplitude_uv: float, rate: int, width_ms: float = 0.35) -> Samples:
    """A fibrillation potential: a brief biphasic spike from one denervated muscle fibre,
    positive (drawn downward) first."""
    t = _times_ms(width_ms * 10, rate)
    x = t / width_ms
    return np.asarray(-amplitude_uv * x * np.exp(0.5 - 0.5 * x * x))


def positive_sharp_wave(amplitude_uv: float, rate: int, slow_ms: float = 4.0) -> Samples:
    """A positive sharp wave: a sharp positive drop, then a slow, shallow negative return.

    The fibre's discharge is blocked at the needle, so the recorded wave never turns into a
    full spike; the slow return is what gives it its dull "thud" on the loudspeaker.
    """
    t = _times_ms(slow_ms * 12, rate) + slow_ms * 5
    sharp = amplitude_uv * np.exp(-0.5 * (t / 0.4) ** 2)
    after = np.clip(t - 1.0, 0.0, None) / slow_ms
    slow = -0.3 * amplitude_uv * after * np.exp(1.0 - after)
    return np.asarray(sharp + slow)


def duration_ms(wave: Samples, rate: int, fraction: float = 0.05) -> float:
    """How long a potential is: first to last sample above ``fraction`` of its peak.

    Clinical machines mark the departure from and return to baseline; a fixed fraction of the
    peak is the simple, repeatable stand-in.
    """
    above = np.flatnonzero(np.abs(wave) >= fraction * np.max(np.abs(wave)))
    return float((above[-1] - above[0]) * 1000.0 / rate) if above.size else 0.0


def count_phases(wave: Samples, fraction: float = 0.05) -> int:
    """Phases: runs of one sign among samples above ``fraction`` of the peak."""
    floor = fraction * np.max(np.abs(wave))
    signs = np.sign(wave[np.abs(wave) >= floor])
    return int(np.count_nonzero(np.diff(signs)) + 1) if signs.size else 0
