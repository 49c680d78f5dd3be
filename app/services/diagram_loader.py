"""Read the atlas SVGs into :class:`~app.domain.diagram.Diagram` values, refusing anything hostile.

API: ``load_diagram(resources, view)`` for ``view`` in :class:`~app.domain.diagram_marks.View`
(``"posterior"`` → ``anatomy/gluteal-posterior.svg``, ``"lateral"`` → ``anatomy/hip-lateral.svg``);
``load_diagrams(resources)`` loads both; ``diagram_problems(resources, layers, structures)``
checks both figures against the cards (ids, layers, selectability, attachment sites).

The SVG is data, not a document to render: only ``<path>`` elements are read — with an ``id``
(structures: ``data-kind``, ``data-layer``, ``data-name``, ``data-fibres``), ``class="detail"``
(lines inside a structure), ``class="attachment"`` (``data-for``, ``data-end``, ``data-site``,
``data-name``), ``class="variant"`` (``data-for``, ``data-variant``, ``data-name``,
``data-frequency``, ``data-link``, ``data-common``) and ``class="overlay"`` (``data-overlay``,
``data-name``, ``data-note``). Before parsing, the file is capped in
size; while parsing, a DOCTYPE (and so any entity), any ``href``, ``src`` or ``url(...)``
reference, too deep nesting or too many elements stop the load with a clear
:class:`DiagramError`. Nothing outside the file is ever opened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from app.domain.anatomy import Structure
from app.domain.diagram import (
    DEPTHS,
    Diagram,
    FibrePattern,
    Fibres,
    Shape,
    make_shape,
)
from app.domain.diagram_checks import check_views, question_view_problems, site_problems
from app.domain.diagram_geometry import Command, PathDataError, parse_path
from app.domain.diagram_marks import (
    Attachment,
    AttachmentEnd,
    Overlay,
    Variant,
    View,
    make_attachment,
    make_overlay,
    make_variant,
)
from app.domain.quiz import Question
from app.services.resources import Resources

VIEW_ASSETS = {
    View.POSTERIOR: "anatomy/gluteal-posterior.svg",
    View.LATERAL: "anatomy/hip-lateral.svg",
}
DIAGRAM_ASSET = VIEW_ASSETS[View.POSTERIOR]
MAX_BYTES = 256 * 1024
MAX_DEPTH = 16
MAX_ELEMENTS = 2_000

_KINDS = {"muscle", "nerve", "bone", "ligament", "vessel", "fascia"}
_MARKS = ("attachment", "variant", "overlay")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_REFERENCE = re.compile(r"url\s*\(|^\s*(?:file|https?|data|ftp):", re.IGNORECASE)


class DiagramError(ValueError):
    """The diagram file is missing, too big, malformed or refers outside itself."""


def load_diagram(resources: Resources, view: View | str = View.POSTERIOR) -> Diagram:
    """Load the shipped figure for ``view``.

    Raises:
        DiagramError: with a message a person can act on (also for an unknown view).
    """
    try:
        relative = VIEW_ASSETS[View(view)]
    except ValueError:
        raise DiagramError(f"no atlas view {view!r}; views are {[str(v) for v in View]}") from None
    path = resources.asset(relative)
    if path is None:
        raise DiagramError(f"diagram {relative!r} is missing from {resources.assets_dir}")
    return read_diagram(path, View(view))


def load_diagrams(resources: Resources) -> dict[View, Diagram]:
    """Every view's figure.

    Raises:
        DiagramError: when any of them cannot be loaded.
    """
    return {view: load_diagram(resources, view) for view in View}


def diagram_problems(
    resources: Resources,
    layers: Mapping[str, int],
    structures: Iterable[Structure] = (),
    questions: Iterable[Question] = (),
) -> list[str]:
    """Problems with the shipped figures against the content's structures (id -> layer):
    an unreadable file; structures drawn in no view, extra, muted or at another layer;
    attachment sites named on ``structures``' cards that no figure draws; and diagram
    ``questions`` whose target their view does not show (both as ``file:line``)."""
    diagrams: dict[View, Diagram] = {}
    problems: list[str] = []
    for view, relative in VIEW_ASSETS.items():
        try:
            diagrams[view] = load_diagram(resources, view)
        except DiagramError as error:
            problems.append(f"{relative}: {error}")
    if problems:
        return problems
    problems += [f"anatomy figures: {problem}" for problem in check_views(diagrams, layers)]
    problems += [str(problem) for problem in site_problems(diagrams.values(), structures)]
    problems += [str(problem) for problem in question_view_problems(diagrams, questions)]
    return problems


def read_diagram(path: Path, view: View = View.POSTERIOR) -> Diagram:
    """Parse one SVG file (size-capped before a byte is parsed)."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise DiagramError(f"{path.name}: cannot read ({error.strerror})") from error
    if len(data) > MAX_BYTES:
        raise DiagramError(f"{path.name}: larger than {MAX_BYTES // 1024} KiB; refusing to parse")
    try:
        return parse_diagram(data, view)
    except DiagramError as error:
        raise DiagramError(f"{path.name}: {error}") from None


