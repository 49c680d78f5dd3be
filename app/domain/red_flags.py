"""The red-flag self-check: questions, rules and three outcomes, as checked values.

Everything a clinic may adapt (the wording, its emergency number, which answer leads where)
lives in ``content/red-flags.toml``; this module only reads it, checks that the rules make sense
and applies them. It is education, never a diagnosis: the outcomes say where to go for one.

Rules are tried in order and the first that holds decides. A rule names an outcome and either
``any_yes`` (at least one of these questions answered yes), ``all_yes`` (every one of them), both,
or ``otherwise = true`` (the last rule, taken when nothing else holds).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain.problems import Problem, SourceRef
from app.domain.records import Field, RawRecord, non_empty, one_of, read_fields


class Level(StrEnum):
    """The three outcomes, most urgent first."""

    EMERGENCY = "emergency"
    SOON = "soon"
    SELF_CARE = "self-care"


URGENCY = {Level.EMERGENCY: 0, Level.SOON: 1, Level.SELF_CARE: 2}
PLACEHOLDERS = ("emergency_number", "urgent_service")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Question:
    """A yes/no question about one warning sign. ``terms`` are the words the red-flag lesson
    and quiz must also use for it, so the three never drift apart."""

    id: str
    flag: str
    text: str
    help: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    level: Level
    title: str
    text: str
    links: tuple[str, ...]
    come_back: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    outcome: Level
    any_yes: tuple[str, ...] = ()
    all_yes: tuple[str, ...] = ()
    otherwise: bool = False

    def status(self, answers: Mapping[str, bool]) -> bool | None:
        """True when the rule holds, False when it cannot, None while it depends on answers
        not given yet."""
        if self.otherwise:
            return True
        parts = []
        if self.any_yes:
            given = [answers.get(q) for q in self.any_yes]
            parts.append(True if True in given else (False if None not in given else None))
        if self.all_yes:
            given = [answers.get(q) for q in self.all_yes]
            parts.append(False if False in given else (True if None not in given else None))
        if False in parts:
            return False
        return None if None in parts else True

    def reasons(self, answers: Mapping[str, bool]) -> tuple[str, ...]:
        """The questions whose yes made this rule hold."""
        ids = (*self.all_yes, *self.any_yes)
        return tuple(dict.fromkeys(q for q in ids if answers.get(q)))


@dataclass(frozen=True)
class RedFlagCheck:
    title: str
    intro: str
    questions: tuple[Question, ...]
    outcomes: Mapping[Level, Outcome]
    rules: tuple[Rule, ...]

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)


@dataclass(frozen=True)
class CheckResult:
    """Where the answers lead, and which yes answers led there (none for the default)."""

    outcome: Outcome
    reasons: tuple[Question, ...]
    answers: tuple[tuple[str, bool], ...]

    @property
    def level(self) -> Level:
        return self.outcome.level


def decided(check: RedFlagCheck, answers: Mapping[str, bool]) -> CheckResult | None:
    """The result once the answers so far settle it (an emergency sign settles it at once);
    ``None`` while a rule that comes first still depends on an unanswered question."""
    for rule in check.rules:
        status = rule.status(answers)
        if status is None:
            return None
        if status:
            reasons = tuple(check.question(q) for q in rule.reasons(answers))
            return CheckResult(check.outcomes[rule.outcome], reasons, tuple(answers.items()))
    return None


def evaluate(check: RedFlagCheck, answers: Mapping[str, bool]) -> CheckResult:
    """The result with every unanswered question taken as no."""
    complete = {q.id: bool(answers.get(q.id, False)) for q in check.questions}
    result = decided(check, complete)
    assert result is not None  # a checked file always ends with an ``otherwise`` rule
    return result


# --- reading and checking the file --------------------------------------------------------

_CHECK_FIELDS = (
    Field("title", str, check=non_empty),
    Field("intro", str, check=non_empty),
    Field("emergency_number", str, check=non_empty),
    Field("urgent_service", str, check=non_empty),
)
_QUESTION_FIELDS = (
    Field("id", str, check=non_empty),
    Field("flag", str, check=non_empty),
    Field("text", str, check=non_empty),
    Field("help", str, required=False, default=""),
    Field("terms", list, item=str, check=non_empty),
)
_OUTCOME_FIELDS = (
    Field("level", str, check=one_of(*Level)),
    Field("title", str, check=non_empty),
    Field("text", str, check=non_empty),
    Field("links", list, item=str, check=non_empty),
    Field("come_back", list, required=False, default=(), item=str),
)
_RULE_FIELDS = (
    Field("outcome", str, check=one_of(*Level)),
    Field("any_yes", list, required=False, default=(), item=str),
    Field("all_yes", list, required=False, default=(), item=str),
    Field("otherwise", bool, required=False, default=False),
)

#: Says what is wrong with an in-app link (``None`` when it resolves).
LinkCheck = Callable[[str], str | None]


@dataclass(frozen=True)
class CheckRecords:
    """The file's parts as raw records, with where they start."""

    check: RawRecord
    questions: Sequence[RawRecord]
    outcomes: Sequence[RawRecord]
    rules: Sequence[RawRecord]


def check_from_records(
    records: CheckRecords, link_problem: LinkCheck
) -> tuple[RedFlagCheck | None, list[Problem]]:
    """Build and check the self-check; ``None`` when anything is wrong (a half-working triage
    is worse than none: the app then points to the red-flag lesson instead)."""
    head, problems = read_fields(records.check, _CHECK_FIELDS, "[check]")
    questions = _questions(records.questions, problems)
    outcomes = _outcomes(records.outcomes, head, link_problem, problems)
    rules = _rules(records.rules, {q.id for q in questions}, problems)
    _check_coverage(records, questions, outcomes, rules, problems)
    if problems:
        return None, problems
    check = RedFlagCheck(head["title"], head["intro"], tuple(questions), outcomes, tuple(rules))
    return check, []


