"""Diagram questions answered by tapping the figure where a structure's shape lies."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.content import Content
from app.domain.diagram_feedback import in_sentence, wrong_tap_message
from app.domain.diagram_marks import View
from app.domain.quiz import Question, QuestionKind
from app.services.clock import FakeClock
from app.ui.context import PageContext
from app.ui.quiz.diagram_panel import diagram_available
from app.ui.quiz.page import QuizPage
from tests.helpers.quiz import make_question

pytestmark = pytest.mark.skipif(
    not diagram_available(), reason="app.ui.anatomy.diagram.DiagramView is not built yet"
)

FIND_PIRIFORMIS = make_question(
    "q-find",
    kind=QuestionKind.FIND,
    choices=(),
    correct=(),
    target="piriformis",
    structure="piriformis",
)
NAME_MEDIUS = make_question(
    "q-name",
    kind=QuestionKind.NAME,
    choices=(),
    correct=(),
    target="gluteus-medius",
    structure="gluteus-medius",
)


def _page(qtbot: QtBot, context: PageContext, question: Question) -> QuizPage:
    content = Content(context.content.structures, {}, {question.id: question}, {}, {})
    page = QuizPage(dataclasses.replace(context, content=content), seed=5)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.start_test(1)
    QApplication.processEvents()
    return page


def _tap(qtbot: QtBot, page: QuizPage, structure_id: str) -> None:
    panel = page.question_view.diagram
    point = panel.point_inside(structure_id)
    assert point is not None, f"{structure_id} should be visible and tappable"
    assert panel.view is not None
    qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=QPoint(point))


def test_tap_inside_the_shape_is_right(
    qtbot: QtBot, page_context: PageContext, fake_clock: FakeClock
) -> None:
    """A tap at a point inside piriformis's shape answers the find question right, and it is
    stored and scheduled ahead."""
    page = _page(qtbot, page_context, FIND_PIRIFORMIS)
    fake_clock.advance(4)
    _tap(qtbot, page, "piriformis")
    view = page.question_view
    assert "Right" in view.feedback.verdict.text()
    assert page.quiz_store.answers_for("q-find") == [(True, 4.0, "test")]
    due = page.quiz_store.due_at("q-find")
    assert due is not None
    assert due > fake_clock.now()


def test_wrong_tap_names_what_was_tapped(qtbot: QtBot, page_context: PageContext) -> None:
    """Tapping another structure visible at piriformis's depth says "That is <it>; piriformis
    <relation>", and the answer is stored as wrong."""
    page = _page(qtbot, page_context, FIND_PIRIFORMIS)
    structures = page_context.content.structures
    panel = page.question_view.diagram
    others = [s for s in structures.values() if s.id != "piriformis" and not s.context]
    tapped = next(s for s in others if panel.point_inside(s.id) is not None)
    _tap(qtbot, page, tapped.id)
    view = page.question_view
    assert "Not quite" in view.feedback.verdict.text()
    detail = view.feedback.detail.text()
    assert detail.startswith(f"That is {in_sentence(tapped.name)}; piriformis ")
    assert detail == wrong_tap_message(tapped, structures["piriformis"])
    assert page.quiz_store.answers_for("q-find")[0][0] is False


def test_tap_on_bone_names_the_bone(qtbot: QtBot, page_context: PageContext) -> None:
    """A tap on muted context (bone) still says what it is, not "nothing"."""
    page = _page(qtbot, page_context, FIND_PIRIFORMIS)
    structures = page_context.content.structures
    panel = page.question_view.diagram
    bones = [s for s in structures.values() if s.context]
    tapped = next(s for s in bones if panel.point_inside(s.id) is not None)
    _tap(qtbot, page, tapped.id)
    assert page.question_view.feedback.detail.text().startswith(
        f"That is {in_sentence(tapped.name)}; "
    )


def test_name_the_highlighted_structure(qtbot: QtBot, page_context: PageContext) -> None:
    """The target is highlighted, its name is among the choices, and choosing it is right."""
    page = _page(qtbot, page_context, NAME_MEDIUS)
    view = page.question_view
    names = [b.answer_text for b in view.choices.buttons]
    assert "Gluteus medius" in names
    assert len(names) == 4
    qtbot.keyClick(view, Qt.Key(Qt.Key.Key_1 + names.index("Gluteus medius")))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "Right" in view.feedback.verdict.text()


def test_lateral_question_shows_the_lateral_figure(
    qtbot: QtBot, page_context: PageContext
) -> None:
    """A find question set on the lateral view shows that figure (where tensor fasciae latae
    is drawn), and a tap on the muscle there answers it right."""
    question = dataclasses.replace(
        make_question(
            "q-tfl",
            kind=QuestionKind.FIND,
            choices=(),
            correct=(),
            target="tensor-fasciae-latae",
            structure="tensor-fasciae-latae",
        ),
        view=View.LATERAL,
    )
    page = _page(qtbot, page_context, question)
    _tap(qtbot, page, "tensor-fasciae-latae")
    assert "Right" in page.question_view.feedback.verdict.text()
