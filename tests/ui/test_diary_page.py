"""The diary as a person uses it: tap the body map, pick the details, save; edit and delete;
record a day; read the charts. Each test checks the rows stored and what the charts show."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from app.domain.diary import DayContext, Factor
from app.domain.diary_stats import NOT_ENOUGH
from app.services.store import Store
from app.ui.context import PageContext
from app.ui.diary.charts import DAYS_SHOWN, DiaryCharts
from app.ui.diary.page import DiaryPage
from app.ui.diary.qdates import qdate


@pytest.fixture
def page(qtbot: QtBot, page_context: PageContext) -> DiaryPage:
    widget = DiaryPage(page_context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def _click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def _log(
    qtbot: QtBot, page: DiaryPage, area: str, strength: int, feel: str, note: str = ""
) -> None:
    """Tap the area on the map, the strength and the feel, type a note, press Save."""
    form = page.episode_form
    qtbot.mouseClick(
        form.body_map, Qt.MouseButton.LeftButton, pos=form.body_map.centre_of(area).toPoint()
    )
    _click(qtbot, next(b for b in form.strength_buttons.buttons() if b.text() == str(strength)))
    _click(qtbot, next(b for b in form.feel_buttons.buttons() if b.text() == feel))
    if note:
        qtbot.keyClicks(form.note, note)
    _click(qtbot, form.save_button)


def _tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the tick box itself (a wide check box's middle may be past its label)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _rows(store: Store) -> list[tuple[object, ...]]:
    return store.query(
        "SELECT area, intensity, feel, note, duration_seconds FROM diary_episodes ORDER BY id"
    )


@pytest.mark.parametrize(
    "area", ["left-gluteus-maximus", "left-gluteus-medius", "left-piriformis", "right-piriformis"]
)
def test_tapping_each_buttock_area_stores_that_area(
    qtbot: QtBot, page: DiaryPage, store: Store, area: str
) -> None:
    """Maximus, medius and the piriformis area are told apart, left from right."""
    _log(qtbot, page, area, 3, "Ripple")
    assert _rows(store) == [(area, 3, "ripple", "", 5)]


def test_an_episode_is_logged_in_a_few_taps(qtbot: QtBot, page: DiaryPage, store: Store) -> None:
    """Area, strength, feel, duration and note land in one stored row; the form clears."""
    page.episode_form.duration.setCurrentIndex(2)  # "about a minute", as picked from the list
    _log(qtbot, page, "right-calf", 4, "Thump", "after squats")
    assert _rows(store) == [("right-calf", 4, "thump", "after squats", 60)]
    assert page.episode_form.body_map.selected == ""
    assert page.entries.list.count() == 1


def test_saving_without_an_area_asks_for_one(qtbot: QtBot, page: DiaryPage, store: Store) -> None:
    _click(qtbot, page.episode_form.save_button)
    assert _rows(store) == []
    assert "body map" in page.notice.text


def test_edit_and_delete_an_episode(qtbot: QtBot, page: DiaryPage, store: Store) -> None:
    """Edit changes the stored row in place; delete removes it."""
    _log(qtbot, page, "left-piriformis", 2, "Flicker")
    page.show_view("entries")
    page.entries.select_row(0)
    _click(qtbot, page.entries.edit_button)
    assert page.tabs.currentIndex() == 0
    _click(qtbot, next(b for b in page.episode_form.strength_buttons.buttons() if b.text() == "5"))
    _click(qtbot, page.episode_form.save_button)
    assert _rows(store) == [("left-piriformis", 5, "flicker", "", 5)]
    page.entries.select_row(0)
    _click(qtbot, page.entries.delete_button)
    assert _rows(store) == []


def test_a_day_and_a_medicine_are_recorded(qtbot: QtBot, page: DiaryPage, store: Store) -> None:
    """Only ticked factors are stored (unknown stays NULL); a medicine keeps its start date."""
    page.show_view("days")
    form = page.day_form
    _tick(qtbot, form.recorded[Factor.CAFFEINE])
    form.values[Factor.CAFFEINE].setValue(3)
    _click(qtbot, form.save_button)
    rows = store.query("SELECT caffeine, sleep, stress FROM diary_days")
    assert rows == [(3.0, None, None)]
    qtbot.keyClicks(page.medicines.name, "Salbutamol")
    _click(qtbot, page.medicines.add_button)
    names = store.query("SELECT name, started_on IS NOT NULL FROM diary_medicines")
    assert names == [("Salbutamol", 1)]
    assert page.medicines.list.count() == 1


def test_charts_show_the_logged_episodes(
    qtbot: QtBot, page: DiaryPage, page_context: PageContext
) -> None:
    """Two episodes today in the piriformis area and one in the calf: today's bar is 3."""
    for area in ("left-piriformis", "left-piriformis", "right-calf"):
        _log(qtbot, page, area, 2, "Flicker")
    page.show_view("charts")
    charts = page.charts
    assert isinstance(charts, DiaryCharts)
    assert len(charts.daily.bars.values) == DAYS_SHOWN
    assert charts.daily.bars.values[-1] == 3
    assert sum(charts.daily.bars.values) == 3
    assert charts.areas.bars.labels == ("Left piriformis", "Right calf")
    assert charts.areas.bars.values == (2.0, 1.0)


