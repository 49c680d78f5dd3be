"""Atlas figure sources (``anatomy:<id>?view=…&depth=…``): parsed, validated, and accepted as
links by check-content and as images by the lesson renderer."""

from __future__ import annotations

import pytest

from app.domain.figure_source import (
    AtlasFigure,
    FigureSourceError,
    is_image_file,
    parse_figure_source,
)
from app.domain.links import Link, LinkError, LinkKind, parse_link
from app.services.lesson_renderer import LessonRenderer


def test_view_and_depth_are_read() -> None:
    figure = parse_figure_source("anatomy:piriformis?view=lateral&depth=3")
    assert figure == AtlasFigure("piriformis", "lateral", 3)


def test_options_default_to_posterior_and_best_depth() -> None:
    assert parse_figure_source("anatomy:sciatic-nerve?") == AtlasFigure("sciatic-nerve")


def test_escaped_ampersand_from_html_is_understood() -> None:
    figure = parse_figure_source("anatomy:gluteus-medius?view=posterior&amp;depth=2")
    assert figure.depth == 2


@pytest.mark.parametrize(
    "source",
    [
        "anatomy:piriformis?view=anterior",
        "anatomy:piriformis?depth=5",
        "anatomy:piriformis?depth=two",
        "anatomy:piriformis?colour=red",
        "anatomy:piriformis?view=lateral&view=posterior",
        "anatomy:Piriformis?view=lateral",
        "lesson:piriformis?view=lateral",
    ],
)
def test_malformed_sources_are_refused(source: str) -> None:
    with pytest.raises(FigureSourceError):
        parse_figure_source(source)


def test_a_figure_source_is_an_anatomy_link_for_check_content() -> None:
    """check-content resolves the structure; a bad query is reported, not ignored."""
    link = parse_link("anatomy:gluteus-maximus?view=posterior&depth=1")
    assert link == Link(LinkKind.ANATOMY, "gluteus-maximus")
    with pytest.raises(LinkError, match="depth"):
        parse_link("anatomy:gluteus-maximus?depth=9")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("lessons/motor-unit.svg", True),
        ("stretches/figure-four.png", True),
        ("../secrets.svg", False),
        ("/etc/passwd.svg", False),
        ("lessons/notes.txt", False),
    ],
)
def test_image_files_are_recognised(source: str, expected: bool) -> None:
    assert is_image_file(source) is expected


def test_renderer_keeps_atlas_images_and_drops_malformed_ones() -> None:
    renderer = LessonRenderer(())
    html = renderer.render(
        '![Layers](anatomy:piriformis?view=posterior&depth=3 "Third layer")\n\n'
        "![Bad](anatomy:piriformis?view=top)\n"
    ).html
    assert 'src="anatomy:piriformis?view=posterior&amp;depth=3"' in html
    assert 'title="Third layer"' in html
    assert "view=top" not in html
