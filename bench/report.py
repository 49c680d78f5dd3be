"""What BENCHMARKS.md reports: the DESIGN.md targets, where each figure comes from, the page.

Every target names the bench that measures it and a pattern for the line carrying the figure;
all targets are upper bounds. Used by bench/run_all.py.
"""

from __future__ import annotations

import os
import platform
import re
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    """One bench process: exit code (``None`` if it never ran to the end) and its output."""

    bench: str
    returncode: int | None
    output: str  # stdout: where the figures are
    stderr: str
    seconds: float
    error: str | None


@dataclass(frozen=True)
class Target:
    what: str
    target: str
    bench: str
    pattern: str  # group "v" is the figure
    limit: float
    unit: str
    #: The figure may miss either way (a timer early or late); otherwise only above the limit
    #: misses (memory that shrinks over a soak is not a leak).
    two_sided: bool = False

    def find(self, output: str) -> tuple[float, str] | None:
        """The figure and the whole line it came from, or ``None``."""
        match = re.search(self.pattern, output, re.MULTILINE)
        if match is None:
            return None
        start = output.rfind("\n", 0, match.start()) + 1
        end = output.find("\n", match.end())
        line = output[start : end if end >= 0 else len(output)].strip()
        return float(match.group("v")), line


TARGETS: tuple[Target, ...] = (
    Target(
        "Cold start to first painted home page",
        "≤ 1.3 x a bare PySide6 window",
        "startup",
        r"^ratio: (?P<v>[\d.]+)",
        1.3,
        "x bare window",
    ),
    Target(
        "Peak memory after opening every page",
        "≤ 160 MiB",
        "pages",
        r"peak RSS after opening every page: (?P<v>[\d.]+) MiB",
        160,
        "MiB",
    ),
    Target(
        "Diagram hit-test",
        "≤ 1 ms",
        "hit_test",
        r"^(?:\w+\s+)?hit test .*?p99 (?P<v>[\d.]+) ms",
        1.0,
        "ms (p99)",
    ),
    Target(
        "Click on the diagram to selection shown",
        "≤ 16 ms",
        "hit_test",
        r"^(?:\w+\s+)?click→shown .*?p99 (?P<v>[\d.]+) ms",
        16,
        "ms (p99)",
    ),
    Target(
        "Page switch after first visit",
        "≤ 50 ms",
        "pages",
        r"^page switch after first visit: .*?max (?P<v>[\d.]+) ms",
        50,
        "ms (max)",
    ),
    Target(
        "Stretch timer error, 30-min routine, loop blocked 350 ms every 2 s",
        "≤ 50 ms",
        "timer_accuracy",
        r"end error\s+(?P<v>-?[\d.]+) ms",
        50,
        "ms",
        two_sided=True,
    ),
    Target(
        "Load + validate 1,000 lessons and 10,000 questions",
        "≤ 1 s",
        "content_scale",
        r"^load \+ validate: (?P<v>[\d.]+) ms",
        1000,
        "ms",
    ),
    Target(
        "Rendering the worst lesson check-content allows",
        "≤ 2 s",
        "render_budget",
        r"^worst allowed lesson: (?P<v>[\d.]+) ms",
        2000,
        "ms",
    ),
    Target(
        "Search over 1,000 lessons",
        "p95 ≤ 10 ms",
        "search",
        r"\bp95 (?P<v>[\d.]+) ms",
        10,
        "ms (p95)",
    ),
    Target(
        "Kiosk idle-reset cycles (memory growth after warm-up)",
        "≤ 1 KiB per cycle",
        "kiosk_soak",
        r"^growth: (?P<v>-?[\d.]+) bytes per cycle",
        1024,
        "bytes/cycle",
    ),
    Target(
        "Live EMG trace frame (update + paint, under Xvfb)",
        "p95 ≤ 8 ms",
        "emg_frame",
        r"^emg frame .*?p95 (?P<v>[\d.]+) ms",
        8,
        "ms (p95)",
    ),
    Target(
        "First visit to any page (slowest page)",
        "≤ 150 ms",
        "first_visits",
        r"^slowest first visit: \S+ (?P<v>[\d.]+) ms",
        150,
        "ms",
    ),
    Target(
        "Longest event-loop stall while Home is read after start",
        "≤ 100 ms",
        "first_visits",
        r"longest stall while reading Home: (?P<v>[\d.]+) ms",
        100,
        "ms",
    ),
    Target(
        "PyInstaller one-folder bundle size",
        "≤ 200 MB",
        "bundle",
        r"^bundle size: (?P<v>[\d.]+) MB",
        200,
        "MB",
    ),
    Target(
        "Bundle start-up vs from source",
        "≤ 1.1 x from source",
        "bundle",
        r"^bundle start ratio: (?P<v>[\d.]+)",
        1.1,
        "x from source",
    ),
)


