"""Fixtures for widget tests: the service graph over a temp store, and a page context."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.content import Content
from app.main import build_window
from app.services.clock import FakeClock
from app.services.diagram_library import DiagramLibrary
from app.services.diary import Diary
from app.services.lesson_progress import LessonProgress
from app.services.quiz_store import QuizStore
from app.services.resources import Resources
from app.services.settings import Settings
from app.services.store import Store
from app.services.store_handle import StoreHandle
from app.services.stretch_history import StretchHistory
from app.ui.anatomy.figure_art import FigureArtLibrary
from app.ui.context import PageContext
from app.ui.main_window import MainWindow
from app.ui.theme import Theme
from tests.helpers.navigator import RecordingNavigator


@pytest.fixture
def store_handle(qapp: object, store: Store) -> StoreHandle:
    return StoreHandle(store)


@pytest.fixture
def page_context(
    store_handle: StoreHandle,
    shipped_content: Content,
    resources: Resources,
    fake_clock: FakeClock,
    navigator: RecordingNavigator,
) -> PageContext:
    """Everything a page needs, each service built once as the app does; links and page
    switches land in ``navigator``."""
    return PageContext(
        content=shipped_content,
        settings=Settings(store_handle),
        lesson_progress=LessonProgress(store_handle),
        quiz_store=QuizStore(store_handle, fake_clock),
        stretch_history=StretchHistory(store_handle),
        diary=Diary(store_handle),
        resources=resources,
        diagrams=(diagrams := DiagramLibrary(resources)),
        figures=FigureArtLibrary(diagrams),
        clock=fake_clock,
        theme=Theme(),
        navigate=navigator.open_link,
        show_page=navigator.show_page,
        notify=navigator.notify,
        speech_engine=None,
    )


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, resources: Resources) -> Iterator[MainWindow]:
    """The whole window as the app builds it (its own store), shown at 1280 x 800."""
    args = argparse.Namespace(data=None, content=None, kiosk=False, screenshot=Path("unused"))
    built, _, handle = build_window(qapp, args, resources, FakeClock())
    qtbot.addWidget(built)
    built.resize(1280, 800)
    built.show()
    yield built
    handle.store.close()
