"""Rotating, verified copies of the progress database, made with SQLite's backup API.

A copy is taken at start-up (after the file passed its checks) at most once a day, and the
newest :data:`KEEP` are kept in ``backups/`` beside the database. Each copy is written to a
temporary file, checked with ``integrity_check`` and only then renamed into place, so a crash
mid-copy leaves at worst a stray temporary file (swept away next time), never a half backup
under a real name. Recovery uses the newest copy that still verifies.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.services.atomic_file import fsync_directory
from app.services.migrations import LATEST_VERSION

FOLDER = "backups"
#: How many copies are kept; older ones are deleted once a newer one verified.
KEEP = 3
#: At most one copy per this interval.
INTERVAL = timedelta(days=1)

_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})\.sqlite3$")
_TEMP_SUFFIX = ".partial"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime


class Backups:
    """The backups of one database file (``<folder of db>/backups/<stem>-<stamp>.sqlite3``)."""

    def __init__(self, database: Path) -> None:
        self.folder = database.parent / FOLDER
        self._stem = database.stem

    def all(self) -> list[Backup]:
        """Every backup, newest first (unverified)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if match and match.group("stem") == self._stem and path.is_file():
                taken = datetime.strptime(match.group("stamp"), _STAMP).replace(tzinfo=UTC)
                found.append(Backup(path, taken))
        return sorted(found, key=lambda backup: backup.taken_at, reverse=True)

    def due(self, now: datetime) -> bool:
        """Whether no backup was taken within :data:`INTERVAL` before ``now``."""
        backups = self.all()
        return not backups or backups[0].taken_at <= _utc(now) - INTERVAL

    def take(self, source: sqlite3.Connection, now: datetime) -> Path:
        """Copy ``source`` into a new verified backup and drop the oldest beyond :data:`KEEP`.

        Raises:
            OSError, sqlite3.Error: the copy failed; nothing under a backup name changed.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        self._sweep_partials()
        name = f"{self._stem}-{_utc(now).strftime(_STAMP)}.sqlite3"
        target = self.folder / name
        temporary = self.folder / (name + _TEMP_SUFFIX)
        copy_database(source, temporary)
        if not verify(temporary):
            temporary.unlink(missing_ok=True)
            raise sqlite3.DatabaseError("the new backup did not pass its integrity check")
        os.replace(temporary, target)
        fsync_directory(self.folder)
        self.prune()
        return target

    def prune(self) -> None:
        """Delete all but the newest :data:`KEEP` (a crash may have stopped the last prune)."""
        for old in self.all()[KEEP:]:
            old.path.unlink(missing_ok=True)

    def newest_verified(self) -> Backup | None:
        """The newest backup that passes ``integrity_check`` and has a schema we can read."""
        return next((backup for backup in self.all() if verify(backup.path)), None)

    def _sweep_partials(self) -> None:
        for path in self.folder.glob(f"*{_TEMP_SUFFIX}"):
            path.unlink(missing_ok=True)


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Write a standalone (rollback-journal) copy of ``source`` to ``target``, fsynced."""
    target.unlink(missing_ok=True)
    destination = sqlite3.connect(str(target), isolation_level=None)
    try:
        source.backup(destination)
        # The copy carries the source's WAL flag; a lone file is simpler to check and restore.
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()
    with target.open("rb") as stream:
        os.fsync(stream.fileno())


def restore(backup: Path, target: Path) -> None:
    """Replace ``target`` (already moved aside) with a copy of ``backup``, atomically.

    Raises:
        OSError, sqlite3.Error: the copy failed; ``target`` was not created.
    """
    temporary = target.with_name(target.name + _TEMP_SUFFIX)
    source = read_only(backup)
    try:
        copy_database(source, temporary)
    finally:
        source.close()
    os.replace(temporary, target)
    fsync_directory(target.parent)


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that can neither change the file nor checkpoint its WAL on close."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def verify(path: Path) -> bool:
    """Whether ``path`` is an intact database with a schema this version understands."""
    try:
        connection = read_only(path)
    except sqlite3.Error:
        return False
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return bool(verdict == "ok" and 1 <= version <= LATEST_VERSION)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