@dataclass
class _Collector:
    """Expat callbacks: collect structure paths and detail lines, enforce the limits."""

    title: str = ""
    view_box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    shapes: list[dict[str, str]] = field(default_factory=list)
    details: dict[str, list[str]] = field(default_factory=dict)
    marks: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    depth: int = 0
    elements: int = 0
    in_title: bool = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > MAX_DEPTH:
            raise DiagramError(f"elements nested more than {MAX_DEPTH} deep")
        if self.elements > MAX_ELEMENTS:
            raise DiagramError(f"more than {MAX_ELEMENTS} elements")
        _refuse_references(attributes)
        tag = name.rsplit(" ", 1)[-1]
        if tag == "svg" and self.depth == 1:
            self.view_box = _view_box(attributes.get("viewBox", ""))
        elif tag == "title" and self.depth == 2:
            self.in_title = True
        elif tag == "path" and attributes.get("class") == "detail":
            self.details.setdefault(attributes.get("data-for", ""), []).append(
                attributes.get("d", "")
            )
        elif tag == "path" and attributes.get("class") in _MARKS:
            self.marks.setdefault(attributes["class"], []).append(attributes)
        elif tag == "path" and "id" in attributes:
            self.shapes.append(attributes)

    def end(self, name: str) -> None:
        self.depth -= 1
        self.in_title = False

    def text(self, data: str) -> None:
        if self.in_title:
            self.title += data


def _refuse_doctype(*_: Any) -> None:
    raise DiagramError("a DOCTYPE is not allowed (entities could reach outside the file)")


def _refuse_entity(*_: Any) -> None:
    raise DiagramError("entities are not allowed")


def _refuse_external_entity(*_: Any) -> int:
    raise DiagramError("external entities are not allowed")


def _refuse_references(attributes: dict[str, str]) -> None:
    for key, value in attributes.items():
        local = key.rsplit(" ", 1)[-1]
        if local in ("href", "src") or _REFERENCE.search(value):
            raise DiagramError(f"attribute {local}={value[:60]!r} refers outside the file")


def parse_diagram(data: bytes, view: View = View.POSTERIOR) -> Diagram:
    """Parse SVG bytes into a diagram.

    Raises:
        DiagramError: on malformed XML, forbidden constructs or invalid structures.
    """
    collector = _Collector()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external_entity
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise DiagramError(f"not well-formed XML ({error})") from None
    if collector.view_box[2] <= 0 or collector.view_box[3] <= 0:
        raise DiagramError("the <svg> element needs a viewBox with a positive size")
    shapes = [_shape(attributes, collector.details) for attributes in collector.shapes]
    if not shapes:
        raise DiagramError("no structures (paths with an id) found")
    _check_unique([shape.id for shape in shapes])
    ids = {shape.id for shape in shapes}
    marks = collector.marks
    return Diagram(
        collector.title.strip(),
        collector.view_box,
        tuple(shapes),
        view,
        tuple(_attachment(a, ids) for a in marks.get("attachment", [])),
        tuple(_variant(a, ids) for a in marks.get("variant", [])),
        tuple(_overlay(a) for a in marks.get("overlay", [])),
    )


