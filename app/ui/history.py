"""Where the learner has been, for Back and Forward (Alt+Left/Right, the mouse's side buttons)."""

from __future__ import annotations

#: Older places are forgotten beyond this many.
MAX_PLACES = 100


class NavigationHistory:
    """A list of places (a page key or an in-app link) with a cursor, as in a web browser.

    Visiting a new place drops everything forward of the cursor; visiting the place already
    current records nothing.
    """

    def __init__(self) -> None:
        self._places: list[str] = []
        self._index = -1

    @property
    def current(self) -> str:
        return self._places[self._index] if self._places else ""

    def visit(self, place: str) -> None:
        if place == self.current:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > MAX_PLACES:
            del self._places[0]
        self._index = len(self._places) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> str:
        """Step back and return the place to show ("" when there is none)."""
        if not self.can_go_back():
            return ""
        self._index -= 1
        return self.current

    def forward(self) -> str:
        if not self.can_go_forward():
            return ""
        self._index += 1
        return self.current

    def clear(self) -> None:
        self._places.clear()
        self._index = -1
