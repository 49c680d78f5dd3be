"""Kiosk visits as visitors make them: nothing freezes a visit, a reset leaves nothing behind,
a playing routine is not idleness, dialogs stay inside the window, touch-only typing works,
and the start screen fits every screen shape."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.domain.kiosk import KioskPolicy
from app.main import build_kiosk
from app.services.clock import FakeClock
from app.services.kiosk_admin import hash_pin
from app.services.resources import Resources
from app.ui.kiosk.controller import KioskController

CANARY = "zebracanary"
PIN = "2468"
IDLE, WARNING = 60, 20


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


@pytest.fixture
def kiosk(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, resources: Resources, pin_hash: str
) -> Iterator[tuple[KioskController, FakeClock]]:
    clock = FakeClock()
    args = argparse.Namespace(data=tmp_path, content=None, kiosk=True, screenshot=None)
    policy = KioskPolicy(idle_seconds=IDLE, warning_seconds=WARNING, admin_pin_hash=pin_hash)
    controller, _ = build_kiosk(qapp, args, resources, clock, policy)
    qtbot.addWidget(controller.window)
    controller.start()
    qtbot.waitExposed(controller.window)
    # The offscreen screen is 800 px wide, where Lessons folds its list away; these tests are
    # about visits, so the window gets a kiosk-like size (fullscreen is tested end to end).
    _set_size(qtbot, controller, QSize(1280, 800))
    yield controller, clock
    controller.shutdown()


def _set_size(qtbot: QtBot, controller: KioskController, size: QSize) -> None:
    controller.screen.stop()
    controller.window.showNormal()
    controller.window.resize(size)
    qtbot.waitUntil(lambda: controller.window.size() == size)
    QApplication.processEvents()


def _wait_out(controller: KioskController, clock: FakeClock, seconds: int) -> None:
    """Nobody touches the screen for ``seconds`` (the monitor's timer looks every second)."""
    for _ in range(seconds):
        clock.advance(1)
        controller.idle.check()


def _tap_corner(qtbot: QtBot, controller: KioskController) -> None:
    centre = controller.corner.corner_rect().center()
    for _ in range(controller.corner.taps):
        qtbot.mouseClick(controller.window.windowHandle(), Qt.MouseButton.LeftButton, pos=centre)


def _pin_field(controller: KioskController) -> QLineEdit:
    (field,) = controller.pin_pad.findChildren(QLineEdit)
    return field


def _click_button(qtbot: QtBot, root: QWidget, text: str) -> None:
    found = root.findChildren(QAbstractButton)
    matches = [b for b in found if b.text() == text and b.isVisible()]
    assert matches, f"no visible button {text!r}"
    qtbot.mouseClick(matches[0], Qt.MouseButton.LeftButton)


def _search_box(controller: KioskController, key: str) -> QLineEdit:
    controller.window.show_page(key)
    page = controller.window.page(key)
    boxes = [f for f in page.findChildren(QLineEdit) if f.isVisible() and not f.isReadOnly()]
    assert boxes, f"{key} has no search box"
    return boxes[0]


def test_an_open_pin_pad_does_not_stop_the_reset(
    qtbot: QtBot, kiosk: tuple[KioskController, FakeClock]
) -> None:
    """A PIN pad left open closes at the warning, the reset follows, and Cancel on the next
    PIN pad shows no digits of the previous visitor."""
    controller, clock = kiosk
    _tap_corner(qtbot, controller)
    assert controller.pin_pad.isVisible()
    _click_button(qtbot, controller.pin_pad, "1")
    _click_button(qtbot, controller.pin_pad, "3")
    _wait_out(controller, clock, IDLE)
    assert controller.warning.isVisible()
    assert not controller.pin_pad.isVisible()
    _wait_out(controller, clock, WARNING)
    assert controller.resets == 1

    _tap_corner(qtbot, controller)
    assert _pin_field(controller).text() == ""
    _pin_field(controller).undo()
    assert _pin_field(controller).text() == ""
    _click_button(qtbot, controller.pin_pad, "Cancel")
    assert not controller.pin_pad.isVisible()


def test_a_dialog_left_open_closes_at_the_warning(
    qtbot: QtBot, kiosk: tuple[KioskController, FakeClock]
) -> None:
    controller, clock = kiosk
    controller.window.show_page("lessons")
    controller.window.show_about()
    (about,) = [d for d in controller.window.findChildren(QDialog) if d.isVisible()]
    _wait_out(controller, clock, IDLE)
    assert not about.isVisible()
    assert controller.warning.isVisible()


def test_about_is_a_frameless_overlay_inside_the_window(
    qtbot: QtBot, kiosk: tuple[KioskController, FakeClock]
) -> None:
    controller, _ = kiosk
    controller.window.show_page("lessons")
    _click_button(qtbot, controller.window, "About")
    shown = [d for d in controller.window.findChildren(QDialog) if d.isVisible()]
    assert len(shown) == 1
    (about,) = shown
    assert not about.isWindow()  # no title bar, nothing to drag, minimise or lose
    assert controller.window.rect().contains(about.geometry())
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not any(isinstance(w, QDialog) for w in windows)


@pytest.mark.qt_log_ignore("PulseAudioService", "pipewire")  # no sound server here
def test_a_playing_routine_is_not_idleness(
    qtbot: QtBot, kiosk: tuple[KioskController, FakeClock]
) -> None:
    """A visitor following a routine untouched is neither warned nor reset; one paused and
    walked away from is reset like any idle visit (the pause tap starts the idle clock)."""
    controller, clock = kiosk
    window = controller.window
    window.open_link("stretch:desk-break")
    _click_button(qtbot, window.page("stretch"), "Start routine")
    assert window.busy
    _wait_out(controller, clock, IDLE + WARNING + 10)
    assert not controller.warning.isVisible()
    assert controller.resets == 0
    _click_button(qtbot, window.page("stretch"), "Pause")
    assert not window.busy
    _wait_out(controller, clock, IDLE - 1)
    assert controller.resets == 0
    _wait_out(controller, clock, 1 + WARNING + 1)
    assert controller.resets == 1
    assert not window.busy


def test_undo_after_a_reset_brings_nothing_back(
    qtbot: QtBot, kiosk: tuple[KioskController, FakeClock]
) -> None:
    """Ctrl+Z in the search boxes, the clipboard and the selection are empty after a reset."""
    controller, clock = kiosk
    for key in ("lessons", "anatomy"):
        box = _search_box(controller, key)
        qtbot.keyClicks(box, CANARY)
        box.selectAll()
    QApplication.clipboard().setText(CANARY)
    _wait_out(controller, clock, IDLE + WARNING)
    assert controller.resets == 1
    for key in ("lessons", "anatomy"):
        box = _search_box(controller, key)
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert CANARY not in box.text()
        assert not box.isUndoAvailable()
    clipboard = QApplication.clipboard()
    assert CANARY not in clipboard.text(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        assert CANARY not in clipboard.text(QClipboard.Mode.Selection)


def test_touch_keyboard_types_into_a_search_box_and_hides_at_reset(
    qtbot: QtBot, kiosk: tuple[KioskController, FakeClock]
) -> None:
    controller, clock = kiosk
    box = _search_box(controller, "lessons")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    keyboard = controller.keyboard
    assert keyboard.isVisible()
    for char in "glu":
        _click_button(qtbot, keyboard, char)
    _click_button(qtbot, keyboard, "Space")
    _click_button(qtbot, keyboard, "⌫")
    assert box.text() == "glu"
    assert box.hasFocus()  # touching keys never takes the field's focus
    _click_button(qtbot, keyboard, "Done")
    assert not keyboard.isVisible()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert keyboard.isVisible()
    _wait_out(controller, clock, IDLE + WARNING)
    assert not keyboard.isVisible()
    assert box.text() == ""


def test_the_pin_field_uses_its_own_keypad(
    qtbot: QtBot, kiosk: tuple[KioskController, FakeClock]
) -> None:
    controller, _ = kiosk
    _tap_corner(qtbot, controller)
    qtbot.mouseClick(_pin_field(controller), Qt.MouseButton.LeftButton)
    assert not controller.keyboard.isVisible()


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600), (1920, 1080), (1080, 1920)])
def test_start_screen_tiles_never_overlap(
    qtbot: QtBot, kiosk: tuple[KioskController, FakeClock], size: tuple[int, int]
) -> None:
    controller, _ = kiosk
    window = controller.window
    _set_size(qtbot, controller, QSize(*size))
    rects = list(controller.attract.tile_rects().values())
    assert len(rects) >= 4
    for index, rect in enumerate(rects):
        assert window.geometry().contains(rect), (rect, window.geometry())
        for other in rects[index + 1 :]:
            assert not rect.intersects(other), (rect, other)
