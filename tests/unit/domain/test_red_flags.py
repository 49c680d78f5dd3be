"""Self-check rules: evaluated in order, settled early, and broken files refused with reasons."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.content import EMPTY_CONTENT
from app.domain.links import LinkError, parse_link
from app.domain.problems import SourceRef
from app.domain.records import RawRecord
from app.domain.red_flags import (
    CheckRecords,
    Level,
    RedFlagCheck,
    check_from_records,
    decided,
    evaluate,
)


def _record(data: dict[str, Any], line: int = 1) -> RawRecord:
    return RawRecord(SourceRef("red-flags.toml", line), data)


def _question(qid: str) -> dict[str, Any]:
    return {"id": qid, "flag": qid.upper(), "text": f"{qid}?", "terms": [qid]}


def _outcome(level: str, **extra: Any) -> dict[str, Any]:
    body = {
        "level": level,
        "title": f"{level} title",
        "text": f"{level}: call {{emergency_number}}",
    }
    body["links"] = ["lesson:red-flags"]
    if level == "self-care":
        body["come_back"] = ["if it changes"]
    return body | extra


HEAD = {"title": "Check", "intro": "Hi", "emergency_number": "112", "urgent_service": "the clinic"}
RULES = [
    {"outcome": "emergency", "any_yes": ["a", "b"]},
    {"outcome": "soon", "all_yes": ["c", "d"]},
    {"outcome": "soon", "any_yes": ["e"]},
    {"outcome": "self-care", "otherwise": True},
]


def _build(
    rules: list[dict[str, Any]] = RULES,
    outcomes: list[dict[str, Any]] | None = None,
    questions: str = "abcde",
    links_ok: bool = True,
) -> tuple[RedFlagCheck | None, list[str]]:
    records = CheckRecords(
        _record(HEAD),
        [_record(_question(q)) for q in questions],
        [
            _record(o)
            for o in outcomes or [_outcome(lv) for lv in ("emergency", "soon", "self-care")]
        ],
        [_record(rule, line=50 + n) for n, rule in enumerate(rules)],
    )
    check, problems = check_from_records(records, lambda href: None if links_ok else "is broken")
    return check, [p.message for p in problems]


@pytest.fixture
def check() -> RedFlagCheck:
    built, problems = _build()
    assert problems == []
    assert built is not None
    return built


# Every rule path, with the expected outcome and reasons written out by hand.
@pytest.mark.parametrize(
    ("yes", "level", "reasons"),
    [
        ("a", Level.EMERGENCY, ("A",)),
        ("b", Level.EMERGENCY, ("B",)),
        ("ab", Level.EMERGENCY, ("A", "B")),
        ("ae", Level.EMERGENCY, ("A",)),  # the urgent rule comes first
        ("cd", Level.SOON, ("C", "D")),
        ("c", Level.SELF_CARE, ()),  # all_yes needs both c and d
        ("d", Level.SELF_CARE, ()),
        ("e", Level.SOON, ("E",)),
        ("ce", Level.SOON, ("E",)),  # c alone does not hold; e does
        ("cde", Level.SOON, ("C", "D")),
        ("", Level.SELF_CARE, ()),
    ],
)
def test_every_rule_path(
    check: RedFlagCheck, yes: str, level: Level, reasons: tuple[str, ...]
) -> None:
    """Each combination lands where the rules say, naming the answers that led there."""
    result = evaluate(check, {q: q in yes for q in "abcde"})
    assert result.level is level
    assert tuple(q.flag for q in result.reasons) == reasons


def test_placeholders_are_filled(check: RedFlagCheck) -> None:
    """The clinic's emergency number replaces {emergency_number} in outcome texts."""
    assert check.outcomes[Level.EMERGENCY].text == "emergency: call 112"


def test_an_emergency_yes_settles_it_before_the_rest_is_asked(check: RedFlagCheck) -> None:
    """'a' answered yes decides at once; 'a' no leaves it open until 'b' is answered."""
    settled = decided(check, {"a": True})
    assert settled is not None
    assert settled.level is Level.EMERGENCY
    assert decided(check, {"a": False}) is None
    assert decided(check, {"a": False, "b": False, "c": False, "e": True}) is not None
    assert decided(check, {"a": False, "b": False, "c": True}) is None


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ([{"outcome": "soon", "any_yes": ["zz"]}, RULES[3]], "unknown question 'zz'"),
        ([RULES[0], RULES[2]], "the last rule must be 'otherwise = true'"),
        ([RULES[3], RULES[0]], "rules after the 'otherwise' rule can never apply"),
        ([RULES[2], RULES[0], RULES[3]], "order rules from most to least urgent"),
        ([{"outcome": "soon"}, RULES[3]], "names no question"),
        ([{"outcome": "later", "any_yes": ["a"]}, RULES[3]], "must be one of"),
        ([RULES[0], RULES[3]], "no rule leads to outcome 'soon'"),
        ([{"outcome": "self-care", "otherwise": True, "any_yes": ["a"]}], "takes no questions"),
    ],
)
def test_broken_rules_are_refused(rules: list[dict[str, Any]], expected: str) -> None:
    """A rule that could misroute a visitor makes the whole check unavailable, with a reason."""
    check, problems = _build(rules=rules)
    assert check is None
    assert any(expected in message for message in problems), problems


def test_unused_question_missing_outcome_bad_link_and_placeholder_are_reported() -> None:
    """A question no rule uses, a missing outcome, a broken link, an unknown placeholder."""
    outcomes = [_outcome("emergency", text="call {ambulance}"), _outcome("self-care")]
    _, problems = _build(outcomes=outcomes, questions="abcdef", links_ok=False)
    text = " | ".join(problems)
    assert "question 'f' is asked but no rule uses the answer" in text
    assert "outcome 'soon' is missing" in text
    assert "link 'lesson:red-flags' is broken" in text
    assert "unknown placeholder {ambulance}" in text


def test_self_care_must_say_when_to_come_back() -> None:
    outcomes = [_outcome("emergency"), _outcome("soon"), _outcome("self-care", come_back=[])]
    check, problems = _build(outcomes=outcomes)
    assert check is None
    assert any("when to come back" in p for p in problems)


@pytest.mark.parametrize(
    ("href", "resolves"),
    [
        ("check:start", True),
        ("check:elsewhere", False),
        ("diary:log", True),
        ("diary:charts", True),
        ("diary:nowhere", False),
    ],
)
def test_check_and_diary_links_resolve_to_known_targets(href: str, resolves: bool) -> None:
    """check: has one way in; diary: names one of its views; nothing else resolves."""
    assert EMPTY_CONTENT.resolves(parse_link(href)) is resolves


def test_only_lesson_links_take_an_anchor() -> None:
    with pytest.raises(LinkError, match="only lesson links"):
        parse_link("check:start#top")
