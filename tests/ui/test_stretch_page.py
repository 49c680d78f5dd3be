"""The Stretch page driven like a user: library, player (keys, buttons), history, builder."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt

from app.domain.links import Link, LinkKind
from app.domain.routine_timer import Phase
from app.services.clock import FakeClock
from app.services.store import Store
from app.services.store_handle import StoreHandle
from app.services.stretch_history import StretchHistory
from app.ui.context import PageContext
from app.ui.stretch.page import StretchPage


@pytest.fixture
def no_multimedia(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make QtMultimedia, QtTextToSpeech and the anatomy view fail to import."""
    for name in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "app.ui.anatomy.diagram"):
        monkeypatch.setitem(sys.modules, name, None)


@pytest.fixture
def page(qtbot, page_context: PageContext, no_multimedia: None) -> StretchPage:
    widget = StretchPage(page_context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def advance(page: StretchPage, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    page.player.poll()


def test_runs_a_routine_without_sound_or_speech(
    store: Store, qtbot, page: StretchPage, fake_clock
) -> None:
    """With the multimedia modules missing, the player runs, flashes, and records the session."""
    page.library.select("desk-break")
    page.library.start_requested.emit(page.library.current_id)
    player = page.player
    assert "No sound" in player.sound_note
    assert player._ring.seconds == 5
    advance(page, fake_clock, 5.0)
    assert player._flash.flashing
    assert player._step_name.text() == "Seated figure-four"
    assert player._side.text() == "Left side"
    assert player._ring.seconds == 30
    qtbot.keyClick(player, Qt.Key.Key_Space)  # pause
    advance(page, fake_clock, 100)
    assert player.timer.status(fake_clock.monotonic()).phase is Phase.PAUSED
    assert player._ring.seconds == 30
    qtbot.keyClick(player, Qt.Key.Key_Space)  # resume
    advance(page, fake_clock, 10)
    assert player._ring.seconds == 20
    while player.running:
        advance(page, fake_clock, 1.0)
    (session,) = StretchHistory(StoreHandle(store)).sessions()
    assert session.completed
    routine = page._context.content.routines["desk-break"]
    assert session.active_seconds == sum(s.active_seconds for s in routine.steps)
    assert player._step_name.text() == "Routine complete"
    qtbot.mouseClick(player._stop, Qt.MouseButton.LeftButton)  # now "Close"
    assert page.current_view is page.library


def test_keys_skip_back_and_escape_records_abandoned(
    store: Store, qtbot, page: StretchPage, fake_clock
) -> None:
    page.library.select("glute-piriformis-release")
    qtbot.mouseClick(
        page.library._details.widget().findChildren(type(page.player._pause))[0],
        Qt.MouseButton.LeftButton,
    )
    player = page.player
    assert page.current_view is player
    advance(page, fake_clock, 12)  # 2 s into the first hold
    qtbot.keyClick(player, Qt.Key.Key_Right)  # skip to rep 2 on the left
    assert player._rep.text() == "Rep 2 of 2"
    qtbot.keyClick(player, Qt.Key.Key_Left)  # just begun: back to rep 1
    assert player._rep.text() == "Rep 1 of 2"
    advance(page, fake_clock, 3)
    qtbot.keyClick(player, Qt.Key.Key_Escape)  # asks first
    assert player.asking_to_stop
    assert player.running
    qtbot.keyClick(player, Qt.Key.Key_Return)  # "Stop and save"
    assert not player.running
    (session,) = StretchHistory(StoreHandle(store)).sessions()
    assert not session.completed
    assert session.active_seconds == pytest.approx(2 + 3)


def test_stretch_link_selects_routine_and_reset_writes_nothing(
    qtbot, page_context: PageContext, no_multimedia: None, fake_clock
) -> None:
    """A playing routine makes the page busy; a reset stops it unrecorded and frees it."""
    page = StretchPage(page_context)
    qtbot.addWidget(page)
    page.open_link(Link(LinkKind.STRETCH, "post-workout"))
    assert page.library.current_id == "post-workout"
    assert not page.busy
    with qtbot.waitSignal(page.busy_changed) as started:
        page.library.start_requested.emit("post-workout")
    assert started.args == [True]
    advance(page, fake_clock, 30)
    with qtbot.waitSignal(page.busy_changed) as stopped:
        page.reset()
    assert stopped.args == [False]
    assert not page.player.running
    assert page.current_view is page.library
    assert page_context.stretch_history.sessions() == []


def test_builder_composes_reorders_and_saves(store: Store, qtbot, page: StretchPage) -> None:
    page.library.build_requested.emit("")
    builder = page.builder
    assert page.current_view is builder
    qtbot.mouseClick(builder._save, Qt.MouseButton.LeftButton)
    assert "name" in builder.problems_text
    builder._name.setText("Evening hips")
    for stretch_id in ("childs-pose", "figure-four"):
        row = list(page._context.content.stretches).index(stretch_id)
        builder._library.setCurrentRow(row)
        qtbot.mouseClick(builder._add, Qt.MouseButton.LeftButton)
    builder._hold.setValue(25)  # the selected (last added) step
    qtbot.mouseClick(builder._up, Qt.MouseButton.LeftButton)
    assert [s.stretch for s in builder.steps] == ["figure-four", "childs-pose"]
    assert builder.steps[0].hold == 25
    qtbot.mouseClick(builder._save, Qt.MouseButton.LeftButton)
    assert page.current_view is page.library
    assert page.library.current_id == "my-evening-hips"
    saved, _ = StretchHistory(StoreHandle(store)).custom_routines(page._context.content.stretches)
    assert [s.stretch for s in saved[0].steps] == ["figure-four", "childs-pose"]


def test_stop_asks_pauses_and_ends_with_a_summary(
    store: Store, qtbot, page: StretchPage, fake_clock
) -> None:
    """Stop pauses the countdown and asks; "Keep going" resumes where it was; "Stop and save"
    ends the run, shows what was done and records it."""
    page.library.select("desk-break")
    page.library.start_requested.emit(page.library.current_id)
    player = page.player
    advance(page, fake_clock, 15)
    qtbot.mouseClick(player._stop, Qt.MouseButton.LeftButton)
    assert player.asking_to_stop
    assert player.timer is not None
    paused_at = player.timer.status(fake_clock.monotonic()).total_remaining
    advance(page, fake_clock, 60)  # the question waits; so does the routine
    assert player.timer.status(fake_clock.monotonic()).total_remaining == paused_at
    qtbot.mouseClick(player._end.keep_going, Qt.MouseButton.LeftButton)
    assert not player.asking_to_stop
    advance(page, fake_clock, 5)
    assert player.timer.status(fake_clock.monotonic()).total_remaining == pytest.approx(
        paused_at - 5
    )
    qtbot.mouseClick(player._stop, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(player._end.stop_now, Qt.MouseButton.LeftButton)
    assert not player.running
    assert player.summary.startswith("Stopped after 0 of 3 stretches")
    (session,) = StretchHistory(StoreHandle(store)).sessions()
    assert not session.completed
    assert 0 < session.active_seconds < 20  # the paused minute is not counted
    assert f"{round(session.active_seconds)} s of stretching" in player.summary  # as stored
    assert not page.busy


def test_busy_while_playing_not_while_paused(qtbot, page: StretchPage, fake_clock) -> None:
    """A kiosk holds its idle reset while a routine plays hands-free; pausing hands the page
    back to the idle clock, and resuming takes it again."""
    page.library.select("desk-break")
    with qtbot.waitSignal(page.busy_changed) as started:
        page.library.start_requested.emit(page.library.current_id)
    assert started.args == [True]
    advance(page, fake_clock, 12)
    with qtbot.waitSignal(page.busy_changed) as paused:
        qtbot.keyClick(page.player, Qt.Key.Key_Space)
    assert paused.args == [False]
    with qtbot.waitSignal(page.busy_changed) as resumed:
        qtbot.keyClick(page.player, Qt.Key.Key_Space)
    assert resumed.args == [True]
