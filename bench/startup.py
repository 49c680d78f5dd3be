"""Cold start to first painted home page, against a bare PySide6 window in the same run.

Each sample is a fresh process; the two kinds alternate so machine noise hits both alike.
Reports medians, the ratio (target <= 1.3) and each process's peak RSS.

    .venv/bin/python bench/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 1.3


def sample(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to the "first-paint" line, and peak RSS in MiB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == "first-paint":
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{command} exited without painting")
    process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="gluteal-atlas-bench-")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "GLUTEAL_ATLAS_EXIT_AFTER_PAINT": "1",
    }
    bare = [sys.executable, str(HERE / "bare_window.py")]
    app = [sys.executable, "-m", "app", "--data", data]
    sample(bare, env), sample(app, env)  # warm the disk cache for both alike
    results: dict[str, list[tuple[float, float]]] = {"bare": [], "app": []}
    for _ in range(args.runs):
        results["bare"].append(sample(bare, env))
        results["app"].append(sample(app, env))
    bare_ms = statistics.median(t for t, _ in results["bare"]) * 1000
    app_ms = statistics.median(t for t, _ in results["app"]) * 1000
    ratio = app_ms / bare_ms
    app_rss = max(rss for _, rss in results["app"])
    bare_rss = max(rss for _, rss in results["bare"])
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"runs: {args.runs} each, alternating")
    print(
        f"bare PySide6 window: median {bare_ms:.0f} ms to first paint, peak RSS {bare_rss:.0f} MiB"
    )
    print(
        f"Gluteal Atlas home:  median {app_ms:.0f} ms to first paint, peak RSS {app_rss:.0f} MiB"
    )
    print(f"ratio: {ratio:.2f} (target <= {TARGET_RATIO}: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
