"""Loading the anatomy SVG: the shipped figure, and hostile files that must fail fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.domain.content import Content
from app.domain.diagram import check_against, hit_test
from app.domain.diagram_checks import check_views
from app.domain.diagram_marks import View
from app.services.diagram_loader import (
    MAX_BYTES,
    DiagramError,
    diagram_problems,
    load_diagram,
    load_diagrams,
    read_diagram,
)
from app.services.resources import Resources

_GOOD_PATH = '<path id="femur" data-kind="bone" data-layer="4" d="M 0 0 L 10 0 L 10 10 Z"/>'


def _svg(body: str, prologue: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>{prologue}<svg xmlns="http://www.w3.org/2000/svg" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">{body}</svg>'
    ).encode()


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "figure.svg"
    path.write_bytes(data)
    return path


def test_shipped_diagram_matches_the_content(
    resources: Resources, shipped_content: Content
) -> None:
    """Every structure in anatomy.toml is drawn in some view, at the same layer, nothing else
    is, and every drawn structure can be selected."""
    diagrams = load_diagrams(resources)
    layers = {s.id: s.layer for s in shipped_content.structures.values()}
    assert check_views(diagrams, layers) == []
    for diagram in diagrams.values():
        assert check_against(diagram, layers, all_drawn=False) == []
        assert all(shape.selectable for shape in diagram.shapes)
        assert diagram.view in View


def test_shipped_diagram_keeps_the_anatomical_overlaps(resources: Resources) -> None:
    """Maximus covers piriformis and the nerve; medius covers minimus; the nerve leaves
    the pelvis under piriformis (its top end is hidden by it)."""
    diagram = load_diagram(resources)
    order = diagram.ids
    assert order.index("gluteus-maximus") > order.index("piriformis")
    assert order.index("gluteus-medius") > order.index("gluteus-minimus")
    assert order.index("piriformis") > order.index("sciatic-nerve")
    nerve = diagram.shape("sciatic-nerve")
    assert nerve is not None
    top = min(nerve.polygons[0], key=lambda p: p[1])
    assert hit_test(diagram, 3, (top[0] + 4, top[1] + 3)) == "piriformis"


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    """A file over the cap is refused before parsing, quickly."""
    path = _write(tmp_path, _svg(" " * (MAX_BYTES + 10) + _GOOD_PATH))
    started = time.perf_counter()
    with pytest.raises(DiagramError, match="larger than"):
        read_diagram(path)
    assert time.perf_counter() - started < 1.0


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    """Thousands of nested groups stop the load with a clear message."""
    path = _write(tmp_path, _svg("<g>" * 5000 + _GOOD_PATH + "</g>" * 5000))
    with pytest.raises(DiagramError, match="nested"):
        read_diagram(path)


def test_entities_are_refused_and_never_expanded(tmp_path: Path) -> None:
    """A billion-laughs DOCTYPE is refused outright (no expansion, no hang)."""
    laughs = '<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    path = _write(tmp_path, _svg("&b;" + _GOOD_PATH, laughs))
    with pytest.raises(DiagramError, match="DOCTYPE"):
        read_diagram(path)


def test_external_entity_does_not_read_other_files(tmp_path: Path) -> None:
    """An external entity pointing at a secret file fails without its text appearing."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doctype = f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file://{secret}">]>'
    path = _write(tmp_path, _svg(f"<title>&x;</title>{_GOOD_PATH}", doctype))
    with pytest.raises(DiagramError) as caught:
        read_diagram(path)
    assert "TOP-SECRET" not in str(caught.value)


@pytest.mark.parametrize(
    "reference",
    [
        '<image xlink:href="file:///etc/passwd"/>',
        '<use href="http://example.com/x.svg#a"/>',
        '<path id="femur" data-kind="bone" data-layer="4" fill="url(http://x/y)" d="M 0 0 Z"/>',
    ],
)
def test_references_outside_the_file_are_refused(tmp_path: Path, reference: str) -> None:
    """href, xlink:href and url(...) references are errors, never followed."""
    path = _write(tmp_path, _svg(reference + _GOOD_PATH))
    with pytest.raises(DiagramError, match="refers outside"):
        read_diagram(path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<path", "not well-formed"),
        ("", "no structures"),
        (_GOOD_PATH + _GOOD_PATH, "used twice"),
        (_GOOD_PATH.replace('data-layer="4"', 'data-layer="9"'), "data-layer"),
        (_GOOD_PATH.replace("M 0 0", "A 0 0"), "femur"),
    ],
)
def test_malformed_files_give_clear_errors(tmp_path: Path, body: str, message: str) -> None:
    """Broken XML, no shapes, duplicate ids, bad layers and bad path data are named."""
    with pytest.raises(DiagramError, match=message):
        read_diagram(_write(tmp_path, _svg(body)))


