"""The posterior figure keeps the relations a learner is examined on, measured on its geometry."""

from __future__ import annotations

import itertools

import pytest

from app.domain.diagram import Diagram, Shape, exposed_area, exposure, hit_test, shape_rect
from app.domain.diagram_geometry import Polygon, overlap_points
from app.domain.diagram_marks import View
from app.services.diagram_loader import load_diagram
from app.services.resources import Resources


@pytest.fixture(scope="module")
def posterior(resources: Resources) -> Diagram:
    return load_diagram(resources, View.POSTERIOR)


def _shape(diagram: Diagram, structure_id: str) -> Shape:
    shape = diagram.shape(structure_id)
    assert shape is not None, structure_id
    return shape


def _column(shape: Shape, x: float) -> tuple[float, float] | None:
    """Top and bottom of ``shape`` along the vertical line at ``x``, or None if it misses."""
    _, top, _, bottom = shape_rect(shape)
    ys = [top + step for step in range(int(bottom - top) + 1)]
    inside = [y for y in ys if shape.contains((x, y))]
    return (min(inside), max(inside)) if inside else None


def _row(shape: Shape, y: float) -> tuple[float, float] | None:
    """Left and right of ``shape`` along the horizontal line at ``y``."""
    left, _, right, _ = shape_rect(shape)
    xs = [left + step * 0.5 for step in range(int((right - left) * 2) + 1)]
    inside = [x for x in xs if shape.contains((x, y))]
    return (min(inside), max(inside)) if inside else None


def test_piriformis_runs_from_the_sacrum_to_the_upper_border_of_the_trochanter(
    posterior: Diagram,
) -> None:
    """Its medial end lies on the sacrum; its lateral end on the top of the greater trochanter."""
    piriformis = _shape(posterior, "piriformis")
    sacrum = _shape(posterior, "sacrum")
    trochanter = _shape(posterior, "greater-trochanter")
    assert overlap_points(piriformis.polygons, sacrum.polygons)
    tip = max((p for polygon in piriformis.polygons for p in polygon), key=lambda p: p[0])
    left, top, right, bottom = shape_rect(trochanter)
    assert left < tip[0] < right
    assert top - 5 <= tip[1] < top + (bottom - top) / 3  # the upper border, not the side


def test_sciatic_nerve_emerges_below_piriformis_between_trochanter_and_tuberosity(
    posterior: Diagram,
) -> None:
    """Its upper end is hidden under piriformis; where it shows, it is below the muscle; at
    the level of the ischial tuberosity it lies between the tuberosity and the trochanter."""
    nerve = _shape(posterior, "sciatic-nerve")
    piriformis = _shape(posterior, "piriformis")
    top = min((p for polygon in nerve.polygons for p in polygon), key=lambda p: p[1])
    assert hit_test(posterior, 3, (top[0] + 4, top[1] + 3)) == "piriformis"
    shown = [
        p for p in overlap_points(nerve.polygons, nerve.polygons) if not piriformis.contains(p)
    ]
    highest_shown = min(y for _, y in shown)
    _, pir_top, _, pir_bottom = shape_rect(piriformis)
    assert highest_shown > (pir_top + pir_bottom) / 2
    tuberosity = _shape(posterior, "ischial-tuberosity")
    trochanter = _shape(posterior, "greater-trochanter")
    _, t_top, _, t_bottom = shape_rect(tuberosity)
    level = (t_top + t_bottom) / 2
    nerve_span, tuber_span = _row(nerve, level), _row(tuberosity, level)
    assert nerve_span is not None
    assert tuber_span is not None
    assert tuber_span[1] < nerve_span[0]
    assert nerve_span[1] < shape_rect(trochanter)[0]


@pytest.mark.parametrize("above", ["superior-gluteal-nerve", "superior-gluteal-vessels"])
def test_superior_gluteal_nerve_and_vessels_pass_above_piriformis(
    posterior: Diagram, above: str
) -> None:
    """Wherever they and piriformis share a vertical line, they are above the muscle."""
    structure = _shape(posterior, above)
    piriformis = _shape(posterior, "piriformis")
    left, _, right, _ = shape_rect(structure)
    shared = 0
    for x in range(int(left), int(right) + 1, 2):
        theirs, muscle = _column(structure, x), _column(piriformis, x)
        if theirs and muscle:
            shared += 1
            assert theirs[1] < muscle[0] + 1.0, x
    assert shared > 10


@pytest.mark.parametrize(
    "below",
    ["inferior-gluteal-nerve", "posterior-femoral-cutaneous-nerve", "pudendal-nerve"],
)
def test_nerves_below_piriformis_leave_the_pelvis_under_it(posterior: Diagram, below: str) -> None:
    """Their upper ends are hidden under piriformis and the rest runs downwards from there."""
    nerve = _shape(posterior, below)
    piriformis = _shape(posterior, "piriformis")
    top = min((p for polygon in nerve.polygons for p in polygon), key=lambda p: p[1])
    assert piriformis.contains((top[0], top[1] + 2))
    assert shape_rect(nerve)[3] > shape_rect(piriformis)[3] + 20


