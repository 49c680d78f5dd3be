"""Get the slow parts of first page visits done in the background once the app is on screen.

pyqtgraph (with numpy) costs about 300 ms to import; each page's own modules, the Markdown
renderer and the atlas figures' parse cost tens of milliseconds more. Doing that on a page's
first visit made the visit slow; doing it on the UI thread at start would freeze the window
instead. A worker thread does it while the learner reads Home: it imports the modules (a first
visit then finds them in ``sys.modules``) and runs the pure-Python jobs it is given (the atlas
library's parse). Nothing in it creates a QObject or paints: Qt work done on a worker held up
the UI thread for as long as it ran, so what needs Qt is handed back through ``done``, which
runs on the UI thread when the worker has finished.

While the worker runs, the UI thread gets the interpreter back at every switch interval (5 ms)
between imports; ``bench/first_visits.py`` measures the longest stall.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

#: What the pages import on first use: the chart library first (the slowest), then each page's
#: module in the rail's order and the lesson renderer's parser.
MODULES = (
    "numpy",
    "pyqtgraph",
    "app.ui.anatomy.page",
    "app.ui.lessons.page",
    "markdown",
    "app.ui.quiz.page",
    "app.ui.stretch.page",
    "app.ui.progress.page",
    "app.ui.lab.page",
    "app.ui.diary.page",
    "app.ui.check.page",
)


class _Finished(QObject):
    """Carries the worker's "done" to the UI thread (a queued signal: it lives there)."""

    finished = Signal()


def start_warm_up(
    jobs: Iterable[Callable[[], None]] = (),
    done: Callable[[], None] | None = None,
    parent: QObject | None = None,
) -> threading.Thread:
    """Begin importing :data:`MODULES`, then run ``jobs``, on a daemon thread.

    Args:
        done: called on the UI thread once the worker has finished (needs a running event
            loop and a ``parent`` that lives as long as it may wait).

    Returns:
        The thread (tests and benchmarks join it).
    """
    # The app's Qt binding, so pyqtgraph does not probe for others on the worker thread.
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    work = tuple(jobs)
    signal: _Finished | None = None
    if done is not None:
        signal = _Finished(parent)
        signal.finished.connect(done)
    thread = threading.Thread(target=_warm_up, args=(work, signal), name="warm-up", daemon=True)
    thread.start()
    return thread


def _warm_up(jobs: tuple[Callable[[], None], ...], signal: _Finished | None) -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue  # the page that needs it reports the problem when opened
    for job in jobs:
        job()
    if signal is not None:
        signal.finished.emit()
