"""Anatomy page: structures / nerve tracer / variants, the figure with its controls, the card."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.diagram import Diagram
from app.domain.diagram_marks import View
from app.domain.links import Link, LinkKind, parse_link
from app.domain.nerve_tracer import NerveTrace, TraceStep
from app.services.diagram_loader import DiagramError
from app.services.tracer_loader import load_traces
from app.ui.anatomy.card import StructureCard
from app.ui.anatomy.controls import BottomBar, TopBar
from app.ui.anatomy.diagram import DiagramView
from app.ui.anatomy.side_panel import SidePanel
from app.ui.anatomy.tracer_panel import TracerPanel
from app.ui.anatomy.variants_panel import VariantsPanel
from app.ui.context import PageContext
from app.ui.page import Page
from app.ui.widgets import label

_ROLE_ID = Qt.ItemDataRole.UserRole
#: Below this many characters of body text (measured at the current text size) the page goes
#: compact: the card joins the sidebar's pages, controls use short names, the title and the
#: peel slider step aside. 125 keeps three columns at 1280 px and text size 1.0.
COMPACT_BELOW_CHARS = 125
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
MIN_FIGURE_WIDTH_BESIDE_PANEL = 440
_TITLES = {
    View.POSTERIOR: "Diagram: right buttock seen from behind",
    View.LATERAL: "Diagram: right hip seen from the side",
}


class AnatomyPage(Page):
    """The atlas page (the contract is :class:`app.ui.page.Page`)."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self._context = context
        self._diagrams: dict[View, Diagram] = {}
        self.search = QLineEdit()
        self.structure_list = QListWidget()
        self.card = StructureCard(context.content, context.navigate)
        self.view: DiagramView | None = None
        self.top_bar = TopBar()
        self.bottom_bar = BottomBar()
        self.depth_buttons = self.top_bar.depth_buttons
        self.view_buttons = self.top_bar.view_buttons
        self.attachments_toggle = self.top_bar.attachments_toggle
        self.depth_slider = self.bottom_bar.depth_slider
        self.labels_toggle = self.bottom_bar.labels_toggle
        self.zoom_in, self.zoom_out, self.fit = (
            self.bottom_bar.zoom_in,
            self.bottom_bar.zoom_out,
            self.bottom_bar.fit,
        )
        self.variants = VariantsPanel()
        self.tracer = TracerPanel(self._load_traces())
        self.side = SidePanel()
        self.structures_page = QWidget()
        self.compact = False
        self._panel_chosen: bool | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.title = label("Anatomy of the buttock", "h1")
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.addWidget(self.title)
        try:
            self._diagrams[View.POSTERIOR] = context.diagrams.diagram(View.POSTERIOR)
        except DiagramError as error:
            column.addWidget(label(f"The diagram could not be loaded: {error}", "muted"))
            column.addStretch(1)
            return
        self.view = DiagramView(
            self._diagrams[View.POSTERIOR], context.theme, figures=context.figures
        )
        self.view.setAccessibleName(_TITLES[View.POSTERIOR])
        column.addWidget(self._build_columns(self.view), 1)
        self._wire(self.view)
        self._show_marks_of(self._diagrams[View.POSTERIOR])

    # --- building --------------------------------------------------------------------------

    def _build_columns(self, view: DiagramView) -> QSplitter:
        """Sidebar, figure with its controls, card (the card joins the sidebar when compact)."""
        splitter = self.splitter
        splitter.addWidget(self._build_sidebar())
        splitter.addWidget(self._build_centre(view))
        splitter.addWidget(self.card)
        splitter.setStretchFactor(1, 1)
        self.card.setMinimumWidth(220)
        splitter.setSizes([230, 700, 320])
        splitter.setChildrenCollapsible(False)
        return splitter

    def _load_traces(self) -> tuple[NerveTrace, ...]:
        content_dir = Path(self._context.resources.content_dir)
        return load_traces(content_dir, self._context.content.structures.keys()).traces

    def _build_sidebar(self) -> QWidget:
        box = QVBoxLayout(self.structures_page)
        box.setContentsMargins(0, 8, 0, 0)
        self.search.setPlaceholderText("Find a structure…")
        self.search.setAccessibleName("Find a structure")
        self.search.setClearButtonEnabled(True)
        self.structure_list.setAccessibleName("Structures")
        self.structure_list.setWordWrap(True)
        self.structure_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.structure_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.structure_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = self._context.content
        for structure in sorted(content.structures.values(), key=lambda s: (s.context, s.layer)):
            item = QListWidgetItem(structure.name)
            item.setData(_ROLE_ID, structure.id)
            if structure.context:
                item.setForeground(QColor(self._context.theme.palette.text_muted))
            item.setToolTip(f"{structure.latin} — {structure.layer_name.lower()} layer")
            self.structure_list.addItem(item)
        box.addWidget(self.search)
        box.addWidget(self.structure_list, 1)
        self.side.add_page(self.structures_page, "Structures", "Find a structure by name")
        self.side.add_page(self.tracer, "Nerves", "Follow a nerve from its roots, step by step")
        self.side.add_page(self.variants, "Variants", "How the sciatic nerve passes piriformis")
        self.side.setMinimumWidth(180)
        # The panel's buttons sit above the search box, so Tab reaches them first.
        last_button = self.side.button_for(self.variants)
        if last_button is not None:
            QWidget.setTabOrder(last_button, self.search)
            QWidget.setTabOrder(self.search, self.structure_list)
        return self.side

    def _build_centre(self, view: DiagramView) -> QWidget:
        centre = QWidget()
        box = QVBoxLayout(centre)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.top_bar)
        box.addWidget(view, 1)
        box.addWidget(self.bottom_bar)
        centre.setMinimumWidth(220)
        return centre

    def _wire(self, view: DiagramView) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.structure_list.currentItemChanged.connect(self._on_structure_list_current_changed)
        self.top_bar.depth_group.idClicked.connect(self._set_depth)
        self.top_bar.view_group.idClicked.connect(self._on_view_group_id_clicked)
        self.depth_slider.valueChanged.connect(self._on_depth_slider_value_changed)
        self.labels_toggle.toggled.connect(view.set_labels_visible)
        self.attachments_toggle.toggled.connect(view.set_attachments_visible)
        self.zoom_in.clicked.connect(lambda: view.zoom_by(1.25))
        self.zoom_out.clicked.connect(lambda: view.zoom_by(0.8))
        self.fit.clicked.connect(view.reset_view)
        view.selection_changed.connect(self._on_view_selection_changed)
        self.tracer.step_shown.connect(self._on_tracer_step_shown)
        self.tracer.stopped.connect(view.clear_highlight)
        self.variants.variant_chosen.connect(view.show_variant)
        self.top_bar.overlay_toggled.connect(view.set_overlay_visible)
        self.variants.link_requested.connect(self._context.navigate)
        self.side.current_changed.connect(self._on_side_current_changed)
        self.top_bar.panel_toggle.toggled.connect(self._on_panel_toggle_toggled)
        self.top_bar.panel_toggle.clicked.connect(self._on_panel_toggle_clicked)
        view.structure_clicked.connect(self._on_view_structure_clicked)

    # --- views -----------------------------------------------------------------------------

    @property
    def current_view(self) -> View:
        return self.view.diagram.view if self.view is not None else View.POSTERIOR

    def diagram_for(self, view: View) -> Diagram | None:
        """The figure for ``view``, loaded on first use (None if it cannot be read)."""
        if view not in self._diagrams:
            try:
                self._diagrams[view] = self._context.diagrams.diagram(view)
            except DiagramError as error:
                self._context.notify(f"The {view} view could not be loaded: {error}")
                return None
        return self._diagrams[view]

    def set_view(self, view: View | str) -> None:
        """Switch figure; depth, labels and (where drawn) the selection carry over."""
        view = View(view)
        diagram = self.diagram_for(view)
        if self.view is None or diagram is None:
            self.view_buttons[self.current_view].setChecked(True)
            return
        self.view.set_diagram(diagram)
        self.view.setAccessibleName(_TITLES[view])
        self.view_buttons[view].setChecked(True)
        self._show_marks_of(diagram)

    def _show_marks_of(self, diagram: Diagram) -> None:
        self.top_bar.set_overlays(diagram.overlays)
        self.variants.set_variants(diagram.variants_for("sciatic-nerve"))

    def _view_drawing(self, structure_id: str) -> View | None:
        """The current view if it draws the structure, else another that does."""
        if self.view is not None and structure_id in self.view.diagram.ids:
            return self.current_view
        for view in View:
            diagram = self.diagram_for(view)
            if diagram is not None and structure_id in diagram.ids:
                return view
        return None

    # --- page protocol ---------------------------------------------------------------------

    def open_link(self, link: Link | str) -> None:
        """Show ``anatomy:<id>``: select it, peel to where it shows, bring it into view."""
        if isinstance(link, str):
            link = parse_link(link)
        if link.kind is LinkKind.ANATOMY:
            self.show_structure(link.target)

    def show_structure(self, structure_id: str) -> None:
        if self.view is None or structure_id not in self._context.content.structures:
            return
        view = self._view_drawing(structure_id)
        if view is not None:
            self.set_view(view)
            self._set_depth(self.view.depth_showing(structure_id))
            self.view.scroll_to(structure_id)
        self.view.select(structure_id)
        self._show_card(structure_id)

    def focus_search(self) -> bool:
        self.side.show_page(self.structures_page)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    def reset(self) -> None:
        """Forget the visit: no selection, search, zoom, trace or variant; back to the surface."""
        self.search.clear()
        self.side.show_page(self.structures_page)
        self.tracer.stop()  # the next visitor starts a nerve at its roots
        if self.view is not None:
            self.set_view(View.POSTERIOR)
            self.view.select("")
            self.view.clear_highlight()
            self.view.reset_view()
            self._set_depth(1)
            self.labels_toggle.setChecked(True)
            self.attachments_toggle.setChecked(True)
            self.variants.choose("")
            for toggle in self.top_bar.overlay_toggles.values():
                toggle.setChecked(False)
        self.structure_list.setCurrentRow(-1)
        self.card.show_placeholder()

    # --- every size -----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_layout_to_width()

    def _fit_layout_to_width(self) -> None:
        """Go compact when three columns would not fit at this text size, and back."""
        char = self.fontMetrics().horizontalAdvance(_ALPHABET) / len(_ALPHABET)
        compact = self.width() < COMPACT_BELOW_CHARS * char
        if self.view is None:
            return
        if compact and self.compact and self._panel_chosen is None:
            self._open_panel_if_room()  # narrower or wider, until the learner decides
        if compact == self.compact:
            return
        self.compact = compact
        self.title.setVisible(not compact)
        margin = (8, 6) if compact else (24, 20)
        self._column.setContentsMargins(margin[0], margin[1], margin[0], margin[1])
        self.top_bar.set_compact(compact)
        self.bottom_bar.set_compact(compact)
        if compact:
            self.side.add_page(self.card, "Card", "The selected structure's card")
            self._panel_chosen = None
            self._open_panel_if_room()
        else:
            self.side.setVisible(True)
            self.side.remove_page(self.card)
            self.splitter.addWidget(self.card)
            self.card.show()  # the stack hid it when it was not the page on show
            self.splitter.setSizes([230, max(self.width() - 600, 300), 320])

    def _open_panel_if_room(self) -> None:
        """Compact: the panel stays open while the figure keeps a useful width beside it;
        narrower, the figure gets the width and "Panel" brings the lists and card back."""
        side = max(self.side.minimumWidth(), self.side.minimumSizeHint().width())
        open_panel = self.width() - side >= MIN_FIGURE_WIDTH_BESIDE_PANEL
        if open_panel != self.top_bar.panel_toggle.isChecked() or self.side.isVisible() != (
            open_panel
        ):
            self.top_bar.panel_toggle.setChecked(open_panel)
            self._on_panel_toggle_toggled(open_panel)

    def _on_panel_toggle_clicked(self, shown: bool) -> None:
        self._panel_chosen = shown  # from now on the learner's choice stands

    # --- slots -----------------------------------------------------------------------------

    def _set_depth(self, depth: int) -> None:
        self.depth_slider.setValue(depth)  # the slider's slot moves the view and the buttons

    def _on_view_group_id_clicked(self, index: int) -> None:
        self.set_view(self.top_bar.view_of(index))

    def _on_depth_slider_value_changed(self, depth: int) -> None:
        if self.view is not None:
            self.view.set_depth(depth)
        self.depth_buttons[depth - 1].setChecked(True)

    def _on_tracer_step_shown(self, step: TraceStep) -> None:
        """Light the step's structures up: in the view that draws them, peeled to show them."""
        if self.view is None:
            return
        first = step.structures[0]
        view = View(step.view) if step.view else self._view_drawing(first)
        if view is not None:
            self.set_view(view)
        self._set_depth(step.depth or self.view.depth_showing(first))
        self.view.highlight_many(step.structures)
        self.view.scroll_to(first)
        if self.tracer.trace is not None:
            self._show_card(self.tracer.trace.nerve)  # the nerve's card beside its walk

    def _on_side_current_changed(self, page: QWidget) -> None:
        if page is self.tracer:
            if self.tracer.trace is None:
                self.tracer.start()
            self.tracer.setFocus()
        elif self.view is not None:
            self.view.clear_highlight()

    def _on_search_text_changed(self, text: str) -> None:
        needle = text.strip().lower()
        content = self._context.content
        for row in range(self.structure_list.count()):
            item = self.structure_list.item(row)
            structure = content.structures[item.data(_ROLE_ID)]
            haystack = f"{structure.name} {structure.latin} {structure.id}".lower()
            item.setHidden(bool(needle) and needle not in haystack)

    def _on_search_return_pressed(self) -> None:
        for row in range(self.structure_list.count()):
            item = self.structure_list.item(row)
            if not item.isHidden():
                self.structure_list.setCurrentItem(item)
                return

    def _on_structure_list_current_changed(self, current: QListWidgetItem | None) -> None:
        if current is not None:
            self.show_structure(current.data(_ROLE_ID))

    def _on_view_structure_clicked(self, structure_id: str) -> None:
        # Compact: the card shares the sidebar, so a tap on the figure opens it there.
        if self.compact and structure_id:
            self._panel_chosen = True
            self.top_bar.panel_toggle.setChecked(True)
            self.side.show_page(self.card)

    def _on_panel_toggle_toggled(self, shown: bool) -> None:
        self.side.setVisible(shown or not self.compact)
        if shown and self.compact:
            side = max(self.side.minimumSizeHint().width(), min(int(self.width() * 0.45), 360))
            self.splitter.setSizes([side, max(self.width() - side, 1)])

    def _on_view_selection_changed(self, structure_id: str) -> None:
        if structure_id:
            self._show_card(structure_id)
        else:
            self.card.show_placeholder()
        self._sync_list(structure_id)

    def _show_card(self, structure_id: str) -> None:
        structure = self._context.content.structures.get(structure_id)
        if structure is not None and self.card.structure_id != structure_id:
            self.card.show_structure(structure)

    def _sync_list(self, structure_id: str) -> None:
        self.structure_list.blockSignals(True)
        self.structure_list.setCurrentRow(-1)
        for row in range(self.structure_list.count()):
            if self.structure_list.item(row).data(_ROLE_ID) == structure_id:
                self.structure_list.setCurrentRow(row)
        self.structure_list.blockSignals(False)
