"""Full-text search over lessons (one row per section) and structure cards: SQLite FTS5.

The index lives in memory and is built on first use from the already-loaded content, so it
costs nothing at start-up. Results are ranked by bm25 with titles weighted above headings and
headings above body text; snippets mark matches with ``<b>…</b>`` around escaped text.
"""

from __future__ import annotations

import html
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.domain.anatomy import Structure
from app.domain.content import Content
from app.domain.lessons import Lesson
from app.domain.text import heading_anchors

#: Most results a query returns.
MAX_RESULTS = 20
#: Up to this many matching sections, every hit is ranked (see :meth:`SearchIndex.search`).
RANK_ALL_UP_TO = 2_000
#: Most words a query uses (a pasted paragraph should not become a huge query).
MAX_QUERY_TERMS = 8
_WORD = re.compile(r"\w+", re.UNICODE)
_OPEN, _CLOSE = "\x02", "\x03"

# Markdown syntax to drop before indexing: attribute lists, images, link targets, emphasis,
# table rules, quote and list markers, raw tags.
_STRIP = (
    (re.compile(r"\{[:#.][^}\n]*\}"), ""),
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),
    (re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),
    (re.compile(r"<[^>\n]{1,200}>"), " "),
    (re.compile(r"^[ \t]*(?:[>:|-]+|\d+\.|[*+])[ \t]*", re.MULTILINE), ""),
    (re.compile(r"[*_`|#]+"), " "),
    (re.compile(r"[ \t]+"), " "),
)


@dataclass(frozen=True)
class SearchHit:
    """One result.

    Attributes:
        href: where it leads: ``lesson:<id>#<anchor>`` (no anchor for the lesson intro) or
            ``anatomy:<structure-id>``.
        kind: ``"lesson"`` or ``"structure"``.
        title: the lesson title or structure name.
        section: the section heading ("" for an intro or a structure card).
        snippet: escaped text around the match with ``<b>…</b>`` marks.
    """

    href: str
    kind: str
    title: str
    section: str
    snippet: str


@dataclass(frozen=True)
class _Row:
    title: str
    section: str
    body: str
    href: str
    kind: str


class SearchIndex:
    """A lazily built FTS5 index over ``content``.

    The connection may be built on one thread and queried on another (never both at once):
    the page may build it off the UI thread.
    """

    def __init__(self, content: Content) -> None:
        self._content = content
        self._connection: sqlite3.Connection | None = None

    @property
    def built(self) -> bool:
        return self._connection is not None

    def build(self) -> None:
        """Build the index now (idempotent)."""
        if self._connection is not None:
            return
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        connection.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, section, body, href UNINDEXED, "
            "kind UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')"
        )
        # Titles weigh most, then headings, then body text.
        connection.execute("INSERT INTO docs (docs, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0)')")
        rows = [*_lesson_rows(self._content.lessons.values())]
        rows += [_structure_row(structure) for structure in self._content.structures.values()]
        with connection:
            connection.executemany(
                "INSERT INTO docs (title, section, body, href, kind) VALUES (?, ?, ?, ?, ?)",
                [(r.title, r.section, r.body, r.href, r.kind) for r in rows],
            )
        self._connection = connection

    def search(self, text: str, limit: int = MAX_RESULTS) -> list[SearchHit]:
        """Ranked hits for what the learner typed (all words must match; the last may be a
        prefix, since they may still be typing it).

        Words found in nearly every section (more than :data:`RANK_ALL_UP_TO` hits) are not
        ranked hit by hit: bm25 runs per matching row, so ranking them all costs more than a
        keystroke may wait, and says little. Hits in titles and headings are ranked and come
        first; sections that have the words only in their text follow in course order.
        """
        query = fts_query(text)
        if not query:
            return []
        self.build()
        if self._count(query, RANK_ALL_UP_TO + 1) <= RANK_ALL_UP_TO:
            rows = self._rows(query, limit, ranked=True)
        else:
            in_headings = f"{{title section}} : ({query})"
            rows = self._rows(in_headings, limit, ranked=True)
            if len(rows) < limit:
                rows += self._rows(f"{query} NOT {in_headings}", limit - len(rows), ranked=False)
        return [SearchHit(h, k, t, s, mark_snippet(snippet)) for h, k, t, s, snippet in rows]

    def _count(self, query: str, cap: int) -> int:
        """How many sections match, counting no further than ``cap``."""
        assert self._connection is not None
        row = self._connection.execute(
            "SELECT count(*) FROM (SELECT 1 FROM docs WHERE docs MATCH ? LIMIT ?)", (query, cap)
        ).fetchone()
        return int(row[0])

    def _rows(self, query: str, limit: int, *, ranked: bool) -> list[tuple[str, ...]]:
        assert self._connection is not None
        order = "ORDER BY rank " if ranked else ""
        return self._connection.execute(
            "SELECT href, kind, title, section, "
            f"snippet(docs, -1, '{_OPEN}', '{_CLOSE}', '…', 14) "
            f"FROM docs WHERE docs MATCH ? {order}LIMIT ?",
            (query, limit),
        ).fetchall()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def fts_query(text: str) -> str:
    """An FTS5 query from free text: each word quoted (no operators), the last as a prefix."""
    words = _WORD.findall(text.lower())[:MAX_QUERY_TERMS]
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def mark_snippet(snippet: str) -> str:
    """Escape a raw snippet and turn the match markers into ``<b>`` tags."""
    escaped = html.escape(" ".join(snippet.split()), quote=False)
    return escaped.replace(_OPEN, "<b>").replace(_CLOSE, "</b>")


def plain_text(markdown_text: str) -> str:
    """Markdown reduced to the words a reader sees (good enough for indexing, not display)."""
    text = markdown_text
    for pattern, replacement in _STRIP:
        text = pattern.sub(replacement, text)
    return text.strip()


def _lesson_rows(lessons: Iterable[Lesson]) -> Iterator[_Row]:
    for lesson in lessons:
        yield from lesson_sections(lesson)


def lesson_sections(lesson: Lesson) -> Iterator[_Row]:
    """One row per heading (levels 1 to 3) plus one for any text before the first heading."""
    lines = lesson.body.splitlines()
    cuts = [(0, "", "")] + [
        (line - 1, title, anchor)
        for level, title, anchor, line in heading_anchors(lesson.body)
        if level <= 3
    ]
    for number, (start, title, anchor) in enumerate(cuts):
        end = cuts[number + 1][0] if number + 1 < len(cuts) else len(lines)
        first = start + 1 if title else start  # skip the heading line itself
        body = plain_text("\n".join(lines[first:end]))
        if not body and not title:
            continue
        href = f"lesson:{lesson.id}#{anchor}" if anchor else f"lesson:{lesson.id}"
        yield _Row(lesson.title, title, body or lesson.summary, href, "lesson")


def _structure_row(structure: Structure) -> _Row:
    parts = [
        structure.latin,
        structure.summary,
        structure.origin,
        structure.insertion,
        structure.course,
        *structure.actions_primary,
        *structure.actions_secondary,
        structure.innervation,
        structure.roots,
        structure.blood_supply,
        *structure.relations,
        *structure.clinical,
    ]
    body = " ".join(part for part in parts if part)
    return _Row(structure.name, "", body, f"anatomy:{structure.id}", "structure")
