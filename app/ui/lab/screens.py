"""Screenshots of the lab (``--screenshot``): each scenario at a telling moment, and the
conduction study with its cursors on the onsets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.domain.emg.scenarios import PHASES, REST, SCENARIO_IDS
from app.domain.emg.study import DischargeKind, Recording
from app.ui.lab.page import LabPage
from app.ui.main_window import MainWindow

SCREEN_NAMES = (*(f"lab-{sid}" for sid in SCENARIO_IDS), "lab-conduction")


def telling_moment(recording: Recording, scenario_id: str) -> float:
    """Seconds into the study worth a still: full effort for healthy muscle, else just after
    a fasciculation at rest (or mid-rest when there is none)."""
    if scenario_id == "healthy":
        return PHASES[3].stop - 0.6
    fasciculations = [
        e.time for e in recording.of_kind(DischargeKind.FASCICULATION) if e.time > REST.start + 1
    ]
    return fasciculations[0] + 0.3 if fasciculations else REST.start + 2.7


def save_lab_screenshots(window: MainWindow, folder: Path) -> int:
    """Save :data:`SCREEN_NAMES` as PNGs in ``folder``; returns how many."""
    window.open_link(f"lab:{SCENARIO_IDS[0]}")
    page = window.page("lab")
    assert isinstance(page, LabPage)
    for scenario_id in SCENARIO_IDS:
        window.open_link(f"lab:{scenario_id}")
        page.emg.show_at(0.0)
        recording = page.emg.recording
        assert recording is not None
        page.emg.show_at(telling_moment(recording, scenario_id))
        _save(window, folder / f"lab-{scenario_id}.png")
    window.open_link("lab:conduction")
    page.conduction.show_onsets()
    _save(window, folder / "lab-conduction.png")
    page.reset()
    return len(SCREEN_NAMES)


def _save(window: MainWindow, path: Path) -> None:
    for _ in range(3):
        QApplication.processEvents()
    window.grab().save(str(path))
