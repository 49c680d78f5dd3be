"""Screenshots of the diary, its charts and each self-check outcome (``--screenshot``).

They are drawn over a sample diary in a store of their own, so rendering for docs never adds
to (or shows) anyone's real notes, whatever ``--data`` says.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QPushButton

from app.domain.diary import DayContext, Episode, Experiment, Factor, Feel, Medicine
from app.services.diary import Diary
from app.services.store import Store
from app.services.store_handle import StoreHandle
from app.ui.check.page import CheckPage
from app.ui.context import PageContext
from app.ui.diary.page import DiaryPage
from app.ui.main_window import MainWindow

_AREAS = ("left-piriformis", "left-gluteus-maximus", "left-gluteus-medius", "right-calf")
SCREEN_NAMES = ("diary", "diary-charts", "check-emergency", "check-soon", "check-self-care")


def sample_diary(now: datetime) -> Diary:
    """Four weeks of a plausible diary: more twitches on high-caffeine, short-sleep days."""
    diary = Diary(StoreHandle(Store.in_memory()))
    chance = random.Random(17)  # the same picture every time
    today = now.astimezone().date()
    for back in range(27, -1, -1):
        day = today - timedelta(days=back)
        cups = chance.choice((1, 2, 2, 3, 4, 5)) if back > 7 else chance.choice((0, 1, 1))
        sleep = chance.choice((5.5, 6, 7, 7.5, 8))
        factors = ((Factor.CAFFEINE, cups), (Factor.SLEEP, sleep), (Factor.STRESS, cups + 1))
        diary.save_day(DayContext(day, factors))
        for number in range(max(0, cups + round(8 - sleep) + chance.randint(-1, 1))):
            moment = now.astimezone().replace(day=day.day, month=day.month, year=day.year)
            moment = moment.replace(hour=8 + number % 12, minute=chance.randint(0, 59))
            feel = chance.choice(tuple(Feel))
            diary.save_episode(Episode(moment, chance.choice(_AREAS), 10, 2, feel))
    diary.save_medicine(Medicine("Salbutamol inhaler", "2 puffs as needed", today - timedelta(40)))
    change = today - timedelta(days=7)
    plan = "no coffee after noon"
    diary.save_experiment(Experiment(Factor.CAFFEINE, plan, change - timedelta(14), change, today))
    return diary


def save_diary_screenshots(window: MainWindow, folder: Path) -> int:
    """Save ``diary``, ``diary-charts`` and ``check-<outcome>`` PNGs; returns how many."""
    context = dataclasses.replace(window.context, diary=sample_diary(window.context.clock.now()))
    diary = DiaryPage(context)
    window.show_screen(diary, rail=True, rail_key="diary")
    _grab(window, folder, "diary")
    diary.show_view("charts")
    _grab(window, folder, "diary-charts")
    for name, presses in (
        ("check-emergency", ["yes"]),
        ("check-soon", ["no", "no", "no", "yes"]),
        ("check-self-care", ["no"] * 40),
    ):
        check = _answered_check(context, presses)
        window.show_screen(check, rail=True, rail_key="check")
        _grab(window, folder, name)
    return len(SCREEN_NAMES)


def _answered_check(context: PageContext, presses: list[str]) -> CheckPage:
    page = CheckPage(context)
    page.start_button.click()
    for press in presses:
        if page.result is not None:
            break
        answer: QPushButton = page.yes_button if press == "yes" else page.no_button
        answer.click()
    return page


def _grab(window: MainWindow, folder: Path, name: str) -> None:
    for _ in range(3):
        QApplication.processEvents()
    window.grab().save(str(folder / f"{name}.png"))
