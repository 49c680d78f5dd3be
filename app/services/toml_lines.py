"""Which line each key of a TOML document sits on.

The TOML parser gives values but not positions; authors need ``file:line`` for every problem, so
this scanner walks the source once and records the line of every table header and key, as a
path such as ``("questions", 3, "answer")``. It understands headers, arrays of tables, dotted
headers and multi-line strings; anything fancier still gets the line of its enclosing table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

Path = tuple[str | int, ...]

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")
_QUOTES = ('"""', "'''")


def key_lines(source: str) -> dict[Path, int]:
    """Map every table, array element and key path to its 1-based line."""
    lines: dict[Path, int] = {}
    counts: dict[Path, int] = {}
    current: Path = ()
    open_quote = ""
    for number, line in enumerate(source.splitlines(), start=1):
        if open_quote:
            if line.count(open_quote) % 2 == 1:
                open_quote = ""
            continue
        if match := _ARRAY_HEADER.match(line):
            current = _resolve(_split(match.group(1)), counts, append=True)
            lines[current] = number
        elif match := _TABLE_HEADER.match(line):
            current = _resolve(_split(match.group(1)), counts, append=False)
            lines.setdefault(current, number)
        elif match := _KEY.match(line):
            lines.setdefault((*current, match.group(1).strip("\"'")), number)
        open_quote = _unclosed_quote(line)
    return lines


def record_lines(lines: dict[Path, int], prefix: Path) -> dict[str, int]:
    """Key lines below ``prefix``, keyed by dotted relative path (``"steps.0.hold"``)."""
    size = len(prefix)
    return {
        ".".join(str(part) for part in path[size:]): line
        for path, line in lines.items()
        if len(path) > size and path[:size] == prefix
    }


def array_record_lines(lines: dict[Path, int], array: str) -> dict[int, dict[str, int]]:
    """:func:`record_lines` for every element of a top-level array of tables, in one pass.

    Returns:
        element index → that element's key lines (a file of thousands of records would make
        one :func:`record_lines` call per record quadratic).
    """
    grouped: dict[int, dict[str, int]] = {}
    for path, line in lines.items():
        if len(path) > 2 and path[0] == array and isinstance(path[1], int):
            key = ".".join(str(part) for part in path[2:])
            grouped.setdefault(path[1], {})[key] = line
    return grouped


def _split(header: str) -> list[str]:
    return [part.strip().strip("\"'") for part in header.split(".")]


def _resolve(parts: list[str], counts: dict[Path, int], *, append: bool) -> Path:
    path: Path = ()
    for index, part in enumerate(parts):
        path = (*path, part)
        last = index == len(parts) - 1
        if last and append:
            counts[path] = counts.get(path, 0) + 1
        if path in counts:
            path = (*path, counts[path] - 1)
    return path


def _unclosed_quote(line: str) -> str:
    for quote in _QUOTES:
        if line.count(quote) % 2 == 1:
            return quote
    return ""


# Starts with the literal "[[" so the regex engine can jump between candidates; that a header
# starts its line is checked by hand (a "^" anchor made the engine try every character).
_ANY_ARRAY_HEADER = re.compile(r"\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]")


class LazyFileLines:
    """Key lines of one TOML file, worked out only when something asks.

    Valid content never needs a key's line (only problems do), so the full scan is skipped
    for it; where each ``[[array]]`` element starts is cheap and always known.
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self._lines: dict[Path, int] | None = None
        self._records: dict[str, dict[int, dict[str, int]]] = {}
        self._starts: dict[str, list[int]] | None = None

    @property
    def all(self) -> dict[Path, int]:
        if self._lines is None:
            self._lines = key_lines(self._source)
        return self._lines

    def record(self, array: str, index: int) -> Mapping[str, int]:
        """The key lines of one array element, computed on first use."""
        return _LazyRecordLines(self, array, index)

    def record_now(self, array: str, index: int) -> dict[str, int]:
        if array not in self._records:
            self._records[array] = array_record_lines(self.all, array)
        return self._records[array].get(index, {})

    def starts(self, array: str, count: int) -> list[int]:
        """The line of each of the ``count`` elements of ``[[array]]``."""
        if self._starts is None:
            self._starts = self._header_lines()
        starts = self._starts.get(array, [])
        if len(starts) == count:
            return starts
        # Headers inside multi-line strings, or an inline array: ask the full scanner.
        fallback = self.all.get((array,), 1)
        return [self.all.get((array, index), fallback) for index in range(count)]

    def _header_lines(self) -> dict[str, list[int]]:
        """The line of each ``[[array]]`` header that starts a line, by array name."""
        found: dict[str, list[int]] = {}
        line, counted_to = 1, 0
        source = self._source
        for match in _ANY_ARRAY_HEADER.finditer(source):
            line_start = source.rfind("\n", 0, match.start()) + 1
            if source[line_start : match.start()].strip(" \t"):
                continue  # inside a line: a value, not a header
            line += source.count("\n", counted_to, match.start())
            counted_to = match.start()
            found.setdefault(match.group(1), []).append(line)
        return found


class _LazyRecordLines(Mapping[str, int]):
    def __init__(self, lines: LazyFileLines, array: str, index: int) -> None:
        self._lines, self._array, self._index = lines, array, index

    def _data(self) -> dict[str, int]:
        return self._lines.record_now(self._array, self._index)

    def __getitem__(self, key: str) -> int:
        return self._data()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())
