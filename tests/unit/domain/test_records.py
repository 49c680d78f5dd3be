"""Field checking reports every problem at the line of the key at fault."""

from __future__ import annotations

import dataclasses

import pytest

from app.domain.problems import SourceRef
from app.domain.quiz import Question, QuestionKind, question_from_record
from app.domain.records import RawRecord
from app.domain.routines import routine_from_record


def _record(data: dict[str, object], lines: dict[str, int] | None = None) -> RawRecord:
    return RawRecord(SourceRef("quizzes/x.toml", 10), data, lines or {})


GOOD = {
    "id": "q1",
    "type": "single",
    "prompt": "Which?",
    "choices": ["a", "b", "c"],
    "answer": 2,
    "topic": "anatomy",
    "lesson": "lesson:l1",
    "explanation": "Because.",
}


def test_valid_single_choice_counts_from_one() -> None:
    """``answer = 2`` means the second choice; it is stored 0-based."""
    question, problems = question_from_record(_record(GOOD))
    assert problems == []
    assert question is not None
    assert question.correct == (1,)
    assert question.is_correct(1)
    assert not question.is_correct(0)


def test_unknown_key_missing_field_and_wrong_type_each_reported() -> None:
    data = {k: v for k, v in GOOD.items() if k != "explanation"}
    data.update({"difficulty": "hard", "colour": "red"})
    lines = {"difficulty": 14, "colour": 15}
    question, problems = question_from_record(_record(data, lines))
    assert question is None
    located = {(p.where.line, p.message.split(": ", 1)[1]) for p in problems}
    assert (
        15,
        "unknown key 'colour' (known keys: answer, choices, difficulty, explanation, "
        "id, lesson, prompt, structure, tolerance, topic, trace, traces, type, unit, view)",
    ) in located
    assert (10, "missing required field 'explanation'") in located
    assert (14, "field 'difficulty' must be a whole number") in located


def test_answer_out_of_range_is_a_problem_at_the_answer_line() -> None:
    question, problems = question_from_record(_record({**GOOD, "answer": 4}, {"answer": 17}))
    assert question is None
    assert [(p.where.line, "out of range 1..3" in p.message) for p in problems] == [(17, True)]


def test_multi_answer_and_true_false() -> None:
    multi, _ = question_from_record(_record({**GOOD, "type": "multi", "answer": [3, 1]}))
    assert multi is not None
    assert multi.correct == (0, 2)
    assert multi.is_correct([2, 0])
    assert not multi.is_correct([0])
    data = {k: v for k, v in GOOD.items() if k != "choices"}
    truth, _ = question_from_record(_record({**data, "type": "truefalse", "answer": False}))
    assert truth is not None
    assert truth.is_correct(False)
    assert not truth.is_correct(True)


def test_routine_step_problems_name_the_step() -> None:
    data = {
        "id": "r1",
        "name": "R",
        "summary": "S",
        "steps": [{"stretch": "a", "hold": 30}, {"stretch": "b", "hold": 1, "sides": "up"}],
    }
    routine, problems = routine_from_record(_record(data))
    assert routine is None
    messages = sorted(p.message for p in problems)
    assert messages == [
        "routine 'r1' step 2: field 'hold' must be between 5 and 600",
        "routine 'r1' step 2: field 'sides' must be one of none, left, right, both (got 'up')",
    ]


def test_routine_total_counts_sides_reps_and_rests_between() -> None:
    data = {
        "id": "r1",
        "name": "R",
        "summary": "S",
        "get_ready": 5,
        "steps": [{"stretch": "a", "hold": 30, "reps": 2, "sides": "both", "rest": 10}],
    }
    routine, problems = routine_from_record(_record(data))
    assert problems == []
    assert routine is not None
    # 5 get-ready + 4 holds of 30 s + rests after the first three holds.
    assert routine.total_seconds == 5 + 4 * 30 + 3 * 10


def test_a_built_question_is_the_one_its_constructor_makes() -> None:
    """Questions are built without the dataclass __init__; equal, same hash, still frozen."""
    data: dict[str, object] = {**GOOD, "structure": "piriformis"}
    question, problems = question_from_record(_record(data))
    assert problems == []
    assert question is not None
    made = Question(
        id="q1",
        kind=QuestionKind.SINGLE,
        prompt="Which?",
        choices=("a", "b", "c"),
        correct=(1,),
        truth=None,
        target="",
        topic="anatomy",
        lesson="lesson:l1",
        structure="piriformis",
        difficulty=2,
        explanation="Because.",
        source=SourceRef("quizzes/x.toml", 10),
    )
    assert question == made
    assert hash(question) == hash(made)
    assert repr(question) == repr(made)
    with pytest.raises(dataclasses.FrozenInstanceError):
        question.prompt = "changed"  # type: ignore[misc]
