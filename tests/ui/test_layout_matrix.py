"""Every page at the sizes, text scales and themes people use: nothing clipped or overlapping.

The audit (app/ui/layout_audit.py) reads what Qt reports: a button or label whose text needs
more room than it got, wrapped text taller than its widget, list rows squashed by their view,
siblings laid over each other. Screenshots of the whole matrix are written under
build/layout-matrix/ for a person to judge what the audit cannot (spin-box arrows, balance).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.domain.quiz import QuestionKind
from app.domain.quiz_session import Mode, QuizPlan
from app.main import build_window, first_window_size
from app.services.clock import FakeClock
from app.services.resources import Resources
from app.ui.layout_audit import audit
from app.ui.main_window import MainWindow
from app.ui.quiz.page import QuizPage
from app.ui.reflow import ReflowRow
from app.ui.stretch.page import StretchPage

SIZES = ((720, 540), (1280, 800), (1920, 1080))
SCALES = (1.0, 1.5, 2.0)
THEMES = ("light", "high-contrast")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "layout-matrix"


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, resources: Resources) -> Iterator[MainWindow]:
    args = argparse.Namespace(data=None, content=None, kiosk=False, screenshot=Path("unused"))
    built, _, handle = build_window(qapp, args, resources, FakeClock())
    qtbot.addWidget(built)
    built.show()
    yield built
    # The theme is applied to the whole application: put it back for the tests that follow.
    built.context.settings.update(theme="light", font_scale=1.0)
    handle.store.close()


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _quiz_feedback(window: MainWindow) -> None:
    """A multi-select question answered half right: choices marked, feedback shown."""
    window.show_page("quiz")
    page = window.page("quiz")
    assert isinstance(page, QuizPage)
    questions = window.context.content.questions.values()
    multi = next(q for q in questions if q.kind is QuestionKind.MULTI)
    page.start(QuizPlan("Layout", Mode.TEST, (multi.id,), 1))
    page.question_view.choices.choose(0)
    page.question_view.submit((0,))


def _stretch_player(window: MainWindow) -> None:
    window.show_page("stretch")
    page = window.page("stretch")
    assert isinstance(page, StretchPage)
    page.library.start_requested.emit("desk-break")


def _stretch_builder(window: MainWindow) -> None:
    window.show_page("stretch")
    page = window.page("stretch")
    assert isinstance(page, StretchPage)
    page.reset()
    page.library.build_requested.emit("desk-break")


#: Views inside pages that the page list alone never shows.
STATES = {
    "quiz-feedback": _quiz_feedback,
    "stretch-player": _stretch_player,
    "stretch-builder": _stretch_builder,
}


def test_every_page_fits_at_every_size_scale_and_theme(window: MainWindow) -> None:
    """The full matrix: 3 sizes x 3 text scales x 2 themes x every page (and the views inside
    pages in the light theme), no problem found."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    settings = window.context.settings
    found: list[str] = []
    for theme in THEMES:
        settings.theme = theme
        for scale in SCALES:
            settings.font_scale = scale
            for width, height in SIZES:
                window.resize(width, height)
                for key in window.page_keys():
                    window.show_page(key)
                    _settle()
                    name = f"{key}-{width}x{height}-{scale}-{theme}"
                    window.grab().save(str(SHOTS / f"{name}.png"))
                    found.extend(f"{name}: {problem}" for problem in audit(window))
                if theme == THEMES[0]:
                    found.extend(_states_problems(window, f"{width}x{height}-{scale}"))
    assert not found, "\n".join(found)


def _states_problems(window: MainWindow, where: str) -> list[str]:
    found: list[str] = []
    for state, show in STATES.items():
        show(window)
        _settle()
        window.grab().save(str(SHOTS / f"{state}-{where}.png"))
        found.extend(f"{state}-{where}: {problem}" for problem in audit(window))
    window.reset_pages()
    return found


def test_the_audit_reports_a_clipped_button(qtbot: QtBot) -> None:
    """A button squeezed narrower than its text is reported; at its natural width it is not."""
    holder = QWidget()
    qtbot.addWidget(holder)
    row = QHBoxLayout(holder)
    squeezed = QPushButton("A button with a rather long label")
    row.addWidget(squeezed)
    holder.show()
    _settle()
    assert audit(holder) == []
    squeezed.setFixedWidth(squeezed.sizeHint().width() // 2)
    _settle()
    (problem,) = audit(holder)
    assert "A button with a rather long label" in problem.widget
    assert "text needs" in problem.problem


def test_the_audit_reports_overlapping_siblings(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    row = QHBoxLayout(holder)
    first, second = QPushButton("One"), QPushButton("Two")
    row.addWidget(first)
    row.addWidget(second)
    holder.resize(300, 60)
    holder.show()
    _settle()
    assert audit(holder) == []
    second.move(first.pos())  # as a broken layout would leave them
    assert any("overlaps" in problem.problem for problem in audit(holder))


def test_first_window_fits_a_small_screen(window: MainWindow) -> None:
    """The first window is never larger than the screen's free area (the offscreen screen
    is 800 x 600, smaller than the designed 1280 x 820) nor smaller than the minimum."""
    size = first_window_size(window)
    available = window.screen().availableGeometry().size()
    assert available.height() < 820  # the case this test is about
    assert size.width() <= available.width()
    assert size.height() <= available.height()
    assert size.width() >= window.minimumWidth()
    assert size.height() >= window.minimumHeight()


def test_the_audit_reports_a_page_that_scrolls_sideways(qtbot: QtBot) -> None:
    """Content wider than its scroll area (a row of buttons that cannot wrap) is reported;
    the same buttons in a row that stacks when narrow are not."""
    holder = QWidget()
    qtbot.addWidget(holder)
    area = QScrollArea()
    QHBoxLayout(holder).addWidget(area)
    area.setWidgetResizable(True)
    holder.resize(280, 200)
    content = QWidget()
    row = QHBoxLayout(content)
    for text in ("Summary for a clinician", "Export everything"):
        row.addWidget(QPushButton(text))
    area.setWidget(content)
    holder.show()
    _settle()
    (problem,) = audit(holder)
    assert "scrolls sideways" in problem.problem

    reflowing = ReflowRow()
    for text in ("Summary for a clinician", "Export everything"):
        reflowing.add(QPushButton(text))
    area.setWidget(reflowing)
    _settle()
    assert audit(holder) == []
    assert reflowing.stacked
    holder.resize(900, 200)
    _settle()
    assert not reflowing.stacked
