"""The four needle-EMG scenarios of the lab: what each muscle does, and what it does and does
not tell a clinician (education only; the wording is deliberately hedged).

Every scenario plays the same study: the needle goes in, the muscle rests, then the person
contracts gently and then strongly, then relaxes.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.emg.firing import Effort


@dataclass(frozen=True)
class Phase:
    """A stretch of the study with the name shown above the trace; ``effort`` when the
    person is contracting the muscle (the screen's gain is turned down)."""

    start: float
    stop: float
    name: str
    effort: bool = False


#: The study every scenario plays, in seconds.
PHASES: tuple[Phase, ...] = (
    Phase(0.0, 0.8, "Needle moved in"),
    Phase(0.8, 8.0, "At rest"),
    Phase(8.0, 10.5, "Gentle contraction", effort=True),
    Phase(10.5, 13.0, "Strong contraction", effort=True),
    Phase(13.0, 14.0, "Relaxed again"),
)
STUDY_SECONDS = PHASES[-1].stop
REST = PHASES[1]
EFFORT = Effort(((8.0, 0.0), (8.3, 0.14), (10.4, 0.16), (12.2, 0.9), (12.9, 0.9), (13.0, 0.0)))


def phase_at(seconds: float) -> Phase:
    """The phase playing at ``seconds`` into the study (the last one after the end)."""
    return next((p for p in PHASES if p.start <= seconds < p.stop), PHASES[-1])


@dataclass(frozen=True)
class MuscleState:
    """What a scenario's muscle does, as numbers the signal model uses.

    Attributes:
        insertion_ms: how long the crackle lasts after the needle moves.
        fasciculations_hz: mean rate of spontaneous motor-unit discharges at rest.
        complex_fasciculations: fasciculations from enlarged, polyphasic units.
        fibrillating_fibres / sharp_wave_fibres: denervated fibres firing at rest.
        units: motor units left in the pool the needle hears.
        unit_size: size of each unit relative to normal (reinnervation enlarges them).
        unit_width: duration relative to normal.
        phases: phases of each unit (3 normal, 5 or more polyphasic).
        rate_gain: how steeply firing rate rises with effort (Hz per unit effort).
        unstable: varies a unit's size discharge by discharge (new, immature branches).
    """

    insertion_ms: float
    fasciculations_hz: float
    complex_fasciculations: bool
    fibrillating_fibres: int
    sharp_wave_fibres: int
    units: int
    unit_size: float
    unit_width: float
    phases: int
    rate_gain: float
    unstable: float


@dataclass(frozen=True)
class Scenario:
    """One lab scenario: its muscle and the plain explanation shown beside the trace."""

    id: str
    title: str
    summary: str
    shows: str
    does_not_show: str
    listen: str
    muscle: MuscleState


_HEALTHY = MuscleState(200, 0.0, False, 0, 0, 20, 1.0, 1.0, 3, 45.0, 0.0)

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "healthy",
        "Healthy muscle",
        "A relaxed, healthy muscle is electrically quiet.",
        "A short crackle as the needle moves, then silence at rest. With effort, crisp "
        "motor-unit potentials appear; as effort grows, more and larger units join until "
        "the screen fills (a full interference pattern).",
        "One normal muscle says nothing about other muscles, and EMG is only one part of an "
        "assessment: it is read together with the history and the examination.",
        "Silence at rest; with effort, a crisp, even crackle that swells to a roar.",
        _HEALTHY,
    ),
    Scenario(
        "benign-fasciculations",
        "Benign fasciculations",
        "Now and then a normal-looking motor unit fires on its own.",
        "At rest, single motor-unit potentials of normal size and shape fire at random, "
        "seconds apart: fasciculation potentials. There are no fibrillation potentials or "
        "positive sharp waves, and units recruit normally with effort.",
        "Fasciculation potentials on their own cannot tell a harmless cause from a serious "
        "one. What reassures is what is absent: no signs of denervation, no large "
        "reinnervated units, and a normal examination. A clinician judges this with the "
        "whole history, sometimes after a repeat study.",
        "An irregular, dull pop every few seconds against silence.",
        MuscleState(200, 0.6, False, 0, 0, 20, 1.0, 1.0, 3, 45.0, 0.0),
    ),
    Scenario(
        "root-compression",
        "Nerve-root compression",
        "Chronic compression: a muscle supplied by a long-compressed root (say L5 or S1) "
        "has lost some axons.",
        "The crackle on needle movement lasts longer. At rest, fibrillation potentials and "
        "positive sharp waves fire regularly: some muscle fibres have lost their nerve "
        "supply. With effort, fewer units fire, each faster than normal before the next joins "
        "(reduced recruitment), and they are large, long and polyphasic, because surviving "
        "axons have taken over orphaned fibres.",
        "The pattern points to a root only when muscles of that root served by different "
        "nerves (and often the muscles beside the spine) show it while muscles of other roots "
        "do not. Fibrillations take roughly two to five weeks to appear after an injury "
        "(sooner in muscles near it), so an early study can look normal. EMG cannot show what "
        "compresses the root.",
        "Regular high clicks (fibrillations, like rain on a tin roof) and dull thuds (sharp "
        "waves) at rest; a few loud, rough units firing fast with effort.",
        MuscleState(600, 0.08, False, 3, 2, 8, 3.2, 1.5, 5, 85.0, 0.08),
    ),
    Scenario(
        "motor-neurone-disease",
        "Motor neurone disease",
        "Motor neurones are being lost, and reinnervation struggles to keep up.",
        "Frequent fasciculation potentials, some large and complex, with fibrillation "
        "potentials and positive sharp waves at rest; with effort, a few large, unstable units "
        "that fire fast (reduced recruitment).",
        "This is a simulation of one muscle. The diagnosis is never made from one muscle or one "
        "test: specialists look for these changes in several body regions, with upper motor "
        "neurone signs on examination and progression over time, and rule out conditions that "
        "mimic it. Twitching without weakness or wasting is far more often harmless.",
        "Frequent, uneven pops and crackles at rest; a sparse, loud, fast pattern with effort.",
        MuscleState(500, 1.3, True, 3, 2, 5, 4.0, 1.6, 6, 95.0, 0.25),
    ),
)

SCENARIO_IDS = tuple(s.id for s in SCENARIOS)


def scenario(scenario_id: str) -> Scenario:
    """The scenario with this id (``KeyError`` when there is none)."""
    for candidate in SCENARIOS:
        if candidate.id == scenario_id:
            return candidate
    raise KeyError(scenario_id)
