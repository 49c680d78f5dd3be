"""Kiosk policy and the admin-PIN lockout, as plain values and pure functions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from app.domain.problems import Problem, SourceRef
from app.domain.records import Field, RawRecord, in_range, one_of, read_fields

ALL_PAGES = ("home", "anatomy", "lessons", "quiz", "stretch", "progress", "diary", "check")
#: A kiosk offers every page but the twitch diary unless its policy lists the diary.
DEFAULT_PAGES = tuple(page for page in ALL_PAGES if page != "diary")
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")

_FIELDS = (
    Field("pages", list, required=False, default=DEFAULT_PAGES, item=str),
    Field("idle_seconds", int, required=False, default=90, check=in_range(15, 3600)),
    Field("warning_seconds", int, required=False, default=20, check=in_range(5, 120)),
    Field("admin_corner", str, required=False, default="top-left", check=one_of(*CORNERS)),
    Field("admin_taps", int, required=False, default=5, check=in_range(3, 10)),
    Field("admin_tap_seconds", int, required=False, default=3, check=in_range(1, 10)),
    Field("admin_pin_hash", str, required=False, default=""),
    Field("volume", int, required=False, default=70, check=in_range(0, 100)),
    Field("title", str, required=False, default="Gluteal Atlas"),
    Field(
        "welcome",
        str,
        required=False,
        default="Tap a panel to explore the muscles of the hip and buttock.",
    ),
)


@dataclass(frozen=True)
class KioskPolicy:
    """What an administrator decided for a kiosk.

    ``pages`` always keeps Home (the start screen); ``admin_pin_hash`` empty means the admin
    exit is disabled until a PIN is set.
    """

    pages: tuple[str, ...] = DEFAULT_PAGES
    idle_seconds: int = 90
    warning_seconds: int = 20
    admin_corner: str = "top-left"
    admin_taps: int = 5
    admin_tap_seconds: int = 3
    admin_pin_hash: str = ""
    volume: int = 70
    title: str = "Gluteal Atlas"
    welcome: str = "Tap a panel to explore the muscles of the hip and buttock."

    def with_pages(self, pages: tuple[str, ...]) -> KioskPolicy:
        kept = tuple(page for page in ALL_PAGES if page in pages or page == "home")
        return replace(self, pages=kept)


def policy_from_record(record: RawRecord) -> tuple[KioskPolicy, list[Problem]]:
    """Read a policy table; on problems, the defaults are used for the fields at fault."""
    _, problems = read_fields(record, _FIELDS, "kiosk policy")
    good: dict[str, Any] = {}
    for spec in _FIELDS:
        if spec.name not in record.data:
            continue
        alone = RawRecord(record.source, {spec.name: record.data[spec.name]}, record.key_lines)
        value, field_problems = read_fields(alone, (spec,), "kiosk policy")
        if not field_problems:
            good[spec.name] = value[spec.name]
    unknown_pages = [page for page in good.get("pages", ()) if page not in ALL_PAGES]
    if unknown_pages:
        where = record.where("pages")
        message = f"kiosk policy: unknown page(s) {', '.join(unknown_pages)}"
        problems.append(Problem(where, f"{message}; known: {', '.join(ALL_PAGES)}"))
    policy = KioskPolicy(**{k: v for k, v in good.items() if k != "pages"})
    return policy.with_pages(tuple(good.get("pages", DEFAULT_PAGES))), problems


def default_policy_source() -> SourceRef:
    return SourceRef("(built-in kiosk defaults)", 1)


@dataclass(frozen=True)
class Lockout:
    """Failed admin-PIN attempts and, after too many, until when entry is refused.

    Times are wall-clock (``datetime``) so the lockout survives a restart.
    """

    failures: int = 0
    locked_until: datetime | None = None


#: Free attempts before the first lockout.
FREE_ATTEMPTS = 3
FIRST_LOCKOUT = timedelta(seconds=30)
MAX_LOCKOUT = timedelta(minutes=30)


def is_locked(lockout: Lockout, now: datetime) -> bool:
    return lockout.locked_until is not None and now < lockout.locked_until


def seconds_locked(lockout: Lockout, now: datetime) -> int:
    if not is_locked(lockout, now):
        return 0
    assert lockout.locked_until is not None
    return max(1, int((lockout.locked_until - now).total_seconds() + 0.999))


def after_failure(lockout: Lockout, now: datetime) -> Lockout:
    """One more wrong PIN: past the free attempts, each failure doubles the lockout."""
    failures = lockout.failures + 1
    if failures < FREE_ATTEMPTS:
        return Lockout(failures, None)
    doublings = failures - FREE_ATTEMPTS
    length = min(FIRST_LOCKOUT * (2 ** min(doublings, 16)), MAX_LOCKOUT)
    return Lockout(failures, now + length)


def after_success() -> Lockout:
    return Lockout()


def stricter(first: Lockout, second: Lockout) -> Lockout:
    """The lockout that refuses more: more failures, and the later end of any lock."""
    ends = [end for end in (first.locked_until, second.locked_until) if end is not None]
    return Lockout(max(first.failures, second.failures), max(ends) if ends else None)


def lockout_of_unknown_state(now: datetime) -> Lockout:
    """What to assume when the stored record cannot be read: locked for the first back-off.

    A damaged record must not open the door to unlimited guessing, nor shut it for long.
    """
    return Lockout(FREE_ATTEMPTS, now + FIRST_LOCKOUT)


def sane_lockout(failures: int, locked_until: datetime | None, now: datetime) -> Lockout:
    """A stored record made safe: failures clamped, and no lock longer than the maximum
    (a clock set wrongly once must not lock the administrator out for years)."""
    failures = min(max(failures, 0), 10_000)
    if locked_until is not None:
        locked_until = min(locked_until, now + MAX_LOCKOUT)
    return Lockout(failures, locked_until)
