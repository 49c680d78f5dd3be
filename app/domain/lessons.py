"""Lessons: Markdown bodies with front matter."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from app.domain.problems import Problem, SourceRef
from app.domain.records import Field, RawRecord, in_range, non_empty, read_fields
from app.domain.text import heading_anchors

_FIELDS = (
    Field("id", str, check=non_empty),
    Field("title", str, check=non_empty),
    Field("summary", str, check=non_empty),
    Field("order", int, check=in_range(0, 10_000)),
    Field("minutes", int, check=in_range(1, 240)),
    Field("structures", list, required=False, default=(), item=str),
    Field("topics", list, item=str, check=non_empty),
)


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    anchor: str
    line: int


@dataclass(frozen=True)
class Lesson:
    """A lesson; ``body_line`` is the file line the Markdown body starts on."""

    id: str
    title: str
    summary: str
    order: int
    minutes: int
    structures: tuple[str, ...]
    topics: tuple[str, ...]
    body: str
    body_line: int
    headings: tuple[Heading, ...]
    source: SourceRef

    @cached_property
    def anchors(self) -> frozenset[str]:
        return frozenset(heading.anchor for heading in self.headings)


def lesson_from_record(
    record: RawRecord, body: str, body_line: int
) -> tuple[Lesson | None, list[Problem]]:
    """Build a :class:`Lesson` from its front matter and body."""
    values, problems = read_fields(record, _FIELDS, f"lesson {record.label}")
    if not body.strip():
        problems.append(Problem(record.where(), f"lesson {record.label}: the body is empty"))
    if problems:
        return None, problems
    headings = tuple(
        Heading(level, title, anchor, body_line + line - 1)
        for level, title, anchor, line in heading_anchors(body)
    )
    lesson = Lesson(
        body=body, body_line=body_line, headings=headings, source=record.source, **values
    )
    return lesson, []
