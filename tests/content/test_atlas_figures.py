"""The atlas figures are generated from assets/anatomy/atlas.toml and agree with the cards."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app.domain.content import Content
from app.domain.diagram import Diagram, FibrePattern, exposed_area, exposure, shape_rect
from app.domain.diagram_geometry import area, edge_distance, overlap_points
from app.domain.diagram_marks import Attachment, View
from app.domain.links import parse_link
from app.services.diagram_loader import VIEW_ASSETS, load_diagrams
from app.services.resources import Resources

ROOT = Path(__file__).resolve().parents[2]
_HOSTS = ("bone", "ligament", "fascia")  # what a muscle can attach to


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_atlas_figures", ROOT / "packaging" / "make_atlas_figures.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def diagrams(resources: Resources) -> dict[View, Diagram]:
    return load_diagrams(resources)


def test_generator_reproduces_the_committed_figures(tmp_path: Path, resources: Resources) -> None:
    """Running packaging/make_atlas_figures.py gives the shipped SVGs byte for byte."""
    written = _generator().write_figures(tmp_path)
    assert {path.name for path in written} == {Path(a).name for a in VIEW_ASSETS.values()}
    for relative in VIEW_ASSETS.values():
        shipped = resources.asset(relative)
        assert shipped is not None
        assert (tmp_path / Path(relative).name).read_bytes() == shipped.read_bytes(), relative


def test_generator_derives_the_femur_from_its_measurements() -> None:
    """The drawn neck meets the shaft at the measured angle; the shaft slants medially."""
    module = _generator()
    femur = module.Femur((0.0, 0.0), 23, 127, 9, 42, 14, 15)
    head, junction, down = femur.head, femur.junction, femur.down
    neck = (head[0] - junction[0], head[1] - junction[1])
    cosine = (neck[0] * down[0] + neck[1] * down[1]) / math.hypot(*neck)
    assert math.degrees(math.acos(cosine)) == pytest.approx(127)
    assert femur.shaft("axis", 200)[0] < femur.shaft("axis", 100)[0]


def _hosted_fraction(attachment: Attachment, diagram: Diagram) -> float:
    hosts = [s for s in diagram.shapes if s.kind in _HOSTS]
    points = overlap_points(attachment.polygons, attachment.polygons, step=3.5)
    inside = [p for p in points if any(host.contains(p) for host in hosts)]
    return len(inside) / max(len(points), 1)


def _drawn_sites(diagrams: dict[View, Diagram], muscle: str, end: str, site: str) -> list:
    return [
        (diagram, attachment)
        for diagram in diagrams.values()
        for attachment in diagram.attachments_for(muscle)
        if attachment.end == end and attachment.site == site
    ]


def test_every_card_site_is_a_drawn_region_the_muscle_reaches(
    diagrams: dict[View, Diagram], shipped_content: Content
) -> None:
    """Each origin/insertion site on a card is drawn with area, on bone (or the fascia it
    blends with), and the muscle's own shape reaches into it in that view."""
    checked = 0
    for structure in shipped_content.structures.values():
        ends = (("origin", structure.origin_sites), ("insertion", structure.insertion_sites))
        for end, sites in ends:
            for site in sites:
                drawn = _drawn_sites(diagrams, structure.id, end, site)
                assert drawn, f"{structure.id}: {end} site {site!r} is not drawn"
                for diagram, attachment in drawn:
                    where = f"{structure.id} {end} {site} ({diagram.view})"
                    assert area(attachment.polygons) > 4.0, where
                    assert _hosted_fraction(attachment, diagram) > 0.8, where
                    muscle = diagram.shape(structure.id)
                    assert muscle is not None, where
                    assert overlap_points(muscle.polygons, attachment.polygons), where
                    checked += 1
    assert checked >= 20


