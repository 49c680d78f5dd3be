"""The systemd watchdog: READY=1, then WATCHDOG=1 from the event loop, none while it blocks."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.watchdog import Watchdog, notify_address, ping_interval_ms


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    """A fake systemd: a datagram socket the app is told about in NOTIFY_SOCKET."""
    path = tmp_path / "notify"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(path))
    server.setblocking(False)
    yield server, str(path)
    server.close()


def _received(server: socket.socket) -> list[bytes]:
    messages = []
    while True:
        try:
            messages.append(server.recv(256))
        except BlockingIOError:
            return messages


def test_ready_then_pings_that_stop_while_the_loop_is_blocked(
    qtbot: QtBot, notify_socket: tuple[socket.socket, str]
) -> None:
    """Pings come from the event loop: a blocked loop sends none, a running one resumes."""
    server, path = notify_socket
    dog = Watchdog({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "200000"})  # ping every 100 ms
    dog.ready()
    qtbot.wait(550)
    first = _received(server)
    assert first[0] == b"READY=1"
    assert first[1:].count(b"WATCHDOG=1") >= 3

    time.sleep(0.6)  # the UI hangs: nothing runs the loop, so nothing may be sent
    assert _received(server) == []

    qtbot.wait(350)
    assert b"WATCHDOG=1" in _received(server)
    dog.stop()
    assert _received(server)[-1] == b"STOPPING=1"


def test_abstract_namespace_socket(qtbot: QtBot) -> None:
    """An '@' address is Linux's abstract namespace, as systemd may hand out."""
    name = f"gluteal-atlas-test-{time.monotonic_ns()}"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(b"\0" + name.encode())
    server.settimeout(2)
    try:
        Watchdog({"NOTIFY_SOCKET": f"@{name}"}).ready()
        assert server.recv(64) == b"READY=1"
    finally:
        server.close()


def test_without_notify_socket_it_does_nothing(qtbot: QtBot) -> None:
    dog = Watchdog({"WATCHDOG_USEC": "200000"})
    dog.ready()
    dog.ping()
    assert not dog.enabled
    assert dog.sent == 0


def test_a_vanished_systemd_is_not_an_error(qtbot: QtBot, tmp_path: Path) -> None:
    dog = Watchdog({"NOTIFY_SOCKET": str(tmp_path / "gone"), "WATCHDOG_USEC": "200000"})
    dog.ready()
    dog.ping()
    assert dog.enabled
    assert dog.sent == 0


@pytest.mark.parametrize(
    ("usec", "expected"),
    [("30000000", 15000), ("1000", 100), ("0", None), ("", None), ("abc", None), (None, None)],
)
def test_ping_interval_is_half_the_period(usec: str | None, expected: int | None) -> None:
    assert ping_interval_ms(usec) == expected


def test_addresses() -> None:
    assert notify_address("/run/systemd/notify") == "/run/systemd/notify"
    assert notify_address("@abc") == b"\0abc"
    assert notify_address("vsock:2:1") is None
    assert notify_address("") is None
