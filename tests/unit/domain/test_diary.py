"""The diary's body map, entry checks and the statistics it is allowed to state."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

from app.domain.diary import (
    AREAS,
    REGIONS,
    DayContext,
    Episode,
    Experiment,
    Factor,
    Feel,
    Side,
    View,
    area,
    episode_problems,
    experiment_problems,
)
from app.domain.diary_stats import (
    MIN_DAYS,
    NOT_ENOUGH,
    counts_by_area,
    daily_counts,
    experiment_result,
    factor_view,
    welch_interval,
)
from app.domain.students_t import t_cdf, t_quantile

START = date(2026, 3, 1)


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _episodes(counts: list[int], first: date = START) -> list[Episode]:
    return [
        Episode(_at(first + timedelta(days=i), 8 + n), "left-piriformis", 10, 2, Feel.FLICKER)
        for i, count in enumerate(counts)
        for n in range(count)
    ]


def _path(outline: tuple[tuple[float, float], ...]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in outline]))
    path.closeSubpath()
    return path


def test_buttock_regions_tell_maximus_medius_and_piriformis_apart_without_overlap() -> None:
    """The three buttock regions exist on both sides and no two regions of a figure overlap."""
    for side in Side:
        for region in ("gluteus-maximus", "gluteus-medius", "piriformis"):
            assert area(f"{side}-{region}") is not None
    for view in View:
        shapes = [(a.id, _path(a.outline())) for a in AREAS if a.view is view]
        for index, (first_id, first) in enumerate(shapes):
            for second_id, second in shapes[index + 1 :]:
                overlap = first.intersected(second).boundingRect()
                assert overlap.width() * overlap.height() < 0.5, (first_id, second_id)


def test_left_is_the_viewers_left_on_the_back_and_the_viewers_right_on_the_front() -> None:
    """Seen from behind, the person's left buttock is drawn on the viewer's left half."""
    left_glute = area("left-gluteus-maximus")
    left_thigh = area("left-front-of-thigh")
    assert left_glute is not None
    assert left_thigh is not None
    assert max(x for x, _ in left_glute.outline()) <= 50
    assert min(x for x, _ in left_thigh.outline()) >= 50


def test_piriformis_band_sits_between_medius_above_and_the_lower_maximus() -> None:
    """Medius is the upper outer part; the piriformis band crosses the middle of the buttock."""
    regions = {region.id: region for region in REGIONS}

    def middle_y(region_id: str) -> float:
        ys = [y for _, y in regions[region_id].outline]
        return sum(ys) / len(ys)

    assert middle_y("gluteus-medius") < middle_y("piriformis") < middle_y("gluteus-maximus")


def test_episode_checks_name_each_problem() -> None:
    """An unknown area, zero duration, strength 6 and a naive time are each refused."""
    bad = Episode(datetime(2026, 3, 1, 9), "left-elbow", 0, 6, Feel.THUMP)
    problems = " ".join(episode_problems(bad))
    for word in ("area", "duration", "strength", "offset"):
        assert word in problems
    assert episode_problems(Episode(_at(START), "right-calf", 30, 3, Feel.RIPPLE)) == []


def test_experiment_needs_seven_days_each_side() -> None:
    """Six baseline days are refused; seven and seven are accepted."""
    short = Experiment(
        Factor.CAFFEINE, "", START, START + timedelta(days=6), START + timedelta(days=13)
    )
    ok = Experiment(
        Factor.CAFFEINE, "", START, START + timedelta(days=7), START + timedelta(days=13)
    )
    assert experiment_problems(short)
    assert not experiment_problems(ok)


def test_daily_counts_and_areas() -> None:
    """Counts per day fill missing days with zero; areas are ranked by count."""
    episodes = _episodes([2, 0, 1])
    episodes.append(Episode(_at(START), "right-calf", 5, 1, Feel.CRAMP_LIKE))
    assert daily_counts(episodes, START + timedelta(days=2), 4) == [
        (START - timedelta(days=1), 0),
        (START, 3),
        (START + timedelta(days=1), 0),
        (START + timedelta(days=2), 1),
    ]
    assert counts_by_area(episodes) == [
        ("Left middle of the buttock, deep (piriformis area)", 3),
        ("Right calf", 1),
    ]


def test_factor_comparison_waits_for_fourteen_recorded_days() -> None:
    """Thirteen days of caffeine say 'not enough data yet'; fourteen give a comparison."""
    days = [DayContext(START + timedelta(days=i), ((Factor.CAFFEINE, i % 4),)) for i in range(13)]
    episodes = _episodes([i % 4 for i in range(14)])
    early = factor_view(Factor.CAFFEINE, episodes, days)
    assert not early.enough
    assert early.sentence.startswith(NOT_ENOUGH)
    days.append(DayContext(START + timedelta(days=13), ((Factor.CAFFEINE, 1),)))
    view = factor_view(Factor.CAFFEINE, episodes, days)
    assert view.enough
    assert len(view.points) == MIN_DAYS
    # values 0,1,2,3,0,1,2,3,0,1,2,3,0,1 (episodes = value): median 1, so six days of 2-3
    # cups average 2.5 episodes and eight days of 0-1 average 0.5
    assert "more than 1 cups" in view.sentence
    assert "2.5 episodes" in view.sentence
    assert "(6 days); on the other days 0.5 (8 days)" in view.sentence
    assert "not proof" in view.sentence


def test_t_quantiles_match_printed_tables() -> None:
    """Two-sided 95% critical values from a printed t table, and the CDF's symmetry."""
    for freedom, printed in ((1, 12.706), (4, 2.776), (9, 2.262), (20, 2.086), (60, 2.000)):
        assert t_quantile(0.975, freedom) == pytest.approx(printed, abs=5e-4)
    assert t_cdf(0.0, 3.5) == pytest.approx(0.5)
    assert t_cdf(-1.3, 8) == pytest.approx(1 - t_cdf(1.3, 8))


