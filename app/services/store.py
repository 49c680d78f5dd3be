"""The SQLite store: versioned schema, WAL, ``synchronous=FULL``, a transaction per write.

A database that cannot be read is moved aside (never overwritten) and a fresh one started, with
a plain message for the learner instead of a traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.services.migrations import LATEST_VERSION, MIGRATIONS

DB_NAME = "progress.sqlite3"


class StoreError(RuntimeError):
    """A write or read failed; the message is fit to show the learner."""


@dataclass(frozen=True)
class OpenNotice:
    """What went wrong while opening, for the window's notice bar."""

    message: str
    moved_aside: Path | None = None


class Store:
    """Durable progress. ``path=None`` keeps everything in memory (kiosk visits, tests)."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self._connection = connection
        self.path = path

    @classmethod
    def in_memory(cls) -> Store:
        connection = _connect(":memory:")
        _configure(connection)
        store = cls(connection, None)
        store._migrate()
        return store

    @classmethod
    def open(cls, path: Path, now: datetime) -> tuple[Store, OpenNotice | None]:
        """Open (or create) the database at ``path``, recovering from a corrupt file.

        Returns:
            The store and, when something had to be done about the old file, a notice.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return cls._open_checked(path), None
        except _CorruptError as corrupt:
            try:
                moved = _move_aside(path, now)
            except OSError as error:
                return cls.in_memory(), OpenNotice(
                    f"Your progress file could not be read ({corrupt}) nor moved aside "
                    f"({error.strerror}). Progress will not be saved this time."
                )
            message = (
                f"Your progress file could not be read ({corrupt}). It was kept as {moved.name} "
                "and a new one was started."
            )
        except sqlite3.Error as error:
            return cls.in_memory(), OpenNotice(
                f"Progress cannot be saved this time: {error}. Nothing was changed on disk."
            )
        return cls._open_checked(path), OpenNotice(message, moved)

    @classmethod
    def _open_checked(cls, path: Path) -> Store:
        try:
            connection = _connect(str(path))
        except sqlite3.DatabaseError as error:
            raise _CorruptError(str(error)) from None
        store = cls(connection, path)
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            connection.close()
            raise _CorruptError(str(error)) from None
        if verdict != "ok":
            connection.close()
            raise _CorruptError(f"integrity check: {verdict}")
        if version > LATEST_VERSION:
            connection.close()
            raise sqlite3.DatabaseError(f"it was written by a newer version (schema {version})")
        try:
            _configure(connection)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise _CorruptError(str(error)) from None
        store._migrate()
        return store

    def _migrate(self) -> None:
        current = self.schema_version
        for migration in MIGRATIONS:
            if migration.version <= current:
                continue
            with self.transaction() as connection:
                for statement in _statements(migration.sql):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {migration.version:d}")

    @property
    def schema_version(self) -> int:
        return int(self._connection.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One logical write: committed whole, or rolled back whole.

        Raises:
            StoreError: when the write cannot be saved (disk full, I/O error, locked).
        """
        connection = self._connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(_explain(error)) from error
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise StoreError(_explain(error)) from error
            raise

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read and return every row."""
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise StoreError(_explain(error)) from error

    def close(self) -> None:
        self._connection.close()


class _CorruptError(Exception):
    pass


def _connect(target: str) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per logical write.
    return sqlite3.connect(target, isolation_level=None)


def _configure(connection: sqlite3.Connection) -> None:
    """Durability settings; only applied once the file has passed its checks (WAL writes)."""
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _move_aside(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target


def _explain(error: sqlite3.Error) -> str:
    text = str(error).lower()
    if "full" in text:
        return "The disk is full, so this was not saved. Free some space and try again."
    if "locked" in text or "busy" in text:
        return "Another copy of the app is using the progress file, so this was not saved."
    if "readonly" in text or "read-only" in text:
        return "The progress file is read-only, so this was not saved."
    return f"This was not saved because the progress file could not be written ({error})."
