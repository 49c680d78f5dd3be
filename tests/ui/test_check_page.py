"""The self-check page as a visitor uses it: press Start, answer yes or no, read the outcome."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.red_flags import Level
from app.ui.check.page import CheckPage
from app.ui.context import PageContext
from tests.helpers.navigator import RecordingNavigator

# The shipped order of questions (content/red-flags.toml): three emergency signs, then eight
# see-a-doctor signs.
EMERGENCY_COUNT, TOTAL = 3, 11


@pytest.fixture
def page(qtbot: QtBot, page_context: PageContext) -> CheckPage:
    widget = CheckPage(page_context)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    return widget


def _press(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_a_yes_to_the_first_emergency_sign_ends_the_check_at_once(
    qtbot: QtBot, page: CheckPage, page_context: PageContext
) -> None:
    """Yes to bladder or bowel trouble: emergency now, naming that answer; it is stored."""
    _press(qtbot, page.start_button)
    assert "bladder" in page.question_text
    _press(qtbot, page.yes_button)
    assert page.result is not None
    assert page.result.level is Level.EMERGENCY
    assert page.outcome.title == "Get emergency help now"
    assert "New bladder or bowel trouble" in page.outcome.reasons
    stored = page_context.diary.latest_check()
    assert stored is not None
    assert stored.level == "emergency"
    assert stored.reasons == ("New bladder or bowel trouble",)


def test_a_see_a_doctor_sign_after_three_noes_means_soon(qtbot: QtBot, page: CheckPage) -> None:
    """No to the emergency signs, then yes to weakness: see a doctor soon, no more questions."""
    _press(qtbot, page.start_button)
    for _ in range(EMERGENCY_COUNT):
        _press(qtbot, page.no_button)
    assert "weakness" in page.question_text
    _press(qtbot, page.yes_button)
    assert page.result is not None
    assert page.result.level is Level.SOON
    assert "Weakness, stiffness or muscle wasting" in page.outcome.reasons


def test_no_to_everything_is_self_care_and_the_links_open_lessons(
    qtbot: QtBot, page: CheckPage, navigator: RecordingNavigator
) -> None:
    """Eleven noes: self-care, saying so, and its lesson links navigate."""
    _press(qtbot, page.start_button)
    for _ in range(TOTAL):
        _press(qtbot, page.no_button)
    assert page.result is not None
    assert page.result.level is Level.SELF_CARE
    assert f"no to all {TOTAL} questions" in page.outcome.reasons
    buttons = page.outcome.link_buttons()
    assert buttons
    _press(qtbot, buttons[0])
    assert navigator.links == ["lesson:lifestyle-causes"]


def test_back_undoes_the_last_answer(qtbot: QtBot, page: CheckPage) -> None:
    """Back after one answer shows the first question again; Start again clears everything."""
    _press(qtbot, page.start_button)
    first = page.question_text
    _press(qtbot, page.no_button)
    assert page.question_text != first
    _press(qtbot, page.back_button)
    assert page.question_text == first
    _press(qtbot, page.yes_button)
    _press(qtbot, page.outcome.again_button)
    assert page.result is None
    assert page.question_text == ""