def _why_missing(run: Run | None, target: Target) -> str:
    if run is None:
        return f"bench/{target.bench}.py was not run"
    if run.error is not None:
        return run.error
    if run.returncode:
        lines = [line for line in (run.output + run.stderr).splitlines() if line.strip()]
        last = lines[-1].strip() if lines else "no output"
        return f"bench/{target.bench}.py exited with {run.returncode}: {last}"
    return f"bench/{target.bench}.py printed no line matching `{target.pattern}`"


def _row(target: Target, run: Run | None) -> tuple[str, str | None]:
    """One table row, and whether it was met ("met", "NOT met" or ``None``)."""
    found = target.find(run.output) if run is not None and run.error is None else None
    if found is None:
        reason = _why_missing(run, target).replace("|", "\\|")
        cells = (target.what, target.target, "—", f"not measured: {reason}")
        return "| " + " | ".join(cells) + " |", None
    value, line = found
    size = abs(value) if target.two_sided else value
    verdict = "met" if size <= target.limit else "**NOT met**"
    figure = f"{value:g} {target.unit}"
    source = f"`bench/{target.bench}.py`: {line}".replace("|", "\\|")
    return f"| {target.what} | {target.target} | {figure} | {verdict} — {source} |", verdict


def _machine() -> str:
    try:
        from PySide6 import QtCore
        from PySide6 import __version__ as pyside
    except ImportError:  # the report still renders without Qt
        qt = "Qt unknown"
    else:
        qt = f"Qt {QtCore.qVersion()} (PySide6 {pyside})"
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {qt}"
    )


def render(runs: list[Run], *, quick: bool) -> str:
    by_bench = {run.bench: run for run in runs}
    rows = [_row(target, by_bench.get(target.bench)) for target in TARGETS]
    verdicts = [verdict for _, verdict in rows]
    met = sum(1 for v in verdicts if v == "met")
    missed = sum(1 for v in verdicts if v is not None and v != "met")
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `make bench` (`bench/run_all.py`) on {stamp}; do not edit by hand.",
        f"Machine: {_machine()}; `QT_QPA_PLATFORM=offscreen`.",
        'Targets are from `../shared/DESIGN.md` ("Targets"). Start-up figures are ratios '
        "against a baseline measured in the same run, because this machine is noisy.",
        "",
    ]
    if quick:
        lines += ["> **Quick run** (`--quick`): fewer samples than the record needs.", ""]
    lines += [
        f"**{met} of {len(TARGETS)} targets met, {missed} not met, "
        f"{len(TARGETS) - met - missed} not measured.**",
        "",
        "| What | Target | Measured | Met? — from |",
        "|---|---|---|---|",
        *(row for row, _ in rows),
        "",
        "## Each bench",
        "",
        "| bench | exit | seconds |",
        "|---|---|---|",
    ]
    for run in runs:
        status = run.error or ("ok" if run.returncode == 0 else f"exit {run.returncode}")
        lines.append(f"| `bench/{run.bench}.py` | {status} | {run.seconds:.0f} |")
    lines += ["", "## Raw output", ""]
    for run in runs:
        text = run.output.strip()
        if run.returncode != 0 and run.stderr.strip():
            text += "\n--- stderr (last lines) ---\n" + "\n".join(run.stderr.splitlines()[-15:])
        if text.strip():
            lines += [f"### bench/{run.bench}.py", "", "```text", text.strip(), "```", ""]
    return "\n".join(lines).rstrip() + "\n"
