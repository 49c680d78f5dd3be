"""The twitch diary's values: where on the body, episodes, daily context, medicines, trials.

Body areas are drawn on a front and a back figure. Coordinates are in a 100 x 220 box per
figure, drawn as the viewer sees it. On the back figure the person's left is on the viewer's
left; on the front figure it is on the viewer's right, so the same region is mirrored.
The buttock is split as the muscles lie under the skin: gluteus medius in the upper outer
quarter (below the iliac crest), a band across the middle where piriformis runs deep from the
sacrum to the greater trochanter, and gluteus maximus over the rest, down to the buttock crease.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

Point = tuple[float, float]

FIGURE_WIDTH = 100.0
FIGURE_HEIGHT = 220.0


class View(StrEnum):
    FRONT = "front"
    BACK = "back"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Region:
    """A part of one body half, outlined as seen on the viewer's left half of the figure."""

    id: str
    label: str
    view: View
    outline: tuple[Point, ...]


# Outlines of the viewer's left half; the other half is the mirror image (x -> 100 - x).
REGIONS: tuple[Region, ...] = (
    Region("face", "face and eyelid", View.FRONT, ((41, 6), (50, 6), (50, 24), (42, 22))),
    Region("chest", "chest", View.FRONT, ((30, 30), (50, 30), (50, 62), (32, 62))),
    Region("abdomen", "belly", View.FRONT, ((32, 62), (50, 62), (50, 98), (33, 98))),
    Region(
        "front-of-arm", "front of the arm", View.FRONT, ((17, 33), (28, 31), (28, 110), (18, 110))
    ),
    Region(
        "hip-groin",
        "front of the hip and groin",
        View.FRONT,
        ((33, 98), (50, 98), (49, 122), (33, 122)),
    ),
    Region(
        "front-of-thigh",
        "front of the thigh",
        View.FRONT,
        ((33, 122), (49, 122), (48, 170), (35, 170)),
    ),
    Region("shin", "shin", View.FRONT, ((35, 170), (48, 170), (47, 205), (37, 205))),
    Region("foot", "foot", View.FRONT, ((36, 205), (47, 205), (49, 216), (33, 216))),
    Region("upper-back", "upper back", View.BACK, ((30, 30), (50, 30), (50, 78), (32, 78))),
    Region("lower-back", "lower back", View.BACK, ((32, 78), (50, 78), (50, 98), (33, 98))),
    Region(
        "back-of-arm", "back of the arm", View.BACK, ((17, 33), (28, 31), (28, 110), (18, 110))
    ),
    Region(
        "gluteus-medius",
        "upper outer buttock (gluteus medius area)",
        View.BACK,
        ((33, 98), (46, 98), (42, 107), (33, 107)),
    ),
    Region(
        "piriformis",
        "middle of the buttock, deep (piriformis area)",
        View.BACK,
        ((33, 107), (42, 107), (49, 104), (49, 110), (33, 114)),
    ),
    Region(
        "gluteus-maximus",
        "buttock (gluteus maximus area)",
        View.BACK,
        ((46, 98), (50, 98), (50, 128), (33, 128), (33, 114), (49, 110), (49, 104), (42, 107)),
    ),
    Region(
        "back-of-thigh",
        "back of the thigh",
        View.BACK,
        ((33, 128), (49, 128), (48, 170), (35, 170)),
    ),
    Region("calf", "calf", View.BACK, ((35, 170), (48, 170), (47, 205), (37, 205))),
)
_REGIONS = {region.id: region for region in REGIONS}


@dataclass(frozen=True)
class BodyArea:
    """One region on one side: what an episode is logged against (``left-piriformis``)."""

    side: Side
    region: Region

    @property
    def id(self) -> str:
        return f"{self.side}-{self.region.id}"

    @property
    def label(self) -> str:
        return f"{self.side.value.capitalize()} {self.region.label}"

    @property
    def view(self) -> View:
        return self.region.view

    def outline(self) -> tuple[Point, ...]:
        """The outline as drawn on its figure (mirrored where the side is on the right)."""
        mirrored = (self.side is Side.LEFT) == (self.region.view is View.FRONT)
        if not mirrored:
            return self.region.outline
        return tuple((FIGURE_WIDTH - x, y) for x, y in self.region.outline)


AREAS: tuple[BodyArea, ...] = tuple(
    BodyArea(side, region) for region in REGIONS for side in (Side.LEFT, Side.RIGHT)
)
_AREAS = {area.id: area for area in AREAS}
BUTTOCK_REGIONS = frozenset({"gluteus-maximus", "gluteus-medius", "piriformis"})


def area(area_id: str) -> BodyArea | None:
    return _AREAS.get(area_id)


def short_area_label(area_id: str) -> str:
    """A few words for a chart axis (``Left piriformis``)."""
    found = _AREAS.get(area_id)
    if found is None:
        return area_id
    return f"{found.side.value.capitalize()} {found.region.id.replace('-', ' ')}"


def area_label(area_id: str) -> str:
    """A readable name for a stored area id (the id itself if it is no longer known)."""
    found = _AREAS.get(area_id)
    return found.label if found is not None else area_id


