"""Screenshots of the atlas for review: each view at each depth, plus the smallest window and
the largest text size.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/atlas_screenshots.py [DIR [OLD_SVG]]

Writes PNGs to DIR (default docs/screenshots/atlas), each named for what it shows. With
OLD_SVG (say ``git show 948293b:assets/anatomy/gluteal-posterior.svg > /tmp/old.svg``) it
also writes ``old-vs-new-depth-N.png``: the earlier figure beside the current one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from app.__main__ import build_parser
from app.domain.diagram_marks import View
from app.main import build_window
from app.services.clock import SystemClock
from app.services.diagram_loader import load_diagram, read_diagram
from app.services.resources import find_resources
from app.ui.anatomy.diagram import DiagramView
from app.ui.theme import Theme

#: (view, depth, structure selected) for the view x depth sheet.
SHOTS = {
    View.POSTERIOR: {1: "gluteus-maximus", 2: "gluteus-medius", 3: "piriformis", 4: ""},
    View.LATERAL: {1: "tensor-fasciae-latae", 2: "gluteus-medius", 3: "gluteus-minimus", 4: ""},
}


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _save(window: object, app: QApplication, path: Path) -> None:
    _settle(app)
    page = window.page("anatomy")  # type: ignore[attr-defined]
    if page.view is not None:
        page.view.finish_fade()
    _settle(app)
    window.grab().save(str(path))  # type: ignore[attr-defined]
    print(path)


def _old_vs_new(folder: Path, old_svg: Path) -> None:
    """The earlier posterior figure beside the current one at each depth (labels on)."""
    figures = (read_diagram(old_svg), load_diagram(find_resources()))
    for depth in (1, 2, 3, 4):
        sheet = QImage(1040, 620, QImage.Format.Format_RGB32)
        sheet.fill(QColor("white"))
        painter = QPainter(sheet)
        for index, diagram in enumerate(figures):
            view = DiagramView(diagram, Theme())
            view.resize(520, 620)
            view.set_depth(depth)
            view.finish_fade()
            painter.drawImage(QPoint(index * 520, 0), view.grab().toImage())
            view.deleteLater()
        painter.end()
        sheet.save(str(folder / f"old-vs-new-depth-{depth}.png"))
        print(folder / f"old-vs-new-depth-{depth}.png")


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/atlas")
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    args = build_parser().parse_args(["--data", tempfile.mkdtemp(prefix="gluteal-shots-")])
    window, _, _ = build_window(app, args, find_resources(), SystemClock())
    window.resize(1280, 820)
    window.show()
    window.show_page("anatomy")
    page = window.page("anatomy")
    for view, depths in SHOTS.items():
        for depth, structure_id in depths.items():
            page.reset()
            page.set_view(view)
            if structure_id:
                page.show_structure(structure_id)
            page.depth_slider.setValue(depth)
            _save(window, app, folder / f"{view}-depth-{depth}.png")
    page.reset()
    page.side.show_page(page.tracer)
    page.tracer.next()
    page.tracer.next()
    _save(window, app, folder / "tracer-sciatic-step-3.png")
    page.reset()
    page.side.show_page(page.variants)
    if page.variants.choices.count() > 1:
        page.variants.choices.setCurrentRow(1)
    page.depth_slider.setValue(3)
    _save(window, app, folder / "variants.png")
    page.reset()
    page.show_structure("gluteus-medius")
    window.resize(720, 540)
    _save(window, app, folder / "small-720x540.png")
    window.context.settings.font_scale = 2.0  # type: ignore[attr-defined]
    _save(window, app, folder / "small-720x540-text-2x.png")
    window.resize(1280, 820)
    _save(window, app, folder / "text-2x-1280x820.png")
    window.context.settings.font_scale = 1.0  # type: ignore[attr-defined]
    window.close()
    if len(sys.argv) > 2:
        _old_vs_new(folder, Path(sys.argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
