"""How far off is the stretch timer at the end of a 30-minute routine on a stalling event loop?

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/timer_accuracy.py [--scale 10] [--real]

A 30-minute routine (1,800 s) runs on a real Qt event loop whose thread is blocked for 350 ms
every 2 s. Two timers look at the same QTimer (50 ms): the app's RoutineTimer, which keeps a
deadline and reads the real monotonic clock, and a tick counter that adds 50 ms per timeout.

Time is compressed by ``--scale`` (default 10: three minutes of wall time) with *everything*
scaled together: the clock the engine reads is ``time.monotonic()`` sped up, and the QTimer
interval, the block length and the block period are divided by the scale, so the loop loses the
same fraction of timeouts as in real time. ``--real`` runs 30 real minutes (scale 1).

Reported, in routine seconds:
- engine end error: when the engine says the routine ended vs. start + 1,800 s;
- engine notice delay: how late the loop got to look (bounded by one poll plus one block; the
  end, at 1,800 s, falls exactly where a block starts, the worst case), at the end and at every
  boundary;
- tick counting: how much time it had counted at the true end, and so how late it would finish.
"""

from __future__ import annotations

import argparse
import sys
import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))

from app.domain.problems import SourceRef
from app.domain.routine_timer import CueKind, RoutineTimer
from app.domain.routines import Routine, RoutineStep, Sides

POLL_S = 0.050
BLOCK_S = 0.350
BLOCK_EVERY_S = 2.0


def thirty_minutes() -> Routine:
    """15 s get-ready, then ten steps of 30 s x 2 per side with 15 s rests: exactly 1,800 s."""
    step = RoutineStep("figure-four", hold=30, reps=2, sides=Sides.BOTH, rest=15)
    routine = Routine("bench", "Bench", "30 min", 15, (step,) * 10, (), SourceRef("bench", 1))
    assert routine.total_seconds == 1800, routine.total_seconds
    return routine


class ScaledClock:
    """The real monotonic clock, sped up ``scale`` times (routine seconds)."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self._origin = time.monotonic()

    def monotonic(self) -> float:
        return (time.monotonic() - self._origin) * self.scale


def run(scale: float) -> dict[str, float]:
    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    clock = ScaledClock(scale)
    routine = thirty_minutes()
    engine = RoutineTimer(routine)
    result: dict[str, float] = {"ticks": 0, "blocks": 0}
    counted = [0.0]
    delays: list[float] = []

    def poll() -> None:
        now = clock.monotonic()
        counted[0] += POLL_S
        result["ticks"] += 1
        for cue in engine.tick(now):
            if cue.kind is not CueKind.COUNTDOWN:
                delays.append(now - cue.at)
            if cue.kind is CueKind.DONE:
                result["noticed_at"] = now
        true_end = engine.started_at + routine.total_seconds
        if "counted_at_true_end" not in result and now >= true_end:
            result["counted_at_true_end"] = counted[0]
            result["true_elapsed_at_that_tick"] = now - engine.started_at
        if engine.done and "counted_at_true_end" in result:
            app.quit()

    def block() -> None:
        result["blocks"] += 1
        time.sleep(BLOCK_S / scale)  # the whole GUI thread stalls, as a slow paint would

    poller = QTimer()
    poller.setTimerType(Qt.TimerType.PreciseTimer)
    poller.setInterval(max(1, round(POLL_S * 1000 / scale)))
    poller.timeout.connect(poll)
    blocker = QTimer()
    blocker.setTimerType(Qt.TimerType.PreciseTimer)
    blocker.setInterval(round(BLOCK_EVERY_S * 1000 / scale))
    blocker.timeout.connect(block)
    engine.start(clock.monotonic())
    poller.start()
    blocker.start()
    app.exec()
    result["end_error"] = engine.ended_at - (engine.started_at + routine.total_seconds)
    result["notice_delay"] = result["noticed_at"] - (engine.started_at + routine.total_seconds)
    delays.sort()
    result["delay_median"] = delays[len(delays) // 2]
    result["delay_p95"] = delays[int(len(delays) * 0.95)]
    result["delay_max"] = delays[-1]
    result["boundaries"] = len(delays)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--real", action="store_true", help="30 real minutes (scale 1)")
    args = parser.parse_args()
    scale = 1.0 if args.real else args.scale
    started = time.monotonic()
    r = run(scale)
    wall = time.monotonic() - started
    counted = r["counted_at_true_end"]
    lag = r["true_elapsed_at_that_tick"] - counted
    per_minute = lag / (r["true_elapsed_at_that_tick"] / 60)
    print(f"30-minute routine, loop blocked {BLOCK_S * 1000:.0f} ms every {BLOCK_EVERY_S:.0f} s,")
    polls, blocks = r["ticks"], r["blocks"]
    print(f"time scale {scale:g}x ({wall:.1f} s wall), {polls:.0f} polls, {blocks:.0f} blocks")
    print(
        f"  deadline engine: end error        {r['end_error'] * 1000:8.1f} ms  (target <= 50 ms)"
    )
    print(
        f"  deadline engine: noticed late by  {r['notice_delay'] * 1000:8.1f} ms  "
        f"(<= one poll + one block)"
    )
    print(
        f"  every boundary ({r['boundaries']:.0f}): noticed late by median "
        f"{r['delay_median'] * 1000:.1f} ms, p95 {r['delay_p95'] * 1000:.1f} ms, "
        f"max {r['delay_max'] * 1000:.1f} ms (late notice never shifts later deadlines)"
    )
    print(f"  tick counting:   counted {counted:8.1f} s at the true end of 1800 s")
    print(f"  tick counting:   would end {lag:8.1f} s late ({per_minute:.1f} s lost per minute)")
    ok = abs(r["end_error"]) <= 0.050
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
