"""Tell systemd the app is alive: the ``sd_notify`` protocol over ``$NOTIFY_SOCKET``.

``READY=1`` once the first screen is painted, then ``WATCHDOG=1`` from a QTimer on the event
loop every half ``WATCHDOG_USEC``. The pings come from the loop itself, so a frozen UI stops
them and systemd restarts the kiosk (``Restart=always`` alone only helps when the process
dies). Plain stdlib sockets: libsystemd is not needed for two datagrams.

``WATCHDOG_PID`` is deliberately not checked: under cage the compositor is the unit's main
process, the app is its child, and the unit's ``NotifyAccess=all`` makes systemd accept the
app's messages.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer

#: The shortest ping interval we accept, so a tiny WATCHDOG_USEC cannot spin the loop.
MIN_INTERVAL_MS = 100


def notify_address(value: str) -> str | bytes | None:
    """The socket address ``$NOTIFY_SOCKET`` names; ``@`` is the abstract namespace."""
    if value.startswith("@"):
        return b"\0" + value[1:].encode("utf-8")
    if value.startswith("/"):
        return value
    return None  # anything else (vsock:…, relative paths) is not supported


def ping_interval_ms(watchdog_usec: str | None) -> int | None:
    """Half the watchdog period in milliseconds, or None when there is no valid period."""
    try:
        usec = int(watchdog_usec or "")
    except ValueError:
        return None
    if usec <= 0:
        return None
    return max(MIN_INTERVAL_MS, usec // 2000)


class Watchdog(QObject):
    """Sends ``READY=1`` on :meth:`ready`, then ``WATCHDOG=1`` regularly from the event loop.

    Does nothing at all when the process was not started with ``$NOTIFY_SOCKET`` (a desktop
    session, the tests), so it is always safe to create.
    """

    def __init__(
        self, environ: Mapping[str, str] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        env = os.environ if environ is None else environ
        self._address = notify_address(env.get("NOTIFY_SOCKET", ""))
        self._interval = ping_interval_ms(env.get("WATCHDOG_USEC"))
        self.sent = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.ping)

    @property
    def enabled(self) -> bool:
        return self._address is not None

    @property
    def interval_ms(self) -> int | None:
        return self._interval if self.enabled else None

    def ready(self) -> None:
        """The first screen is up: tell systemd, and start pinging if it watches us."""
        self._send(b"READY=1")
        if self._interval is not None and self.enabled:
            self._timer.start(self._interval)

    def ping(self) -> None:
        self._send(b"WATCHDOG=1")

    def stop(self) -> None:
        """Say we are stopping (a clean exit must not look like a hang)."""
        self._timer.stop()
        self._send(b"STOPPING=1")

    def _send(self, message: bytes) -> bool:
        if self._address is None:
            return False
        try:
            # A socket per message: two datagrams a minute do not need one kept open.
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sender:
                sender.setblocking(False)
                sender.sendto(message, self._address)
        except OSError:
            return False  # systemd went away or the socket is full; the next ping retries
        self.sent += 1
        return True
