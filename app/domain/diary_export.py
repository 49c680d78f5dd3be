"""Everything in the diary as one CSV table (a ``kind`` column says what each row is).

Spreadsheet programs run cells that start with ``=``, ``+``, ``-`` or ``@`` as formulas; a
note typed by the user is prefixed with an apostrophe so it stays text (OWASP CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from app.domain.diary import FACTORS, DayContext, Episode, Experiment, Medicine, area_label

COLUMNS = (
    "kind",
    "date",
    "time",
    "area",
    "area_name",
    "duration_seconds",
    "strength",
    "felt_like",
    *(spec.factor.value for spec in FACTORS),
    "name",
    "dose",
    "started_on",
    "stopped_on",
    "note",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def diary_csv(
    episodes: Sequence[Episode],
    days: Sequence[DayContext],
    medicines: Sequence[Medicine],
    experiments: Sequence[Experiment],
) -> str:
    """The CSV text: episodes, then days, medicines and experiments, each in time order."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for episode in episodes:
        local = episode.started_at
        writer.writerow(
            {
                "kind": "episode",
                "date": local.date().isoformat(),
                "time": local.strftime("%H:%M%z"),
                "area": episode.area,
                "area_name": area_label(episode.area),
                "duration_seconds": episode.duration_seconds,
                "strength": episode.intensity,
                "felt_like": episode.feel.value,
                "note": _text(episode.note),
            }
        )
    for context in days:
        row = {"kind": "day", "date": context.day.isoformat(), "note": _text(context.note)}
        row |= {factor.value: f"{value:g}" for factor, value in context.values}
        writer.writerow(row)
    for medicine in medicines:
        writer.writerow(
            {
                "kind": "medicine",
                "name": _text(medicine.name),
                "dose": _text(medicine.dose),
                "started_on": medicine.started_on.isoformat() if medicine.started_on else "",
                "stopped_on": medicine.stopped_on.isoformat() if medicine.stopped_on else "",
            }
        )
    for experiment in experiments:
        writer.writerow(
            {
                "kind": "experiment",
                "name": experiment.factor.value,
                "started_on": experiment.baseline_start.isoformat(),
                "date": experiment.change_start.isoformat(),
                "stopped_on": experiment.change_end.isoformat(),
                "note": _text(experiment.plan),
            }
        )
    return out.getvalue()


def _text(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value
