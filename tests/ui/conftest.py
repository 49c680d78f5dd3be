"""Fixtures for widget tests: a page context over a temp store and the shipped content."""

from __future__ import annotations

import pytest

from app.domain.content import Content
from app.services.clock import FakeClock
from app.services.lesson_progress import LessonProgress
from app.services.resources import Resources
from app.services.settings import Settings
from app.services.store import Store
from app.ui.context import PageContext
from app.ui.theme import Theme
from tests.helpers.navigator import RecordingNavigator


@pytest.fixture
def page_context(
    qapp: object,
    store: Store,
    shipped_content: Content,
    resources: Resources,
    fake_clock: FakeClock,
    navigator: RecordingNavigator,
) -> PageContext:
    """Everything a page needs; links and page switches land in ``navigator``."""
    return PageContext(
        content=shipped_content,
        store=store,
        settings=Settings(store),
        lesson_progress=LessonProgress(store),
        resources=resources,
        clock=fake_clock,
        theme=Theme(),
        navigate=navigator.open_link,
        show_page=navigator.show_page,
        notify=navigator.notify,
    )
