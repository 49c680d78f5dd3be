"""About: version, the medical disclaimer, where the facts come from, third-party licences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from app import APP_NAME, __version__
from app.ui.context import PageContext
from app.ui.third_party_panel import ThirdPartyPanel
from app.ui.widgets import DISCLAIMER, button, label

SOURCES = (
    "Facts follow standard references: Gray's Anatomy, Moore's Clinically Oriented Anatomy, "
    "OpenStax Anatomy & Physiology, NHS and NICE guidance on sciatica and red flags, and ACSM "
    "guidance on stretching. Where these sources disagree, the app says so."
)


class AboutDialog(QDialog):
    """Version, disclaimer, sources and the licences of the third-party software shipped."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setFixedWidth(600)
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 20)
        column.setSpacing(12)
        column.addWidget(label(APP_NAME, "h1"))
        column.addWidget(label(f"Version {__version__} · works fully offline", "muted"))
        # Two tabs keep the dialog within a 720x540 screen: the licences list is long.
        tabs = QTabWidget()
        tabs.addTab(_general_tab(), "About")
        tabs.addTab(ThirdPartyPanel(), "Third-party licences")
        column.addWidget(tabs)
        row = QHBoxLayout()
        row.addStretch(1)
        close = button("Close", "primary")
        close.clicked.connect(self.accept)
        close.setDefault(True)
        row.addWidget(close)
        column.addLayout(row)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Wrapped labels only know their height once the width is fixed.
        column.setSizeConstraint(QVBoxLayout.SizeConstraint.SetFixedSize)


def _general_tab() -> QWidget:
    """The disclaimer, the sources and the privacy promise."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(12, 12, 12, 12)
    column.setSpacing(12)
    column.addWidget(label("Not medical advice", "h3"))
    disclaimer = label(DISCLAIMER)
    disclaimer.setObjectName("disclaimer")
    column.addWidget(disclaimer)
    column.addWidget(label("Sources", "h3"))
    column.addWidget(label(SOURCES))
    column.addWidget(
        label("Your progress stays on this computer. Nothing is sent anywhere.", "muted")
    )
    column.addStretch(1)
    return page
