"""The Quiz page driven like a learner: clicks and keys, checked against score and store."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from app.domain.content import Content
from app.domain.links import Link, LinkKind
from app.domain.quiz import Question, QuestionKind
from app.services.clock import FakeClock
from app.services.store import Store
from app.services.store_handle import StoreHandle
from app.ui.context import PageContext
from app.ui.layout_audit import audit
from app.ui.quiz.choices import ChoiceButton
from app.ui.quiz.feedback import explanation_html
from app.ui.quiz.page import QuizPage
from tests.helpers.navigator import RecordingNavigator
from tests.helpers.quiz import make_question

RIGHT_Q = make_question("q-right", topic="anatomy", choices=("Alpha", "Beta", "Gamma", "Delta"))
WRONG_Q = make_question("q-wrong", topic="sleep", choices=("One", "Two", "Three"), correct=(2,))
MULTI_Q = make_question(
    "q-multi", kind=QuestionKind.MULTI, topic="sleep", choices=("A", "B", "C"), correct=(0, 2)
)
TRUE_Q = make_question("q-true", kind=QuestionKind.TRUE_FALSE, choices=(), correct=(), truth=True)


def _page(qtbot: QtBot, context: PageContext, *questions: Question) -> QuizPage:
    questions_by_id = {q.id: q for q in questions}
    content = Content(context.content.structures, context.content.lessons, questions_by_id, {}, {})
    page = QuizPage(dataclasses.replace(context, content=content), seed=11)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    return page


def _button(page: QuizPage, text: str) -> ChoiceButton:
    return next(b for b in page.question_view.choices.buttons if b.answer_text == text)


def _key_for(page: QuizPage, text: str) -> Qt.Key:
    index = page.question_view.choices.buttons.index(_button(page, text))
    return Qt.Key(Qt.Key.Key_1 + index)


def _current(page: QuizPage) -> Question:
    assert page.session is not None
    question = page.session.current()
    assert question is not None
    return question


def test_right_by_click_wrong_by_key(
    qtbot: QtBot, page_context: PageContext, fake_clock: FakeClock
) -> None:
    """Answer one right (mouse) and one wrong (keys): score 1/2, both answers stored with
    their time, and the right one scheduled later than the wrong one."""
    page = _page(qtbot, page_context, RIGHT_Q, WRONG_Q)
    page.start_test(2)
    view = page.question_view
    for _ in range(2):
        question = _current(page)
        fake_clock.advance(6)
        if question.id == "q-right":
            qtbot.mouseClick(_button(page, "Alpha"), Qt.MouseButton.LeftButton)
            qtbot.mouseClick(view.action, Qt.MouseButton.LeftButton)
            assert "Right" in view.feedback.verdict.text()
        else:
            qtbot.keyClick(view, _key_for(page, "One"))
            qtbot.keyClick(view, Qt.Key.Key_Return)
            assert "Not quite" in view.feedback.verdict.text()
            assert "Three" in view.feedback.detail.text()
        assert view.feedback.isVisible()
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.current_view is page.results_view
    assert page.results_view.score.text() == "1/2"
    store = page.quiz_store
    assert store.answers_for("q-right") == [(True, 6.0, "test")]
    assert store.answers_for("q-wrong") == [(False, 6.0, "test")]
    due_right, due_wrong = store.due_at("q-right"), store.due_at("q-wrong")
    assert due_right is not None
    assert due_wrong is not None
    assert fake_clock.now() < due_wrong < due_right


def test_wrong_answer_comes_back_in_due_review(
    qtbot: QtBot, page_context: PageContext, fake_clock: FakeClock
) -> None:
    """After a miss, the start screen counts it as due once its time comes, and the review
    queue asks it."""
    page = _page(qtbot, page_context, WRONG_Q)
    page.start_test(1)
    qtbot.keyClick(page.question_view, _key_for(page, "Two"))
    qtbot.keyClick(page.question_view, Qt.Key.Key_Return)
    qtbot.keyClick(page.question_view, Qt.Key.Key_Return)
    qtbot.mouseClick(page.results_view.done, Qt.MouseButton.LeftButton)
    assert not page.start_view.review.isEnabled()
    fake_clock.advance(15 * 60)
    page.hide()  # the learner looks at another page for a while, then comes back
    page.show()
    assert page.start_view.review.text() == "Due for review (1)"
    qtbot.mouseClick(page.start_view.review, Qt.MouseButton.LeftButton)
    assert _current(page).id == "q-wrong"
    assert page.session is not None
    assert page.session.plan.mode == "review"


def test_multi_select_with_number_keys_and_space(qtbot: QtBot, page_context: PageContext) -> None:
    """Keys toggle choices in multi-select; Space toggles the focused one; Enter checks."""
    page = _page(qtbot, page_context, MULTI_Q)
    page.start_test(1)
    view = page.question_view
    qtbot.keyClick(view, _key_for(page, "A"))
    qtbot.keyClick(view, _key_for(page, "B"))
    qtbot.keyClick(view, _key_for(page, "B"))  # toggled off again
    button_c = _button(page, "C")
    button_c.setFocus()
    qtbot.keyClick(button_c, Qt.Key.Key_Space)
    assert {b.answer_text for b in view.choices.buttons if b.isChecked()} == {"A", "C"}
    qtbot.keyClick(button_c, Qt.Key.Key_Return)
    assert "Right" in view.feedback.verdict.text()


def test_true_false_and_lesson_link(
    qtbot: QtBot, page_context: PageContext, navigator: RecordingNavigator
) -> None:
    """Key 2 answers "False"; the lesson link in the feedback goes to the lesson section."""
    question = dataclasses.replace(TRUE_Q, lesson="lesson:what-is-a-gluteal-twitch")
    page = _page(qtbot, page_context, question)
    page.start_test(1)
    view = page.question_view
    qtbot.keyClick(view, Qt.Key.Key_2)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "Not quite" in view.feedback.verdict.text()
    assert view.feedback.detail.text() == "It is true."
    qtbot.mouseClick(view.feedback.lesson_button, Qt.MouseButton.LeftButton)
    assert navigator.links == ["lesson:what-is-a-gluteal-twitch"]


def test_quiz_link_starts_practice_on_a_topic(qtbot: QtBot, page_context: PageContext) -> None:
    """quiz:<topic> starts practice with only that topic's questions."""
    page = _page(qtbot, page_context, RIGHT_Q, WRONG_Q, MULTI_Q)
    page.open_link(Link(LinkKind.QUIZ, "sleep"))
    assert page.session is not None
    assert set(page.session.plan.question_ids) == {"q-wrong", "q-multi"}
    assert page.question_view.title.text() == "Practice: Sleep"


