"""Kiosk mode: idle reset wipes the visit, escape routes are closed, the PIN is throttled."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.kiosk import FIRST_LOCKOUT, FREE_ATTEMPTS, KioskPolicy
from app.main import build_kiosk
from app.services.clock import FakeClock
from app.services.kiosk_admin import LockoutFile, hash_pin
from app.services.resources import Resources
from app.ui.kiosk.controller import KioskController
from app.ui.lessons.page import LessonsPage
from app.ui.main_window import MainWindow
from app.ui.progress.page import ProgressPage
from tests.helpers.window import answer_one_question_right

CANARY = "zebra-canary-4417"
PIN = "2468"


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


@pytest.fixture
def kiosk(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, resources: Resources, pin_hash: str
) -> Iterator[tuple[KioskController, MainWindow, FakeClock]]:
    clock = FakeClock()
    args = argparse.Namespace(data=tmp_path, content=None, kiosk=True, screenshot=None)
    policy = KioskPolicy(idle_seconds=60, warning_seconds=20, admin_pin_hash=pin_hash)
    controller, handle = build_kiosk(qapp, args, resources, clock, policy)
    window = controller.window
    window.setProperty("test_store_handle", handle)  # for _store_dump
    qtbot.addWidget(window)
    controller.start()
    qtbot.waitExposed(window)
    yield controller, window, clock
    controller.shutdown()


def _visible_texts() -> list[str]:
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
    return texts


def _store_dump(window: MainWindow) -> str:
    store = window.property("test_store_handle").store
    tables = [row[0] for row in store.query("SELECT name FROM sqlite_master WHERE type='table'")]
    return repr([store.query(f"SELECT * FROM {name}") for name in tables])


def _visit_every_page_typing(qtbot: QtBot, window: MainWindow) -> int:
    """Visitor A opens every page, types the canary into every text field and copies it."""
    typed = 0
    for key in window.page_keys():
        window.show_page(key)
        page = window.page(key)
        if isinstance(page, LessonsPage) and page.list_button.isVisibleTo(window):
            # A narrow kiosk screen shows the lesson list (and its search) on demand.
            qtbot.mouseClick(page.list_button, Qt.MouseButton.LeftButton)
        for field in page.findChildren(QLineEdit):
            if field.isVisibleTo(window) and not field.isReadOnly():
                qtbot.keyClicks(field, CANARY)
                typed += 1
    QApplication.clipboard().setText(CANARY)
    context = window.context
    context.settings.font_scale = 2.0
    body = {
        "id": f"my-{CANARY}",
        "name": CANARY,
        "summary": CANARY,
        "steps": [{"stretch": "childs-pose", "hold": 30}],
    }
    routine, problems = context.stretch_history.save_routine(
        body, context.content.stretches, context.clock.now()
    )
    assert routine is not None, problems
    return typed


def test_starts_fullscreen_on_the_attract_screen(
    kiosk: tuple[KioskController, MainWindow, FakeClock],
) -> None:
    controller, window, _ = kiosk
    assert window.isFullScreen()
    assert window.centralWidget() is not None
    assert controller.attract.isVisibleTo(window)
    assert window.property("test_store_handle").store.path is None  # never touches the disk


def test_no_tile_wears_the_focus_ring_until_a_key_is_pressed(
    qtbot: QtBot, kiosk: tuple[KioskController, MainWindow, FakeClock]
) -> None:
    """A touch visitor sees no tile singled out; a keyboard user still tabs onto the first."""
    controller, window, _ = kiosk
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is controller.attract)
    assert not any(tile.hasFocus() for tile in controller.attract.tiles)
    qtbot.keyClick(controller.attract, Qt.Key.Key_Tab)
    assert controller.attract.tiles[0].hasFocus()


def test_idle_warning_then_reset_wipes_the_visit(
    qtbot: QtBot, kiosk: tuple[KioskController, MainWindow, FakeClock]
) -> None:
    controller, window, clock = kiosk
    typed = _visit_every_page_typing(qtbot, window)
    assert typed >= 1
    assert any(CANARY in text for text in _visible_texts())
    controller.idle.touch()

    clock.advance(59)
    controller.idle.check()
    assert not controller.warning.isVisible()
    clock.advance(2)
    controller.idle.check()
    assert controller.warning.isVisible()
    assert "19 s" in controller.warning.text

    clock.advance(20)
    controller.idle.check()
    QApplication.processEvents()
    QApplication.processEvents()
    assert controller.resets == 1
    assert controller.attract.isVisibleTo(window)
    assert not controller.warning.isVisible()
    assert not any(CANARY in text for text in _visible_texts())
    assert CANARY not in (QApplication.clipboard().text() or "")
    assert CANARY not in _store_dump(window)
    assert window.context.settings.font_scale == 1.0


def test_touch_during_warning_keeps_the_visit(
    qtbot: QtBot, kiosk: tuple[KioskController, MainWindow, FakeClock]
) -> None:
    controller, window, clock = kiosk
    window.show_page("lessons")
    controller.idle.touch()
    clock.advance(65)
    controller.idle.check()
    assert controller.warning.isVisible()
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(400, 700))
    assert not controller.warning.isVisible()
    clock.advance(30)
    controller.idle.check()
    assert controller.resets == 0
    assert window.current_key == "lessons"


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_blocked_shortcuts_leave_the_window_fullscreen_and_open(
    qtbot: QtBot,
    kiosk: tuple[KioskController, MainWindow, FakeClock],
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
) -> None:
    controller, window, _ = kiosk
    before = controller.lockdown.blocked_count
    window.show_page("home")
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)
    assert controller.lockdown.blocked_count > before
    assert window.isVisible()
    assert window.isFullScreen()
    assert not window.close()  # a programmatic close is refused too


def test_no_context_menu_anywhere(kiosk: tuple[KioskController, MainWindow, FakeClock]) -> None:
    controller, window, _ = kiosk
    for key in window.page_keys():
        window.show_page(key)
    targets = [w for w in QApplication.allWidgets() if w.window() is window and w.isVisible()]
    before = controller.lockdown.blocked_count
    for widget in targets:
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse,
            QPoint(5, 5),
            widget.mapToGlobal(QPoint(5, 5)),
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)
    assert controller.lockdown.blocked_count - before == len(targets)
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert menus == []


def _tap_corner(qtbot: QtBot, controller: KioskController, window: QWidget) -> None:
    centre = controller.corner.corner_rect().center()
    for _ in range(controller.corner.taps):
        qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=centre)


def test_corner_taps_and_right_pin_open_the_admin_panel(
    qtbot: QtBot, kiosk: tuple[KioskController, MainWindow, FakeClock]
) -> None:
    controller, window, _ = kiosk
    _tap_corner(qtbot, controller, window)
    assert controller.pin_pad.isVisible()
    controller.pin_pad.pin_entered.emit(PIN)
    assert controller.admin.isVisible()
    assert not controller.pin_pad.isVisible()


def test_wrong_pins_lock_out_with_back_off_that_survives_restart(
    qtbot: QtBot,
    kiosk: tuple[KioskController, MainWindow, FakeClock],
    tmp_path: Path,
) -> None:
    controller, window, clock = kiosk
    _tap_corner(qtbot, controller, window)
    for _ in range(FREE_ATTEMPTS):
        controller.pin_pad.pin_entered.emit("0000")
    assert "Try again in 30 s" in controller.pin_pad.message
    controller.pin_pad.pin_entered.emit(PIN)  # even the right PIN is refused while locked
    assert not controller.admin.isVisible()

    stored = LockoutFile(tmp_path / "kiosk-lockout.json").read()  # a restart reads the same file
    assert stored.failures == FREE_ATTEMPTS
    assert stored.locked_until == clock.now() + FIRST_LOCKOUT

    clock.advance(FIRST_LOCKOUT.total_seconds() + 1)
    controller.pin_pad.pin_entered.emit("1111")
    assert "Try again in 60 s" in controller.pin_pad.message  # doubled
    clock.advance(timedelta(seconds=61).total_seconds())
    controller.pin_pad.pin_entered.emit(PIN)
    assert controller.admin.isVisible()
    assert LockoutFile(tmp_path / "kiosk-lockout.json").read().failures == 0


def test_pin_hash_never_holds_the_pin(pin_hash: str) -> None:
    assert PIN not in pin_hash
    assert pin_hash != hash_pin(PIN)  # salted: same PIN, different hash


def test_admin_exit_closes_the_window(
    kiosk: tuple[KioskController, MainWindow, FakeClock],
) -> None:
    controller, window, _ = kiosk
    controller.exit_kiosk()
    assert not window.isVisible()


def test_policy_pages_limit_the_rail_and_links(
    qtbot: QtBot, kiosk: tuple[KioskController, MainWindow, FakeClock]
) -> None:
    controller, window, _ = kiosk
    controller._apply(KioskPolicy().with_pages(("anatomy", "lessons")))
    window.open_link("stretch:glute-piriformis-release")
    assert window.current_key != "stretch"
    window.show_page("quiz")
    assert window.current_key != "quiz"


def test_store_is_sqlite_in_memory(kiosk: tuple[KioskController, MainWindow, FakeClock]) -> None:
    """The kiosk's database has no file behind it (SQLite reports an empty file name)."""
    _, window, _ = kiosk
    assert window.property("test_store_handle").store.query("PRAGMA database_list")[0][2] == ""


def test_progress_shows_the_visitors_own_answers_until_the_reset(
    kiosk: tuple[KioskController, MainWindow, FakeClock],
) -> None:
    """A visitor's answer is on their Progress page at once; the next visitor's is empty."""
    controller, window, _ = kiosk
    window.show_page("progress")
    progress = window.page("progress")
    assert isinstance(progress, ProgressPage)
    assert progress.accuracy.showing_empty
    answer_one_question_right(window)
    window.show_page("progress")
    assert not progress.accuracy.showing_empty
    assert progress.totals.text().startswith("1 answer so far")
    controller.reset_visit()
    window.show_page("progress")
    assert progress.accuracy.showing_empty
