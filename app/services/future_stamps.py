"""Progress stamped in the future (the clock was ahead when it was saved) is brought back.

One answer saved while the computer's clock ran a year ahead would otherwise retire its
question for a year (its FSRS card is reviewed "in the future") and draw a bar past today on
the charts. At each start, anything stamped after now (plus a little slack for clock drift) is
clamped to now, the newest time we can trust, and the learner is told how much moved.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.days import local_stamp

#: Clock drift between two runs that is not worth a notice.
SLACK = timedelta(minutes=5)

#: Event stamps, by what the learner would call them.
_EVENT_COLUMNS = (
    ("answers", "quiz_answers", "answered_at"),
    ("stretch sessions", "stretch_sessions", "started_at"),
    ("stretch sessions", "stretch_sessions", "ended_at"),
    ("lesson marks", "lesson_progress", "read_at"),
    ("lesson marks", "lesson_progress", "last_opened_at"),
    ("custom routines", "custom_routines", "updated_at"),
)


@dataclass(frozen=True)
class ClampedStamps:
    """How many stamps of each kind were moved back to now."""

    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)

    @property
    def message(self) -> str:
        parts = ", ".join(f"{count} {kind}" for kind, count in self.counts if count)
        return (
            f"Your computer's clock was ahead when some progress was saved ({parts}); "
            "it now counts as saved today."
        )


def any_future_stamps(connection: sqlite3.Connection, now: datetime) -> bool:
    """Whether anything is stamped after ``now`` (plus :data:`SLACK`): a read, no write lock."""
    limit = (now + SLACK).isoformat()
    probes = [
        f"SELECT 1 FROM {table} WHERE julianday({column}) > julianday(?)"
        for _kind, table, column in _EVENT_COLUMNS
    ]
    probes.append(
        "SELECT 1 FROM quiz_cards "
        "WHERE julianday(json_extract(card, '$.last_review')) > julianday(?)"
    )
    query = f"SELECT EXISTS ({' UNION ALL '.join(probes)})"
    row = connection.execute(query, [limit] * len(probes)).fetchone()
    return bool(row[0])


def clamp_future_stamps(connection: sqlite3.Connection, now: datetime) -> ClampedStamps:
    """Move every stamp later than ``now`` (plus :data:`SLACK`) back to ``now``.

    Runs inside the caller's transaction. Compares instants with SQLite's ``julianday``, which
    honours each stamp's UTC offset (stamps carry different offsets after travel).
    """
    limit = (now + SLACK).isoformat()
    stamp = local_stamp(now)
    counts: dict[str, int] = {}
    for kind, table, column in _EVENT_COLUMNS:
        cursor = connection.execute(
            f"UPDATE {table} SET {column} = ? WHERE julianday({column}) > julianday(?)",
            (stamp, limit),
        )
        counts[kind] = max(counts.get(kind, 0), cursor.rowcount)
    counts["review schedules"] = _clamp_cards(connection, now, limit)
    return ClampedStamps(tuple(counts.items()))


def _clamp_cards(connection: sqlite3.Connection, now: datetime, limit: str) -> int:
    """Cards last reviewed in the future: review them "now", keeping the interval FSRS chose."""
    rows = connection.execute(
        "SELECT question_id, card FROM quiz_cards "
        "WHERE julianday(json_extract(card, '$.last_review')) > julianday(?)",
        (limit,),
    ).fetchall()
    for question_id, text in rows:
        card = json.loads(text)
        reviewed = datetime.fromisoformat(card["last_review"])
        due = now + (datetime.fromisoformat(card["due"]) - reviewed)
        card["last_review"], card["due"] = now.isoformat(), due.isoformat()
        connection.execute(
            "UPDATE quiz_cards SET card = ?, due = ? WHERE question_id = ?",
            (json.dumps(card, sort_keys=True), due.isoformat(), question_id),
        )
    return len(rows)
