"""What one person's diary can and cannot say: daily counts, areas, factors, a self-experiment.

A day counts as *recorded* when it has an episode or a daily-context entry; a recorded day
without episodes is a day with none. A day with nothing logged is unknown and is left out,
never counted as zero. Comparisons wait for :data:`MIN_DAYS` recorded days, and every sentence
says these are associations in one person's notes, not causes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from statistics import mean, median, variance

from app.domain.diary import (
    FACTOR_SPECS,
    MIN_EXPERIMENT_DAYS,
    DayContext,
    Episode,
    Experiment,
    Factor,
    area_label,
    short_area_label,
)
from app.domain.students_t import t_quantile

#: Recorded days needed before the diary compares anything.
MIN_DAYS = 14
NOT_ENOUGH = "Not enough data yet"
ASSOCIATION_NOTE = (
    "These are associations in your own notes, not proof that one thing causes another: "
    "busy weeks bring coffee, short nights and stress together."
)


def episodes_by_day(episodes: Iterable[Episode]) -> Counter[date]:
    return Counter(episode.started_at.date() for episode in episodes)


def recorded_days(episodes: Iterable[Episode], days: Iterable[DayContext]) -> set[date]:
    return set(episodes_by_day(episodes)) | {context.day for context in days}


def daily_counts(episodes: Sequence[Episode], last: date, count: int) -> list[tuple[date, int]]:
    """Episodes on each of the ``count`` days ending ``last`` (oldest first)."""
    per_day = episodes_by_day(episodes)
    first = last - timedelta(days=count - 1)
    return [(first + timedelta(days=i), per_day[first + timedelta(days=i)]) for i in range(count)]


def counts_by_area(episodes: Iterable[Episode], *, short: bool = False) -> list[tuple[str, int]]:
    """``(label, episodes)`` per body area, most frequent first (short labels for an axis)."""
    counts = Counter(episode.area for episode in episodes)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], area_label(item[0])))
    name = short_area_label if short else area_label
    return [(name(area), count) for area, count in ordered]


@dataclass(frozen=True)
class FactorView:
    """One factor against episodes: the points, or why there is no comparison yet."""

    factor: Factor
    points: tuple[tuple[float, int], ...]
    enough: bool
    sentence: str


def factor_view(
    factor: Factor, episodes: Sequence[Episode], days: Sequence[DayContext]
) -> FactorView:
    """Days where ``factor`` was recorded, with that day's episode count, and a plain summary."""
    per_day = episodes_by_day(episodes)
    points = tuple(
        (value, per_day[context.day])
        for context in sorted(days, key=lambda c: c.day)
        if (value := context.value(factor)) is not None
    )
    spec = FACTOR_SPECS[factor]
    if len(points) < MIN_DAYS:
        sentence = (
            f"{NOT_ENOUGH}: {spec.label.lower()} is recorded on {len(points)} of the "
            f"{MIN_DAYS} days needed before a comparison means anything."
        )
        return FactorView(factor, points, False, sentence)
    return FactorView(factor, points, True, _split_sentence(spec.label.lower(), spec.unit, points))


def _split_sentence(name: str, unit: str, points: Sequence[tuple[float, int]]) -> str:
    middle = median(value for value, _ in points)
    high = [count for value, count in points if value > middle]
    low = [count for value, count in points if value <= middle]
    if not high:
        return f"Your {name} was the same on every recorded day, so there is nothing to compare."
    return (
        f"On days with more than {middle:g} {unit} of {name} you logged {mean(high):.1f} "
        f"episodes a day on average ({len(high)} days); on the other days {mean(low):.1f} "
        f"({len(low)} days). {ASSOCIATION_NOTE}"
    )


@dataclass(frozen=True)
class ExperimentResult:
    """Baseline against changed days: the difference in mean daily episodes, with its 95% CI."""

    baseline_days: int
    changed_days: int
    baseline_mean: float
    changed_mean: float
    low: float
    high: float
    ready: bool
    sentence: str

    @property
    def difference(self) -> float:
        return self.changed_mean - self.baseline_mean


def experiment_result(
    experiment: Experiment, episodes: Sequence[Episode], days: Sequence[DayContext]
) -> ExperimentResult:
    """Compare recorded days before ``change_start`` with recorded days of the change.

    The interval is Welch's t interval for a difference of two means (no equal-variance
    assumption: a change often alters how much the count varies, not only its level).
    """
    recorded = recorded_days(episodes, days)
    per_day = episodes_by_day(episodes)
    before = [
        per_day[d] for d in recorded if experiment.baseline_start <= d < experiment.change_start
    ]
    during = [
        per_day[d] for d in recorded if experiment.change_start <= d <= experiment.change_end
    ]
    need = MIN_EXPERIMENT_DAYS
    if len(before) < need or len(during) < need:
        sentence = (
            f"{NOT_ENOUGH}: {len(before)} baseline and {len(during)} changed days are recorded; "
            f"the comparison needs at least {need} of each."
        )
        return ExperimentResult(len(before), len(during), 0, 0, 0, 0, False, sentence)
    low, high = welch_interval(before, during)
    result = ExperimentResult(
        len(before), len(during), mean(before), mean(during), low, high, True, ""
    )
    return _with_sentence(result, FACTOR_SPECS[experiment.factor].label.lower())


def welch_interval(
    first: Sequence[float], second: Sequence[float], level: float = 0.95
) -> tuple[float, float]:
    """The ``level`` confidence interval for ``mean(second) - mean(first)``."""
    var1, var2 = variance(first) / len(first), variance(second) / len(second)
    spread = var1 + var2
    difference = mean(second) - mean(first)
    if spread == 0:
        return difference, difference
    freedom = spread**2 / (var1**2 / (len(first) - 1) + var2**2 / (len(second) - 1))
    margin = t_quantile(0.5 + level / 2, freedom) * math.sqrt(spread)
    return difference - margin, difference + margin


def _with_sentence(result: ExperimentResult, factor: str) -> ExperimentResult:
    change = result.difference
    direction = "fewer" if change < 0 else "more"
    said = (
        f"With the change in {factor} you logged {result.changed_mean:.1f} episodes a day on "
        f"average, against {result.baseline_mean:.1f} before: {abs(change):.1f} {direction} "
        f"a day. The 95% interval runs from {_signed(result.low)} to {_signed(result.high)}."
    )
    if result.high < 0:
        verdict = " The whole interval lies below no change, so a real drop is plausible."
    elif result.low > 0:
        verdict = " The whole interval lies above no change, so a real rise is plausible."
    else:
        verdict = (
            " The interval includes no change, so these days cannot tell a real difference "
            "from ordinary ups and downs."
        )
    caveat = (
        " This is education, not proof: one person, days that are not independent, and other "
        "things that changed at the same time can all move the count."
    )
    return replace(result, sentence=said + verdict + caveat)


def _signed(value: float) -> str:
    if abs(value) < 0.05:
        return "no change"
    return f"{abs(value):.1f} {'fewer' if value < 0 else 'more'}"
