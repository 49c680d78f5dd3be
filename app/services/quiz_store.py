"""Quiz answers and spaced-repetition cards in the store.

Each answer is saved with its time taken, in one transaction with the update of the question's
FSRS card, so the history and the schedule never disagree (and the schedule survives restarts).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.domain.days import local_stamp
from app.domain.days import today as local_today
from app.services.clock import Clock
from app.services.store import Store
from app.services.store_handle import StoreHandle

if TYPE_CHECKING:
    # Imported where used: FSRS and the mastery model are not needed for the first paint.
    from app.domain.mastery import DayAccuracy, GroupMastery
    from app.domain.quiz import Question
    from app.domain.quiz_session import Mode
    from app.domain.scheduling import ReviewScheduler


@dataclass(frozen=True)
class RecordedAnswer:
    """What saving one answer produced."""

    question_id: str
    correct: bool
    seconds: float
    due: datetime


class QuizStore(QObject):
    """Answers, cards and the statistics drawn from them.

    Signals:
        answered(str, bool): a question id was answered, right (True) or wrong.
        changed(): answers or cards changed (an answer, or the store was replaced): anything
            derived from them (due counts, charts) should be read again.
    """

    answered = Signal(str, bool)
    changed = Signal()

    def __init__(
        self,
        store: StoreHandle,
        clock: Clock,
        scheduler: ReviewScheduler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._handle = store
        self._clock = clock
        self._given_scheduler = scheduler
        store.replaced.connect(self.changed)

    @property
    def _scheduler(self) -> ReviewScheduler:
        """FSRS, set up on the first answer or recall estimate."""
        if self._given_scheduler is None:
            from app.domain.scheduling import ReviewScheduler

            self._given_scheduler = ReviewScheduler()
        return self._given_scheduler

    @property
    def _store(self) -> Store:
        return self._handle.store

    def record_answer(
        self, question: Question, response: object, seconds: float, mode: Mode
    ) -> RecordedAnswer:
        """Judge ``response``, save it and update the question's card, in one transaction.

        Raises:
            StoreError: when it could not be saved; then nothing was saved.
        """
        now = self._clock.now()
        correct = question.is_correct(response)
        with self._store.transaction() as connection:
            # Read the card inside the write transaction: another copy of the app on the same
            # file may review it between a read outside and our write (a lost update).
            rows = connection.execute(
                "SELECT card FROM quiz_cards WHERE question_id = ?", (question.id,)
            ).fetchall()
            previous = str(rows[0][0]) if rows else None
            reviewed = self._scheduler.review(question, previous, correct, seconds, now)
            connection.execute(
                "INSERT INTO quiz_answers "
                "(question_id, answered_at, correct, seconds, response, mode) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (question.id, local_stamp(now), int(correct), seconds, _json(response), mode),
            )
            connection.execute(
                "INSERT INTO quiz_cards (question_id, card, due) VALUES (?, ?, ?) "
                "ON CONFLICT (question_id) DO UPDATE SET card = excluded.card, due = excluded.due",
                (question.id, reviewed.card_json, reviewed.due.isoformat()),
            )
        self.answered.emit(question.id, correct)
        self.changed.emit()
        return RecordedAnswer(question.id, correct, seconds, reviewed.due)

    def card_json(self, question_id: str) -> str | None:
        rows = self._store.query(
            "SELECT card FROM quiz_cards WHERE question_id = ?", (question_id,)
        )
        return str(rows[0][0]) if rows else None

    def due_at(self, question_id: str) -> datetime | None:
        rows = self._store.query(
            "SELECT due FROM quiz_cards WHERE question_id = ?", (question_id,)
        )
        return datetime.fromisoformat(rows[0][0]) if rows else None

    def due_ids(self, known: Collection[str]) -> list[str]:
        """Questions due now (among ``known`` ids), most overdue first."""
        rows = self._store.query(
            "SELECT question_id, due FROM quiz_cards WHERE due <= ? ORDER BY due, question_id",
            (self._clock.now().isoformat(),),
        )
        return [row[0] for row in rows if row[0] in known]

    def due_forecast(self, known: Collection[str], days: int = 7) -> list[tuple[date, int]]:
        """How many questions fall due on each of the next ``days`` days (today includes any
        already overdue)."""
        today = local_today(self._clock.now())
        counts = dict.fromkeys((today + timedelta(days=n) for n in range(days)), 0)
        for question_id, due in self._store.query("SELECT question_id, due FROM quiz_cards"):
            if question_id not in known:
                continue
            day = max(local_today(datetime.fromisoformat(due)), today)
            if day in counts:
                counts[day] += 1
        return sorted(counts.items())

    def answer_count(self) -> int:
        return int(self._store.query("SELECT COUNT(*) FROM quiz_answers")[0][0])

    def answers_for(self, question_id: str) -> list[tuple[bool, float, str]]:
        """(correct, seconds, mode) of each stored answer to a question, oldest first."""
        rows = self._store.query(
            "SELECT correct, seconds, mode FROM quiz_answers WHERE question_id = ? ORDER BY id",
            (question_id,),
        )
        return [(bool(row[0]), float(row[1]), str(row[2])) for row in rows]

    def accuracy_by_day(self) -> list[DayAccuracy]:
        """Right and total answers per day (the local date stored with each), oldest first."""
        rows = self._store.query(
            "SELECT substr(answered_at, 1, 10) AS day, SUM(correct), COUNT(*) "
            "FROM quiz_answers GROUP BY day ORDER BY day"
        )
        from app.domain.mastery import DayAccuracy

        return [DayAccuracy(date.fromisoformat(day), int(r), int(n)) for day, r, n in rows]

    def recall(self) -> dict[str, float]:
        """Question id → how likely the learner recalls it now, for every question answered.

        FSRS's recall probability, except that a question last answered wrong counts 0: FSRS
        counts whole days, so on the day of a miss it would still say 100 %.
        """
        now = self._clock.now()
        rows = self._store.query(
            "SELECT c.question_id, c.card, a.correct FROM quiz_cards AS c JOIN quiz_answers AS a "
            "ON a.id = (SELECT MAX(id) FROM quiz_answers WHERE question_id = c.question_id)"
        )
        return {
            qid: self._scheduler.retrievability(card, now) if correct else 0.0
            for qid, card, correct in rows
        }

    def mastery_by_topic(self, questions: Iterable[Question]) -> list[GroupMastery]:
        from app.domain.mastery import mastery_by

        return mastery_by(questions, self.recall(), lambda q: (q.topic,))

    def mastery_by_structure(
        self, questions: Iterable[Question], structures: Mapping[str, object]
    ) -> list[GroupMastery]:
        """Mastery per structure id (only ids present in ``structures``)."""
        from app.domain.mastery import mastery_by

        return mastery_by(
            questions, self.recall(), lambda q: [s for s in q.structures if s in structures]
        )


def _json(response: object) -> str:
    if isinstance(response, tuple | list | set | frozenset):
        return json.dumps(sorted(response))
    return json.dumps(response)
