"""Colours, type scale and the application style sheet, for the light and high-contrast themes.

Pages that paint themselves (the diagram, the timer ring, charts, lesson HTML) read
:attr:`Theme.palette` and :meth:`Theme.px` and repaint on :attr:`Theme.changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

FONT_FAMILIES = ["Inter", "Noto Sans", "Cantarell", "DejaVu Sans", "Arial", "sans-serif"]

#: Type scale, as multiples of the body size.
TYPE_SCALE = {
    "small": 0.86,
    "body": 1.0,
    "large": 1.15,
    "h3": 1.2,
    "h2": 1.45,
    "h1": 1.9,
    "display": 2.6,
}
BODY_PX = 15


@dataclass(frozen=True)
class Palette:
    name: str
    window: str
    surface: str
    surface_alt: str
    text: str
    text_muted: str
    border: str
    accent: str
    accent_text: str
    accent_soft: str
    focus: str
    success: str
    danger: str
    warning: str
    warning_soft: str
    muscle: str
    muscle_edge: str
    nerve: str
    nerve_edge: str
    bone: str
    bone_edge: str
    selection: str


LIGHT = Palette(
    name="light",
    window="#f4f1ec",
    surface="#ffffff",
    surface_alt="#ece7df",
    text="#1f2328",
    text_muted="#5b6169",
    border="#d6cfc4",
    accent="#1f6f78",
    accent_text="#ffffff",
    accent_soft="#dcecec",
    # Blue, not the orange-red it was: a focused search box must not look like an error.
    focus="#2456c8",
    success="#1e7b43",
    danger="#b42318",
    warning="#8a5a00",
    warning_soft="#fdf1d8",
    muscle="#c9665b",
    muscle_edge="#7d2f27",
    nerve="#f2c94c",
    nerve_edge="#8a6a00",
    bone="#ece3d2",
    bone_edge="#9c8f78",
    selection="#1f6f78",
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    window="#000000",
    surface="#0a0a0a",
    surface_alt="#1c1c1c",
    text="#ffffff",
    text_muted="#e6e6e6",
    border="#ffffff",
    accent="#ffd400",
    accent_text="#000000",
    accent_soft="#332b00",
    focus="#00e5ff",
    success="#5cff8a",
    danger="#ff6b6b",
    warning="#ffd400",
    warning_soft="#2b2400",
    muscle="#ff7a6b",
    muscle_edge="#ffffff",
    nerve="#ffe600",
    nerve_edge="#ffffff",
    bone="#3a3a3a",
    bone_edge="#ffffff",
    selection="#00e5ff",
)

PALETTES = {palette.name: palette for palette in (LIGHT, HIGH_CONTRAST)}


class Theme(QObject):
    """The current palette and font scale.

    Signals:
        changed(): palette or scale changed; restyle and repaint.
    """

    changed = Signal()

    def __init__(
        self,
        name: str = "light",
        scale: float = 1.0,
        parent: QObject | None = None,
        icons_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._palette = PALETTES.get(name, LIGHT)
        self._scale = scale
        self._icons_dir = icons_dir

    @property
    def palette(self) -> Palette:
        return self._palette

    @property
    def scale(self) -> float:
        return self._scale

    def px(self, role: str = "body") -> int:
        """Pixel size of a type role at the current scale."""
        return round(BODY_PX * TYPE_SCALE[role] * self._scale)

    def set(self, name: str, scale: float) -> None:
        palette = PALETTES.get(name, LIGHT)
        if palette == self._palette and scale == self._scale:
            return
        self._palette, self._scale = palette, scale
        self.changed.emit()

    def apply(self, app: QApplication) -> None:
        """Set the application font and style sheet for the current theme."""
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPixelSize(self.px())
        app.setFont(font)
        app.setPalette(qt_palette(self._palette, app.palette()))
        app.setStyleSheet(stylesheet(self._palette, self.px) + self._arrows())

    def _arrows(self) -> str:
        """Drop-down and spin-box arrows: styled combo and spin boxes lose Qt's own (a spin
        box draws black slivers instead), so draw ours from assets."""
        if self._icons_dir is None:
            return ""
        suffix = "-light" if self._palette.name == "high-contrast" else ""
        down = (self._icons_dir / f"chevron-down{suffix}.svg").as_posix()
        up = (self._icons_dir / f"chevron-up{suffix}.svg").as_posix()
        width = round(26 * self.scale)
        return f"""
