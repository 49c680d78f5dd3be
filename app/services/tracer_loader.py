"""Read ``content/nerve-tracer.toml`` into checked :class:`NerveTrace` values.

Kept apart from the main content loader on purpose: the tracer is optional (the atlas works
without it), is read only when the learner opens it, and has its own small file. The same
safety rules apply: size-capped, UTF-8, never through a link out of the content folder, and
every problem reported as ``file:line: message`` (``check-content`` prints them).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.nerve_tracer import NerveTrace, traces_from_records
from app.domain.problems import Problem, SourceRef
from app.domain.records import RawRecord
from app.services.content_gate import FileRefusedError, read_text
from app.services.toml_lines import array_record_lines, key_lines
from app.services.toml_text import TomlSyntaxError, parse

TRACER_FILE = "nerve-tracer.toml"
#: A tighter cap than the gate's for this one small file (checked in characters once read).
MAX_BYTES = 128 * 1024


@dataclass(frozen=True)
class TracerContent:
    """The traces that loaded, and what was wrong with the rest."""

    traces: tuple[NerveTrace, ...]
    problems: tuple[Problem, ...]

    def trace(self, trace_id: str) -> NerveTrace | None:
        return next((t for t in self.traces if t.id == trace_id), None)


def load_traces(content_dir: Path, known_ids: Collection[str]) -> TracerContent:
    """Load and check the tracer file; never raises for bad content. The file is optional (a
    clinic's own content folder may not have one): missing, there are simply no traces."""
    if not (content_dir / TRACER_FILE).exists():
        return TracerContent((), ())
    try:
        text = _read(content_dir, TRACER_FILE)
        document = _parse(text)
    except _RefusedError as refused:
        return TracerContent((), (refused.problem,))
    lines = key_lines(text)
    problems: list[Problem] = []
    for key in document:
        if key != "nerves":
            where = SourceRef(TRACER_FILE, lines.get((key,), 1))
            problems.append(Problem(where, f"unknown top-level key {key!r}; expected [[nerves]]"))
    tables = document.get("nerves", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        where = SourceRef(TRACER_FILE, lines.get(("nerves",), 1))
        return TracerContent((), (Problem(where, "'nerves' must be written [[nerves]]"),))
    per_record = array_record_lines(lines, "nerves")
    records = [
        RawRecord(
            SourceRef(TRACER_FILE, lines.get(("nerves", index), 1)),
            table,
            per_record.get(index, {}),
        )
        for index, table in enumerate(tables)
    ]
    traces, found = traces_from_records(records, known_ids)
    return TracerContent(traces, tuple(problems + found))


def tracer_problems(content_dir: Path, known_ids: Collection[str]) -> list[str]:
    """Every problem in the tracer file as ``file:line: message`` (for ``check-content``)."""
    return [str(problem) for problem in load_traces(content_dir, known_ids).problems]


class _RefusedError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _read(content_dir: Path, name: str) -> str:
    # Through the one content gate: only a regular file inside the folder is opened (a named
    # pipe called nerve-tracer.toml would block open() for ever), with the same link, encoding
    # and BOM rules as every other content file.
    try:
        text = read_text(content_dir / name, name, content_dir.resolve())
    except FileRefusedError as refused:
        raise _RefusedError(refused.problem) from None
    if len(text) > MAX_BYTES:
        message = f"file is larger than the {MAX_BYTES // 1024} KiB limit; skipped"
        raise _RefusedError(Problem(SourceRef(name, 1), message))
    return text


def _parse(text: str) -> dict[str, Any]:
    try:
        return parse(text)
    except TomlSyntaxError as error:
        raise _RefusedError(Problem(SourceRef(TRACER_FILE, error.line), error.message)) from None
