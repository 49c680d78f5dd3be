"""What "a day" means, once, for every chart, streak and due count.

An event's day is the local calendar date where and when it happened. Events are stored with
the UTC offset in force at that moment (``2026-03-29T08:15:00+02:00``), so the day can be read
straight from the stamp: moving to another time zone later, or a change of daylight-saving
rules, moves nothing that already happened. Future moments (when a question falls due) have
no stored local offset yet, so their day is taken in the zone in force now.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo


def as_local(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """``moment`` in ``zone`` (the system's local zone when ``None``), keeping its offset."""
    return moment.astimezone(zone)


def local_stamp(moment: datetime, zone: tzinfo | None = None) -> str:
    """How an event's time is stored: ISO 8601 local time with its UTC offset."""
    return as_local(moment, zone).isoformat()


def event_day(stamp: str | datetime) -> date:
    """The local date an event happened on, from its stored stamp (offset included).

    A stamp without an offset (written before offsets were stored) is taken as it reads.
    """
    moment = datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    return moment.date()


def today(now: datetime, zone: tzinfo | None = None) -> date:
    """The local date at ``now`` (the same zone events are stamped in)."""
    return as_local(now, zone).date()
