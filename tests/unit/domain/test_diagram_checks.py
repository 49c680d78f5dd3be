"""Cross-view checks, attachment sites on cards, and the geometry helpers they use."""

from __future__ import annotations

from app.domain.anatomy import Structure, StructureKind
from app.domain.diagram import Diagram, make_shape
from app.domain.diagram_checks import check_views, question_view_problems, site_problems
from app.domain.diagram_geometry import area, overlap_points, parse_path
from app.domain.diagram_marks import AttachmentEnd, View, make_attachment
from app.domain.problems import SourceRef
from app.domain.quiz import question_from_record
from app.domain.records import RawRecord

_SQUARE = parse_path("M 0 0 L 10 0 L 10 10 L 0 10 Z")
_FAR = parse_path("M 50 50 L 60 50 L 60 60 Z")


def _diagram(view: View, *ids: str, muted: tuple[str, ...] = ()) -> Diagram:
    shapes = tuple(make_shape(sid, "muscle", 3, _SQUARE, context=sid in muted) for sid in ids)
    attachment = make_attachment("piriformis", AttachmentEnd.ORIGIN, _SQUARE, "sacrum-front")
    return Diagram(
        "t", (0, 0, 100, 100), shapes, view, (attachment,) if "piriformis" in ids else ()
    )


def _card(structure_id: str, origin_sites: tuple[str, ...]) -> Structure:
    return Structure(
        structure_id,
        structure_id,
        "",
        StructureKind.MUSCLE,
        3,
        False,
        "s",
        "o",
        "i",
        "",
        (),
        (),
        "",
        "",
        "",
        (),
        (),
        (),
        (),
        SourceRef("anatomy.toml", 42),
        origin_sites,
        (),
    )


def test_a_structure_needs_drawing_in_one_view_only() -> None:
    """Drawn in the lateral view alone is enough; drawn nowhere is reported once."""
    diagrams = {
        View.POSTERIOR: _diagram(View.POSTERIOR, "piriformis"),
        View.LATERAL: _diagram(View.LATERAL, "tensor-fasciae-latae"),
    }
    layers = {"piriformis": 3, "tensor-fasciae-latae": 3, "gluteus-quartus": 3}
    assert check_views(diagrams, layers) == [
        "structure 'gluteus-quartus' is not drawn in any view"
    ]


def test_a_carded_structure_drawn_muted_is_reported() -> None:
    """The rule is 'has a card, so selectable': a muted (unclickable) carded shape is an error."""
    diagrams = {View.POSTERIOR: _diagram(View.POSTERIOR, "piriformis", muted=("piriformis",))}
    problems = check_views(diagrams, {"piriformis": 3})
    assert problems == [
        "posterior: shape 'piriformis' has a card but is drawn as muted context "
        "(data-context), so it could not be selected"
    ]
    assert not diagrams[View.POSTERIOR].shapes[0].selectable


def test_unknown_sites_are_reported_at_the_card() -> None:
    """A site no figure draws for that muscle and end is named with the card's file:line."""
    diagrams = [_diagram(View.POSTERIOR, "piriformis")]
    assert site_problems(diagrams, [_card("piriformis", ("sacrum-front",))]) == []
    (problem,) = site_problems(diagrams, [_card("piriformis", ("sacrum-back",))])
    assert str(problem).startswith("anatomy.toml:42: structure 'piriformis': origin site")
    assert "'sacrum-back'" in str(problem)
    (other,) = site_problems(diagrams, [_card("gluteus-medius", ("sacrum-front",))])
    assert "'gluteus-medius'" in str(other)


def test_area_and_overlap() -> None:
    """Area is the enclosed area; overlap points exist only where both shapes are."""
    square = make_shape("a", "bone", 4, _SQUARE).polygons
    far = make_shape("b", "bone", 4, _FAR).polygons
    assert area(square) == 100
    assert area(far) == 50
    assert overlap_points(square, far) == []
    inner = make_shape("c", "bone", 4, parse_path("M 8 8 L 20 8 L 20 20 Z")).polygons
    points = overlap_points(square, inner, step=1.0)
    assert points
    assert all(8 <= x <= 10 and 8 <= y <= 10 for x, y in points)


def _record(**extra: object) -> RawRecord:
    data = {
        "id": "q",
        "type": "find",
        "prompt": "Tap it.",
        "answer": "tensor-fasciae-latae",
        "topic": "anatomy",
        "lesson": "lesson:x",
        "explanation": "Because.",
        **extra,
    }
    return RawRecord(SourceRef("quizzes/atlas.toml", 7), data)


def test_question_view_defaults_to_posterior_and_is_checked() -> None:
    """Old questions need no view; a bad view is refused; lateral targets need view=lateral."""
    old, _ = question_from_record(_record())
    lateral, _ = question_from_record(_record(view="lateral"))
    bad, problems = question_from_record(_record(view="anterior"))
    assert old is not None
    assert lateral is not None
    assert (old.view, lateral.view, bad) == (View.POSTERIOR, View.LATERAL, None)
    assert "view" in str(problems[0])
    diagrams = {
        View.POSTERIOR: _diagram(View.POSTERIOR, "piriformis"),
        View.LATERAL: _diagram(View.LATERAL, "tensor-fasciae-latae"),
    }
    assert question_view_problems(diagrams, [lateral]) == []
    (problem,) = question_view_problems(diagrams, [old])
    assert str(problem).startswith("quizzes/atlas.toml:7: question 'q'")
    assert "posterior view" in str(problem)
