"""Pages over a clinic-sized course (1,000 lessons, 10,000 questions) open without freezing.

Tried by hand with the synthetic folder of ``bench/content_scale.py``: the quiz page froze for
over ten seconds (one pass over every question per lesson) and the lessons page for two (four
styled widgets per lesson, all built and polished before the page showed).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QAbstractSlider
from pytestqt.qtbot import QtBot

from app.domain.content import Content
from app.domain.quiz_session import Scope
from app.ui.context import PageContext
from app.ui.lessons.page import LessonsPage
from app.ui.quiz.page import QuizPage

P = TypeVar("P", QuizPage, LessonsPage)

LESSONS = 1_000
QUESTIONS = 10_000
#: Far above what these pages take now (well under 0.3 s), far below the freezes they replace.
OPEN_BUDGET_SECONDS = 1.5


@pytest.fixture(scope="module")
def clinic_content(shipped_content: Content) -> Content:
    """The shipped course copied under new ids up to clinic size, each question on its copy."""
    lessons, questions = {}, {}
    shipped_lessons = list(shipped_content.lessons.values())
    shipped_questions = list(shipped_content.questions.values())
    for n in range(LESSONS):
        source = shipped_lessons[n % len(shipped_lessons)]
        lesson = dataclasses.replace(source, id=f"{source.id}-{n}", order=n)
        lessons[lesson.id] = lesson
    lesson_ids = list(lessons)
    for n in range(QUESTIONS):
        source = shipped_questions[n % len(shipped_questions)]
        question = dataclasses.replace(
            source, id=f"{source.id}-{n}", lesson=f"lesson:{lesson_ids[n % (LESSONS // 2)]}"
        )
        questions[question.id] = question
    return dataclasses.replace(shipped_content, lessons=lessons, questions=questions)


@pytest.fixture
def clinic_context(page_context: PageContext, clinic_content: Content) -> PageContext:
    return dataclasses.replace(page_context, content=clinic_content)


def _opened(
    qtbot: QtBot, build: Callable[[PageContext], P], context: PageContext
) -> tuple[P, float]:
    started = time.perf_counter()
    page = build(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page, time.perf_counter() - started


def test_quiz_start_lists_only_lessons_with_questions_quickly(
    qtbot: QtBot, clinic_context: PageContext
) -> None:
    page, seconds = _opened(qtbot, QuizPage, clinic_context)
    assert seconds < OPEN_BUDGET_SECONDS
    view = page.start_view
    with_questions = {target for target, _ in view.targets(Scope.LESSON)}
    # Questions point at the first half of the lessons only.
    assert with_questions == set(list(clinic_context.content.lessons)[: LESSONS // 2])


def test_lessons_page_shows_at_once_and_fills_its_list_while_staying_responsive(
    qtbot: QtBot, clinic_context: PageContext
) -> None:
    page, seconds = _opened(qtbot, LessonsPage, clinic_context)
    assert seconds < OPEN_BUDGET_SECONDS
    course = page.lesson_list
    assert course.row_keys() == list(clinic_context.content.lessons)
    assert not course.complete  # the rest come in later turns of the event loop
    ticks = []
    qtbot.waitUntil(lambda: ticks.append(1) is None and course.complete, timeout=20_000)
    assert len(ticks) > 3  # the event loop went round many times while the rows were built
    last = list(clinic_context.content.lessons)[-1]
    row = course.row(last)
    assert row is not None
    assert row.accessibleName().startswith(f"Lesson {LESSONS:,}:")


def test_a_lesson_far_down_the_course_is_marked_and_shown_when_its_row_arrives(
    qtbot: QtBot, clinic_context: PageContext
) -> None:
    page, _ = _opened(qtbot, LessonsPage, clinic_context)
    course = page.lesson_list
    far = list(clinic_context.content.lessons)[900]
    started = time.perf_counter()
    course.set_current(far)  # as opening the lesson from a link does
    course.set_read({far})
    assert time.perf_counter() - started < 0.1  # no waiting for 900 rows to be built
    assert course.current_key == far
    assert course.is_ticked(far)
    qtbot.waitUntil(lambda: course.complete, timeout=20_000)
    row = course.row(far)
    assert row is not None
    assert row.property("current") is True
    # The list scrolled to it when it arrived, and again once the rows above had settled.
    qtbot.waitUntil(lambda: not row.visibleRegion().isEmpty(), timeout=2_000)


def test_scrolling_away_while_the_list_fills_is_not_undone(
    qtbot: QtBot, clinic_context: PageContext
) -> None:
    page, _ = _opened(qtbot, LessonsPage, clinic_context)
    course = page.lesson_list
    bar = course.verticalScrollBar()
    course.set_current(list(clinic_context.content.lessons)[300])
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=20_000)  # its row arrived: scrolled to it
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)  # as a learner scrolls
    qtbot.waitUntil(lambda: course.complete, timeout=20_000)
    qtbot.wait(50)  # a few turns: the list must not jump back to the lesson
    assert bar.value() == 0
