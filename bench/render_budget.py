"""Render budget: the worst lesson bodies the content gate lets through, shown within 2 s.

Each case sits at one or more of the caps in ``app/domain/lesson_budget.py`` (the gate's
structural verdict), filled to the size cap: emphasis and code spans packed to the per-paragraph
limit, the most ``<``, ``&`` and ``[`` allowed, the most headings, HTML nested to the limit
(tables three deep), quotes and lists nested to the limit, the most lines as one long table
and as one long list, and all caps at once. Each is rendered as the reader does (Markdown,
then nh3, then a QTextDocument laid out at reading width) and timed; the figure reported is
the slowest case, also as a ratio to the longest shipped lesson rendered in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/render_budget.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from app.domain import lesson_budget as cap
from app.services.content_loader import load_content
from app.services.lesson_renderer import LessonRenderer
from app.services.resources import find_resources

TARGET_MS = 2000.0
READING_WIDTH_PX = 640


def _fill(block: str, separator: str = "\n\n", limit: int = cap.MAX_BODY_CHARS) -> str:
    """``block`` repeated to just under the size and line caps."""
    lines_each = block.count("\n") + separator.count("\n")
    by_size = (limit - 100) // (len(block) + len(separator))
    by_lines = (cap.MAX_LINES - 10) // max(1, lines_each)
    return separator.join([block] * min(by_size, by_lines))


def _nested_html() -> str:
    three_tables = "<table><tr><td>" * 3 + "cell" + "</td></tr></table>" * 3
    five_divs = "<div><ul><li><blockquote><dl><dd>" + three_tables + "</dd></dl>"
    unit = five_divs + "</blockquote></li></ul></div>"
    count = cap.MAX_ANGLE_BRACKETS // unit.count("<")
    return "\n\n".join([unit] * count) + "\n\n" + _fill("plain words " * 40)[:100_000]


def _nested_quotes_and_lists() -> str:
    item = "> " * cap.MAX_QUOTE_DEPTH + " " * (cap.MAX_INDENT - 4) + "- deep item text here"
    return _fill(item, "\n")


def _packed(paragraph: str, marks_each: int, marks_total: int) -> str:
    """As many full ``paragraph``s as the total cap allows, then plain text to the size cap."""
    count = marks_total // marks_each
    packed = "\n\n".join([paragraph] * count)
    return packed + "\n\n" + _fill("plain text " * 40)[: cap.MAX_BODY_CHARS - len(packed) - 200]


def _everything() -> str:
    """Every per-body cap reached at once, in one body."""
    parts = [
        "<b>a</b> " * 400,
        "<a\n" * cap.MAX_STRAY_TAG_STARTS,
        "&#x41;" * 3_000,
        "\n\n".join(["[x](lesson:a) " * 140] * 20),
        "\n\n".join(["*a**a*" * 33] * 24),
        "\n\n".join(["`a``a " * 66] * 24),
        "\n\n".join(["## A heading"] * 250),
        "\n".join(["| x | y | z |"] * 900),
        _nested_quotes_and_lists()[:20_000],
    ]
    body = "\n\n".join(parts)
    return body + "\n\n" + ("word " * 40_000)[: cap.MAX_BODY_CHARS - len(body) - 100]


CASES: dict[str, Callable[[], str]] = {
    "emphasis at both caps": lambda: _packed("*a**a*" * 33, 198, cap.MAX_EMPHASIS),
    "underscores at both caps": lambda: _packed("_a__a_ " * 33, 198, cap.MAX_EMPHASIS),
    "code spans at both caps": lambda: _packed("`a``a " * 66, 198, cap.MAX_BACKTICKS),
    "most '<' as tags": lambda: _packed("<b>a</b> " * 100, 200, cap.MAX_ANGLE_BRACKETS),
    "most stray '<'": lambda: _packed("<a", 1, cap.MAX_STRAY_TAG_STARTS).replace("<a", "<a\n"),
    "most '&'": lambda: _packed("&#x41;" * 400, 400, cap.MAX_AMPERSANDS),
    "most links": lambda: _packed("[x](lesson:a) " * 150, 300, cap.MAX_BRACKETS),
    "most headings": lambda: _fill(
        "## A heading\n\n" + "words " * 100, limit=cap.MAX_HEADINGS * 610
    ),
    "nested HTML": _nested_html,
    "nested quotes and lists": _nested_quotes_and_lists,
    "longest table": lambda: (
        "| a | b | c |\n|---|---|---|\n"
        + "\n".join(["| x | y | z |"] * (cap.MAX_TABLE_ROWS - 2))
        + "\n\n"
        + _fill("- an item of a long list", "\n", limit=45_000)
    ),
    "longest list": lambda: _fill("- an item of a long list", "\n"),
    "one long paragraph": lambda: ("word " * (cap.MAX_BODY_CHARS // 5))[: cap.MAX_BODY_CHARS - 10],
    "every cap at once": _everything,
}


def render_ms(renderer: LessonRenderer, body: str) -> tuple[float, bool]:
    """Milliseconds to turn ``body`` into a laid-out document, and whether it was refused."""
    started = time.perf_counter()
    rendered = renderer.render(body)
    document = QTextDocument()
    document.setTextWidth(READING_WIDTH_PX)
    document.setHtml(rendered.html or rendered.refused)
    document.size()  # forces the full layout
    return (time.perf_counter() - started) * 1000, bool(rendered.refused)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    _app = QApplication.instance() or QApplication([])
    renderer = LessonRenderer()
    lessons = load_content(find_resources().content_dir).lessons.values()
    longest = max(lessons, key=lambda lesson: len(lesson.body)).body
    baseline = statistics.median(render_ms(renderer, longest)[0] for _ in range(runs))
    print(f"baseline: longest shipped lesson ({len(longest):,} chars): {baseline:.1f} ms")
    worst_name, worst = "", 0.0
    refused = []
    for name, build in CASES.items():
        body = build()
        problem = cap.budget_problem(body)
        if problem is not None:
            refused.append(f"{name}: {problem}")
            continue
        median = statistics.median(render_ms(renderer, body)[0] for _ in range(runs))
        print(f"{name:28s} {len(body):>8,} chars  {median:8.1f} ms  {median / baseline:7.1f} x")
        if median > worst:
            worst_name, worst = name, median
    for line in refused:
        print(f"NOT A VALID CASE (the gate refuses it): {line}")
    verdict = "met" if worst <= TARGET_MS else "NOT met"
    print(
        f"worst allowed lesson: {worst:.0f} ms ({worst_name}; {worst / baseline:.0f} x the "
        f"longest shipped lesson) (target <= {TARGET_MS:.0f} ms: {verdict})"
    )
    return 1 if refused or worst > TARGET_MS else 0


if __name__ == "__main__":
    sys.exit(main())
