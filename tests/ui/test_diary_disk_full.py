"""The diary page on a full disk: the plain message, and nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.store import Store
from app.ui.context import PageContext
from app.ui.diary.page import DiaryPage
from tests.reliability.test_diary_disk_full import BIG, FULL, disk_full


def test_the_diary_page_says_so_in_plain_words(
    qtbot: QtBot, page_context: PageContext, store: Store
) -> None:
    """Save pressed on a full disk: the notice says it was not saved; the form keeps the entry."""
    page = DiaryPage(page_context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    form = page.episode_form
    point = form.body_map.centre_of("right-gluteus-maximus").toPoint()
    qtbot.mouseClick(form.body_map, Qt.MouseButton.LeftButton, pos=point)
    qtbot.keyClicks(form.note, BIG)
    with disk_full(store):
        before = store.query("SELECT COUNT(*) FROM diary_episodes")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        assert store.query("SELECT COUNT(*) FROM diary_episodes") == before
    assert page.notice.text.startswith(f"Not saved: {FULL}")
    assert "Traceback" not in page.notice.text
    assert form.body_map.selected == "right-gluteus-maximus"  # nothing typed is lost
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved = store.query("SELECT area FROM diary_episodes WHERE area != 'left-calf'")
    assert saved == [("right-gluteus-maximus",)]
