"""The main window: lazy pages, shortcuts, link routing, geometry and notices."""

from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.main import build_window
from app.services.clock import FakeClock
from app.services.resources import Resources
from app.services.settings import FONT_SCALES
from app.services.store_handle import StoreHandle
from app.ui.home.page import HomePage
from app.ui.main_window import MainWindow
from app.ui.pages import PAGES
from app.ui.progress.page import ProgressPage
from tests.helpers.window import answer_one_question_right


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    """Make the window active, as a user's click would (shortcuts need an active window)."""
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _args(data: Path, content: Path | None = None) -> argparse.Namespace:
    return argparse.Namespace(data=data, content=content, kiosk=False, screenshot=None)


@pytest.fixture
def make_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, resources: Resources
) -> Iterator[object]:
    handles: list[StoreHandle] = []

    def make(content: Path | None = None) -> MainWindow:
        used = resources if content is None else Resources(content, resources.assets_dir)
        window, _, handle = build_window(
            qapp, _args(tmp_path / "data", content), used, FakeClock()
        )
        qtbot.addWidget(window)
        handles.append(handle)
        return window

    yield make
    for handle in handles:
        handle.store.close()


def test_pages_are_built_on_first_visit_only(make_window: object) -> None:
    assert callable(make_window)
    window: MainWindow = make_window()
    window.show_page("home")
    assert window.built_pages() == ["home"]
    window.show_page("quiz")
    quiz = window.page("quiz")
    window.show_page("home")
    window.show_page("quiz")
    assert window.page("quiz") is quiz
    assert window.built_pages() == ["home", "quiz"]


