"""The self-check is reachable from every lesson, the diary, Home and the kiosk; ``check:`` and
``diary:`` links open the right page and view through the window's one link router."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.content import Content
from app.domain.kiosk import KioskPolicy
from app.main import build_window
from app.services.clock import FakeClock
from app.services.resources import Resources
from app.ui.check.page import CheckPage
from app.ui.context import PageContext
from app.ui.diary.page import DiaryPage
from app.ui.home.page import HomePage
from app.ui.lessons.document import lesson_html
from app.ui.main_window import MainWindow
from app.ui.pages import PAGES
from tests.helpers.navigator import RecordingNavigator


@pytest.fixture
def window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, resources: Resources
) -> Iterator[MainWindow]:
    args = argparse.Namespace(data=tmp_path, content=None, kiosk=False, screenshot=None)
    built, _, handle = build_window(qapp, args, resources, FakeClock())
    qtbot.addWidget(built)
    yield built
    handle.store.close()


def test_every_lesson_links_the_self_check(shipped_content: Content) -> None:
    """The footer of every lesson carries a check:start link."""
    for lesson in shipped_content.lessons.values():
        assert 'href="check:start"' in lesson_html(lesson, "", "", (1, 1), "")


def test_home_offers_the_self_check(
    qtbot: QtBot, page_context: PageContext, navigator: RecordingNavigator
) -> None:
    home = HomePage(page_context, PAGES)
    qtbot.addWidget(home)
    qtbot.mouseClick(home.check_button, Qt.MouseButton.LeftButton)
    assert navigator.links == ["check:start"]


def test_a_kiosk_offers_the_check_but_not_the_diary_unless_enabled() -> None:
    policy = KioskPolicy()
    assert "check" in policy.pages
    assert "diary" not in policy.pages
    assert "diary" in policy.with_pages(("diary", "check")).pages


def test_check_and_diary_links_open_their_pages(window: MainWindow) -> None:
    """check:start opens the self-check at its start; diary:charts opens the charts tab."""
    window.open_link("check:start")
    assert window.current_key == "check"
    assert isinstance(window.page("check"), CheckPage)
    window.open_link("diary:charts")
    diary = window.page("diary")
    assert window.current_key == "diary"
    assert isinstance(diary, DiaryPage)
    assert diary.tabs.tabText(diary.tabs.currentIndex()) == "Charts"


def test_a_disabled_diary_is_not_opened(window: MainWindow) -> None:
    window.set_enabled_pages({"home", "check"})
    window.open_link("diary:log")
    assert window.current_key != "diary"
    window.open_link("check:start")
    assert window.current_key == "check"


def test_home_counts_diary_episodes_as_they_are_logged(
    qtbot: QtBot, page_context: PageContext
) -> None:
    """The Diary card follows Diary.changed: no re-visit needed."""
    from app.domain.diary import Episode, Feel

    home = HomePage(page_context, PAGES)
    qtbot.addWidget(home)
    assert home.stat_text("diary") == "Nothing logged yet"
    now = page_context.clock.now()
    page_context.diary.save_episode(Episode(now, "left-piriformis", 5, 2, Feel.FLICKER))
    assert home.stat_text("diary") == "1 episode logged"
