"""The SQLite store: versioned schema, WAL, ``synchronous=FULL``, a transaction per write.

At start the file is checked read-only (so a damaged file is never changed, not even by a WAL
checkpoint). A database that cannot be read is moved aside (never overwritten) and replaced
by the newest backup that verifies, or by a fresh file; the learner gets a plain message
instead of a traceback, and ``open`` never raises, so a bad file cannot make the app crash at
every start. Rotating daily backups are taken with SQLite's backup API (see ``backups``).
"""

from __future__ import annotations

import dataclasses
import sqlite3
import struct
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.services import backups
from app.services.future_stamps import any_future_stamps, clamp_future_stamps
from app.services.migrations import LATEST_VERSION, MIGRATIONS

DB_NAME = "progress.sqlite3"

#: SQLite primary result codes that mean "this file is damaged", not "cannot open it now".
_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
#: The start of SQLite's wal-index header (in the -shm file), in native byte order.
_WAL_INDEX_HEADER = 20
_WAL_INDEX_VERSION = 3007000


_WAL_LOST = (
    "Part of your progress file (its journal) was missing, so your most recent answers may "
    "not be there. Everything else was kept."
)


class StoreError(RuntimeError):
    """A write or read failed; the message is fit to show the learner."""


@dataclass(frozen=True)
class OpenNotice:
    """What went wrong while opening, for the window's notice bar."""

    message: str
    moved_aside: Path | None = None
    restored_from: Path | None = None


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
    def open(
        cls, path: Path, now: datetime, *, back_up: bool = True
    ) -> tuple[Store, OpenNotice | None]:
        """Open (or create) the database at ``path``, recovering from a damaged file.

        Never raises: when nothing on disk can be used, progress is kept in memory and the
        notice says so.

        Args:
            back_up: take today's backup now; the app passes False and calls
                :meth:`back_up_if_due` once its first page is painted.

        Returns:
            The store and, when something had to be done about the old file, a notice.
        """
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            existed = path.exists()
            store, notice = cls._open_or_recover(path, now)
        except _NotMovedError as failure:
            return cls.in_memory(), OpenNotice(str(failure))
        except (OSError, sqlite3.Error, StoreError) as error:
            return cls.in_memory(), OpenNotice(
                f"Progress cannot be saved this time: {_reason(error)}. "
                "Nothing was changed on disk."
            )
        if back_up and existed and notice is None:
            store.back_up_if_due(now)
        clamped = store._clamp_future_stamps(now)
        if clamped:
            message = f"{notice.message} {clamped}" if notice else clamped
            notice = (
                dataclasses.replace(notice, message=message) if notice else OpenNotice(message)
            )
        return store, notice

    @classmethod
    def _open_or_recover(cls, path: Path, now: datetime) -> tuple[Store, OpenNotice | None]:
        wal_lost = _wal_lost(path)
        damage = _inspect(path)
        if damage is None and wal_lost:
            return cls._open_checked(path), OpenNotice(_WAL_LOST)
        if damage is None:
            return cls._open_checked(path), None
        try:
            moved = _move_aside(path, now)
        except OSError as error:
            raise _NotMovedError(
                f"Your progress file could not be read ({damage}) nor moved aside "
                f"({error.strerror}). Progress will not be saved this time."
            ) from None
        kept = f"Your progress file could not be read ({damage}). It was kept as {moved.name}"
        restored = _restore_newest(path)
        if restored is None:
            return cls._open_checked(path), OpenNotice(f"{kept} and a new one was started.", moved)
        day = restored.taken_at.strftime("%d %B %Y").lstrip("0")
        message = f"{kept}; your progress was restored from the backup of {day}."
        return cls._open_checked(path), OpenNotice(message, moved, restored.path)

    @classmethod
    def _open_checked(cls, path: Path) -> Store:
        connection = _connect(str(path))
        try:
            _configure(connection)
            store = cls(connection, path)
            store._migrate()
        except (sqlite3.Error, StoreError):
            connection.close()
            raise
        return store

    def back_up_if_due(self, now: datetime) -> None:
        """Take today's backup if none is recent; a failed backup must not stop the app."""
        if self.path is None:
            return
        shelf = backups.Backups(self.path)
        try:
            if shelf.due(now):
                shelf.take(self._connection, now)
            else:
                shelf.prune()
        except (OSError, sqlite3.Error):
            pass  # the previous backups remain; tomorrow's start tries again

    def back_up_in_background(self, now: datetime) -> threading.Thread | None:
        """:meth:`back_up_if_due` on a worker thread with its own connection, so copying and
        fsyncing the file (~100 ms on a slow disk) never stalls the window after start.

        The copy reads a snapshot (WAL lets the UI thread write meanwhile). A daemon thread:
        quitting mid-copy leaves only a ``.partial`` file, swept away by the next backup.

        Returns:
            The started thread (join it to wait), or None for an in-memory store.
        """
        path = self.path
        if path is None:
            return None

        def back_up() -> None:
            try:
                connection = _connect(str(path))
            except sqlite3.Error:
                return  # tomorrow's start tries again
            try:
                Store(connection, path).back_up_if_due(now)
            finally:
                connection.close()

        worker = threading.Thread(target=back_up, name="progress-backup", daemon=True)
        worker.start()
        return worker

    def _clamp_future_stamps(self, now: datetime) -> str:
        """Bring progress stamped after ``now`` back to ``now``; the notice, or ``""``."""
        try:
            # The usual start: a quick read finds nothing, and no write lock is taken.
            if not any_future_stamps(self._connection, now):
                return ""
            with self.transaction() as connection:
                clamped = clamp_future_stamps(connection, now)
        except (StoreError, sqlite3.Error):
            return ""  # nothing changed; the next start tries again
        return clamped.message if clamped.total else ""

    def _migrate(self) -> None:
        """Apply the missing migrations, each in its own ``BEGIN IMMEDIATE`` transaction.

        ``user_version`` is read again inside each transaction: a second copy of the app
        starting on the same fresh folder may have applied the step while this one waited for
        the write lock, and re-running it would fail ("table settings already exists").
        """
        if self.schema_version >= LATEST_VERSION:
            return  # the usual start: nothing to do, and no write lock taken
        for migration in MIGRATIONS:
            with self.transaction() as connection:
                current = int(connection.execute("PRAGMA user_version").fetchone()[0])
                if migration.version <= current:
                    continue
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
            _roll_back(connection)
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


