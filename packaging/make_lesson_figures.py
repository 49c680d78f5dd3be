"""Draw the lesson figures (assets/lessons/*.svg) from the numbers in this file.

Run: python packaging/make_lesson_figures.py [--check]. Every figure is 560 units wide (the
reader's text column at text scale 1) and uses only palette colours (see svg_kit), so the
reader can recolour it for the high-contrast theme and scale it with the text. ``--check``
fails when a file on disk differs from what this script draws (CI keeps them in step).
The atlas figure in lesson 2 is not drawn here: it is painted from the atlas itself.
"""

# Figure tables read best one row per line, in the typographic characters the figure shows.
# ruff: noqa: E501, RUF001

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from flow_figures import diagnostic_pathway, red_flag_flow
from svg_kit import P, arrow, box, circle, document, path, polyline, rect, text

OUT = Path(__file__).resolve().parents[1] / "assets" / "lessons"
W = 560


def motor_unit() -> str:
    """One motor neuron, its axon and its scattered fibres; the junction enlarged below."""
    body = [
        # Spinal cord cross-section with the grey matter's anterior horn.
        circle(78, 92, 58, fill=P.surface_alt, stroke=P.border, width=2),
        path(
            "M 48 62 C 64 70 70 84 78 92 C 86 84 92 70 108 62 C 100 88 96 104 112 128 "
            "C 96 124 86 112 78 104 C 70 112 60 124 44 128 C 60 104 56 88 48 62 Z",
            stroke=P.bone_edge,
            fill=P.bone,
        ),
        circle(98, 118, 8, fill=P.nerve, stroke=P.nerve_edge, width=2),
        text(78, 172, "Spinal cord", anchor="middle", size=12, colour=P.text_muted),
    ]
    fibre_top, fibre_h = 40, 20
    unit = (0, 2, 3, 5)
    for index in range(6):
        y = fibre_top + index * (fibre_h + 4)
        mine = index in unit
        body.append(
            rect(
                330,
                y,
                200,
                fibre_h,
                fill=P.muscle if mine else P.surface_alt,
                stroke=P.muscle_edge if mine else P.border,
                radius=10,
            )
        )
    # The axon runs out of the cord and branches to every fibre of its unit.
    body.append(path("M 106 118 C 170 130 210 110 270 104", stroke=P.nerve_edge, width=4))
    for index in unit:
        y = fibre_top + index * (fibre_h + 4) + fibre_h / 2
        body.append(
            path(f"M 270 104 C 300 104 310 {y:.0f} 350 {y:.0f}", stroke=P.nerve_edge, width=2.5)
        )
        body.append(circle(352, y, 4.5, fill=P.nerve, stroke=P.nerve_edge))
    body += [
        text(146, 166, "Motor neuron: cell body in the", size=12),
        text(146, 181, "anterior horn, axon in a nerve", size=12),
        text(430, 16, "One unit's fibres (red) are", size=12, anchor="middle"),
        text(430, 30, "scattered among other units'", size=12, anchor="middle"),
    ]
    body += junction(70, 206)
    return document(W, 350, "Motor unit and neuromuscular junction", body)


def junction(x: float, y: float) -> list[str]:
    """The neuromuscular junction enlarged: terminal, vesicles, cleft, folded end plate."""
    parts = [
        rect(x - 50, y, 470, 134, fill=P.surface, stroke=P.border, radius=10),
        text(x - 38, y + 20, "Neuromuscular junction (enlarged)", size=12.5, bold=True),
        path(
            f"M {x + 20} {y + 30} L {x + 20} {y + 50} C {x - 10} {y + 60} {x - 6} {y + 92} "
            f"{x + 40} {y + 92} C {x + 86} {y + 92} {x + 90} {y + 60} {x + 60} {y + 50} "
            f"L {x + 60} {y + 30}",
            stroke=P.nerve_edge,
            fill=P.nerve,
            width=2,
        ),
    ]
    for vx, vy in ((22, 66), (38, 60), (54, 68), (30, 80), (48, 82), (62, 78)):
        parts.append(circle(x + vx, y + vy, 4.5, fill=P.surface, stroke=P.accent, width=1.8))
    folds = " ".join(
        f"L {x - 20 + i * 14} {y + 102} L {x - 16 + i * 14} {y + 118} L {x - 12 + i * 14} {y + 102}"
        for i in range(9)
    )
    parts += [
        path(f"M {x - 30} {y + 102} {folds} L {x + 120} {y + 102}", stroke=P.muscle_edge, width=2),
        rect(x - 30, y + 104, 150, 22, fill=P.muscle, radius=4),
        arrow((x + 40, y + 92), (x + 40, y + 104), colour=P.accent, width=2),
        text(x + 146, y + 46, "1  An impulse arrives; calcium flows in.", size=12),
        text(x + 146, y + 66, "2  Vesicles release acetylcholine (ACh).", size=12),
        text(x + 146, y + 86, "3  ACh crosses the cleft to end-plate", size=12),
        text(x + 166, y + 101, "receptors; the muscle fibre fires.", size=12),
        text(x + 146, y + 121, "4  Acetylcholinesterase ends the signal.", size=12),
    ]
    return parts


