"""The start-up warm-up: imports what first page visits need and runs its jobs, off the UI
thread."""

from __future__ import annotations

import importlib.util
import sys
import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from app.ui.pages import PAGES
from app.ui.warm_up import MODULES, start_warm_up


def test_the_warm_up_imports_its_modules_and_runs_its_jobs_on_a_worker() -> None:
    ran_on: list[threading.Thread] = []
    worker = start_warm_up([lambda: ran_on.append(threading.current_thread())])
    worker.join(120)
    assert not worker.is_alive()
    assert ran_on == [worker]
    assert [name for name in MODULES if name not in sys.modules] == []


def test_every_page_but_home_is_warmed_up() -> None:
    """A page added later is not forgotten (Home is built before the first paint)."""
    for spec in PAGES[1:]:
        module = f"app.ui.{spec.key}.page"
        assert importlib.util.find_spec(module) is not None, spec.key
        assert module in MODULES, spec.key


def test_done_runs_on_the_ui_thread_after_the_worker(qtbot: QtBot) -> None:
    owner = QObject()
    ran_on: list[threading.Thread] = []
    worker = start_warm_up(
        [lambda: None], done=lambda: ran_on.append(threading.current_thread()), parent=owner
    )
    qtbot.waitUntil(lambda: bool(ran_on), timeout=120_000)
    assert not worker.is_alive()
    assert ran_on == [threading.main_thread()]
