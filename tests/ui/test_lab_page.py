"""The EMG lab page driven like a learner: scenarios chosen and played on the (fake) clock,
links followed, the kiosk kept waiting while a study plays, and conduction cursors dragged
with the mouse to read a velocity."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QGraphicsView
from pytestqt.qtbot import QtBot

from app.domain.emg.scenarios import PHASES, STUDY_SECONDS
from app.domain.emg.study import NOISE_UV, DischargeKind
from app.domain.links import parse_link
from app.services.clock import FakeClock
from app.ui.context import PageContext
from app.ui.lab.conduction_plot import ConductionPlot
from app.ui.lab.page import LabPage
from app.ui.lab.sweep_plot import COLUMNS, SWEEP_SECONDS
from tests.helpers.navigator import RecordingNavigator


@pytest.fixture
def page(qtbot: QtBot, page_context: PageContext) -> LabPage:
    """The lab without a loudspeaker: it runs on the fake clock."""
    lab = LabPage(page_context, make_sound=lambda parent: None)
    qtbot.addWidget(lab)
    lab.resize(1280, 820)
    lab.show()
    return lab


def _drag(qtbot: QtBot, plot: ConductionPlot, site: str, to_ms: float) -> None:
    """Press on a site's cursor, move in steps, release at ``to_ms``."""
    viewport = plot.view.viewport()
    # Let pending layout settle before reading positions: the reading beside the plot can
    # change length after a drag, and the plot's size follows over a few event-loop turns.
    seen = None
    for _ in range(20):
        QApplication.processEvents()
        now = (viewport.size(), plot.point_at(site, plot.cursor_ms(site)))
        if now == seen:
            break
        seen = now
    start = plot.point_at(site, plot.cursor_ms(site))
    end = plot.point_at(site, to_ms)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def _velocity_shown(page: LabPage) -> float:
    match = re.search(r"= ([\d.]+) m/s", page.conduction.velocity.text())
    assert match is not None, page.conduction.velocity.text()
    return float(match.group(1))


def test_dragging_both_cursors_to_the_onsets_gives_the_nerve_velocity(
    qtbot: QtBot, page: LabPage
) -> None:
    """Stimulate both sites, drag each cursor to its response's onset: the velocity shown is
    the model's (distance / latency difference), within what a pixel of dragging allows."""
    page.open_link(parse_link("lab:conduction"))
    panel = page.conduction
    assert "not yet measured" in panel.velocity.text()
    for site in ("distal", "proximal"):
        qtbot.mouseClick(panel.stimulate_buttons[site], Qt.MouseButton.LeftButton)
    truth = panel.study
    _drag(qtbot, panel.plot, "proximal", truth.proximal.onset_ms)
    _drag(qtbot, panel.plot, "distal", truth.distal.onset_ms)
    assert panel.plot.cursor_ms("distal") == pytest.approx(truth.distal.onset_ms, abs=0.15)
    assert panel.plot.cursor_ms("proximal") == pytest.approx(truth.proximal.onset_ms, abs=0.15)
    assert _velocity_shown(page) == pytest.approx(truth.velocity, abs=1.5)
    assert "within the normal range" in panel.reading.text()