def _mv_to_y(mv: float) -> float:
    return 40 + (40 - mv) * 1.6


def _ms_to_x(ms: float) -> float:
    return 70 + ms * 62


def action_potential() -> str:
    """Membrane voltage over time, with threshold, resting level and the ions that move."""
    trace = [(0, -70), (1.0, -70), (1.25, -62), (1.45, -55), (1.6, -20), (1.8, 25), (1.95, 30),
             (2.1, 10), (2.5, -50), (2.8, -78), (3.2, -80), (3.8, -74), (4.4, -71), (5.4, -70)]  # fmt: skip
    body = [
        path(f"M 70 {_mv_to_y(40)} L 70 {_mv_to_y(-90)} L {_ms_to_x(5.6)} {_mv_to_y(-90)}",
             stroke=P.text_muted, width=1.5),
        text(22, _mv_to_y(-10), "mV", size=12, colour=P.text_muted),
        text(_ms_to_x(5.5), _mv_to_y(-90) + 34, "time (ms)", size=12, anchor="end",
             colour=P.text_muted),
    ]  # fmt: skip
    for mv in (30, 0, -55, -70, -90):
        body.append(text(64, _mv_to_y(mv) + 4, f"+{mv}" if mv > 0 else str(mv).replace("-", "−"), size=11,
                         anchor="end", colour=P.text_muted))  # fmt: skip
    for ms in range(6):
        body.append(text(_ms_to_x(ms), _mv_to_y(-90) + 16, str(ms), size=11, anchor="middle",
                         colour=P.text_muted))  # fmt: skip
    body += [
        polyline([(70, _mv_to_y(-55)), (_ms_to_x(5.5), _mv_to_y(-55))], stroke=P.warning,
                 width=1.5, dash="6 5"),
        text(_ms_to_x(2.7), _mv_to_y(-55) - 6, "threshold ≈ −55 mV", size=12, colour=P.warning),
        polyline([(70, _mv_to_y(-70)), (_ms_to_x(5.5), _mv_to_y(-70))], stroke=P.text_muted,
                 width=1.2, dash="2 4"),
        text(_ms_to_x(0.05), _mv_to_y(-70) - 6, "resting ≈ −70 mV", size=12,
             colour=P.text_muted),
        polyline([(_ms_to_x(t), _mv_to_y(v)) for t, v in trace], stroke=P.accent, width=3),
        arrow((_ms_to_x(0.75), _mv_to_y(5)), (_ms_to_x(1.55), _mv_to_y(-5)), colour=P.accent),
        text(_ms_to_x(0.15), _mv_to_y(18), "Na⁺ rushes in", size=12.5, bold=True, colour=P.accent),
        arrow((_ms_to_x(3.0), _mv_to_y(12)), (_ms_to_x(2.35), _mv_to_y(-20)), colour=P.danger),
        text(_ms_to_x(2.8), _mv_to_y(18), "K⁺ flows out", size=12.5, bold=True, colour=P.danger),
        text(_ms_to_x(3.5), _mv_to_y(-80) + 2, "undershoot", size=11, colour=P.text_muted),
    ]  # fmt: skip
    body += [
        rect(420, 36, 126, 196, fill=P.surface_alt, radius=10),
        text(432, 58, "In a muscle fibre", size=12, bold=True),
        text(432, 76, "rest is nearer", size=12),
        text(432, 92, "−90 mV.", size=12),
        text(432, 120, "Low calcium or", size=12, bold=True),
        text(432, 136, "magnesium, caffeine", size=12),
        text(432, 152, "and adrenaline bring", size=12),
        text(432, 168, "a membrane nearer", size=12),
        text(432, 184, "threshold, so it fires", size=12),
        text(432, 200, "more easily.", size=12),
    ]
    return document(W, 300, "An action potential and the ions that move", body)


