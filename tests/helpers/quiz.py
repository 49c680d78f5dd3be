"""Building quiz questions for tests without a content file."""

from __future__ import annotations

from app.domain.problems import SourceRef
from app.domain.quiz import Question, QuestionKind


def make_question(
    question_id: str = "q1",
    kind: QuestionKind = QuestionKind.SINGLE,
    *,
    choices: tuple[str, ...] = ("Right", "Wrong A", "Wrong B", "Wrong C"),
    correct: tuple[int, ...] = (0,),
    truth: bool | None = None,
    target: str = "",
    topic: str = "anatomy",
    lesson: str = "lesson:intro#start",
    structure: str = "",
    difficulty: int = 2,
) -> Question:
    """A question with sensible defaults; override what the test is about."""
    return Question(
        id=question_id,
        kind=kind,
        prompt=f"Prompt of {question_id}?",
        choices=choices,
        correct=correct,
        truth=truth,
        target=target,
        topic=topic,
        lesson=lesson,
        structure=structure,
        difficulty=difficulty,
        explanation="Because.",
        source=SourceRef("test.toml", 1),
    )


def right_response(question: Question) -> object:
    """The response a learner who knows the answer gives, by question kind."""
    if question.kind is QuestionKind.TRUE_FALSE:
        return question.truth
    if question.kind in (QuestionKind.FIND, QuestionKind.NAME):
        return question.target
    if question.kind is QuestionKind.MULTI:
        return question.correct
    if question.kind is QuestionKind.NUMERIC:
        return question.number
    return question.correct[0]
