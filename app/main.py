"""Composition root: parse arguments, build services, build the window, wire signals."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QSettings, QSize, QStandardPaths
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, DESKTOP_ID, __version__
from app.domain.content import EMPTY_CONTENT, Content
from app.domain.problems import Problem, SourceRef
from app.services.clock import Clock, SystemClock
from app.services.diagram_library import DiagramLibrary
from app.services.diary import Diary
from app.services.lesson_progress import LessonProgress
from app.services.quiz_store import QuizStore
from app.services.resources import ResourceError, Resources, find_resources
from app.services.settings import Settings
from app.services.store import DB_NAME, OpenNotice, Store
from app.services.store_handle import StoreHandle
from app.services.stretch_history import StretchHistory
from app.ui.anatomy.figure_art import FigureArtLibrary
from app.ui.context import Navigator, PageContext
from app.ui.first_paint import FirstPaintWatcher
from app.ui.main_window import MainWindow
from app.ui.pages import PAGES
from app.ui.theme import Theme

if TYPE_CHECKING:
    from app.domain.kiosk import KioskPolicy
    from app.ui.kiosk.controller import KioskController

#: When set, quit right after the home page is first painted (used by bench/startup.py).
STARTUP_PROBE_ENV = "GLUTEAL_ATLAS_EXIT_AFTER_PAINT"
#: The voice for spoken cues: unset for the platform's default, a QTextToSpeech engine name,
#: or "off" (the test suite turns it off: the machine's speech daemon is not under test).
VOICE_ENV = "GLUTEAL_ATLAS_VOICE"


def run(args: argparse.Namespace) -> int:
    """Start the app; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(DESKTOP_ID)
    if args.data is not None:
        keep_qt_settings_in(args.data)
    try:
        resources = find_resources(args.content)
    except ResourceError as error:
        print(f"gluteal-atlas: {error}", file=sys.stderr)
        return 2
    app.setWindowIcon(QIcon(str(resources.assets_dir / "icons" / "app.svg")))
    if args.kiosk:
        return _run_kiosk(app, args, resources)
    if args.screenshot is not None:
        from app.ui.screenshot import save_screenshots

        window, notice, _ = build_window(app, args, resources, SystemClock())
        return save_screenshots(
            window,
            args.screenshot,
            size=getattr(args, "size", None),
            text_scale=getattr(args, "text_scale", None),
            check_layout=getattr(args, "check_layout", False),
        )
    # Home paints first; content is parsed right after, before any other page can be opened.
    window, notice, handle = build_window(
        app, args, resources, SystemClock(), content=EMPTY_CONTENT, back_up_now=False
    )
    home = window.page("home")
    FirstPaintWatcher(home, lambda: _after_first_paint(window, handle, resources))
    if os.environ.get(STARTUP_PROBE_ENV):
        # Installed last so Qt consults it first: it reports before the content load runs.
        FirstPaintWatcher(home, lambda: _report_first_paint(app))
    if notice is not None:
        window.notice.show_message(notice.message)
    if not window.restore_geometry():
        window.resize(first_window_size(window))
    window.show_page("home")
    window.show()
    return app.exec()


class Composition(NamedTuple):
    """What :func:`build_window` made: the window, a notice about the store, the store handle."""

    window: MainWindow
    notice: OpenNotice | None
    store: StoreHandle


def build_window(
    app: QApplication,
    args: argparse.Namespace,
    resources: Resources,
    clock: Clock,
    content: Content | None = None,
    back_up_now: bool = True,
) -> Composition:
    """Build each service once, then the main window (not yet shown) over them.

    Args:
        content: what to show; loaded from ``resources`` now when ``None``.
    """
    if content is None:
        content = load_content_or_shipped(resources)
    store, notice = open_store(args, clock, back_up=back_up_now)
    handle = StoreHandle(store, app)
    settings = Settings(handle, app)
    theme = Theme(settings.theme, settings.font_scale, icons_dir=resources.assets_dir / "icons")
    theme.apply(app)

    def on_setting_changed(key: str) -> None:
        if key in ("theme", "font_scale"):
            theme.set(settings.theme, settings.font_scale)
            theme.apply(app)

    settings.changed.connect(on_setting_changed)
    lesson_progress = LessonProgress(handle, app)
    quiz_store = QuizStore(handle, clock, parent=app)
    stretch_history = StretchHistory(handle, app)
    diary = Diary(handle, app)
    diagrams = DiagramLibrary(resources)
    figures = FigureArtLibrary(diagrams)

    def make_context(navigator: Navigator) -> PageContext:
        return PageContext(
            content=content,
            settings=settings,
            lesson_progress=lesson_progress,
            quiz_store=quiz_store,
            stretch_history=stretch_history,
            diary=diary,
            resources=resources,
            diagrams=diagrams,
            figures=figures,
            clock=clock,
            theme=theme,
            navigate=navigator.open_link,
            show_page=navigator.show_page,
            notify=navigator.notify,
            files_allowed=not args.kiosk,
            speech_engine=_speech_engine(),
        )

    window = MainWindow(PAGES, make_context)
    window.show_content_problems(content.problems)
    return Composition(window, notice, handle)


