"""Draw the atlas figures (assets/anatomy/*.svg) from the landmark table assets/anatomy/atlas.toml.

Run: python packaging/make_atlas_figures.py [OUT_DIR]. Without OUT_DIR it rewrites the shipped
figures; tests/content/test_atlas_figures.py runs it into a temporary folder and compares the
bytes, so the committed SVGs can never drift from the data.

The table gives, per view, landmarks in millimetres (posterior view: x lateral of the midline,
y below the top of the iliac crest) and each structure as a list of points. The femur of the
posterior view is not placed point by point: its head, neck and shaft follow from the measured
head centre and radius, neck-shaft angle, shaft obliquity and offset, so changing a measurement
redraws the bone. A point is written as

* ``"psis"`` — a landmark (``"!psis"``: a corner, where the outline turns sharply);
* ``[x, y]`` — millimetres;
* ``"shaft:lat:210"`` / ``"shaft:med:210"`` / ``"shaft:axis:210"`` — on the femoral shaft at
  y = 210 mm; ``"neck:sup:0.4"`` / ``"neck:inf:0.4"`` — on the neck, 0 at the head centre and
  1 where the neck axis meets the shaft axis; ``"head:200"`` — on the head, at 200° (0° points
  to the viewer's right, 90° down).

Outlines are closed Catmull-Rom splines through their points (written as cubic Béziers, the
only curves the loader reads); nerves, vessels and tendons are ribbons of a given width along
a centre line.
"""

from __future__ import annotations

import math
import sys
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

Point = tuple[float, float]
Spec = dict[str, Any]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "assets" / "anatomy" / "atlas.toml"
TENSION = 1.0 / 6.0  # Catmull-Rom with uniform parameter, as a Bézier control offset


@dataclass(frozen=True)
class Femur:
    """The proximal femur of one view, from its measurements (all in mm and degrees)."""

    head: Point
    head_radius: float
    neck_shaft_angle: float
    shaft_obliquity: float
    offset: float
    neck_half_width: float
    shaft_half_width: float

    @property
    def down(self) -> Point:
        """Unit vector down the shaft: the shaft slants medially (to smaller x) going down."""
        angle = math.radians(self.shaft_obliquity)
        return (-math.sin(angle), math.cos(angle))

    @property
    def junction(self) -> Point:
        """Where the neck axis meets the shaft axis."""
        # The neck leaves the shaft at (180 - neck-shaft angle) from the shaft's upward line;
        # its length follows from the offset (the head's distance from the shaft axis).
        between = math.radians(180.0 - self.neck_shaft_angle)
        length = self.offset / math.sin(between)
        up = (-self.down[0], -self.down[1])
        neck_dir = _rotate(up, -between)  # from the junction towards the head (medially, up)
        return (self.head[0] - neck_dir[0] * length, self.head[1] - neck_dir[1] * length)

    def shaft(self, side: str, y: float) -> Point:
        jx, jy = self.junction
        t = (y - jy) / self.down[1]
        axis = (jx + self.down[0] * t, jy + self.down[1] * t)
        normal = (self.down[1], -self.down[0])  # points laterally
        sign = {"lat": 1.0, "med": -1.0, "axis": 0.0}[side]
        width = self.shaft_half_width * sign
        return (axis[0] + normal[0] * width, y + normal[1] * width)

    def neck(self, side: str, t: float) -> Point:
        jx, jy = self.junction
        hx, hy = self.head
        length = math.hypot(jx - hx, jy - hy)
        along = ((jx - hx) / length, (jy - hy) / length)
        normal = (along[1], -along[0])  # towards the upper (superior) border
        width = self.neck_half_width * (1.0 if side == "sup" else -1.0)
        return (
            hx + along[0] * length * t + normal[0] * width,
            hy + along[1] * length * t + normal[1] * width,
        )

    def on_head(self, degrees: float) -> Point:
        angle = math.radians(degrees)
        return (
            self.head[0] + self.head_radius * math.cos(angle),
            self.head[1] + self.head_radius * math.sin(angle),
        )


def _femur(spec: Spec) -> Femur:
    head = spec["head"]
    sizes = {key: float(value) for key, value in spec.items() if key != "head"}
    return Femur(head=(float(head[0]), float(head[1])), **sizes)


def _rotate(vector: Point, radians: float) -> Point:
    cos, sin = math.cos(radians), math.sin(radians)
    return (vector[0] * cos - vector[1] * sin, vector[0] * sin + vector[1] * cos)


