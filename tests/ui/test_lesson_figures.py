"""Lesson figures as a learner sees them: loaded, captioned, drawn for the theme and text size,
and printed in the PDF handout."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument, QTextFormat
from pytestqt.qtbot import QtBot

from app.domain.links import Link, LinkKind
from app.ui.context import PageContext
from app.ui.lessons.page import LessonsPage
from app.ui.theme import HIGH_CONTRAST, LIGHT


@pytest.fixture
def page(qtbot: QtBot, page_context: PageContext) -> LessonsPage:
    widget = LessonsPage(page_context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def images(page: LessonsPage) -> list[tuple[str, str]]:
    """(source, alt text) of every image in the reader, in order."""
    found = []
    block = page.reader.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            if char_format.isImageFormat():
                image = char_format.toImageFormat()
                alt = image.property(QTextFormat.Property.ImageAltText)
                found.append((image.name(), str(alt or "")))
            fragments += 1
        block = block.next()
    return found


def loaded(page: LessonsPage, source: str) -> QImage:
    resource = page.reader.document().resource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(source)
    )
    assert isinstance(resource, QImage), f"{source} was not loaded"
    assert not resource.isNull()
    return resource


def open_lesson(page: LessonsPage, lesson_id: str) -> None:
    page.open_link(Link(LinkKind.LESSON, lesson_id))


def test_atlas_figures_are_painted_with_alt_text(page: LessonsPage) -> None:
    """The anatomy lesson's layer figures are drawn from the atlas and keep their alt text."""
    open_lesson(page, "gluteal-anatomy")
    atlas = [(src, alt) for src, alt in images(page) if src.startswith("anatomy:")]
    assert len(atlas) >= 3
    for source, alt in atlas:
        assert alt, source
        assert loaded(page, source).width() > 200


def test_each_figure_is_numbered_and_captioned(page: LessonsPage) -> None:
    open_lesson(page, "nerves-and-muscles")
    text = page.reader.document().toPlainText()
    figures = images(page)
    assert len(figures) >= 2
    for number in range(1, len(figures) + 1):
        assert f"Figure {number}." in text
    assert "One motor unit" in text  # the caption of the motor unit figure


def test_figures_grow_with_the_text_size(page: LessonsPage, page_context: PageContext) -> None:
    """Doubling the text scale doubles a figure's drawn width (SVG is redrawn, not stretched)."""
    open_lesson(page, "diagnosis")
    source = "lessons/diagnostic-pathway.svg"
    normal = loaded(page, source).deviceIndependentSize().width()
    page_context.theme.set(LIGHT.name, 2.0)
    large = loaded(page, source)
    assert large.deviceIndependentSize().width() == pytest.approx(2 * normal, rel=0.02)
    assert large.width() >= 2 * normal  # real pixels, not an upscaled bitmap


def test_figures_follow_the_high_contrast_theme(
    page: LessonsPage, page_context: PageContext
) -> None:
    """The panel behind a figure takes the theme's surface colour."""
    open_lesson(page, "diagnosis")
    source = "lessons/diagnostic-pathway.svg"

    def panel_colour() -> QColor:
        image = loaded(page, source)
        return image.pixelColor(image.width() // 2, round(8 * image.devicePixelRatio()))

    assert panel_colour().name() == LIGHT.surface
    page_context.theme.set(HIGH_CONTRAST.name, 1.0)
    assert panel_colour().name() == HIGH_CONTRAST.surface


def test_pdf_handout_carries_every_figure(page: LessonsPage, tmp_path: Path) -> None:
    """Each figure of the lesson is embedded as an image in the exported PDF."""
    open_lesson(page, "gluteal-anatomy")
    count = len(images(page))
    target = tmp_path / "anatomy.pdf"
    page.export_to(target)
    data = target.read_bytes()
    assert data.count(b"/Subtype /Image") >= count


def test_figures_never_overflow_a_narrow_reader(
    qtbot: QtBot, page: LessonsPage, page_context: PageContext
) -> None:
    """Large type in a small window: the figure shrinks to the column, no sideways scrolling."""
    page_context.theme.set(LIGHT.name, 2.0)
    page.resize(720, 540)
    open_lesson(page, "diagnosis")
    qtbot.waitUntil(lambda: page.reader.viewport().width() < 700)
    document = page.reader.document()
    assert document.size().width() <= page.reader.viewport().width() + 1
    assert page.reader.horizontalScrollBar().maximum() == 0