def test_a_new_store_and_reset_forget_the_visit(
    qtbot: QtBot, page_context: PageContext, store_handle: StoreHandle, fake_clock: FakeClock
) -> None:
    """A kiosk's next visit: the store is replaced and the page reset; the due count and the
    answers are the new (empty) store's, and the start screen shows."""
    page = _page(qtbot, page_context, WRONG_Q)
    page.start_test(1)
    qtbot.keyClick(page.question_view, _key_for(page, "Three"))
    qtbot.keyClick(page.question_view, Qt.Key.Key_Return)
    fake_clock.advance(15 * 60)
    store_handle.replace(store_handle.store)  # same store: the count is read again
    assert page.start_view.review.text() == "Due for review (1)"
    store_handle.replace(Store.in_memory())
    page.reset()
    assert page.current_view is page.start_view
    assert page.quiz_store.answer_count() == 0
    assert not page.start_view.review.isEnabled()


def test_retry_asks_only_the_missed(qtbot: QtBot, page_context: PageContext) -> None:
    """The results screen lists the miss and "practise the ones I missed" asks just it."""
    page = _page(qtbot, page_context, RIGHT_Q, WRONG_Q)
    page.start_test(2)
    for _ in range(2):
        wrong_text = "One" if _current(page).id == "q-wrong" else "Alpha"
        qtbot.keyClick(page.question_view, _key_for(page, wrong_text))
        qtbot.keyClick(page.question_view, Qt.Key.Key_Return)
        qtbot.keyClick(page.question_view, Qt.Key.Key_Return)
    qtbot.mouseClick(page.results_view.retry, Qt.MouseButton.LeftButton)
    assert page.session is not None
    assert page.session.plan.question_ids == ("q-wrong",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "See [the lesson](lesson:intro#start).",
            'See <a href="lesson:intro#start">the lesson</a>.',
        ),
        ("Not [this](https://example.com) <b>", "Not this &lt;b&gt;"),
    ],
)
def test_explanation_links(text: str, expected: str) -> None:
    """In-app Markdown links become anchors; other links and HTML are shown as text."""
    assert explanation_html(text) == expected