class Frame:
    """Turns point references of one view into SVG coordinates."""

    def __init__(self, view: Spec) -> None:
        self.scale = float(view["scale"])
        self.origin = (float(view["origin"][0]), float(view["origin"][1]))
        self.landmarks = {name: (float(x), float(y)) for name, (x, y) in view["landmarks"].items()}
        femur = view.get("femur")
        self.femur = _femur(femur) if femur else None

    def mm(self, ref: Any) -> tuple[Point, bool]:
        """A point in millimetres, and whether it is a corner."""
        if isinstance(ref, list):  # [x, y] or [x, y, "c"] (a corner)
            return (float(ref[0]), float(ref[1])), len(ref) > 2
        corner = ref.startswith("!")
        name = ref.lstrip("!")
        if name in self.landmarks:
            return self.landmarks[name], corner
        part, _, rest = name.partition(":")
        if self.femur is None or part not in ("shaft", "neck", "head"):
            raise KeyError(f"unknown point {ref!r}")
        if part == "head":
            return self.femur.on_head(float(rest)), corner
        side, _, value = rest.partition(":")
        if part == "shaft":
            return self.femur.shaft(side, float(value)), corner
        return self.femur.neck(side, float(value)), corner

    def svg(self, point: Point) -> Point:
        return (self.origin[0] + point[0] * self.scale, self.origin[1] + point[1] * self.scale)

    def points(self, refs: Sequence[Any]) -> tuple[list[Point], list[bool]]:
        resolved = [self.mm(ref) for ref in refs]
        return [self.svg(p) for p, _ in resolved], [c for _, c in resolved]


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _xy(point: Point) -> str:
    return f"{_num(point[0])},{_num(point[1])}"


def _tangent(points: Sequence[Point], corners: Sequence[bool], index: int, closed: bool) -> Point:
    """Catmull-Rom tangent at ``index``; zero length at corners (a sharp turn)."""
    count = len(points)
    if corners[index]:
        return (0.0, 0.0)
    if not closed and index in (0, count - 1):
        a = points[max(index - 1, 0)]
        b = points[min(index + 1, count - 1)]
    else:
        a, b = points[(index - 1) % count], points[(index + 1) % count]
    return ((b[0] - a[0]) * TENSION, (b[1] - a[1]) * TENSION)


def spline(points: Sequence[Point], corners: Sequence[bool], closed: bool = True) -> str:
    """SVG path data of a smooth curve through ``points`` (M and C commands, Z if closed)."""
    parts = [f"M {_xy(points[0])}"]
    count = len(points)
    for index in range(count if closed else count - 1):
        nxt = (index + 1) % count
        t0 = _tangent(points, corners, index, closed)
        t1 = _tangent(points, corners, nxt, closed)
        p0, p1 = points[index], points[nxt]
        c0 = (p0[0] + t0[0], p0[1] + t0[1])
        c1 = (p1[0] - t1[0], p1[1] - t1[1])
        parts.append(f"C {_xy(c0)} {_xy(c1)} {_xy(p1)}")
    if closed:
        parts.append("Z")
    return " ".join(parts)


def _sample(points: Sequence[Point], steps: int = 8) -> list[Point]:
    """Points along an open Catmull-Rom curve (for ribbons)."""
    flags = [False] * len(points)
    result = [points[0]]
    for index in range(len(points) - 1):
        t0 = _tangent(points, flags, index, False)
        t1 = _tangent(points, flags, index + 1, False)
        p0, p3 = points[index], points[index + 1]
        p1 = (p0[0] + t0[0], p0[1] + t0[1])
        p2 = (p3[0] - t1[0], p3[1] - t1[1])
        for step in range(1, steps + 1):
            t = step / steps
            u = 1 - t
            a, b, c, d = u**3, 3 * u * u * t, 3 * u * t * t, t**3
            result.append(
                (
                    a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
                )
            )
    return result


def ribbon(centre: Sequence[Point], widths: Sequence[float]) -> str:
    """A closed outline ``widths`` wide (start → end, linearly) along a centre line.

    Both edges are smooth curves through offset points (two per centre-line segment), with
    square ends; few commands keep the file small and quick to load.
    """
    samples = _sample(centre, steps=2)
    left, right = [], []
    for index, point in enumerate(samples):
        a = samples[max(index - 1, 0)]
        b = samples[min(index + 1, len(samples) - 1)]
        length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
        normal = ((b[1] - a[1]) / length, -(b[0] - a[0]) / length)
        fraction = index / (len(samples) - 1)
        half = (widths[0] + (widths[-1] - widths[0]) * fraction) / 2
        left.append((point[0] + normal[0] * half, point[1] + normal[1] * half))
        right.append((point[0] - normal[0] * half, point[1] - normal[1] * half))
    # The outline starts at the middle of the first end, so the path's first point is where
    # the structure begins (the variant tests read where each strand starts from it).
    middle = ((left[0][0] + right[0][0]) / 2, (left[0][1] + right[0][1]) / 2)
    outline = [middle, *left, *right[::-1]]
    corners = {0, 1, len(left), len(left) + 1, len(outline) - 1}  # the square ends
    return spline(outline, [index in corners for index in range(len(outline))])


