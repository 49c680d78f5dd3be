"""Loading the anatomy SVG: the shipped figure, and hostile files that must fail fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.domain.content import Content
from app.domain.diagram import check_against, hit_test
from app.services.diagram_loader import (
    MAX_BYTES,
    DiagramError,
    diagram_problems,
    load_diagram,
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
    """Every structure in anatomy.toml is drawn, at the same layer, and nothing else is."""
    diagram = load_diagram(resources)
    layers = {s.id: s.layer for s in shipped_content.structures.values()}
    assert check_against(diagram, layers) == []
    assert {s.id for s in diagram.shapes if s.context} == {
        s.id for s in shipped_content.structures.values() if s.context
    }


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
    layers["tensor-fasciae-latae"] = 1
    problems = diagram_problems(resources, layers)
    assert any("'tensor-fasciae-latae' is not drawn" in p for p in problems)
    assert any("'gluteus-medius' is drawn at layer 2" in p for p in problems)
