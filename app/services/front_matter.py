"""Lesson front matter, read with Python-Markdown's ``meta`` extension.

A lesson starts with ``key: value`` lines (optionally between ``---`` fences); indented lines
continue the previous value. The first blank line ends the block. We cut the block off
ourselves, so the body's first line number is known, and let the extension parse it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

_KEY_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):")
_LIST_KEYS = frozenset({"structures", "topics"})
_INT_KEYS = frozenset({"order", "minutes"})


@dataclass(frozen=True)
class FrontMatter:
    data: dict[str, object]
    key_lines: dict[str, int]
    body: str
    body_line: int


def split_front_matter(text: str) -> FrontMatter:
    """Separate and parse the front matter of a lesson file."""
    lines = text.splitlines()
    fenced = bool(lines) and lines[0].strip() == "---"
    start = 1 if fenced else 0
    end = start
    while end < len(lines):
        line = lines[end]
        if (fenced and line.strip() in ("---", "...")) or (not fenced and not line.strip()):
            break
        end += 1
    header = lines[start:end]
    body_start = end + 1 if end < len(lines) else end
    key_lines: dict[str, int] = {}
    for offset, line in enumerate(header):
        if match := _KEY_LINE.match(line):
            key_lines.setdefault(match.group(1).lower(), start + offset + 1)
    return FrontMatter(
        data=_typed(_parse_meta(header)),
        key_lines=key_lines,
        body="\n".join(lines[body_start:]),
        body_line=body_start + 1,
    )


def _parse_meta(header: list[str]) -> dict[str, list[str]]:
    if not header:
        return {}
    reader = _meta_reader()
    # Only the two preprocessors that read the header, not the whole Markdown pipeline (a
    # thousand lessons paid ~0.1 s for block parsing and serialising of an empty body).
    lines = list(header)
    for stage in ("normalize_whitespace", "meta"):
        lines = reader.preprocessors[stage].run(lines)
    meta: dict[str, list[str]] = reader.Meta
    return meta


@functools.lru_cache(maxsize=1)
def _meta_reader() -> Any:
    """One reusable reader: building a Markdown parser costs more than parsing a header."""
    import markdown  # deferred: ~25 ms of import the first paint does not need

    return markdown.Markdown(extensions=["meta"])


def _typed(meta: dict[str, list[str]]) -> dict[str, object]:
    """Give list and number fields their types; leave bad numbers as text for the checker."""
    data: dict[str, object] = {}
    for key, values in meta.items():
        if key in _LIST_KEYS:
            data[key] = [
                part.strip() for value in values for part in value.split(",") if part.strip()
            ]
        elif key in _INT_KEYS and len(values) == 1 and values[0].strip().isdigit():
            data[key] = int(values[0])
        else:
            data[key] = " ".join(value.strip() for value in values).strip()
    return data
