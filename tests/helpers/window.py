"""Acting on the whole main window as a learner does."""

from __future__ import annotations

from app.ui.main_window import MainWindow
from app.ui.quiz.page import QuizPage
from tests.helpers.quiz import right_response


def answer_one_question_right(window: MainWindow) -> None:
    """Open the Quiz page, start a one-question test and answer it right."""
    window.show_page("quiz")
    quiz = window.page("quiz")
    assert isinstance(quiz, QuizPage)
    quiz.start_test(1)
    question = quiz.question_view.question
    assert question is not None
    quiz.question_view.submit(right_response(question))
