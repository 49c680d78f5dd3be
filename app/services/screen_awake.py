"""Keep the screen from blanking while a routine runs (freedesktop ScreenSaver inhibit).

Qt has no cross-platform call for this. On Linux desktops the session bus offers
``org.freedesktop.ScreenSaver.Inhibit``; elsewhere (no session bus, Windows, macOS) this does
nothing, and kiosks are expected to disable blanking in their session (see packaging/kiosk).
"""

from __future__ import annotations

import os
from typing import Any

_SERVICE = "org.freedesktop.ScreenSaver"
_PATH = "/org/freedesktop/ScreenSaver"


class ScreenAwake:
    """``hold(reason)`` keeps the screen on until ``release()``; both are safe to repeat."""

    def __init__(self, app_name: str = "Gluteal Atlas") -> None:
        self._app_name = app_name
        self._cookie: int | None = None

    @property
    def holding(self) -> bool:
        return self._cookie is not None

    def hold(self, reason: str) -> bool:
        if self._cookie is not None:
            return True
        interface = _interface()
        if interface is None:
            return False
        reply = interface.call("Inhibit", self._app_name, reason)
        values = reply.arguments() if reply.type() == reply.MessageType.ReplyMessage else []
        if values and isinstance(values[0], int):
            self._cookie = values[0]
        return self._cookie is not None

    def release(self) -> None:
        if self._cookie is None:
            return
        interface = _interface()
        if interface is not None:
            interface.call("UnInhibit", self._cookie)
        self._cookie = None


def _interface() -> Any | None:
    # Without a session bus address QtDBus would only warn; there is nothing to ask.
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return None
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface
    except ImportError:
        return None
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return None
    interface = QDBusInterface(_SERVICE, _PATH, _SERVICE, bus)
    return interface if interface.isValid() else None
