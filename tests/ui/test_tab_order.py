"""Tab through every page with real key presses: each control reached, named, in reading order.

The walk presses Tab on whichever widget has the focus, as a keyboard user does, until the
focus has gone round the whole window: from the page into the rail, through the page's stops
(recorded) and back into the rail.

Reading order, checked for each pair of consecutive stops on a page: the next stop is
- in a later row: it starts at or below the bottom of the previous stop; or
- in the same row and not to its left: the two share at least half the height of the lower
  one, and the next one's left edge is not left of the previous one's; or
- in a column to the right: it starts at or right of the previous stop's right edge (a
  sidebar is read top to bottom before the column beside it, which starts higher up again).
Each comparison allows ``SLACK`` pixels. Positions are measured unscrolled: a stop inside a
scroll area is placed by the scroll area when compared with stops outside it, and by its place
in the scrolled content when compared with stops in the same area.

A widget may keep the focus for several Tab presses when Tab moves inside it (links in the
lesson text, structures on the diagram, the sections of a date): at most ``INNER_STOPS``,
so Tab never gets stuck. The rail's page buttons are one exclusive group, so Qt gives them one
Tab stop (the arrow keys move between them); the walk checks that Tab passes through the rail.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QScrollArea,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.quiz import QuestionKind
from app.domain.quiz_session import Mode, QuizPlan
from app.main import build_window
from app.services.clock import FakeClock
from app.services.resources import Resources
from app.ui.main_window import MainWindow
from app.ui.quiz.page import QuizPage
from app.ui.stretch.page import StretchPage

#: Pixels of give in every reading-order comparison (borders, baselines, focus frames).
SLACK = 8
#: Tab presses one widget may take for stops inside it before it counts as stuck.
INNER_STOPS = 40
#: Tab presses for a whole round of the window before the walk gives up.
ROUND_LIMIT = 300


@pytest.fixture(params=[(1280, 800), (720, 540)], ids=["laptop", "smallest"])
def window(
    qtbot: QtBot, qapp: QApplication, resources: Resources, request: pytest.FixtureRequest
) -> Iterator[MainWindow]:
    """The main window at a laptop's size and at its smallest, where columns stack."""
    args = argparse.Namespace(data=None, content=None, kiosk=False, screenshot=Path("unused"))
    built, _, handle = build_window(qapp, args, resources, FakeClock())
    qtbot.addWidget(built)
    built.resize(*request.param)
    built.show()
    yield built
    handle.store.close()


def _quiz_feedback(window: MainWindow) -> QWidget:
    """A question answered: choices marked, feedback with its lesson link shown."""
    window.show_page("quiz")
    page = window.page("quiz")
    assert isinstance(page, QuizPage)
    questions = window.context.content.questions.values()
    multi = next(q for q in questions if q.kind is QuestionKind.MULTI and q.lesson)
    page.start(QuizPlan("Tab order", Mode.TEST, (multi.id,), 1))
    page.question_view.choices.choose(0)
    page.question_view.submit((0,))
    return page


def _stretch_builder(window: MainWindow) -> QWidget:
    window.show_page("stretch")
    page = window.page("stretch")
    assert isinstance(page, StretchPage)
    page.library.build_requested.emit("desk-break")
    return page


#: Views inside pages that showing the page alone never reaches.
STATES: dict[str, Callable[[MainWindow], QWidget]] = {
    "quiz-feedback": _quiz_feedback,
    "stretch-builder": _stretch_builder,
}


def _show(window: MainWindow, where: str) -> QWidget:
    if where in STATES:
        page = STATES[where](window)
    else:
        window.show_page(where)
        page = window.page(where)
    QApplication.processEvents()
    return page


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    # Building some pages makes the offscreen platform drop the active window; keys need it.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _rail(window: MainWindow) -> QWidget:
    rail = window.findChild(QWidget, "navRail")
    assert rail is not None
    return rail


def _press_tab(qtbot: QtBot, focus: QWidget) -> QWidget:
    """Tab on ``focus`` until the focus moves; the widget that has it then."""
    for _ in range(INNER_STOPS):
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None, f"Tab on {_describe(focus)} left no widget focused"
        if now is not focus:
            return now
    raise AssertionError(f"Tab is stuck on {_describe(focus)} ({INNER_STOPS} presses)")


def tab_round(qtbot: QtBot, window: MainWindow, page: QWidget) -> list[QWidget]:
    """The page's stops in Tab order, from the stop after the rail to the stop before it."""
    rail = _rail(window)
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the focus after showing the page"
    presses = 0
    while not rail.isAncestorOf(focus):  # first into the rail, from wherever the page starts
        focus = _press_tab(qtbot, focus)
        presses += 1
        assert presses < ROUND_LIMIT, "Tab never reaches the rail"
    while rail.isAncestorOf(focus):
        focus = _press_tab(qtbot, focus)
    stops: list[QWidget] = []
    while not rail.isAncestorOf(focus):  # one round of the page, until the rail again
        assert page.isAncestorOf(focus), f"Tab left the page for {_describe(focus)}"
        assert focus not in stops, f"Tab goes round the page without the rail: {stops}"
        stops.append(focus)
        focus = _press_tab(qtbot, focus)
        assert len(stops) < ROUND_LIMIT, "Tab never comes back to the rail"
    return stops