class Feel(StrEnum):
    """What a twitch felt like, in the words people use for it."""

    FLICKER = "flicker"
    RIPPLE = "ripple"
    THUMP = "thump"
    CRAMP_LIKE = "cramp-like"


MIN_INTENSITY, MAX_INTENSITY = 1, 5
MAX_DURATION_SECONDS = 24 * 3600
MAX_NOTE = 500


@dataclass(frozen=True)
class Episode:
    """One twitching episode. ``id`` is ``None`` until it is stored."""

    started_at: datetime
    area: str
    duration_seconds: int
    intensity: int
    feel: Feel
    note: str = ""
    id: int | None = None


def episode_problems(episode: Episode) -> list[str]:
    """What is wrong with an episode before it may be stored (empty when it is fine)."""
    problems = []
    if episode.area not in _AREAS:
        problems.append(f"unknown body area {episode.area!r}")
    if not 0 < episode.duration_seconds <= MAX_DURATION_SECONDS:
        problems.append("the duration must be between 1 second and 24 hours")
    if not MIN_INTENSITY <= episode.intensity <= MAX_INTENSITY:
        problems.append(f"strength must be {MIN_INTENSITY} to {MAX_INTENSITY}")
    if episode.started_at.tzinfo is None:
        problems.append("the time must carry its UTC offset")
    if len(episode.note) > MAX_NOTE:
        problems.append(f"the note is longer than {MAX_NOTE} characters")
    return problems


class Factor(StrEnum):
    """Daily context a person may record; each one is optional on any day."""

    CAFFEINE = "caffeine"
    SLEEP = "sleep"
    EXERCISE = "exercise"
    STRESS = "stress"
    FLUIDS = "fluids"
    ALCOHOL = "alcohol"


@dataclass(frozen=True)
class FactorSpec:
    factor: Factor
    label: str
    unit: str
    minimum: float
    maximum: float
    step: float


FACTORS: tuple[FactorSpec, ...] = (
    FactorSpec(Factor.CAFFEINE, "Caffeine", "cups", 0, 20, 1),
    FactorSpec(Factor.SLEEP, "Sleep", "hours", 0, 16, 0.5),
    FactorSpec(Factor.EXERCISE, "Exercise", "minutes", 0, 600, 5),
    FactorSpec(Factor.STRESS, "Stress", "out of 10", 0, 10, 1),
    FactorSpec(Factor.FLUIDS, "Fluids", "litres", 0, 8, 0.25),
    FactorSpec(Factor.ALCOHOL, "Alcohol", "units", 0, 40, 1),
)
FACTOR_SPECS = {spec.factor: spec for spec in FACTORS}


@dataclass(frozen=True)
class DayContext:
    """What else happened on one day; a factor left out is unknown, not zero."""

    day: date
    values: tuple[tuple[Factor, float], ...] = ()
    note: str = ""

    def value(self, factor: Factor) -> float | None:
        return dict(self.values).get(factor)


def day_problems(context: DayContext) -> list[str]:
    problems = []
    for factor, value in context.values:
        spec = FACTOR_SPECS[factor]
        if not spec.minimum <= value <= spec.maximum:
            problems.append(f"{spec.label.lower()} must be {spec.minimum:g} to {spec.maximum:g}")
    if len(context.note) > MAX_NOTE:
        problems.append(f"the note is longer than {MAX_NOTE} characters")
    return problems


@dataclass(frozen=True)
class Medicine:
    """A medicine or supplement on the person's own list (new ones matter to a doctor)."""

    name: str
    dose: str = ""
    started_on: date | None = None
    stopped_on: date | None = None
    id: int | None = None


def medicine_problems(medicine: Medicine) -> list[str]:
    problems = []
    if not medicine.name.strip():
        problems.append("a medicine needs a name")
    if len(medicine.name) > 120 or len(medicine.dose) > 120:
        problems.append("name and dose are at most 120 characters each")
    started, stopped = medicine.started_on, medicine.stopped_on
    if started is not None and stopped is not None and stopped < started:
        problems.append("a medicine cannot stop before it started")
    return problems


@dataclass(frozen=True)
class Experiment:
    """A self-experiment: baseline days, then days with one factor changed on purpose."""

    factor: Factor
    plan: str
    baseline_start: date
    change_start: date
    change_end: date
    id: int | None = None


MIN_EXPERIMENT_DAYS = 7


def experiment_problems(experiment: Experiment) -> list[str]:
    problems = []
    baseline = (experiment.change_start - experiment.baseline_start).days
    changed = (experiment.change_end - experiment.change_start).days + 1
    if baseline < MIN_EXPERIMENT_DAYS:
        problems.append(f"plan at least {MIN_EXPERIMENT_DAYS} baseline days before the change")
    if changed < MIN_EXPERIMENT_DAYS:
        problems.append(f"plan at least {MIN_EXPERIMENT_DAYS} days with the change")
    if len(experiment.plan) > MAX_NOTE:
        problems.append(f"the plan is longer than {MAX_NOTE} characters")
    return problems
