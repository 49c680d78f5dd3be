"""Which line each key of a TOML document sits on.

``tomllib`` gives values but not positions; authors need ``file:line`` for every problem, so
this scanner walks the source once and records the line of every table header and key, as a
path such as ``("questions", 3, "answer")``. It understands headers, arrays of tables, dotted
headers and multi-line strings; anything fancier still gets the line of its enclosing table.
"""

from __future__ import annotations

import re

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