def test_every_taught_muscle_names_both_ends_and_shows_at_some_depth(
    diagrams: dict[View, Diagram], shipped_content: Content
) -> None:
    """A muscle card without sites, or a muscle never uncovered, would dodge the check above.
    The one way out is a muscle whose far end no figure reaches (the hamstrings end at the
    knee): it must be drawn running off a figure's lower edge."""
    for structure in shipped_content.structures.values():
        if structure.kind != "muscle":
            continue
        assert structure.origin_sites, structure.id
        assert structure.insertion_sites or _runs_off_a_figure(diagrams, structure.id), (
            structure.id
        )
        shown = [
            exposed_area(shape_rect(shape), exposure(diagram, shape.id, shape.layer))
            for diagram in diagrams.values()
            if (shape := diagram.shape(structure.id)) is not None
        ]
        assert max(shown) > 100.0, structure.id


def _runs_off_a_figure(diagrams: dict[View, Diagram], structure_id: str) -> bool:
    """Whether the structure's shape reaches the bottom of some figure's view box."""
    for diagram in diagrams.values():
        shape = diagram.shape(structure_id)
        _, top, _, height = diagram.view_box
        if shape is not None and shape_rect(shape)[3] >= top + height:
            return True
    return False


def test_structures_drawn_in_both_views_keep_their_ids_and_layers(
    diagrams: dict[View, Diagram],
) -> None:
    """The lateral view reuses the posterior ids for what both show, at the same layer."""
    posterior, lateral = diagrams[View.POSTERIOR], diagrams[View.LATERAL]
    shared = set(posterior.ids) & set(lateral.ids)
    assert {"gluteus-medius", "gluteus-minimus", "greater-trochanter", "femur"} <= shared
    for structure_id in shared:
        first, second = posterior.shape(structure_id), lateral.shape(structure_id)
        assert first is not None
        assert second is not None
        assert (first.kind, first.layer) == (second.kind, second.layer)
    assert {"tensor-fasciae-latae", "iliotibial-tract"} <= set(lateral.ids)
    assert [overlay.id for overlay in lateral.overlays] == ["ventrogluteal-site"]


def test_ventrogluteal_overlay_lies_over_gluteus_medius(diagrams: dict[View, Diagram]) -> None:
    """The injection triangle sits over gluteus medius, clear of gluteus maximus' territory."""
    lateral = diagrams[View.LATERAL]
    site = lateral.overlays[0]
    medius = lateral.shape("gluteus-medius")
    assert medius is not None
    inside = overlap_points(site.polygons, site.polygons, step=3.0)
    on_medius = [p for p in inside if medius.contains(p)]
    assert len(on_medius) > 0.6 * len(inside)


def _centre(polygons: tuple[tuple[tuple[float, float], ...], ...]) -> tuple[float, float]:
    points = [point for polygon in polygons for point in polygon]
    return (sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))


def test_fibres_run_from_origin_to_insertion(diagrams: dict[View, Diagram]) -> None:
    """A fan's fibres converge on the muscle's insertion; parallel fibres run within 15
    degrees of the line from the middle of its origins to the middle of its insertions."""
    for diagram in diagrams.values():
        for shape in (s for s in diagram.shapes if s.kind == "muscle"):
            ends = diagram.attachments_for(shape.id)
            origins = [_centre(a.polygons) for a in ends if a.end == "origin"]
            insertions = [a for a in ends if a.end == "insertion"]
            where = f"{shape.id} ({diagram.view})"
            if not insertions:
                continue  # drawn in another view (minimus' insertion faces forwards)
            if shape.fibres.pattern is FibrePattern.FAN:
                focus = shape.fibres.focus
                near = min(edge_distance(a.polygons, *focus) for a in insertions)
                inside = any(a.contains(focus) for a in insertions)
                assert inside or near < 40, where
            elif shape.fibres.pattern is FibrePattern.PARALLEL and origins:
                start = _mean(origins)
                end = _mean([_centre(a.polygons) for a in insertions])
                course = math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
                drawn = shape.fibres.angle
                assert abs((course - drawn + 90) % 180 - 90) < 15, where


