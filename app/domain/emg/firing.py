"""When potentials fire: regular pacemakers, random (Poisson) discharges, and voluntary
recruitment of motor units as effort rises.

Fibrillations and positive sharp waves fire very regularly (0.5-15 Hz); fasciculations fire at
random, seconds apart; voluntary units start at about 5 Hz and, in healthy muscle, a new unit
joins before the first passes about 10-15 Hz (a recruitment ratio near 5). When units are lost,
the survivors must fire faster before help arrives ("reduced recruitment").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Times = NDArray[np.float64]

#: Firing rate of a unit as it is recruited, and the most it fires at full effort.
ONSET_RATE_HZ = 5.0
MAX_RATE_HZ = 30.0


def regular_train(
    rate_hz: float, start: float, stop: float, rng: np.random.Generator, jitter: float = 0.01
) -> Times:
    """A pacemaker-like train: intervals of ``1 / rate_hz`` varying by ``jitter`` (fraction)."""
    interval = 1.0 / rate_hz
    times: list[float] = []
    t = start + rng.uniform(0.0, interval)
    while t < stop:
        times.append(t)
        t += interval * (1.0 + jitter * rng.standard_normal())
    return np.asarray(times, dtype=np.float64)


def random_train(
    rate_hz: float, start: float, stop: float, rng: np.random.Generator, gap: float = 0.15
) -> Times:
    """Discharges at random (a Poisson process), at least ``gap`` seconds apart so each pop
    stays a separate, countable event."""
    times: list[float] = []
    t = start
    while True:
        t += gap + rng.exponential(max(1e-6, 1.0 / rate_hz - gap))
        if t >= stop:
            return np.asarray(times, dtype=np.float64)
        times.append(t)


@dataclass(frozen=True)
class Effort:
    """Voluntary effort over time (0 rest to 1 maximal), straight lines between points."""

    points: tuple[tuple[float, float], ...]

    def at(self, t: float) -> float:
        times = [p[0] for p in self.points]
        levels = [p[1] for p in self.points]
        return float(np.interp(t, times, levels, left=0.0, right=0.0))


def unit_rate_hz(effort: float, threshold: float, gain: float) -> float:
    """Firing rate of a unit with recruitment ``threshold`` at ``effort`` (0 when below)."""
    if effort < threshold:
        return 0.0
    return min(MAX_RATE_HZ, ONSET_RATE_HZ + gain * (effort - threshold))


def voluntary_train(
    threshold: float,
    gain: float,
    effort: Effort,
    window: tuple[float, float],
    rng: np.random.Generator,
    variability: float = 0.12,
) -> Times:
    """Firing times of one unit while effort follows ``effort`` within ``window``.

    Each interval is the reciprocal of the current rate with a little randomness
    (``variability``, a coefficient of variation), as real units fire semi-regularly.
    """
    start, stop = window
    step = 0.005  # how finely to look for the moment the unit is recruited
    times: list[float] = []
    t = start
    while t < stop:
        rate = unit_rate_hz(effort.at(t), threshold, gain)
        if rate <= 0.0:
            t += step
            continue
        times.append(t)
        t += max(0.02, (1.0 + variability * rng.standard_normal()) / rate)
    return np.asarray(times, dtype=np.float64)


def thresholds(count: int, lowest: float = 0.03, highest: float = 0.75) -> Sequence[float]:
    """Recruitment thresholds of a pool: many low-threshold units, few high ones."""
    return [float(x) for x in np.geomspace(lowest, highest, count)]


def coefficient_of_variation(times: Times) -> float:
    """Spread of the intervals between firings, relative to their mean."""
    intervals = np.diff(times)
    return float(np.std(intervals) / np.mean(intervals)) if intervals.size > 1 else 0.0
