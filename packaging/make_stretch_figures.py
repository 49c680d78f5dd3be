"""Draw the stretch illustrations (assets/stretches/*.svg) from pose tables.

Run: python packaging/make_stretch_figures.py [--check]. Every figure is the same jointed,
proportioned body (packaging/stretch_pose.py) in one style: dark near limbs, paler far limbs,
light joint dots, the target muscle in red with a white rim, on a light panel that reads the
same in both themes. Side views where they read best; the floor rotation (the knee-drop twist)
and the crossed-leg stretches are seen from a raised three-quarter angle so the turned-out
knee shows; the standing side-hip stretch is seen from behind, where the sideways hip shift
happens. ``--check`` fails when a file on disk differs from what this script draws.
"""

# Pose tables read best one joint per line, in the figure's own coordinates.
# ruff: noqa: E501

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stretch_pose import Camera, Limb, Pose, Vec, direction, draw, unit

W, H = 360, 240
PANEL = "#f7f4ef"
MAT = "#cfe3e3"
WOOD = "#8a7a66"
STRAP = "#1f6f78"
OUT = Path(__file__).resolve().parent.parent / "assets" / "stretches"
SIDE = Camera(0, 0, (0, 206))
#: Lying poses are long and low: zoom in about the body's middle so they fill the panel.
LYING = Camera(0, 0, (176, 196), 1.35, (180, 0, 0))
SEATED = Camera(0, 0, (180, 208), 1.2, (162, 0, 0))


def polygon(
    points: list[Vec], camera: Camera, fill: str, stroke: str = "none", width: float = 0
) -> str:
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in (camera.project(p) for p in points))
    return f'<polygon points="{coords}" fill="{fill}" stroke="{stroke}" stroke-width="{width}" stroke-linejoin="round"/>'


def bar(a: Vec, b: Vec, camera: Camera, width: float = 6, colour: str = WOOD) -> str:
    (x1, y1, _), (x2, y2, _) = camera.project(a), camera.project(b)
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" stroke-width="{width}" stroke-linecap="round"/>'


def mat(camera: Camera, x0: float = 40, x1: float = 320, half: float = 34) -> str:
    """A floor mat (a flat rectangle on the floor, seen through the camera)."""
    return polygon([(x0, 0, half), (x1, 0, half), (x1, 0, -half), (x0, 0, -half)], camera, MAT)


def floor_line(camera: Camera) -> str:
    """The floor as a line across the panel, just under the figure's floor level."""
    y = camera.origin[1] + 3 * camera.zoom
    return f'<line x1="22" y1="{y:.1f}" x2="{W - 22}" y2="{y:.1f}" stroke="#c9c0b2" stroke-width="5" stroke-linecap="round"/>'


def chair(camera: Camera, front: float, back: float, seat: float = 46) -> list[str]:
    legs = [bar((x, seat, 0), (x, 0, 0), camera, 5) for x in (front - 4, back + 4)]
    return [
        *legs,
        bar((back, seat, 0), (front, seat, 0), camera, 8),
        bar((back, seat, 0), (back - 8, seat + 62, 0), camera, 7),
    ]


def svg(title: str, pose: Pose, camera: Camera, behind: list[str]) -> str:
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}">',
            f"<title>{title}</title>",
            f'<rect x="0" y="0" width="{W}" height="{H}" rx="18" fill="{PANEL}"/>',
            *behind,
            *draw(pose, camera),
            "</svg>\n",
        ]
    )


def knee_to_chest() -> str:
    pose = Pose(
        pelvis=(200, 12, 0), trunk=unit((-1, 0.03, 0)), head=unit((-1, 0.06, 0)),
        legs={"near": Limb((222, 50, 9), (-1, 1, 0), (0.25, 1, 0)),
              "far": Limb((246, 4, -9), (0.2, 1, 0))},
        arms={"near": Limb((186, 40, 12), (0, 1, 0)), "far": Limb((187, 38, -12), (0, 1, 0))},
        target=("near", "glute", -1),
    )  # fmt: skip
    return svg(
        "Knee to chest: hands behind the thigh",
        pose,
        LYING,
        [mat(LYING, 60, 320, 0), floor_line(LYING)],
    )


