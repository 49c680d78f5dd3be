"""Shared test set-up: offscreen Qt, private data folders, no network, shared fixtures."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Spoken cues off: the machine's speech daemon is not under test (tests/unit/services/
# test_cue_player.py drives a voice explicitly), and under load its "stop" can block.
os.environ.setdefault("GLUTEAL_ATLAS_VOICE", "off")
_HOME = tempfile.mkdtemp(prefix="gluteal-atlas-test-home-")
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_HOME, _name.lower())

import pytest  # noqa: E402

from app.domain.content import Content  # noqa: E402
from app.services.clock import FakeClock  # noqa: E402
from app.services.content_loader import load_content  # noqa: E402
from app.services.resources import Resources, find_resources  # noqa: E402
from app.services.store import Store  # noqa: E402
from tests.helpers.navigator import RecordingNavigator  # noqa: E402

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _refuse_network(sock: socket.socket, address: object) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        raise AssertionError(f"the app must never use the network (tried {address!r})")


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test in which Python code opens a network connection."""

    def connect(sock: socket.socket, address: object) -> None:
        _refuse_network(sock, address)
        _real_connect(sock, address)  # type: ignore[arg-type]

    def connect_ex(sock: socket.socket, address: object) -> int:
        _refuse_network(sock, address)
        return _real_connect_ex(sock, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)


@pytest.fixture(scope="session")
def resources() -> Resources:
    return find_resources()


@pytest.fixture(scope="session")
def shipped_content(resources: Resources) -> Content:
    """The shipped content, loaded once per test session (it is frozen)."""
    return load_content(resources.content_dir)


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, fake_clock: FakeClock) -> Iterator[Store]:
    opened, notice = Store.open(tmp_path / "data" / "progress.sqlite3", fake_clock.now())
    assert notice is None
    yield opened
    opened.close()


@pytest.fixture
def navigator() -> RecordingNavigator:
    return RecordingNavigator()
