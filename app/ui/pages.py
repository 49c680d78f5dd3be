"""The declarative list of pages. The main window builds each one on first visit; kiosk mode
filters the same list. Every page keeps the contract of :class:`app.ui.page.Page`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.links import LinkKind
from app.ui.context import PageContext
from app.ui.page import Page

PageFactory = Callable[[PageContext], Page]


@dataclass(frozen=True)
class PageSpec:
    """One page: what the rail shows, what Home says about it, and how to build it."""

    key: str
    title: str
    icon: str
    blurb: str
    factory: PageFactory
    link_kind: LinkKind | None = None


def _home(context: PageContext) -> Page:
    from app.ui.home.page import HomePage

    return HomePage(context, PAGES)


def _anatomy(context: PageContext) -> Page:
    from app.ui.anatomy.page import AnatomyPage

    return AnatomyPage(context)


def _lessons(context: PageContext) -> Page:
    from app.ui.lessons.page import LessonsPage

    return LessonsPage(context)


def _quiz(context: PageContext) -> Page:
    from app.ui.quiz.page import QuizPage

    return QuizPage(context)


def _stretch(context: PageContext) -> Page:
    from app.ui.stretch.page import StretchPage

    return StretchPage(context)


def _diary(context: PageContext) -> Page:
    from app.ui.diary.page import DiaryPage

    return DiaryPage(context)


def _check(context: PageContext) -> Page:
    from app.ui.check.page import CheckPage

    return CheckPage(context)


def _lab(context: PageContext) -> Page:
    from app.ui.lab.page import LabPage

    return LabPage(context)


def _progress(context: PageContext) -> Page:
    from app.ui.progress.page import ProgressPage

    return ProgressPage(context)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "Home", "home", "Start here and pick up where you left off.", _home),
    PageSpec(
        "anatomy",
        "Anatomy",
        "anatomy",
        "Peel back the layers of the buttock and tap any muscle or nerve for its card.",
        _anatomy,
        LinkKind.ANATOMY,
    ),
    PageSpec(
        "lessons",
        "Lessons",
        "lessons",
        "A short course on why glutes twitch, what helps, and when to see a doctor.",
        _lessons,
        LinkKind.LESSON,
    ),
    PageSpec(
        "quiz",
        "Quiz",
        "quiz",
        "Check what you know; questions you miss come back until they stick.",
        _quiz,
        LinkKind.QUIZ,
    ),
    PageSpec(
        "stretch",
        "Stretch",
        "stretch",
        "Guided routines with a big timer and spoken cues, so you can follow without looking.",
        _stretch,
        LinkKind.STRETCH,
    ),
    PageSpec(
        "progress",
        "Progress",
        "progress",
        "Your quiz accuracy, mastery per topic and stretch minutes over time.",
        _progress,
    ),
    PageSpec(
        "lab",
        "EMG lab",
        "lab",
        "Watch and hear simulated EMG, and measure a nerve's conduction speed yourself.",
        _lab,
        LinkKind.LAB,
    ),
    PageSpec(
        "diary",
        "Diary",
        "diary",
        "Log your own twitches on a body map, with sleep, caffeine and stress, for your doctor.",
        _diary,
        LinkKind.DIARY,
    ),
    PageSpec(
        "check",
        "Red flags",
        "check",
        "A one-minute check of the warning signs that mean a twitch needs a doctor.",
        _check,
        LinkKind.CHECK,
    ),
)


def page_for_link(kind: LinkKind) -> PageSpec:
    return next(spec for spec in PAGES if spec.link_kind is kind)
