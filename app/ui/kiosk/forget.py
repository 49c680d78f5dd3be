"""What a kiosk reset must wipe besides the store and the pages' own state.

Each function removes one place where a visitor's text outlives the visit: undo history in
text fields (``QLineEdit.clear()`` is itself undoable, so Ctrl+Z brought the text back), the
clipboard and the X11 PRIMARY selection (filled by merely selecting text), and any dialog or
popup left open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def forget_undo_history(root: QWidget) -> int:
    """Drop the undo and redo history of every text field under ``root``; returns how many.

    The text itself stays as the page's reset left it (normally empty).
    """
    forgotten = 0
    for field in root.findChildren(QLineEdit):
        if field.isUndoAvailable() or field.isRedoAvailable():
            # setText() starts a fresh history, even when the text is unchanged.
            field.setText(field.text())
            forgotten += 1
    for editor in root.findChildren(QTextEdit) + root.findChildren(QPlainTextEdit):
        document = editor.document()
        if document.isUndoAvailable() or document.isRedoAvailable():
            document.clearUndoRedoStacks()
            forgotten += 1
    for spin in root.findChildren(QAbstractSpinBox):
        spin.clearFocus()  # a half-typed number is kept by the spin box until it loses focus
    return forgotten


def clear_clipboards() -> None:
    """Empty the clipboard and, where the platform has one (X11), the PRIMARY selection."""
    clipboard = QApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    for field in QApplication.allWidgets():
        # A field that still shows a selection would hand it out again as PRIMARY.
        if isinstance(field, QLineEdit) and field.hasSelectedText():
            field.deselect()


def close_dialogs_and_popups() -> int:
    """Dismiss every open dialog (as Cancel would) and popup (menus, combo lists, tooltips)."""
    closed = 0
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
            closed += 1
        elif widget.isWindow() and widget.windowFlags() & Qt.WindowType.Popup:
            widget.close()
            closed += 1
    return closed
