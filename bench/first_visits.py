"""First visit to every page after a real start, and the longest event-loop stall meanwhile.

Starts the window as ``gluteal-atlas`` does (Home first, content and the chart-library warm-up
after the first paint), lets the learner "read Home" for ``--settle`` seconds, then opens each
page once. A 5 ms heartbeat timer records the longest gap between its ticks from the first
paint to the end: any input would have waited that long. Run with and without the warm-up to
see what it moves and where.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/first_visits.py [--no-warm-up] [--clinic]

``--clinic`` opens the pages over the synthetic clinic folder of ``bench/content_scale.py``
(1,000 lessons, 10,000 questions) instead of the shipped course: a page that does per-lesson
work over every question shows up there, not on 8 lessons.

Targets (DESIGN.md): first visit of any page <= 150 ms; no stall > 100 ms from the warm-up.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GLUTEAL_ATLAS_VOICE", "off")

from content_scale import synthesize
from pages import shown_ms
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from app.domain.content import EMPTY_CONTENT, Content
from app.main import build_window, load_content_or_shipped, warm_up
from app.services.clock import SystemClock
from app.services.content_task import start_content_load
from app.services.resources import find_resources

FIRST_VISIT_TARGET_MS = 150.0
STALL_TARGET_MS = 100.0


class Heartbeat:
    """Ticks every 5 ms; remembers the longest gap between two ticks."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = 0
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.elapsed()
        self.longest_ms = max(self.longest_ms, float(now - self._last))
        self._last = now

    def reset(self) -> None:
        self.longest_ms, self._last = 0.0, self._clock.elapsed()


def spin(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-warm-up", action="store_true")
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument("--clinic", action="store_true", help="1,000 lessons, 10,000 questions")
    options = parser.parse_args()
    app = QApplication(sys.argv[:1])
    args = argparse.Namespace(data=None, content=None, kiosk=False, screenshot=Path("x"))
    resources = find_resources()
    if options.clinic:
        clinic = Path(tempfile.mkdtemp(prefix="gluteal-clinic-")) / "content"
        synthesize(resources.content_dir, clinic)
        resources = find_resources(clinic)
    window, _, _ = build_window(app, args, resources, SystemClock(), content=EMPTY_CONTENT)
    window.resize(1280, 800)
    window.show_page("home")
    window.show()
    app.processEvents()
    heart = Heartbeat()
    heart.reset()

    # As the app does after its first paint: content on a worker thread, then the warm-up.
    def show_content(content: Content) -> None:
        window.set_content(content)
        if not options.no_warm_up:
            warm_up(window)

    start_content_load(lambda: load_content_or_shipped(resources), show_content, window)
    spin(app, options.settle)
    stall_reading = heart.longest_ms
    visits = {}
    for key in window.page_keys():
        if key == "home":
            continue
        visits[key] = shown_ms(window, key)
        spin(app, 0.2)
    worst = max(visits, key=lambda k: visits[k])
    label = "without warm-up" if options.no_warm_up else "with warm-up"
    print(
        f"{label}: longest stall while reading Home: {stall_reading:.0f} ms "
        f"(target <= {STALL_TARGET_MS:.0f})"
    )
    print("first visits: " + ", ".join(f"{k} {v:.0f} ms" for k, v in visits.items()))
    met = visits[worst] <= FIRST_VISIT_TARGET_MS
    print(
        f"slowest first visit: {worst} {visits[worst]:.0f} ms "
        f"(target <= {FIRST_VISIT_TARGET_MS:.0f}: {'met' if met else 'NOT met'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