def figure_four() -> str:
    # Raised and turned a little towards the feet, so the turned-out knee and the shin resting
    # across the other knee show as the "4" that names the stretch.
    camera = Camera(15, 30, (176, 146), 1.6, (205, 30, 0))
    pose = Pose(
        pelvis=(200, 12, 0), trunk=unit((-1, 0.03, 0)), head=unit((-1, 0.08, 0)),
        legs={"far": Limb((246, 58, -9), (0.1, 1, 0), (0.2, 1, 0)),
              "near": Limb((206, 60, -6), (0.2, 0.2, 1), (0, 0.25, -1))},
        arms={"near": Limb((204, 38, -2), (0, 1, 0.3)), "far": Limb((206, 36, -14), (0, 1, -0.3))},
        target=("near", "piriformis", 1),
        stressed="near",
    )  # fmt: skip
    return svg(
        "Figure-four stretch (three-quarter view)", pose, camera, [mat(camera, 80, 300, 34)]
    )


def half_kneeling() -> str:
    pose = Pose(
        pelvis=(160, 50, 0), trunk=unit((-0.04, 1, 0)), head=unit((0.05, 1, 0)),
        legs={"near": Limb((106, 5, 9), (0.3, -1, 0), (-1, 0.05, 0)),
              "far": Limb((222, 4, -9), (1, 1, 0))},
        arms={"near": Limb((168, 58, 16), (-1, -0.5, 0.3)), "far": Limb((170, 58, -16), (-1, -0.5, -0.3))},
        target=("near", "hip-flexors", 1),
    )  # fmt: skip
    cushion = polygon(
        [(130, 0, 14), (172, 0, 14), (172, 5, 14), (130, 5, 14)], SIDE, "#e8d9c3", WOOD, 1.5
    )
    return svg("Half-kneeling hip flexor stretch", pose, SIDE, [floor_line(SIDE), cushion])


def seated_figure_four() -> str:
    camera = Camera(-28, 12, (170, 206), 1.15, (150, 0, 0))
    pose = Pose(
        pelvis=(140, 52, 0), trunk=direction(62), head=direction(55),
        legs={"far": Limb((188, 4, -9), (1, 1, 0)),
              "near": Limb((186, 60, -4), (0.2, 0.2, 1), (0, 0.2, -1))},
        arms={"near": Limb((176, 60, 22), (-0.3, -1, 0.5)), "far": Limb((190, 42, -14), (-0.3, -1, -0.3))},
        target=("near", "piriformis", 1),
    )  # fmt: skip
    return svg(
        "Seated figure-four (three-quarter view)",
        pose,
        camera,
        [floor_line(camera), *chair(camera, 160, 108)],
    )


def standing_cross_behind() -> str:
    camera = Camera(90, 0, (190, 214))  # from behind: the hip shift is sideways
    pose = Pose(
        pelvis=(0, 92, -14), trunk=unit((0, 1, 0.16)), head=unit((0, 1, 0.08)),
        legs={"far": Limb((-8, 3, 16), (1, 0.1, 0), (1, 0, 0)),
              "near": Limb((2, 3, 8), (1, 0.1, 0), (1, 0, 0))},
        arms={"far": Limb((4, 84, -66), (0, -0.6, -1)), "near": Limb((2, 96, 22), (-0.5, 0, 1))},
        target=("far", "outer-hip", -1),
    )  # fmt: skip
    desk = [bar((0, 84, -58), (0, 84, -130), camera, 9), bar((0, 84, -66), (0, 0, -66), camera, 6),
            bar((0, 84, -124), (0, 0, -124), camera, 6)]  # fmt: skip
    return svg(
        "Standing side-hip stretch (seen from behind)",
        pose,
        camera,
        [floor_line(Camera(0, 0, (0, 214))), *desk],
    )


