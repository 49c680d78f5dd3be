"""The admin-PIN lockout when the data folder fails: full, read-only, or holding a damaged
record. A failing disk may keep entry locked, never unlock it, and never block the right PIN.

The folders are real tmpfs mounts (root ignores file modes, so only a mount is honestly
read-only or full); without the right to mount, these tests are skipped with a message.
"""

from __future__ import annotations

import argparse
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from app.domain.kiosk import FIRST_LOCKOUT, MAX_LOCKOUT, KioskPolicy
from app.main import build_kiosk
from app.services.clock import FakeClock
from app.services.kiosk_admin import hash_pin
from app.services.resources import Resources
from app.ui.kiosk.controller import KioskController

PIN = "2468"
LOCKOUT_NAME = "kiosk-lockout.json"


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


def _mount(folder: Path, options: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}); needs root")


@pytest.fixture
def full_folder(tmp_path: Path) -> Iterator[Path]:
    """A data folder on a 64 KiB file system that is filled to the last byte."""
    folder = tmp_path / "full"
    _mount(folder, "size=64k")
    try:
        with (folder / "filler").open("wb") as stream:
            while True:
                stream.write(b"x" * 4096)
                stream.flush()
    except OSError:
        pass
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A data folder on a read-only file system (as a write-protected share would be)."""
    folder = tmp_path / "ro"
    _mount(folder, "size=64k")
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def _kiosk(
    qtbot: QtBot, qapp: QApplication, resources: Resources, data: Path, pin_hash: str
) -> tuple[KioskController, FakeClock]:
    clock = FakeClock()
    args = argparse.Namespace(data=data, content=None, kiosk=True, screenshot=None)
    policy = KioskPolicy(admin_pin_hash=pin_hash)
    controller, _ = build_kiosk(qapp, args, resources, clock, policy)
    qtbot.addWidget(controller.window)
    controller.start(fullscreen=False)
    qtbot.waitExposed(controller.window)
    return controller, clock


def _enter_pin(qtbot: QtBot, controller: KioskController, pin: str) -> None:
    """Open the PIN pad with the corner taps if needed, then type ``pin`` and OK.

    A pad still showing an ended lockout is cancelled and opened afresh, as a person would.
    """
    buttons = {b.text(): b for b in controller.pin_pad.findChildren(QAbstractButton)}
    if controller.pin_pad.isVisible() and not buttons["OK"].isEnabled():
        qtbot.mouseClick(buttons["Cancel"], Qt.MouseButton.LeftButton)
    if not controller.pin_pad.isVisible():
        centre = controller.corner.corner_rect().center()
        for _ in range(controller.corner.taps):
            handle = controller.window.windowHandle()
            qtbot.mouseClick(handle, Qt.MouseButton.LeftButton, pos=centre)
    for digit in pin:
        qtbot.mouseClick(buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["OK"], Qt.MouseButton.LeftButton)


def test_full_disk_still_counts_wrong_pins_and_lets_the_right_one_in(
    qtbot: QtBot, qapp: QApplication, resources: Resources, full_folder: Path, pin_hash: str
) -> None:
    controller, clock = _kiosk(qtbot, qapp, resources, full_folder, pin_hash)
    for _ in range(20):
        _enter_pin(qtbot, controller, "1111")
        assert not controller.admin.isVisible()
    assert "Try again in" in controller.pin_pad.message
    assert "could not be saved" in controller.pin_pad.message
    _enter_pin(qtbot, controller, PIN)
    assert not controller.admin.isVisible()  # locked means locked, even for the right PIN
    clock.advance(MAX_LOCKOUT.total_seconds() + 1)
    _enter_pin(qtbot, controller, PIN)
    assert controller.admin.isVisible()
    controller.shutdown()


def test_read_only_folder_never_raises_and_the_right_pin_gets_in(
    qtbot: QtBot, qapp: QApplication, resources: Resources, read_only_folder: Path, pin_hash: str
) -> None:
    controller, _ = _kiosk(qtbot, qapp, resources, read_only_folder, pin_hash)
    _enter_pin(qtbot, controller, "1111")
    assert "not right" in controller.pin_pad.message
    assert "could not be saved" in controller.pin_pad.message
    _enter_pin(qtbot, controller, PIN)
    assert controller.admin.isVisible()
    assert not (read_only_folder / LOCKOUT_NAME).exists()
    controller.shutdown()


def test_damaged_record_locks_until_the_first_back_off_ends(
    qtbot: QtBot, qapp: QApplication, resources: Resources, tmp_path: Path, pin_hash: str
) -> None:
    (tmp_path / LOCKOUT_NAME).write_text('{"failures": 2, "locked_until": "soon"', "utf-8")
    controller, clock = _kiosk(qtbot, qapp, resources, tmp_path, pin_hash)
    _enter_pin(qtbot, controller, PIN)
    assert not controller.admin.isVisible()
    message = controller.pin_pad.message
    assert f"Try again in {int(FIRST_LOCKOUT.total_seconds())} s" in message
    assert "could not be read" in message
    clock.advance(FIRST_LOCKOUT.total_seconds())
    _enter_pin(qtbot, controller, PIN)
    assert controller.admin.isVisible()
    controller.shutdown()
