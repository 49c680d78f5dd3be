"""About's third-party tab lists what a build ships and shows each component's licence text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.third_party import NoticesError, find_notices, read_notices
from app.ui.third_party_panel import ThirdPartyPanel


def _write_index(root: Path) -> Path:
    index = root / "notices" / "third-party.json"
    index.parent.mkdir(parents=True)
    components = [
        {"name": "Alpha", "version": "1.0", "licence": "MIT", "origin": "a wheel",
         "texts": ["alpha"], "files": ["_internal/alpha.so"]},
        {"name": "libbeta1", "version": "2.3-1", "licence": "LGPL-2.1+", "origin": "Debian",
         "texts": ["beta", "lgpl"], "files": ["_internal/libbeta.so.1"]},
    ]  # fmt: skip
    texts = {"alpha": "Alpha licence words", "beta": "Beta copyright", "lgpl": "LGPL body"}
    data = {"built_as": "bundle", "components": components, "texts": texts}
    index.write_text(json.dumps(data), "utf-8")
    return root


def test_finds_the_first_shipped_index(tmp_path: Path) -> None:
    """The first root holding an index wins; a checkout without one has no notices."""
    assert find_notices([tmp_path / "empty"]) is None
    root = _write_index(tmp_path / "shipped")
    notices = find_notices([tmp_path / "empty", root])
    assert notices is not None
    assert [c.name for c in notices.components] == ["Alpha", "libbeta1"]
    assert notices.components[1].notice == "Beta copyright\n\nLGPL body"


def test_a_damaged_index_is_reported(tmp_path: Path) -> None:
    """A truncated index raises NoticesError rather than crashing About."""
    index = _write_index(tmp_path) / "notices" / "third-party.json"
    index.write_text(index.read_text("utf-8")[:40], "utf-8")
    with pytest.raises(NoticesError):
        read_notices(index, tmp_path / "notices" / "THIRD-PARTY-NOTICES.txt")


def test_choosing_a_component_shows_its_licence_text(qtbot: QtBot, tmp_path: Path) -> None:
    """Clicking the second entry shows that component's texts, not the first one's."""
    notices = find_notices([_write_index(tmp_path)])
    panel = ThirdPartyPanel(notices)
    qtbot.addWidget(panel)
    panel.show()
    assert "Alpha licence words" in panel.notice.toPlainText()
    second = panel.components.item(1)
    assert second.text() == "libbeta1 2.3-1\nLGPL-2.1+"
    rect = panel.components.visualItemRect(second)
    qtbot.mouseClick(panel.components.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    shown = panel.notice.toPlainText()
    assert "Licence: LGPL-2.1+" in shown
    assert "Beta copyright" in shown
    assert "LGPL body" in shown
    assert "Alpha licence words" not in shown
