"""Typed settings, kept in the store's ``settings`` table as JSON values.

Every setting is a field of :class:`Preferences` with its type and default; a stored value that
does not fit (wrong type, out of range, unknown key) falls back to the default instead of
leaking into the app. Nothing outside this module names a setting by string.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.services.store import StoreError
from app.services.store_handle import StoreHandle

THEMES = ("light", "high-contrast")
FONT_SCALES = (0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


@dataclass(frozen=True)
class Preferences:
    """Every setting the app keeps, with its default.

    Attributes:
        theme: one of :data:`THEMES`.
        font_scale: text size factor, between the ends of :data:`FONT_SCALES`.
        volume: cue volume in percent, 0 to 100.
        window_geometry: the main window's saved geometry (base64), "" for none.
        last_page: the key of the page open when the app last closed.
    """

    theme: str = THEMES[0]
    font_scale: float = 1.0
    volume: int = 80
    window_geometry: str = ""
    last_page: str = ""


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


#: A value is kept only when its field's check accepts it.
_CHECKS: dict[str, Callable[[Any], bool]] = {
    "theme": lambda value: value in THEMES,
    "font_scale": lambda value: _is_number(value) and FONT_SCALES[0] <= value <= FONT_SCALES[-1],
    "volume": lambda value: _is_number(value) and 0 <= value <= 100,
    "window_geometry": lambda value: isinstance(value, str),
    "last_page": lambda value: isinstance(value, str),
}
_CONVERT: dict[str, Callable[[Any], Any]] = {"font_scale": float, "volume": round}


class Settings(QObject):
    """The current :class:`Preferences`, saved on every change.

    Signals:
        changed(str): the name of a field whose value changed (also after the store was
            replaced, for each field that differs).
        save_failed(str): a message when a change could not be written (it still applies).
    """

    changed = Signal(str)
    save_failed = Signal(str)

    def __init__(self, store: StoreHandle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handle = store
        self._values = self._read()
        store.replaced.connect(self._on_store_replaced)

    @property
    def values(self) -> Preferences:
        return self._values

    def update(self, **changes: Any) -> None:
        """Apply and save new values.

        Raises:
            ValueError: for an unknown setting or a value its field does not accept.
        """
        for name, value in changes.items():
            if name not in _CHECKS:
                raise ValueError(f"unknown setting {name!r}")
            if not _CHECKS[name](value):
                raise ValueError(f"{value!r} is not a valid {name}")
        converted = {name: _CONVERT.get(name, _same)(v) for name, v in changes.items()}
        previous = self._values
        self._values = dataclasses.replace(previous, **converted)
        for name in _changed_fields(previous, self._values):
            self._save(name, getattr(self._values, name))
            self.changed.emit(name)

    # Shorthands for the settings views change directly.

    @property
    def theme(self) -> str:
        return self._values.theme

    @theme.setter
    def theme(self, value: str) -> None:
        self.update(theme=value)

    @property
    def font_scale(self) -> float:
        return self._values.font_scale

    @font_scale.setter
    def font_scale(self, value: float) -> None:
        self.update(font_scale=min(max(value, FONT_SCALES[0]), FONT_SCALES[-1]))

    @property
    def volume(self) -> int:
        return self._values.volume

    @volume.setter
    def volume(self, value: int) -> None:
        self.update(volume=min(max(value, 0), 100))

    def step_font_scale(self, steps: int) -> None:
        """Move the font scale ``steps`` notches up or down the ladder."""
        current = min(FONT_SCALES, key=lambda scale: abs(scale - self.font_scale))
        index = FONT_SCALES.index(current) + steps
        self.font_scale = FONT_SCALES[max(0, min(index, len(FONT_SCALES) - 1))]

    # --- storage -----------------------------------------------------------------------------

    def _read(self) -> Preferences:
        try:
            rows = self._handle.store.query("SELECT key, value FROM settings")
        except StoreError:
            rows = []
        found: dict[str, Any] = {}
        for key, text in rows:
            try:
                value = json.loads(text)
            except ValueError:
                continue  # an unreadable value falls back to its default
            if key in _CHECKS and _CHECKS[key](value):
                found[key] = _CONVERT.get(key, _same)(value)
        return Preferences(**found)

    def _save(self, name: str, value: object) -> None:
        try:
            with self._handle.store.transaction() as connection:
                connection.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (name, json.dumps(value)),
                )
        except StoreError as error:
            self.save_failed.emit(str(error))

    def _on_store_replaced(self) -> None:
        previous, self._values = self._values, self._read()
        for name in _changed_fields(previous, self._values):
            self.changed.emit(name)


def _same(value: Any) -> Any:
    return value


def _changed_fields(before: Preferences, after: Preferences) -> list[str]:
    return [
        field.name
        for field in dataclasses.fields(Preferences)
        if getattr(before, field.name) != getattr(after, field.name)
    ]
