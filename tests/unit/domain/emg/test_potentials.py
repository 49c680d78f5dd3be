"""Waveform shapes: durations, sizes and phases within the textbook ranges."""

from __future__ import annotations

import numpy as np
import pytest

from app.domain.emg import potentials
from app.domain.emg.potentials import UnitShape

RATE = 24_000


@pytest.mark.parametrize("width_ms", [1.35, 1.5, 1.65])
def test_normal_unit_is_triphasic_and_5_to_15_ms(width_ms: float) -> None:
    """A normal unit: three phases, 5-15 ms, its main peak negative at the requested size."""
    wave = potentials.motor_unit(UnitShape(800.0, width_ms), RATE)
    assert 5.0 <= potentials.duration_ms(wave, RATE) <= 15.0
    assert potentials.count_phases(wave) == 3
    assert wave.min() == pytest.approx(-800.0)


@pytest.mark.parametrize("phases", [4, 5, 6, 7])
def test_polyphasic_units_have_the_phases_asked_for_and_last_longer(phases: int) -> None:
    """Reinnervated units: the phase count asked for, and longer than a simple unit."""
    simple = potentials.motor_unit(UnitShape(3000.0, 2.2), RATE)
    complex_unit = potentials.motor_unit(UnitShape(3000.0, 2.2, phases), RATE)
    assert potentials.count_phases(complex_unit) == phases
    assert potentials.duration_ms(complex_unit, RATE) > potentials.duration_ms(simple, RATE)
    assert np.max(np.abs(complex_unit)) == pytest.approx(3000.0)


def test_fibrillation_is_brief_small_and_positive_first() -> None:
    """A fibrillation potential: 1-5 ms, biphasic, the first phase positive."""
    wave = potentials.fibrillation(120.0, RATE)
    assert 1.0 <= potentials.duration_ms(wave, RATE) <= 5.0
    assert potentials.count_phases(wave) == 2
    big = wave[np.abs(wave) > 0.1 * 120.0]
    assert big[0] > 0
    assert np.max(np.abs(wave)) == pytest.approx(120.0, rel=0.01)


def test_positive_sharp_wave_drops_sharply_and_returns_slowly() -> None:
    """A positive sharp wave: positive peak first, then a shallower negative phase that lasts
    several times longer; 10-30 ms in all."""
    wave = potentials.positive_sharp_wave(200.0, RATE)
    peak, trough = int(np.argmax(wave)), int(np.argmin(wave))
    assert wave[peak] == pytest.approx(200.0)
    assert peak < trough
    assert -0.5 * 200.0 < wave[trough] < 0
    negative_ms = np.count_nonzero(wave < -0.05 * 200.0) * 1000 / RATE
    positive_ms = np.count_nonzero(wave > 0.05 * 200.0) * 1000 / RATE
    assert negative_ms > 3 * positive_ms
    assert 10.0 <= potentials.duration_ms(wave, RATE) <= 30.0
