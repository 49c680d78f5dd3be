"""Python dates to Qt's (PySide6 accepts them at run time, but its stubs do not say so)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qdatetime(moment: datetime) -> QDateTime:
    """A naive local ``moment`` as a local QDateTime (to the minute)."""
    return QDateTime(qdate(moment.date()), QTime(moment.hour, moment.minute))
