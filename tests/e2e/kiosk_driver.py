"""Act as a kiosk visitor through the accessibility bus: find a control by the name a screen
reader would read, and touch it with real X input (xdotool).

Run with the system Python, which has pyatspi (Debian: python3-pyatspi):
    /usr/bin/python3 tests/e2e/kiosk_driver.py click "Start Lessons"
    /usr/bin/python3 tests/e2e/kiosk_driver.py showing "Still there?" [SECONDS]
    /usr/bin/python3 tests/e2e/kiosk_driver.py absent "Still there?"
    /usr/bin/python3 tests/e2e/kiosk_driver.py names -   (every showing name, for a failure report)
Exit status 0 when the control was found (clicked) or, for ``absent``, was not showing.
Kept free of the app's imports: it runs outside the app's virtual environment.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pyatspi  # type: ignore[import-not-found]


def _walk(node: Any) -> Iterator[Any]:
    """``node`` and what is showing below it (hidden pages are skipped: a full walk over the
    bus takes a round trip per control, far too slow on the big pages)."""
    yield node
    try:
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:  # a control that vanished mid-walk
        return
    for child in children:
        if child is not None and _is_showing(child):
            yield from _walk(child)


def _is_showing(node: Any) -> bool:
    try:
        state = node.getState()
        return bool(
            state.contains(pyatspi.STATE_SHOWING) and state.contains(pyatspi.STATE_VISIBLE)
        )
    except Exception:
        return False


def _app_nodes() -> Iterator[Any]:
    """Every showing node of the app (the walk skips hidden pages)."""
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        application = desktop.getChildAtIndex(index)
        if application is not None and "gluteal" in (application.name or "").lower():
            yield from _walk(application)


def _name(node: Any) -> str:
    try:
        return str(node.name or "")
    except Exception:  # a control that vanished mid-walk
        return ""


def find_showing(name: str, seconds: float) -> Any | None:
    """The first showing control named ``name`` in the app, waiting up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        for node in _app_nodes():
            if _name(node) == name and _is_showing(node):
                return node
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.3)


def showing_names() -> list[str]:
    """The names of every showing control in the app, in tree order."""
    return [name for node in _app_nodes() if (name := _name(node))]


def click(node: Any) -> None:
    extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    x, y = extents.x + extents.width // 2, extents.y + extents.height // 2
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)


def main(argv: list[str]) -> int:
    command, name = argv[0], argv[1]
    seconds = float(argv[2]) if len(argv) > 2 else 10.0
    if command == "names":
        print("\n".join(showing_names()))
        return 0
    if command == "absent":
        return 1 if find_showing(name, 0) is not None else 0
    node = find_showing(name, seconds)
    if node is None:
        print(f"not showing: {name}", file=sys.stderr)
        return 1
    if command == "click":
        click(node)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
