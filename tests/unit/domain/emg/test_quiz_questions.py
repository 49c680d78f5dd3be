"""Numeric and trace questions: how records are read and checked, and how answers are judged."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.emg.sample_ids import TRACE_SAMPLE_IDS
from app.domain.emg.samples import SAMPLE_IDS, trace_sample
from app.domain.problems import SourceRef
from app.domain.quiz import Question, QuestionKind, question_from_record, within_tolerance
from app.domain.records import RawRecord

NUMERIC: dict[str, Any] = {
    "id": "velocity",
    "type": "numeric",
    "prompt": "What is the velocity?",
    "answer": 47.1,
    "tolerance": 1.0,
    "unit": "m/s",
    "topic": "reading-traces",
    "lesson": "lesson:diagnosis#nerve-conduction-study",
    "explanation": "400 mm over 8.5 ms.",
}
TRACES: dict[str, Any] = {
    "id": "which",
    "type": "single",
    "prompt": "Which trace shows denervation?",
    "choices": ["Fibrillations", "Silence"],
    "traces": ["fibrillations", "rest-silent"],
    "answer": 1,
    "topic": "reading-traces",
    "lesson": "lesson:diagnosis#emg",
    "explanation": "Fibrillations mean denervation.",
}


def _read(data: dict[str, Any], **changes: Any) -> tuple[Question | None, list[str]]:
    merged = {**data, **changes}
    record = RawRecord(SourceRef("quizzes/emg-lab.toml", 3), merged, {"answer": 7})
    question, problems = question_from_record(record)
    return question, [problem.message for problem in problems]


def test_numeric_question_is_read_with_its_number_tolerance_and_unit() -> None:
    question, problems = _read(NUMERIC)
    assert problems == []
    assert question is not None
    assert question.kind is QuestionKind.NUMERIC
    assert (question.number, question.tolerance, question.unit) == (47.1, 1.0, "m/s")


@pytest.mark.parametrize(
    ("response", "right"),
    [(47.1, True), (46.1, True), (48.1, True), (48.2, False), (45.9, False), (47, True)],
)
def test_numeric_answer_counts_within_the_tolerance_inclusive(
    response: float, right: bool
) -> None:
    """47.1 +/- 1.0: the edges count, a tenth beyond them does not."""
    question, _ = _read(NUMERIC)
    assert question is not None
    assert question.is_correct(response) is right


@pytest.mark.parametrize("response", [None, "47.1", True, (47.1,)])
def test_numeric_answer_must_be_a_number(response: object) -> None:
    assert not within_tolerance(response, 47.1, 1.0)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"answer": "fast"}, "answer must be a number"),
        ({"answer": True}, "answer must be a number"),
        ({"choices": ["a", "b"]}, "takes no choices"),
        ({"tolerance": -1}, "tolerance"),
    ],
)
def test_bad_numeric_records_are_refused(changes: dict[str, Any], message: str) -> None:
    question, problems = _read(NUMERIC, **changes)
    assert question is None
    assert any(message in problem for problem in problems), problems


def test_tolerance_and_unit_belong_to_numeric_questions_only() -> None:
    question, problems = _read(TRACES, unit="m/s")
    assert question is None
    assert "belong to numeric questions" in problems[0]


def test_trace_question_is_read_with_one_trace_per_choice() -> None:
    question, problems = _read(TRACES)
    assert problems == []
    assert question is not None
    assert question.traces == ("fibrillations", "rest-silent")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"traces": ["fibrillations"]}, "1 traces for 2 choices"),
        ({"traces": ["fibrillations", "myotonia"]}, "name no trace: myotonia"),
        ({"trace": "myotonia"}, "names no trace"),
        ({"type": "truefalse", "choices": [], "answer": True}, "need a single- or multi"),
    ],
)
def test_bad_trace_records_are_refused(changes: dict[str, Any], message: str) -> None:
    question, problems = _read(TRACES, **changes)
    assert question is None
    assert any(message in problem for problem in problems), problems


def test_every_trace_id_draws_a_distinct_trace() -> None:
    """The ids content may use are exactly those the model draws, and each differs."""
    assert SAMPLE_IDS == TRACE_SAMPLE_IDS
    signals = {sid: trace_sample(sid).signal for sid in SAMPLE_IDS}
    peaks = {sid: float(abs(signal).max()) for sid, signal in signals.items()}
    assert peaks["rest-silent"] < 40  # noise only
    assert peaks["fibrillations"] < 250 < peaks["fasciculation"]
    assert peaks["large-units"] > 3 * peaks["normal-units"]
