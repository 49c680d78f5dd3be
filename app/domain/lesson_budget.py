"""The structural budget a lesson body must fit before it is parsed, laid out or shown.

Python-Markdown is super-linear on some inputs (emphasis and code spans within one paragraph,
``<`` across a body, headings through the table of contents) and Qt's text layout doubles its
time with each level of nested tables and grows with the square of other nesting. So a body
is measured first, in one linear pass, against fixed caps: the verdict depends only on the
text, never on how fast the machine is, and ``check-content`` and the reader give the same one.
The caps are set so that the worst body they allow renders within 2 s (``bench/render_budget.py``
proves it); real lessons use a small fraction of each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

#: Largest body rendered (shipped lessons are ~10,000 characters).
MAX_BODY_CHARS = 200_000
#: Lines: a 5,000-row table takes Qt 1.5 s to lay out; shipped lessons have under 150 lines.
MAX_LINES = 3_000
#: Lines holding a ``|`` (table rows): Markdown's table parser and Qt's table layout are the
#: slowest per line (3,000 rows take about a second).
MAX_TABLE_ROWS = 1_000
#: Headings feed the table of contents, which grows with the square of their number.
MAX_HEADINGS = 300
#: Square brackets (link syntax): the inline parser is quadratic in these.
MAX_BRACKETS = 3_000
MAX_BRACKETS_PER_BLOCK = 300
#: Character references (``&#x41;``) and ``<`` (raw HTML): quadratic in the inline parser.
MAX_AMPERSANDS = 4_000
MAX_ANGLE_BRACKETS = 2_000
#: ``*``/``_`` and backticks: emphasis and code-span matching is quadratic within a paragraph
#: (30,000 ``*a**a*`` took 31 s) and still costs milliseconds per full paragraph.
MAX_EMPHASIS_PER_BLOCK = 200
MAX_EMPHASIS = 5_000
MAX_BACKTICKS_PER_BLOCK = 200
MAX_BACKTICKS = 5_000
#: A ``<`` and letter that do not close as a tag on their line: Python-Markdown's HTML scanner
#: searches the rest of the body for each one (about 20 ms each in a full-size body).
MAX_STRAY_TAG_STARTS = 8
#: Blockquote depth (``> > >``) and indentation (each 4 spaces can open a nested list).
MAX_QUOTE_DEPTH = 8
MAX_INDENT = 32
#: Raw HTML containers (div, lists, quotes, tables) inside each other, and tables in tables:
#: Qt's layout time doubles with each nested table.
MAX_HTML_DEPTH = 8
MAX_TABLE_DEPTH = 3
#: Everything that nests, added up: quotes + list levels + raw HTML containers.
MAX_NESTING = 16

_BLOCK_BREAK = re.compile(r"\n[ \t>]*\n")
# The run of spaces, tabs and quote markers a line starts with (a list inside a quote is
# indented after the markers); lines without one are not matched.
# (A literal newline first lets the regex engine jump between candidate lines.)
_LINE_PREFIX = re.compile(r"\n([ \t>]+)(?=\S)")
_HEADING = re.compile(r"^[ ]{0,3}(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$)", re.MULTILINE)
_TABLE_ROW = re.compile(r"^[^\n|]*\|", re.MULTILINE)
# "<" and a letter not closed by ">" before the line (or another "<") ends.
_STRAY_TAG_START = re.compile(r"<[A-Za-z](?![^<>\n]*>)")
_CONTAINER_TAG = re.compile(
    r"<(/?)(table|div|ul|ol|blockquote|dl)\b[^>]*>",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Nesting:
    """The deepest nesting of each kind found in a body."""

    quotes: int
    list_levels: int
    html: int
    tables: int

    @property
    def total(self) -> int:
        return self.quotes + self.list_levels + self.html


class _Marks(NamedTuple):
    """How often a body holds each character the caps count, counted once per body."""

    lines: int
    brackets: int
    ampersands: int
    angles: int
    emphasis: int
    backticks: int


def budget_problem(body: str) -> str | None:
    """Why ``body`` is over budget (a sentence that completes "it …"), or ``None``."""
    # Counted once for the size and the paragraph checks: each count reads the whole body, and
    # a clinic folder of a thousand lessons is checked on every start.
    marks = _Marks(
        lines=body.count("\n"),
        brackets=body.count("["),
        ampersands=body.count("&"),
        angles=body.count("<"),
        emphasis=body.count("*") + body.count("_"),
        backticks=body.count("`"),
    )
    return (
        _size_problem(body, marks)
        or _block_problem(body, marks)
        or _nesting_problem(nesting_of(body))
    )


def _size_problem(body: str, marks: _Marks) -> str | None:
    counts = (
        (len(body), MAX_BODY_CHARS, "characters"),
        (marks.lines, MAX_LINES, "lines"),
        (marks.brackets, MAX_BRACKETS, "square brackets"),
        (marks.ampersands, MAX_AMPERSANDS, "'&' characters"),
        (marks.angles, MAX_ANGLE_BRACKETS, "'<' characters"),
        (marks.emphasis, MAX_EMPHASIS, "'*' or '_' marks"),
        (marks.backticks, MAX_BACKTICKS, "backticks"),
    )
    for count, cap, what in counts:
        if count > cap:
            return f"has more than {cap:,} {what} ({count:,})"
    # The regular expressions below only run when a cheap count says the cap could be passed.
    if marks.angles:
        stray = len(_STRAY_TAG_START.findall(body))
        if stray > MAX_STRAY_TAG_STARTS:
            return f"has more than {MAX_STRAY_TAG_STARTS} '<' that open no tag ({stray})"
    if body.count("|") > MAX_TABLE_ROWS:
        rows = len(_TABLE_ROW.findall(body))
        if rows > MAX_TABLE_ROWS:
            return f"has more than {MAX_TABLE_ROWS:,} table rows (lines with '|'; {rows:,})"
    if marks.lines >= MAX_HEADINGS and _heading_bound(body) > MAX_HEADINGS:
        headings = len(_HEADING.findall(body))
        if headings > MAX_HEADINGS:
            return f"has more than {MAX_HEADINGS:,} headings ({headings:,})"
    return None


def _heading_bound(body: str) -> int:
    """At least the number of headings: lines starting (after 0-3 spaces) with # = or -."""
    starts = ("\n" + pad + mark for pad in ("", " ", "  ", "   ") for mark in "#=-")
    return 1 + sum(body.count(start) for start in starts)


