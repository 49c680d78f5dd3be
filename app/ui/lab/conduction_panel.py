"""The nerve-conduction half of the lab: choose a nerve and a condition, stimulate at two
sites, drag a cursor to each response's onset, and read the velocity."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.emg import conduction
from app.domain.emg.conduction import NERVES, Condition, Study, study
from app.domain.emg.reading import Measured, remarks
from app.ui.lab.conduction_plot import SITES, ConductionPlot
from app.ui.lab.responsive import ResponsiveRow
from app.ui.theme import Theme
from app.ui.widgets import button, label

_TOGGLES = (
    ("cooled", "Cold foot (26 °C)"),
    ("demyelination", "Demyelination"),
    ("axonal_loss", "Axonal loss"),
)


CONTROLS_WIDTH = 360


class ConductionPanel(QWidget):
    """Controls and readout on the left, the two sweeps on the right."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = ConductionPlot(theme)
        self.plot.cursors_moved.connect(self._update_readout)
        self._study = study(NERVES[0], Condition())
        self._stimulated: set[str] = set()
        self._build()
        self.reset()

    def _build(self) -> None:
        self.nerve_buttons: dict[str, QRadioButton] = {}
        nerves = QButtonGroup(self)
        controls = QWidget()
        controls.setMaximumWidth(CONTROLS_WIDTH)
        side = QVBoxLayout(controls)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(8)
        side.addWidget(label("Nerve", "eyebrow"))
        for choice in NERVES:
            radio = QRadioButton(choice.name.split(" (")[0].removesuffix(" nerve"))
            radio.toggled.connect(lambda on, nid=choice.id: self._on_nerve_toggled(nid, on))
            nerves.addButton(radio)
            side.addWidget(radio)
            self.nerve_buttons[choice.id] = radio
        side.addWidget(label("What is wrong with the nerve", "eyebrow"))
        self.toggles: dict[str, QCheckBox] = {}
        for key, text in _TOGGLES:
            box = QCheckBox(text)
            box.toggled.connect(lambda _=False: self._change())
            side.addWidget(box)
            self.toggles[key] = box
        self.sites = label("", "muted")
        side.addWidget(self.sites)
        side.addWidget(label("Stimulate", "eyebrow"))
        self.stimulate_buttons = {
            "distal": button("Lower site"),
            "proximal": button("Upper site"),
        }
        for site, stimulate in self.stimulate_buttons.items():
            stimulate.clicked.connect(lambda _=False, s=site: self.stimulate(s))
            side.addWidget(stimulate)
        self.answer_button = button("Show me the onsets", "link")
        self.answer_button.clicked.connect(self.show_onsets)
        side.addWidget(self.answer_button)
        side.addStretch(1)
        self._layout(controls)

    def _layout(self, controls: QWidget) -> None:
        self.latencies = label("", wrap=True)
        self.velocity = label("", "h3")
        self.amplitudes = label("", "muted")
        self.reading = label("")
        self.normal = label("", "small")
        right = QVBoxLayout()
        right.addWidget(self.plot, 1)
        for part in (self.latencies, self.velocity, self.amplitudes, self.reading, self.normal):
            right.addWidget(part)
        results = QWidget()
        results.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        self._row = ResponsiveRow(self, controls, results, CONTROLS_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._row.fit(event.size().width())
        super().resizeEvent(event)

    # --- public ------------------------------------------------------------------------------

    @property
    def study(self) -> Study:
        """The model's study for the chosen nerve and condition (the answer key)."""
        return self._study

    def reset(self) -> None:
        """Tibial nerve, nothing wrong, nothing stimulated."""
        for box in self.toggles.values():
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.nerve_buttons[NERVES[0].id].setChecked(True)
        self._change(nerve_id=NERVES[0].id)

    def stimulate(self, site: str) -> None:
        """Stimulate at ``site`` ("distal" or "proximal"): its response appears."""
        self._stimulated.add(site)
        response = self._study.distal if site == "distal" else self._study.proximal
        self.plot.set_trace(site, conduction.trace(response, seed=len(site)))
        self._update_readout()

    def show_onsets(self) -> None:
        """Stimulate both sites and put each cursor on its response's onset."""
        for site in SITES:
            self.stimulate(site)
        self.plot.set_cursor_ms("distal", self._study.distal.onset_ms)
        self.plot.set_cursor_ms("proximal", self._study.proximal.onset_ms)

    def measured_velocity(self) -> float | None:
        """The velocity from the cursors, or ``None`` until both are usable."""
        if self._stimulated != set(SITES):
            return None
        distal, proximal = self.plot.cursor_ms("distal"), self.plot.cursor_ms("proximal")
        try:
            return conduction.velocity(self._study.nerve.segment_mm, distal, proximal)
        except ValueError:
            return None

    # --- changes -----------------------------------------------------------------------------

    def _change(self, nerve_id: str = "") -> None:
        chosen = conduction.nerve(nerve_id) if nerve_id else self._study.nerve
        condition = Condition(**{key: box.isChecked() for key, box in self.toggles.items()})
        self._study = study(chosen, condition)
        self.sites.setText(
            f"{chosen.name}, recorded from {chosen.muscle}. Lower site: {chosen.distal_site}; "
            f"upper site: {chosen.proximal_site}; {chosen.segment_mm:g} mm apart, measured "
            "along the nerve with a tape."
        )
        self.normal.setText(
            f"Normal for this nerve (adults): {chosen.normal.describe()}. "
            f"Source: {conduction.SOURCE}"
        )
        self._stimulated.clear()
        for site in SITES:
            self.plot.set_trace(site, None)
        self.plot.reset_cursors()
        self._update_readout()

    def _on_nerve_toggled(self, nerve_id: str, on: bool) -> None:
        if on:
            self._change(nerve_id=nerve_id)

    def _update_readout(self) -> None:
        distal, proximal = self.plot.cursor_ms("distal"), self.plot.cursor_ms("proximal")
        if not self._stimulated:
            self.latencies.setText("Stimulate at both sites to see the muscle's responses.")
        else:
            self.latencies.setText(
                f"Onset cursors: lower site {distal:.2f} ms, upper site {proximal:.2f} ms. "
                "Drag each to where its response leaves the baseline."
            )
        velocity = self.measured_velocity()
        segment = self._study.nerve.segment_mm
        if velocity is None:
            self.velocity.setText("Velocity = distance ÷ time difference: not yet measured")
            self.amplitudes.setText("")
            self.reading.setText("")
            return
        self.velocity.setText(
            f"Velocity = {segment:g} mm ÷ {proximal - distal:.2f} ms = {velocity:.1f} m/s"
        )
        heights = {site: self._amplitude(site) for site in SITES}
        self.amplitudes.setText(
            f"Response size: lower site {heights['distal']:.1f} mV, "
            f"upper site {heights['proximal']:.1f} mV"
        )
        measured = Measured(velocity, distal, heights["distal"], heights["proximal"])
        self.reading.setText(" ".join(remarks(measured, self._study.nerve.normal)))

    def _amplitude(self, site: str) -> float:
        """Baseline to negative peak of the drawn response, as the machine measures it."""
        response = self._study.distal if site == "distal" else self._study.proximal
        sweep = conduction.trace(response, seed=len(site))
        after_artefact = conduction.sweep_times_ms() > 2.0
        return float(-np.min(sweep[after_artefact]))