def _questions(records: Sequence[RawRecord], problems: list[Problem]) -> list[Question]:
    found: dict[str, Question] = {}
    for record in records:
        values, wrong = read_fields(record, _QUESTION_FIELDS, f"question {record.label}")
        problems.extend(wrong)
        if wrong:
            continue
        if values["id"] in found:
            problems.append(Problem(record.where("id"), f"question {record.label}: duplicate id"))
            continue
        found[values["id"]] = Question(
            values["id"], values["flag"], values["text"], values["help"], values["terms"]
        )
    return list(found.values())


def _outcomes(
    records: Sequence[RawRecord],
    head: Mapping[str, Any],
    link_problem: LinkCheck,
    problems: list[Problem],
) -> dict[Level, Outcome]:
    found: dict[Level, Outcome] = {}
    for record in records:
        what = f"outcome {record.data.get('level')!r}"
        values, wrong = read_fields(record, _OUTCOME_FIELDS, what)
        problems.extend(wrong)
        if wrong:
            continue
        level = Level(values["level"])
        if level in found:
            problems.append(Problem(record.where("level"), f"{what}: defined twice"))
            continue
        for href in values["links"]:
            error = link_problem(href)
            if error:
                problems.append(Problem(record.where("links"), f"{what}: link {href!r} {error}"))
        texts = (values["title"], values["text"], *values["come_back"])
        filled = [_fill(text, head, record, what, problems) for text in texts]
        if level is Level.SELF_CARE and not values["come_back"]:
            message = f"{what}: self-care must say when to come back ('come_back')"
            problems.append(Problem(record.where(), message))
        found[level] = Outcome(level, filled[0], filled[1], values["links"], tuple(filled[2:]))
    return found


def _fill(
    text: str, head: Mapping[str, Any], record: RawRecord, what: str, problems: list[Problem]
) -> str:
    for name in _PLACEHOLDER.findall(text):
        if name not in PLACEHOLDERS:
            known = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
            message = f"{what}: unknown placeholder {{{name}}} (known: {known})"
            problems.append(Problem(record.where(), message))
    for name in PLACEHOLDERS:
        text = text.replace(f"{{{name}}}", str(head.get(name) or ""))
    return text


def _rules(records: Sequence[RawRecord], known: set[str], problems: list[Problem]) -> list[Rule]:
    rules: list[Rule] = []
    for number, record in enumerate(records, start=1):
        what = f"rule {number}"
        values, wrong = read_fields(record, _RULE_FIELDS, what)
        problems.extend(wrong)
        if wrong:
            continue
        rule = Rule(
            Level(values["outcome"]), values["any_yes"], values["all_yes"], values["otherwise"]
        )
        problems.extend(_rule_problems(rule, record, what, known))
        rules.append(rule)
    return rules


def _rule_problems(rule: Rule, record: RawRecord, what: str, known: set[str]) -> list[Problem]:
    problems = []
    named = (*rule.any_yes, *rule.all_yes)
    if rule.otherwise and named:
        problems.append(
            Problem(record.where("otherwise"), f"{what}: 'otherwise' takes no questions")
        )
    if not rule.otherwise and not named:
        message = f"{what}: names no question; give any_yes, all_yes or otherwise = true"
        problems.append(Problem(record.where(), message))
    for question in named:
        if question not in known:
            key = "any_yes" if question in rule.any_yes else "all_yes"
            problems.append(Problem(record.where(key), f"{what}: unknown question {question!r}"))
    return problems


def _check_coverage(
    records: CheckRecords,
    questions: Sequence[Question],
    outcomes: Mapping[Level, Outcome],
    rules: Sequence[Rule],
    problems: list[Problem],
) -> None:
    """Whole-file rules: every outcome defined and reachable, no question asked for nothing,
    the default last, and the rules ordered from most to least urgent (else a yes to an
    emergency sign could stop at a milder rule that came first)."""
    where = records.check.source
    for level in Level:
        if level not in outcomes:
            problems.append(Problem(where, f"outcome {level.value!r} is missing"))
        elif not any(rule.outcome is level for rule in rules):
            problems.append(Problem(where, f"no rule leads to outcome {level.value!r}"))
    used = {q for rule in rules for q in (*rule.any_yes, *rule.all_yes)}
    for question in questions:
        if question.id not in used:
            message = f"question {question.id!r} is asked but no rule uses the answer"
            problems.append(Problem(where, message))
    defaults = [index for index, rule in enumerate(rules) if rule.otherwise]
    if not defaults:
        problems.append(Problem(where, "the last rule must be 'otherwise = true'"))
    elif defaults[0] != len(rules) - 1:
        line = records.rules[defaults[0] + 1].source.line
        message = "rules after the 'otherwise' rule can never apply"
        problems.append(Problem(SourceRef(where.path, line), message))
    for earlier, later, record in zip(rules, rules[1:], records.rules[1:], strict=False):
        if URGENCY[later.outcome] < URGENCY[earlier.outcome]:
            message = (
                f"a rule for {later.outcome.value!r} comes after one for "
                f"{earlier.outcome.value!r}; order rules from most to least urgent"
            )
            problems.append(Problem(record.source, message))