def seated_hamstring() -> str:
    pose = Pose(
        pelvis=(130, 50, 0), trunk=direction(52), head=direction(40),
        legs={"near": Limb((212, 6, 9), (0, 1, 0), (0.25, 1, 0)),
              "far": Limb((176, 4, -9), (1, 1, 0))},
        arms={"near": Limb((166, 60, 12), (-0.3, -1, 0.2)), "far": Limb((170, 58, -12), (-0.3, -1, -0.2))},
        target=("near", "hamstrings", 1),
    )  # fmt: skip
    return svg(
        "Seated hamstring stretch", pose, SEATED, [floor_line(SEATED), *chair(SEATED, 150, 96)]
    )


def supine_twist() -> str:
    camera = Camera(0, 58, (178, 140), 1.2, (190, 0, 0))
    pose = Pose(
        pelvis=(206, 12, 0), trunk=unit((-1, 0.02, 0)), head=unit((-1, 0.04, 0.25)),
        legs={"near": Limb((244, 14, -8), (0.4, 0.6, -1)), "far": Limb((244, 6, -16), (0.4, -0.1, -1))},
        arms={"near": Limb((138, 3, 64), (0.2, 1, 0)), "far": Limb((138, 3, -64), (0.2, 1, 0))},
        target=("near", "glute", 1),
    )  # fmt: skip
    return svg(
        "Lying knee-drop twist (three-quarter view from above)",
        pose,
        camera,
        [mat(camera, 70, 310, 78)],
    )


def supine_hamstring() -> str:
    pose = Pose(
        pelvis=(186, 12, 0), trunk=unit((-1, 0.03, 0)), head=unit((-1, 0.06, 0)),
        legs={"near": Limb((198, 100, 9), (1, 0, 0), (-1, 0.2, 0)),
              "far": Limb((236, 4, -9), (0.2, 1, 0))},
        arms={"near": Limb((164, 58, 10), (-0.4, -1, 0)), "far": Limb((166, 56, -10), (-0.4, -1, 0))},
        target=("near", "hamstrings", 1),
    )  # fmt: skip
    strap = [
        bar((164, 58, 10), (194, 101, 9), LYING, 3, STRAP),
        bar((166, 56, -10), (201, 99, 9), LYING, 3, STRAP),
    ]
    return svg(
        "Lying hamstring stretch with a strap",
        pose,
        LYING,
        [mat(LYING, 60, 320, 0), floor_line(LYING), *strap],
    )


def childs_pose() -> str:
    pose = Pose(
        pelvis=(108, 30, 0), trunk=direction(-8), head=direction(-30),
        legs={"near": Limb((104, 6, 9), (1, -0.3, 0), (-1, 0.05, 0)),
              "far": Limb((106, 6, -9), (1, -0.3, 0), (-1, 0.05, 0))},
        arms={"near": Limb((236, 5, 12), (0, 1, 0)), "far": Limb((236, 5, -12), (0, 1, 0))},
        target=("near", "glute", -1),
    )  # fmt: skip
    camera = Camera(0, 0, (160, 200), 1.4, (170, 0, 0))
    return svg("Child's pose", pose, camera, [mat(camera, 60, 300, 0), floor_line(camera)])


FIGURES: dict[str, Callable[[], str]] = {
    "knee-to-chest": knee_to_chest,
    "figure-four": figure_four,
    "half-kneeling-hip-flexor": half_kneeling,
    "seated-figure-four": seated_figure_four,
    "standing-cross-behind": standing_cross_behind,
    "seated-hamstring": seated_hamstring,
    "supine-twist": supine_twist,
    "supine-hamstring": supine_hamstring,
    "childs-pose": childs_pose,
}


def main(argv: list[str]) -> int:
    check = "--check" in argv
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, draw_figure in FIGURES.items():
        target, drawn = OUT / f"{name}.svg", draw_figure()
        if not check:
            target.write_text(drawn, encoding="utf-8")
        elif not target.exists() or target.read_text(encoding="utf-8") != drawn:
            stale.append(target.name)
    if stale:
        print("out of date (run packaging/make_stretch_figures.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
