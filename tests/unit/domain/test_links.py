"""The in-app link scheme: what is followed and what is refused."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


#: What an HTML link is, written as one plain pattern: the oracle the link scan must agree with.
_HTML_LINK = re.compile(r"""(?:href|src)[ \t]*=[ \t]*["']([^"'\n]+)["']""", re.IGNORECASE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<img SRC = "anatomy:sacrum">', ["anatomy:sacrum"]),
        ("<a\thReF\t=\t'lesson:x'>", ["lesson:x"]),
        ("\u017frc='quiz:a'", ["quiz:a"]),  # long s: IGNORECASE matches it with "s"
        ("x=\"href='lesson:inner'\"", ["lesson:inner"]),
        ('href="a"src="b" src = "c\nd" xsrc="e"', ["a", "b", "e"]),
        ('ref="a" hrf="b" href="" src=c', []),
    ],
)
def test_html_links_are_found_like_the_plain_pattern(text: str, expected: list[str]) -> None:
    """Attribute names in any case, blanks around "=", either quote, links back to back."""
    assert [href for href, _ in find_links(text)] == expected
    assert [match.group(1) for match in _HTML_LINK.finditer(text)] == expected


@settings(derandomize=True, max_examples=400)
@given(
    st.lists(
        st.sampled_from(["href", "SRC", "\u017frc", "rc", "f", "=", "'", '"', " ", "\t", "\n"]),
        max_size=24,
    )
)
def test_html_link_scan_agrees_with_the_plain_pattern(parts: list[str]) -> None:
    """Whatever the mix of names, quotes, blanks and "=", the same links on the same lines."""
    text = "".join(parts)
    matches = _HTML_LINK.finditer(text)
    expected = [(m.group(1), text.count("\n", 0, m.start()) + 1) for m in matches]
    assert find_links(text) == expected
