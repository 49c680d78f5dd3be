"""Draw the stretch illustrations (assets/stretches/*.svg) from joint positions.

Run: python packaging/make_stretch_figures.py. One simple line-art figure per stretch, on a mat,
in side view (the twist is seen from above), the target muscle tinted. Every figure sits on its
own light panel so it reads the same in the light and high-contrast themes.
"""

from __future__ import annotations

import sys
from pathlib import Path

W, H = 360, 240
INK = "#34434f"
MAT = "#cfe3e3"
PANEL = "#f7f4ef"
TARGET = "#d0574b"

Point = tuple[float, float]


def limb(*points: Point, width: float = 11) -> str:
    path = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
    return (
        f'<polyline points="{path}" fill="none" stroke="{INK}" stroke-width="{width}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
    )


def head(x: float, y: float) -> str:
    return f'<circle cx="{x:.0f}" cy="{y:.0f}" r="14" fill="{INK}"/>'


def target(x: float, y: float, rx: float, ry: float, angle: float = 0) -> str:
    return (
        f'<ellipse cx="{x}" cy="{y}" rx="{rx}" ry="{ry}" transform="rotate({angle} {x} {y})" '
        f'fill="{TARGET}" fill-opacity="0.75" stroke="#ffffff" stroke-width="2.5"/>'
    )


def line(a: Point, b: Point, width: float = 5, colour: str = "#8a7a66") -> str:
    return (
        f'<line x1="{a[0]}" y1="{a[1]}" x2="{b[0]}" y2="{b[1]}" stroke="{colour}" '
        f'stroke-width="{width}" stroke-linecap="round"/>'
    )


def chair(seat_left: float, seat_right: float, seat_y: float) -> str:
    return "".join(
        [
            line((seat_left, seat_y), (seat_right, seat_y), 7),
            line((seat_left + 6, seat_y), (seat_left + 6, 200)),
            line((seat_right - 6, seat_y), (seat_right - 6, 200)),
            line((seat_left, seat_y), (seat_left - 6, seat_y - 68), 7),
        ]
    )


def svg(title: str, body: list[str], *, mat: bool = True, behind: list[str] | None = None) -> str:
    floor = (
        f'<rect x="24" y="200" width="{W - 48}" height="12" rx="6" fill="{MAT}"/>' if mat else ""
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}">',
        f"<title>{title}</title>",
        f'<rect x="0" y="0" width="{W}" height="{H}" rx="18" fill="{PANEL}"/>',
        floor,
        *(behind or []),
        *body,
        "</svg>\n",
    ]
    return "".join(parts)


def figures() -> dict[str, str]:
    return {
        "knee-to-chest": svg(
            "Knee to chest",
            [
                limb((88, 186), (172, 188), width=15),
                limb((172, 188), (230, 150), (262, 196), (282, 196)),
                limb((172, 188), (140, 138), (184, 124), (196, 112)),
                limb((96, 184), (112, 156), (140, 142), width=8),
                head(66, 184),
                target(168, 178, 22, 13),
            ],
        ),
        "figure-four": svg(
            "Figure-four stretch",
            [
                limb((88, 186), (172, 188), width=15),
                limb((172, 188), (172, 128), (226, 126), (232, 112)),
                limb((172, 188), (214, 158), (176, 128)),
                limb((96, 184), (124, 160), (168, 150), width=8),
                head(66, 184),
                target(176, 176, 20, 12),
            ],
        ),
        "half-kneeling-hip-flexor": svg(
            "Half-kneeling hip flexor stretch",
            [
                limb((170, 140), (150, 196), (104, 198)),
                limb((170, 140), (238, 146), (236, 196), (258, 198)),
                limb((170, 140), (166, 76), width=15),
                limb((166, 84), (146, 112), (164, 134), width=8),
                head(166, 54),
                target(164, 138, 15, 19),
            ],
        ),
        "seated-figure-four": svg(
            "Seated figure-four",
            [
                limb((168, 146), (240, 150), (240, 196), (260, 198)),
                limb((168, 146), (212, 124), (246, 140)),
                limb((168, 146), (212, 94), width=15),
                limb((208, 100), (226, 124), (242, 138), width=8),
                head(228, 74),
                target(166, 136, 17, 12),
            ],
            behind=[chair(134, 214, 152)],
        ),
        "standing-cross-behind": svg(
            "Standing side-hip stretch",
            [
                limb((178, 120), (170, 160), (150, 196), (132, 198)),
                limb((178, 120), (176, 160), (196, 196), (214, 198)),
                limb((178, 120), (160, 54), width=15),
                limb((162, 62), (124, 84), (100, 106), width=8),
                limb((162, 62), (184, 92), (180, 118), width=8),
                head(156, 32),
                target(186, 114, 11, 17),
            ],
            behind=[
                line((36, 108), (104, 108), 8),
                line((44, 108), (44, 200)),
                line((96, 108), (96, 200)),
            ],
        ),
        "seated-hamstring": svg(
            "Seated hamstring stretch",
            [
                limb((156, 146), (196, 150), (196, 196), (214, 198)),
                limb((156, 146), (214, 162), (270, 190), (276, 178)),
                limb((156, 146), (204, 96), width=15),
                limb((200, 102), (206, 126), (212, 152), width=8),
                head(220, 76),
                target(176, 152, 24, 9, 16),
            ],
            behind=[chair(112, 176, 152)],
        ),
        "supine-twist": svg(
            "Lying knee-drop twist (seen from above)",
            [
                limb((112, 120), (196, 120), width=15),
                limb((112, 70), (112, 170), width=8),
                limb((112, 70), (112, 40), width=8),
                limb((112, 170), (112, 200), width=8),
                limb((196, 114), (236, 160), (276, 128)),
                limb((196, 126), (230, 172), (270, 142)),
                head(82, 120),
                target(198, 106, 16, 11),
            ],
            mat=False,
            behind=[f'<rect x="40" y="24" width="280" height="192" rx="12" fill="{MAT}"/>'],
        ),
        "supine-hamstring": svg(
            "Lying hamstring stretch with a strap",
            [
                limb((88, 186), (176, 188), width=15),
                limb((176, 188), (236, 150), (270, 196), (288, 196)),
                limb((176, 188), (194, 128), (210, 66), (226, 62)),
                limb((96, 184), (124, 150), (150, 124), width=8),
                '<polyline points="150,124 218,56 220,70 150,124" fill="none" stroke="#1f6f78" '
                'stroke-width="3.5" stroke-linejoin="round"/>',
                head(66, 184),
                target(188, 150, 26, 9, -72),
            ],
        ),
        "childs-pose": svg(
            "Child's pose",
            [
                limb((124, 158), (150, 196), (104, 198)),
                limb((124, 158), (196, 168), width=15),
                limb((196, 170), (252, 192), (304, 196), width=8),
                head(214, 186),
                target(122, 150, 19, 14),
            ],
        ),
    }


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    out = Path(argv[1]) if len(argv) > 1 else root / "assets" / "stretches"
    out.mkdir(parents=True, exist_ok=True)
    for name, text in figures().items():
        (out / f"{name}.svg").write_text(text, encoding="utf-8")
    print(f"wrote {len(figures())} figures to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
