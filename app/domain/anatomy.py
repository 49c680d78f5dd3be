"""Anatomical structures: the five the course is about and the context drawn around them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain.problems import Problem, SourceRef
from app.domain.records import Field, RawRecord, in_range, non_empty, one_of, read_fields


class StructureKind(StrEnum):
    MUSCLE = "muscle"
    NERVE = "nerve"
    BONE = "bone"
    LIGAMENT = "ligament"
    VESSEL = "vessel"  # an artery with its veins, drawn as one bundle
    FASCIA = "fascia"  # a sheet of dense connective tissue (the iliotibial tract)


#: Depth, from the skin inwards. A structure is drawn and clickable at depths >= its own.
LAYER_NAMES = {1: "Superficial", 2: "Intermediate", 3: "Deep", 4: "Deepest"}

_FIELDS = (
    Field("id", str, check=non_empty),
    Field("name", str, check=non_empty),
    Field("latin", str, required=False, default=""),
    Field("kind", str, check=one_of(*StructureKind)),
    Field("layer", int, check=in_range(1, 4)),
    Field("context", bool, required=False, default=False),
    Field("summary", str, check=non_empty),
    Field("origin", str, required=False, default=""),
    Field("insertion", str, required=False, default=""),
    Field("course", str, required=False, default=""),
    Field("actions_primary", list, required=False, default=(), item=str),
    Field("actions_secondary", list, required=False, default=(), item=str),
    Field("innervation", str, required=False, default=""),
    Field("roots", str, required=False, default=""),
    Field("blood_supply", str, required=False, default=""),
    Field("relations", list, required=False, default=(), item=str),
    Field("clinical", list, required=False, default=(), item=str),
    Field("sources_differ", list, required=False, default=(), item=str),
    Field("links", list, required=False, default=(), item=str),
    Field("origin_sites", list, required=False, default=(), item=str),
    Field("insertion_sites", list, required=False, default=(), item=str),
)

#: Fields a muscle's card cannot do without.
_MUSCLE_FIELDS = ("origin", "insertion", "actions_primary", "innervation", "roots", "blood_supply")


@dataclass(frozen=True)
class Structure:
    """One structure's card.

    ``context`` marks orientation structures (bones, ligaments) that the course does not
    teach in depth; they are drawn and selectable like any other structure with a card.
    ``origin_sites``/``insertion_sites`` name attachment regions drawn in the atlas figures
    (``<path class="attachment" data-site=…>``); ``check-content`` reports an id no figure
    draws.
    """

    id: str
    name: str
    latin: str
    kind: StructureKind
    layer: int
    context: bool
    summary: str
    origin: str
    insertion: str
    course: str
    actions_primary: tuple[str, ...]
    actions_secondary: tuple[str, ...]
    innervation: str
    roots: str
    blood_supply: str
    relations: tuple[str, ...]
    clinical: tuple[str, ...]
    sources_differ: tuple[str, ...]
    links: tuple[str, ...]
    source: SourceRef
    origin_sites: tuple[str, ...] = ()
    insertion_sites: tuple[str, ...] = ()

    @property
    def layer_name(self) -> str:
        return LAYER_NAMES[self.layer]

    def text_fields(self) -> list[str]:
        """Every free-text field, for link checking and search."""
        singles = [self.summary, self.origin, self.insertion, self.course, self.innervation]
        lists = (self.actions_primary, self.actions_secondary, self.relations, self.clinical)
        return singles + [text for group in lists for text in group] + list(self.sources_differ)


def structure_from_record(record: RawRecord) -> tuple[Structure | None, list[Problem]]:
    """Build a :class:`Structure`, or report why it cannot be built."""
    values, problems = read_fields(record, _FIELDS, f"structure {record.label}")
    if not problems and values["kind"] == StructureKind.MUSCLE and not values["context"]:
        problems.extend(_missing_muscle_fields(record, values))
    if problems:
        return None, problems
    values["kind"] = StructureKind(values["kind"])
    return Structure(source=record.source, **values), []


def _missing_muscle_fields(record: RawRecord, values: dict[str, Any]) -> list[Problem]:
    return [
        Problem(record.where(), f"structure {record.label}: a muscle needs {name!r}")
        for name in _MUSCLE_FIELDS
        if not values[name]
    ]