def _measured(data: dict[str, Any], measure: dict[str, Any]) -> float:
    landmarks = data["views"][measure["view"]]["landmarks"]
    start = landmarks[measure["from"]]
    end = landmarks[measure["to"]] if "to" in measure else [-start[0], start[1]]
    if measure["along"] == "distance":
        return math.dist(start, end)
    axis = 0 if measure["along"] == "x" else 1
    return abs(end[axis] - start[axis])


def test_landmarks_are_placed_at_the_measurements_written_beside_them() -> None:
    """Every measurement that names its landmarks is what the drawn landmarks give (within
    2 mm), and lies in the typical range the table quotes where that is numeric."""
    data = _generator().load_data()
    posterior = data["views"]["posterior"]
    assert posterior["femur"]["head"] == posterior["landmarks"]["hip-centre"]
    checked = 0
    for measurement in data["measurements"]:
        measure = measurement.get("measure")
        if measure is None:
            continue
        assert _measured(data, measure) == pytest.approx(measurement["value"], abs=2.0), (
            measurement["name"]
        )
        low, _, high = measurement["typical"].split()[0].partition("-")
        if high:
            assert float(low) <= measurement["value"] <= float(high), measurement["name"]
        checked += 1
    assert checked >= 10


def test_fan_foci_lie_outside_their_shapes(diagrams: dict[View, Diagram]) -> None:
    """A focus inside a shape's bounds makes the painter draw a full circle of fibres (the
    cost that doubled the repaint of this figure); beyond the insertion it draws a fan."""
    for diagram in diagrams.values():
        for shape in diagram.shapes:
            if shape.fibres.pattern is FibrePattern.FAN:
                left, top, right, bottom = shape_rect(shape)
                x, y = shape.fibres.focus
                assert not (left <= x <= right and top <= y <= bottom), shape.id


def test_variant_links_lead_to_content_that_exists(
    diagrams: dict[View, Diagram], shipped_content: Content
) -> None:
    """The variant legend links to the lesson on piriformis syndrome, which must exist."""
    links = {v.link for d in diagrams.values() for v in d.variants}
    assert links
    for link in links:
        assert shipped_content.resolves(parse_link(link)), link


def test_every_structure_can_be_tapped_somewhere(diagrams: dict[View, Diagram]) -> None:
    """Each structure lies uncovered over at least ~75 mm^2 at some depth of some view, so a
    finger (about 8 x 8 mm on the figure at its usual size) can land on it."""
    exposed: dict[str, float] = {}
    for diagram in diagrams.values():
        for shape in diagram.shapes:
            areas = [
                exposed_area(shape_rect(shape), exposure(diagram, shape.id, depth), cells=300)
                for depth in range(1, shape.layer + 1)
            ]
            exposed[shape.id] = max(exposed.get(shape.id, 0.0), *areas)
    scale = 2.3 * 2.3  # square SVG units per square millimetre
    small = {sid: round(area / scale) for sid, area in exposed.items() if area < 75 * scale}
    assert small == {}


def test_the_table_names_every_landmark_the_brief_lists() -> None:
    """The landmarks a teacher looks for are in the table (by name, in the posterior view)."""
    landmarks = _generator().load_data()["views"]["posterior"]["landmarks"]
    wanted = {
        "iliac-crest-highest", "psis", "piis", "posterior-gluteal-line-top",
        "anterior-gluteal-line-top", "inferior-gluteal-line-front", "greater-sciatic-notch",
        "lesser-sciatic-notch", "ischial-spine", "ischial-tuberosity-top", "sacral-foramen-s1",
        "sacral-foramen-s4", "coccyx-tip", "hip-centre", "greater-trochanter-apex",
        "lesser-trochanter", "intertrochanteric-crest-top", "gluteal-tuberosity-top",
        "trochanteric-fossa", "quadrate-tubercle",
    }  # fmt: skip
    assert wanted <= set(landmarks)