def test_multi_select_feedback_tells_picked_missed_and_wrong_apart(
    qtbot: QtBot, page_context: PageContext
) -> None:
    """Picking A (right) and B (wrong) but not C (right): each choice gets its own mark and
    word, so the three cases never rest on colour alone."""
    page = _page(qtbot, page_context, MULTI_Q)
    page.start_test(1)
    view = page.question_view
    qtbot.keyClick(view, _key_for(page, "A"))
    qtbot.keyClick(view, _key_for(page, "B"))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    verdicts = {b.answer_text: b.verdict for b in view.choices.buttons}
    assert verdicts == {"A": "right", "B": "wrong", "C": "missed"}
    names = {b.answer_text: b.accessibleName() for b in view.choices.buttons}
    assert "not picked" in names["C"]
    assert "not right" in names["B"]
    assert "you picked it" in names["A"]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_lesson_link_is_reached_by_tab_and_followed_by_key(
    qtbot: QtBot, page_context: PageContext, navigator: RecordingNavigator, key: Qt.Key
) -> None:
    """After answering, Tab reaches the lesson link, a screen reader hears a button named for
    the lesson, and Enter or Space opens the lesson (and does not move on to the results)."""
    question = dataclasses.replace(TRUE_Q, lesson="lesson:what-is-a-gluteal-twitch")
    page = _page(qtbot, page_context, question)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)  # keyboard focus needs it
    page.start_test(1)
    view = page.question_view
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    link = view.feedback.lesson_button
    for _ in range(10):
        focused = QApplication.focusWidget()
        if focused is link or focused is None:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is link
    title = page_context.content.lessons["what-is-a-gluteal-twitch"].title
    spoken = QAccessible.queryAccessibleInterface(link)
    assert spoken.role() == QAccessible.Role.Button
    assert title in spoken.text(QAccessible.Text.Name)
    qtbot.keyClick(link, key)
    assert navigator.links == ["lesson:what-is-a-gluteal-twitch"]
    assert page.current_view is view


def test_long_answers_and_lesson_title_wrap_in_a_small_window_at_large_text(
    qtbot: QtBot, page_context: PageContext
) -> None:
    """At 2x text in the smallest window, the answers and the "Read more" link wrap: the
    question column is never wider than what shows of it, and nothing in it is cut off."""
    longest = max(page_context.content.lessons.values(), key=lambda lesson: len(lesson.title))
    question = make_question(
        "q-long",
        kind=QuestionKind.MULTI,
        choices=(
            "The posterior femoral cutaneous nerve of the thigh",
            "The nerve to obturator internus and superior gemellus",
            "Short",
        ),
        correct=(0, 1),
        lesson=f"lesson:{longest.id}",
    )
    theme = page_context.theme
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.set(theme.palette.name, 2.0)
    theme.apply(app)
    try:
        page = _page(qtbot, page_context, question)
        page.start_test(1)
        view = page.question_view
        qtbot.keyClick(view, Qt.Key.Key_1)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        page.resize(720 - 168, 540)  # the smallest window less the rail at 2x text
        QApplication.processEvents()
        assert page.width() == 720 - 168
        scroll = page.findChild(QScrollArea, "questionScroll")
        assert scroll is not None
        column = scroll.widget()
        assert column is not None
        assert column.width() <= scroll.viewport().width()
        link = view.feedback.lesson_button
        assert longest.title in link.link_text()
        assert link.height() >= 2 * link.fontMetrics().lineSpacing()  # wrapped, not clipped
        assert link.geometry().right() <= view.feedback.contentsRect().right()
        assert audit(column) == []
    finally:
        theme.set(theme.palette.name, 1.0)
        theme.apply(app)
