"""The atlas controls: view switch, depth buttons, marks toggles, labels, peel slider, zoom.

Both bars are flow layouts: when the centre column is narrow (720 px windows, twice the text
size) buttons move onto a second row whole instead of having their text clipped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QPushButton, QSlider, QWidget

from app.domain.anatomy import LAYER_NAMES
from app.domain.diagram_marks import Overlay, View
from app.ui.flow_layout import FlowLayout
from app.ui.widgets import button, caption

VIEW_NAMES = {View.POSTERIOR: "Posterior", View.LATERAL: "Lateral"}
#: Short names for small windows and large text; accessible names stay the long ones.
SHORT_VIEW_NAMES = {View.POSTERIOR: "Rear", View.LATERAL: "Side"}


class TopBar(QWidget):
    """View switch, the four depth buttons and the marks toggles.

    Signals:
        overlay_toggled(str, bool): a teaching overlay's toggle was switched.
    """

    overlay_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self)
        # Compact windows hide the sidebar (list, tracer, variants, card) behind this toggle.
        self.panel_toggle = button("Panel")
        self.panel_toggle.setCheckable(True)
        self.panel_toggle.setAccessibleName("Show the side panel")
        self.panel_toggle.setToolTip("Structures, nerve tracer, variants and the card")
        self.panel_toggle.setVisible(False)
        self.flow.addWidget(self.panel_toggle)
        self.view_group = QButtonGroup(self)
        self.view_buttons: dict[View, QPushButton] = {}
        for index, (view, name) in enumerate(VIEW_NAMES.items()):
            choice = button(name)
            choice.setCheckable(True)
            choice.setAccessibleName(f"{name} view")
            choice.setToolTip(f"Show the hip from {'behind' if index == 0 else 'the side'}")
            self.view_group.addButton(choice, index)
            self.view_buttons[view] = choice
            self.flow.addWidget(choice)
        self.view_buttons[View.POSTERIOR].setChecked(True)
        self.depth_group = QButtonGroup(self)
        self.depth_buttons: list[QPushButton] = []
        for depth, name in LAYER_NAMES.items():
            depth_button = button(name)
            depth_button.setToolTip(f"Depth {depth} of {len(LAYER_NAMES)}")
            depth_button.setCheckable(True)
            depth_button.setAccessibleName(f"Peel to depth {depth}: {name}")
            self.depth_group.addButton(depth_button, depth)
            self.depth_buttons.append(depth_button)
            self.flow.addWidget(depth_button)
        self.depth_buttons[0].setChecked(True)
        self.attachments_toggle = QCheckBox("Origins && insertions")
        self.attachments_toggle.setChecked(True)
        self.attachments_toggle.setAccessibleName("Paint the selected muscle's attachments")
        self.flow.addWidget(self.attachments_toggle)
        self.overlay_toggles: dict[str, QCheckBox] = {}

    def set_overlays(self, overlays: tuple[Overlay, ...]) -> None:
        """One toggle per teaching overlay of the shown figure; others are hidden."""
        for overlay in overlays:
            if overlay.id not in self.overlay_toggles:
                toggle = QCheckBox(_short_overlay_name(overlay.name))
                toggle.setAccessibleName(f"Show {overlay.name}")
                toggle.setToolTip(overlay.note or overlay.name)
                toggle.toggled.connect(
                    lambda on, oid=overlay.id: self.overlay_toggled.emit(oid, on)
                )
                self.overlay_toggles[overlay.id] = toggle
                self.flow.addWidget(toggle)
        shown = {overlay.id for overlay in overlays}
        for overlay_id, toggle in self.overlay_toggles.items():
            toggle.setVisible(overlay_id in shown)

    def view_of(self, index: int) -> View:
        return list(VIEW_NAMES)[index]

    def set_compact(self, compact: bool) -> None:
        """Short names ("Rear", "1"…"4") when space is short; full names otherwise."""
        self.panel_toggle.setVisible(compact)
        for view, choice in self.view_buttons.items():
            choice.setText(SHORT_VIEW_NAMES[view] if compact else VIEW_NAMES[view])
        for depth, depth_button in enumerate(self.depth_buttons, start=1):
            depth_button.setText(str(depth) if compact else LAYER_NAMES[depth])
            depth_button.setToolTip(f"Depth {depth} of {len(LAYER_NAMES)}: {LAYER_NAMES[depth]}")
        self.attachments_toggle.setText("Attachments" if compact else "Origins && insertions")


def _short_overlay_name(name: str) -> str:
    return "Injection site" if "injection" in name.lower() else name


class BottomBar(QWidget):
    """Labels, the peel slider and zoom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, spacing=8)
        self.labels_toggle = QCheckBox("Labels")
        self.labels_toggle.setChecked(True)
        self.labels_toggle.setAccessibleName("Show labels")
        self.depth_slider = QSlider(Qt.Orientation.Horizontal)
        self.depth_slider.setRange(1, len(LAYER_NAMES))
        self.depth_slider.setPageStep(1)
        self.depth_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.depth_slider.setAccessibleName("Peel depth")
        self.depth_slider.setMinimumWidth(140)
        self.zoom_out = button("\N{MINUS SIGN}")
        self.zoom_out.setAccessibleName("Zoom out")
        self.zoom_in = button("+")
        self.zoom_in.setAccessibleName("Zoom in")
        self.fit = button("Fit")
        self.fit.setAccessibleName("Fit the whole figure")
        self.peel_label = caption("&Peel", self.depth_slider, "muted")
        self.peel_label.setWordWrap(False)
        self.flow.addWidget(self.labels_toggle)
        self.flow.addWidget(self.peel_label)
        self.flow.addWidget(self.depth_slider)
        for widget in (self.zoom_out, self.zoom_in, self.fit):
            self.flow.addWidget(widget)

    def set_compact(self, compact: bool) -> None:
        """Drop the slider when space is short (the depth buttons do the same job)."""
        self.peel_label.setVisible(not compact)
        self.depth_slider.setVisible(not compact)