def test_demyelination_reads_slow_with_block_after_dragging(qtbot: QtBot, page: LabPage) -> None:
    """With demyelination on, the dragged velocity falls in the demyelinating range and the
    reading names the block."""
    page.open_link(parse_link("lab:conduction"))
    panel = page.conduction
    box = panel.toggles["demyelination"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    panel.show_onsets()  # both stimulated; now drag away and back, as a learner checks
    truth = panel.study
    _drag(qtbot, panel.plot, "proximal", truth.proximal.onset_ms + 5)
    assert _velocity_shown(page) < truth.velocity - 3
    _drag(qtbot, panel.plot, "proximal", truth.proximal.onset_ms)
    assert _velocity_shown(page) == pytest.approx(truth.velocity, abs=1.5)
    assert _velocity_shown(page) < 0.75 * truth.nerve.normal.velocity
    assert "conduction block" in panel.reading.text()


def test_cursors_the_wrong_way_round_give_no_velocity(qtbot: QtBot, page: LabPage) -> None:
    page.open_link(parse_link("lab:conduction"))
    panel = page.conduction
    panel.show_onsets()
    _drag(qtbot, panel.plot, "proximal", panel.study.distal.onset_ms - 1)
    assert "not yet measured" in panel.velocity.text()


def test_switching_nerve_clears_the_study(qtbot: QtBot, page: LabPage) -> None:
    page.open_link(parse_link("lab:conduction"))
    panel = page.conduction
    panel.show_onsets()
    radio = panel.nerve_buttons["fibular"]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert panel.study.nerve.id == "fibular"
    assert panel.measured_velocity() is None
    assert "300 mm" in panel.sites.text()


def test_a_study_plays_on_the_clock_and_holds_the_kiosk_until_it_ends(
    page: LabPage, fake_clock: FakeClock
) -> None:
    """Play benign fasciculations: busy while playing; the phase and the count of
    fasciculations follow the clock; at the end it stops by itself and frees the kiosk."""
    page.open_link(parse_link("lab:benign-fasciculations"))
    emg = page.emg
    busy: list[bool] = []
    page.busy_changed.connect(busy.append)
    emg.play_button.click()
    assert page.busy
    assert emg.play_button.text() == "Stop"
    recording = emg.recording
    assert recording is not None
    fascs = recording.of_kind(DischargeKind.FASCICULATION)
    fake_clock.advance(fascs[1].time + 0.01)
    emg.playback.tick()
    assert emg.phase.text().startswith("At rest")
    assert emg.plot.caption == "So far: 2 fasciculation potentials."
    fake_clock.advance(PHASES[3].start + 0.5 - fascs[1].time - 0.01)
    emg.playback.tick()
    assert emg.phase.text().startswith("Strong contraction")
    assert emg.gain.text() == "1000 µV per division"
    fake_clock.advance(STUDY_SECONDS)
    emg.playback.tick()
    assert not page.busy
    assert busy == [True, False]
    assert emg.play_button.text() == "Play the study"


def test_leaving_the_page_or_resetting_stops_the_study(
    page: LabPage, fake_clock: FakeClock
) -> None:
    page.emg.play()
    assert page.busy
    page.reset()
    assert not page.busy
    assert page.emg.scenario.id == "healthy"
    page.emg.play()
    page.hide()
    assert not page.busy


def test_links_open_the_right_part_and_the_lesson_link_navigates(
    qtbot: QtBot, page: LabPage, navigator: RecordingNavigator
) -> None:
    page.open_link(parse_link("lab:motor-neurone-disease"))
    assert page.tabs.currentIndex() == 0
    assert page.emg.scenario_buttons["motor-neurone-disease"].isChecked()
    assert "several body regions" in page.emg.not_shown.text()
    page.open_link(parse_link("lab:conduction"))
    assert page.tabs.currentIndex() == 1
    page.tabs.setCurrentIndex(0)
    qtbot.mouseClick(page.emg.lesson_button, Qt.MouseButton.LeftButton)
    assert navigator.links[-1] == "lesson:diagnosis#emg"


def test_point_at_maps_milliseconds_left_to_right(page: LabPage) -> None:
    """Later times are further right on the viewport (the geometry the drags rely on)."""
    page.open_link(parse_link("lab:conduction"))
    plot = page.conduction.plot
    early, late = plot.point_at("distal", 5.0), plot.point_at("distal", 25.0)
    assert late.x() > early.x() + 100
    assert isinstance(early, QPoint)


def test_the_trace_on_screen_is_the_models_signal(page: LabPage) -> None:
    """Just after a fasciculation, the screen column where it fell shows its peak, and the
    screen ahead of the sweep is blank until the next sweep."""
    page.open_link(parse_link("lab:benign-fasciculations"))
    page.emg.show_at(0.0)
    recording = page.emg.recording
    assert recording is not None
    first = recording.of_kind(DischargeKind.FASCICULATION)[0]
    page.emg.show_at(first.time + 0.1)
    lows = page.emg.plot.shown[0::2]
    column = int((first.time % SWEEP_SECONDS) * COLUMNS / SWEEP_SECONDS)
    assert lows[column] == pytest.approx(first.peak_uv, abs=30)
    assert abs(lows[column]) > 10 * NOISE_UV
    ahead = int(((first.time + 0.1) % SWEEP_SECONDS) * COLUMNS / SWEEP_SECONDS) + 1
    assert np.isnan(lows[ahead : ahead + 3]).all()


def test_plots_follow_the_theme(page: LabPage, page_context: PageContext) -> None:
    """Switching to high contrast repaints both plots in its colours."""
    page_context.theme.set("high-contrast", 1.0)
    surface = page_context.theme.palette.surface
    assert page.emg.plot.plot.backgroundBrush().color().name() == surface
    assert page.conduction.plot.view.backgroundBrush().color().name() == surface
    assert page.emg.plot.strips[0].opts["pen"].color().name() == page_context.theme.palette.accent


def test_the_conduction_tab_opened_by_a_click_shows_a_fresh_study(
    qtbot: QtBot, page: LabPage
) -> None:
    """The study is built on the tab's first showing (not with the page), and is whole."""
    page.show()
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert page.tabs.currentIndex() == 1
    assert page.tabs.currentWidget() is page.conduction
    assert page.tabs.tabText(1) == "Nerve conduction"
    assert page.conduction.isVisible()
    page.reset()
    assert page.tabs.currentIndex() == 0


def test_the_trace_is_drawn_on_the_turn_after_the_page_shows(
    qtbot: QtBot, page_context: PageContext
) -> None:
    """The lab paints first and builds its trace's plot after (it is a third of the first
    visit); what was set meanwhile (the gain) is what the plot shows."""
    lab = LabPage(page_context, make_sound=lambda parent: None)
    qtbot.addWidget(lab)
    sweep = lab.emg.plot
    assert sweep.findChildren(QGraphicsView) == []
    lab.resize(1280, 820)
    lab.show()
    assert sweep.findChildren(QGraphicsView) == []  # not in the showing itself
    qtbot.waitUntil(lambda: bool(sweep.findChildren(QGraphicsView)))
    (low, high) = sweep.plot.getPlotItem().viewRange()[1]
    assert (low, high) == pytest.approx((-sweep.range_uv, sweep.range_uv))
