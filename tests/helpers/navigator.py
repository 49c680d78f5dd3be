"""A navigator that records what pages asked for, instead of switching pages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RecordingNavigator:
    links: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def open_link(self, href: str) -> None:
        self.links.append(href)

    def show_page(self, key: str) -> None:
        self.pages.append(key)

    def notify(self, text: str) -> None:
        self.messages.append(text)
