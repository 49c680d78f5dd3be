"""Kiosk administration: the policy file, the admin PIN and its lockout record.

The PIN is kept only as a salted ``hashlib.scrypt`` hash and compared in constant time. The
lockout record lives in the app's state folder (it is about the administrator, not a visitor) so
repeated guessing stays throttled across restarts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tomllib
from datetime import datetime
from pathlib import Path

from app.domain.kiosk import KioskPolicy, Lockout, policy_from_record
from app.domain.problems import Problem, SourceRef
from app.domain.records import RawRecord
from app.services.toml_lines import key_lines, record_lines

#: Where administrators put the policy when no ``--config`` is given.
SYSTEM_POLICY = Path("/etc/gluteal-atlas/kiosk.toml")
MAX_POLICY_BYTES = 64 * 1024

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
        text = data.decode("utf-8")
        document = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
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
    """The admin-PIN lockout record, replaced atomically on every change."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> Lockout:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            until = raw.get("locked_until")
            return Lockout(int(raw["failures"]), datetime.fromisoformat(until) if until else None)
        except (OSError, ValueError, KeyError, TypeError):
            return Lockout()

    def write(self, lockout: Lockout) -> None:
        until = lockout.locked_until.isoformat() if lockout.locked_until else None
        payload = json.dumps({"failures": lockout.failures, "locked_until": until})
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            with temporary.open("w", encoding="utf-8") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        except OSError:
            temporary.unlink(missing_ok=True)  # the lockout still holds for this run
