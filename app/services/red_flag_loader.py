"""Read ``content/red-flags.toml`` into a checked :class:`RedFlagCheck`.

Kept apart from the main content loader, like the nerve tracer: the self-check is read when it
is first opened, and ``check-content`` prints its problems. The file is size-capped, UTF-8,
never read through a link out of the content folder, and every problem is ``file:line``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.content import Content
from app.domain.links import LinkError, parse_link
from app.domain.problems import Problem, SourceRef
from app.domain.records import RawRecord
from app.domain.red_flags import CheckRecords, RedFlagCheck, check_from_records
from app.services.toml_lines import array_record_lines, key_lines, record_lines
from app.services.toml_text import TomlSyntaxError, parse

RED_FLAGS_FILE = "red-flags.toml"
MAX_BYTES = 64 * 1024
_ARRAYS = ("questions", "outcomes", "rules")


@dataclass(frozen=True)
class LoadedCheck:
    """The self-check, or ``None`` with the reasons it could not be used."""

    check: RedFlagCheck | None
    problems: tuple[Problem, ...]


def load_red_flags(content_dir: Path, content: Content) -> LoadedCheck:
    """Load and check the file; links in outcomes must resolve in ``content``. Never raises
    for bad content."""
    try:
        text = _read(content_dir)
        document = parse(text)
    except _RefusedError as refused:
        return LoadedCheck(None, (refused.problem,))
    except TomlSyntaxError as error:
        problem = Problem(SourceRef(RED_FLAGS_FILE, error.line), error.message)
        return LoadedCheck(None, (problem,))
    records, problems = _records(text, document)
    if records is None:
        return LoadedCheck(None, tuple(problems))
    check, found = check_from_records(records, lambda href: _link_problem(href, content))
    return LoadedCheck(check, tuple(problems + found))


def red_flag_problems(content_dir: Path, content: Content) -> list[str]:
    """Every problem in the self-check file as ``file:line: message`` (for ``check-content``)."""
    return [str(problem) for problem in load_red_flags(content_dir, content).problems]


def _link_problem(href: str, content: Content) -> str | None:
    try:
        link = parse_link(href)
    except LinkError as error:
        return f"is not allowed: {error}"
    return None if content.resolves(link) else "points at nothing that exists"


def _records(text: str, document: dict[str, Any]) -> tuple[CheckRecords | None, list[Problem]]:
    lines = key_lines(text)
    problems: list[Problem] = []
    for key in document:
        if key != "check" and key not in _ARRAYS:
            message = f"unknown top-level key {key!r}; expected [check], [[questions]], "
            message += "[[outcomes]] and [[rules]]"
            problems.append(Problem(SourceRef(RED_FLAGS_FILE, lines.get((key,), 1)), message))
    head = document.get("check")
    if not isinstance(head, dict):
        problems.append(Problem(SourceRef(RED_FLAGS_FILE, 1), "a [check] table is required"))
        return None, problems
    arrays: dict[str, list[RawRecord]] = {}
    for name in _ARRAYS:
        tables = document.get(name, [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            where = SourceRef(RED_FLAGS_FILE, lines.get((name,), 1))
            problems.append(Problem(where, f"{name!r} must be written [[{name}]]"))
            return None, problems
        per_record = array_record_lines(lines, name)
        arrays[name] = [
            RawRecord(
                SourceRef(RED_FLAGS_FILE, lines.get((name, index), 1)),
                table,
                per_record.get(index, {}),
            )
            for index, table in enumerate(tables)
        ]
    where = SourceRef(RED_FLAGS_FILE, lines.get(("check",), 1))
    check = RawRecord(where, head, record_lines(lines, ("check",)))
    return CheckRecords(check, arrays["questions"], arrays["outcomes"], arrays["rules"]), problems


class _RefusedError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _read(content_dir: Path) -> str:
    path = content_dir / RED_FLAGS_FILE
    where = SourceRef(RED_FLAGS_FILE, 1)
    if not path.exists():
        raise _RefusedError(Problem(where, "file is missing; the self-check is unavailable"))
    if not Path(os.path.realpath(path)).is_relative_to(content_dir.resolve()):
        message = "is a link to a file outside the content folder; skipped"
        raise _RefusedError(Problem(where, message))
    if not path.is_file():
        raise _RefusedError(Problem(where, "is not a regular file; skipped"))
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise _RefusedError(Problem(where, f"cannot read: {error.strerror}")) from None
    if len(data) > MAX_BYTES:
        message = f"file is larger than the {MAX_BYTES // 1024} KiB limit; skipped"
        raise _RefusedError(Problem(where, message))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise _RefusedError(Problem(SourceRef(RED_FLAGS_FILE, line), "not valid UTF-8")) from None
