"""Generate the stretch timer's cue sounds (assets/sounds/*.wav) from plain sine tones.

Run: python packaging/make_sounds.py [OUT_DIR]. Deterministic: same bytes every run.
Each cue is short (≤ 0.9 s), mono 16-bit 44.1 kHz, soft-edged (no clicks) and normalised to the
same peak, so the tick never drowns the chime. Pitches sit in a major chord so cues never clash.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 44_100
PEAK = 0.70  # of full scale: loud enough on laptop speakers, never clipping

# (frequency Hz, start s, length s, partial mix) per note; partials soften the pure sine.
Note = tuple[float, float, float]
CUES: dict[str, list[Note]] = {
    # two rising notes: "get ready"
    "get-ready": [(523.25, 0.0, 0.22), (783.99, 0.18, 0.40)],
    # a short woodblock-like blip for 3-2-1
    "tick": [(1046.5, 0.0, 0.07)],
    # a bright rising arpeggio: "go"
    "begin": [(659.25, 0.0, 0.14), (783.99, 0.09, 0.14), (1046.5, 0.18, 0.35)],
    # a two-tone swap, high-low-high: "switch sides"
    "switch-sides": [(880.0, 0.0, 0.16), (659.25, 0.16, 0.16), (880.0, 0.32, 0.30)],
    # one low soft bell: "rest"
    "rest": [(392.0, 0.0, 0.75)],
    # a warm major chord, arpeggiated: "done"
    "done": [(523.25, 0.0, 0.85), (659.25, 0.10, 0.75), (783.99, 0.20, 0.65), (1046.5, 0.30, 0.6)],
}


def _envelope(t: float, length: float) -> float:
    """Fast (8 ms) attack, exponential decay, 10 ms release: bell-like and click-free."""
    attack, release = 0.008, 0.010
    if t < attack:
        return t / attack
    level = math.exp(-3.5 * (t - attack) / length)
    if t > length - release:
        level *= max(0.0, (length - t) / release)
    return level


def render(notes: list[Note]) -> list[float]:
    end = max(start + length for _, start, length in notes)
    samples = [0.0] * (int(end * RATE) + 2)
    for frequency, start, length in notes:
        first = int(start * RATE)
        for i in range(int(length * RATE)):
            t = i / RATE
            phase = 2 * math.pi * frequency * t
            tone = math.sin(phase) + 0.25 * math.sin(2 * phase) + 0.08 * math.sin(3 * phase)
            samples[first + i] += tone * _envelope(t, length)
    top = max(abs(s) for s in samples) or 1.0
    return [s / top * PEAK for s in samples]


def write(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", round(s * 32767)) for s in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    out_dir = Path(argv[1]) if len(argv) > 1 else root / "assets" / "sounds"
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, notes in CUES.items():
        write(out_dir / f"{name}.wav", render(notes))
        print(f"{name}.wav")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
