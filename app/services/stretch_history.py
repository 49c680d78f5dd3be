"""Stretch sessions done (minutes per day, streaks) and custom routines, kept in the store.

Custom routines are validated exactly like shipped content (``routine_from_record``) and must
only use stretches from the library; they are stored as JSON in ``custom_routines``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.domain.days import event_day, local_stamp
from app.domain.problems import Problem, SourceRef
from app.domain.records import RawRecord
from app.services.store import Store, StoreError
from app.services.store_handle import StoreHandle

if TYPE_CHECKING:
    from app.domain.routines import Routine, Stretch

CUSTOM_PREFIX = "my-"
_MAX_CUSTOM_STEPS = 40


@dataclass(frozen=True)
class Session:
    routine_id: str
    started_at: datetime
    ended_at: datetime
    active_seconds: float
    completed: bool
    steps_done: int


class StretchHistory(QObject):
    """Reads and writes stretch sessions and custom routines.

    Signals:
        session_recorded(object): a :class:`Session` was saved.
        routines_changed(): a custom routine was saved or deleted.
        changed(): sessions or routines may have changed (either of the above, or the store
            was replaced): re-read anything derived from them.
    """

    session_recorded = Signal(object)
    routines_changed = Signal()
    changed = Signal()

    def __init__(self, store: StoreHandle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handle = store
        store.replaced.connect(self._on_store_replaced)

    @property
    def _store(self) -> Store:
        return self._handle.store

    def _on_store_replaced(self) -> None:
        self.routines_changed.emit()
        self.changed.emit()

    # -- sessions ------------------------------------------------------------------------

    def record(self, session: Session) -> None:
        """Save one finished or abandoned session.

        Raises:
            StoreError: the write failed (the message is fit to show).
        """
        with self._store.transaction() as connection:
            connection.execute(
                "INSERT INTO stretch_sessions (routine_id, started_at, ended_at, active_seconds,"
                " completed, steps_done) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    session.routine_id,
                    local_stamp(session.started_at),
                    local_stamp(session.ended_at),
                    session.active_seconds,
                    int(session.completed),
                    session.steps_done,
                ),
            )
        self.session_recorded.emit(session)
        self.changed.emit()

    def sessions(self) -> list[Session]:
        rows = self._store.query(
            "SELECT routine_id, started_at, ended_at, active_seconds, completed, steps_done"
            " FROM stretch_sessions ORDER BY started_at"
        )
        return [
            Session(row[0], _parse(row[1]), _parse(row[2]), float(row[3]), bool(row[4]), row[5])
            for row in rows
        ]

    def minutes_per_day(self, today: date, days: int) -> list[tuple[date, float]]:
        """Minutes of holds per local day for the ``days`` days ending ``today`` (oldest first)."""
        first = today - timedelta(days=days - 1)
        totals = {first + timedelta(days=i): 0.0 for i in range(days)}
        for session in self.sessions():
            day = event_day(session.started_at)  # the local date stored with it; see days
            if day in totals:
                totals[day] += session.active_seconds / 60
        return sorted(totals.items())

    def streak(self, today: date) -> int:
        """Consecutive days, ending today (or yesterday, if today has none yet), with a stretch."""
        days = {event_day(s.started_at) for s in self.sessions() if s.active_seconds > 0}
        day = today if today in days else today - timedelta(days=1)
        count = 0
        while day in days:
            count += 1
            day -= timedelta(days=1)
        return count

    # -- custom routines -----------------------------------------------------------------

    def save_routine(
        self, body: Mapping[str, Any], library: Mapping[str, Stretch], now: datetime
    ) -> tuple[Routine | None, list[Problem]]:
        """Validate and save a custom routine (a dict shaped like a ``[[routines]]`` table)."""
        routine, problems = validate_custom(body, library)
        if routine is None:
            return None, problems
        with self._store.transaction() as connection:
            connection.execute(
                "INSERT INTO custom_routines (id, body, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET body = excluded.body,"
                " updated_at = excluded.updated_at",
                (routine.id, json.dumps(dict(body)), now.isoformat()),
            )
        self._announce_routines()
        return routine, []

    def delete_routine(self, routine_id: str) -> None:
        with self._store.transaction() as connection:
            connection.execute("DELETE FROM custom_routines WHERE id = ?", (routine_id,))
        self._announce_routines()

    def _announce_routines(self) -> None:
        self.routines_changed.emit()
        self.changed.emit()

    def custom_routines(
        self, library: Mapping[str, Stretch]
    ) -> tuple[list[Routine], list[Problem]]:
        """Saved routines that still validate (a stretch may have left the library since)."""
        try:
            rows = self._store.query("SELECT id, body FROM custom_routines ORDER BY updated_at")
        except StoreError as error:
            return [], [Problem(SourceRef("custom routines", 1), str(error))]
        routines, problems = [], []
        for routine_id, text in rows:
            try:
                body = json.loads(text)
            except ValueError:
                problems.append(Problem(_where(routine_id), "saved routine is unreadable"))
                continue
            routine, found = validate_custom(body, library)
            problems.extend(found)
            if routine is not None:
                routines.append(routine)
        return routines, problems


def validate_custom(
    body: Mapping[str, Any], library: Mapping[str, Stretch]
) -> tuple[Routine | None, list[Problem]]:
    """Check a custom routine as shipped content is checked, plus: known stretches, ``my-`` id."""
    if not isinstance(body, Mapping):
        return None, [Problem(_where("?"), "a routine must be a table")]
    routine_id = str(body.get("id", ""))
    # Imported here: routines are not needed for the first paint.
    from app.domain.routines import routine_from_record

    record = RawRecord(_where(routine_id), body)
    routine, problems = routine_from_record(record)
    if routine is None:
        return None, problems
    if not routine.id.startswith(CUSTOM_PREFIX):
        problems.append(Problem(record.source, f"custom routine ids start with {CUSTOM_PREFIX!r}"))
    if len(routine.steps) > _MAX_CUSTOM_STEPS:
        problems.append(Problem(record.source, f"at most {_MAX_CUSTOM_STEPS} steps"))
    for index, step in enumerate(routine.steps):
        if step.stretch not in library:
            message = f"step {index + 1}: stretch {step.stretch!r} is not in the library"
            problems.append(Problem(record.source, message))
    return (None, problems) if problems else (routine, [])


def _where(routine_id: str) -> SourceRef:
    return SourceRef(f"custom routine {routine_id}", 1)


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)
