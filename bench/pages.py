"""Every page: first-visit build time, page switch after the first visit, and peak memory.

Builds the real main window (shipped content, a fresh data folder), opens each page once, then
switches round all pages ``--rounds`` times. A switch is timed from ``show_page`` until the
page has painted once (see :func:`shown_ms`), like a user sees it.
Peak RSS is the process's high-water mark after all that (target <= 160 MiB).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/pages.py [--rounds 10]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from app.__main__ import build_parser
from app.main import build_window
from app.services.clock import SystemClock
from app.services.resources import find_resources

SWITCH_TARGET_MS = 50.0
MEMORY_TARGET_MIB = 160.0


class _PaintProbe(QObject):
    """Notes whether ``widget`` received a paint event."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def shown_ms(window: object, key: str) -> float:
    """Milliseconds from asking for ``key`` to the page having been painted once, as a user
    sees it: the queued events run (layout, then the paint they request); a synchronous
    repaint only if the platform had not painted yet. (Repainting after a paint, as this
    once did, timed a second paint nobody waits for: 90 ms more for the lab's plots.)"""
    started = time.perf_counter()
    window.show_page(key)  # type: ignore[attr-defined]
    page = window.page(key)  # type: ignore[attr-defined]
    probe = _PaintProbe(page)
    QApplication.processEvents()
    if not probe.painted:
        window.repaint()  # type: ignore[attr-defined]
    elapsed = (time.perf_counter() - started) * 1000
    page.removeEventFilter(probe)
    probe.deleteLater()
    return elapsed


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    rounds = parser.parse_args().rounds
    app = QApplication(sys.argv[:1])
    args = build_parser().parse_args(["--data", tempfile.mkdtemp(prefix="gluteal-bench-")])
    window, _, _ = build_window(app, args, find_resources(), SystemClock())
    window.resize(1280, 820)
    window.show()
    keys = window.page_keys()
    first = {key: shown_ms(window, key) for key in keys}
    switches: dict[str, list[float]] = {key: [] for key in keys}
    for _ in range(rounds):
        for key in keys:
            switches[key].append(shown_ms(window, key))
    every = sorted(t for times in switches.values() for t in times)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        "first visit (build + paint): "
        + ", ".join(f"{key} {ms:.0f} ms" for key, ms in first.items())
    )
    print(
        "switch medians: "
        + ", ".join(f"{key} {statistics.median(t):.1f} ms" for key, t in switches.items())
    )
    worst = max(every)
    print(
        f"page switch after first visit: n={len(every)}, median {statistics.median(every):.1f} "
        f"ms, p95 {every[int(len(every) * 0.95) - 1]:.1f} ms, max {worst:.1f} ms "
        f"(target <= {SWITCH_TARGET_MS:.0f} ms: {verdict(worst <= SWITCH_TARGET_MS)})"
    )
    print(
        f"peak RSS after opening every page: {peak_mib:.1f} MiB (target <= "
        f"{MEMORY_TARGET_MIB:.0f} MiB: {verdict(peak_mib <= MEMORY_TARGET_MIB)})"
    )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