def test_minimus_lies_under_medius(resources: Resources) -> None:
    """In both views minimus is deeper (higher layer, earlier in paint order) and mostly
    covered by medius."""
    for view in View:
        diagram = load_diagram(resources, view)
        minimus, medius = _shape(diagram, "gluteus-minimus"), _shape(diagram, "gluteus-medius")
        assert minimus.layer > medius.layer
        assert diagram.ids.index("gluteus-minimus") < diagram.ids.index("gluteus-medius")
        points = overlap_points(minimus.polygons, minimus.polygons, step=4.0)
        covered = [p for p in points if medius.contains(p)]
        assert len(covered) > 0.75 * len(points), view
        assert hit_test(diagram, 2, covered[len(covered) // 2]) == "gluteus-medius"
        assert hit_test(diagram, 3, covered[len(covered) // 2]) == "gluteus-minimus"


def test_short_rotators_lie_in_order_below_piriformis(posterior: Diagram) -> None:
    """Along a vertical line through the buttock: piriformis, superior gemellus, obturator
    internus, inferior gemellus, quadratus femoris, from top to bottom, without overlapping."""
    order = [
        "piriformis",
        "superior-gemellus",
        "obturator-internus",
        "inferior-gemellus",
        "quadratus-femoris",
    ]
    for x in _middle_xs(posterior):
        spans = [_column(_shape(posterior, sid), x) for sid in order]
        assert all(spans), x
        bottoms_and_tops = [(span[0], span[1]) for span in spans if span]
        for upper, lower in itertools.pairwise(bottoms_and_tops):
            assert upper[1] <= lower[0] + 1.0, x


def _middle_xs(diagram: Diagram) -> list[float]:
    """Vertical lines through the middle third of quadratus femoris."""
    left, _, right, _ = shape_rect(_shape(diagram, "quadratus-femoris"))
    third = (right - left) / 3
    return [left + third + step * third / 4 for step in range(5)]


def test_femoral_shaft_slants_medially_going_down(posterior: Diagram) -> None:
    """The midline is on the viewer's left, so the shaft's middle moves left as it descends."""
    femur = _shape(posterior, "femur")
    _, top, _, bottom = shape_rect(femur)
    high, low = _row(femur, top + 0.55 * (bottom - top)), _row(femur, bottom - 10)
    assert high is not None
    assert low is not None
    assert sum(low) / 2 < sum(high) / 2 - 15


#: Where each strand of each variant meets piriformis, from Beaton and Anson's descriptions.
_VARIANT_STRANDS = {
    "undivided-below": {"below"},
    "fibular-through": {"through", "below"},
    "fibular-above": {"above", "below"},
    "undivided-through": {"through"},
    "tibial-through-fibular-above": {"above", "through"},
    "undivided-above": {"above"},
}


def _strand_start(piriformis: Shape, strand: Polygon) -> str:
    """Where a nerve strand starts relative to the muscle: above it, in its upper half
    (through the belly) or in its lower half (tucked under). A ribbon's outline begins at
    the middle of its upper end (see packaging/make_atlas_figures.py)."""
    start = strand[0]
    column = _column(piriformis, start[0])
    assert column is not None
    if start[1] < column[0]:
        return "above"
    return "through" if start[1] < (column[0] + column[1]) / 2 else "below"


def test_every_sciatic_variant_is_drawn_and_hedged(posterior: Diagram) -> None:
    """Each Beaton-Anson course is an alternative path with a frequency and the lesson link;
    exactly one is the usual course; each strand starts above, through or below piriformis
    as its type says."""
    variants = posterior.variants_for("sciatic-nerve")
    assert {v.variant_id for v in variants} == set(_VARIANT_STRANDS)
    assert [v.variant_id for v in variants if v.common] == ["undivided-below"]
    piriformis = _shape(posterior, "piriformis")
    for variant in variants:
        assert variant.frequency
        assert variant.link == "lesson:medical-causes#piriformis-syndrome"
        starts = {_strand_start(piriformis, strand) for strand in variant.polygons}
        assert starts == _VARIANT_STRANDS[variant.variant_id], variant.variant_id


def test_piriformis_is_mostly_uncovered_where_it_is_studied(posterior: Diagram) -> None:
    """At its own depth (and already once maximus is peeled) most of piriformis shows: the
    old figure hid 70 % of it."""
    piriformis = _shape(posterior, "piriformis")
    whole = exposed_area(shape_rect(piriformis), lambda point: piriformis.contains(point))
    for depth in (2, 3):
        shown = exposed_area(shape_rect(piriformis), exposure(posterior, "piriformis", depth))
        assert shown > 0.75 * whole, depth
