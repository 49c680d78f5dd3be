"""Search benchmark: build the FTS5 index over 1,000 synthetic lessons and time queries.

Synthetic lessons are stitched from sentences of the shipped course, so words keep the
frequencies real lessons have (a 50-word vocabulary would put every word in every section,
which no course does). Queries are words a learner would type, drawn from the same course.

Run: ``.venv/bin/python bench/search.py``. Target (DESIGN.md): search p95 <= 10 ms.
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time

from app.domain.content import Content
from app.domain.lessons import Lesson
from app.domain.problems import SourceRef
from app.services.content_loader import load_content
from app.services.resources import find_resources
from app.services.search_index import SearchIndex, plain_text

LESSONS = 1_000
SECTIONS = 8
QUERIES = 600
TARGET_P95_MS = 10.0


def course_sentences(content: Content) -> list[str]:
    text = " ".join(plain_text(lesson.body) for lesson in content.lessons.values())
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 4]


def synthetic_lesson(number: int, sentences: list[str], rng: random.Random) -> Lesson:
    sections = []
    for section in range(SECTIONS):
        heading = " ".join(rng.choice(sentences).split()[:3]).rstrip(".,;:")
        paragraphs = [" ".join(rng.choices(sentences, k=4)) for _ in range(3)]
        sections.append(f"## {heading} {{#s{section}}}\n\n" + "\n\n".join(paragraphs))
    return Lesson(
        id=f"lesson-{number}", title=f"Lesson {number}: {rng.choice(sentences)[:40]}",
        summary="Synthetic.", order=number, minutes=5, structures=(), topics=("basics",),
        body="\n\n".join(sections), body_line=1, headings=(),
        source=SourceRef(f"lessons/{number}.md"),
    )  # fmt: skip


def queries(sentences: list[str], rng: random.Random) -> list[str]:
    words = [w for s in sentences for w in re.findall(r"[a-z]{4,}", s.lower())]
    typed = [" ".join(rng.choices(words, k=rng.randint(1, 2))) for _ in range(QUERIES)]
    prefixes = [word[: rng.randint(3, len(word))] for word in rng.choices(words, k=QUERIES // 4)]
    named = ["piriformis", "magnesium", "EMG", "sciatic nerve", "caffeine", "benign fasc"]
    return typed + prefixes + named


def main() -> int:
    rng = random.Random(7)
    sentences = course_sentences(load_content(find_resources().content_dir))
    lessons = {f"lesson-{n}": synthetic_lesson(n, sentences, rng) for n in range(LESSONS)}
    index = SearchIndex(Content({}, lessons, {}, {}, {}))
    started = time.perf_counter()
    index.build()
    build_ms = (time.perf_counter() - started) * 1000
    timings = []
    for query in queries(sentences, rng):
        started = time.perf_counter()
        index.search(query)
        timings.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(timings, n=20)[18]
    print(f"corpus: {len(sentences)} course sentences -> {LESSONS} lessons x {SECTIONS} sections")
    print(f"index build: {build_ms:.0f} ms")
    print(
        f"search: {len(timings)} queries, median {statistics.median(timings):.2f} ms, "
        f"p95 {p95:.2f} ms, max {max(timings):.2f} ms (target p95 <= {TARGET_P95_MS} ms)"
    )
    return 0 if p95 <= TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
