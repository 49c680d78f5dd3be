"""The twitch diary and self-check results, kept in the store: one transaction per entry.

The service never asks whether it runs in a kiosk: there the composition root hands it a fresh
in-memory store for each visit, so everything a visitor logs goes when the visit ends.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.domain.days import local_stamp
from app.domain.diary import (
    FACTORS,
    DayContext,
    Episode,
    Experiment,
    Factor,
    Feel,
    Medicine,
    day_problems,
    episode_problems,
    experiment_problems,
    medicine_problems,
)
from app.services.store import Store
from app.services.store_handle import StoreHandle

if TYPE_CHECKING:
    from app.domain.red_flags import CheckResult

_FACTOR_COLUMNS = tuple(spec.factor.value for spec in FACTORS)


class DiaryInputError(ValueError):
    """An entry that may not be stored as it is; the message is fit to show."""


@dataclass(frozen=True)
class StoredCheck:
    """A self-check as it was answered: readable on its own, even if the file changes later."""

    taken_at: datetime
    level: str
    title: str
    reasons: tuple[str, ...]
    answers: tuple[tuple[str, bool], ...]


class Diary(QObject):
    """Reads and writes diary entries.

    Signals:
        changed(): an entry was saved or deleted, or the store was replaced: re-read.
        check_recorded(object): a :class:`StoredCheck` was saved.
    """

    changed = Signal()
    check_recorded = Signal(object)

    def __init__(self, store: StoreHandle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handle = store
        store.replaced.connect(self.changed)

    @property
    def _store(self) -> Store:
        return self._handle.store

    def _write(self, sql: str, parameters: tuple[Any, ...]) -> int:
        """One entry, one transaction; returns the row id (raises StoreError on failure)."""
        with self._store.transaction() as connection:
            row = connection.execute(sql, parameters).lastrowid
        self.changed.emit()
        return int(row or 0)

    # -- episodes ------------------------------------------------------------------------

    def save_episode(self, episode: Episode) -> Episode:
        """Add a new episode, or replace the stored one with the same id.

        Raises:
            DiaryInputError: the episode is not valid.
            StoreError: the write failed; nothing was stored.
        """
        _refuse(episode_problems(episode))
        values = (
            local_stamp(episode.started_at),
            episode.area,
            episode.duration_seconds,
            episode.intensity,
            episode.feel.value,
            episode.note,
        )
        if episode.id is None:
            row = self._write(
                "INSERT INTO diary_episodes (started_at, area, duration_seconds, intensity,"
                " feel, note) VALUES (?, ?, ?, ?, ?, ?)",
                values,
            )
            return replace(episode, id=row)
        self._write(
            "UPDATE diary_episodes SET started_at = ?, area = ?, duration_seconds = ?,"
            " intensity = ?, feel = ?, note = ? WHERE id = ?",
            (*values, episode.id),
        )
        return episode

    def delete_episode(self, episode_id: int) -> None:
        self._write("DELETE FROM diary_episodes WHERE id = ?", (episode_id,))

    def episodes(self) -> list[Episode]:
        rows = self._store.query(
            "SELECT id, started_at, area, duration_seconds, intensity, feel, note"
            " FROM diary_episodes ORDER BY started_at, id"
        )
        return [
            Episode(datetime.fromisoformat(r[1]), r[2], r[3], r[4], Feel(r[5]), r[6], r[0])
            for r in rows
        ]

    # -- daily context -------------------------------------------------------------------

    def save_day(self, context: DayContext) -> None:
        """Store (or replace) what was recorded for one day."""
        _refuse(day_problems(context))
        values = [context.value(Factor(column)) for column in _FACTOR_COLUMNS]
        columns = ", ".join(_FACTOR_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in (*_FACTOR_COLUMNS, "note"))
        self._write(
            f"INSERT INTO diary_days (day, {columns}, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            f" ON CONFLICT (day) DO UPDATE SET {updates}",
            (context.day.isoformat(), *values, context.note),
        )

    def delete_day(self, day: date) -> None:
        self._write("DELETE FROM diary_days WHERE day = ?", (day.isoformat(),))

    def days(self) -> list[DayContext]:
        columns = ", ".join(_FACTOR_COLUMNS)
        rows = self._store.query(f"SELECT day, {columns}, note FROM diary_days ORDER BY day")
        return [_day_from_row(row) for row in rows]

    def day(self, day: date) -> DayContext | None:
        return next((context for context in self.days() if context.day == day), None)

    # -- medicines -----------------------------------------------------------------------

    def save_medicine(self, medicine: Medicine) -> Medicine:
        _refuse(medicine_problems(medicine))
        values = (
            medicine.name.strip(),
            medicine.dose.strip(),
            _iso(medicine.started_on),
            _iso(medicine.stopped_on),
        )
        if medicine.id is None:
            row = self._write(
                "INSERT INTO diary_medicines (name, dose, started_on, stopped_on)"
                " VALUES (?, ?, ?, ?)",
                values,
            )
            return replace(medicine, id=row)
        self._write(
            "UPDATE diary_medicines SET name = ?, dose = ?, started_on = ?, stopped_on = ?"
            " WHERE id = ?",
            (*values, medicine.id),
        )
        return medicine

    def delete_medicine(self, medicine_id: int) -> None:
        self._write("DELETE FROM diary_medicines WHERE id = ?", (medicine_id,))

    def medicines(self) -> list[Medicine]:
        rows = self._store.query(
            "SELECT id, name, dose, started_on, stopped_on FROM diary_medicines"
            " ORDER BY started_on IS NULL, started_on, name"
        )
        return [Medicine(r[1], r[2], _day(r[3]), _day(r[4]), r[0]) for r in rows]

    # -- self-experiments ----------------------------------------------------------------

    def save_experiment(self, experiment: Experiment) -> Experiment:
        _refuse(experiment_problems(experiment))
        values = (
            experiment.factor.value,
            experiment.plan,
            experiment.baseline_start.isoformat(),
            experiment.change_start.isoformat(),
            experiment.change_end.isoformat(),
        )
        if experiment.id is None:
            row = self._write(
                "INSERT INTO diary_experiments (factor, plan, baseline_start, change_start,"
                " change_end) VALUES (?, ?, ?, ?, ?)",
                values,
            )
            return replace(experiment, id=row)
        self._write(
            "UPDATE diary_experiments SET factor = ?, plan = ?, baseline_start = ?,"
            " change_start = ?, change_end = ? WHERE id = ?",
            (*values, experiment.id),
        )
        return experiment

    def delete_experiment(self, experiment_id: int) -> None:
        self._write("DELETE FROM diary_experiments WHERE id = ?", (experiment_id,))

    def experiments(self) -> list[Experiment]:
        rows = self._store.query(
            "SELECT id, factor, plan, baseline_start, change_start, change_end"
            " FROM diary_experiments ORDER BY id"
        )
        return [_experiment_from_row(row) for row in rows]

    def latest_experiment(self) -> Experiment | None:
        experiments = self.experiments()
        return experiments[-1] if experiments else None

    # -- self-check results --------------------------------------------------------------

    def record_check(self, result: CheckResult, now: datetime) -> StoredCheck:
        """Keep how the self-check was answered (for the clinician summary)."""
        stored = StoredCheck(
            now,
            result.level.value,
            result.outcome.title,
            tuple(question.flag for question in result.reasons),
            result.answers,
        )
        body = {"title": stored.title, "reasons": list(stored.reasons), "answers": result.answers}
        self._write(
            "INSERT INTO check_results (taken_at, outcome, answers) VALUES (?, ?, ?)",
            (local_stamp(now), stored.level, json.dumps(body)),
        )
        self.check_recorded.emit(stored)
        return stored

    def latest_check(self) -> StoredCheck | None:
        rows = self._store.query(
            "SELECT taken_at, outcome, answers FROM check_results ORDER BY id DESC LIMIT 1"
        )
        if not rows:
            return None
        taken_at, level, text = rows[0]
        body = json.loads(text)
        answers = tuple((str(q), bool(a)) for q, a in body.get("answers", ()))
        return StoredCheck(
            datetime.fromisoformat(taken_at),
            level,
            str(body.get("title", "")),
            tuple(str(r) for r in body.get("reasons", ())),
            answers,
        )


def _refuse(problems: list[str]) -> None:
    if problems:
        text = "; ".join(problems)
        raise DiaryInputError(text[:1].upper() + text[1:])


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _day_from_row(row: tuple[Any, ...]) -> DayContext:
    values = tuple(
        (Factor(column), float(value))
        for column, value in zip(_FACTOR_COLUMNS, row[1:-1], strict=True)
        if value is not None
    )
    return DayContext(date.fromisoformat(row[0]), values, row[-1])


def _experiment_from_row(row: tuple[Any, ...]) -> Experiment:
    identifier, factor, plan, *days = row
    baseline, change, end = (date.fromisoformat(day) for day in days)
    return Experiment(Factor(factor), plan, baseline, change, end, identifier)
