"""Every control a person can reach is named for a screen reader, on every page."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QWidget,
)

from app.ui.main_window import MainWindow
from app.ui.stretch.page import StretchPage

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces: the accessible name, else a button's own text."""
    name = widget.accessibleName()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "")
    return name.strip()


def unnamed_controls(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the editor inside a spin box or combo box speaks as its owner
        if isinstance(widget, QScrollBar):
            continue  # belongs to its view, which is named
        if not spoken_name(widget):
            found.append(f"{type(widget).__name__} #{widget.objectName() or '?'}")
    return found


def test_every_control_on_every_page_has_a_name(window: MainWindow) -> None:
    missing: list[str] = []
    for key in window.page_keys():
        window.show_page(key)
        QApplication.processEvents()
        missing.extend(f"{key}: {name}" for name in unnamed_controls(window))
    stretch = window.page("stretch")
    assert isinstance(stretch, StretchPage)
    stretch.library.build_requested.emit("desk-break")  # the routine builder's controls too
    QApplication.processEvents()
    missing.extend(f"builder: {name}" for name in unnamed_controls(window))
    assert not missing, "\n".join(missing)
