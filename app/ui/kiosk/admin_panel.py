"""What the administrator can change behind the PIN: idle timeout, pages, volume, exit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QSlider, QSpinBox, QWidget

from app.domain.kiosk import KioskPolicy
from app.ui.kiosk.overlay import Overlay
from app.ui.pages import PageSpec
from app.ui.widgets import button, caption, label


class AdminPanel(Overlay):
    """Signals:
    policy_changed(object): a new :class:`KioskPolicy` for this session, on Done.
    exit_requested(): leave kiosk mode and close the app.
    """

    policy_changed = Signal(object)
    exit_requested = Signal()

    def __init__(self, parent: QWidget, pages: list[PageSpec]) -> None:
        super().__init__(parent, width=640)
        self._policy = KioskPolicy()
        self.card.body.addWidget(label("Kiosk settings", "h1"))
        self.card.body.addWidget(
            label(
                "Changes last until the app restarts; edit the policy file to keep them.", "muted"
            )
        )
        grid = QGridLayout()
        grid.setVerticalSpacing(14)
        self._idle = QSpinBox()
        self._idle.setRange(15, 3600)
        self._idle.setSuffix(" s")
        self._idle.setAccessibleName("Idle timeout")
        grid.addWidget(caption("&Reset after idle", self._idle), 0, 0)
        grid.addWidget(self._idle, 0, 1)
        self._volume = QSlider(Qt.Orientation.Horizontal)
        self._volume.setRange(0, 100)
        self._volume.setAccessibleName("Volume")
        grid.addWidget(caption("&Volume", self._volume), 1, 0)
        grid.addWidget(self._volume, 1, 1)
        self.card.body.addLayout(grid)
        self.card.body.addWidget(label("Pages", "h3"))
        self._pages: dict[str, QCheckBox] = {}
        for spec in pages:
            if spec.key == "home":
                continue
            box = QCheckBox(spec.title)
            self._pages[spec.key] = box
            self.card.body.addWidget(box)
        row = QHBoxLayout()
        leave = button("Exit kiosk")
        leave.clicked.connect(self.exit_requested)
        done = button("Done", "primary")
        done.clicked.connect(self._on_done_clicked)
        row.addWidget(leave)
        row.addStretch(1)
        row.addWidget(done)
        self.card.body.addLayout(row)

    def edit(self, policy: KioskPolicy) -> None:
        self._policy = policy
        self._idle.setValue(policy.idle_seconds)
        self._volume.setValue(policy.volume)
        for key, box in self._pages.items():
            box.setChecked(key in policy.pages)
        self.open()

    def _on_done_clicked(self) -> None:
        from dataclasses import replace

        pages = tuple(key for key, box in self._pages.items() if box.isChecked())
        policy = replace(
            self._policy, idle_seconds=self._idle.value(), volume=self._volume.value()
        ).with_pages(pages)
        self.hide()
        self.policy_changed.emit(policy)
