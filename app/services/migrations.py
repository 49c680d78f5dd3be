"""The store's schema as ordered migrations; ``PRAGMA user_version`` records the last applied.

Never edit a released step: add a new one at the end.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "settings, lesson progress, quiz answers and cards, stretch sessions, custom routines",
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE lesson_progress (
            lesson_id TEXT PRIMARY KEY,
            read_at TEXT,
            last_opened_at TEXT,
            position TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE quiz_answers (
            id INTEGER PRIMARY KEY,
            question_id TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
            seconds REAL NOT NULL,
            response TEXT NOT NULL,
            mode TEXT NOT NULL DEFAULT 'practice'
        );
        CREATE INDEX quiz_answers_by_time ON quiz_answers (answered_at);
        CREATE TABLE quiz_cards (
            question_id TEXT PRIMARY KEY,
            card TEXT NOT NULL,
            due TEXT NOT NULL
        );
        CREATE INDEX quiz_cards_by_due ON quiz_cards (due);
        CREATE TABLE stretch_sessions (
            id INTEGER PRIMARY KEY,
            routine_id TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            active_seconds REAL NOT NULL,
            completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
            steps_done INTEGER NOT NULL
        );
        CREATE INDEX stretch_sessions_by_start ON stretch_sessions (started_at);
        CREATE TABLE custom_routines (
            id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """,
    ),
    Migration(
        2,
        "twitch diary: episodes, daily context, medicines, self-experiments, self-check results",
        """
        CREATE TABLE diary_episodes (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            area TEXT NOT NULL,
            duration_seconds INTEGER NOT NULL CHECK (duration_seconds > 0),
            intensity INTEGER NOT NULL CHECK (intensity BETWEEN 1 AND 5),
            feel TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX diary_episodes_by_start ON diary_episodes (started_at);
        CREATE TABLE diary_days (
            day TEXT PRIMARY KEY,
            caffeine REAL,
            sleep REAL,
            exercise REAL,
            stress REAL,
            fluids REAL,
            alcohol REAL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE diary_medicines (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            dose TEXT NOT NULL DEFAULT '',
            started_on TEXT,
            stopped_on TEXT
        );
        CREATE TABLE diary_experiments (
            id INTEGER PRIMARY KEY,
            factor TEXT NOT NULL,
            plan TEXT NOT NULL DEFAULT '',
            baseline_start TEXT NOT NULL,
            change_start TEXT NOT NULL,
            change_end TEXT NOT NULL
        );
        CREATE TABLE check_results (
            id INTEGER PRIMARY KEY,
            taken_at TEXT NOT NULL,
            outcome TEXT NOT NULL,
            answers TEXT NOT NULL
        );
        """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
