"""A jointed, proportioned figure for the stretch illustrations, posed in 3D and drawn in 2D.

A pose names where the pelvis is, which way the trunk and head point, and where each hand and
foot goes; elbows and knees are found by two-link inverse kinematics with a hint for the way
each joint bends. Segment lengths follow adult proportions (thigh ≈ shin ≈ a quarter of
height, trunk ≈ three tenths), so every pose shares one body. A camera (yaw, pitch) projects
the figure: side view for most poses, a raised three-quarter view for floor rotations.
Parts are drawn far to near, the far limbs paler, so crossed legs stay readable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

Vec = tuple[float, float, float]

INK = "#34434f"
INK_FAR = "#9aa8b2"
JOINT = "#f7f4ef"
TARGET = "#d0574b"

#: Segment lengths in drawing units (a standing figure is about 180 tall).
THIGH, SHIN, FOOT = 46.0, 44.0, 15.0
UPPER_ARM, FOREARM = 31.0, 29.0
TRUNK, NECK, HEAD_R = 58.0, 7.0, 11.5
HIP_HALF, SHOULDER_HALF = 9.0, 13.0
WIDTHS = {"thigh": 15.0, "shin": 12.0, "foot": 8.0, "upper": 10.0, "fore": 9.0}
#: The zoom of the figure being drawn (one figure at a time; a script, not a library).
_ZOOM = [1.0]


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def unit(a: Vec) -> Vec:
    length = math.sqrt(dot(a, a)) or 1.0
    return scale(a, 1 / length)


def direction(angle: float, out: float = 0.0) -> Vec:
    """A unit vector ``angle`` degrees from +x towards +y (up), tipped ``out`` towards +z."""
    a, o = math.radians(angle), math.radians(out)
    return (math.cos(o) * math.cos(a), math.cos(o) * math.sin(a), math.sin(o))


def two_link(root: Vec, end: Vec, first: float, second: float, bend: Vec) -> tuple[Vec, Vec]:
    """The middle joint (knee, elbow) and the reachable end, bending towards ``bend``."""
    axis = sub(end, root)
    reach = min(math.sqrt(dot(axis, axis)), first + second - 0.01)
    u = unit(axis)
    end = add(root, scale(u, reach))
    along = (first**2 - second**2 + reach**2) / (2 * reach)
    height = math.sqrt(max(first**2 - along**2, 0.0))
    side = sub(bend, scale(u, dot(bend, u)))
    return add(add(root, scale(u, along)), scale(unit(side), height)), end


@dataclass(frozen=True)
class Limb:
    """Where a hand or foot goes and which way its elbow or knee bends."""

    end: Vec
    bend: Vec
    foot: Vec = (1.0, 0.0, 0.0)  # direction of the foot from the ankle (legs only)


@dataclass(frozen=True)
class Pose:
    """A whole figure: ``near``/``far`` are the sides nearer and further from the camera
    (+z is near in the side view)."""

    pelvis: Vec
    trunk: Vec  # unit direction from pelvis to shoulders
    head: Vec  # unit direction from the neck to the head's centre
    legs: dict[str, Limb]
    arms: dict[str, Limb]
    across: Vec = (0.0, 0.0, 1.0)  # the body's left-right axis, towards the near side
    target: tuple[str, str, int] | None = None  # (side, muscle, which side of the bone: ±1)
    stressed: str = ""  # a side whose leg is always dark (the working leg of a crossed pose)


@dataclass(frozen=True)
class Camera:
    yaw: float = 0.0  # degrees about the vertical axis
    pitch: float = 0.0  # degrees looking down (90: from straight above)
    origin: tuple[float, float] = (0.0, 200.0)  # where the pivot lands on screen
    zoom: float = 1.0
    pivot: Vec = (0.0, 0.0, 0.0)  # the point the camera turns about

    def project(self, p: Vec) -> tuple[float, float, float]:
        """Screen x, screen y (down) and depth (bigger is nearer)."""
        p = sub(p, self.pivot)
        y_angle, x_angle = math.radians(self.yaw), math.radians(self.pitch)
        x1 = p[0] * math.cos(y_angle) + p[2] * math.sin(y_angle)
        z1 = -p[0] * math.sin(y_angle) + p[2] * math.cos(y_angle)
        up = p[1] * math.cos(x_angle) - z1 * math.sin(x_angle)
        depth = z1 * math.cos(x_angle) + p[1] * math.sin(x_angle)
        return self.origin[0] + x1 * self.zoom, self.origin[1] - up * self.zoom, depth


@dataclass
class Skeleton:
    """Joint positions for a pose."""

    joints: dict[str, Vec] = field(default_factory=dict)


def build(pose: Pose) -> Skeleton:
    """Solve a pose into joint positions."""
    j: dict[str, Vec] = {"pelvis": pose.pelvis}
    chest = add(pose.pelvis, scale(pose.trunk, TRUNK))
    j["chest"] = chest
    j["head"] = add(chest, scale(pose.head, NECK + HEAD_R))
    for side, sign in (("near", 1.0), ("far", -1.0)):
        hip = add(pose.pelvis, scale(pose.across, HIP_HALF * sign))
        shoulder = add(chest, scale(pose.across, SHOULDER_HALF * sign))
        leg, arm = pose.legs[side], pose.arms[side]
        j[f"{side}.hip"], j[f"{side}.shoulder"] = hip, shoulder
        j[f"{side}.knee"], j[f"{side}.ankle"] = two_link(hip, leg.end, THIGH, SHIN, leg.bend)
        j[f"{side}.toe"] = add(j[f"{side}.ankle"], scale(unit(leg.foot), FOOT))
        j[f"{side}.elbow"], j[f"{side}.hand"] = two_link(
            shoulder, arm.end, UPPER_ARM, FOREARM, arm.bend
        )
    return Skeleton(j)


def segment(a: tuple[float, ...], b: tuple[float, ...], width: float, colour: str) -> str:
    width *= _ZOOM[0]
    return (
        f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" '
        f'stroke="{colour}" stroke-width="{width:.1f}" stroke-linecap="round"/>'
    )


def dot_at(p: tuple[float, ...], r: float, colour: str) -> str:
    r *= _ZOOM[0]
    return f'<circle cx="{p[0]:.1f}" cy="{p[1]:.1f}" r="{r:.1f}" fill="{colour}"/>'


#: Where each highlightable muscle sits along the thigh: (from joint, to joint, how far
#: along, offset from the bone's line in thigh widths, half-length, half-thickness).
MUSCLES = {
    "glute": ("hip", "knee", 0.0, 0.75, 15.0, 11.0),  # the buttock, behind the hip
    "piriformis": ("hip", "knee", -0.05, 0.45, 11.0, 6.5),  # deep, just behind the joint
    "hip-flexors": ("hip", "knee", 0.32, 0.45, 17.0, 6.0),  # front of the hip and thigh
    "hamstrings": ("hip", "knee", 0.5, 0.45, 20.0, 6.0),  # back of the thigh
    "outer-hip": ("hip", "knee", -0.05, 0.5, 8.0, 14.0),  # side of the hip (medius)
}


def draw(pose: Pose, camera: Camera) -> list[str]:
    """SVG elements for the posed figure, far parts first."""
    _ZOOM[0] = camera.zoom  # stroke widths and radii grow with the figure
    p = {name: camera.project(point) for name, point in build(pose).joints.items()}
    parts: list[tuple[float, list[str]]] = []
    for side in ("near", "far"):
        other = "far" if side == "near" else "near"
        # The limb nearer the camera is dark, the other pale: a crossed leg stays readable.
        leg_near = _depth(p, f"{side}.knee", f"{side}.ankle") >= _depth(
            p, f"{other}.knee", f"{other}.ankle"
        )
        arm_near = _depth(p, f"{side}.elbow", f"{side}.hand") >= _depth(
            p, f"{other}.elbow", f"{other}.hand"
        )
        if pose.stressed:
            leg_near = side == pose.stressed
        colour = INK if leg_near else INK_FAR
        leg = [
            segment(p[f"{side}.hip"], p[f"{side}.knee"], WIDTHS["thigh"], colour),
            segment(p[f"{side}.knee"], p[f"{side}.ankle"], WIDTHS["shin"], colour),
            segment(p[f"{side}.ankle"], p[f"{side}.toe"], WIDTHS["foot"], colour),
            dot_at(p[f"{side}.knee"], 2.6, JOINT),
        ]
        colour = INK if arm_near else INK_FAR
        arm = [
            segment(p[f"{side}.shoulder"], p[f"{side}.elbow"], WIDTHS["upper"], colour),
            segment(p[f"{side}.elbow"], p[f"{side}.hand"], WIDTHS["fore"], colour),
            dot_at(p[f"{side}.hand"], 5.0, colour),
            dot_at(p[f"{side}.elbow"], 2.3, JOINT),
        ]
        parts.append((_depth(p, f"{side}.knee", f"{side}.hip"), leg))
        parts.append((_depth(p, f"{side}.elbow", f"{side}.shoulder") + 0.5, arm))
    trunk = [
        segment(p["pelvis"], p["chest"], 24.0, INK),
        segment(p["chest"], p["head"], 8.0, INK),
        dot_at(p["head"], HEAD_R, INK),
    ]
    parts.append(((p["pelvis"][2] + p["chest"][2]) / 2, trunk))
    parts.sort(key=lambda item: item[0])
    elements = [element for _, group in parts for element in group]
    if pose.target:
        side, kind, flip = pose.target
        elements.append(_muscle(kind, side, float(flip), p))
    return elements


def _depth(p: dict[str, tuple[float, float, float]], *names: str) -> float:
    return sum(p[name][2] for name in names) / len(names)


def _muscle(kind: str, side: str, flip: float, p: dict[str, tuple[float, float, float]]) -> str:
    """The target muscle as a tinted capsule laid along its segment, outlined in white.

    ``flip`` picks which side of the bone's line the muscle sits on, as seen on screen.
    """
    start, end, along, offset, rx, ry = MUSCLES[kind]
    a, b = p[f"{side}.{start}"], p[f"{side}.{end}"]
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    k = flip * offset * WIDTHS["thigh"] * _ZOOM[0]
    rx, ry = rx * _ZOOM[0], ry * _ZOOM[0]
    cx, cy = a[0] + dx * along + nx * k, a[1] + dy * along + ny * k
    angle = math.degrees(math.atan2(dy, dx))
    return (
        f'<ellipse cx="{cx:.1f}" cy="{cy:.1f}" rx="{rx:.1f}" ry="{ry:.1f}" '
        f'transform="rotate({angle:.1f} {cx:.1f} {cy:.1f})" fill="{TARGET}" '
        f'fill-opacity="0.9" stroke="#ffffff" stroke-width="{2.2 * _ZOOM[0]:.1f}"/>'
    )
