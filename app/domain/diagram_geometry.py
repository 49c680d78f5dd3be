"""SVG path data as plain numbers: parsing, flattening to polygons, point-in-shape.

Pure and Qt-free so the rules the diagram follows can be tested and benchmarked without a
window. The widget keeps its own ``QPainterPath`` copies for painting and fast hit tests; these
polygons are the reference they are checked against.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from functools import cache

Point = tuple[float, float]
Polygon = tuple[Point, ...]

#: One normalised command: ``("M", (x, y))``, ``("L", (x, y))``,
#: ``("C", (x1, y1, x2, y2, x, y))`` or ``("Z", ())``, all in absolute coordinates.
Command = tuple[str, tuple[float, ...]]

#: Caps that keep a hostile path from eating memory or time.
MAX_PATH_CHARS = 20_000
MAX_COMMANDS = 2_000

_TOKEN = re.compile(r"[MLHVCSQTZmlhvcsqtz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}


class PathDataError(ValueError):
    """Path data that this parser refuses (unknown command, bad numbers, too long)."""


def parse_path(data: str) -> tuple[Command, ...]:
    """Parse SVG path data (M L H V C S Q T Z, absolute or relative; no arcs).

    Raises:
        PathDataError: on anything else, or when the data is over the size caps.
    """
    if len(data) > MAX_PATH_CHARS:
        raise PathDataError(f"path data is {len(data)} characters (limit {MAX_PATH_CHARS})")
    tokens = _TOKEN.findall(data)
    # Every character that is not a separator must belong to a token; comparing counts does
    # that check in C instead of a second regular-expression pass (the atlas loads faster).
    if sum(map(len, tokens)) != len("".join(data.replace(",", " ").split())):
        raise PathDataError("path data holds something other than M L H V C S Q T Z and numbers")
    commands = list(_normalise(_group(tokens)))
    if not commands or commands[0][0] != "M":
        raise PathDataError("path data must start with a move (M)")
    if len(commands) > MAX_COMMANDS:
        raise PathDataError(f"path has {len(commands)} commands (limit {MAX_COMMANDS})")
    return tuple(commands)


def _group(tokens: list[str]) -> Iterator[tuple[str, list[float]]]:
    """Yield ``(letter, numbers)`` per command, splitting implicit repeats."""
    index = 0
    letter = ""
    while index < len(tokens):
        if tokens[index].isalpha():
            letter = tokens[index]
            index += 1
        elif not letter:
            raise PathDataError("path data starts with a number, not a command")
        arity = _ARITY[letter.upper()]
        numbers = tokens[index : index + arity]
        if len(numbers) < arity or any(token.isalpha() for token in numbers):
            raise PathDataError(f"command {letter!r} needs {arity} numbers")
        index += arity
        yield letter, [float(number) for number in numbers]
        if arity == 0:
            letter = ""
        elif letter in "Mm":  # numbers after a move are implicit line-tos
            letter = "L" if letter == "M" else "l"


def _normalise(groups: Iterator[tuple[str, list[float]]]) -> Iterator[Command]:
    """Turn every command into absolute M, L, C or Z."""
    current = start = (0.0, 0.0)
    control: Point | None = None  # last cubic's second control point (for S)
    quad: Point | None = None  # last quadratic's control point (for T)
    for letter, numbers in groups:
        upper = letter.upper()
        base = current if letter.islower() else (0.0, 0.0)
        points = _absolute(upper, numbers, base, current)
        if upper == "Z":
            current, control, quad = start, None, None
            yield "Z", ()
            continue
        if upper in "MLHV":
            if upper == "M":
                start = points[0]
            current, control, quad = points[0], None, None
            yield ("M" if upper == "M" else "L"), points[0]
            continue
        cubic, control, quad = _curve(upper, points, current, control, quad)
        current = cubic[2]
        yield "C", (*cubic[0], *cubic[1], *cubic[2])


def _absolute(upper: str, numbers: list[float], base: Point, current: Point) -> list[Point]:
    if upper == "H":
        return [(numbers[0] + base[0], current[1])]
    if upper == "V":
        return [(current[0], numbers[0] + base[1])]
    pairs = zip(numbers[0::2], numbers[1::2], strict=True)
    return [(x + base[0], y + base[1]) for x, y in pairs]


def _curve(
    upper: str, points: list[Point], current: Point, control: Point | None, quad: Point | None
) -> tuple[tuple[Point, Point, Point], Point | None, Point | None]:
    """A cubic for C, S, Q or T; returns it with the new reflection points."""
    if upper == "C":
        return (points[0], points[1], points[2]), points[1], None
    if upper == "S":
        first = _reflect(control, current)
        return (first, points[0], points[1]), points[0], None
    q_control = points[0] if upper == "Q" else _reflect(quad, current)
    end = points[-1]
    first = _lerp(current, q_control, 2 / 3)
    second = _lerp(end, q_control, 2 / 3)
    return (first, second, end), None, q_control


def _reflect(point: Point | None, about: Point) -> Point:
    if point is None:
        return about
    return (2 * about[0] - point[0], 2 * about[1] - point[1])


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def flatten(commands: Sequence[Command], steps: int = 12) -> tuple[Polygon, ...]:
    """The path as closed polygons, one per subpath; each cubic becomes ``steps`` lines."""
    polygons: list[Polygon] = []
    points: list[Point] = []
    for letter, values in commands:
        if letter == "M":
            if len(points) > 2:
                polygons.append(tuple(points))
            points = [(values[0], values[1])]
        elif letter == "L":
            points.append((values[0], values[1]))
        elif letter == "C" and points:
            points.extend(_cubic_points(points[-1], values, steps))
        elif letter == "Z" and len(points) > 2:
            polygons.append(tuple(points))
            points = [points[0]]
    if len(points) > 2:
        polygons.append(tuple(points))
    return tuple(polygons)


def _cubic_points(start: Point, values: tuple[float, ...], steps: int) -> list[Point]:
    x0, y0 = start
    x1, y1, x2, y2, x3, y3 = values
    return [
        (a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3)
        for a, b, c, d in _bernstein(steps)
    ]


@cache
def _bernstein(steps: int) -> tuple[tuple[float, float, float, float], ...]:
    """The cubic's blending weights at t = 1/steps ... 1, computed once per step count
    (flattening is most of the time it takes to load the atlas)."""
    weights = []
    for step in range(1, steps + 1):
        t = step / steps
        u = 1 - t
        weights.append((u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t))
    return tuple(weights)


def contains(polygons: Sequence[Polygon], x: float, y: float) -> bool:
    """Whether ``(x, y)`` lies inside the shape (odd-even rule, as Qt's default fill)."""
    inside = False
    for polygon in polygons:
        previous = polygon[-1]
        for point in polygon:
            (x1, y1), (x2, y2) = previous, point
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
            previous = point
    return inside


def bounds(polygons: Sequence[Polygon]) -> tuple[float, float, float, float]:
    """``(left, top, right, bottom)`` of all points."""
    xs = [x for polygon in polygons for x, _ in polygon]
    ys = [y for polygon in polygons for _, y in polygon]
    return min(xs), min(ys), max(xs), max(ys)


def edge_distance(polygons: Sequence[Polygon], x: float, y: float) -> float:
    """Distance from ``(x, y)`` to the nearest edge of the shape."""
    best = math.inf
    for polygon in polygons:
        previous = polygon[-1]
        for point in polygon:
            best = min(best, _segment_distance(previous, point, x, y))
            previous = point
    return best


def _segment_distance(a: Point, b: Point, x: float, y: float) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - a[0]) * dx + (y - a[1]) * dy) / length))
    return math.hypot(a[0] + t * dx - x, a[1] + t * dy - y)


def area(polygons: Sequence[Polygon]) -> float:
    """Enclosed area (shoelace per polygon; holes are not subtracted, as marks have none)."""
    total = 0.0
    for polygon in polygons:
        previous = polygon[-1]
        twice = 0.0
        for point in polygon:
            twice += previous[0] * point[1] - point[0] * previous[1]
            previous = point
        total += abs(twice) / 2
    return total


def overlap_points(
    first: Sequence[Polygon], second: Sequence[Polygon], step: float = 2.0
) -> list[Point]:
    """Grid points (``step`` apart) inside both shapes: empty when they do not overlap."""
    if not first or not second:
        return []
    a, b = bounds(first), bounds(second)
    left, top = max(a[0], b[0]), max(a[1], b[1])
    right, bottom = min(a[2], b[2]), min(a[3], b[3])
    points: list[Point] = []
    y = top + step / 2
    while y < bottom:
        x = left + step / 2
        while x < right:
            if contains(first, x, y) and contains(second, x, y):
                points.append((x, y))
            x += step
        y += step
    return points
