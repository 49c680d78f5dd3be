"""Marks drawn on the atlas besides structures: views, attachment sites, variants, overlays.

These are plain values that the loader builds from the SVG files and the UI paints:

* :class:`View` — which figure: ``posterior`` (``assets/anatomy/gluteal-posterior.svg``) or
  ``lateral`` (``assets/anatomy/hip-lateral.svg``). A structure drawn in both keeps its id.
* :class:`Attachment` — where a muscle's origin or insertion sits on bone (or on the fascia
  it blends with), from ``<path class="attachment" data-for=… data-end=… data-site=…>``.
  ``site`` is the id a structure card names in ``origin_sites``/``insertion_sites``.
* :class:`Variant` — an alternative course of a structure, hidden unless asked for; today the
  sciatic nerve's relations to piriformis (``<path class="variant" data-for="sciatic-nerve"
  data-variant=… data-frequency=…>``).
* :class:`Overlay` — a teaching mark that is not a structure and cannot be selected (the
  ventrogluteal injection triangle), from ``<path class="overlay" data-overlay=…>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.diagram_geometry import Command, Point, Polygon, contains, flatten

#: Marks are painted from ``path``; their polygons only answer "is this point on it?" and
#: "how big is it?", for which half the structures' curve resolution is plenty (and halves
#: the load time they add).
MARK_CURVE_STEPS = 6


class View(StrEnum):
    POSTERIOR = "posterior"
    LATERAL = "lateral"


class AttachmentEnd(StrEnum):
    ORIGIN = "origin"
    INSERTION = "insertion"


@dataclass(frozen=True)
class Attachment:
    """One drawn attachment region of a muscle.

    Attributes:
        muscle_id: the muscle whose end this is.
        end: origin or insertion.
        path: the region's outline (normalised commands).
        polygons: the outline flattened, for hit tests and areas.
        site: the attachment-site id named on the card (``origin_sites``/``insertion_sites``).
        name: how a legend names the site ("Gluteal tuberosity of the femur").
    """

    muscle_id: str
    end: AttachmentEnd
    path: tuple[Command, ...]
    polygons: tuple[Polygon, ...] = field(compare=False, repr=False)
    site: str = ""
    name: str = ""

    def contains(self, point: Point) -> bool:
        return contains(self.polygons, *point)


@dataclass(frozen=True)
class Variant:
    """An alternative course of a structure, e.g. a sciatic nerve dividing above piriformis.

    ``frequency`` is prose for a legend ("about 10-15 % in cadaver series"), hedged as the
    sources are; ``link`` is a content link (``lesson:…``) that explains it.
    """

    structure_id: str
    variant_id: str
    path: tuple[Command, ...]
    polygons: tuple[Polygon, ...] = field(compare=False, repr=False)
    name: str = ""
    frequency: str = ""
    link: str = ""
    common: bool = False


@dataclass(frozen=True)
class Overlay:
    """A teaching mark (never selectable), shown or hidden by the UI."""

    id: str
    path: tuple[Command, ...]
    polygons: tuple[Polygon, ...] = field(compare=False, repr=False)
    name: str = ""
    note: str = ""


def make_attachment(
    muscle_id: str, end: AttachmentEnd, path: tuple[Command, ...], site: str, name: str = ""
) -> Attachment:
    return Attachment(muscle_id, end, path, flatten(path, MARK_CURVE_STEPS), site, name or site)


def make_variant(
    structure_id: str,
    variant_id: str,
    path: tuple[Command, ...],
    *,
    name: str = "",
    frequency: str = "",
    link: str = "",
    common: bool = False,
) -> Variant:
    polygons = flatten(path, MARK_CURVE_STEPS)
    return Variant(structure_id, variant_id, path, polygons, name, frequency, link, common)


def make_overlay(overlay_id: str, path: tuple[Command, ...], name: str, note: str) -> Overlay:
    return Overlay(overlay_id, path, flatten(path, MARK_CURVE_STEPS), name or overlay_id, note)