def _block_problem(body: str, marks: _Marks) -> str | None:
    if (
        marks.brackets <= MAX_BRACKETS_PER_BLOCK
        and marks.emphasis <= MAX_EMPHASIS_PER_BLOCK
        and marks.backticks <= MAX_BACKTICKS_PER_BLOCK
    ):
        return None  # no paragraph can hold more than the whole body does
    for block in _BLOCK_BREAK.split(body):
        if block.count("[") > MAX_BRACKETS_PER_BLOCK:
            return f"has a paragraph with more than {MAX_BRACKETS_PER_BLOCK} square brackets"
        if block.count("*") + block.count("_") > MAX_EMPHASIS_PER_BLOCK:
            return f"has a paragraph with more than {MAX_EMPHASIS_PER_BLOCK} '*' or '_' marks"
        if block.count("`") > MAX_BACKTICKS_PER_BLOCK:
            return f"has a paragraph with more than {MAX_BACKTICKS_PER_BLOCK} backticks"
    return None


def nesting_of(body: str) -> Nesting:
    """Measure how deep quotes, indentation and raw HTML containers go."""
    quotes = indent = 0
    # Only lines with a prefix are matched, and each distinct prefix is measured once.
    for prefix in set(_LINE_PREFIX.findall("\n" + body)):
        depth = prefix.count(">")
        quotes = max(quotes, depth)
        indent = max(indent, len(prefix.expandtabs(4)) - 2 * depth)
    html = tables = deepest_html = deepest_table = 0
    if "<" in body:
        for match in _CONTAINER_TAG.finditer(body):
            step = -1 if match.group(1) else 1
            html = max(0, html + step)
            if match.group(2).lower() == "table":
                tables = max(0, tables + step)
            deepest_html, deepest_table = max(deepest_html, html), max(deepest_table, tables)
    return Nesting(quotes, -(-indent // 4), deepest_html, deepest_table)


def _nesting_problem(nesting: Nesting) -> str | None:
    if nesting.quotes > MAX_QUOTE_DEPTH:
        return f"nests quotes {nesting.quotes} deep (at most {MAX_QUOTE_DEPTH})"
    if nesting.list_levels * 4 > MAX_INDENT:
        return f"indents a line more than {MAX_INDENT} spaces"
    if nesting.tables > MAX_TABLE_DEPTH:
        return f"nests HTML tables {nesting.tables} deep (at most {MAX_TABLE_DEPTH})"
    if nesting.html > MAX_HTML_DEPTH:
        return f"nests HTML blocks {nesting.html} deep (at most {MAX_HTML_DEPTH})"
    if nesting.total > MAX_NESTING:
        return f"nests quotes, lists and HTML {nesting.total} deep in all (at most {MAX_NESTING})"
    return None