def _trace_row(
    y: float, name: str, rows: list[str], trace: list[tuple[float, float]]
) -> list[str]:
    parts = [
        rect(16, y, 528, 76, fill=P.surface_alt, radius=10),
        text(30, y + 24, name, size=14, bold=True),
        *(text(30, y + 42 + i * 15, row, size=11.5, colour=P.text_muted) for i, row in enumerate(rows)),
        polyline([(248, y + 60), (532, y + 60)], stroke=P.border, width=1),
        polyline([(248 + x, y + 60 - h) for x, h in trace], stroke=P.muscle_edge, width=2.2),
    ]  # fmt: skip
    return parts


def _spikes(xs: list[float], height: float, width: float = 4) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = [(0, 0)]
    for x in xs:
        points += [(x - width, 0), (x, height), (x + width, -height * 0.3), (x + 2 * width, 0)]
    return [*points, (284, 0)]


def movements() -> str:
    """Four kinds of involuntary muscle activity, each with a typical trace."""
    cramp = [
        (0, 0),
        (40, 0),
        (70, 38),
        (80, 42),
        (150, 44),
        (200, 41),
        (220, 20),
        (250, 0),
        (284, 0),
    ]
    tremor = [(x * 4, 18 * math.sin(x * 0.9)) for x in range(72)]
    body = [text(W / 2, 26, "What the muscle does over a few seconds", size=13, anchor="middle",
                 colour=P.text_muted)]  # fmt: skip
    body += _trace_row(38, "Fasciculation", ["one motor unit, once, at random;", "a painless flicker"],
                       _spikes([38, 151, 236], 30))  # fmt: skip
    body += _trace_row(122, "Cramp", ["many units, fast, for seconds", "to minutes; hard and painful"],
                       cramp)  # fmt: skip
    body += _trace_row(206, "Tremor", ["rhythmic to-and-fro shaking", "that moves a body part"],
                       tremor)  # fmt: skip
    body += _trace_row(290, "Fibrillation", ["single fibres that lost their nerve;", "seen only on EMG"],
                       _spikes([20 + 26 * i for i in range(10)], 6, 2))  # fmt: skip
    return document(W, 382, "Fasciculation, cramp, tremor and fibrillation compared", body)


def triggers() -> str:
    """Everyday triggers stack up until a nerve membrane crosses threshold."""
    layers = [("Resting nerve", P.surface_alt), ("Short night", P.accent_soft),
              ("Third coffee", P.warning_soft), ("Leg day", P.accent_soft),
              ("Stressful week", P.warning_soft)]  # fmt: skip
    body = [text(30, 30, "How close the membrane sits to threshold", size=13, bold=True)]
    base = 260
    for index, (name, fill) in enumerate(layers):
        height = 78 if index == 0 else 36
        top = base - height
        body += box(60, top, 200, height - 2, [name], fill=fill, bold_first=index == 0)
        base = top
    body += [
        polyline([(40, 120), (520, 120)], stroke=P.danger, width=2, dash="8 6"),
        text(300, 112, "threshold: a stray impulse fires", size=12.5, colour=P.danger, bold=True),
        arrow((275, 130), (275, 250), colour=P.text_muted),
        text(290, 180, "Each trigger alone rarely", size=12),
        text(290, 196, "reaches threshold; together", size=12),
        text(290, 212, "they can. Easing any one", size=12),
        text(290, 228, "lowers the stack.", size=12),
    ]
    return document(W, 280, "Triggers add up towards threshold", body)