def test_welch_interval_by_hand() -> None:
    """Baseline 1..7 and changed 3..9: difference 2; each sample variance 14/3, so the
    standard error is sqrt(2 * (14/3) / 7) = sqrt(4/3), with 12 degrees of freedom."""
    low, high = welch_interval([1, 2, 3, 4, 5, 6, 7], [3, 4, 5, 6, 7, 8, 9])
    margin = 2.1788 * (4 / 3) ** 0.5  # t(0.975, 12) = 2.1788
    assert low == pytest.approx(2 - margin, abs=1e-3)
    assert high == pytest.approx(2 + margin, abs=1e-3)


def test_experiment_result_in_words() -> None:
    """Seven days at 4-6 episodes then seven at 0-2: a drop whose interval excludes zero."""
    change = START + timedelta(days=7)
    plan = Experiment(Factor.CAFFEINE, "no coffee", START, change, change + timedelta(days=6))
    episodes = _episodes([4, 5, 6, 5, 4, 6, 5, 1, 0, 2, 1, 0, 1, 2])
    days = [DayContext(START + timedelta(days=i)) for i in range(14)]  # zero days are recorded
    result = experiment_result(plan, episodes, days)
    assert result.ready
    assert result.baseline_mean == 5
    assert result.changed_mean == 1
    assert result.high < 0
    assert "4.0 fewer a day" in result.sentence
    assert "real drop is plausible" in result.sentence
    assert "not proof" in result.sentence


def test_experiment_does_not_count_unrecorded_days_as_zero() -> None:
    """Days with nothing logged are unknown: six recorded changed days are not enough."""
    change = START + timedelta(days=7)
    plan = Experiment(Factor.SLEEP, "", START, change, change + timedelta(days=6))
    episodes = _episodes([3] * 7 + [1] * 6)  # the last changed day has no entry at all
    result = experiment_result(plan, episodes, [])
    assert not result.ready
    assert result.changed_days == 6
    assert result.sentence.startswith(NOT_ENOUGH)


def test_experiment_with_overlapping_interval_says_it_cannot_tell() -> None:
    """Noisy days with a small shift: the interval includes no change, and says so."""
    change = START + timedelta(days=7)
    plan = Experiment(Factor.STRESS, "", START, change, change + timedelta(days=6))
    episodes = _episodes([1, 5, 2, 6, 0, 4, 3, 2, 4, 1, 5, 3, 0, 4])
    days = [DayContext(START + timedelta(days=i)) for i in range(14)]
    result = experiment_result(plan, episodes, days)
    assert result.ready
    assert result.low < 0 < result.high
    assert "cannot tell a real difference" in result.sentence
