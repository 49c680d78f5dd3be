"""``--screenshot DIR``: render every page to PNG and exit (docs, review, CI artefacts)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from app.ui.main_window import MainWindow

if TYPE_CHECKING:
    from app.ui.kiosk.controller import KioskController

SIZE = (1280, 820)
#: How long a page may take to fill in after it shows, before the capture.
SETTLE_SECONDS = 0.25


def save_screenshots(
    window: MainWindow,
    folder: Path,
    *,
    size: tuple[int, int] | None = None,
    text_scale: float | None = None,
    check_layout: bool = False,
) -> int:
    """Show each page in turn and save ``NN-key.png``; also Home in high contrast.

    Args:
        size: the window size (default :data:`SIZE`).
        text_scale: the text size factor to render at.
        check_layout: print every clipped or overlapping control; return 1 if there are any.
    """
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(*(size or SIZE))
    if text_scale is not None:
        window.context.settings.font_scale = text_scale
    window.show()
    keys = window.page_keys()
    found = 0
    for number, key in enumerate(keys, start=1):
        window.show_page(key)
        _settle()
        window.grab().save(str(folder / f"{number:02d}-{key}.png"))
        if check_layout:
            found += _report_layout(window, key)
    settings = window.context.settings
    previous = settings.theme
    settings.theme = "high-contrast"
    window.show_page("home")
    _settle()
    window.grab().save(str(folder / f"{len(keys) + 1:02d}-home-high-contrast.png"))
    settings.theme = previous
    from app.ui.diary.screens import save_diary_screenshots

    save_diary_screenshots(window, folder)  # diary, diary-charts, check-<outcome>.png
    from app.ui.lab.screens import save_lab_screenshots

    save_lab_screenshots(window, folder)  # lab-<scenario>.png, lab-conduction.png
    print(f"saved {len(keys) + 1} screenshots in {folder}")
    return 1 if found else 0


def _report_layout(window: MainWindow, key: str) -> int:
    from app.ui.layout_audit import audit

    problems = audit(window)
    for problem in problems:
        print(f"{key}: {problem}")
    return len(problems)


def save_kiosk_screenshots(window: MainWindow, kiosk: KioskController, folder: Path) -> int:
    """The kiosk start screen and the idle warning, at a kiosk-like 1280 x 800."""
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(*SIZE)
    _settle()
    window.grab().save(str(folder / "kiosk-start.png"))
    kiosk.warning.show_seconds(kiosk.idle.warning_seconds)
    _settle()
    window.grab().save(str(folder / "kiosk-idle-warning.png"))
    kiosk.shutdown()
    print(f"saved 2 kiosk screenshots in {folder}")
    return 0


def _settle() -> None:
    """Let a page finish what it does after showing (Progress builds its charts one per
    event-loop turn) before it is captured."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        QApplication.processEvents()
