"""Run every benchmark in bench/ and write BENCHMARKS.md: each DESIGN.md target, its figure, met?

Each bench runs as its own process, one after another (they share two cores badly), with its
output captured. A missing, failing or timed-out bench, or one whose output no longer says what
we look for, is reported as "not measured" with the reason; the rest still run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run_all.py [--quick] [--only NAME ...]

``--quick`` passes smaller run counts (for trying the report out, not for the record).
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from report import TARGETS, Run, render

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUTPUT = ROOT / "BENCHMARKS.md"
#: Helpers, not benches.
NOT_BENCHES = frozenset({"run_all.py", "report.py", "bare_window.py"})
TIMEOUT_S = 900
#: Smaller runs for --quick (names without .py).
QUICK_ARGS: dict[str, list[str]] = {
    "startup": ["--runs", "3"],
    "bundle": ["--runs", "3"],
    "kiosk_soak": ["--cycles", "600", "--warmup", "100"],
    "timer_accuracy": ["--scale", "60"],
    "render_budget": ["--runs", "1"],
}


@dataclass(frozen=True)
class Options:
    quick: bool
    only: frozenset[str]


def discover(only: frozenset[str]) -> list[str]:
    """Bench names (file stems) in bench/, plus those a target expects even if missing."""
    found = {p.stem for p in HERE.glob("*.py") if p.name not in NOT_BENCHES}
    found = {name for name in found if not name.startswith("_")}
    expected = {target.bench for target in TARGETS}
    names = sorted(found | expected)
    return [name for name in names if not only or name in only]


def run_one(name: str, options: Options) -> Run:
    script = HERE / f"{name}.py"
    if not script.exists():
        return Run(name, None, "", "", 0.0, f"bench/{name}.py does not exist yet")
    args = QUICK_ARGS.get(name, []) if options.quick else []
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    print(f"running bench/{name}.py {' '.join(args)}".rstrip(), flush=True)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, str(script), *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            cwd=ROOT,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        partial = error.stdout if isinstance(error.stdout, str) else ""
        return Run(name, None, partial, "", TIMEOUT_S, f"timed out after {TIMEOUT_S} s")
    seconds = time.perf_counter() - started
    print(_indent(done.stdout.strip()), flush=True)
    return Run(name, done.returncode, done.stdout, done.stderr, seconds, None)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.splitlines())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller runs, for trying it out")
    parser.add_argument("--only", nargs="*", default=[], help="bench names to run")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    options = Options(args.quick, frozenset(args.only))
    # The app's bytecode, as an install has it (PYTHONDONTWRITEBYTECODE would otherwise make
    # every process compile every module: a cost no user's installed copy pays).
    compileall.compile_dir(str(ROOT / "app"), quiet=1)
    runs = [run_one(name, options) for name in discover(options.only)]
    args.output.write_text(render(runs, quick=options.quick), "utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