def sciatic_course() -> str:
    """The sciatic nerve from its roots to its division, and the common variants at piriformis."""
    body = [
        text(24, 28, "Course", size=13, bold=True),
        *(text(52 + i * 26, 50, root, size=11, anchor="middle", colour=P.text_muted)
          for i, root in enumerate(("L4", "L5", "S1", "S2", "S3"))),
        *(path(f"M {52 + i * 26} 56 C {52 + i * 26} 80 120 84 122 104", stroke=P.nerve_edge, width=2.5)
          for i in range(5)),
        path("M 122 104 L 124 150 C 126 200 132 260 134 300", stroke=P.nerve_edge, width=9),
        path("M 122 104 L 124 150 C 126 200 132 260 134 300", stroke=P.nerve, width=6),
        path("M 40 112 C 80 96 150 96 214 128 L 206 144 C 150 116 84 118 44 130 Z",
             stroke=P.muscle_edge, fill=P.muscle),
        text(218, 128, "piriformis", size=11.5),
        path("M 134 300 C 128 320 118 340 112 356", stroke=P.nerve_edge, width=5),
        path("M 134 300 C 144 318 158 336 170 352", stroke=P.nerve_edge, width=4),
        text(20, 206, "emerges below", size=11.5), text(20, 221, "piriformis, runs", size=11.5),
        text(20, 236, "down the thigh", size=11.5),
        text(146, 296, "divides, usually", size=11.5), text(146, 311, "above the knee", size=11.5),
        text(64, 372, "tibial", size=11.5, anchor="middle"),
        text(196, 372, "common fibular", size=11.5, anchor="middle"),
    ]  # fmt: skip
    variants = [
        ("A", "undivided, below", "≈ 85–90%", "below", "below"),
        ("B", "fibular part through", "≈ 10%", "through", "below"),
        ("C", "fibular part above", "≈ 1–2%", "above", "below"),
        ("D", "undivided, through", "< 1%", "through", "through"),
    ]
    body.append(text(288, 28, "Variants (cadaver studies)", size=13, bold=True))
    for index, variant in enumerate(variants):
        body += _variant(288 + (index % 2) * 134, 40 + (index // 2) * 168, *variant)
    return document(W, 386, "The sciatic nerve's course and its variants", body)


def _variant(
    x: float, y: float, letter: str, name: str, share: str, fibular: str, tibial: str
) -> list[str]:
    """One panel: each division appears where it leaves the pelvis — above piriformis (and
    runs over it), through it (between two bellies), or from under its lower border."""
    split = "through" in (fibular, tibial)
    band = [rect(x + 14, y + 44, 96, 14, fill=P.muscle, stroke=P.muscle_edge, radius=7),
            rect(x + 14, y + 64, 96, 14, fill=P.muscle, stroke=P.muscle_edge, radius=7)] if split else [
            rect(x + 14, y + 46, 96, 30, fill=P.muscle, stroke=P.muscle_edge, radius=12)]  # fmt: skip
    start = {"above": y + 18, "through": y + 61, "below": y + 77}
    parts = [rect(x, y, 124, 156, fill=P.surface_alt, radius=10), *band]
    for centre, where, width in ((x + 50, fibular, 4.0), (x + 74, tibial, 5.0)):
        top = start[where]
        d = f"M {centre} {top} C {centre - 6} {top + 20} {centre + 6} {y + 100} {centre} {y + 118}"
        parts.append(path(d, stroke=P.nerve_edge, width=width))
    parts += [
        text(x + 10, y + 136, f"{letter}  {share}", size=12.5, bold=True),
        text(x + 10, y + 150, name, size=10.5, colour=P.text_muted),
    ]
    return parts


FIGURES: dict[str, Callable[[], str]] = {
    "motor-unit": motor_unit,
    "action-potential": action_potential,
    "twitch-cramp-tremor-fibrillation": movements,
    "triggers-add-up": triggers,
    "sciatic-course": sciatic_course,
    "diagnostic-pathway": diagnostic_pathway,
    "red-flag-flow": red_flag_flow,
}


def main(argv: list[str]) -> int:
    check = "--check" in argv
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, draw in FIGURES.items():
        target = OUT / f"{name}.svg"
        drawn = draw()
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != drawn:
                stale.append(target.name)
        else:
            target.write_text(drawn, encoding="utf-8")
    if stale:
        print("out of date (run packaging/make_lesson_figures.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
