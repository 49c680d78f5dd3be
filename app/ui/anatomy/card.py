"""The structure card: everything the content says about one structure, and where to go next."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser

from app.domain.anatomy import Structure
from app.domain.content import Content


def related_links(structure_id: str, content: Content) -> list[tuple[str, str]]:
    """``(text, href)`` for the lessons, quiz and stretch routines about a structure."""
    links: list[tuple[str, str]] = []
    for lesson in content.lessons.values():
        if structure_id in lesson.structures:
            links.append((f"Lesson: {lesson.title}", f"lesson:{lesson.id}"))
    asked = any(structure_id in (q.structure, q.target) for q in content.questions.values())
    if asked:
        links.append(("Quiz me on this structure", f"quiz:{structure_id}"))
    stretches = {s.id for s in content.stretches.values() if structure_id in s.targets}
    for routine in content.routines.values():
        if any(step.stretch in stretches for step in routine.steps):
            links.append((f"Stretch routine: {routine.name}", f"stretch:{routine.id}"))
    seen = {href for _, href in links}
    structure = content.structures.get(structure_id)
    # Links written on the card itself come last, unless the rules above already found them.
    for href in structure.links if structure is not None else ():
        if href not in seen:
            seen.add(href)
            links.append((_link_text(href, content), href))
    return links


def _link_text(href: str, content: Content) -> str:
    kind, _, target = href.partition(":")
    target = target.split("#", 1)[0]
    if kind == "lesson" and target in content.lessons:
        return f"Lesson: {content.lessons[target].title}"
    if kind == "stretch" and target in content.routines:
        return f"Stretch routine: {content.routines[target].name}"
    return href


class StructureCard(QTextBrowser):
    """A scrollable card; ``show_structure`` fills it, links go to ``navigate``.

    One HTML document rather than a stack of labels: it wraps and scrolls as one, screen
    readers read it in order, and every link goes through ``navigate`` (never opened here).
    """

    def __init__(self, content: Content, navigate: Callable[[str], None]) -> None:
        super().__init__()
        self._content = content
        self._navigate = navigate
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Structure card")
        self.setMinimumWidth(280)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.structure_id = ""
        self.link_hrefs: list[str] = []
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.structure_id = ""
        self.link_hrefs = []
        self.setHtml(
            "<h2>Tap a structure</h2><p>Tap or click any muscle or nerve on the diagram, pick "
            "one from the list, or move between them with Tab and the arrow keys and press "
            "Enter. Peel the layers with the depth buttons or the slider.</p>"
        )

    def show_structure(self, structure: Structure) -> None:
        self.structure_id = structure.id
        links = related_links(structure.id, self._content)
        self.link_hrefs = [href for _, href in links]
        self.setHtml(card_html(structure, links))
        self.setAccessibleDescription(f"{structure.name}: {structure.summary}")
        self.verticalScrollBar().setValue(0)

    def activate_link(self, href: str) -> None:
        """Follow one of the card's links (what a click on it does)."""
        if href in self.link_hrefs:
            self._navigate(href)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        self.activate_link(url.toString())


def card_html(structure: Structure, links: list[tuple[str, str]]) -> str:
    """The card as simple HTML (headings, paragraphs, lists); all text is escaped."""
    parts = [
        f"<p style='font-weight:700; letter-spacing:1px'>{_e(structure.kind.value.upper())}</p>",
        f"<h2>{_e(structure.name)}</h2>",
    ]
    if structure.latin:
        parts.append(f"<p><i>{_e(structure.latin)}</i></p>")
    parts.append(f"<p>Layer: {_e(structure.layer_name)} ({structure.layer} of 4)</p>")
    parts.append(f"<p>{_e(structure.summary)}</p>")
    for heading, text in _facts(structure):
        parts.append(f"<h3>{_e(heading)}</h3><p>{_e(text)}</p>")
    sections = (
        ("Main actions", structure.actions_primary),
        ("Also", structure.actions_secondary),
        ("Relations", structure.relations),
        ("Clinical notes", structure.clinical),
        ("Sources differ", structure.sources_differ),
    )
    for heading, items in sections:
        if items:
            rows = "".join(f"<li>{_e(item)}</li>" for item in items)
            parts.append(f"<h3>{_e(heading)}</h3><ul>{rows}</ul>")
    if links:
        rows = "".join(f"<li><a href='{_e(href)}'>{_e(text)}</a></li>" for text, href in links)
        parts.append(f"<h3>Learn more</h3><ul>{rows}</ul>")
    return "".join(parts)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _facts(structure: Structure) -> list[tuple[str, str]]:
    innervation = structure.innervation
    nerve = structure.kind.value == "nerve"
    if structure.roots and not nerve:
        innervation = f"{innervation} (roots {structure.roots})"
    pairs = [
        ("Origin", structure.origin),
        ("Insertion", structure.insertion),
        ("Course", structure.course),
        ("Fibres" if nerve else "Innervation", innervation),
        ("Spinal roots", structure.roots if nerve else ""),
        ("Blood supply", structure.blood_supply),
    ]
    return [(heading, text) for heading, text in pairs if text]
