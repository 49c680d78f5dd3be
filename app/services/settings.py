"""Settings kept in the store's ``settings`` table, as JSON values."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.services.store import Store, StoreError

THEMES = ("light", "high-contrast")
FONT_SCALES = (0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


class Settings(QObject):
    """Typed access to settings.

    Signals:
        changed(str): a setting's key, after its value changed.
        save_failed(str): a message when a change could not be written (it still applies).
    """

    changed = Signal(str)
    save_failed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._values: dict[str, Any] = {}
        try:
            rows = store.query("SELECT key, value FROM settings")
        except StoreError:
            rows = []
        for key, value in rows:
            try:
                self._values[key] = json.loads(value)
            except ValueError:
                continue  # an unreadable value falls back to its default

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Apply and save a value (JSON-serialisable)."""
        if self._values.get(key) == value:
            return
        self._values[key] = value
        try:
            with self._store.transaction() as connection:
                connection.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(value)),
                )
        except StoreError as error:
            self.save_failed.emit(str(error))
        self.changed.emit(key)

    def forget_cached(self) -> None:
        """Drop in-memory values after the table was emptied (kiosk reset); back to defaults."""
        keys = list(self._values)
        self._values.clear()
        for key in keys:
            self.changed.emit(key)

    @property
    def theme(self) -> str:
        value = self.get("theme", THEMES[0])
        return value if value in THEMES else THEMES[0]

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self.set("theme", value)

    @property
    def font_scale(self) -> float:
        value = self.get("font_scale", 1.0)
        if isinstance(value, int | float) and FONT_SCALES[0] <= value <= FONT_SCALES[-1]:
            return float(value)
        return 1.0

    @font_scale.setter
    def font_scale(self, value: float) -> None:
        self.set("font_scale", min(max(value, FONT_SCALES[0]), FONT_SCALES[-1]))

    def step_font_scale(self, steps: int) -> None:
        """Move the font scale ``steps`` notches up or down the ladder."""
        current = min(FONT_SCALES, key=lambda scale: abs(scale - self.font_scale))
        index = FONT_SCALES.index(current) + steps
        self.font_scale = FONT_SCALES[max(0, min(index, len(FONT_SCALES) - 1))]