QComboBox::drop-down {{ border: none; width: 30px; }}
QComboBox::down-arrow {{ image: url({down}); width: 14px; height: 14px; }}
QSpinBox, QDoubleSpinBox {{ padding-right: {width + 4}px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ subcontrol-origin: border;
    width: {width}px; border: none; background: transparent; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-arrow {{ image: url({up}); width: 12px; height: 12px; }}
QAbstractSpinBox::down-arrow {{ image: url({down}); width: 12px; height: 12px; }}
QDateTimeEdit::drop-down {{ border: none; width: 30px; }}
QDateTimeEdit::down-arrow {{ image: url({down}); width: 14px; height: 14px; }}
"""


def qt_palette(p: Palette, base: QPalette) -> QPalette:
    """``base`` in the theme's colours, for whatever the style draws itself (tab panes,
    check marks, text cursors): without it those kept Qt's light defaults, so the high-contrast
    theme's white text sat on a light tab page. Rich-text links take the accent; a disabled
    control's text is the theme's muted colour."""
    colours = QPalette(base)
    roles, groups = QPalette.ColorRole, QPalette.ColorGroup
    quiet = QColor(p.text_muted)
    for role, colour in (
        (roles.Window, p.window),
        (roles.WindowText, p.text),
        (roles.Base, p.surface),
        (roles.AlternateBase, p.surface_alt),
        (roles.Text, p.text),
        (roles.Button, p.surface),
        (roles.ButtonText, p.text),
        (roles.ToolTipBase, p.surface),
        (roles.ToolTipText, p.text),
        (roles.PlaceholderText, p.text_muted),
        (roles.Highlight, p.accent),
        (roles.HighlightedText, p.accent_text),
        (roles.Link, p.accent),
        (roles.LinkVisited, p.accent),
    ):
        for group in (groups.Active, groups.Inactive):
            colours.setColor(group, role, QColor(colour))
        # A disabled control keeps its surfaces and greys its text, as Qt's own palette does.
        text_roles = (roles.WindowText, roles.Text, roles.ButtonText, roles.PlaceholderText)
        colours.setColor(groups.Disabled, role, quiet if role in text_roles else QColor(colour))
    return colours


def stylesheet(p: Palette, size: Callable[..., int]) -> str:
    """The application style sheet; ``size(role)`` gives font sizes in pixels."""
    return f"""
QWidget {{ color: {p.text}; font-size: {size()}px; }}
QMainWindow, QDialog, #page {{ background: {p.window}; }}
QToolTip {{ background: {p.surface}; color: {p.text}; border: 1px solid {p.border}; }}
QLabel[role="display"] {{ font-size: {size("display")}px; font-weight: 700; }}
QLabel[role="h1"] {{ font-size: {size("h1")}px; font-weight: 700; }}
QLabel[role="h2"] {{ font-size: {size("h2")}px; font-weight: 650; }}
QLabel[role="h3"] {{ font-size: {size("h3")}px; font-weight: 650; }}
QLabel[role="muted"] {{ color: {p.text_muted}; }}
QLabel[role="small"] {{ color: {p.text_muted}; font-size: {size("small")}px; }}
QLabel[role="eyebrow"] {{ color: {p.accent}; font-size: {size("small")}px; font-weight: 700;
    letter-spacing: 1px; text-transform: uppercase; }}
#navRail {{ background: {p.surface}; border-right: 1px solid {p.border}; }}
#navRail QToolButton {{ border: none; border-radius: 12px; padding: 8px 4px;
    color: {p.text_muted}; font-size: {size("small")}px; font-weight: 600; }}
#navRail QToolButton:hover {{ background: {p.surface_alt}; color: {p.text}; }}
#navRail QToolButton:checked {{ background: {p.accent_soft}; color: {p.accent}; }}
#navRail QToolButton:focus {{ outline: none; border: 2px solid {p.focus}; }}
#brand {{ color: {p.accent}; font-weight: 800; font-size: {size("small")}px; }}
QFrame[role="card"] {{ background: {p.surface}; border: 1px solid {p.border};
    border-radius: 14px; }}
QFrame[role="card"]:hover {{ border-color: {p.accent}; }}
QFrame[role="card"]:focus {{ border: 2px solid {p.focus}; }}
QFrame[role="notice"] {{ background: {p.warning_soft}; border: 1px solid {p.warning};
    border-radius: 10px; }}