def _view_box(text: str) -> tuple[float, float, float, float]:
    try:
        x, y, width, height = (float(part) for part in text.replace(",", " ").split())
    except ValueError:
        raise DiagramError(f"viewBox {text!r} is not four numbers") from None
    return x, y, width, height


def _shape(attributes: dict[str, str], details: dict[str, list[str]]) -> Shape:
    structure_id = attributes["id"]
    if not _ID.match(structure_id):
        raise DiagramError(f"shape id {structure_id!r} is not a structure id")
    kind = attributes.get("data-kind", "")
    if kind not in _KINDS:
        raise DiagramError(f"shape {structure_id!r}: data-kind {kind!r} is not one of {_KINDS}")
    try:
        layer = int(attributes.get("data-layer", ""))
    except ValueError:
        layer = 0
    if layer not in DEPTHS:
        raise DiagramError(f"shape {structure_id!r}: data-layer must be 1 to 4")
    path = _path(structure_id, attributes.get("d", ""))
    lines = tuple(_path(structure_id, text) for text in details.get(structure_id, []))
    fibres = _fibres(structure_id, attributes.get("data-fibres", ""))
    return make_shape(
        structure_id,
        kind,
        layer,
        path,
        name=attributes.get("data-name", "").strip()[:80],
        context=attributes.get("data-context") == "true",
        fibres=fibres,
        details=lines,
    )


def _path(structure_id: str, text: str) -> tuple[Command, ...]:
    try:
        return parse_path(text)
    except PathDataError as error:
        raise DiagramError(f"shape {structure_id!r}: {error}") from None


def _fibres(structure_id: str, text: str) -> Fibres:
    parts = text.split()
    try:
        if not parts:
            return Fibres()
        if parts[0] == "parallel" and len(parts) == 2:
            return Fibres(FibrePattern.PARALLEL, angle=float(parts[1]))
        if parts[0] == "fan" and len(parts) == 3:
            return Fibres(FibrePattern.FAN, focus=(float(parts[1]), float(parts[2])))
    except ValueError:
        pass
    raise DiagramError(f"shape {structure_id!r}: data-fibres {text!r} is not understood")


def _mark_id(attributes: dict[str, str], key: str) -> str:
    value = attributes.get(key, "")
    if not _ID.match(value):
        raise DiagramError(f"{attributes.get('class')} path: {key}={value[:60]!r} is not an id")
    return value


def _attachment(attributes: dict[str, str], ids: set[str]) -> Attachment:
    muscle_id = _mark_id(attributes, "data-for")
    if muscle_id not in ids:
        raise DiagramError(f"attachment for {muscle_id!r}, which is not drawn")
    end = attributes.get("data-end", "")
    if end not in tuple(AttachmentEnd):
        raise DiagramError(
            f"attachment of {muscle_id!r}: data-end {end!r} is not origin/insertion"
        )
    site = _mark_id(attributes, "data-site")
    path = _path(muscle_id, attributes.get("d", ""))
    name = attributes.get("data-name", "").strip()[:120]
    return make_attachment(muscle_id, AttachmentEnd(end), path, site, name)


def _variant(attributes: dict[str, str], ids: set[str]) -> Variant:
    structure_id = _mark_id(attributes, "data-for")
    if structure_id not in ids:
        raise DiagramError(f"variant of {structure_id!r}, which is not drawn")
    return make_variant(
        structure_id,
        _mark_id(attributes, "data-variant"),
        _path(structure_id, attributes.get("d", "")),
        name=attributes.get("data-name", "").strip()[:120],
        frequency=attributes.get("data-frequency", "").strip()[:200],
        link=attributes.get("data-link", "").strip()[:120],
        common=attributes.get("data-common") == "true",
    )


def _overlay(attributes: dict[str, str]) -> Overlay:
    overlay_id = _mark_id(attributes, "data-overlay")
    path = _path(overlay_id, attributes.get("d", ""))
    name = attributes.get("data-name", "").strip()[:120]
    return make_overlay(overlay_id, path, name, attributes.get("data-note", "").strip()[:400])


def _check_unique(ids: list[str]) -> None:
    seen: set[str] = set()
    for structure_id in ids:
        if structure_id in seen:
            raise DiagramError(f"shape id {structure_id!r} is used twice")
        seen.add(structure_id)