def focusable_controls(page: QWidget) -> list[QWidget]:
    """What a keyboard user should be able to reach on the page as it is shown."""
    found = []
    for widget in page.findChildren(QWidget):
        tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not (tab and widget.isVisible() and widget.isEnabled()):
            continue
        if widget.focusProxy() is not None:
            continue  # the proxy is the stop
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the editor inside a spin box or combo box is reached as its owner
        found.append(widget)
    return found


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for the widget: its accessible name, else visible text."""
    name = widget.accessibleName()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "")
    if not name and isinstance(widget, QLabel):
        name = QTextDocumentFragment.fromHtml(widget.text()).toPlainText()
    if not name and isinstance(widget, QTabBar):
        name = " ".join(widget.tabText(i) for i in range(widget.count()))  # spoken per tab
    return name.strip()


def _placement(widget: QWidget, page: QWidget) -> list[tuple[QWidget, QRect]]:
    """From the page inwards: the box standing for ``widget`` at each scroll level, and where
    it lies in that level's unscrolled coordinates."""
    boxes: list[QWidget] = [widget]
    frames: list[QWidget] = []
    node = widget.parentWidget()
    while node is not None and node is not page:
        content = node.widget() if isinstance(node, QScrollArea) else None
        if content is not None and content.isAncestorOf(widget):
            boxes.insert(0, node)
            frames.insert(0, content)
        node = node.parentWidget()
    frames.insert(0, page)
    return [
        (box, QRect(box.mapTo(frame, QPoint(0, 0)), box.size()))
        for box, frame in zip(boxes, frames, strict=True)
    ]


def reads_after(before: QRect, after: QRect) -> bool:
    """Whether a stop at ``after`` may follow one at ``before`` (see the module docstring)."""
    if after.top() >= before.top() + before.height() - SLACK:
        return True  # a later row
    shared = min(before.bottom(), after.bottom()) - max(before.top(), after.top())
    if (
        shared >= min(before.height(), after.height()) / 2
        and after.left() >= before.left() - SLACK
    ):
        return True  # the same row, further right
    return after.left() >= before.left() + before.width() - SLACK  # a column to the right


def follows_in_reading_order(first: QWidget, second: QWidget, page: QWidget) -> bool:
    outer, inner = _placement(first, page), _placement(second, page)
    level = 0
    while level < min(len(outer), len(inner)) and outer[level][0] is inner[level][0]:
        level += 1
    if level == len(outer):
        return True  # a scroll area, then what it holds
    if level == len(inner):
        return False  # back out to the scroll area after what it holds
    return reads_after(outer[level][1], inner[level][1])


def _describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {spoken_name(widget)!r}"


PLACES = [
    "home",
    "anatomy",
    "lessons",
    "quiz",
    "stretch",
    "progress",
    "lab",
    "diary",
    "check",
    *STATES,
]


def test_every_page_is_listed(window: MainWindow) -> None:
    """The walk below covers every page the window offers."""
    assert set(window.page_keys()) <= set(PLACES)


@pytest.mark.parametrize("where", PLACES)
def test_tab_reaches_every_control_named_in_reading_order(
    qtbot: QtBot, window: MainWindow, where: str
) -> None:
    """One round of Tab on the page reaches each visible, enabled control once, each has a
    name a screen reader can say, consecutive stops follow reading order, and the round
    passes through the rail and comes back."""
    page = _show(window, where)
    _activate(qtbot, window)
    stops = tab_round(qtbot, window, page)
    missed = [_describe(w) for w in focusable_controls(page) if w not in stops]
    assert not missed, f"not reached by Tab: {missed}"
    unnamed = [_describe(w) for w in stops if not spoken_name(w)]
    assert not unnamed, f"no name for a screen reader: {unnamed}"
    out_of_order = [
        f"{_describe(first)} -> {_describe(second)}"
        for first, second in pairwise(stops)
        if not follows_in_reading_order(first, second, page)
    ]
    assert not out_of_order, "\n".join(out_of_order)


def test_tab_from_the_builders_hold_box_goes_to_the_next_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    """In the routine builder, Tab from a step's Hold box lands on the field beside it (its
    reps), never on the rail."""
    page = _show(window, "stretch-builder")
    _activate(qtbot, window)
    stops = tab_round(qtbot, window, page)
    hold = next(w for w in stops if spoken_name(w).startswith("Hold"))
    hold.setFocus()
    qtbot.keyClick(hold, Qt.Key.Key_Tab)
    landed = QApplication.focusWidget()
    assert landed is not None
    assert page.isAncestorOf(landed), f"Tab from Hold went to {_describe(landed)}"
    assert spoken_name(landed).startswith("Reps")
    hold_box, next_box = _placement(hold, page)[-1][1], _placement(landed, page)[-1][1]
    assert reads_after(hold_box, next_box)


def test_the_reading_order_rule_can_fail() -> None:
    """Going back up on the left, or left within a row, is out of order; down, right and
    into the next column are not."""
    top_left, below = QRect(0, 0, 100, 40), QRect(0, 60, 100, 40)
    right, next_column = QRect(120, 0, 100, 40), QRect(300, -200, 100, 40)
    assert reads_after(top_left, below)
    assert reads_after(top_left, right)
    assert reads_after(below, next_column)
    assert not reads_after(below, top_left)
    assert not reads_after(right, top_left)
