"""The in-app link scheme: what is followed and what is refused."""

from __future__ import annotations

import pytest

from app.domain.links import Link, LinkError, LinkKind, find_links, parse_link


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("anatomy:piriformis", Link(LinkKind.ANATOMY, "piriformis")),
        ("lesson:red-flags#urgent-care", Link(LinkKind.LESSON, "red-flags", "urgent-care")),
        ("quiz:anatomy", Link(LinkKind.QUIZ, "anatomy")),
        ("stretch:desk-break", Link(LinkKind.STRETCH, "desk-break")),
    ],
)
def test_in_app_links_parse(href: str, expected: Link) -> None:
    """Each of the four schemes parses into kind, target and anchor."""
    assert parse_link(href) == expected
    assert str(parse_link(href)) == href


@pytest.mark.parametrize(
    "href",
    [
        "https://example.com",
        "http://localhost/x",
        "file:///etc/passwd",
        "mailto:someone@example.com",
        "javascript:alert(1)",
        "anatomy:../../etc/passwd",
        "anatomy:",
        "quiz:topic#anchor",
        "no-scheme",
    ],
)
def test_everything_else_is_refused(href: str) -> None:
    """External schemes, path tricks and anchors outside lessons raise LinkError."""
    with pytest.raises(LinkError):
        parse_link(href)


def test_find_links_reports_each_line() -> None:
    """Markdown and HTML links are found with the line they sit on."""
    text = "intro\nsee [the muscle](anatomy:piriformis) and\n<a href='lesson:x#y'>x</a>"
    assert find_links(text) == [("anatomy:piriformis", 2), ("lesson:x#y", 3)]
