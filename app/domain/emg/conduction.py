"""A motor nerve-conduction study of the tibial or common fibular nerve.

The nerve is stimulated at two sites; the muscle's compound response (CMAP) appears after a
latency. Conduction velocity is the distance between the sites divided by the difference of
the two latencies: millimetres per millisecond are metres per second. The time spent at the
nerve ending and the neuromuscular junction is the same from both sites, so it cancels.

Reference limits (adults) are the widely quoted ones in Preston & Shapiro, *Electromyography
and Neuromuscular Disorders* (3rd ed., 2013); normal ranges differ between laboratories and
with age, height and limb temperature, and each lab sets its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from app.domain.emg.potentials import Samples

RATE = 20_000  # samples per second of the sweep
SWEEP_MS = 50.0
NOISE_UV = 8.0
#: Slowing per degree of cooling (1.5-2.5 m/s per degree is the usual figure) and the
#: lengthening of the distal latency per degree.
SLOWING_PER_DEGREE = 1.8
DISTAL_DELAY_PER_DEGREE_MS = 0.2
COOLED_BY_DEGREES = 6.0  # a foot at 26-27 degrees C instead of at least 32
SOURCE = (
    "Preston DC, Shapiro BE. Electromyography and Neuromuscular Disorders, 3rd ed. (2013): "
    "adult reference limits; every laboratory sets its own."
)


@dataclass(frozen=True)
class Normal:
    """Reference limits: lowest normal amplitude and velocity, longest distal latency."""

    amplitude_mv: float
    velocity: float
    distal_latency_ms: float

    def describe(self) -> str:
        return (
            f"amplitude ≥ {self.amplitude_mv:g} mV, velocity ≥ {self.velocity:g} m/s, "
            f"distal latency ≤ {self.distal_latency_ms:g} ms"
        )


@dataclass(frozen=True)
class Nerve:
    """A nerve as studied: where it is stimulated and recorded, and its healthy values.

    Attributes:
        distal_mm: from the distal stimulation site to the recording electrode.
        segment_mm: between the two stimulation sites (what the velocity is measured over).
        terminal_ms: time in the finest branches and at the neuromuscular junction.
    """

    id: str
    name: str
    muscle: str
    distal_site: str
    proximal_site: str
    distal_mm: float
    segment_mm: float
    velocity: float
    amplitude_mv: float
    terminal_ms: float
    normal: Normal


NERVES: tuple[Nerve, ...] = (
    Nerve(
        "tibial",
        "Tibial nerve",
        "abductor hallucis (inner edge of the foot)",
        "ankle, behind the medial malleolus",
        "popliteal fossa, behind the knee",
        80.0,
        400.0,
        47.0,
        11.0,
        2.3,
        Normal(4.0, 41.0, 5.8),
    ),
    Nerve(
        "fibular",
        "Common fibular (peroneal) nerve",
        "extensor digitorum brevis (top of the foot)",
        "ankle, front of the ankle",
        "below the head of the fibula",
        80.0,
        300.0,
        49.0,
        6.0,
        2.6,
        Normal(2.0, 44.0, 6.5),
    ),
)


def nerve(nerve_id: str) -> Nerve:
    for candidate in NERVES:
        if candidate.id == nerve_id:
            return candidate
    raise KeyError(nerve_id)


@dataclass(frozen=True)
class Condition:
    """What is changed in the limb: each toggle of the lab."""

    cooled: bool = False
    demyelination: bool = False
    axonal_loss: bool = False


@dataclass(frozen=True)
class Response:
    """The muscle's response to one stimulus: when it starts, how big, how spread out."""

    onset_ms: float
    amplitude_mv: float
    spread: float  # 1.0 normal; more is temporal dispersion


@dataclass(frozen=True)
class Study:
    """What the model predicts for a nerve under a condition: the two responses."""

    nerve: Nerve
    condition: Condition
    distal: Response
    proximal: Response

    @property
    def velocity(self) -> float:
        return velocity(self.nerve.segment_mm, self.distal.onset_ms, self.proximal.onset_ms)


def velocity(distance_mm: float, distal_ms: float, proximal_ms: float) -> float:
    """Conduction velocity in m/s from the distance between the sites and the two latencies.

    Raises:
        ValueError: when the proximal latency is not later than the distal one (the cursors
            are the wrong way round or on top of each other), or the distance is not positive.
    """
    if distance_mm <= 0:
        raise ValueError("the distance between the sites must be positive")
    if proximal_ms <= distal_ms:
        raise ValueError("the proximal response must start later than the distal one")
    return distance_mm / (proximal_ms - distal_ms)


def study(chosen: Nerve, condition: Condition) -> Study:
    """The two responses of ``chosen`` under ``condition``."""
    speed, terminal, amplitude = chosen.velocity, chosen.terminal_ms, chosen.amplitude_mv
    proximal_share, spread = 1.0, 1.0
    if condition.demyelination:
        # Myelin damage slows conduction well below the normal range and blocks some fibres
        # between the sites, so the proximal response is smaller and more spread out.
        speed, terminal, proximal_share, spread = speed * 0.55, terminal * 1.6, 0.4, 1.5
    if condition.axonal_loss:
        # Fewer axons: a smaller response from both sites; the survivors conduct normally.
        speed, amplitude = speed * 0.94, amplitude * 0.25
    if condition.cooled:
        speed -= SLOWING_PER_DEGREE * COOLED_BY_DEGREES
        terminal += DISTAL_DELAY_PER_DEGREE_MS * COOLED_BY_DEGREES
        amplitude *= 1.1  # cooled fibres depolarise for longer
    distal_onset = terminal + chosen.distal_mm / speed
    proximal_onset = distal_onset + chosen.segment_mm / speed
    return Study(
        chosen,
        condition,
        Response(distal_onset, amplitude, 1.0),
        Response(proximal_onset, amplitude * proximal_share, spread),
    )


def with_condition(current: Study, **changes: bool) -> Study:
    """The same nerve with some toggles changed."""
    return study(current.nerve, replace(current.condition, **changes))


def sweep_times_ms() -> Samples:
    return np.arange(round(SWEEP_MS * RATE / 1000)) * 1000.0 / RATE


def trace(response: Response, seed: int = 0) -> Samples:
    """The recorded sweep for one stimulus, in millivolts (negative up): a small stimulus
    artefact at 0 ms, then the response's negative-first wave."""
    t = sweep_times_ms()
    rng = np.random.default_rng(seed)
    wave = rng.normal(0.0, NOISE_UV / 1000, t.size)
    wave += 0.6 * np.exp(-0.5 * (t / 0.15) ** 2)  # the stimulus artefact
    u = np.clip(t - response.onset_ms, 0.0, None)
    negative = _bump(u, 2.2 * response.spread)
    positive = _bump(np.clip(u - 4.0 * response.spread, 0.0, None), 3.0 * response.spread)
    scale = response.amplitude_mv
    return np.asarray(wave - scale * (negative - 0.35 * positive))


def _bump(u: Samples, peak_ms: float) -> Samples:
    """0 at ``u = 0``, rising to 1 at ``peak_ms`` and fading (a smooth alpha function)."""
    x = u / peak_ms
    return np.asarray(x * x * np.exp(2.0 * (1.0 - x)))
