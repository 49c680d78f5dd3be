"""What a page is given when it is built: the services it may use, and how to navigate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from app.domain.content import Content
from app.services.clock import Clock
from app.services.diary import Diary
from app.services.lesson_progress import LessonProgress
from app.services.quiz_store import QuizStore
from app.services.resources import Resources
from app.services.settings import Settings
from app.services.stretch_history import StretchHistory
from app.ui.theme import Theme

if TYPE_CHECKING:
    from app.services.diagram_library import DiagramLibrary
    from app.ui.anatomy.figure_art import FigureArtLibrary


class Navigator(Protocol):
    """What the window offers pages for moving around."""

    def open_link(self, href: str) -> None: ...

    def show_page(self, key: str) -> None: ...

    def notify(self, text: str) -> None: ...


@dataclass(frozen=True)
class PageContext:
    """Services handed to every page's constructor (no globals, no reaching for the window).

    The services are built once by the composition root and shared by every page; each
    announces its changes with signals, so a page that shows derived data subscribes to them.

    Attributes:
        navigate: open an in-app link (``anatomy:…``, ``lesson:…#…``, ``quiz:…``,
            ``stretch:…``); anything else is refused.
        show_page: switch to a page by key (``"quiz"``).
        notify: show a short message in the window's status area.
        files_allowed: whether pages may offer to write files (PDF export); a shared kiosk
            never does.
        diagrams: the atlas figures, parsed once for every page that draws them.
        figures: their drawing pieces (paths, uncovered parts), built once and shared.
        speech_engine: the text-to-speech engine for spoken cues ("" for the platform's
            default, None for no voice).
    """

    content: Content
    settings: Settings
    lesson_progress: LessonProgress
    quiz_store: QuizStore
    stretch_history: StretchHistory
    diary: Diary
    resources: Resources
    diagrams: DiagramLibrary
    figures: FigureArtLibrary
    clock: Clock
    theme: Theme
    navigate: Callable[[str], None]
    show_page: Callable[[str], None]
    notify: Callable[[str], None]
    files_allowed: bool = True
    speech_engine: str | None = ""
