"""Home: what each part offers, where to continue, display settings and the disclaimer."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.links import LinkKind, try_parse_link
from app.ui.about import DISCLAIMER
from app.ui.context import PageContext
from app.ui.icons import icon
from app.ui.pages import PageSpec
from app.ui.widgets import Card, button, label

RED_FLAGS_LINKS = ("lesson:red-flags#see-a-doctor", "lesson:what-is-a-gluteal-twitch#see-a-doctor")


class HomePage(QScrollArea):
    """The start screen."""

    def __init__(self, context: PageContext, pages: tuple[PageSpec, ...]) -> None:
        super().__init__()
        self._context = context
        self._pages = [spec for spec in pages if spec.key != "home"]
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self._continue_title = label("", "h3")
        self._continue_text = label("", "muted")
        self._continue_button = button("Continue", "primary")
        self._continue_button.clicked.connect(self._on_continue_clicked)
        self._continue_href = ""
        self._icons: list[tuple[QLabel, str]] = []
        self._build()
        context.lesson_progress.changed.connect(self._refresh_continue)
        context.theme.changed.connect(self._on_theme_changed)
        self._refresh_continue()
        self._on_theme_changed()

    def _build(self) -> None:
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 36, 48, 36)
        column.setSpacing(24)
        column.addWidget(self._hero())
        column.addWidget(self._continue_card())
        grid = QGridLayout()
        grid.setSpacing(18)
        for index, spec in enumerate(self._pages):
            grid.addWidget(self._page_card(spec), index // 3, index % 3)
        column.addLayout(grid)
        column.addWidget(self._safety_card())
        column.addStretch(1)
        self.setWidget(inner)

    def _hero(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(label("Gluteal Atlas", "eyebrow"))
        column.addWidget(label("Get to know the muscles you sit on", "display"))
        column.addWidget(
            label(
                "Explore the gluteal muscles and the sciatic nerve layer by layer, learn why "
                "buttock muscles twitch and what helps, test yourself, and follow guided "
                "stretches — all offline.",
                "muted",
            )
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
        card.setMinimumHeight(170)
        glyph = QLabel()
        glyph.setFixedSize(QSize(40, 40))
        self._icons.append((glyph, spec.icon))
        card.body.addWidget(glyph)
        card.body.addWidget(label(spec.title, "h2"))
        card.body.addWidget(label(spec.blurb, "muted"))
        card.body.addStretch(1)
        card.body.addWidget(label(self._stat(spec.key), "small"))
        card.activated.connect(lambda key=spec.key: self._open_page(key))
        return card

    def _safety_card(self) -> QWidget:
        card = Card()
        card.body.addWidget(label("Education, not medical advice", "h3"))
        card.body.addWidget(label(DISCLAIMER, "muted"))
        link = next((h for h in RED_FLAGS_LINKS if self._resolves(h)), "")
        if link:
            when = button("When to see a doctor →", "link")
            when.clicked.connect(lambda: self._context.navigate(link))
            card.body.addWidget(when, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _stat(self, key: str) -> str:
        content = self._context.content
        if key == "anatomy":
            taught, drawn = len(content.taught_structures), len(content.structures)
            return f"{taught} key structures · {drawn} drawn"
        if key == "lessons":
            minutes = sum(lesson.minutes for lesson in content.lessons.values())
            return f"{len(content.lessons)} lessons · about {minutes} minutes"
        if key == "quiz":
            return f"{len(content.questions)} questions on {len(content.topics)} topics"
        if key == "stretch":
            return f"{len(content.routines)} routines · {len(content.stretches)} stretches"
        return "Charts appear as you learn"

    def _resolves(self, href: str) -> bool:
        link = try_parse_link(href)
        return link is not None and self._context.content.resolves(link)

    def _refresh_continue(self, _changed: str = "") -> None:
        content = self._context.content
        last = self._context.lesson_progress.last_opened()
        read = self._context.lesson_progress.read_ids()
        lesson = content.lessons.get(last or "")
        if lesson is None:
            unread = [item for item in content.lessons.values() if item.id not in read]
            lesson = unread[0] if unread else None
            title = "Start the course" if not read else "Pick your next lesson"
        else:
            title = f"Lesson: {lesson.title}"
        if lesson is None:
            self._continue_title.setText("Explore the anatomy")
            self._continue_text.setText(
                "Peel back the layers of the buttock, one muscle at a time."
            )
            self._continue_href = f"{LinkKind.ANATOMY}:gluteus-maximus"
        else:
            self._continue_title.setText(title if last else f"{title}: {lesson.title}")
            done = len(read & content.lessons.keys())
            self._continue_text.setText(
                f"{lesson.summary}  ·  {done} of {len(content.lessons)} lessons read"
            )
            self._continue_href = f"{LinkKind.LESSON}:{lesson.id}"
        self._continue_button.setText("Continue" if last else "Start")

    def _on_continue_clicked(self) -> None:
        if self._continue_href:
            self._context.navigate(self._continue_href)

    def _open_page(self, key: str) -> None:
        self._context.show_page(key)

    def _on_theme_changed(self) -> None:
        palette = self._context.theme.palette
        for glyph, name in self._icons:
            path = self._context.resources.asset(f"icons/{name}.svg")
            glyph.setPixmap(icon(path, palette.accent).pixmap(QSize(40, 40)))