def outline_data(frame: Frame, spec: Spec) -> str:
    """Path data of a structure or mark: an outline (with extra subpaths) or a ribbon."""
    if "ribbons" in spec:  # several strands (a nerve divided into its two parts)
        return " ".join(outline_data(frame, strand) for strand in spec["ribbons"])
    if "ribbon" in spec:
        centre, _ = frame.points(spec["ribbon"])
        width = spec["width"]
        widths = [w * frame.scale for w in (width if isinstance(width, list) else [width])]
        return ribbon(centre, widths)
    pieces = []
    for refs in [spec["outline"], *spec.get("subpaths", [])]:
        points, corners = frame.points(refs)
        pieces.append(spline(points, corners))
    return " ".join(pieces)


def detail_data(frame: Frame, refs: Sequence[Any]) -> str:
    if isinstance(refs, dict):  # a small closed ring (a foramen, a tubercle)
        return outline_data(frame, refs)
    points, corners = frame.points(refs)
    return spline(points, corners, closed=False)


def fibres_attr(frame: Frame, text: str) -> str:
    """``fan <landmark or point ref>`` becomes ``fan x y`` in SVG units; ``parallel`` stays."""
    kind, _, rest = text.partition(" ")
    if kind != "fan":
        return text
    rest = rest.strip()
    ref: Any = [float(v) for v in rest.strip("[]").split(",")] if rest.startswith("[") else rest
    point, _ = frame.mm(ref)
    return f"fan {_xy(frame.svg(point)).replace(',', ' ')}"


def _attrs(pairs: Sequence[tuple[str, str]]) -> str:
    return " ".join(f"{key}={quoteattr(value)}" for key, value in pairs if value)


def structure_elements(frame: Frame, spec: Spec) -> Iterator[str]:
    pairs = [
        ("id", spec["id"]),
        ("data-name", spec["name"]),
        ("class", spec["kind"]),
        ("data-layer", str(spec["layer"])),
        ("data-kind", spec["kind"]),
        ("data-fibres", fibres_attr(frame, spec["fibres"]) if "fibres" in spec else ""),
    ]
    yield f"  <path {_attrs(pairs)}\n        d={quoteattr(outline_data(frame, spec))}/>"
    for refs in spec.get("details", []):
        detail = _attrs([("class", "detail"), ("data-for", spec["id"])])
        yield f"  <path {detail} d={quoteattr(detail_data(frame, refs))}/>"


def mark_element(frame: Frame, spec: Spec, kind: str) -> str:
    keys = {
        "attachment": ("for", "end", "site", "name"),
        "variant": ("for", "variant", "name", "frequency", "link", "common"),
        "overlay": ("overlay", "name", "note"),
    }[kind]
    pairs = [("class", kind)] + [(f"data-{key}", _text(spec.get(key, ""))) for key in keys]
    return f"  <path {_attrs(pairs)}\n        d={quoteattr(outline_data(frame, spec))}/>"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else ""
    return str(value)


def figure(data: Spec, view_name: str) -> str:
    """The whole SVG text of one view."""
    view = data["views"][view_name]
    frame = Frame(view)
    width, height = view["size"]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!--",
        *[f"  {line}".rstrip() for line in view["comment"].strip().splitlines()],
        "  Generated by packaging/make_atlas_figures.py from assets/anatomy/atlas.toml;",
        "  edit the table and run the script rather than editing this file.",
        "-->",
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">',
        f"  <title>{view['title']}</title>",
    ]
    for group in view["groups"]:
        lines.append(f"\n  <!-- {group['heading']} -->")
        for spec in group["structures"]:
            lines.extend(structure_elements(frame, spec))
    for kind, key in (
        ("attachment", "attachments"),
        ("variant", "variants"),
        ("overlay", "overlays"),
    ):
        specs = view.get(key, [])
        if specs:
            lines.append(f"\n  <!-- {key}: drawn by the UI on request, never hit-tested -->")
            lines.extend(mark_element(frame, spec, kind) for spec in specs)
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def load_data(path: Path = DATA) -> Spec:
    with path.open("rb") as stream:
        return tomllib.load(stream)


def write_figures(out: Path, data: Spec | None = None) -> list[Path]:
    data = data if data is not None else load_data()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for view_name, view in data["views"].items():
        target = out / view["file"]
        target.write_text(figure(data, view_name), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "assets" / "anatomy"
    for path in write_figures(out):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
