"""Run with Debian's /usr/bin/python3 (python3-pyatspi) inside an X + accessibility session.

Opens the Anatomy page, clicks the middle of the figure's "Gluteus maximus" object with real
input (xdotool), and prints the figure's accessible children as JSON: name, role, states.
"""

import json
import subprocess
import sys
import time

import pyatspi


def _walk(node):
    yield node
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            yield from _walk(child)


def _app(timeout=40):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            node = desktop.getChildAtIndex(index)
            if node is not None and "gluteal" in (node.name or "").lower() and node.childCount:
                return node
        time.sleep(0.3)
    sys.exit("the app never appeared on the accessibility bus")


def _find(predicate, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for node in _walk(_app()):
            try:
                if predicate(node):
                    return node
            except Exception:
                pass
        time.sleep(0.3)
    return None


def _click(node):
    x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run(["xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", "1"])
    time.sleep(1.5)


def _figure():
    return _find(lambda n: n.getRoleName() == "list" and (n.name or "").startswith("Diagram"))


tab = _find(lambda n: n.name == "Anatomy" and n.getRoleName() in ("check box", "push button"))
if tab is None:
    sys.exit("no Anatomy button")
_click(tab)
figure = _figure()
if figure is None:
    sys.exit("no figure list")
target = next(
    (
        figure.getChildAtIndex(i)
        for i in range(figure.childCount)
        if figure.getChildAtIndex(i).name == "Gluteus maximus"
    ),
    None,
)
if target is None:
    sys.exit("no Gluteus maximus in the figure")
_click(target)
figure = _figure()
children = []
for index in range(figure.childCount):
    child = figure.getChildAtIndex(index)
    states = [pyatspi.stateToString(s) for s in child.getState().getStates()]
    children.append({"name": child.name, "role": child.getRoleName(), "states": states})
print(json.dumps({"figure": figure.name, "children": children}))
