"""The diary and self-check in a kiosk: the check works and keeps nothing past the visit; the
diary appears only when the policy lists it, offers no export, and forgets the visit."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.kiosk import KioskPolicy
from app.main import build_kiosk
from app.services.clock import FakeClock
from app.services.resources import Resources
from app.ui.check.page import CheckPage
from app.ui.diary.page import DiaryPage
from app.ui.kiosk.controller import KioskController


def _kiosk(
    qapp: QApplication, tmp_path: Path, resources: Resources, policy: KioskPolicy
) -> KioskController:
    args = argparse.Namespace(data=tmp_path, content=None, kiosk=True, screenshot=None)
    controller, _ = build_kiosk(qapp, args, resources, FakeClock(), policy)
    controller.start(fullscreen=False)
    return controller


@pytest.fixture
def with_diary(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, resources: Resources
) -> Iterator[KioskController]:
    controller = _kiosk(qapp, tmp_path, resources, KioskPolicy().with_pages(("diary", "check")))
    qtbot.addWidget(controller.window)
    yield controller
    controller.shutdown()


def test_default_kiosk_has_the_check_but_not_the_diary(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, resources: Resources
) -> None:
    controller = _kiosk(qapp, tmp_path, resources, KioskPolicy())
    window = controller.window
    qtbot.addWidget(window)
    window.open_link("diary:log")
    assert window.current_key != "diary"
    window.open_link("check:start")
    assert window.current_key == "check"
    controller.shutdown()


def test_a_visit_leaves_no_diary_entry_or_check_answer(
    qtbot: QtBot, with_diary: KioskController
) -> None:
    """Log an episode and answer the check; after the idle reset both are gone."""
    window = with_diary.window
    window.show_page("diary")
    diary = window.page("diary")
    assert isinstance(diary, DiaryPage)
    assert diary.pdf_button.isHidden()
    assert diary.csv_button.isHidden()
    form = diary.episode_form
    point = form.body_map.centre_of("left-piriformis").toPoint()
    qtbot.mouseClick(form.body_map, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    window.show_page("check")
    check = window.page("check")
    assert isinstance(check, CheckPage)
    qtbot.mouseClick(check.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.yes_button, Qt.MouseButton.LeftButton)
    services = window.context.diary
    assert len(services.episodes()) == 1
    assert services.latest_check() is not None
    with_diary.reset_visit()
    assert services.episodes() == []
    assert services.latest_check() is None
    assert diary.entries.list.count() == 0
    assert check.result is None
