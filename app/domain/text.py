"""Small text helpers shared by content validation and rendering."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[-\s]+")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_HEADING_MARKS = re.compile(r"(#{1,6})\s+")
# A heading or fence line, found from the newline before it (the text is scanned with one
# prepended): a literal first lets the regex engine jump from line to line, where a "^" anchor
# made it try every character of the body.
_CANDIDATE = re.compile(r"\n(#{1,6}[ \t][^\n]*|[ \t]*(?:```|~~~)[^\n]*)")
_EXPLICIT_ID = re.compile(r"\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")


def slugify(value: str, separator: str = "-") -> str:
    """Turn a heading into an anchor id (``"Red flags!"`` → ``"red-flags"``).

    The Markdown renderer's table-of-contents extension is configured with this same function,
    so anchors checked by the validator are the anchors the reader produces.
    """
    if value.isascii():  # NFKD leaves ASCII as it is; most headings are plain ASCII
        ascii_text = value
    else:
        decomposed = unicodedata.normalize("NFKD", value)
        ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    cleaned = _NOT_WORD.sub("", ascii_text).strip().lower()
    return _SPACES.sub(separator, cleaned)


def heading_anchors(markdown_text: str) -> list[tuple[int, str, str, int]]:
    """Headings of a Markdown body as ``(level, title, anchor, line)``.

    Honours explicit ``{#id}`` attributes and skips fenced code blocks. Duplicate titles get
    ``_1``, ``_2`` suffixes, as the table-of-contents extension does.
    """
    headings: list[tuple[int, str, str, int]] = []
    seen: set[str] = set()
    in_fence = False
    text = "\n" + markdown_text
    number, counted_to = 0, 0
    # Only heading and fence lines matter; jump between them instead of walking every line.
    for candidate in _CANDIDATE.finditer(text):
        number += text.count("\n", counted_to, candidate.start() + 1)
        counted_to = candidate.start() + 1
        line = candidate.group(1)
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        heading = None if in_fence else _heading(line)
        if heading is None:
            continue
        level, title = heading
        explicit = _EXPLICIT_ID.search(title) if "{" in title else None
        if explicit:
            title = title[: explicit.start()].rstrip()
            anchor = explicit.group(1)
        else:
            anchor = _unique(slugify(title), seen)
        seen.add(anchor)
        headings.append((level, title, anchor, number))
    return headings


def _heading(line: str) -> tuple[int, str] | None:
    """Level and title of a heading line, as :data:`_HEADING` reads them.

    The title is what is left once the trailing blanks, closing ``#`` marks and blanks before
    them are stripped (``\\s`` and ``str.strip`` agree on what a blank is); the pattern's lazy
    title tried the rest of the line at every character, so it only decides the odd title
    made of ``#`` marks alone.
    """
    marks = _HEADING_MARKS.match(line)
    if marks is None:
        return None
    title = line[marks.end() :].rstrip().rstrip("#").rstrip()
    if title:
        return len(marks.group(1)), title
    match = _HEADING.match(line)
    return None if match is None else (len(match.group(1)), match.group(2))


def _unique(anchor: str, seen: set[str]) -> str:
    if anchor not in seen:
        return anchor
    count = 1
    while f"{anchor}_{count}" in seen:
        count += 1
    return f"{anchor}_{count}"
