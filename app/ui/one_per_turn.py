"""Run a page's deferred work one job per event-loop turn.

A page that shows at once and fills in its slow parts after (the Progress charts) queues those
parts here. Each job runs on its own turn of the event loop, so a click or key press waits for
at most one job, never for all of them; :meth:`OnePerTurn.flush` runs what is left at once
(for code that needs the finished result now).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class OnePerTurn(QObject):
    """A queue of jobs, drained one per event-loop turn while its parent lives."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: deque[Callable[[], None]] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_next)

    def add(self, job: Callable[[], None]) -> None:
        """Run ``job`` on a later turn, after the jobs already queued."""
        self._jobs.append(job)
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Run every queued job now, in order."""
        self._timer.stop()
        while self._jobs:
            self._jobs.popleft()()

    def pending(self) -> int:
        return len(self._jobs)

    def _run_next(self) -> None:
        if self._jobs:
            self._jobs.popleft()()
        if self._jobs:
            self._timer.start()
