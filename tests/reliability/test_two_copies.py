"""Two copies of the app on one data folder: both work, share the file, and lose nothing.

Fifty times, two processes start at the same moment on a fresh folder (both race to create and
migrate the database), then answer questions about the same few cards. Every answer either
copy reported saved must be in the file, both copies must have saved some, neither may have
fallen back to memory, and ``integrity_check`` must say ok.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from app.services.store import DB_NAME

REPETITIONS = 50
ANSWERS_EACH = 8
ROOT = Path(__file__).resolve().parents[2]


def _run_pairs(tmp_path: Path) -> list[tuple[Path, list[str]]]:
    """Each fresh folder with the lines both copies printed for it."""
    zygote = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.two_copies_child"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert zygote.stdin is not None
    assert zygote.stdout is not None
    assert zygote.stdout.readline().strip() == "ready"
    runs = []
    try:
        for repetition in range(REPETITIONS):
            folder = tmp_path / f"data-{repetition}"
            zygote.stdin.write(f"run {folder} {ANSWERS_EACH}\n")
            zygote.stdin.flush()
            lines = []
            while not (line := zygote.stdout.readline().strip()).startswith("done"):
                assert line, "the two-copies zygote died"
                lines.append(line)
            assert line == "done 0 0", line
            runs.append((folder, lines))
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
        zygote.stdout.close()
    return runs


def test_two_copies_started_together_both_save_and_lose_nothing(tmp_path: Path) -> None:
    """Every reported answer is stored; both copies saved; no memory fall-back; file intact."""
    started = time.perf_counter()
    runs = _run_pairs(tmp_path)
    attempted = stored_total = 0
    for folder, lines in runs:
        assert not [line for line in lines if line.startswith(("memory", "notice"))], lines
        reported = {line.split()[2] for line in lines if line.startswith("ok ")}
        attempted += sum(1 for line in lines if line.startswith(("ok ", "failed ")))
        connection = sqlite3.connect(folder / DB_NAME)
        try:
            stored = {json.loads(row[0]) for row in connection.execute(
                "SELECT response FROM quiz_answers")}  # fmt: skip
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
            cards = connection.execute("SELECT COUNT(*) FROM quiz_cards").fetchone()[0]
        finally:
            connection.close()
        stored_total += len(stored)
        assert reported <= stored, sorted(reported - stored)
        assert {token[0] for token in reported} == {"a", "b"}, lines  # both copies saved some
        assert verdict == "ok"
        assert cards == 4  # one card per question answered, however the two interleaved
    print(
        f"\n{REPETITIONS} pairs: {attempted} answers attempted, {stored_total} stored, "
        f"{time.perf_counter() - started:.1f} s"
    )
    assert attempted == stored_total == REPETITIONS * 2 * ANSWERS_EACH
