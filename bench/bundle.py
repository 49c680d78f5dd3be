"""The PyInstaller one-folder bundle: its size, and its start-up time against running from source.

Uses dist/gluteal-atlas/ from `make dist`, rebuilding it first when it is missing or older than
the code, content, assets or spec (``--rebuild`` forces a build, ``--no-build`` never builds).
Start-up is bench/startup.py's first-paint sample, bundle and source alternating. The app's
bytecode is brought up to date first (as `make bench` does), so the source side is timed as an
installed package starts rather than compiling recently edited modules on every run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bundle.py [--runs 9]
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

from startup import sample

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "gluteal-atlas"
EXECUTABLE = BUNDLE / "gluteal-atlas"
SPEC = ROOT / "packaging" / "gluteal-atlas.spec"
SIZE_TARGET_MB = 200
RATIO_TARGET = 1.1


def newest_source() -> float:
    """Modification time of the newest file the bundle is built from."""
    folders = [ROOT / "app", ROOT / "content", ROOT / "assets"]
    files = [p for folder in folders for p in folder.rglob("*") if p.is_file()]
    files = [p for p in files if "__pycache__" not in p.parts and "_data" not in p.parts]
    return max(p.stat().st_mtime for p in [*files, SPEC])


def build() -> float:
    """Build the bundle as `make dist` does; returns the build time in seconds."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - started


def compile_source() -> None:
    """Write current bytecode for app/, as ``make bytecode`` does.

    With PYTHONDONTWRITEBYTECODE set (it is, on the shared machine), a module edited since its
    last compile is compiled again on every start from source, which flatters the bundle.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "app")], check=True)


def size_mb(folder: Path) -> float:
    """Bytes of every regular file (symlinks counted once, as their target), in MB (10^6)."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def start_times(runs: int) -> dict[str, list[float]]:
    """Milliseconds to first paint of each run: {"source": [...], "bundle": [...]}."""
    data = tempfile.mkdtemp(prefix="gluteal-atlas-bench-")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "GLUTEAL_ATLAS_EXIT_AFTER_PAINT": "1",
    }
    source = [sys.executable, "-m", "app", "--data", data]
    bundle = [str(EXECUTABLE), "--data", data]
    sample(source, env), sample(bundle, env)  # warm the disk cache for both alike
    times: dict[str, list[float]] = {"source": [], "bundle": []}
    for _ in range(runs):
        times["source"].append(sample(source, env)[0] * 1000)
        times["bundle"].append(sample(bundle, env)[0] * 1000)
    return times


def load_average() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--rebuild", action="store_true", help="always build first")
    parser.add_argument("--no-build", action="store_true", help="measure what is there")
    args = parser.parse_args()
    stale = not EXECUTABLE.exists() or EXECUTABLE.stat().st_mtime < newest_source()
    if args.rebuild or (stale and not args.no_build):
        print(f"bundle: built now in {build():.0f} s")
        stale = False
    elif not EXECUTABLE.exists():
        print("bundle: missing (run `make dist`)", file=sys.stderr)
        return 1
    else:
        print("bundle: reused dist/gluteal-atlas" + (" (OLDER than the code)" if stale else ""))
    size = size_mb(BUNDLE)
    print(
        f"bundle size: {size:.1f} MB (target <= {SIZE_TARGET_MB} MB: "
        f"{verdict(size <= SIZE_TARGET_MB)})"
    )
    compile_source()
    load_before = load_average()
    times = start_times(args.runs)
    source_ms, bundle_ms = (statistics.median(times[kind]) for kind in ("source", "bundle"))
    ratio = bundle_ms / source_ms
    print(f"runs: {args.runs} each, alternating; load average {load_before} -> {load_average()}")
    for label, kind in (("from source:", "source"), ("bundle:     ", "bundle")):
        median, fastest = statistics.median(times[kind]), min(times[kind])
        print(f"{label} median {median:.0f} ms to first paint (min {fastest:.0f})")
    # An old bundle runs old code against today's source: its ratio says nothing about packaging.
    judged = (
        "not judged: the bundle is OLDER than the code"
        if stale
        else verdict(ratio <= RATIO_TARGET)
    )
    print(f"bundle start ratio: {ratio:.2f} x source (target <= {RATIO_TARGET}: {judged})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
