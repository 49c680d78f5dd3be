"""Content at clinic scale: load and validate 1,000 lessons and 10,000 questions (target <= 1 s).

The synthetic folder is the shipped content plus copies of its lessons and quiz files under new
ids, so every copy is valid, cross-linked content of real length (the shipped anatomy and
routines stay as they are). The copies go to a temporary folder, never beside shipped files.

    .venv/bin/python bench/content_scale.py [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from app.services.content_loader import load_content
from app.services.resources import find_resources

LESSONS = 1_000
QUESTIONS = 10_000
TARGET_MS = 1000.0
_LESSON_ID = re.compile(r"^id:\s*(\S+)\s*$", re.MULTILINE)
_QUESTION_ID = re.compile(r'^id = "([^"]+)"', re.MULTILINE)


def synthesize(shipped: Path, folder: Path) -> None:
    """Write shipped content plus enough renamed copies to reach the target counts."""
    shutil.copytree(shipped, folder)
    lessons = sorted((shipped / "lessons").glob("*.md"))
    for n in range(LESSONS - len(lessons)):
        source = lessons[n % len(lessons)]
        text = _LESSON_ID.sub(
            lambda m, n=n: f"id: {m.group(1)}-copy{n}", source.read_text("utf-8")
        )
        (folder / "lessons" / f"{9000 + n:05d}-{source.stem}-copy.md").write_text(text, "utf-8")
    quizzes = sorted((shipped / "quizzes").glob("*.toml"))
    count = sum(len(_QUESTION_ID.findall(q.read_text("utf-8"))) for q in quizzes)
    copy = 0
    while count < QUESTIONS:
        for source in quizzes:
            text = source.read_text("utf-8")
            renamed = _QUESTION_ID.sub(lambda m, c=copy: f'id = "{m.group(1)}-copy{c}"', text)
            (folder / "quizzes" / f"{source.stem}-copy{copy}.toml").write_text(renamed, "utf-8")
            count += len(_QUESTION_ID.findall(text))
        copy += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="gluteal-content-scale-") as temp:
        folder = Path(temp) / "content"
        synthesize(find_resources().content_dir, folder)
        load_content(folder)  # warm the disk cache; the first read is not what users wait for
        times, cpu_times = [], []
        for _ in range(runs):
            started, cpu_started = time.perf_counter(), time.process_time()
            content = load_content(folder)
            times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.process_time() - cpu_started) * 1000)
    median = statistics.median(times)
    print(
        f"synthetic content: {len(content.lessons)} lessons, {len(content.questions)} "
        f"questions, {len(content.problems)} problems"
    )
    for problem in content.problems[:5]:
        print(f"  problem: {problem}")
    verdict = "met" if median <= TARGET_MS else "NOT met"
    print(
        f"load + validate: {median:.0f} ms median of {runs} (min {min(times):.0f}, max "
        f"{max(times):.0f}) (target <= {TARGET_MS:.0f} ms: {verdict})"
    )
    # CPU time beside wall time: on a shared machine, wall time far above CPU time means the
    # load waited for a core, not that it did more work.
    print(
        f"CPU time: {statistics.median(cpu_times):.0f} ms median (min {min(cpu_times):.0f}, "
        f"max {max(cpu_times):.0f})"
    )
    return 1 if content.problems else 0


if __name__ == "__main__":
    sys.exit(main())
