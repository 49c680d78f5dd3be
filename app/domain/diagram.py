"""The anatomy diagram as data: shapes in depth order, peeling rules and hit testing.

A :class:`Diagram` is what the loader makes of an SVG file. Shapes are stored bottom to top (the
SVG's document order). Peeling to ``depth`` removes every shape whose ``layer`` is below it, so
at depth 1 everything is in place and at depth 4 only bone and ligament remain.

There are two figures, one per :class:`~app.domain.diagram_marks.View` (posterior and
lateral); ``Diagram.view`` says which. Besides its shapes a diagram carries marks that are not
structures (see :mod:`app.domain.diagram_marks`): ``attachments`` (a muscle's origin and
insertion painted on bone; ``attachments_for(muscle_id)``), ``variants`` (alternative courses,
hidden unless shown; ``variants_for(structure_id)``) and ``overlays`` (teaching marks such as
the ventrogluteal injection site). None of these take part in hit testing of structures.

Selection rule: every shape whose structure has a card is selectable. ``Shape.context`` only
marks a shape drawn muted for orientation without a card of its own; :func:`check_against`
reports a carded structure drawn as context, so the two can never disagree.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.diagram_geometry import (
    Command,
    Point,
    Polygon,
    bounds,
    contains,
    flatten,
)
from app.domain.diagram_marks import Attachment, Overlay, Variant, View

MIN_DEPTH = 1
MAX_DEPTH = 4
DEPTHS = range(MIN_DEPTH, MAX_DEPTH + 1)


class FibrePattern(StrEnum):
    NONE = "none"
    PARALLEL = "parallel"  # straight fibres at ``angle`` degrees below the horizontal
    FAN = "fan"  # fibres converging on ``focus`` (a tendon or insertion)


@dataclass(frozen=True)
class Fibres:
    """How a muscle's fibre lines run (the non-colour cue that tells muscle from bone)."""

    pattern: FibrePattern = FibrePattern.NONE
    angle: float = 0.0
    focus: Point = (0.0, 0.0)


@dataclass(frozen=True)
class Shape:
    """One structure as drawn: its outline, depth and drawing cues.

    Attributes:
        id: the structure id (same as in ``content/anatomy.toml``).
        kind: ``muscle``, ``nerve``, ``bone`` or ``ligament``.
        layer: the deepest peel step at which it is still in place.
        path: the outline (odd-even fill), normalised to M/L/C/Z.
        details: extra lines drawn inside it (foramina, bony lines, a nerve's fascicles).
        name: the label shown on the figure.
        context: drawn muted for orientation; a click on it selects nothing.
    """

    id: str
    kind: str
    layer: int
    path: tuple[Command, ...]
    name: str = ""
    context: bool = False
    fibres: Fibres = Fibres()
    details: tuple[tuple[Command, ...], ...] = ()
    polygons: tuple[Polygon, ...] = field(default=(), compare=False, repr=False)

    def visible_at(self, depth: int) -> bool:
        return self.layer >= depth

    def contains(self, point: Point) -> bool:
        return contains(self.polygons, *point)

    @property
    def selectable(self) -> bool:
        """Whether a click on it selects it (every structure with a card is)."""
        return not self.context


def make_shape(
    id: str,
    kind: str,
    layer: int,
    path: tuple[Command, ...],
    *,
    name: str = "",
    context: bool = False,
    fibres: Fibres = Fibres(),
    details: tuple[tuple[Command, ...], ...] = (),
) -> Shape:
    """A :class:`Shape` with its polygons flattened once."""
    polygons = flatten(path)
    return Shape(id, kind, layer, path, name or id, context, fibres, details, polygons)


@dataclass(frozen=True)
class Diagram:
    """A whole figure: its title, view box, shapes from bottom to top and its marks."""

    title: str
    view_box: tuple[float, float, float, float]
    shapes: tuple[Shape, ...]
    view: View = View.POSTERIOR
    attachments: tuple[Attachment, ...] = ()
    variants: tuple[Variant, ...] = ()
    overlays: tuple[Overlay, ...] = ()

    def attachments_for(self, muscle_id: str) -> tuple[Attachment, ...]:
        """The muscle's drawn origin and insertion regions (origins first)."""
        found = [a for a in self.attachments if a.muscle_id == muscle_id]
        return tuple(sorted(found, key=lambda a: a.end != "origin"))

    def variants_for(self, structure_id: str) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.structure_id == structure_id)

    @property
    def sites(self) -> frozenset[str]:
        """Every attachment-site id drawn in this figure."""
        return frozenset(a.site for a in self.attachments)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(shape.id for shape in self.shapes)

    def shape(self, structure_id: str) -> Shape | None:
        return next((s for s in self.shapes if s.id == structure_id), None)

    def visible(self, depth: int) -> tuple[Shape, ...]:
        """Shapes in place at ``depth``, bottom to top."""
        return tuple(shape for shape in self.shapes if shape.visible_at(depth))

    def content_bounds(self) -> tuple[float, float, float, float]:
        """``(left, top, right, bottom)`` around every shape."""
        return bounds([polygon for shape in self.shapes for polygon in shape.polygons])


def clamp_depth(depth: int) -> int:
    return max(MIN_DEPTH, min(MAX_DEPTH, depth))


def hit_test(diagram: Diagram, depth: int, point: Point) -> str:
    """Id of the topmost shape in place at ``depth`` that contains ``point``, or ``""``."""
    for shape in reversed(diagram.visible(depth)):
        if shape.contains(point):
            return shape.id
    return ""


