"""Anatomy page: structure list and search, the layered diagram with its controls, the card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.anatomy import LAYER_NAMES
from app.domain.links import Link, LinkKind, parse_link
from app.services.diagram_loader import DiagramError, load_diagram
from app.ui.anatomy.card import StructureCard
from app.ui.anatomy.diagram import DiagramView
from app.ui.context import PageContext
from app.ui.page import Page
from app.ui.widgets import button, label

_ROLE_ID = Qt.ItemDataRole.UserRole


class AnatomyPage(Page):
    """The atlas page (the contract is :class:`app.ui.page.Page`)."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self._context = context
        self.search = QLineEdit()
        self.structure_list = QListWidget()
        self.card = StructureCard(context.content, context.navigate)
        self.view: DiagramView | None = None
        self.depth_buttons: list[QPushButton] = []
        self.depth_slider = QSlider(Qt.Orientation.Horizontal)
        self.labels_toggle = QCheckBox("Labels")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.addWidget(label("Anatomy of the buttock", "h1"))
        try:
            diagram = load_diagram(context.resources)
        except DiagramError as error:
            column.addWidget(label(f"The diagram could not be loaded: {error}", "muted"))
            column.addStretch(1)
            return
        self.view = DiagramView(diagram, context.theme)
        self.view.setAccessibleName("Diagram: right buttock seen from behind")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_sidebar())
        splitter.addWidget(self._build_centre(self.view))
        splitter.addWidget(self.card)
        splitter.setStretchFactor(1, 1)
        self.card.setMinimumWidth(300)
        splitter.setSizes([240, 640, 360])
        splitter.setChildrenCollapsible(False)
        column.addWidget(splitter, 1)
        self._wire(self.view)

    # --- building --------------------------------------------------------------------------

    def _build_sidebar(self) -> QWidget:
        sidebar = QWidget()
        sidebar.setMinimumWidth(220)  # long names ("Sacrotuberous ligament") must fit whole
        box = QVBoxLayout(sidebar)
        box.setContentsMargins(0, 0, 12, 0)
        self.search.setPlaceholderText("Find a structure…")
        self.search.setAccessibleName("Find a structure")
        self.search.setClearButtonEnabled(True)
        self.structure_list.setAccessibleName("Structures")
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
        return sidebar

    def _build_centre(self, view: DiagramView) -> QWidget:
        centre = QWidget()
        box = QVBoxLayout(centre)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self._build_depth_row())
        box.addWidget(view, 1)
        box.addLayout(self._build_view_row())
        return centre

    def _build_depth_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        group = QButtonGroup(self)
        group.setExclusive(True)
        for depth, name in LAYER_NAMES.items():
            depth_button = button(name)
            depth_button.setToolTip(f"Depth {depth} of {len(LAYER_NAMES)}")
            depth_button.setCheckable(True)
            depth_button.setAccessibleName(f"Peel to depth {depth}: {name}")
            group.addButton(depth_button, depth)
            self.depth_buttons.append(depth_button)
            row.addWidget(depth_button)
        self.depth_buttons[0].setChecked(True)
        group.idClicked.connect(self._on_depth_buttons_clicked)
        self.depth_slider.setRange(1, len(LAYER_NAMES))
        self.depth_slider.setPageStep(1)
        self.depth_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.depth_slider.setAccessibleName("Depth")
        self.depth_slider.setMinimumWidth(120)
        return row

    def _build_view_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.labels_toggle.setChecked(True)
        self.labels_toggle.setAccessibleName("Show labels")
        row.addWidget(self.labels_toggle)
        row.addSpacing(16)
        row.addWidget(label("Peel", "muted", wrap=False))
        row.addWidget(self.depth_slider, 1)
        row.addSpacing(16)
        self.zoom_out = button("\N{MINUS SIGN}")
        self.zoom_out.setAccessibleName("Zoom out")
        self.zoom_in = button("+")
        self.zoom_in.setAccessibleName("Zoom in")
        self.fit = button("Fit")
        self.fit.setAccessibleName("Fit the whole figure")
        for widget in (self.zoom_out, self.zoom_in, self.fit):
            row.addWidget(widget)
        return row

    def _wire(self, view: DiagramView) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.structure_list.currentItemChanged.connect(self._on_structure_list_current_changed)
        self.depth_slider.valueChanged.connect(self._on_depth_slider_value_changed)
        self.labels_toggle.toggled.connect(view.set_labels_visible)
        self.zoom_in.clicked.connect(lambda: view.zoom_by(1.25))
        self.zoom_out.clicked.connect(lambda: view.zoom_by(0.8))
        self.fit.clicked.connect(view.reset_view)
        view.selection_changed.connect(self._on_view_selection_changed)

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
        if structure_id in self.view.diagram.ids:
            self._set_depth(self.view.depth_showing(structure_id))
            self.view.scroll_to(structure_id)
        self.view.select(structure_id)
        self._show_card(structure_id)

    def focus_search(self) -> bool:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    def reset(self) -> None:
        """Forget the visit: no selection, search or zoom, back to the surface."""
        self.search.clear()
        if self.view is not None:
            self.view.select("")
            self.view.clear_highlight()
            self.view.reset_view()
            self._set_depth(1)
            self.labels_toggle.setChecked(True)
        self.structure_list.setCurrentRow(-1)
        self.card.show_placeholder()

    # --- slots -----------------------------------------------------------------------------

    def _set_depth(self, depth: int) -> None:
        self.depth_slider.setValue(depth)  # the slider's slot moves the view and the buttons

    def _on_depth_buttons_clicked(self, depth: int) -> None:
        self._set_depth(depth)

    def _on_depth_slider_value_changed(self, depth: int) -> None:
        if self.view is not None:
            self.view.set_depth(depth)
        self.depth_buttons[depth - 1].setChecked(True)

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
