"""Every size: from 720x540 to 4K and at text scale 1.0-2.0 the atlas controls never clip,
the figure fills its canvas, and labels never overlap or vanish silently."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.anatomy.diagram import DiagramView
from app.ui.anatomy.labels import Label, place_labels
from app.ui.anatomy.page import AnatomyPage
from app.ui.context import PageContext

RAIL = 104  # the main window's navigation rail; the page gets the rest of the window
SIZES = [
    (720, 540, 1.0),
    (720, 540, 2.0),
    (1024, 640, 1.0),
    (1100, 700, 1.5),
    (1280, 820, 2.0),
    (3840, 2160, 1.0),
]


@pytest.fixture
def page(qtbot: QtBot, page_context: PageContext) -> AnatomyPage:
    widget = AnatomyPage(page_context)
    qtbot.addWidget(widget)
    return widget


def _controls(page: AnatomyPage) -> list[QAbstractButton]:
    bars: list[QWidget] = [page.top_bar, page.bottom_bar, page.side]
    found = [b for bar in bars for b in bar.findChildren(QAbstractButton)]
    return [b for b in found if b.isVisibleTo(page) and b.parentWidget().isVisibleTo(page)]


@pytest.mark.parametrize(("width", "height", "scale"), SIZES)
def test_controls_never_clip_and_the_figure_fills_its_canvas(
    qtbot: QtBot,
    page: AnatomyPage,
    page_context: PageContext,
    width: int,
    height: int,
    scale: float,
) -> None:
    """Every visible button and check box gets at least the width its text needs and lies
    inside its bar; the fitted figure spans nearly all of the canvas in one direction."""
    theme = page_context.theme
    theme.set(theme.palette.name, scale)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    try:
        page.resize(width - RAIL, height)
        page.show()
        qtbot.waitExposed(page)
        page.open_link("anatomy:gluteus-medius")
        QApplication.processEvents()
        for control in _controls(page):
            bar = control.parentWidget()
            name = control.accessibleName() or control.text()
            assert control.width() >= control.sizeHint().width(), f"{name} clipped"
            assert QRectF(bar.rect()).contains(QRectF(control.geometry())), f"{name} outside"
        view = page.view
        assert isinstance(view, DiagramView)
        assert view.height() >= 150
        figure = view.figure_rect()
        canvas = view.figure_canvas()
        assert QRectF(view.rect()).contains(figure.adjusted(2, 2, -2, -2))
        fills = max(figure.width() / canvas.width(), figure.height() / canvas.height())
        assert fills > 0.9  # fitted: it touches two sides of what the labels leave
        assert canvas.width() >= 0.45 * view.width()  # and the labels leave most of it
    finally:
        theme.set(theme.palette.name, 1.0)
        theme.apply(app)


@pytest.mark.parametrize(("width", "height"), [(360, 420), (700, 600), (2400, 1500)])
def test_labels_never_overlap_and_say_how_many_are_hidden(
    qtbot: QtBot, page: AnatomyPage, width: int, height: int
) -> None:
    """With labels ticked, every label drawn has its own box, and those not drawn are counted
    (the figure shows "N labels hidden — zoom in"), at any size and after zooming in."""
    view = page.view
    assert isinstance(view, DiagramView)
    view.setParent(None)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    for zoom in (1.0, 3.0):
        view.reset_view()
        view.zoom_by(zoom)
        placement = view.label_placement()
        boxes = [item.box for item in placement.placed]
        for index, box in enumerate(boxes):
            assert QRectF(view.rect()).contains(box)
            assert not any(box.intersects(other) for other in boxes[index + 1 :])
        assert len(boxes) + placement.hidden == view.labels_in_view()
        view.grab()  # paints, as the screen would
        assert view.hidden_label_count == placement.hidden


def test_place_labels_counts_what_does_not_fit() -> None:
    """Forty labels in a short column: those placed do not overlap; the rest are counted."""
    font = QFont()
    font.setPixelSize(14)
    metrics = QFontMetricsF(font)
    labels = [Label(f"s{i}", f"Structure {i}", QPointF(300, 10 + i * 5)) for i in range(40)]
    figure = QRectF(250, 0, 100, 200)
    placement = place_labels(labels, figure, QRectF(0, 0, 600, 200), metrics)
    assert placement.hidden > 0
    assert len(placement.placed) + placement.hidden == 40
    boxes = [item.box for item in placement.placed]
    for index, box in enumerate(boxes):
        assert not any(box.intersects(other) for other in boxes[index + 1 :])


def test_compact_page_puts_the_card_behind_the_panel_toggle(
    qtbot: QtBot, page: AnatomyPage
) -> None:
    """At 720x540 the figure takes the width: short control names, the sidebar hidden; a tap
    on a structure opens the panel at its card, and the toggle closes it again."""
    page.resize(720 - RAIL, 540)
    page.show()
    qtbot.waitExposed(page)
    # Shown alone, the three-column page first takes its minimum width; a window's layout
    # would then give it 616 px, as this does (once the compact layout has settled).
    QApplication.processEvents()
    page.resize(720 - RAIL, 540)
    assert page.width() == 720 - RAIL
    assert page.compact
    assert not page.side.isVisible()
    assert [b.text() for b in page.depth_buttons] == ["1", "2", "3", "4"]
    assert page.depth_buttons[0].accessibleName() == "Peel to depth 1: Superficial"
    view = page.view
    assert isinstance(view, DiagramView)
    point = view.point_inside("gluteus-maximus")
    assert point is not None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
    assert page.side.isVisible()
    assert page.side.current_page() is page.card
    assert page.card.structure_id == "gluteus-maximus"
    qtbot.mouseClick(page.top_bar.panel_toggle, Qt.MouseButton.LeftButton)
    assert not page.side.isVisible()
    page.resize(1400, 900)
    assert not page.compact
    assert page.side.isVisible()
    assert page.card.isVisibleTo(page)