QFrame[role="callout"] {{ background: {p.accent_soft}; border-radius: 14px; }}
QPushButton {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 10px;
    padding: 8px 18px; min-height: {max(28, round(size() * 1.45))}px; font-weight: 600; }}
QPushButton:hover {{ border-color: {p.accent}; }}
QPushButton:pressed {{ background: {p.surface_alt}; }}
QPushButton:focus {{ border: 2px solid {p.focus}; }}
QPushButton:checked {{ background: {p.accent_soft}; color: {p.accent};
    border: 2px solid {p.accent}; }}
QPushButton:checked:focus {{ border-color: {p.focus}; }}
QPushButton:disabled {{ color: {p.text_muted}; background: {p.surface_alt}; }}
QPushButton[role="primary"] {{ background: {p.accent}; color: {p.accent_text};
    border-color: {p.accent}; }}
QPushButton[role="primary"]:focus {{ border: 2px solid {p.focus}; }}
QPushButton[role="link"] {{ background: transparent; border: 2px solid transparent;
    border-radius: 4px; color: {p.accent}; padding: 0; text-decoration: underline; }}
QPushButton[role="link"]:focus {{ border-color: {p.focus}; }}
QLineEdit, QComboBox, QAbstractSpinBox {{ background: {p.surface}; border: 1px solid {p.border};
    border-radius: 10px; padding: 6px 10px; min-height: {max(26, round(size() * 1.35))}px;
    selection-background-color: {p.accent}; selection-color: {p.accent_text}; }}
QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus {{ border: 2px solid {p.focus};
    padding: 5px 9px; }}
QListWidget, QTreeWidget, QTextBrowser {{ background: {p.surface}; border: 1px solid {p.border};
    border-radius: 12px; padding: 4px; outline: none; }}
QListWidget::item, QTreeWidget::item {{ padding: 8px 10px; border-radius: 8px;
    border: 2px solid transparent; }}
QListWidget::item:selected, QTreeWidget::item:selected {{ background: {p.accent_soft};
    color: {p.text}; }}
QListWidget::item:focus {{ border: 2px solid {p.focus}; }}
QListWidget:focus, QTreeWidget:focus, QTextBrowser:focus {{ border: 2px solid {p.focus};
    padding: 3px; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea[role="scroll-stop"] {{ border: 2px solid transparent; border-radius: 8px; }}
QScrollArea[role="scroll-stop"]:focus {{ border-color: {p.focus}; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ background: transparent; width: 12px; margin: 2px; }}
QScrollBar::handle:vertical {{ background: {p.border}; border-radius: 5px; min-height: 32px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 2px; }}
QScrollBar::handle:horizontal {{ background: {p.border}; border-radius: 5px; min-width: 32px; }}
QSlider::groove:horizontal {{ height: 6px; background: {p.surface_alt}; border-radius: 3px; }}
QSlider::handle:horizontal {{ background: {p.accent}; width: 22px; height: 22px;
    margin: -8px 0; border-radius: 11px; }}
QProgressBar {{ background: {p.surface_alt}; border: none; border-radius: 5px; height: 10px;
    text-align: center; color: transparent; }}
QProgressBar::chunk {{ background: {p.accent}; border-radius: 5px; }}
QCheckBox, QRadioButton {{ spacing: 10px; border: 2px solid transparent; border-radius: 6px;
    padding: 1px 3px; }}
QCheckBox:focus, QRadioButton:focus {{ border-color: {p.focus}; }}
QSlider {{ border: 2px solid transparent; border-radius: 8px; }}
QSlider:focus {{ border-color: {p.focus}; }}
QTabWidget::pane {{ background: {p.window}; border: 1px solid {p.border}; border-radius: 12px;
    padding: 4px;
    top: -1px; }}
QTabBar::tab {{ background: {p.surface_alt}; color: {p.text_muted}; border: 1px solid {p.border};
    border-top-left-radius: 10px; border-top-right-radius: 10px; padding: 6px 10px;
    margin-right: 2px; }}
QTabBar::tab:hover {{ color: {p.text}; }}
QTabBar::tab:selected {{ background: {p.window}; color: {p.text};
    border-bottom-color: {p.window}; }}
QTabBar::tab:selected:focus {{ border: 2px solid {p.focus}; border-bottom-color: {p.window};
    padding: 5px 9px; }}
QStatusBar {{ background: {p.surface}; color: {p.text_muted}; border-top: 1px solid {p.border}; }}
"""
