"""Live EMG trace: time to update and paint one frame, under Xvfb (target p95 <= 8 ms).

Opens the lab in the real main window (1280 x 820), then for every scenario steps the playhead
through the whole study at 60 frames a second. One frame is timed from asking the panel to
show the new playhead (sweep slice, curve update, phase/gain/count labels) until the event loop
has painted it: the plot's viewport must have received its paint event within the frame.

Needs an X server: run as is and it re-runs itself under ``xvfb-run`` (Debian: xvfb), or run
it inside one yourself with ``QT_QPA_PLATFORM=xcb``.

    .venv/bin/python bench/emg_frame.py [--fps 60]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_MS = 8.0


def _rerun_under_xvfb() -> int | None:
    """Run this script again inside Xvfb, unless we already have an X display."""
    if os.environ.get("QT_QPA_PLATFORM") == "xcb" and os.environ.get("DISPLAY"):
        return None
    if shutil.which("xvfb-run") is None:
        print("xvfb-run not found (Debian package xvfb); cannot measure under Xvfb")
        return 2
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, *sys.argv]
    return subprocess.run(command, env=env, check=False).returncode


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fps", type=int, default=60)
    fps = parser.parse_args().fps
    rerun = _rerun_under_xvfb()
    if rerun is not None:
        return rerun

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from app.__main__ import build_parser
    from app.domain.emg.scenarios import SCENARIO_IDS, STUDY_SECONDS
    from app.main import build_window
    from app.services.clock import SystemClock
    from app.services.resources import find_resources

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.paints = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            return False

    app = QApplication(sys.argv[:1])
    args = build_parser().parse_args(["--data", tempfile.mkdtemp(prefix="gluteal-bench-")])
    window, _, _ = build_window(app, args, find_resources(), SystemClock())
    window.resize(1280, 820)
    window.show()
    window.open_link("lab:healthy")
    for _ in range(5):
        app.processEvents()
    from app.ui.lab.page import LabPage

    page = window.findChildren(LabPage)[0]
    panel = page.emg
    counter = PaintCounter()
    panel.plot.plot.viewport().installEventFilter(counter)
    times: dict[str, list[float]] = {}
    unpainted = 0
    cpu_ms: list[float] = []
    for scenario_id in SCENARIO_IDS:
        panel.select(scenario_id)
        panel.show_at(0.0)  # renders the study (not part of a frame)
        app.processEvents()
        frames = times.setdefault(scenario_id, [])
        for frame in range(int(STUDY_SECONDS * fps) + 1):
            before = counter.paints
            started, cpu = time.perf_counter(), time.process_time()
            panel.show_at(frame / fps)
            app.processEvents()
            frames.append((time.perf_counter() - started) * 1000)
            cpu_ms.append((time.process_time() - cpu) * 1000)
            unpainted += counter.paints == before
    every = [t for frames in times.values() for t in frames]
    platform = QApplication.platformName()
    for scenario_id, frames in times.items():
        print(
            f"{scenario_id}: median {statistics.median(frames):.2f} ms, "
            f"p95 {_percentile(frames, 0.95):.2f} ms, max {max(frames):.2f} ms"
        )
    p95 = _percentile(every, 0.95)
    verdict = "met" if p95 <= TARGET_MS else "NOT met"
    print(
        f"emg frame (update + paint, {platform}, {fps} fps): n={len(every)}, median "
        f"{statistics.median(every):.2f} ms, p95 {p95:.2f} ms, max {max(every):.2f} ms "
        f"(target p95 <= {TARGET_MS:g} ms: {verdict}); frames without a paint: {unpainted}"
    )
    print(
        f"emg frame CPU time of this process: median {statistics.median(cpu_ms):.2f} ms, "
        f"p95 {_percentile(cpu_ms, 0.95):.2f} ms; load average at the end "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
