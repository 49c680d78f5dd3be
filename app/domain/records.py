"""Checking one raw content record (a TOML table or lesson front matter) against its fields.

Parsers in the services layer hand over plain dicts with the line each key sits on; this module
checks types, required fields and unknown keys and reports each problem at its line.

Why hand-written, not a typed decoder (issue 14, ``bench/field_checker.py``): msgspec checks the
same 10,164 question tables in about 0.6 of the time (98 ms against 173 ms with the exact-type
fast path below, on a loaded 2-core machine), but it stops at the first mistake of a record and
says it in its own terms ("Expected `str` matching regex '\\S' - at `$.prompt`"), where this
checker lists every mistake in plain words. Using it as a fast path would mean a second
declaration of every field and a compiled dependency in a bundle near its size limit, to save
about 0.08 s of a load that runs off the UI thread; so the hand-written checker stays.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.problems import Problem, SourceRef

#: A check on a field's value; returns a message when the value is wrong, else ``None``.
Check = Callable[[Any], str | None]

_TYPE_NAMES: dict[type, str] = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
}


@dataclass(frozen=True)
class RawRecord:
    """An unchecked record: its values, where it starts and the line of each key."""

    source: SourceRef
    data: Mapping[str, Any]
    key_lines: Mapping[str, int] = field(default_factory=dict)

    def where(self, key: str | None = None) -> SourceRef:
        """The place of ``key`` in the file, or of the record when the key is absent."""
        line = self.key_lines.get(key, self.source.line) if key else self.source.line
        return SourceRef(self.source.path, line)

    @property
    def label(self) -> str:
        ident = self.data.get("id")
        return f"{ident!r}" if isinstance(ident, str) else "(no id)"

    def child(self, key: str) -> RawRecord:
        """The nested record at ``key`` (e.g. ``"steps.0"``), with its own key lines."""
        value = self.data
        for part in key.split("."):
            value = value[int(part)] if isinstance(value, list | tuple) else value[part]
        prefix = f"{key}."
        lines = {k[len(prefix) :]: v for k, v in self.key_lines.items() if k.startswith(prefix)}
        start = self.key_lines.get(key, self.key_lines.get(key.split(".")[0], self.source.line))
        return RawRecord(SourceRef(self.source.path, start), value, lines)


@dataclass(frozen=True)
class Field:
    """How one key of a record must look.

    Args:
        name: the key.
        kind: the Python type expected (``list`` items are checked with ``item``).
        required: whether the key must be present.
        default: the value used when an optional key is absent.
        item: the type of each list element.
        check: an extra rule on the value.
    """

    name: str
    kind: type
    required: bool = True
    default: Any = None
    item: type | None = None
    check: Check | None = None


def one_of(*allowed: str) -> Check:
    """A check that the value is one of ``allowed``."""

    def check(value: Any) -> str | None:
        if value in allowed:
            return None
        return f"must be one of {', '.join(allowed)} (got {value!r})"

    return check


def in_range(low: float, high: float) -> Check:
    """A check that a number lies in ``[low, high]``."""

    def check(value: Any) -> str | None:
        return None if low <= value <= high else f"must be between {low} and {high}"

    return check


def non_empty(value: Any) -> str | None:
    """A check that text or a list is not empty."""
    if isinstance(value, str):
        return None if value.strip() else "must not be empty"
    return None if value else "must not be empty"


def read_fields(
    record: RawRecord, fields: tuple[Field, ...], what: str
) -> tuple[dict[str, Any], list[Problem]]:
    """Check ``record`` against ``fields``; ``what`` names it in messages ("question 'q1'").

    Returns:
        The checked values (defaults filled in) and the problems found; the values are only
        meaningful when there are no problems.
    """
    problems: list[Problem] = []
    data = record.data
    known = _names(fields)
    if not data.keys() <= known:
        for key in data:
            if key not in known:
                expected = ", ".join(sorted(known))
                message = f"{what}: unknown key {key!r} (known keys: {expected})"
                problems.append(Problem(record.where(key), message))
    values: dict[str, Any] = {}
    for spec in fields:
        if spec.name not in data:
            if spec.required:
                message = f"{what}: missing required field {spec.name!r}"
                problems.append(Problem(record.where(), message))
            values[spec.name] = spec.default
            continue
        value = data[spec.name]
        # The common case first: a value of exactly the declared type (never a list, whose
        # items need checking, and never a bool where a number belongs: type() is exact).
        if type(value) is spec.kind and spec.kind is not list:
            error = spec.check(value) if spec.check else None
        else:
            error = _type_error(value, spec) or (spec.check(value) if spec.check else None)
        if error:
            message = f"{what}: field {spec.name!r} {error}"
            problems.append(Problem(record.where(spec.name), message))
        values[spec.name] = tuple(value) if isinstance(value, list) else value
    return values, problems


#: Field names per declaration; the declaration is kept alongside so its id is never reused.
_NAMES: dict[int, tuple[tuple[Field, ...], frozenset[str]]] = {}


def _names(fields: tuple[Field, ...]) -> frozenset[str]:
    """The field names of a declaration, worked out once (declarations are module constants)."""
    entry = _NAMES.get(id(fields))
    if entry is None or entry[0] is not fields:
        entry = _NAMES[id(fields)] = (fields, frozenset(spec.name for spec in fields))
    return entry[1]


def _type_error(value: Any, spec: Field) -> str | None:
    if not _is_instance(value, spec.kind):
        return f"must be {_TYPE_NAMES.get(spec.kind, spec.kind.__name__)}"
    if spec.kind is list and spec.item in (str, dict):
        item = spec.item
        if all(isinstance(element, item) for element in value):
            return None  # the common case, without the per-element bookkeeping below
    if spec.kind is list and spec.item is not None:
        for index, element in enumerate(value, start=1):
            if not _is_instance(element, spec.item):
                name = _TYPE_NAMES.get(spec.item, spec.item.__name__)
                return f"item {index} must be {name}"
    return None


def _is_instance(value: Any, kind: type) -> bool:
    # bool is a subclass of int; a `true` where a number belongs is an authoring mistake.
    if kind in (int, float) and isinstance(value, bool):
        return False
    if kind is float:
        return isinstance(value, int | float)
    return isinstance(value, kind)
