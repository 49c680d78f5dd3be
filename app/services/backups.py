"""Rotating, verified copies of the progress database, made with SQLite's backup API.

A copy is taken at start-up (after the file passed its checks) at most once a day, and the
newest :data:`KEEP` are kept in ``backups/`` beside the database. "Newest" means the highest
sequence number in the name, not the time stamp: a copy taken while the clock ran years ahead
must neither stop new copies (it would look taken "today" until then) nor outlive them.
Each copy is written to a temporary file, checked with ``integrity_check`` and only then
renamed into place, so a crash mid-copy leaves at worst a stray temporary file (swept away
next time), never a half backup under a real name.
Recovery uses the newest copy that still verifies.
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

#: A stamp more than this far after now cannot be trusted: the clock was ahead when it was made.
FUTURE_SLACK = timedelta(minutes=5)

_STAMP = "%Y%m%d-%H%M%S"
# Current names carry a sequence number; names from before it ("<stem>-<stamp>") count as 0.
_NAME = re.compile(r"^(?P<stem>.+?)(?:-(?P<sequence>\d{6}))?-(?P<stamp>\d{8}-\d{6})\.sqlite3$")
_TEMP_SUFFIX = ".partial"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    sequence: int = 0


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
                found.append(Backup(path, taken, int(match.group("sequence") or 0)))
        return sorted(found, key=lambda b: (b.sequence, b.taken_at), reverse=True)

    def due(self, now: datetime) -> bool:
        """Whether the newest backup is older than :data:`INTERVAL`, or stamped in the future.

        A future stamp means the clock was ahead when it was taken (or is behind now); either
        way it says nothing about how old the copy really is, so a new one is taken.
        """
        backups = self.all()
        if not backups:
            return True
        taken, moment = backups[0].taken_at, _utc(now)
        return taken <= moment - INTERVAL or taken > moment + FUTURE_SLACK

    def take(self, source: sqlite3.Connection, now: datetime) -> Path:
        """Copy ``source`` into a new verified backup and drop the oldest beyond :data:`KEEP`.

        Raises:
            OSError, sqlite3.Error: the copy failed; nothing under a backup name changed.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        self._sweep_partials()
        sequence = max((backup.sequence for backup in self.all()), default=0) + 1
        name = f"{self._stem}-{sequence:06d}-{_utc(now).strftime(_STAMP)}.sqlite3"
        target = self.folder / name
        # The process id keeps a second copy of the app from sweeping this one's work.
        temporary = self.folder / f"{name}.{os.getpid()}{_TEMP_SUFFIX}"
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
        """Delete copies left half-written by a process that is gone."""
        for path in self.folder.glob(f"*{_TEMP_SUFFIX}"):
            if not _writer_alive(path):
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
    uri = f"{path.resolve().as_uri()}?mode=ro"
    # A second copy of the app may hold the write lock for a moment; wait rather than fail.
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=15.0)


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


def _writer_alive(partial: Path) -> bool:
    """Whether the process named in ``<name>.<pid>.partial`` is still running (not us)."""
    pid = partial.name.removesuffix(_TEMP_SUFFIX).rsplit(".", 1)[-1]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
