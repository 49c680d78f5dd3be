"""The anatomy page: card contents and links, search list, links in, reset, screenshots."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.content import Content
from app.ui.anatomy.diagram import DiagramView
from app.ui.anatomy.page import AnatomyPage
from app.ui.context import PageContext
from tests.helpers.navigator import RecordingNavigator


@pytest.fixture
def page(qtbot: QtBot, page_context: PageContext) -> AnatomyPage:
    widget = AnatomyPage(page_context)
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    return widget


def _view(page: AnatomyPage) -> DiagramView:
    assert page.view is not None
    return page.view


def test_click_shows_the_card_with_every_field(
    qtbot: QtBot, page: AnatomyPage, shipped_content: Content
) -> None:
    """Clicking piriformis (peeled to its depth) fills the card from anatomy.toml."""
    view = _view(page)
    page.depth_buttons[2].click()
    assert view.current_depth == 3
    point = view.point_inside("piriformis")
    assert point is not None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    structure = shipped_content.structures["piriformis"]
    text = page.card.toPlainText()
    for fragment in (
        structure.name,
        structure.latin,
        structure.origin,
        structure.insertion,
        structure.actions_primary[0],
        structure.roots,
        structure.blood_supply,
        structure.relations[0],
        structure.clinical[0],
        "Sources differ",
        structure.sources_differ[0],
    ):
        assert fragment in text
    assert page.structure_list.currentItem().text() == structure.name


def test_card_links_go_through_navigate(
    page: AnatomyPage, navigator: RecordingNavigator, shipped_content: Content
) -> None:
    """Lessons naming the structure, its quiz and routines with its stretches are linked."""
    page.open_link("anatomy:piriformis")
    hrefs = page.card.link_hrefs
    lessons = [
        f"lesson:{x.id}" for x in shipped_content.lessons.values() if "piriformis" in x.structures
    ]
    assert set(lessons) <= set(hrefs)
    assert "quiz:piriformis" in hrefs
    assert any(href.startswith("stretch:") for href in hrefs)
    page.card.activate_link(hrefs[0])
    assert navigator.links == [hrefs[0]]
    page.card.activate_link("http://example.com")
    assert navigator.links == [hrefs[0]]


@pytest.mark.parametrize("structure_id", ["gluteus-minimus", "sciatic-nerve", "gluteus-maximus"])
def test_open_link_selects_peels_and_shows(page: AnatomyPage, structure_id: str) -> None:
    """anatomy:<id> selects it at a depth where it can be seen and clicked."""
    page.open_link(f"anatomy:{structure_id}")
    view = _view(page)
    assert view.selected == structure_id
    assert page.depth_slider.value() == view.current_depth
    assert page.depth_buttons[view.current_depth - 1].isChecked()
    assert view.point_inside(structure_id) is not None
    assert page.card.structure_id == structure_id


def test_search_filters_and_selects(qtbot: QtBot, page: AnatomyPage) -> None:
    """Typing filters the list (Latin names too); Enter selects the first match."""
    qtbot.keyClicks(page.search, "ischiadicus")
    shown = [
        page.structure_list.item(row).text()
        for row in range(page.structure_list.count())
        if not page.structure_list.item(row).isHidden()
    ]
    assert shown == ["Sciatic nerve"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert _view(page).selected == "sciatic-nerve"
    assert _view(page).point_inside("sciatic-nerve") is not None


def test_slider_and_labels_and_reset(qtbot: QtBot, page: AnatomyPage) -> None:
    """The slider peels; reset clears selection, search, zoom and depth."""
    view = _view(page)
    page.depth_slider.setValue(4)
    assert view.current_depth == 4
    assert view.point_inside("gluteus-maximus") is None
    page.labels_toggle.setChecked(False)
    assert not view.labels_visible()
    qtbot.mouseClick(page.zoom_in, Qt.MouseButton.LeftButton)
    assert view.zoom > 1
    page.search.setText("medius")
    page.open_link("anatomy:gluteus-medius")
    page.reset()
    assert (view.selected, view.current_depth, view.zoom, page.search.text()) == ("", 1, 1.0, "")
    assert page.card.structure_id == ""


def test_focus_search(page: AnatomyPage) -> None:
    """Ctrl+F lands in the search box."""
    page.activateWindow()
    page.focus_search()
    assert page.search.hasFocus() or page.focusWidget() is page.search
