"""Numeric and trace questions in the Quiz page, answered as a learner does: typing a number
and pressing Enter, or reading the traces and clicking one."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.content import Content
from app.domain.quiz import QuestionKind
from app.ui.context import PageContext
from app.ui.quiz.page import QuizPage


def _page(qtbot: QtBot, context: PageContext, *question_ids: str) -> QuizPage:
    shipped = context.content.questions
    questions = {qid: shipped[qid] for qid in question_ids}
    content = Content(context.content.structures, context.content.lessons, questions, {}, {})
    page = QuizPage(dataclasses.replace(context, content=content), seed=5)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.start_test(len(question_ids))
    return page


def test_numeric_answer_within_tolerance_is_right_and_stored(
    qtbot: QtBot, page_context: PageContext
) -> None:
    """Typing 46,3 for 47.1 +/- 1 m/s (a decimal comma) and pressing Enter: judged right,
    the field locked, and the answer stored as right."""
    page = _page(qtbot, page_context, "lab-velocity-tibial")
    view = page.question_view
    assert view.numeric.isVisible()
    assert not view.choices.isVisible()
    assert view.numeric.unit.text() == "m/s"
    assert not view.action.isEnabled()
    qtbot.keyClicks(view.numeric.field, "46,3")
    assert view.action.isEnabled()
    qtbot.keyClick(view.numeric.field, Qt.Key.Key_Return)
    assert "Right" in view.feedback.verdict.text()
    assert view.numeric.field.isReadOnly()
    assert page_context.quiz_store.answers_for("lab-velocity-tibial")[0][:1] == (True,)


def test_numeric_answer_outside_tolerance_shows_the_range_that_counts(
    qtbot: QtBot, page_context: PageContext
) -> None:
    """48.2 for 47.1 +/- 1 is wrong; the feedback gives the answer and 46.1 to 48.1."""
    page = _page(qtbot, page_context, "lab-velocity-tibial")
    view = page.question_view
    qtbot.keyClicks(view.numeric.field, "48.2")
    qtbot.mouseClick(view.action, Qt.MouseButton.LeftButton)
    assert "Not quite" in view.feedback.verdict.text()
    assert "47.1 m/s" in view.feedback.detail.text()
    assert "46.1 to 48.1" in view.feedback.detail.text()


def test_text_that_is_not_a_number_cannot_be_checked(
    qtbot: QtBot, page_context: PageContext
) -> None:
    page = _page(qtbot, page_context, "lab-latency-difference")
    view = page.question_view
    qtbot.keyClicks(view.numeric.field, "seven")
    assert not view.action.isEnabled()
    qtbot.keyClick(view.numeric.field, Qt.Key.Key_Return)
    assert not view.feedback.isVisible()


def test_which_trace_question_hides_the_answer_until_checked(
    qtbot: QtBot, page_context: PageContext
) -> None:
    """Four traces, choices that only say "Trace n"; choosing the fibrillation trace is right,
    and then every choice names what its trace shows."""
    page = _page(qtbot, page_context, "lab-which-trace-denervation")
    view = page.question_view
    question = view.question
    assert question is not None
    assert question.kind is QuestionKind.SINGLE
    assert len(view.traces.thumbs) == 4
    buttons = view.choices.buttons
    assert [b.answer_text for b in buttons] == [f"Trace {n}" for n in range(1, 5)]
    shown = [thumb.sample.id for thumb in view.traces.thumbs]
    right = shown.index("fibrillations")
    qtbot.mouseClick(buttons[right], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.action, Qt.MouseButton.LeftButton)
    assert "Right" in view.feedback.verdict.text()
    assert buttons[right].answer_text.startswith(f"Trace {right + 1}: Fibrillation potentials")
    assert all(": " in b.answer_text for b in buttons)


def test_a_question_with_one_trace_shows_it_beside_text_choices(
    qtbot: QtBot, page_context: PageContext
) -> None:
    page = _page(qtbot, page_context, "lab-what-is-this-trace")
    view = page.question_view
    assert [thumb.sample.id for thumb in view.traces.thumbs] == ["fasciculation"]
    assert all(not b.answer_text.startswith("Trace") for b in view.choices.buttons)
