"""Import the heavy chart and signal libraries in the background once the app is on screen.

pyqtgraph (with numpy) costs about 300 ms to import. Importing it when Progress or the lab is
first opened made that first visit slow; importing it on the UI thread at start would freeze
the window instead. A worker thread does it while the learner reads Home; the first visit then
finds it in ``sys.modules``. The thread only imports: nothing in it creates widgets.
"""

from __future__ import annotations

import importlib
import os
import threading

#: What the chart pages import on first use, in that order.
MODULES = ("numpy", "pyqtgraph")


def start_warm_up() -> threading.Thread:
    """Begin importing :data:`MODULES` on a daemon thread; returns the thread (tests join it)."""
    # The app's Qt binding, so pyqtgraph does not probe for others on the worker thread.
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    thread = threading.Thread(target=_import_all, name="warm-up", daemon=True)
    thread.start()
    return thread


def _import_all() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            return  # the page that needs it reports the problem when opened