class _NotMovedError(Exception):
    """A damaged file could not be moved aside, so it must not be touched at all."""


class _NewerSchemaError(sqlite3.DatabaseError):
    pass


#: How long a write waits for another copy of the app to finish its own (WAL lets readers go on;
#: writers take turns). Each of our transactions is a few milliseconds, so this is generous.
BUSY_TIMEOUT_SECONDS = 15.0
_WAL_RETRY_SECONDS = 0.005


def _connect(target: str) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per logical write.
    return sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)


def _configure(connection: sqlite3.Connection) -> None:
    """Durability settings; only applied once the file has passed its checks (WAL writes)."""
    _switch_to_wal(connection)
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")


def _switch_to_wal(connection: sqlite3.Connection) -> None:
    """Put the file in WAL mode, waiting for a second copy of the app doing the same.

    SQLite does not call the busy handler while another connection switches a fresh file's
    journal mode (it answers SQLITE_BUSY at once), so two copies started together would see
    "database is locked"; we wait our turn like any other write.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            busy = error.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(_WAL_RETRY_SECONDS)


def _roll_back(connection: sqlite3.Connection) -> None:
    # After some I/O errors SQLite has already rolled back; a second ROLLBACK would raise and
    # hide the real error.
    if connection.in_transaction:
        with suppress(sqlite3.Error):
            connection.execute("ROLLBACK")


def _inspect(path: Path) -> str | None:
    """Why the file at ``path`` is damaged, or ``None`` when it is fine (or absent).

    Raises:
        _NewerSchemaError: the file is intact but from a newer version of the app.
        sqlite3.Error: the file cannot be opened now for a reason that is not damage.
    """
    if not path.exists():
        return None
    if path.stat().st_size == 0:
        # An empty file is a valid empty database, but if we ever had data it is a loss.
        return "the file is empty" if backups.Backups(path).all() else None
    try:
        connection = backups.read_only(path)
        try:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error as error:
        if error.sqlite_errorcode & 0xFF in _CORRUPT_CODES:
            return str(error)
        raise
    if verdict != "ok":
        return f"integrity check: {verdict}"
    if version > LATEST_VERSION:
        raise _NewerSchemaError(f"it was written by a newer version (schema {version})")
    return None


def _wal_lost(path: Path) -> bool:
    """Whether a crash left a shared-memory index that counts WAL frames, but no WAL file.

    SQLite would silently open the main file without them; we at least say so.
    """
    index = path.with_name(path.name + "-shm")
    if path.with_name(path.name + "-wal").exists() or not index.is_file():
        return False
    try:
        with index.open("rb") as stream:
            header = stream.read(_WAL_INDEX_HEADER)
    except OSError:
        return False
    if len(header) < _WAL_INDEX_HEADER:
        return False
    version, _unused, _change, initialised, _big_endian, _page, frames = struct.unpack(
        "=IIIBBHI", header
    )
    return bool(version == _WAL_INDEX_VERSION and initialised == 1 and frames > 0)


def _restore_newest(path: Path) -> backups.Backup | None:
    """Copy the newest verified backup to ``path``; ``None`` when there is none usable."""
    shelf = backups.Backups(path)
    try:
        newest = shelf.newest_verified()
        if newest is not None:
            backups.restore(newest.path, path)
    except (OSError, sqlite3.Error):
        return None
    return newest


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


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return f"{error.strerror or error} ({error.filename})" if error.filename else str(error)
    return str(error)


def _explain(error: sqlite3.Error) -> str:
    text = str(error).lower()
    if "full" in text:
        return "The disk is full, so this was not saved. Free some space and try again."
    if "locked" in text or "busy" in text:
        return "Another copy of the app is using the progress file, so this was not saved."
    if "readonly" in text or "read-only" in text:
        return "The progress file is read-only, so this was not saved."
    return f"This was not saved because the progress file could not be written ({error})."
