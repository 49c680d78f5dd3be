"""Loading content on a worker thread, so a clinic's large folder never freezes the window.

The home page paints with empty content; the load then runs here, off the UI thread, and
``loaded`` delivers the result on the thread that started the task (Qt queues the signal
across threads), where the window swaps it in.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.domain.content import Content


class ContentLoadTask(QObject):
    """Runs one content load in the background.

    Signals:
        loaded(object): the :class:`Content` that was loaded, on this object's thread.
    """

    loaded = Signal(object)
    _finished = Signal(object)  # emitted on the worker thread, delivered queued to ours

    def __init__(self, load: Callable[[], Content], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._thread: threading.Thread | None = None
        self._finished.connect(self._on_worker_finished)

    def start(self) -> None:
        """Start the load; returns at once."""
        # A daemon thread: quitting while a huge folder is still being read must not hang.
        self._thread = threading.Thread(target=self._run, name="content-load", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        content = self._load()  # load_content never raises for bad content
        # RuntimeError: the window (and this task with it) closed before the load finished.
        with contextlib.suppress(RuntimeError):
            self._finished.emit(content)

    def _on_worker_finished(self, content: Content) -> None:
        self.loaded.emit(content)


def start_content_load(
    load: Callable[[], Content], on_loaded: Callable[[Content], None], parent: QObject
) -> ContentLoadTask:
    """Load content in the background and hand it to ``on_loaded`` on the UI thread.

    Args:
        parent: keeps the task alive until it is done (the main window).
    """
    task = ContentLoadTask(load, parent)
    task.loaded.connect(on_loaded)
    task.start()
    return task
