"""Render budget fuzzing: deep nesting of every kind, shown (Markdown, nh3, Qt layout) in time.

Each body is either refused by the gate's structural budget (and then by the reader with the
same reason) or rendered and laid out by Qt within the 2 s budget. Nesting is generated from
every container there is: HTML tables, divs, lists, definition lists and quotes, and Markdown
quotes and lists, mixed at random depths around and far past the caps.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from app.domain.lesson_budget import budget_problem
from app.services.lesson_renderer import LessonRenderer

#: The promise: any lesson check-content accepts renders within this (DESIGN.md targets).
BUDGET_S = 2.0

_HTML = {
    "table": ("<table><tr><td>", "</td></tr></table>"),
    "div": ("<div>", "</div>"),
    "ul": ("<ul><li>", "</li></ul>"),
    "ol": ("<ol><li>", "</li></ol>"),
    "dl": ("<dl><dd>", "</dd></dl>"),
    "blockquote": ("<blockquote>", "</blockquote>"),
}
KINDS = (*_HTML, "markdown-quote", "markdown-list")
_RENDERER = LessonRenderer()


def nest(kinds: list[str], inner: str) -> str:
    """``inner`` wrapped in one container per kind, outermost first."""
    for kind in reversed(kinds):
        if kind in _HTML:
            opening, closing = _HTML[kind]
            inner = f"{opening}{inner}{closing}"
        elif kind == "markdown-quote":
            inner = "\n".join(f"> {line}" for line in inner.splitlines())
        else:
            lines = inner.splitlines() or [""]
            inner = "\n".join([f"- {lines[0]}", *(f"    {line}" for line in lines[1:])])
    return inner


def shown_within_budget(body: str) -> None:
    """Render as the reader does, assert the time, and that gate and reader agree."""
    started = time.perf_counter()
    rendered = _RENDERER.render(body)
    document = QTextDocument()
    document.setTextWidth(640)
    document.setHtml(rendered.html or rendered.refused)
    document.size()  # the full layout
    elapsed = time.perf_counter() - started
    assert elapsed < BUDGET_S, f"{elapsed:.2f} s"
    reason = budget_problem(body)
    assert bool(rendered.refused) == (reason is not None)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("depth", [3, 8, 9, 17, 30, 200])
def test_deep_nesting_of_each_kind_is_shown_in_time_or_refused(
    qapp: QApplication, kind: str, depth: int
) -> None:
    body = nest([kind] * depth, "text in the middle")
    shown_within_budget(body + "\n\n" + "A closing paragraph. " * 200)


ISSUE_INPUTS = {
    "tables-18": "<table><tr><td>" * 18 + "x",
    "tables-30": "<table><tr><td>" * 30 + "x",
    "emphasis": "*a**a*" * 30_000,
    "divs": "<div>" * 38_000,
    "code-spans": "`a``a " * 30_000,
    "open-tags": "<a" * 95_000,
    "headings": "\n\n".join(f"# h{n}" for n in range(4_999)),
}


@pytest.mark.parametrize("name", list(ISSUE_INPUTS))
def test_the_issue_inputs_are_shown_in_time_or_refused(qapp: QApplication, name: str) -> None:
    shown_within_budget(ISSUE_INPUTS[name])


_TEXT = st.sampled_from(
    ["word", "*em*", "**strong**", "`code`", "[a](lesson:x)", "&amp;", "<b>b</b>", "<a", "# h",
     "| a | b |", "\n", "\n\n", "> q", "- item", "    indented", "_u_", "x" * 50]
)  # fmt: skip


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,  # the same 120 mixes on every run: CI must not depend on the draw
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(st.sampled_from(KINDS), min_size=1, max_size=40),
    st.lists(_TEXT, max_size=60).map(" ".join),
    st.integers(min_value=1, max_value=400),
)
def test_random_nesting_mixes_are_shown_in_time_or_refused(
    qapp: QApplication, kinds: list[str], inner: str, copies: int
) -> None:
    """Random stacks of containers around random Markdown, repeated to fill a body."""
    body = "\n\n".join([nest(kinds, inner or "x")] * copies)
    shown_within_budget(body)
