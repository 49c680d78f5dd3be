"""Home: what each part offers, where to continue, display settings and the disclaimer."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.content import Content
from app.domain.links import LinkKind, try_parse_link
from app.ui.context import PageContext
from app.ui.flow_layout import FlowLayout
from app.ui.icons import icon
from app.ui.page import Page
from app.ui.pages import PageSpec
from app.ui.reflow import CardColumns
from app.ui.widgets import DISCLAIMER, Card, add_page_heading, button, label

RED_FLAGS_LINKS = ("lesson:red-flags#see-a-doctor", "lesson:what-is-a-gluteal-twitch#see-a-doctor")


class HomePage(Page):
    """The start screen and a live summary: what is due, the streak, the next lesson.

    It is painted before content has loaded; :meth:`set_content` fills in the figures and the
    "continue" card when it arrives. The figures follow the services' change signals.
    """

    def __init__(self, context: PageContext, pages: tuple[PageSpec, ...]) -> None:
        super().__init__()
        self._context = context
        self._content = context.content
        self._pages = [spec for spec in pages if spec.key != "home"]
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)
        self._continue_title = label("", "h3")
        self._continue_text = label("", "muted")
        self._continue_button = button("Start", "primary")
        self._continue_button.clicked.connect(self._on_continue_clicked)
        self._continue_href = ""
        self._icons: list[tuple[QLabel, str]] = []
        self._stats: dict[str, QLabel] = {}
        self._doctor_button = button("When to see a doctor →", "link")
        self._doctor_button.clicked.connect(self._on_doctor_clicked)
        self.check_button = button("Red-flag self-check →", "link")
        self.check_button.clicked.connect(lambda: context.navigate("check:start"))
        self._theme_button = button("")
        self._theme_button.clicked.connect(self._on_theme_button_clicked)
        self._build()
        context.lesson_progress.changed.connect(self._refresh_continue)
        context.quiz_store.changed.connect(self._refresh_stats)
        context.stretch_history.changed.connect(self._refresh_stats)
        context.diary.changed.connect(self._refresh_stats)
        context.theme.changed.connect(self._on_theme_changed)
        self.set_content(context.content)
        self._on_theme_changed()

    def set_content(self, content: Content) -> None:
        """Show figures and the next step for ``content``."""
        self._content = content
        self._refresh_stats()
        self._doctor_button.setVisible(bool(self._doctor_link()))
        self._refresh_continue()

    def reset(self) -> None:
        """Back to the top (the figures follow the store on their own)."""
        self._scroll.verticalScrollBar().setValue(0)

    def stat_text(self, key: str) -> str:
        """What the card for page ``key`` says under its blurb (as a user reads it)."""
        return self._stats[key].text() if key in self._stats else ""

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 36, 48, 36)
        column.setSpacing(24)
        column.addWidget(self._hero())
        column.addWidget(self._continue_card())
        cards = [self._page_card(spec) for spec in self._pages] + [self._display_card()]
        self._cards = CardColumns(cards, self._context.theme, column_width=300)
        column.addWidget(self._cards)
        self._margins = column.contentsMargins()
        column.addWidget(self._safety_card())
        column.addStretch(1)
        self._scroll.setWidget(inner)

    def resizeEvent(self, event: QResizeEvent) -> None:
        room = event.size().width() - self._margins.left() - self._margins.right()
        self._cards.fit(room)
        super().resizeEvent(event)

    def _hero(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        add_page_heading(
            column,
            "Gluteal Atlas",
            "Get to know the muscles you sit on",
            "Explore the gluteal muscles and the sciatic nerve layer by layer, learn why buttock "
            "muscles twitch and what helps, test yourself, and follow guided stretches — all "
            "offline.",
        )
        return box

    def _continue_card(self) -> QWidget:
        card = Card()
        card.setProperty("role", "callout")
        row = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(label("Continue where you left off", "eyebrow"))
        text.addWidget(self._continue_title)
        text.addWidget(self._continue_text)
        row.addLayout(text, 1)
        row.addWidget(self._continue_button, 0, Qt.AlignmentFlag.AlignVCenter)
        card.body.addLayout(row)
        return card

    def _page_card(self, spec: PageSpec) -> QWidget:
        card = Card(clickable=True)
        card.setAccessibleName(f"Open {spec.title}")
        card.setAccessibleDescription(spec.blurb)
        card.setMinimumHeight(170)
        card.body.addWidget(self._glyph(spec.icon))
        card.body.addWidget(label(spec.title, "h2"))
        card.body.addWidget(label(spec.blurb, "muted"))
        card.body.addStretch(1)
        self._stats[spec.key] = label("", "small")
        card.body.addWidget(self._stats[spec.key])
        card.activated.connect(lambda key=spec.key: self._context.show_page(key))
        return card

    def _display_card(self) -> QWidget:
        card = Card()
        card.body.addWidget(self._glyph("contrast"))
        card.body.addWidget(label("Display", "h2"))
        card.body.addWidget(label("Make text bigger or switch to high contrast.", "muted"))
        card.body.addStretch(1)
        row = FlowLayout(spacing=8)  # the buttons wrap in a narrow column
        smaller, larger = button("A\N{MINUS SIGN}"), button("A+")
        self._smaller, self._larger = smaller, larger
        smaller.setAccessibleName("Smaller text")
        larger.setAccessibleName("Larger text")
        smaller.clicked.connect(lambda: self._step_text_size(-1, smaller))
        larger.clicked.connect(lambda: self._step_text_size(1, larger))
        for widget in (smaller, larger, self._theme_button):
            row.addWidget(widget)
        card.body.addLayout(row)
        return card

    def _step_text_size(self, steps: int, pressed: QWidget) -> None:
        """Change the text size, keeping the pressed button where it was on screen, so a
        second press lands on it again instead of on whatever the reflow moved there."""
        viewport = self._scroll.viewport()
        before = pressed.mapTo(viewport, QPoint(0, 0)).y()
        self._context.settings.step_font_scale(steps)
        inner = self._scroll.widget()
        layout = inner.layout() if inner is not None else None
        if layout is not None:
            layout.activate()  # lay out now, with the new text size, to measure the move
        after = pressed.mapTo(viewport, QPoint(0, 0)).y()
        bar = self._scroll.verticalScrollBar()
        bar.setValue(bar.value() + after - before)

    @property
    def text_size_buttons(self) -> tuple[QWidget, QWidget]:
        """The A- and A+ buttons (smaller, larger)."""
        return self._smaller, self._larger

    def _safety_card(self) -> QWidget:
        card = Card()
        card.body.addWidget(label("Education, not medical advice", "h3"))
        card.body.addWidget(label(DISCLAIMER, "muted"))
        card.body.addWidget(self._doctor_button, 0, Qt.AlignmentFlag.AlignLeft)
        card.body.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _glyph(self, name: str) -> QLabel:
        glyph = QLabel()
        glyph.setFixedSize(QSize(40, 40))
        self._icons.append((glyph, name))
        return glyph

    # --- state ---------------------------------------------------------------------------

    def _refresh_stats(self) -> None:
        for key, stat in self._stats.items():
            stat.setText(self._stat(key))

    def _stat(self, key: str) -> str:
        content = self._content
        if not content.structures and not content.lessons:
            return ""
        if key == "anatomy":
            taught, drawn = len(content.taught_structures), len(content.structures)
            return f"{taught} key structures · {drawn} drawn"
        if key == "lessons":
            minutes = sum(lesson.minutes for lesson in content.lessons.values())
            return f"{_count(len(content.lessons), 'lesson')} · about {_duration(minutes)}"
        if key == "quiz":
            return self._quiz_stat()
        if key == "stretch":
            return f"{len(content.routines)} routines · {len(content.stretches)} stretches"
        if key == "progress":
            return self._progress_stat()
        if key == "diary":
            logged = len(self._context.diary.episodes())
            return _count(logged, "episode") + " logged" if logged else "Nothing logged yet"
        return ""

    def _quiz_stat(self) -> str:
        content = self._content
        quiz = self._context.quiz_store
        questions, topics = _count(len(content.questions), "question"), len(content.topics)
        text = f"{questions} on {_count(topics, 'topic')}"
        if not quiz.answer_count():
            return text
        due = len(quiz.due_ids(content.questions.keys()))
        return f"{text} · {_count(due, 'review')} due now" if due else f"{text} · none due now"

    def _progress_stat(self) -> str:
        answers = self._context.quiz_store.answer_count()
        today = self._context.clock.now().astimezone().date()
        streak = self._context.stretch_history.streak(today)
        if not answers and not self._context.stretch_history.sessions():
            return "Charts appear as you learn"
        parts = [_count(answers, "answer")]
        if streak:
            parts.append(f"stretch streak {_count(streak, 'day')}")
        return " · ".join(parts)

    def _doctor_link(self) -> str:
        for href in RED_FLAGS_LINKS:
            link = try_parse_link(href)
            if link is not None and self._content.resolves(link):
                return href
        return ""

    def _refresh_continue(self, _changed: str = "") -> None:
        content = self._content
        progress = self._context.lesson_progress
        last = content.lessons.get(progress.last_opened() or "")
        read = progress.read_ids() & content.lessons.keys()
        unread = [lesson for lesson in content.lessons.values() if lesson.id not in read]
        lesson = last or (unread[0] if unread else None)
        self._continue_button.setVisible(bool(content.structures or content.lessons))
        if lesson is None:
            self._continue_title.setText("Explore the anatomy")
            self._continue_text.setText(
                "Peel back the layers of the buttock one muscle at a time."
            )
            self._continue_href = f"{LinkKind.ANATOMY}:gluteus-maximus"
            self._continue_button.setText("Open")
            return
        if last is not None:
            self._continue_title.setText(f"Lesson: {lesson.title}")
        elif read:
            self._continue_title.setText(f"Next lesson: {lesson.title}")
        else:
            self._continue_title.setText(f"Start the course: {lesson.title}")
        self._continue_text.setText(
            f"{lesson.summary}  ·  {len(read):,} of {len(content.lessons):,} lessons read"
        )
        self._continue_href = f"{LinkKind.LESSON}:{lesson.id}"
        self._continue_button.setText("Continue" if last or read else "Start")

    # --- slots ---------------------------------------------------------------------------

    def _on_continue_clicked(self) -> None:
        if self._continue_href:
            self._context.navigate(self._continue_href)

    def _on_doctor_clicked(self) -> None:
        href = self._doctor_link()
        if href:
            self._context.navigate(href)

    def _on_theme_button_clicked(self) -> None:
        settings = self._context.settings
        settings.theme = "light" if settings.theme == "high-contrast" else "high-contrast"

    def _on_theme_changed(self) -> None:
        palette = self._context.theme.palette
        for glyph, name in self._icons:
            path = self._context.resources.asset(f"icons/{name}.svg")
            glyph.setPixmap(icon(path, palette.accent).pixmap(QSize(40, 40)))
        high = palette.name == "high-contrast"
        self._theme_button.setText("Standard colours" if high else "High contrast")


def _count(number: int, noun: str) -> str:
    """``"1 lesson"``, ``"1,000 lessons"``."""
    return f"{number} {noun}" if number == 1 else f"{number:,} {noun}s"


def _duration(minutes: int) -> str:
    """Reading time in the unit a reader plans with: minutes up to two hours, then hours."""
    if minutes < 120:
        return _count(minutes, "minute")
    return _count(round(minutes / 60), "hour")
