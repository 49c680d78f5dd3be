"""Visual regression: each atlas view at each depth, compared with an approved image.

Each case renders the figure alone (labels off, so fonts cannot make it flaky) with the
structure that depth is about selected, so the wash, the selection ring and the painted
attachments are covered too. A case passes when at most 1 % of the sampled pixels differ
noticeably from ``tests/ui/reference/atlas-<view>-depth-<n>.png``.

When one fails, this run's image and a difference map are saved under
``build/image-failures/`` for a person to look at. After an intended change to the drawing,
look at those, then approve the new images with::

    ATLAS_APPROVE=1 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest \\
        tests/ui/test_anatomy_images.py

and commit the changed references with the drawing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.diagram_marks import View
from app.services.diagram_loader import load_diagram
from app.services.resources import Resources
from app.ui.anatomy.diagram import DiagramView
from app.ui.theme import Theme

REFERENCES = Path(__file__).parent / "reference"
FAILURES = Path(__file__).resolve().parents[2] / "build" / "image-failures"
APPROVE = os.environ.get("ATLAS_APPROVE") == "1"
SIZE = (300, 360)
TOLERANCE = 0.01
#: The structure each depth is about, per view ("" shows the bare figure).
CASES = {
    View.POSTERIOR: {1: "gluteus-maximus", 2: "gluteus-medius", 3: "piriformis", 4: ""},
    View.LATERAL: {1: "tensor-fasciae-latae", 2: "gluteus-medius", 3: "gluteus-minimus", 4: ""},
}


def _render(qtbot: QtBot, resources: Resources, view: View, depth: int) -> QImage:
    theme = Theme()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # The legend's text uses the application font, which other tests may have restyled:
    # apply the default theme so every run draws with the same font.
    theme.apply(app)
    widget = DiagramView(load_diagram(resources, view), theme)
    qtbot.addWidget(widget)
    widget.resize(*SIZE)
    widget.set_labels_visible(False)
    widget.set_depth(depth)
    widget.finish_fade()
    widget.select(CASES[view][depth])
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _differing(a: QImage, b: QImage) -> tuple[float, QImage]:
    """Share of sampled pixels whose colour differs by more than a little, and a map of
    where (red on a faded copy of ``a``)."""
    marked = a.copy()
    if a.size() != b.size():
        return 1.0, marked
    differing = total = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            ca, cb = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            total += 1
            gap = (
                abs(ca.red() - cb.red())
                + abs(ca.green() - cb.green())
                + abs(ca.blue() - cb.blue())
            )
            if gap > 60:
                differing += 1
                marked.setPixelColor(x, y, QColor("red"))
    return differing / total, marked


@pytest.mark.parametrize(
    ("view", "depth"), [(view, depth) for view, depths in CASES.items() for depth in depths]
)
def test_atlas_matches_the_approved_image(
    qtbot: QtBot, resources: Resources, view: View, depth: int
) -> None:
    """The figure at this view and depth looks as approved (within 1 % of pixels)."""
    name = f"atlas-{view}-depth-{depth}"
    reference_path = REFERENCES / f"{name}.png"
    image = _render(qtbot, resources, view, depth)
    if APPROVE:
        REFERENCES.mkdir(parents=True, exist_ok=True)
        image.save(str(reference_path))
        return
    if not reference_path.exists():
        FAILURES.mkdir(parents=True, exist_ok=True)
        image.save(str(FAILURES / f"{name}-actual.png"))
        pytest.fail(f"no approved image {reference_path}; see the module docstring")
    reference = QImage(str(reference_path)).convertToFormat(QImage.Format.Format_RGB32)
    share, marked = _differing(image, reference)
    if share > TOLERANCE:
        FAILURES.mkdir(parents=True, exist_ok=True)
        image.save(str(FAILURES / f"{name}-actual.png"))
        marked.save(str(FAILURES / f"{name}-difference.png"))
        pytest.fail(f"{share:.1%} of pixels differ from {reference_path}; see {FAILURES}")


def test_a_changed_drawing_is_caught(qtbot: QtBot, resources: Resources) -> None:
    """The comparison can fail: the posterior figure at depth 1 and at depth 3 differ by far
    more than the tolerance."""
    surface = _render(qtbot, resources, View.POSTERIOR, 1)
    deep = _render(qtbot, resources, View.POSTERIOR, 3)
    assert _differing(surface, deep)[0] > 10 * TOLERANCE
    assert _differing(surface, surface)[0] == 0.0
