"""The one gate every content file passes, for ``check-content`` and the app alike.

Each file is judged here once, by its structure only, so the verdict and its message are the
same on every machine and in both places: it must be a regular file inside the content folder
(a named pipe or device named like content would block ``open()`` forever), within the size
cap, UTF-8 (a byte-order mark is accepted), parse as TOML within the nesting cap, hold no more
items than a file may, and a lesson body must fit the render budget (``lesson_budget``).
A refused file or lesson becomes one ``file:line`` problem marked ``refused``, which
``check-content`` lists first.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.domain.lesson_budget import budget_problem
from app.domain.problems import Problem, SourceRef
from app.services.toml_text import TomlSyntaxError, parse

#: Largest file read; a clinic's real files are a few KiB, hostile ones are refused.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: Most files read from one folder.
MAX_FILES_PER_FOLDER = 5000
#: Deepest nesting of TOML tables/arrays accepted (real content needs 3).
MAX_DEPTH = 8
#: Most items of one kind (``[[questions]]``, ``[[routines]]``…) in one file; shipped files
#: hold under 30. Validation and reference checks grow with it, so a runaway file is refused.
MAX_ITEMS_PER_FILE = 1000
#: Most entries in one list inside an item (steps, choices, instructions); real ones hold under
#: 20. Checked before the item is built, so a runaway list costs no key-line scan.
MAX_LIST_ENTRIES = 100

_BOM = "\ufeff"
_FILE_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileRefusedError(Exception):
    """A file the gate will not let through; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def refused(name: str, line: int, message: str) -> Problem:
    """A problem that keeps a whole file (or lesson) out."""
    return Problem(SourceRef(name, line), message, refused=True)


def read_text(path: Path, name: str, root: Path, *, folder_checked: bool = False) -> str:
    """Read a content file as UTF-8 within the size cap, only if it is a regular file in ``root``.

    Args:
        root: the resolved content folder; links may point anywhere inside it.
        folder_checked: the caller made sure ``path``'s folder really lies inside ``root``, so
            only the file itself can be a link out (``realpath`` walks every component with a
            system call each; a thousand lessons paid for it a thousand times).

    Raises:
        FileRefusedError: with the problem to report.
    """
    # One lstat tells a link from a plain entry and, for a plain entry, what kind of file it is
    # (system calls are a good part of reading a small file).
    mode = _mode(os.lstat, path, name)
    is_link = stat.S_ISLNK(mode)
    if is_link or not folder_checked:
        if not Path(os.path.realpath(path)).is_relative_to(root):
            raise FileRefusedError(
                refused(name, 1, "is a link to a file outside the content folder; skipped")
            )
        if is_link:
            mode = _mode(os.stat, path, name)
    data = _read_regular(path, name, mode)
    if len(data) > MAX_FILE_BYTES:
        cap = MAX_FILE_BYTES // 1024
        raise FileRefusedError(
            refused(name, 1, f"file is larger than the {cap} KiB limit; skipped")
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"not valid UTF-8 (byte {error.start}); save the file as UTF-8"
        raise FileRefusedError(refused(name, line, message)) from None
    return text.removeprefix(_BOM)  # editors on Windows add one; it is not part of the text


def _mode(stat_call: Callable[[Path], os.stat_result], path: Path, name: str) -> int:
    try:
        return stat_call(path).st_mode
    except OSError as error:
        raise FileRefusedError(refused(name, 1, f"cannot read: {error.strerror}")) from None


def _read_regular(path: Path, name: str, mode: int) -> bytes:
    """The first ``MAX_FILE_BYTES + 1`` bytes, never blocking on a pipe or device.

    Args:
        mode: what ``stat`` said ``path`` is; nothing but a regular file is opened.
    """
    _require_regular(mode, name)
    try:
        # O_NONBLOCK: should the file be swapped for a pipe after the check, open() still
        # returns at once, and fstat below refuses it.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise FileRefusedError(refused(name, 1, f"cannot read: {error.strerror}")) from None
    try:
        _require_regular(os.fstat(descriptor).st_mode, name)
        chunks, wanted = [], MAX_FILE_BYTES + 1
        while wanted > 0 and (chunk := os.read(descriptor, wanted)):
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise FileRefusedError(refused(name, 1, f"cannot read: {error.strerror}")) from None
    finally:
        os.close(descriptor)


def _require_regular(mode: int, name: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((label for test, label in _FILE_KINDS if test(mode)), "not a regular file")
    raise FileRefusedError(refused(name, 1, f"is {kind}, not a content file; skipped"))


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """Parse ``text``; syntax errors carry the parser's own message and line.

    Raises:
        FileRefusedError: a syntax error, or nesting deeper than :data:`MAX_DEPTH`.
    """
    try:
        document = parse(text)
    except TomlSyntaxError as error:
        raise FileRefusedError(refused(name, error.line, error.message)) from None
    if _deeper_than(document, MAX_DEPTH):
        message = f"nesting is more than {MAX_DEPTH} levels deep; at most {MAX_DEPTH} are allowed"
        raise FileRefusedError(refused(name, 1, message))
    return document


def _deeper_than(value: dict[str, Any] | list[Any], levels: int) -> bool:
    """Whether tables and arrays nest more than ``levels`` deep (only containers are visited)."""
    if levels <= 0:
        return True
    # A plain loop with exact type tests: this visits every table of a ten-thousand-question
    # course, and a generator per container cost a tenth of the load.
    for child in value.values() if type(value) is dict else value:
        if (type(child) is dict or type(child) is list) and _deeper_than(child, levels - 1):
            return True
    return False


def too_many_items(name: str, key: str, count: int, line: int) -> Problem:
    """The refusal of a file holding more ``[[key]]`` items than :data:`MAX_ITEMS_PER_FILE`."""
    message = (
        f"{count:,} [[{key}]] in one file; at most {MAX_ITEMS_PER_FILE:,} are allowed "
        "(split them into several files); skipped"
    )
    return refused(name, line, message)


def oversized_list(table: dict[str, Any], name: str, line: int, kind: str) -> Problem | None:
    """The refusal of an item holding a list longer than :data:`MAX_LIST_ENTRIES`, if any."""
    for key, value in table.items():
        if type(value) is list and len(value) > MAX_LIST_ENTRIES:
            ident = table.get("id")
            label = f"{kind} {ident!r}" if isinstance(ident, str) else kind
            message = (
                f"{label}: {key!r} has {len(value):,} entries; at most {MAX_LIST_ENTRIES} "
                "are allowed; skipped"
            )
            return refused(name, line, message)
    return None


def lesson_body_problem(body: str, name: str, line: int) -> Problem | None:
    """A lesson body over the render budget is refused, with the reader's own reason."""
    problem = budget_problem(body)
    if problem is None:
        return None
    return refused(name, line, f"the lesson body {problem}, so it would not be shown; skipped")
