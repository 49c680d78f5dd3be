"""Spaced repetition over the maintained ``fsrs`` package: how an answer becomes a rating, and
how a question's card is reviewed and stored.

We never schedule by hand: FSRS decides intervals. This module only turns what the learner did
(right or wrong, how long it took) into an FSRS rating, and cards into JSON and back.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import datetime

from fsrs import Card, Rating, Scheduler

from app.domain.quiz import Question, QuestionKind

#: Seconds of reading and thinking allowed per difficulty step before a right answer counts as
#: hesitant (Hard). Multi-select and diagram questions need more looking, so they get extra.
_SLOW_BASE = 10.0
_SLOW_PER_DIFFICULTY = 6.0
_SLOW_EXTRA = {QuestionKind.MULTI: 8.0, QuestionKind.FIND: 4.0, QuestionKind.NAME: 4.0}
#: A right answer this quick on an easy item means it is well known (Easy).
_FAST_SECONDS = 6.0


def slow_after(question: Question) -> float:
    """Seconds after which a right answer to ``question`` is rated Hard, not Good."""
    extra = _SLOW_EXTRA.get(question.kind, 0.0)
    return _SLOW_BASE + _SLOW_PER_DIFFICULTY * question.difficulty + extra


def rating_for(question: Question, correct: bool, seconds: float) -> Rating:
    """The FSRS rating for one answer.

    Wrong is Again; right but slow is Hard; right and fast on an easy (difficulty 1) item is
    Easy; any other right answer is Good.
    """
    if not correct:
        return Rating.Again
    if seconds > slow_after(question):
        return Rating.Hard
    if question.difficulty == 1 and seconds <= _FAST_SECONDS:
        return Rating.Easy
    return Rating.Good


@dataclass(frozen=True)
class Reviewed:
    """A card after one review: its JSON for the store and its next due time."""

    card_json: str
    due: datetime
    rating: Rating


class ReviewScheduler:
    """Reviews question cards with FSRS.

    Fuzzing is off so that the same history always gives the same schedule: the learner's
    "due" list is predictable and tests can assert intervals.
    """

    def __init__(self, desired_retention: float = 0.9) -> None:
        self._scheduler = Scheduler(desired_retention=desired_retention, enable_fuzzing=False)

    def new_card(self, question_id: str, now: datetime) -> Card:
        # An explicit id and due: Card() would otherwise read the wall clock (and sleep 1 ms to
        # keep ids unique), which a fake clock could not control.
        return Card(card_id=card_id_for(question_id), due=now)

    def review(
        self,
        question: Question,
        card_json: str | None,
        correct: bool,
        seconds: float,
        now: datetime,
    ) -> Reviewed:
        """Apply one answer to the question's card (a new card when ``card_json`` is None)."""
        card = card_from_json(card_json) if card_json else self.new_card(question.id, now)
        rating = rating_for(question, correct, seconds)
        duration_ms = max(0, round(seconds * 1000))
        updated, _log = self._scheduler.review_card(card, rating, now, duration_ms)
        return Reviewed(card_to_json(updated), updated.due, rating)

    def retrievability(self, card_json: str, now: datetime) -> float:
        """Probability (0..1) the learner would answer the question right at ``now``."""
        return float(self._scheduler.get_card_retrievability(card_from_json(card_json), now))


def card_id_for(question_id: str) -> int:
    """A stable positive integer id for a question's card."""
    return zlib.crc32(question_id.encode("utf-8")) + 1


def card_to_json(card: Card) -> str:
    return json.dumps(card.to_dict(), sort_keys=True)


def card_from_json(text: str) -> Card:
    return Card.from_dict(json.loads(text))
