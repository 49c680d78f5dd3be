"""The atlas page's second edition: view switch, attachments, variants, overlays, tracer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.domain.diagram import DEPTHS, exposed_point
from app.domain.diagram_geometry import Polygon, bounds, contains
from app.domain.diagram_marks import AttachmentEnd, View
from app.ui.anatomy.diagram import DiagramView
from app.ui.anatomy.marks_paint import END_STYLES
from app.ui.anatomy.page import AnatomyPage
from app.ui.context import PageContext
from tests.helpers.navigator import RecordingNavigator


@pytest.fixture
def page(qtbot: QtBot, page_context: PageContext) -> AnatomyPage:
    widget = AnatomyPage(page_context)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


def _view(page: AnatomyPage) -> DiagramView:
    assert page.view is not None
    return page.view


def _inside(polygons: tuple[Polygon, ...]) -> tuple[float, float]:
    point = exposed_point(bounds(polygons), lambda p: contains(polygons, *p))
    assert point is not None
    return point


def _pixel(view: DiagramView, scene: tuple[float, float]) -> QColor:
    widget = view._scene_transform().map(QPointF(*scene)).toPoint()
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return QColor(image.pixel(widget))


def test_switching_view_keeps_depth_and_a_selection_drawn_in_both(
    qtbot: QtBot, page: AnatomyPage
) -> None:
    """Lateral shows the lateral figure at the same depth; gluteus medius (drawn in both)
    stays selected with its card; piriformis (posterior only) is let go."""
    view = _view(page)
    page.open_link("anatomy:gluteus-medius")
    depth = view.current_depth
    qtbot.mouseClick(page.view_buttons[View.LATERAL], Qt.MouseButton.LeftButton)
    assert page.current_view is View.LATERAL
    assert view.diagram.view is View.LATERAL
    assert view.current_depth == depth
    assert view.selected == "gluteus-medius"
    assert page.card.structure_id == "gluteus-medius"
    qtbot.mouseClick(page.view_buttons[View.POSTERIOR], Qt.MouseButton.LeftButton)
    page.open_link("anatomy:piriformis")
    assert "piriformis" not in (page.diagram_for(View.LATERAL) or view.diagram).ids
    qtbot.mouseClick(page.view_buttons[View.LATERAL], Qt.MouseButton.LeftButton)
    assert view.selected == ""


def test_a_link_to_a_structure_drawn_only_laterally_switches_view(page: AnatomyPage) -> None:
    """anatomy:tensor-fasciae-latae opens the lateral view, peeled so it can be clicked."""
    lateral = page.diagram_for(View.LATERAL)
    assert lateral is not None
    only_lateral = [i for i in lateral.ids if i not in _view(page).diagram.ids]
    assert only_lateral, "the lateral figure draws something the posterior does not"
    page.open_link(f"anatomy:{only_lateral[0]}")
    assert page.current_view is View.LATERAL
    assert _view(page).point_inside(only_lateral[0]) is not None


def test_click_in_the_lateral_view_selects_what_is_under_the_pointer(
    qtbot: QtBot, page: AnatomyPage
) -> None:
    """Hit testing works in the second figure at every depth."""
    page.set_view(View.LATERAL)
    view = _view(page)
    for depth in DEPTHS:
        page.depth_slider.setValue(depth)
        for structure_id in view.selectable_ids():
            point = view.point_inside(structure_id)
            assert point is not None
            qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point)
            assert view.selected == structure_id


def test_injection_site_overlay_toggles_in_the_lateral_view_only(
    qtbot: QtBot, page: AnatomyPage
) -> None:
    """The ventrogluteal overlay's toggle appears in the lateral view; ticking it paints the
    site (the pixels inside it change); it is hidden again in the posterior view."""
    page.set_view(View.LATERAL)
    view = _view(page)
    overlay = view.diagram.overlays[0]
    toggle = page.top_bar.overlay_toggles[overlay.id]
    assert toggle.isVisibleTo(page)
    view.finish_fade()
    before = _pixel(view, _inside(overlay.polygons))
    toggle.click()
    assert view.overlays_shown() == [overlay.id]
    after = _pixel(view, _inside(overlay.polygons))
    assert before != after
    page.set_view(View.POSTERIOR)
    assert not toggle.isVisibleTo(page)


@pytest.mark.parametrize("muscle", ["gluteus-medius", "piriformis", "gluteus-maximus"])
def test_selecting_a_muscle_paints_its_origin_and_insertion_through_the_layers(
    qtbot: QtBot, page: AnatomyPage, muscle: str
) -> None:
    """At the surface (muscles in place) the selected muscle's origin and insertion are
    painted on the bone in their own colours; switched off, they are not."""
    view = _view(page)
    page.depth_slider.setValue(1)
    view.finish_fade()
    view.select(muscle)
    shown = view.attachments_shown()
    assert {a.end for a in shown} == {AttachmentEnd.ORIGIN, AttachmentEnd.INSERTION}
    assert all(a.muscle_id == muscle for a in shown)
    for attachment in shown:
        point = _inside(attachment.polygons)
        painted = _pixel(view, point)
        page.attachments_toggle.setChecked(False)
        plain = _pixel(view, point)
        page.attachments_toggle.setChecked(True)
        target = QColor(END_STYLES[attachment.end].colour)
        assert _distance(painted, target) < _distance(plain, target), attachment.site
    page.attachments_toggle.setChecked(False)
    assert view.attachments_shown() == ()


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_origin_and_insertion_differ_by_more_than_colour() -> None:
    """Never colour alone: the two ends also differ in hatch pattern and outline dash."""
    origin, insertion = END_STYLES[AttachmentEnd.ORIGIN], END_STYLES[AttachmentEnd.INSERTION]
    assert origin.pattern != insertion.pattern
    assert origin.outline != insertion.outline
    assert (origin.label, insertion.label) == ("Origin", "Insertion")


def test_variants_list_draws_the_chosen_course_and_links_to_the_lesson(
    qtbot: QtBot, page: AnatomyPage, navigator: RecordingNavigator
) -> None:
    """Each sciatic variant (with its hedged frequency) can be drawn; the usual course is the
    default; the lesson button opens the piriformis lesson."""
    view = _view(page)
    page.side.show_page(page.variants)
    variants = [v for v in view.diagram.variants_for("sciatic-nerve") if not v.common]
    assert variants
    choices = page.variants.choices
    assert choices.count() == len(variants) + 1
    assert view.shown_variant == ""
    for row, variant in enumerate(variants, start=1):
        item = choices.item(row)
        assert variant.frequency in item.text()
        rect = choices.visualItemRect(item)
        qtbot.mouseClick(choices.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert view.shown_variant == variant.variant_id
    qtbot.mouseClick(page.variants.lesson_button, Qt.MouseButton.LeftButton)
    assert navigator.links == ["lesson:medical-causes#piriformis-syndrome"]
    page.reset()
    assert view.shown_variant == ""


def test_tracer_steps_along_the_sciatic_nerve_by_button_and_key(
    qtbot: QtBot, page: AnatomyPage
) -> None:
    """Opening Nerves starts at the roots; Next and the Right arrow move on, Left goes back;
    every step lights up its structures on the figure and says what happens there."""
    view = _view(page)
    qtbot.mouseClick(page.side.button_for(page.tracer), Qt.MouseButton.LeftButton)
    tracer = page.tracer
    trace = tracer.trace
    assert trace is not None
    assert trace.id == "sciatic"
    assert tracer.step_index == 0
    seen = []
    for index, step in enumerate(trace.steps):
        assert tracer.step_index == index
        drawn = tuple(i for i in step.structures if i in view.diagram.ids)
        assert view.highlighted_ids == drawn
        assert view.point_inside(drawn[0]) is not None, step.title
        assert tracer.sentence.text() == step.text
        seen.append(tracer.counter.text())
        if index % 2:
            qtbot.keyClick(tracer, Qt.Key.Key_Right)
        else:
            qtbot.mouseClick(tracer.next_button, Qt.MouseButton.LeftButton)
    assert seen[-1] == f"Step {len(trace.steps)} of {len(trace.steps)}"
    assert not tracer.next_button.isEnabled()
    qtbot.keyClick(tracer, Qt.Key.Key_Left)
    assert tracer.step_index == len(trace.steps) - 2
    # With a button focused (after clicking it), the arrows still step along the nerve.
    qtbot.mouseClick(tracer.previous_button, Qt.MouseButton.LeftButton)
    tracer.previous_button.setFocus()
    qtbot.keyClick(tracer.previous_button, Qt.Key.Key_Left)
    assert tracer.step_index == len(trace.steps) - 4
    qtbot.keyClick(tracer.previous_button, Qt.Key.Key_Right)
    assert tracer.step_index == len(trace.steps) - 3


def test_tracer_moves_to_the_lateral_view_where_a_step_asks(page: AnatomyPage) -> None:
    """The superior gluteal nerve's walk ends in tensor fasciae latae, seen from the side."""
    page.side.show_page(page.tracer)
    page.tracer.start("superior-gluteal")
    trace = page.tracer.trace
    assert trace is not None
    for _ in trace.steps[1:]:
        page.tracer.next()
    last = trace.steps[-1]
    assert last.view == "lateral"
    assert page.current_view is View.LATERAL
    assert set(_view(page).highlighted_ids) == {
        i for i in last.structures if i in _view(page).diagram.ids
    }
    page.side.show_page(page.structures_page)
    assert _view(page).highlighted_ids == ()
    page.reset()
    page.side.show_page(page.tracer)
    assert page.tracer.step_index == 0
    assert page.current_view is View.POSTERIOR


def test_hover_tooltip_and_click_agree_after_switching_views(
    qtbot: QtBot, page: AnatomyPage
) -> None:
    """The same structure reported under the pointer is the one a click selects, in both
    views (no stale outlines from the other figure)."""
    view = _view(page)
    for figure in (View.LATERAL, View.POSTERIOR):
        page.set_view(figure)
        point = view.point_inside("gluteus-maximus")
        assert point is not None
        with qtbot.waitSignal(view.hovered) as hovered:
            qtbot.mouseMove(view, point + QPoint(1, 0))
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point + QPoint(1, 0))
        assert hovered.args == [view.selected]
