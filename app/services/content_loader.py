"""Read the content folder into validated, frozen domain objects.

Every problem (size, encoding, syntax, nesting, fields, references) becomes a
``file:line: message``; the file or item at fault is skipped and the rest still loads. Nothing
here raises to the caller for bad content.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.anatomy import structure_from_record
from app.domain.assembly import Parsed, ParsedContent, assemble
from app.domain.content import Content
from app.domain.lessons import lesson_from_record
from app.domain.problems import Problem, SourceRef
from app.domain.quiz import question_from_record
from app.domain.records import RawRecord
from app.domain.routines import routine_from_record, stretch_from_record
from app.services.content_gate import (
    MAX_FILES_PER_FOLDER,
    MAX_ITEMS_PER_FILE,
    FileRefusedError,
    lesson_body_problem,
    oversized_list,
    parse_toml,
    read_text,
    too_many_items,
)
from app.services.front_matter import split_front_matter
from app.services.toml_lines import LazyFileLines


@dataclass(frozen=True)
class _Section:
    """Which top-level TOML arrays a kind of file may hold, and how to build their items."""

    arrays: dict[str, tuple[Callable[[RawRecord], tuple[Any, list[Problem]]], str]]


_ANATOMY = _Section({"structures": (structure_from_record, "structures")})
_QUIZ = _Section({"questions": (question_from_record, "questions")})
_ROUTINES = _Section(
    {
        "stretches": (stretch_from_record, "stretches"),
        "routines": (routine_from_record, "routines"),
    }
)


def load_content(root: Path) -> Content:
    """Load and validate everything under ``root``; never raises for bad content."""
    # Loading allocates hundreds of thousands of small objects that all live on, so the
    # cyclic collector's passes find nothing to free and cost up to a third of the load.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_content(root)
    finally:
        if collecting:
            gc.enable()


def _load_content(root: Path) -> Content:
    parsed = ParsedContent()
    if not root.is_dir():
        message = f"content folder {root} does not exist or is not a folder"
        parsed.problems.append(Problem(SourceRef(str(root), 1), message))
        return assemble(parsed)
    root = root.resolve()  # once: every file is checked against it (links must stay inside)
    _load_toml(root, root / "anatomy.toml", "anatomy.toml", _ANATOMY, parsed, folder_checked=True)
    for folder, section in (("quizzes", _QUIZ), ("routines", _ROUTINES)):
        checked = _really_inside(root / folder, root)
        for path, name in _files(root / folder, "*.toml", root, parsed):
            _load_toml(root, path, name, section, parsed, folder_checked=checked)
    checked = _really_inside(root / "lessons", root)
    for path, name in _files(root / "lessons", "*.md", root, parsed):
        _load_lesson(root, path, name, parsed, folder_checked=checked)
    return assemble(parsed)


def _files(
    folder: Path, pattern: str, root: Path, parsed: ParsedContent
) -> Iterator[tuple[Path, str]]:
    """Each content file of ``folder`` with the name problems give it (relative to ``root``)."""
    if not folder.is_dir():
        return
    # Every entry named like content, not only regular files: a pipe or device is reported
    # (the gate refuses it without opening it) instead of silently ignored.
    paths = sorted(folder.glob(pattern))
    prefix = _relative(folder, root)
    if len(paths) > MAX_FILES_PER_FOLDER:
        message = f"{len(paths)} files; only the first {MAX_FILES_PER_FOLDER} are read"
        parsed.problems.append(Problem(SourceRef(prefix, 1), message))
    # The folder's name once, not each file's path made relative (pathlib's relative_to took
    # longer than reading a small file).
    for path in paths[:MAX_FILES_PER_FOLDER]:
        yield path, f"{prefix}/{path.name}"


def _really_inside(folder: Path, root: Path) -> bool:
    """Whether ``folder``, links followed, lies inside ``root`` (then its plain files do too)."""
    return Path(os.path.realpath(folder)).is_relative_to(root)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _load_toml(
    root: Path,
    path: Path,
    name: str,
    section: _Section,
    parsed: ParsedContent,
    *,
    folder_checked: bool,
) -> None:
    if not path.exists():
        parsed.problems.append(Problem(SourceRef(name, 1), "file is missing"))
        return
    try:
        text = read_text(path, name, root, folder_checked=folder_checked)
        document = parse_toml(text, name)
    except FileRefusedError as refused:
        parsed.problems.append(refused.problem)
        return
    lines = LazyFileLines(text)
    for key, value in document.items():
        if key not in section.arrays:
            allowed = ", ".join(f"[[{array}]]" for array in section.arrays)
            message = f"unknown top-level key {key!r}; this file holds {allowed}"
            parsed.problems.append(Problem(SourceRef(name, lines.all.get((key,), 1)), message))
            continue
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            message = f"{key!r} must be an array of tables, written [[{key}]]"
            parsed.problems.append(Problem(SourceRef(name, lines.all.get((key,), 1)), message))
            continue
        if len(value) > MAX_ITEMS_PER_FILE:
            line = lines.all.get((key,), 1)
            parsed.problems.append(too_many_items(name, key, len(value), line))
            continue
        _build_items(name, key, value, section, lines, parsed)


def _build_items(
    name: str,
    key: str,
    tables: list[dict[str, Any]],
    section: _Section,
    lines: LazyFileLines,
    parsed: ParsedContent,
) -> None:
    """Build each ``[[key]]`` table of one file; the good ones join ``parsed``."""
    build, target = section.arrays[key]
    built: list[Parsed[Any]] = getattr(parsed, target)
    kind = key.removesuffix("s")
    starts = lines.starts(key, len(tables))
    for index, table in enumerate(tables):
        where = SourceRef(name, starts[index])
        runaway = oversized_list(table, name, where.line, kind)
        if runaway is not None:
            parsed.problems.append(runaway)
            continue
        record = RawRecord(where, table, lines.record(key, index))
        item, problems = build(record)
        if problems:
            parsed.problems.extend(problems)
        if item is not None:
            built.append(Parsed(item, record))


def _load_lesson(
    root: Path, path: Path, name: str, parsed: ParsedContent, *, folder_checked: bool
) -> None:
    try:
        text = read_text(path, name, root, folder_checked=folder_checked)
    except FileRefusedError as refused:
        parsed.problems.append(refused.problem)
        return
    front = split_front_matter(text)
    over_budget = lesson_body_problem(front.body, name, front.body_line)
    if over_budget is not None:
        parsed.problems.append(over_budget)
        return
    record = RawRecord(SourceRef(name, 1), front.data, front.key_lines)
    lesson, problems = lesson_from_record(record, front.body, front.body_line)
    parsed.problems.extend(problems)
    if lesson is not None:
        parsed.lessons.append(Parsed(lesson, record))
