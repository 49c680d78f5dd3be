"""Kiosk administration: the policy file, the admin PIN and its lockout record.

The PIN is kept only as a salted ``hashlib.scrypt`` hash and compared in constant time. The
lockout record lives in the app's state folder (it is about the administrator, not a visitor) so
repeated guessing stays throttled across restarts.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from datetime import datetime
from pathlib import Path

from app.domain.kiosk import (
    KioskPolicy,
    Lockout,
    lockout_of_unknown_state,
    policy_from_record,
    sane_lockout,
    stricter,
)
from app.domain.problems import Problem, SourceRef
from app.domain.records import RawRecord
from app.services.clock import Clock, SystemClock
from app.services.toml_lines import key_lines, record_lines
from app.services.toml_text import TomlSyntaxError, parse

#: Where administrators put the policy when no ``--config`` is given.
SYSTEM_POLICY = Path("/etc/gluteal-atlas/kiosk.toml")
MAX_POLICY_BYTES = 64 * 1024
MAX_LOCKOUT_BYTES = 4096

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_PREFIX = "scrypt"


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """A storable hash line for ``pin``: ``scrypt$n$r$p$salt$hash`` (hex)."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    params = f"{_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}"
    return f"{_PREFIX}${params}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``; malformed hashes never match."""
    try:
        prefix, n, r, p, salt_hex, hash_hex = stored.split("$")
        if prefix != _PREFIX:
            return False
        n_, r_, p_ = int(n), int(r), int(p)
        if not (2 <= n_ <= 2**20 and 1 <= r_ <= 32 and 1 <= p_ <= 16):
            return False  # refuse parameters that would make checking a PIN a denial of service
        expected = bytes.fromhex(hash_hex)
        salt = bytes.fromhex(salt_hex)
        actual = hashlib.scrypt(
            pin.encode("utf-8"),
            salt=salt,
            n=n_,
            r=r_,
            p=p_,
            dklen=len(expected),
            maxmem=64 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def load_policy(path: Path | None) -> tuple[KioskPolicy, list[Problem]]:
    """The kiosk policy from ``path`` (or the system location), else the defaults.

    Problems (unreadable file, bad TOML, bad values) are reported; the defaults stand in for
    whatever is wrong, so a kiosk always starts.
    """
    chosen = path if path is not None else SYSTEM_POLICY
    if path is None and not chosen.exists():
        return KioskPolicy(), []
    name = str(chosen)
    try:
        with chosen.open("rb") as stream:
            data = stream.read(MAX_POLICY_BYTES + 1)
        if len(data) > MAX_POLICY_BYTES:
            return KioskPolicy(), [Problem(SourceRef(name, 1), "policy file is too large")]
        text = data.decode("utf-8-sig")  # a byte-order mark from a Windows editor is fine
        document = parse(text)
    except (OSError, UnicodeDecodeError, TomlSyntaxError) as error:
        message = f"policy not used, defaults apply: {error}"
        return KioskPolicy(), [Problem(SourceRef(name, 1), message)]
    table = document.get("kiosk", {})
    if not isinstance(table, dict):
        return KioskPolicy(), [Problem(SourceRef(name, 1), "[kiosk] must be a table")]
    lines = key_lines(text)
    record = RawRecord(
        SourceRef(name, lines.get(("kiosk",), 1)), table, record_lines(lines, ("kiosk",))
    )
    return policy_from_record(record)


class LockoutFile:
    """The admin-PIN lockout, kept in memory and mirrored to a file replaced atomically.

    Memory is the authority for this run; the file carries the lockout across restarts. What
    the file says can only make the lockout stricter, so a failing disk (full, read-only,
    damaged) can keep entry locked but never unlock it, and never stops wrong PINs counting.
    ``notice`` says, in plain words, when the file could not be used.
    """

    def __init__(self, path: Path, clock: Clock | None = None) -> None:
        self.path = path
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._memory = Lockout()
        self._damaged_seen = False
        self.notice = ""

    def read(self) -> Lockout:
        """The lockout now: the stricter of memory and the file."""
        now = self._clock.now()
        try:
            on_disk = self._read_file(now)
        except (OSError, ValueError, KeyError, TypeError, RecursionError) as error:
            if not self._damaged_seen:
                # Locked from the moment the damage was found, not re-locked on every read.
                self._damaged_seen = True
                self._memory = stricter(self._memory, lockout_of_unknown_state(now))
                self.notice = f"The PIN lockout record could not be read ({_reason(error)})."
            return self._memory
        self._memory = stricter(self._memory, on_disk)
        return self._memory

    def write(self, lockout: Lockout) -> bool:
        """Remember ``lockout``; False when the file could not be replaced (memory still holds)."""
        self._memory = lockout
        until = lockout.locked_until.isoformat() if lockout.locked_until else None
        payload = json.dumps({"failures": lockout.failures, "locked_until": until})
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("w", encoding="utf-8") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        except OSError as error:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            self.notice = f"The PIN lockout record could not be saved ({_reason(error)})."
            return False
        self._damaged_seen = False
        self.notice = ""
        return True

    def _read_file(self, now: datetime) -> Lockout:
        try:
            with self.path.open("rb") as stream:
                data = stream.read(MAX_LOCKOUT_BYTES + 1)
        except FileNotFoundError:
            return Lockout()
        if len(data) > MAX_LOCKOUT_BYTES:
            raise ValueError("too large")
        raw = json.loads(data.decode("utf-8"))
        failures = raw["failures"]
        until_text = raw.get("locked_until")
        if not isinstance(failures, int) or isinstance(failures, bool):
            raise TypeError("failures is not a whole number")
        until = datetime.fromisoformat(until_text) if until_text is not None else None
        if until is not None and until.tzinfo is None:
            raise ValueError("locked_until has no time zone")
        return sane_lockout(failures, until, now)


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return error.strerror or type(error).__name__
    return "damaged"
