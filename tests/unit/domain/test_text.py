"""Heading anchors: the ids the validator checks are the ids the reader produces."""

from __future__ import annotations

from app.domain.text import heading_anchors, slugify


def test_slugify_drops_punctuation_and_accents() -> None:
    assert slugify("Twitch, cramp or tremor?") == "twitch-cramp-or-tremor"
    assert slugify("Café  au   lait") == "cafe-au-lait"


def test_explicit_ids_win_and_duplicates_are_numbered() -> None:
    """``{#id}`` overrides the slug; a repeated title gets a ``_1`` suffix."""
    body = "# Intro\n\n## Recap {#summary}\n\n```\n# not a heading\n```\n\n## Intro\n"
    anchors = [(level, title, anchor) for level, title, anchor, _ in heading_anchors(body)]
    assert anchors == [(1, "Intro", "intro"), (2, "Recap", "summary"), (2, "Intro", "intro_1")]


def test_heading_lines_count_from_the_first_line_of_the_body() -> None:
    """A heading on the very first line is line 1; fenced lines are skipped but counted."""
    body = "# First\ntext\n```\n# not a heading\n```\n\n## Café crème\n  ~~~\n## no\n  ~~~\n### X"
    assert heading_anchors(body) == [
        (1, "First", "first", 1),
        (2, "Café crème", "cafe-creme", 7),
        (3, "X", "x", 11),
    ]


def test_closing_marks_and_blanks_are_not_part_of_a_title() -> None:
    """Trailing blanks (any Unicode space) and closing ``#`` marks are cut; a ``#`` inside
    the title stays, and a title of marks alone keeps one mark."""
    body = "## C# ##\n# a # #   \n#\t#\n### Trailing ###  \n## \u00a0Space\u00a0\n"
    assert [(level, title) for level, title, _, _ in heading_anchors(body)] == [
        (2, "C#"),
        (1, "a #"),
        (1, "#"),
        (3, "Trailing"),
        (2, "Space"),
    ]
