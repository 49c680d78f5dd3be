"""content/red-flags.toml is the one source of the warning signs: the red-flag lesson and the
red-flag quiz must use its words for every flag, and the shipped rules route as written here."""

from __future__ import annotations

import re

import pytest

from app.domain.content import Content
from app.domain.red_flags import Level, RedFlagCheck, evaluate
from app.services.red_flag_loader import load_red_flags
from app.services.resources import Resources


@pytest.fixture(scope="module")
def check(resources: Resources, shipped_content: Content) -> RedFlagCheck:
    loaded = load_red_flags(resources.content_dir, shipped_content)
    assert loaded.problems == ()
    assert loaded.check is not None
    return loaded.check


def _plain(text: str) -> str:
    """Lower case, Markdown emphasis and line breaks removed, so words match across them."""
    return re.sub(r"\s+", " ", text.replace("*", "").replace("_", " ")).lower()


def _quiz_text(content: Content) -> str:
    parts = []
    for question in content.questions.values():
        if question.topic == "red-flags":
            parts += [question.prompt, question.explanation, *map(str, question.choices)]
    return _plain(" ".join(parts))


def test_the_red_flag_lesson_uses_every_flags_words(
    check: RedFlagCheck, shipped_content: Content
) -> None:
    """Each flag's terms appear in the red-flag lesson."""
    lesson = _plain(shipped_content.lessons["red-flags"].body)
    missing = [(q.id, t) for q in check.questions for t in q.terms if t.lower() not in lesson]
    assert missing == []


def test_the_red_flag_quiz_uses_every_flags_words(
    check: RedFlagCheck, shipped_content: Content
) -> None:
    """Each flag's terms appear somewhere in the red-flag quiz questions."""
    quiz = _quiz_text(shipped_content)
    missing = [(q.id, t) for q in check.questions for t in q.terms if t.lower() not in quiz]
    assert missing == []


# The shipped routing, written out by hand from the NHS/NICE advice the file follows.
EMERGENCY = ("bladder-bowel", "saddle-numbness", "both-legs")
SOON = (
    "weakness-stiffness-wasting",
    "more-than-two-weeks",
    "more-than-one-place",
    "severe-or-worse",
    "numbness",
    "after-injury",
    "new-medicine",
    "family-mnd",
)


@pytest.mark.parametrize("flag", EMERGENCY)
def test_each_emergency_sign_alone_means_emergency(check: RedFlagCheck, flag: str) -> None:
    result = evaluate(check, {flag: True})
    assert result.level is Level.EMERGENCY
    assert [q.id for q in result.reasons] == [flag]
    assert "999" in result.outcome.text


@pytest.mark.parametrize("flag", SOON)
def test_each_see_a_doctor_sign_alone_means_soon(check: RedFlagCheck, flag: str) -> None:
    result = evaluate(check, {flag: True})
    assert result.level is Level.SOON
    assert [q.id for q in result.reasons] == [flag]


def test_an_emergency_sign_wins_over_any_other(check: RedFlagCheck) -> None:
    result = evaluate(check, dict.fromkeys((*SOON, "saddle-numbness"), True))
    assert result.level is Level.EMERGENCY
    assert [q.id for q in result.reasons] == ["saddle-numbness"]


def test_no_to_everything_is_self_care_with_when_to_come_back(check: RedFlagCheck) -> None:
    result = evaluate(check, dict.fromkeys(EMERGENCY + SOON, False))
    assert result.level is Level.SELF_CARE
    assert result.reasons == ()
    assert result.outcome.come_back


def test_the_file_asks_exactly_these_questions_emergency_first(check: RedFlagCheck) -> None:
    assert tuple(q.id for q in check.questions) == EMERGENCY + SOON