def _run_kiosk(app: QApplication, args: argparse.Namespace, resources: Resources) -> int:
    from app.services.kiosk_admin import load_policy

    policy, problems = load_policy(args.config)
    controller, _ = build_kiosk(app, args, resources, SystemClock(), policy)
    window = controller.window
    if problems:
        window.notice.show_message("; ".join(str(problem) for problem in problems))
    if args.screenshot is not None:
        from app.ui.screenshot import save_kiosk_screenshots

        controller.start(fullscreen=False)
        return save_kiosk_screenshots(window, controller, args.screenshot)
    controller.start()
    # As for a learner: the slow parts of first visits are done while the start screen shows.
    FirstPaintWatcher(window, lambda: warm_up(window))
    return app.exec()


def build_kiosk(
    app: QApplication,
    args: argparse.Namespace,
    resources: Resources,
    clock: Clock,
    policy: KioskPolicy,
) -> tuple[KioskController, StoreHandle]:
    """The window and services as for a learner, under a kiosk policy (not yet started).

    Each visit runs on its own in-memory store: at every reset the store is replaced by an
    empty one and the previous one closed, so nothing of a visitor is left anywhere.

    Returns:
        The controller (its window is ``controller.window``) and the handle on the store.
    """
    from app.services.kiosk_admin import LockoutFile
    from app.ui.kiosk.controller import KioskController

    window, _, handle = build_window(app, args, resources, clock)
    lockout = LockoutFile(_state_dir(args), clock)
    controller = KioskController(
        window, policy, clock, lockout, app, lambda: handle.replace(Store.in_memory())
    )
    return controller, handle


def _state_dir(args: argparse.Namespace) -> Path:
    folder = args.data or Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    )
    return folder / "kiosk-lockout.json"


def load_content_or_shipped(resources: Resources) -> Content:
    """Content from ``resources``; the shipped content if an override leaves nothing usable."""
    # Imported here: the parsers (TOML, Markdown) are not needed for the first paint.
    from app.services.content_loader import load_content

    content = load_content(resources.content_dir)
    if content.structures or content.lessons:
        return content
    shipped = find_resources().content_dir
    if shipped.resolve() == resources.content_dir.resolve():
        return content
    fallback = load_content(shipped)
    where = SourceRef(str(resources.content_dir), 1)
    reason = Problem(where, "nothing usable here; showing the shipped content instead")
    return dataclasses.replace(fallback, problems=(reason, *content.problems, *fallback.problems))


def _after_first_paint(window: MainWindow, handle: StoreHandle, resources: Resources) -> None:
    """Start-up work the first paint does not wait for."""
    from app.services.content_task import start_content_load

    def show_content(content: Content) -> None:
        window.set_content(content)
        # One worker at a time: the UI thread then waits for the interpreter behind one
        # thread, not two, and no input waits long while the learner reads Home.
        warm_up(window)

    # Off the UI thread: a clinic's large content folder must not freeze the window.
    start_content_load(lambda: load_content_or_shipped(resources), show_content, window)
    handle.store.back_up_in_background(window.context.clock.now())


def warm_up(window: MainWindow) -> None:
    """Quick first visits: the chart library, page modules and atlas figures are loaded on a
    worker; then the atlas's first view is worked out on the UI thread, a step per turn."""
    from app.ui.one_per_turn import OnePerTurn
    from app.ui.warm_up import start_warm_up

    context = window.context
    later = OnePerTurn(window)
    start_warm_up(
        [context.diagrams.prefetch], done=lambda: context.figures.warm(later), parent=window
    )


def _speech_engine() -> str | None:
    chosen = os.environ.get(VOICE_ENV, "")
    return None if chosen == "off" else chosen


def keep_qt_settings_in(folder: Path) -> None:
    """Point Qt's own settings (the file dialog remembers its last folder in them) into
    ``folder``, so ``--data DIR`` really keeps everything the app writes in DIR."""
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(folder / "qt"))


def open_store(
    args: argparse.Namespace, clock: Clock, *, back_up: bool = True
) -> tuple[Store, OpenNotice | None]:
    if args.kiosk:
        return Store.in_memory(), None  # kiosk visits keep no data on disk
    if args.screenshot is not None and args.data is None:
        return Store.in_memory(), None  # rendering for docs must not touch real progress
    folder = args.data or Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    )
    return Store.open(folder / DB_NAME, clock.now(), back_up=back_up)


def first_window_size(window: MainWindow) -> QSize:
    """1280 by 820 where the screen has room, else what fits it (leaving room for a title bar
    and a panel), never below the window's minimum."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() if screen is not None else QSize(1280, 860)
    width = min(1280, room.width() - 16)
    height = min(820, room.height() - 48)
    minimum = window.minimumSize()
    return QSize(max(width, minimum.width()), max(height, minimum.height()))


def _report_first_paint(app: QApplication) -> None:
    print("first-paint", flush=True)
    app.exit(0)