def test_missing_asset_is_a_clear_error(tmp_path: Path) -> None:
    """A missing diagram says which file it looked for."""
    resources = Resources(content_dir=tmp_path, assets_dir=tmp_path)
    with pytest.raises(DiagramError, match="missing"):
        load_diagram(resources)


def test_diagram_problems_names_mismatches(resources: Resources, shipped_content: Content) -> None:
    """check-content's diagram check reports a structure the SVG lacks and a wrong layer."""
    layers = {s.id: s.layer for s in shipped_content.structures.values()}
    assert diagram_problems(resources, layers) == []
    layers["gluteus-medius"] = 3
    layers["gluteus-quartus"] = 1
    problems = diagram_problems(resources, layers)
    assert any("'gluteus-quartus' is not drawn in any view" in p for p in problems)
    assert any("'gluteus-medius' is drawn at layer 2" in p for p in problems)


_MUSCLE = '<path id="piriformis" data-kind="muscle" data-layer="3" d="M 0 0 L 50 0 L 50 20 Z"/>'


def test_marks_are_read_into_the_diagram(tmp_path: Path) -> None:
    """Attachment regions, variants and overlays come through with their attributes."""
    body = (
        _GOOD_PATH
        + _MUSCLE
        + '<path class="attachment" data-for="piriformis" data-end="insertion" '
        'data-site="greater-trochanter-apex" data-name="Apex" d="M 1 1 L 9 1 L 9 9 Z"/>'
        + '<path class="variant" data-for="piriformis" data-variant="split" data-common="true" '
        'data-frequency="about 1 in 10" data-link="lesson:medical-causes" '
        'd="M 0 0 L 5 5 L 0 5 Z"/>'
        + '<path class="overlay" data-overlay="ventrogluteal-site" data-name="Site" '
        'data-note="Teaching only" d="M 0 0 L 5 0 L 0 5 Z"/>'
    )
    diagram = read_diagram(_write(tmp_path, _svg(body)), View.LATERAL)
    assert diagram.view is View.LATERAL
    (attachment,) = diagram.attachments_for("piriformis")
    assert (attachment.end, attachment.site, attachment.name) == (
        "insertion",
        "greater-trochanter-apex",
        "Apex",
    )
    assert attachment.contains((8, 2))
    assert not attachment.contains((20, 20))
    (variant,) = diagram.variants_for("piriformis")
    assert (variant.variant_id, variant.frequency, variant.common) == (
        "split",
        "about 1 in 10",
        True,
    )
    assert diagram.overlays[0].note == "Teaching only"
    assert diagram.sites == {"greater-trochanter-apex"}
    assert hit_test(diagram, 4, (8, 2)) == "femur"  # marks never take a click


@pytest.mark.parametrize(
    ("mark", "message"),
    [
        (
            '<path class="attachment" data-for="piriformis" data-end="middle" '
            'data-site="x" d="M 0 0 L 1 0 L 1 1 Z"/>',
            "data-end",
        ),
        (
            '<path class="attachment" data-for="nobody" data-end="origin" '
            'data-site="x" d="M 0 0 L 1 0 L 1 1 Z"/>',
            "not drawn",
        ),
        (
            '<path class="variant" data-for="piriformis" data-variant="Bad Id" '
            'd="M 0 0 L 1 0 L 1 1 Z"/>',
            "not an id",
        ),
    ],
)
def test_bad_marks_are_named(tmp_path: Path, mark: str, message: str) -> None:
    """A mark for an undrawn structure, with a bad end or a bad id stops the load."""
    with pytest.raises(DiagramError, match=message):
        read_diagram(_write(tmp_path, _svg(_GOOD_PATH + _MUSCLE + mark)))


def test_unknown_view_is_a_clear_error(resources: Resources) -> None:
    """Asking for a view that does not exist names the views there are."""
    with pytest.raises(DiagramError, match="posterior"):
        load_diagram(resources, "anterior")
