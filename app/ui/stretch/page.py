"""The Stretch page: the routine library, the player and the routine builder."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from app.domain.links import Link
from app.domain.routine_timer import RoutineTimer
from app.domain.routines import Routine
from app.services.cue_player import CuePlayer
from app.services.screen_awake import ScreenAwake
from app.services.store import StoreError
from app.services.stretch_history import Session
from app.ui.context import PageContext
from app.ui.page import Page
from app.ui.stretch.builder import RoutineBuilder
from app.ui.stretch.library import RoutineLibrary
from app.ui.stretch.player import RoutinePlayer
from app.ui.widgets import scrolling


class StretchPage(Page):
    """Library → player → back to the library; or library → builder → library."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self._context = context
        self._history = context.stretch_history
        self._awake = ScreenAwake()
        self._custom: list[Routine] = []
        names = {s.id: s.name for s in context.content.structures.values()}
        self.library = RoutineLibrary(context.content.stretches, names, context.resources)
        # The player and the builder are built the first time they are needed: most visits
        # start (and many stay) in the library, and building all three made the page slow to
        # open.
        self._player: RoutinePlayer | None = None
        self._builder: RoutineBuilder | None = None
        self._stack = QStackedWidget()
        self._holders: dict[QWidget, QWidget] = {}
        self._add_screen(self.library, self.library)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._stack)
        self.library.start_requested.connect(self._on_library_start_requested)
        self.library.build_requested.connect(self._on_library_build_requested)
        self.library.delete_requested.connect(self._on_library_delete_requested)
        self._history.routines_changed.connect(self._reload)
        self._reload()

    @property
    def player(self) -> RoutinePlayer:
        """The routine player (built on first use)."""
        if self._player is None:
            player = RoutinePlayer(self._context, self._make_cue_player)
            # It scrolls when a small window or large text cannot hold it.
            self._add_screen(player, scrolling(player))
            player.finished.connect(self._on_player_finished)
            # Busy while a routine plays hands-free; a paused one lets a kiosk's idle clock
            # run, so a routine left paused is reset like any other abandoned visit.
            player.playing_changed.connect(self.set_busy)
            player.close_requested.connect(self._show_library)
            self._player = player
        return self._player

    @property
    def builder(self) -> RoutineBuilder:
        """The routine builder (built on first use)."""
        if self._builder is None:
            builder = RoutineBuilder(self._context.content.stretches, self._context.theme)
            self._add_screen(builder, scrolling(builder))
            builder.save_requested.connect(self._on_builder_save_requested)
            builder.cancel_requested.connect(self._show_library)
            self._builder = builder
        return self._builder

    def _add_screen(self, view: QWidget, holder: QWidget) -> None:
        self._holders[view] = holder
        self._stack.addWidget(holder)

    def _make_cue_player(self) -> CuePlayer | None:
        return CuePlayer(
            self._context.resources, speech_engine=self._context.speech_engine, parent=self
        )

    # -- page protocol -------------------------------------------------------------------

    def open_link(self, link: Link) -> None:
        """``stretch:<routine-id>``: show that routine, ready to start."""
        if self._player is not None and self._player.running:
            return  # never yank someone out of a routine
        self._show_library()
        self.library.select(link.target)

    def reset(self) -> None:
        """Stop without recording, back to the first routine."""
        if self._player is not None:
            self._player.discard()
        self._awake.release()
        self._show_library()
        first = next(iter(self._context.content.routines), "")
        self.library.select(first)

    def focus_target(self) -> QWidget:
        player = self._player
        return player if player is not None and self.current_view is player else self

    @property
    def current_view(self) -> QWidget | None:
        """The library, the player or the builder."""
        shown = self._stack.currentWidget()
        return shown.widget() if isinstance(shown, QScrollArea) else shown

    def _show(self, view: QWidget) -> None:
        self._stack.setCurrentWidget(self._holders[view])

    # -- routines ------------------------------------------------------------------------

    def routines(self) -> dict[str, Routine]:
        return {**self._context.content.routines, **{r.id: r for r in self._custom}}

    def _reload(self) -> None:
        custom, problems = self._history.custom_routines(self._context.content.stretches)
        self._custom = custom
        if problems:
            self._context.notify(f"{len(problems)} saved routine(s) could not be loaded")
        self.library.set_routines(list(self._context.content.routines.values()), custom)

    def _show_library(self) -> None:
        self._show(self.library)

    def _on_library_start_requested(self, routine_id: str) -> None:
        routine = self.routines().get(routine_id)
        if routine is None:
            return
        self._show(self.player)
        self._awake.hold("A stretch routine is running")
        self.player.start(routine)

    def _on_library_build_requested(self, routine_id: str) -> None:
        self.builder.edit(self.routines().get(routine_id))
        self._show(self.builder)

    def _on_library_delete_requested(self, routine_id: str) -> None:
        try:
            self._history.delete_routine(routine_id)
        except StoreError as error:
            self._context.notify(str(error))

    def _on_builder_save_requested(self, body: dict[str, object]) -> None:
        try:
            routine, problems = self._history.save_routine(
                body, self._context.content.stretches, self._context.clock.now()
            )
        except StoreError as error:
            self.builder.show_problems([str(error)])
            return
        if routine is None:
            self.builder.show_problems([p.message for p in problems])
            return
        self.library.select(routine.id)
        self._show_library()
        self._context.notify(f"Saved “{routine.name}”")

    def _on_player_finished(self, timer: RoutineTimer) -> None:
        self._awake.release()
        self._record(timer)

    def _record(self, timer: RoutineTimer) -> None:
        if timer.started_at is None or timer.ended_at is None:
            return
        ended = self._context.clock.now()
        # Wall-clock start from the monotonic duration: immune to clock changes mid-routine.
        started = ended - timedelta(seconds=timer.ended_at - timer.started_at)
        session = Session(
            routine_id=timer.routine.id,
            started_at=started,
            ended_at=ended,
            active_seconds=timer.active_seconds(timer.ended_at),
            completed=not timer.abandoned,
            steps_done=timer.steps_done(),
        )
        try:
            self._history.record(session)
        except StoreError as error:
            self._context.notify(str(error))
