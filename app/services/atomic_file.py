"""Replace a file whole or not at all: a temporary file in the same folder, fsync, rename.

Readers (and the next start after a crash or a full disk) see either the old contents or the
new ones, never a truncated mix. The temporary file lives beside the target so the final
``os.replace`` stays on one file system, where POSIX makes it atomic.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` atomically and durably.

    Raises:
        OSError: the write failed (disk full, file too large, no permission); ``path`` still
            holds its previous contents and no temporary file is left behind.
    """
    payload = data.encode(encoding) if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_mode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_directory(path.parent)


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort where directories cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on directories; the rename itself still holds
    finally:
        os.close(descriptor)


def _keep_mode(path: Path, temporary: str) -> None:
    # mkstemp creates 0600; a replaced file keeps the permissions it had.
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644 & ~_umask()
    os.chmod(temporary, mode)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
