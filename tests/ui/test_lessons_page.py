"""The lessons page, driven like a learner: reading, links, progress, search, export."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.content import Content
from app.domain.lessons import Lesson
from app.domain.links import Link, LinkKind
from app.domain.problems import SourceRef
from app.domain.text import heading_anchors
from app.services.lesson_progress import LessonProgress
from app.services.store import Store
from app.services.store_handle import StoreHandle
from app.ui.context import PageContext
from app.ui.lessons.document import has_id
from app.ui.lessons.export import printable_html
from app.ui.lessons.page import LessonsPage
from app.ui.theme import HIGH_CONTRAST
from tests.helpers.navigator import RecordingNavigator


@pytest.fixture
def page(qtbot: QtBot, page_context: PageContext) -> LessonsPage:
    widget = LessonsPage(page_context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def lessons(content: Content) -> list[Lesson]:
    return list(content.lessons.values())


def link_point(page: LessonsPage, href: str) -> QPoint:
    """Viewport position of the first link to ``href`` in the reader, scrolled into view."""
    document = page.reader.document()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + max(1, fragment.length() // 2))
                page.reader.setTextCursor(cursor)
                page.reader.ensureCursorVisible()
                return page.reader.cursorRect(cursor).center()
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def test_first_lesson_is_shown_with_every_anchor(
    page: LessonsPage, shipped_content: Content
) -> None:
    first = lessons(shipped_content)[0]
    assert page.current_lesson == first.id
    assert first.title in page.reader.toPlainText()
    for _level, _title, anchor, _line in heading_anchors(first.body):
        assert has_id(page.document_html, anchor), anchor
    assert "not medical advice" in page.reader.toPlainText()


def test_every_lesson_carries_the_disclaimer_and_doctor_link(
    page: LessonsPage, shipped_content: Content
) -> None:
    doctor = (
        "lesson:red-flags#see-a-doctor"
        if "red-flags" in shipped_content.lessons
        else "lesson:what-is-a-gluteal-twitch#see-a-doctor"
    )
    for lesson in lessons(shipped_content):
        page.open_link(Link(LinkKind.LESSON, lesson.id))
        assert f'href="{doctor}"' in page.document_html, lesson.id


def test_clicking_an_anatomy_link_navigates(
    qtbot: QtBot, page: LessonsPage, navigator: RecordingNavigator, shipped_content: Content
) -> None:
    """A real click on the link in the rendered text asks the window to open the structure."""
    lesson = next(
        lesson
        for lesson in lessons(shipped_content)
        if "](anatomy:gluteus-maximus)" in lesson.body
    )
    page.open_link(Link(LinkKind.LESSON, lesson.id))
    point = link_point(page, "anatomy:gluteus-maximus")
    qtbot.mouseClick(page.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert navigator.links == ["anatomy:gluteus-maximus"]


@pytest.mark.parametrize("href", ["http://example.com", "file:///etc/passwd", "javascript:x()"])
def test_foreign_links_are_refused_and_never_followed(
    page: LessonsPage, navigator: RecordingNavigator, href: str
) -> None:
    page.reader.anchorClicked.emit(QUrl(href))
    assert navigator.links == []
    assert navigator.messages
    assert "Not opened" in navigator.messages[-1]


def test_a_link_into_the_same_lesson_scrolls_in_place(
    page: LessonsPage, navigator: RecordingNavigator, shipped_content: Content
) -> None:
    first = lessons(shipped_content)[0]
    last_anchor = heading_anchors(first.body)[-1][2]
    page.reader.anchorClicked.emit(QUrl(f"lesson:{first.id}#{last_anchor}"))
    assert navigator.links == []
    assert page.reader.verticalScrollBar().value() > 0


def test_quiz_button_asks_for_the_lessons_quiz(
    qtbot: QtBot, page: LessonsPage, navigator: RecordingNavigator, shipped_content: Content
) -> None:
    first = lessons(shipped_content)[0]
    assert page.quiz_button.isVisible()
    qtbot.mouseClick(page.quiz_button, Qt.MouseButton.LeftButton)
    assert navigator.links
    assert navigator.links[0].removeprefix("quiz:") in first.topics


def test_mark_as_read_persists_and_ticks_the_list(
    qtbot: QtBot, page: LessonsPage, store: Store
) -> None:
    lesson_id = page.current_lesson
    assert not page.lesson_list.is_ticked(lesson_id)
    qtbot.mouseClick(page.read_button, Qt.MouseButton.LeftButton)
    assert lesson_id in LessonProgress(StoreHandle(store)).read_ids()  # on disk, not just shown
    assert page.lesson_list.is_ticked(lesson_id)
    qtbot.mouseClick(page.read_button, Qt.MouseButton.LeftButton)
    assert lesson_id not in LessonProgress(StoreHandle(store)).read_ids()
    assert not page.lesson_list.is_ticked(lesson_id)


def test_choosing_a_lesson_and_next_previous(
    qtbot: QtBot, page: LessonsPage, shipped_content: Content
) -> None:
    course = lessons(shipped_content)
    row = page.lesson_list.row(course[1].id)
    assert row is not None
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert page.current_lesson == course[1].id
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.current_lesson == course[2].id
    qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)
    assert page.current_lesson == course[1].id


def test_contents_list_scrolls_to_its_section(
    qtbot: QtBot, page: LessonsPage, shipped_content: Content
) -> None:
    keys = page.contents.row_keys()
    assert keys == [a for level, _t, a, _l in heading_anchors(lessons(shipped_content)[0].body)
                    if level == 2]  # fmt: skip
    row = page.contents.row(keys[-1])
    assert row is not None
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert page.reader.verticalScrollBar().value() > 0


def test_scroll_position_is_remembered_per_lesson(
    page: LessonsPage, shipped_content: Content
) -> None:
    first, second = lessons(shipped_content)[:2]
    bar = page.reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    assert kept > 0
    page.open_link(Link(LinkKind.LESSON, second.id))
    page.open_link(Link(LinkKind.LESSON, first.id))
    assert bar.value() == kept


def test_typing_a_search_shows_ranked_hits_and_opens_the_section(
    qtbot: QtBot, page: LessonsPage
) -> None:
    page.focus_search()
    assert page.search_box.hasFocus()
    qtbot.keyClicks(page.search_box, "piriformis")
    assert page.results.row_keys() == []  # debounced: nothing ran per keystroke
    qtbot.waitUntil(lambda: bool(page.results.row_keys()), timeout=2000)
    assert any("<b>" in snippet.lower() for snippet in page.results.snippets())
    lesson_key = next(key for key in page.results.row_keys() if key.startswith("lesson:"))
    row = page.results.row(lesson_key)
    assert row is not None
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert page.current_lesson == lesson_key.removeprefix("lesson:").partition("#")[0]


def test_a_structure_hit_opens_the_anatomy_page(
    qtbot: QtBot, page: LessonsPage, navigator: RecordingNavigator
) -> None:
    qtbot.keyClicks(page.search_box, "sciatic nerve")
    qtbot.waitUntil(lambda: bool(page.results.row_keys()), timeout=2000)
    row = page.results.row("anatomy:sciatic-nerve")
    assert row is not None
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert navigator.links == ["anatomy:sciatic-nerve"]


def test_reset_clears_the_visit(page: LessonsPage, shipped_content: Content) -> None:
    course = lessons(shipped_content)
    page.search_box.setText("magnesium")
    page.open_link(Link(LinkKind.LESSON, course[-1].id))
    page.reset()
    assert page.search_box.text() == ""
    assert page.current_lesson == course[0].id
    assert page.reader.verticalScrollBar().value() == 0


def test_high_contrast_and_font_scale_restyle_the_text(
    page: LessonsPage, page_context: PageContext
) -> None:
    before = page.reader.document().defaultStyleSheet()
    page_context.theme.set("high-contrast", 1.5)
    after = page.reader.document().defaultStyleSheet()
    assert HIGH_CONTRAST.text in after
    assert after != before
    assert "font-size: 27px" in after  # 15 px * 1.2 (reading step) * 1.5


def test_reader_loads_no_resource_outside_the_allowed_folders(page: LessonsPage) -> None:
    kind = QTextDocument.ResourceType.ImageResource.value
    for url in ("file:///etc/passwd", "../../etc/passwd", "http://example.com/a.png"):
        assert page.reader.loadResource(kind, QUrl(url)) is None
    style = QTextDocument.ResourceType.StyleSheetResource.value
    assert page.reader.loadResource(style, QUrl("icons/app.svg")) is None


def test_hostile_lesson_is_refused_without_freezing(
    qtbot: QtBot, page_context: PageContext
) -> None:
    body = "[" * 1_000_000 + "x" + "]" * 1_000_000
    hostile = Lesson(
        id="hostile", title="Hostile", summary="s", order=1, minutes=1, structures=(),
        topics=("basics",), body=body, body_line=1, headings=(), source=SourceRef("x.md"),
    )  # fmt: skip
    content = Content({}, {"hostile": hostile}, {}, {}, {})
    started = time.perf_counter()
    widget = LessonsPage(dataclasses.replace(page_context, content=content))
    qtbot.addWidget(widget)
    assert time.perf_counter() - started < 2.0
    assert "was not shown" in widget.reader.toPlainText()


def test_export_writes_a_pdf_atomically(page: LessonsPage, tmp_path: Path) -> None:
    folder = tmp_path / "handouts"
    folder.mkdir()
    target = folder / "lesson.pdf"
    target.write_bytes(b"old")
    page.export_to(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert [path.name for path in folder.iterdir()] == ["lesson.pdf"]  # no temp file left


def test_no_export_where_files_are_not_allowed(qtbot: QtBot, page_context: PageContext) -> None:
    widget = LessonsPage(dataclasses.replace(page_context, files_allowed=False))
    qtbot.addWidget(widget)
    widget.show()
    assert widget.export_button.isHidden()


def test_in_app_links_become_text_on_paper() -> None:
    html = '<p>See <a href="anatomy:piriformis">piriformis</a> and <a href="#why">why</a>.</p>'
    assert printable_html(html) == '<p>See piriformis and <a href="#why">why</a>.</p>'


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_pages_are_numbered_and_carry_no_dead_links(page: LessonsPage, tmp_path: Path) -> None:
    """Every page of the handout ends with "page n of N"; no link annotation points at an
    in-app address a PDF reader cannot open."""
    target = tmp_path / "lesson.pdf"
    page.export_to(target)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    numbers = re.findall(r"page (\d+) of (\d+)", text)
    assert numbers
    total = int(numbers[0][1])
    assert [int(n) for n, _ in numbers] == list(range(1, total + 1))
    assert b"/URI" not in target.read_bytes()


def test_on_this_page_follows_the_reading(page: LessonsPage) -> None:
    """Scrolling the lesson marks the section now at the top in "On this page"."""
    page.resize(1500, 900)
    QApplication.processEvents()
    anchors = page.contents.row_keys()
    assert len(anchors) >= 3
    page.reader.scrollToAnchor(anchors[2])
    QApplication.processEvents()
    assert page.contents.current_key == anchors[2]
    page.reader.verticalScrollBar().setValue(0)
    assert page.contents.current_key in ("", anchors[0])
