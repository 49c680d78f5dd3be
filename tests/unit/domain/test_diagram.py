"""The diagram's pure rules: path parsing, peeling, hit testing, exposure."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.diagram import (
    Diagram,
    best_depth,
    check_against,
    exposed_area,
    exposed_point,
    exposure,
    hit_test,
    make_shape,
    shape_rect,
)
from app.domain.diagram_geometry import PathDataError, contains, flatten, parse_path


def _square(left: float, top: float, size: float) -> str:
    return f"M {left},{top} h {size} v {size} H {left} Z"


def _diagram() -> Diagram:
    """A bone under a big muscle that covers the top-left quarter of a small deep muscle."""
    bone = make_shape("bone", "bone", 4, parse_path(_square(0, 0, 100)), context=True)
    deep = make_shape("deep", "muscle", 2, parse_path(_square(40, 40, 20)))
    top = make_shape("top", "muscle", 1, parse_path(_square(0, 0, 50)))
    return Diagram("test", (0, 0, 100, 100), (bone, deep, top))


def test_parse_path_normalises_relative_and_shorthand_commands() -> None:
    """Relative, H/V, S, Q and T commands all come out as absolute M/L/C/Z."""
    commands = parse_path("m 10 10 h 5 v 5 l -5 0 z M 0 0 q 5 5 10 0 t 10 0 s 5 5 10 0")
    assert [c[0] for c in commands] == ["M", "L", "L", "L", "Z", "M", "C", "C", "C"]
    assert commands[1][1] == (15.0, 10.0)
    assert commands[3][1] == (10.0, 15.0)
    assert commands[-1][1][-2:] == (30.0, 0.0)


@pytest.mark.parametrize(
    "data",
    [
        "",
        "L 1 2",
        "M 1",
        "M 0 0 A 1 1 0 0 0 5 5",
        "M 0 0 url(x)",
        "M 0 0 e L 1 1",
        "M 0 0 L 1 1;",
        "M 0 0 L 1 \u00e91",
    ],
)
def test_parse_path_refuses_what_it_does_not_understand(data: str) -> None:
    """Arcs, stray text, missing numbers and a missing first move are errors, not guesses."""
    with pytest.raises(PathDataError):
        parse_path(data)


def test_parse_path_accepts_commas_and_any_whitespace() -> None:
    """Separators are commas, spaces, tabs and newlines, in any mix."""
    assert parse_path("M0,0\tL 1,1\n  L2 , 2 Z") == (
        ("M", (0.0, 0.0)),
        ("L", (1.0, 1.0)),
        ("L", (2.0, 2.0)),
        ("Z", ()),
    )


def test_parse_path_caps_size() -> None:
    """A huge path is refused before it is parsed."""
    with pytest.raises(PathDataError, match="limit"):
        parse_path("M 0 0 " + "L 1 1 " * 5000)


@given(st.floats(0.5, 99.5), st.floats(0.5, 99.5))
def test_contains_matches_a_square(x: float, y: float) -> None:
    """Point-in-polygon agrees with plain arithmetic for an axis-aligned square (off its
    edges: which side an exact edge point falls on is a convention, not a rule)."""
    assume(x not in (20, 60) and y not in (30, 70))
    polygons = flatten(parse_path(_square(20, 30, 40)))
    assert contains(polygons, x, y) == (20 < x < 60 and 30 < y < 70)


def test_hit_test_prefers_the_topmost_shape_in_place() -> None:
    """The cover wins where it overlaps; once peeled, the deep shape shows through."""
    diagram = _diagram()
    assert hit_test(diagram, 1, (45, 45)) == "top"
    assert hit_test(diagram, 2, (45, 45)) == "deep"
    assert hit_test(diagram, 1, (55, 55)) == "deep"
    assert hit_test(diagram, 3, (55, 55)) == "bone"
    assert hit_test(diagram, 1, (150, 150)) == ""


def test_exposed_point_lies_on_the_uncovered_part() -> None:
    """The exposed point of a half-covered shape is where it is the topmost one."""
    diagram = _diagram()
    point = exposed_point(shape_rect(diagram.shapes[1]), exposure(diagram, "deep", 1))
    assert point is not None
    assert hit_test(diagram, 1, point) == "deep"
    assert exposed_point(shape_rect(diagram.shapes[1]), exposure(diagram, "deep", 3)) is None


def test_best_depth_is_the_shallowest_that_shows_nearly_everything() -> None:
    """A quarter covered at depth 1, whole at depth 2: the answer is 2."""
    diagram = _diagram()
    rect = shape_rect(diagram.shapes[1])
    areas = {depth: exposed_area(rect, exposure(diagram, "deep", depth)) for depth in (1, 2, 3)}
    assert areas[1] == pytest.approx(areas[2] * 0.75, rel=0.1)
    assert best_depth(areas) == 2
    assert best_depth({1: 0.0, 2: 0.0}) == 1


def test_check_against_reports_missing_extra_and_wrong_layers() -> None:
    """Every disagreement between drawing and content is named."""
    problems = check_against(_diagram(), {"bone": 4, "deep": 3, "absent": 1})
    assert any("'absent' is not drawn" in p for p in problems)
    assert any("'top' has no structure" in p for p in problems)
    assert any("'deep' is drawn at layer 2" in p for p in problems)
