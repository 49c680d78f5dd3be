"""Fixtures for widget tests: the service graph over a temp store, and a page context."""

from __future__ import annotations

import pytest

from app.domain.content import Content
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
