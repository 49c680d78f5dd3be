"""Settings persist in the store and clamp bad values."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.services.settings import FONT_SCALES, Settings
from app.services.store import Store
from app.services.store_handle import StoreHandle


def test_settings_persist_and_signal(qtbot: QtBot, store: Store) -> None:
    settings = Settings(StoreHandle(store))
    with qtbot.waitSignal(settings.changed) as blocker:
        settings.theme = "high-contrast"
    assert blocker.args == ["theme"]
    assert Settings(StoreHandle(store)).theme == "high-contrast"


def test_font_scale_steps_along_the_ladder_and_stops_at_the_ends(store: Store) -> None:
    settings = Settings(StoreHandle(store))
    settings.step_font_scale(1)
    assert settings.font_scale == FONT_SCALES[FONT_SCALES.index(1.0) + 1]
    for _ in range(20):
        settings.step_font_scale(1)
    assert settings.font_scale == FONT_SCALES[-1]
    settings.font_scale = 99
    assert settings.font_scale == FONT_SCALES[-1]


def test_corrupt_value_falls_back_to_default(store: Store) -> None:
    with store.transaction() as connection:
        connection.execute("INSERT INTO settings VALUES ('theme', '{not json')")
    assert Settings(StoreHandle(store)).theme == "light"