def test_a_factor_is_compared_only_from_the_fourteenth_recorded_day(
    qtbot: QtBot, page: DiaryPage, page_context: PageContext
) -> None:
    """Thirteen days of caffeine: 'not enough data yet' and no points; the fourteenth day,
    entered in the day form, draws all fourteen."""
    diary = page_context.diary
    today = page_context.clock.now().astimezone().date()
    for back in range(1, 14):
        diary.save_day(DayContext(today - timedelta(days=back), ((Factor.CAFFEINE, back % 3),)))
    page.show_view("charts")
    charts = page.charts
    assert isinstance(charts, DiaryCharts)
    charts.select_factor(Factor.CAFFEINE)
    assert charts.factor_plot.sentence.text().startswith(NOT_ENOUGH)
    assert charts.factor_plot.drawn_points == ()
    page.show_view("days")
    _tick(qtbot, page.day_form.recorded[Factor.CAFFEINE])
    page.day_form.values[Factor.CAFFEINE].setValue(2)
    _click(qtbot, page.day_form.save_button)
    assert len(charts.factor_plot.drawn_points) == 14
    assert "not proof" in charts.factor_plot.sentence.text()


def test_the_self_check_is_one_tap_away(qtbot: QtBot, page: DiaryPage, navigator: object) -> None:
    _click(qtbot, page.check_button)
    assert navigator.links == ["check:start"]  # type: ignore[attr-defined]


def test_a_kiosk_offers_no_export_and_writes_no_file(
    qtbot: QtBot, page_context: PageContext, tmp_path: object
) -> None:
    kiosk = DiaryPage(dataclasses.replace(page_context, files_allowed=False))
    qtbot.addWidget(kiosk)
    assert kiosk.pdf_button.isHidden()
    assert kiosk.csv_button.isHidden()
    target = tmp_path / "diary.csv"  # type: ignore[operator]
    assert not kiosk.export_csv(target)
    assert not target.exists()


def test_the_body_map_works_from_the_keyboard(qtbot: QtBot, page: DiaryPage) -> None:
    """Arrow keys move between areas (the name is spoken), Space picks one."""
    body_map = page.episode_form.body_map
    body_map.setFocus()
    qtbot.keyClick(body_map, Qt.Key.Key_Right)
    spoken = body_map.accessibleDescription()
    qtbot.keyClick(body_map, Qt.Key.Key_Space)
    assert body_map.selected
    assert page.episode_form.area_label.text() == spoken


def test_a_medicine_is_edited_marked_stopped_and_removed(
    qtbot: QtBot, page: DiaryPage, store: Store
) -> None:
    page.show_view("days")
    meds = page.medicines
    qtbot.keyClicks(meds.name, "Sertralin")
    _click(qtbot, meds.add_button)
    meds.list.setCurrentRow(0)
    _click(qtbot, meds.edit_button)
    qtbot.keyClicks(meds.name, "e")
    qtbot.keyClicks(meds.dose, "50 mg")
    _click(qtbot, meds.add_button)
    meds.list.setCurrentRow(0)
    _click(qtbot, meds.stop_button)
    rows = store.query("SELECT name, dose, stopped_on IS NOT NULL FROM diary_medicines")
    assert rows == [("Sertraline", "50 mg", 1)]
    meds.list.setCurrentRow(0)
    _click(qtbot, meds.remove_button)
    assert store.query("SELECT COUNT(*) FROM diary_medicines") == [(0,)]


def test_an_experiment_is_planned_and_reported_in_words(
    qtbot: QtBot, page: DiaryPage, page_context: PageContext, store: Store
) -> None:
    """Plan saved from the panel; with 7 + 7 recorded days the result is a sentence with a
    95% interval; the plan can be deleted."""
    diary = page_context.diary
    today = page_context.clock.now().astimezone().date()
    for back in range(14):
        diary.save_day(DayContext(today - timedelta(days=back)))
    page.show_view("experiment")
    panel = page.experiment
    panel.baseline_start.setDate(qdate(today - timedelta(days=13)))
    panel.change_start.setDate(qdate(today - timedelta(days=6)))
    panel.change_end.setDate(qdate(today))
    qtbot.keyClicks(panel.plan, "no coffee after noon")
    _click(qtbot, panel.save_button)
    assert store.query("SELECT factor, plan FROM diary_experiments") == [
        ("caffeine", "no coffee after noon")
    ]
    assert "95% interval" in panel.result.text()
    assert "not proof" in panel.result.text()
    _click(qtbot, panel.delete_button)
    assert store.query("SELECT COUNT(*) FROM diary_experiments") == [(0,)]
    assert panel.result.text() == "No experiment planned yet."
