"""Quiz questions and how an answer is judged."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from app.domain.diagram_marks import View
from app.domain.emg.sample_ids import TRACE_SAMPLE_IDS
from app.domain.problems import Problem, SourceRef
from app.domain.records import Field, RawRecord, in_range, non_empty, one_of, read_fields


def _trace_id(value: str) -> str | None:
    if not value or value in TRACE_SAMPLE_IDS:
        return None
    return f"names no trace (known: {', '.join(TRACE_SAMPLE_IDS)})"


class QuestionKind(StrEnum):
    SINGLE = "single"
    MULTI = "multi"
    TRUE_FALSE = "truefalse"
    FIND = "find"  # tap the named structure on the diagram
    NAME = "name"  # name the highlighted structure
    NUMERIC = "numeric"  # type a number; right when within ``tolerance`` of the answer


#: The enum member for each value a record may name: a dict look-up, where calling the enum
#: goes through EnumType.__call__ for each of ten thousand questions.
_KINDS = {str(kind): kind for kind in QuestionKind}
_VIEWS = {str(view): view for view in View}

_FIELDS = (
    Field("id", str, check=non_empty),
    Field("type", str, check=one_of(*QuestionKind)),
    Field("prompt", str, check=non_empty),
    Field("choices", list, required=False, default=(), item=str),
    Field("answer", object),
    Field("topic", str, check=non_empty),
    Field("lesson", str, check=non_empty),
    Field("structure", str, required=False, default=""),
    Field("difficulty", int, required=False, default=2, check=in_range(1, 3)),
    Field("explanation", str, check=non_empty),
    # Numeric questions: right within ``tolerance`` of the answer, which is in ``unit``.
    Field("tolerance", float, required=False, default=0.0, check=in_range(0, 1e9)),
    Field("unit", str, required=False, default=""),
    # Trace questions (ids of app.domain.emg.sample_ids): one trace shown with the prompt, or
    # one per choice ("which trace shows ...?").
    Field("trace", str, required=False, default="", check=_trace_id),
    Field("traces", list, required=False, default=(), item=str),
    # Which atlas figure a find/name question shows; questions written before the lateral
    # view existed leave it out and get the posterior figure.
    Field("view", str, required=False, default=str(View.POSTERIOR), check=one_of(*View)),
)


@dataclass(frozen=True)
class Question:
    """One question.

    Attributes:
        correct: 0-based indices of the right choices (single and multi choice).
        truth: the right answer of a true/false question.
        target: the structure to find or to name (diagram questions).
        choices: for ``name`` questions, structure ids offered (empty: the quiz picks).
        number / tolerance / unit: a numeric question's answer, how far off still counts,
            and the unit it is asked in.
        trace / traces: trace sample ids shown with the prompt, or one per choice.
        view: the atlas figure a diagram question shows (``posterior`` or ``lateral``).
    """

    id: str
    kind: QuestionKind
    prompt: str
    choices: tuple[str, ...]
    correct: tuple[int, ...]
    truth: bool | None
    target: str
    topic: str
    lesson: str
    structure: str
    difficulty: int
    explanation: str
    source: SourceRef
    number: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    trace: str = ""
    traces: tuple[str, ...] = ()
    view: View = View.POSTERIOR

    def is_correct(self, response: object) -> bool:
        """Judge a response: choice indices, a bool, a structure id or a number, by kind."""
        if self.kind is QuestionKind.NUMERIC:
            return within_tolerance(response, self.number, self.tolerance)
        if self.kind is QuestionKind.TRUE_FALSE:
            return response is self.truth
        if self.kind in (QuestionKind.FIND, QuestionKind.NAME):
            return response == self.target
        if isinstance(response, int):
            response = (response,)
        if not isinstance(response, tuple | list | set | frozenset):
            return False
        return sorted(set(response)) == sorted(self.correct)

    @property
    def subject(self) -> str:
        """The one structure the question is about: the one to find or name, else its
        ``structure`` ("" for a question about no particular structure)."""
        return self.target or self.structure

    @property
    def structures(self) -> tuple[str, ...]:
        """Structure ids this question touches (for mastery per structure): its subject and,
        for "name it", the names offered."""
        ids = {self.structure, self.target} - {""}
        if self.kind is QuestionKind.NAME:
            ids.update(self.choices)
        return tuple(sorted(ids))


def within_tolerance(response: object, answer: float | None, tolerance: float) -> bool:
    """Whether a typed number is the answer, give or take ``tolerance`` (inclusive)."""
    if answer is None or isinstance(response, bool) or not isinstance(response, int | float):
        return False
    # A hair of slack so that an answer exactly on the edge (48 +/- 2 typed as 50) counts.
    return abs(response - answer) <= tolerance + 1e-9 * max(1.0, abs(answer))


def question_from_record(record: RawRecord) -> tuple[Question | None, list[Problem]]:
    """Build a :class:`Question`, checking that its answer fits its type."""
    values, problems = read_fields(record, _FIELDS, f"question {record.label}")
    if problems:
        return None, problems
    kind = _KINDS[values["type"]]  # checked above to be one of them
    answer_problem, correct, truth, target = _read_answer(kind, values)
    answer_problem = answer_problem or _extras_problem(kind, values)
    if answer_problem:
        where = record.where("answer")
        return None, [Problem(where, f"question {record.label}: {answer_problem}")]
    number = float(values["answer"]) if kind is QuestionKind.NUMERIC else None
    del values["type"], values["answer"]
    values["view"] = _VIEWS[values["view"]]
    question = _built_question(
        kind=kind,
        correct=correct,
        truth=truth,
        target=target,
        number=number,
        source=record.source,
        **values,
    )
    return question, []


_QUESTION_FIELDS = frozenset(field.name for field in fields(Question))


def _built_question(**values: Any) -> Question:
    """A :class:`Question` holding ``values``, one for each of its fields.

    The same object its ``__init__`` makes, without going through it: a frozen dataclass's
    ``__init__`` sets each field with ``object.__setattr__``, about 5 µs for these nineteen,
    which a ten-thousand-question course paid on every load. Question has no
    ``__post_init__`` and every field is given, so filling the instance dict is all it does.
    """
    if values.keys() != _QUESTION_FIELDS:
        raise TypeError(f"question fields {sorted(values)} are not {sorted(_QUESTION_FIELDS)}")
    question = object.__new__(Question)
    question.__dict__.update(values)
    return question


def _extras_problem(kind: QuestionKind, values: dict[str, Any]) -> str | None:
    """Problems with the numeric and trace fields, which only some kinds may use."""
    numeric = kind is QuestionKind.NUMERIC
    if not numeric and (values["tolerance"] or values["unit"]):
        return "tolerance and unit belong to numeric questions"
    traces: tuple[str, ...] = values["traces"]
    if traces and kind not in (QuestionKind.SINGLE, QuestionKind.MULTI):
        return "traces (one per choice) need a single- or multi-choice question"
    if traces and len(traces) != len(values["choices"]):
        return f"has {len(traces)} traces for {len(values['choices'])} choices"
    unknown = [trace for trace in traces if trace not in TRACE_SAMPLE_IDS]
    if unknown:
        return f"traces name no trace: {', '.join(unknown)}"
    return None


def _read_answer(
    kind: QuestionKind, values: dict[str, Any]
) -> tuple[str | None, tuple[int, ...], bool | None, str]:
    answer = values["answer"]
    choices: tuple[str, ...] = values["choices"]
    if kind is QuestionKind.TRUE_FALSE:
        if choices:
            return "a true/false question takes no choices", (), None, ""
        if not isinstance(answer, bool):
            return "answer must be true or false", (), None, ""
        return None, (), answer, ""
    if kind is QuestionKind.NUMERIC:
        if choices:
            return "a numeric question takes no choices", (), None, ""
        if isinstance(answer, bool) or not isinstance(answer, int | float):
            return "answer must be a number", (), None, ""
        return None, (), None, ""
    if kind in (QuestionKind.FIND, QuestionKind.NAME):
        if not isinstance(answer, str) or not answer:
            return "answer must be a structure id", (), None, ""
        if kind is QuestionKind.FIND and choices:
            return "a find-it question takes no choices", (), None, ""
        if choices and answer not in choices:
            return f"answer {answer!r} is not among the choices", (), None, ""
        return None, (), None, answer
    return _read_choice_answer(kind, answer, choices)


def _read_choice_answer(
    kind: QuestionKind, answer: Any, choices: tuple[str, ...]
) -> tuple[str | None, tuple[int, ...], bool | None, str]:
    if len(choices) < 2:
        return "needs at least two choices", (), None, ""
    if len(set(choices)) != len(choices):
        return "has the same choice twice", (), None, ""
    picks = list(answer) if isinstance(answer, tuple | list) else [answer]
    if kind is QuestionKind.SINGLE and isinstance(answer, tuple | list):
        return "a single-choice answer is one number", (), None, ""
    if not picks or not all(isinstance(p, int) and not isinstance(p, bool) for p in picks):
        return "answer must be choice numbers, counting from 1", (), None, ""
    if any(not 1 <= pick <= len(choices) for pick in picks):
        return f"answer {answer} is out of range 1..{len(choices)}", (), None, ""
    if len(set(picks)) != len(picks):
        return "answer names a choice twice", (), None, ""
    return None, tuple(sorted(pick - 1 for pick in picks)), None, ""
