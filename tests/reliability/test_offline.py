"""The suite's offline guard (tests/conftest.py) really fails a test that opens a socket."""

from __future__ import annotations

import socket

import pytest


@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6])
def test_connecting_a_network_socket_fails_the_test(family: socket.AddressFamily) -> None:
    address = ("127.0.0.1", 9) if family == socket.AF_INET else ("::1", 9)
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        with pytest.raises(AssertionError, match="must never use the network"):
            sock.connect(address)
        with pytest.raises(AssertionError, match="must never use the network"):
            sock.connect_ex(address)


def test_local_unix_sockets_stay_allowed(tmp_path: object) -> None:
    """D-Bus and PulseAudio talk over AF_UNIX; the guard must not break them."""
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        left.sendall(b"ping")
        assert right.recv(4) == b"ping"
