"""First visit of the atlas page: wall-clock and CPU time from asking for the page to its
first paint, and the memory the page adds (first visit, then both views at every depth).

By default the page is opened as a learner opens it: after the app's warm-up (which the app
starts once Home is painted) has had the seconds a learner spends reading Home. ``--cold``
opens it at once instead, with nothing warmed (the worst case: a click in the first second).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/atlas_first_visit.py [--cold]

Run it a few times and, on a shared machine, beside the same script on an older checkout
(``PYTHONPATH=<old checkout>``): CPU time and the ratio between the two are what to compare
when the load average is high (the load is printed).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from first_visits import spin
from pages import shown_ms
from PySide6.QtWidgets import QApplication

from app.__main__ import build_parser
from app.main import build_window, warm_up
from app.services.clock import SystemClock
from app.services.resources import find_resources

TARGET_MS = 150.0
#: Seconds "spent reading Home" before the page is opened (the warm-up needs about one).
READING_HOME_S = 3.0


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", action="store_true", help="open it at once, nothing warmed")
    cold = parser.parse_args().cold
    app = QApplication(sys.argv[:1])
    args = build_parser().parse_args(["--data", tempfile.mkdtemp(prefix="gluteal-bench-")])
    window, *_ = build_window(app, args, find_resources(), SystemClock())
    window.resize(1280, 820)
    window.show()
    window.show_page("home")
    app.processEvents()
    window.repaint()
    if not cold:
        warm_up(window)
        spin(app, READING_HOME_S)
    before = _rss_mib()
    started_cpu = time.thread_time()
    wall = shown_ms(window, "anatomy")
    cpu = (time.thread_time() - started_cpu) * 1000
    first = _rss_mib() - before
    page = window.page("anatomy")
    for view in ("posterior", "lateral"):
        if hasattr(page, "set_view"):
            page.set_view(view)
        for depth in (1, 2, 3, 4):
            page.depth_slider.setValue(depth)
            page.view.finish_fade()
            app.processEvents()
            window.repaint()
    how = "cold" if cold else "after start"
    print(
        f"atlas first visit at 1280x820 ({how}): wall {wall:.0f} ms, CPU {cpu:.0f} ms "
        f"(target {TARGET_MS:.0f} ms); memory +{first:.1f} MiB, after both views x 4 depths "
        f"+{_rss_mib() - before:.1f} MiB; load average {os.getloadavg()[0]:.1f}"
    )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
