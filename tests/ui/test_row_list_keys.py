"""The lessons page's lists are one Tab stop each, walked with the arrow, Page and Home/End keys.

With a row per Tab stop, a clinic's course of a thousand lessons took a thousand presses of
Tab to get past; now Tab lands on the lesson being read and the keys move within the list.
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.content import Content
from app.domain.lessons import Heading, Lesson
from app.domain.links import Link, LinkKind
from app.ui.context import PageContext
from app.ui.lessons.page import LessonsPage
from app.ui.lessons.sidebar import STEP_PAGE, ContentsList, LessonList

W = TypeVar("W", bound=QWidget)


def _focused_key() -> str:
    """The key of the row with the keyboard focus ("" when it is not a row)."""
    return str(getattr(QApplication.focusWidget(), "key", ""))


def _copies(content: Content, count: int) -> list[Lesson]:
    """``count`` lessons, ``lesson-0`` on, copied from the shipped ones."""
    shipped = list(content.lessons.values())
    return [
        dataclasses.replace(shipped[n % len(shipped)], id=f"lesson-{n}", order=n)
        for n in range(count)
    ]


def _shown(qtbot: QtBot, widget: W, width: int, height: int) -> W:
    """``widget`` shown as the active window (keys need it), ready to take key presses."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    return widget


@pytest.fixture
def course_of_sixty(page_context: PageContext, shipped_content: Content) -> PageContext:
    lessons = {lesson.id: lesson for lesson in _copies(shipped_content, 60)}
    content = dataclasses.replace(shipped_content, lessons=lessons, questions={})
    return dataclasses.replace(page_context, content=content)


def test_the_course_is_one_tab_stop_that_lands_on_the_lesson_being_read(
    qtbot: QtBot, course_of_sixty: PageContext
) -> None:
    page = _shown(qtbot, LessonsPage(course_of_sixty), 1200, 800)
    course = page.lesson_list
    page.open_link(Link(LinkKind.LESSON, "lesson-7"))
    qtbot.waitUntil(lambda: course.current_key == "lesson-7")
    page.search_box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    tab_stops = []
    for _ in range(4):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        tab_stops.append(_focused_key())
    rows = [key for key in tab_stops if key.startswith("lesson-")]
    assert rows == ["lesson-7"]  # reached once, on the lesson being read, then Tab moves on
    assert tab_stops[0] == "lesson-7"  # straight from the search box: the list is no stop


def test_arrow_page_and_end_keys_walk_the_rows(qtbot: QtBot, course_of_sixty: PageContext) -> None:
    course = _shown(qtbot, LessonsPage(course_of_sixty), 1200, 800).lesson_list
    qtbot.waitUntil(lambda: course.complete)
    first = course.row("lesson-0")
    assert first is not None
    first.setFocus()
    for key, expected in (
        (Qt.Key.Key_Down, "lesson-1"),
        (Qt.Key.Key_PageDown, f"lesson-{1 + STEP_PAGE}"),
        (Qt.Key.Key_Up, f"lesson-{STEP_PAGE}"),
        (Qt.Key.Key_End, "lesson-59"),
        (Qt.Key.Key_Down, "lesson-59"),
        (Qt.Key.Key_Home, "lesson-0"),
    ):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, key)
        qtbot.waitUntil(lambda expected=expected: _focused_key() == expected, timeout=1000)
    # The row the keys left focus on is the list's Tab stop from now on.
    focused = QApplication.focusWidget()
    assert isinstance(focused, QWidget)
    assert focused.focusPolicy() == Qt.FocusPolicy.StrongFocus
    others = [course.row(f"lesson-{n}") for n in range(1, 60)]
    assert all(
        row is not None and row.focusPolicy() == Qt.FocusPolicy.ClickFocus for row in others
    )


def _press(qtbot: QtBot, key: Qt.Key) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key)


def test_end_before_the_list_is_built_lands_on_the_last_lesson_when_it_arrives(
    qtbot: QtBot, shipped_content: Content
) -> None:
    course = _shown(qtbot, LessonList(), 300, 600)
    course.set_lessons(_copies(shipped_content, 400), set())
    first = course.row("lesson-0")
    assert first is not None
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    _press(qtbot, Qt.Key.Key_End)  # long before row 400 exists: no waiting for it here
    assert not course.complete
    last = "lesson-399"
    qtbot.waitUntil(lambda: _focused_key() == last, timeout=20_000)
    row = course.row(last)
    assert row is not None
    qtbot.waitUntil(lambda: not row.visibleRegion().isEmpty(), timeout=2_000)


def test_moving_with_the_keys_is_not_undone_by_a_lesson_followed_into_view(
    qtbot: QtBot, shipped_content: Content
) -> None:
    course = _shown(qtbot, LessonList(), 300, 600)
    course.set_lessons(_copies(shipped_content, 300), set())
    course.set_current("lesson-150")  # as a link opening it does
    qtbot.waitUntil(lambda: course.verticalScrollBar().value() > 0, timeout=20_000)
    followed = course.row("lesson-150")
    assert followed is not None
    followed.setFocus()
    _press(qtbot, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: course.complete, timeout=20_000)
    qtbot.wait(50)  # a few turns for anything queued to run
    assert _focused_key() == "lesson-0"
    assert course.verticalScrollBar().value() == 0


def test_rows_with_the_same_key_are_still_walked_one_by_one(qtbot: QtBot) -> None:
    contents = _shown(qtbot, ContentsList(), 300, 400)
    contents.set_headings(
        [
            Heading(2, title, anchor, n)
            for n, (title, anchor) in enumerate(
                [("Twice A", "x"), ("Twice B", "x"), ("Once", "y")]
            )
        ]
    )
    rows = contents.findChildren(QWidget, "lessonRow")
    rows.sort(key=lambda row: row.y())
    rows[1].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is rows[1])
    _press(qtbot, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is rows[2]
    _press(qtbot, Qt.Key.Key_Up)
    _press(qtbot, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is rows[0]


def test_a_cleared_course_forgets_its_lessons(qtbot: QtBot, shipped_content: Content) -> None:
    course = LessonList()
    qtbot.addWidget(course)
    lessons = list(shipped_content.lessons.values())
    course.set_lessons(lessons, {lessons[0].id})
    course.set_current(lessons[1].id)
    course.clear()
    assert course.row_keys() == []
    assert course.current_key == ""
    assert not course.is_ticked(lessons[0].id)
