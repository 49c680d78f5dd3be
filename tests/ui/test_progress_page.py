"""The Progress page: empty states that say what to do, then charts from stored answers."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from app.domain.quiz import QuestionKind
from app.domain.quiz_session import Mode
from app.services.clock import FakeClock
from app.ui.context import PageContext
from app.ui.progress.page import ProgressPage
from tests.helpers.navigator import RecordingNavigator
from tests.helpers.quiz import right_response


def test_empty_state_points_to_the_quiz(
    qtbot: QtBot, page_context: PageContext, navigator: RecordingNavigator
) -> None:
    """With no answers every section shows its empty state; its button opens the quiz."""
    page = ProgressPage(page_context)
    qtbot.addWidget(page)
    sections = (page.accuracy, page.topics, page.structures, page.due)
    assert all(section.showing_empty for section in sections)
    go = page.accuracy.empty.findChild(QPushButton)
    assert go is not None
    assert go.text() == "Go to the quiz"
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    assert navigator.pages == ["quiz"]


def test_charts_follow_the_answers(
    qtbot: QtBot, page_context: PageContext, fake_clock: FakeClock
) -> None:
    """The page is open while answers arrive on two days: with no other prompt, accuracy has
    two bars and mastery one bar per topic."""
    content = page_context.content
    questions = list(content.questions.values())[:3]
    page = ProgressPage(page_context)
    qtbot.addWidget(page)
    page.show()
    assert page.accuracy.showing_empty
    store = page_context.quiz_store
    for question in questions:
        store.record_answer(question, right_response(question), 5.0, Mode.PRACTICE)
    fake_clock.advance(86400)
    store.record_answer(questions[0], "wrong", 5.0, Mode.PRACTICE)
    assert not page.accuracy.showing_empty
    accuracy = page.accuracy.chart.bars
    assert len(accuracy.values) == 2
    assert accuracy.values[1] == 0.0
    topics = page.topics.chart.bars
    assert len(topics.labels) == len(content.topics)
    assert "4 answers so far" in page.totals.text()


def test_answers_given_while_hidden_show_when_it_is_opened(
    qtbot: QtBot, page_context: PageContext
) -> None:
    """Answers recorded while another page is open are on the charts when Progress opens."""
    page = ProgressPage(page_context)
    qtbot.addWidget(page)
    question = next(iter(page_context.content.questions.values()))
    page_context.quiz_store.record_answer(question, right_response(question), 5.0, Mode.TEST)
    page.show()
    assert not page.accuracy.showing_empty
    assert page.totals.text().startswith("1 answer so far")


def _answer_everything(page_context: PageContext) -> None:
    """Answer every choice question right (enough for full mastery of every topic)."""
    for question in page_context.content.questions.values():
        if question.correct or question.kind in (QuestionKind.TRUE_FALSE, QuestionKind.FIND):
            response = right_response(question)
            page_context.quiz_store.record_answer(question, response, 5.0, Mode.TEST)


def test_mastery_axis_stops_at_100_percent(qtbot: QtBot, page_context: PageContext) -> None:
    """With every answer right (mastery 100 %), the axis still ends at 100 %."""
    _answer_everything(page_context)
    page = ProgressPage(page_context)
    qtbot.addWidget(page)
    page.show()
    assert max(page.topics.chart.bars.values) > 95
    (_, right_end), _ = page.topics.chart.plot.getViewBox().viewRange()
    assert right_end <= 102  # room for the "100%" label, not a run past it


def test_the_wheel_over_a_chart_scrolls_the_page(qtbot: QtBot, page_context: PageContext) -> None:
    """Charts do not zoom; a wheel turn over one scrolls the Progress page like anywhere else."""
    _answer_everything(page_context)
    page = ProgressPage(page_context)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    viewport = page.accuracy.chart.plot.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre,
        viewport.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, -240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert bar.value() > 0


def test_the_page_shows_before_its_charts_which_follow_one_per_turn(
    qtbot: QtBot, page_context: PageContext
) -> None:
    """Opening Progress with data paints the page first; the charts are built on later turns
    of the event loop (one per turn: tests/ui/test_one_per_turn.py)."""
    store = page_context.quiz_store
    for question in list(page_context.content.questions.values())[:4]:
        store.record_answer(question, right_response(question), 5.0, Mode.PRACTICE)
    page = ProgressPage(page_context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    charts = [page.accuracy.chart, page.topics.chart, page.structures.chart]
    assert [chart.findChildren(QGraphicsView) for chart in charts] == [[], [], []]
    qtbot.waitUntil(lambda: all(chart.findChildren(QGraphicsView) for chart in charts))
    assert len(page.accuracy.chart.bars.values) == 1
