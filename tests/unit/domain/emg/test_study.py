"""Whole studies: silence at rest in health, firing statistics of each kind of discharge,
recruitment with effort, and determinism under a seed."""

from __future__ import annotations

import numpy as np
import pytest

from app.domain.emg import firing
from app.domain.emg.scenarios import PHASES, REST, SCENARIOS, phase_at, scenario
from app.domain.emg.study import NOISE_UV, DischargeKind, Recording, render

SEEDS = range(3)


def _window(recording: Recording, start: float, stop: float) -> np.ndarray:
    return recording.signal[round(start * recording.rate) : round(stop * recording.rate)]


def _times(recording: Recording, kind: DischargeKind, source: int | None = None) -> np.ndarray:
    return np.asarray(
        [e.time for e in recording.of_kind(kind) if source is None or e.source == source]
    )


def test_same_seed_same_study_other_seed_other_study() -> None:
    """Deterministic under a seed, and the seed matters."""
    chosen = scenario("benign-fasciculations")
    first, again, other = render(chosen, 3), render(chosen, 3), render(chosen, 4)
    assert np.array_equal(first.signal, again.signal)
    assert first.events == again.events
    assert not np.array_equal(first.signal, other.signal)


@pytest.mark.parametrize("seed", SEEDS)
def test_healthy_muscle_is_silent_at_rest(seed: int) -> None:
    """At rest a healthy muscle shows only baseline noise: no event, RMS near the noise."""
    recording = render(scenario("healthy"), seed)
    rest = _window(recording, REST.start, REST.stop)
    assert float(np.sqrt(np.mean(rest**2))) == pytest.approx(NOISE_UV, rel=0.05)
    assert not [e for e in recording.events if REST.start <= e.time < REST.stop]


def test_insertional_activity_is_brief_in_health_and_longer_when_denervated() -> None:
    """The needle's crackle stops within 300 ms in health; it lasts longer in denervation."""

    def crackle_ms(scenario_id: str) -> float:
        times = _times(render(scenario(scenario_id), 1), DischargeKind.INSERTIONAL)
        return float(times.max() - times.min()) * 1000

    assert crackle_ms("healthy") < 300
    assert crackle_ms("root-compression") > 300


@pytest.mark.parametrize("seed", SEEDS)
def test_fasciculations_fire_at_random_at_rest_and_only_in_their_scenarios(seed: int) -> None:
    """Benign: normal-sized fasciculations at rest only, irregular; none when healthy."""
    assert not render(scenario("healthy"), seed).of_kind(DischargeKind.FASCICULATION)
    recording = render(scenario("benign-fasciculations"), seed)
    events = recording.of_kind(DischargeKind.FASCICULATION)
    assert events
    assert all(REST.start <= e.time < REST.stop for e in events)
    assert all(200 <= -e.peak_uv <= 2000 for e in events)  # the size of a normal unit


def test_fasciculation_intervals_are_irregular_like_a_poisson_process() -> None:
    """Over a long run, intervals between fasciculations vary about as much as their mean
    (coefficient of variation near 1), unlike a pacemaker."""
    rng = np.random.default_rng(0)
    times = firing.random_train(0.6, 0.0, 3000.0, rng, gap=0.4)
    assert len(times) / 3000.0 == pytest.approx(0.6, rel=0.08)
    assert 0.6 < firing.coefficient_of_variation(times) < 1.0


@pytest.mark.parametrize("seed", SEEDS)
def test_denervation_potentials_fire_regularly_between_half_and_fifteen_hz(seed: int) -> None:
    """Fibrillations and sharp waves: each fibre a steady pacemaker (CV under 5 %) at 0.5-15 Hz,
    with fibrillations 20-200 µV; none in healthy or benign muscle."""
    for clean in ("healthy", "benign-fasciculations"):
        recording = render(scenario(clean), seed)
        assert not recording.of_kind(DischargeKind.FIBRILLATION)
        assert not recording.of_kind(DischargeKind.SHARP_WAVE)
    recording = render(scenario("root-compression"), seed)
    muscle = scenario("root-compression").muscle
    for kind, fibres in (
        (DischargeKind.FIBRILLATION, muscle.fibrillating_fibres),
        (DischargeKind.SHARP_WAVE, muscle.sharp_wave_fibres),
    ):
        for fibre in range(fibres):
            times = _times(recording, kind, fibre)
            rate = 1.0 / float(np.mean(np.diff(times)))
            assert 0.5 <= rate <= 15.0
            assert firing.coefficient_of_variation(times) < 0.05
    assert all(20 <= abs(e.peak_uv) <= 200 for e in recording.of_kind(DischargeKind.FIBRILLATION))


def _active_units(recording: Recording, start: float, stop: float) -> dict[int, float]:
    """Units firing in a window, with each one's rate (Hz)."""
    rates: dict[int, float] = {}
    for event in recording.of_kind(DischargeKind.VOLUNTARY):
        if start <= event.time < stop:
            rates[event.source] = rates.get(event.source, 0.0) + 1.0 / (stop - start)
    return rates


@pytest.mark.parametrize("seed", SEEDS)
def test_effort_recruits_more_units_and_loss_of_units_means_fewer_faster_ones(seed: int) -> None:
    """Strong effort recruits more units than gentle effort; with lost axons the pool is
    smaller and the first unit fires faster before the next joins (reduced recruitment)."""
    gentle, strong = PHASES[2], PHASES[3]
    healthy = render(scenario("healthy"), seed)
    weak = _active_units(healthy, gentle.start + 0.5, gentle.stop)
    full = _active_units(healthy, strong.stop - 0.8, strong.stop)
    assert 1 <= len(weak) < len(full)
    assert max(weak.values()) <= 15.0
    neurogenic = render(scenario("root-compression"), seed)
    sparse = _active_units(neurogenic, strong.stop - 0.8, strong.stop)
    assert len(sparse) < len(full) / 2
    assert max(sparse.values()) > max(weak.values()) + 5


def test_neurogenic_units_are_larger_than_healthy_ones() -> None:
    """Reinnervated units are several times the size of healthy ones."""

    def biggest(scenario_id: str) -> float:
        events = render(scenario(scenario_id), 2).of_kind(DischargeKind.VOLUNTARY)
        return float(np.median(sorted(abs(e.peak_uv) for e in events)[-50:]))

    assert biggest("root-compression") > 2.5 * biggest("healthy")


def test_every_scenario_explains_what_it_shows_and_what_it_does_not() -> None:
    """Each scenario carries its explanation, and the phases cover the study in order."""
    for chosen in SCENARIOS:
        assert all((chosen.shows, chosen.does_not_show, chosen.listen))
    assert [p.start for p in PHASES[1:]] == [p.stop for p in PHASES[:-1]]
    assert phase_at(1.0) is REST