#: Answers "is this scene point one where the structure is the topmost shape?".
Exposure = Callable[[Point], bool]
Rect = tuple[float, float, float, float]


def exposure(diagram: Diagram, structure_id: str, depth: int) -> Exposure:
    """The pure (polygon) exposure test for one structure at ``depth``."""
    shape = diagram.shape(structure_id)
    if shape is None or not shape.visible_at(depth):
        return lambda point: False
    above = _shapes_above(diagram, shape, depth)
    return lambda point: shape.contains(point) and not any(o.contains(point) for o in above)


def exposed_point(rect: Rect, is_exposed: Exposure, cells: int = 900) -> Point | None:
    """The exposed point deepest inside the exposed region (a grid distance transform), or
    ``None`` when nothing in ``rect`` (left, top, right, bottom) is exposed.

    Deepest-inside makes it a good label anchor and a click target that survives rounding.
    """
    grid, origin, step = _exposure_grid(rect, is_exposed, cells)
    distance = _distance_transform(grid)
    cells_in = [
        (row, col) for row, line in enumerate(grid) for col, cell in enumerate(line) if cell
    ]
    if not cells_in:
        return None
    # Ties (a strip of even width, like the nerve) go to the cell nearest the region's middle.
    middle_row = sum(row for row, _ in cells_in) / len(cells_in)
    middle_col = sum(col for _, col in cells_in) / len(cells_in)
    _, _, row, col = max(
        (distance[r][c], -math.hypot(r - middle_row, c - middle_col), r, c) for r, c in cells_in
    )
    return (origin[0] + col * step, origin[1] + row * step)


def exposed_area(rect: Rect, is_exposed: Exposure, cells: int = 900) -> float:
    """Approximate exposed area in ``rect`` (square scene units)."""
    grid, _, step = _exposure_grid(rect, is_exposed, cells)
    return sum(map(sum, grid)) * step * step


def best_depth(areas: Mapping[int, float]) -> int:
    """The shallowest depth at which a structure shows (nearly) all it ever shows.

    Shallow keeps the surrounding anatomy in view; "nearly" (90 %) stops a sliver of overlap
    from sending the learner one layer deeper than they need to go.
    """
    most = max(areas.values(), default=0.0)
    if most <= 0:
        return MIN_DEPTH
    return min(depth for depth, area in areas.items() if area >= 0.9 * most)


def shape_rect(shape: Shape) -> Rect:
    return bounds(shape.polygons)


def _shapes_above(diagram: Diagram, shape: Shape, depth: int) -> list[Shape]:
    visible = diagram.visible(depth)
    index = next(i for i, other in enumerate(visible) if other.id == shape.id)
    return list(visible[index + 1 :])


def _exposure_grid(
    rect: Rect, is_exposed: Exposure, cells: int
) -> tuple[list[list[bool]], Point, float]:
    left, top, right, bottom = rect
    step = max(math.sqrt(max((right - left) * (bottom - top), 1.0) / cells), 0.5)
    columns = int((right - left) / step) + 1
    rows = int((bottom - top) / step) + 1
    origin = (left + step / 2, top + step / 2)
    grid = [
        [is_exposed((origin[0] + col * step, origin[1] + row * step)) for col in range(columns)]
        for row in range(rows)
    ]
    return grid, origin, step


def _distance_transform(grid: list[list[bool]]) -> list[list[int]]:
    """Chessboard distance from each exposed cell to the nearest unexposed one (or the edge)."""
    rows, columns = len(grid), len(grid[0]) if grid else 0
    far = rows + columns
    distance = [[far if cell else 0 for cell in line] for line in grid]
    for row in range(rows):
        for col in range(columns):
            if distance[row][col]:
                distance[row][col] = 1 + min(_neighbours(distance, row, col, -1))
    for row in reversed(range(rows)):
        for col in reversed(range(columns)):
            if distance[row][col]:
                distance[row][col] = min(
                    distance[row][col], 1 + min(_neighbours(distance, row, col, 1))
                )
    return distance


def _neighbours(distance: list[list[int]], row: int, col: int, sign: int) -> list[int]:
    """The four already-visited neighbours in a raster pass (outside the grid counts as 0)."""
    rows, columns = len(distance), len(distance[0])
    result = []
    for dr, dc in ((0, sign), (sign, -1), (sign, 0), (sign, 1)):
        r, c = row + dr, col + dc
        result.append(distance[r][c] if 0 <= r < rows and 0 <= c < columns else 0)
    return result


def check_against(
    diagram: Diagram, layers: Mapping[str, int], *, all_drawn: bool = True
) -> list[str]:
    """Disagreements between the drawing and the content's structures (id -> layer).

    ``all_drawn=False`` skips "structure not drawn" (with two views, a structure needs to be
    drawn in one of them; :func:`app.domain.diagram_checks.check_views` asks that).
    """
    problems = [
        f"structure {sid!r} is not drawn" for sid in layers if all_drawn and sid not in diagram.ids
    ]
    for shape in diagram.shapes:
        if shape.id not in layers:
            problems.append(f"drawn shape {shape.id!r} has no structure in the content")
        elif shape.context:
            problems.append(
                f"shape {shape.id!r} has a card but is drawn as muted context "
                "(data-context), so it could not be selected"
            )
        elif layers[shape.id] != shape.layer:
            problems.append(
                f"shape {shape.id!r} is drawn at layer {shape.layer}, "
                f"the content says {layers[shape.id]}"
            )
    return problems
