"""Read the content folder into validated, frozen domain objects.

Every problem (size, encoding, syntax, nesting, fields, references) becomes a
``file:line: message``; the file or item at fault is skipped and the rest still loads. Nothing
here raises to the caller for bad content.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli  # tomllib's upstream, compiled with mypyc: twice as fast on large banks

from app.domain.anatomy import structure_from_record
from app.domain.assembly import Parsed, ParsedContent, assemble
from app.domain.content import Content
from app.domain.lessons import lesson_from_record
from app.domain.problems import Problem, SourceRef
from app.domain.quiz import question_from_record
from app.domain.records import RawRecord
from app.domain.routines import routine_from_record, stretch_from_record
from app.services.front_matter import split_front_matter
from app.services.toml_lines import LazyFileLines

#: Largest file read; a clinic's real files are a few KiB, hostile ones are refused.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: Most files read from one folder.
MAX_FILES_PER_FOLDER = 5000
#: Deepest nesting of TOML tables/arrays accepted (real content needs 3).
MAX_DEPTH = 8

_TOML_LINE = re.compile(r"at line (\d+)")


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


class _FileRefusedError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


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
    _load_toml(root, root / "anatomy.toml", _ANATOMY, parsed)
    for path in _files(root / "quizzes", "*.toml", root, parsed):
        _load_toml(root, path, _QUIZ, parsed)
    for path in _files(root / "routines", "*.toml", root, parsed):
        _load_toml(root, path, _ROUTINES, parsed)
    for path in _files(root / "lessons", "*.md", root, parsed):
        _load_lesson(root, path, parsed)
    return assemble(parsed)


def _files(folder: Path, pattern: str, root: Path, parsed: ParsedContent) -> Iterator[Path]:
    if not folder.is_dir():
        return
    paths = sorted(path for path in folder.glob(pattern) if path.is_file())
    if len(paths) > MAX_FILES_PER_FOLDER:
        where = SourceRef(_relative(folder, root), 1)
        message = f"{len(paths)} files; only the first {MAX_FILES_PER_FOLDER} are read"
        parsed.problems.append(Problem(where, message))
    yield from paths[:MAX_FILES_PER_FOLDER]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _read_text(path: Path, name: str, root: Path) -> str:
    """Read a content file as UTF-8 within the size cap, never through a link out of ``root``.

    Raises:
        _FileRefusedError: with the problem to report.
    """
    if not Path(os.path.realpath(path)).is_relative_to(root):  # ``root`` is already resolved
        message = "is a link to a file outside the content folder; skipped"
        raise _FileRefusedError(Problem(SourceRef(name, 1), message))
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _FileRefusedError(
            Problem(SourceRef(name, 1), f"cannot read: {error.strerror}")
        ) from None
    if len(data) > MAX_FILE_BYTES:
        cap = MAX_FILE_BYTES // 1024
        message = f"file is larger than the {cap} KiB limit; skipped"
        raise _FileRefusedError(Problem(SourceRef(name, 1), message))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"not valid UTF-8 (byte {error.start}); save the file as UTF-8"
        raise _FileRefusedError(Problem(SourceRef(name, line), message)) from None


def _load_toml(root: Path, path: Path, section: _Section, parsed: ParsedContent) -> None:
    name = _relative(path, root)
    if not path.exists():
        parsed.problems.append(Problem(SourceRef(name, 1), "file is missing"))
        return
    try:
        text = _read_text(path, name, root)
        document = _parse_toml(text, name)
    except _FileRefusedError as refused:
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
        build, target = section.arrays[key]
        for index, table in enumerate(value):
            where = SourceRef(name, lines.start(key, index, len(value)))
            record = RawRecord(where, table, lines.record(key, index))
            item, problems = build(record)
            parsed.problems.extend(problems)
            if item is not None:
                getattr(parsed, target).append(Parsed(item, record))


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        line = int(match.group(1)) if match else 1
        message = _TOML_LINE.sub("", str(error)).replace("()", "").strip(" (")
        raise _FileRefusedError(
            Problem(SourceRef(name, line), f"TOML syntax error: {message}")
        ) from None
    except RecursionError:
        raise _FileRefusedError(Problem(SourceRef(name, 1), "nesting is far too deep")) from None
    depth = _depth(document)
    if depth > MAX_DEPTH:
        message = f"nesting is {depth} levels deep; at most {MAX_DEPTH} are allowed"
        raise _FileRefusedError(Problem(SourceRef(name, 1), message))
    return document


def _depth(value: object, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _load_lesson(root: Path, path: Path, parsed: ParsedContent) -> None:
    name = _relative(path, root)
    try:
        text = _read_text(path, name, root)
    except _FileRefusedError as refused:
        parsed.problems.append(refused.problem)
        return
    front = split_front_matter(text)
    record = RawRecord(SourceRef(name, 1), front.data, front.key_lines)
    lesson, problems = lesson_from_record(record, front.body, front.body_line)
    parsed.problems.extend(problems)
    if lesson is not None:
        parsed.lessons.append(Parsed(lesson, record))
