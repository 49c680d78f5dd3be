"""Ratings from answers, and FSRS reviews of question cards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating

from app.domain.quiz import QuestionKind
from app.domain.scheduling import (
    ReviewScheduler,
    card_from_json,
    card_to_json,
    rating_for,
    slow_after,
)
from tests.helpers.quiz import make_question

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def test_wrong_is_again_however_fast() -> None:
    """A wrong answer is Again whatever the time taken."""
    question = make_question(difficulty=1)
    assert rating_for(question, False, 1.0) is Rating.Again
    assert rating_for(question, False, 300.0) is Rating.Again


def test_right_but_slow_is_hard() -> None:
    """A right answer after the slow threshold is Hard; just before it, Good."""
    question = make_question(difficulty=2)
    limit = slow_after(question)
    assert rating_for(question, True, limit + 0.1) is Rating.Hard
    assert rating_for(question, True, limit - 0.1) is Rating.Good


def test_fast_right_is_easy_only_on_easy_items() -> None:
    """Quick and right is Easy for a difficulty-1 item, Good for a harder one."""
    assert rating_for(make_question(difficulty=1), True, 3.0) is Rating.Easy
    assert rating_for(make_question(difficulty=3), True, 3.0) is Rating.Good


def test_multi_select_gets_more_time_than_single() -> None:
    """Multi-select needs more reading, so it turns Hard later."""
    single = make_question(kind=QuestionKind.SINGLE)
    multi = make_question(kind=QuestionKind.MULTI, correct=(0, 1))
    assert slow_after(multi) > slow_after(single)


def test_right_answer_is_due_later_than_wrong() -> None:
    """Reviewing a new card: right pushes the due date further than wrong."""
    scheduler = ReviewScheduler()
    question = make_question()
    right = scheduler.review(question, None, True, 5.0, NOW)
    wrong = scheduler.review(question, None, False, 5.0, NOW)
    assert wrong.due < right.due
    assert wrong.rating is Rating.Again


def test_intervals_grow_with_repeated_success() -> None:
    """Each right answer at the due time gives a longer interval than the one before."""
    scheduler = ReviewScheduler()
    question = make_question()
    card_json, now, gaps = None, NOW, []
    for _ in range(4):
        reviewed = scheduler.review(question, card_json, True, 5.0, now)
        gaps.append(reviewed.due - now)
        card_json, now = reviewed.card_json, reviewed.due
    assert gaps == sorted(gaps)
    assert gaps[-1] > timedelta(days=2)


def test_card_round_trips_through_json() -> None:
    """A card survives JSON (the store's format) unchanged."""
    scheduler = ReviewScheduler()
    reviewed = scheduler.review(make_question(), None, True, 5.0, NOW)
    card = card_from_json(reviewed.card_json)
    assert card_to_json(card) == reviewed.card_json
    assert card.due == reviewed.due


@pytest.mark.parametrize("correct", [True, False])
def test_recall_is_a_probability(correct: bool) -> None:
    """Retrievability lies in 0..1 and falls as time passes."""
    scheduler = ReviewScheduler()
    reviewed = scheduler.review(make_question(), None, correct, 5.0, NOW)
    soon = scheduler.retrievability(reviewed.card_json, NOW + timedelta(hours=1))
    later = scheduler.retrievability(reviewed.card_json, NOW + timedelta(days=30))
    assert 0.0 <= later < soon <= 1.0