def test_ctrl_number_switches_pages(qtbot: QtBot, make_window: object) -> None:
    assert callable(make_window)
    window: MainWindow = make_window()
    window.show()
    window.show_page("home")
    _activate(qtbot, window)
    for number, spec in enumerate(PAGES, start=1):
        target = QApplication.focusWidget() or window
        qtbot.keyClick(
            target, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_key == spec.key


def test_rail_click_opens_page(qtbot: QtBot, make_window: object) -> None:
    assert callable(make_window)
    window: MainWindow = make_window()
    window.show()
    qtbot.mouseClick(window._rail.button("stretch"), Qt.MouseButton.LeftButton)
    assert window.current_key == "stretch"


def test_links_route_to_their_page_and_external_ones_are_refused(make_window: object) -> None:
    assert callable(make_window)
    window: MainWindow = make_window()
    window.show_page("home")
    window.open_link("anatomy:piriformis")
    assert window.current_key == "anatomy"
    window.open_link("https://example.com")
    assert window.current_key == "anatomy"
    assert "Not opened" in window.statusBar().currentMessage()
    window.open_link("lesson:does-not-exist")
    assert window.current_key == "anatomy"


def test_geometry_is_restored(qtbot: QtBot, make_window: object) -> None:
    assert callable(make_window)
    first: MainWindow = make_window()
    first.resize(761, 599)  # the offscreen screen is 800 x 800
    first.show()
    qtbot.waitExposed(first)
    first.close()
    second: MainWindow = make_window()
    assert second.restore_geometry()
    assert (second.width(), second.height()) == (761, 599)


def test_flawed_content_shows_a_notice_and_runs(
    make_window: object, tmp_path: Path, resources: Resources
) -> None:
    content = tmp_path / "content"
    shutil.copytree(resources.content_dir, content)
    quiz = content / "quizzes" / "broken.toml"
    quiz.write_text("[[questions]\nid = ", encoding="utf-8")
    assert callable(make_window)
    window: MainWindow = make_window(content)
    assert window.notice.isVisibleTo(window)
    assert "content problem" in window.notice.text
    window.show_page("quiz")
    assert window.current_key == "quiz"


def test_font_scale_shortcut_changes_the_theme(qtbot: QtBot, make_window: object) -> None:
    assert callable(make_window)
    window: MainWindow = make_window()
    window.show()
    _activate(qtbot, window)
    before = window.context.theme.px()
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.context.theme.px() > before
    qtbot.keyClick(target, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.context.theme.px() == before


def test_home_and_progress_follow_an_answer_given_on_the_quiz_page(
    qtbot: QtBot, make_window: object
) -> None:
    """One quiz store serves every page: an answer on the Quiz page shows on Home and on an
    already built Progress page with no other prompt."""
    assert callable(make_window)
    window: MainWindow = make_window()
    window.show()
    home = window.page("home")
    assert isinstance(home, HomePage)
    assert home.stat_text("progress") == "Charts appear as you learn"
    window.show_page("progress")
    progress = window.page("progress")
    assert isinstance(progress, ProgressPage)
    assert progress.accuracy.showing_empty
    answer_one_question_right(window)
    assert home.stat_text("progress").startswith("1 answer")
    window.show_page("progress")
    assert not progress.accuracy.showing_empty
    assert progress.totals.text().startswith("1 answer so far")


def test_back_and_forward_follow_pages_and_links(qtbot: QtBot, make_window: object) -> None:
    """Rail → link → link, then Alt+Left twice, the mouse's back button and Alt+Right walk the
    same trail, each step showing where the learner was."""
    assert callable(make_window)
    window: MainWindow = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    window.show_page("quiz")
    window.open_link("lesson:what-is-a-gluteal-twitch")
    window.open_link("anatomy:piriformis")
    assert window.current_key == "anatomy"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_key == "lessons"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_key == "quiz"
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_key == "lessons"
    qtbot.mouseClick(window, Qt.MouseButton.BackButton)
    assert window.current_key == "quiz"
    window.show_page("stretch")  # a new place drops the forward trail
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_key == "stretch"


def test_reset_forgets_the_trail(make_window: object) -> None:
    """After a kiosk reset, Back has nowhere to go: the previous visitor's trail is gone."""
    assert callable(make_window)
    window: MainWindow = make_window()
    window.show_page("quiz")
    window.open_link("lesson:what-is-a-gluteal-twitch")
    window.reset_pages()
    window.go_back()
    assert window.current_key == "lessons"


def test_status_messages_leave_no_bar_behind(qtbot: QtBot, make_window: object) -> None:
    """A message shows a bar at the foot; once it times out the bar is gone again."""
    assert callable(make_window)
    window: MainWindow = make_window()
    window.show()
    window.notify("Saved lesson.pdf")
    assert window.statusBar().isVisible()
    window.statusBar().clearMessage()  # what the 8 s timeout does
    assert not window.statusBar().isVisible()


def test_qt_settings_stay_in_the_data_folder(tmp_path: Path) -> None:
    """With --data DIR, Qt's own settings file (the file dialog's memory) is under DIR."""
    from PySide6.QtCore import QSettings

    from app.main import keep_qt_settings_in

    keep_qt_settings_in(tmp_path)
    try:
        settings = QSettings(QSettings.Scope.UserScope, "QtProject")
        assert Path(settings.fileName()).is_relative_to(tmp_path)
    finally:
        keep_qt_settings_in(Path(os.environ["XDG_CONFIG_HOME"]))


def test_a_plus_stays_under_the_finger(qtbot: QtBot, make_window: object) -> None:
    """Pressing A+ on Home twice: the page reflows with bigger text, but the button stays where
    it was on screen, so the second press lands on it."""
    assert callable(make_window)
    window: MainWindow = make_window()
    window.resize(1000, 700)
    window.show()
    home = window.page("home")
    assert isinstance(home, HomePage)
    _, larger = home.text_size_buttons
    scale = window.context.settings.font_scale
    home.findChild(QScrollArea).ensureWidgetVisible(larger)
    QApplication.processEvents()
    where = larger.mapTo(window, larger.rect().center())
    for _ in range(2):
        qtbot.mouseClick(window.childAt(where), Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        assert larger.mapTo(window, larger.rect().center()).y() == pytest.approx(where.y(), abs=2)
    assert window.context.settings.font_scale == FONT_SCALES[FONT_SCALES.index(scale) + 2]


def test_tab_into_the_rail_lands_on_the_page_being_shown(
    qtbot: QtBot, make_window: object
) -> None:
    """The rail's page buttons are one Tab stop (arrows move within them): after opening a
    page with the keyboard shortcut, tabbing round the window reaches that page's button."""
    assert callable(make_window)
    window: MainWindow = make_window()
    window.resize(1280, 800)
    window.show()
    window.show_page("home")
    _activate(qtbot, window)
    for number, key in ((3, "lessons"), (6, "progress")):
        qtbot.keyClick(
            QApplication.focusWidget() or window,
            Qt.Key(Qt.Key.Key_0.value + number),
            Qt.KeyboardModifier.ControlModifier,
        )
        assert window.current_key == key
        rail = window.findChild(QWidget, "navRail")
        assert rail is not None
        reached = []
        for _ in range(200):
            qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
            focus = QApplication.focusWidget()
            if (
                isinstance(focus, QAbstractButton)
                and rail.isAncestorOf(focus)
                and focus.isCheckable()
            ):
                reached.append(focus.accessibleName())
                break
        assert reached == [PAGES[number - 1].title]
