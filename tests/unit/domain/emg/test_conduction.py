"""Nerve conduction: the velocity sum, and how each toggle changes the two responses."""

from __future__ import annotations

import numpy as np
import pytest

from app.domain.emg.conduction import NERVES, Condition, Study, nerve, study, trace, velocity
from app.domain.emg.reading import Measured, remarks


def test_velocity_is_distance_over_the_latency_difference() -> None:
    """400 mm between sites, latencies 4.0 and 12.0 ms: 50 m/s (mm/ms is m/s)."""
    assert velocity(400.0, 4.0, 12.0) == pytest.approx(50.0)
    assert velocity(300.0, 3.5, 9.5) == pytest.approx(50.0)


@pytest.mark.parametrize(("distal", "proximal"), [(8.0, 8.0), (9.0, 4.0)])
def test_velocity_refuses_cursors_the_wrong_way_round(distal: float, proximal: float) -> None:
    with pytest.raises(ValueError, match="later"):
        velocity(400.0, distal, proximal)


def test_velocity_refuses_a_non_positive_distance() -> None:
    with pytest.raises(ValueError, match="distance"):
        velocity(0.0, 4.0, 12.0)


@pytest.mark.parametrize("chosen", NERVES, ids=lambda n: n.id)
def test_healthy_nerve_is_within_its_normal_limits(chosen: object) -> None:
    """Healthy values sit inside the stated reference limits."""
    result = study(nerve(chosen.id), Condition())  # type: ignore[attr-defined]
    limits = result.nerve.normal
    assert result.velocity >= limits.velocity
    assert result.distal.onset_ms <= limits.distal_latency_ms
    assert result.distal.amplitude_mv >= limits.amplitude_mv
    assert result.proximal.amplitude_mv == pytest.approx(result.distal.amplitude_mv)


@pytest.mark.parametrize("chosen", NERVES, ids=lambda n: n.id)
def test_each_toggle_changes_what_it_should(chosen: object) -> None:
    """Cooling slows by 1.5-2.5 m/s per degree; demyelination slows below 75 % of the lower
    limit and blocks more than half the proximal response; axonal loss shrinks both responses
    while the velocity stays above the lower limit."""
    healthy = study(nerve(chosen.id), Condition())  # type: ignore[attr-defined]
    limits = healthy.nerve.normal
    cooled = study(healthy.nerve, Condition(cooled=True))
    per_degree = (healthy.velocity - cooled.velocity) / 6.0
    assert 1.5 <= per_degree <= 2.5
    assert cooled.distal.onset_ms > healthy.distal.onset_ms
    demyelinated = study(healthy.nerve, Condition(demyelination=True))
    assert demyelinated.velocity < 0.75 * limits.velocity
    assert demyelinated.proximal.amplitude_mv < 0.5 * demyelinated.distal.amplitude_mv
    axonal = study(healthy.nerve, Condition(axonal_loss=True))
    assert axonal.distal.amplitude_mv < limits.amplitude_mv
    assert axonal.velocity >= limits.velocity


def test_trace_starts_at_the_onset_with_the_stated_amplitude() -> None:
    """The drawn response leaves the baseline at its onset and peaks (negative) at its
    amplitude, and velocity from the drawn onsets matches the model."""
    result = study(nerve("tibial"), Condition())
    sweep = trace(result.distal)
    times = np.arange(sweep.size) * 1000.0 / 20_000
    after_artefact = times > 2.0
    departs = times[after_artefact][np.argmax(np.abs(sweep[after_artefact]) > 0.1)]
    assert departs == pytest.approx(result.distal.onset_ms, abs=0.6)
    assert -sweep.min() == pytest.approx(result.distal.amplitude_mv, rel=0.05)


def _measure(result: Study) -> Measured:
    return Measured(
        result.velocity,
        result.distal.onset_ms,
        result.distal.amplitude_mv,
        result.proximal.amplitude_mv,
    )


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (Condition(), ["within the normal range"]),
        (Condition(cooled=True), ["Cooling alone"]),
        (Condition(demyelination=True), ["damaged myelin", "distal latency", "conduction block"]),
        (Condition(axonal_loss=True), ["within the normal range", "axonal loss"]),
    ],
)
def test_remarks_name_what_each_condition_does(condition: Condition, expected: list[str]) -> None:
    """Reading the tibial study under each toggle names that toggle's signature, in order,
    and nothing else."""
    result = study(nerve("tibial"), condition)
    found = remarks(_measure(result), result.nerve.normal)
    assert len(found) == len(expected)
    for sentence, words in zip(found, expected, strict=True):
        assert words in sentence
