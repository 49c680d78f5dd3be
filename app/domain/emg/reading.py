"""What a learner's measurements of a conduction study suggest, in hedged plain words.

The thresholds are the usual teaching rules of thumb: velocity below 75 % of the lower limit
of normal suggests demyelination; a proximal response less than half the distal one suggests
conduction block; small responses at near-normal speed suggest loss of axons. Cooling alone
slows conduction, which is why laboratories warm the limb first.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.emg.conduction import Normal


@dataclass(frozen=True)
class Measured:
    """What the learner measured: velocity (m/s), distal latency (ms), amplitudes (mV)."""

    velocity: float
    distal_latency_ms: float
    distal_mv: float
    proximal_mv: float


def remarks(measured: Measured, normal: Normal) -> list[str]:
    """Sentences on speed, size and block, most telling first."""
    found = [_speed(measured, normal)]
    if measured.distal_latency_ms > normal.distal_latency_ms:
        found.append(
            f"The distal latency is longer than {normal.distal_latency_ms:g} ms: the ends of "
            "the nerve conduct slowly too."
        )
    if measured.distal_mv < normal.amplitude_mv:
        found.append(
            f"The responses are small (under {normal.amplitude_mv:g} mV): fewer working axons "
            "reach the muscle, as after axonal loss."
        )
    if measured.distal_mv > 0 and measured.proximal_mv < 0.5 * measured.distal_mv:
        found.append(
            "The response from the upper site is less than half the size of the lower one: "
            "many fibres are blocked between the sites (conduction block)."
        )
    return found


def _speed(measured: Measured, normal: Normal) -> str:
    if measured.velocity < 0.75 * normal.velocity:
        return (
            f"Much slower than the lower limit ({normal.velocity:g} m/s): in the range that "
            "suggests damaged myelin, provided the limb is warm."
        )
    if measured.velocity < normal.velocity:
        return (
            f"Slower than the lower limit ({normal.velocity:g} m/s). Cooling alone does this: "
            "warm the limb (foot at least 30-32 °C) before reading anything into it."
        )
    return f"The velocity is within the normal range (at least {normal.velocity:g} m/s)."
