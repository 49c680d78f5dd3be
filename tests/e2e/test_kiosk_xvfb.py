"""The kiosk on a bare X server (Xvfb, no window manager), driven as a visitor would: by
touching controls found through the accessibility bus, and then touching nothing at all.

The policy's minimum times (idle 15 s + warning 5 s) pass in real time here, so the tests are
few, marked slow, and share one X server.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

HERE = Path(__file__).resolve().parent
DRIVER = HERE / "kiosk_driver.py"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
SCREEN = (1280, 720)
IDLE, WARNING = 15, 5
CANARY = "zebracanary"
PAUSE = "Pause or resume (Space)"  # the player's pause button, by its accessible name
TOOLS = ("Xvfb", "xdotool", "xclip", "dbus-launch", "import")


def _missing_tools() -> list[str]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not Path(BUS_LAUNCHER).exists():
        missing.append("at-spi2-core")
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        missing.append("python3-pyatspi")
    return missing


@pytest.fixture(scope="module")
def x_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """One Xvfb (no window manager), a D-Bus session and the accessibility bus."""
    missing = _missing_tools()
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (installed by .ci/run)")
    display = f":{70 + os.getpid() % 20}"
    width, height = SCREEN
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "DISPLAY": display}
    for _ in range(50):
        if (
            subprocess.run(
                ["xdotool", "getmouselocation"], env=env, capture_output=True
            ).returncode
            == 0
        ):
            break
        time.sleep(0.1)
    launched = subprocess.run(
        ["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True, check=True
    )
    for line in launched.stdout.splitlines():
        if "=" in line and line.startswith("DBUS_SESSION_BUS_"):
            key, value = line.rstrip(";").split("=", 1)
            env[key] = value.strip("'")
    bus = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=env)
    env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
    yield env
    bus.terminate()
    bus.wait(10)
    os.kill(int(env["DBUS_SESSION_BUS_PID"]), signal.SIGTERM)
    server.terminate()
    server.wait(10)


class Kiosk(NamedTuple):
    env: dict[str, str]
    report: Path  # the start screen's tile report
    systemd: socket.socket  # a fake systemd's notify socket
    process: subprocess.Popen[bytes]
    log: Path  # the app's stdout and stderr

    def state(self) -> str:
        """What the app is doing, for a failure message: alive or not, what shows, its log."""
        exit_code = self.process.poll()
        names = subprocess.run(
            [SYSTEM_PYTHON, str(DRIVER), "names", "-"],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        ).stdout
        log = self.log.read_text("utf-8", "replace")[-3000:]
        alive = "running" if exit_code is None else f"exited with {exit_code}"
        return f"app {alive}\nshowing: {names.splitlines()}\nlog tail:\n{log}"


@pytest.fixture
def kiosk(x_session: dict[str, str], tmp_path: Path) -> Iterator[Kiosk]:
    """The app in kiosk mode with the shortest idle policy, watched by a fake systemd."""
    policy = tmp_path / "kiosk.toml"
    policy.write_text(f"[kiosk]\nidle_seconds = {IDLE}\nwarning_seconds = {WARNING}\n", "utf-8")
    report = tmp_path / "tiles.json"
    systemd = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    systemd.bind(str(tmp_path / "notify"))
    systemd.setblocking(False)
    env = {
        **x_session,
        "GLUTEAL_ATLAS_TILE_REPORT": str(report),
        "NOTIFY_SOCKET": str(tmp_path / "notify"),
        "WATCHDOG_USEC": "2000000",  # a ping a second
    }
    command = [sys.executable, "-m", "app", "--kiosk", "--config", str(policy)]
    log = tmp_path / "app.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "--data", str(tmp_path / "data")], env=env, stdout=output, stderr=output
        )
    deadline = time.monotonic() + 60
    while not report.exists():
        assert process.poll() is None, log.read_text("utf-8", "replace")
        assert time.monotonic() < deadline, "the start screen never reported its tiles"
        time.sleep(0.2)
    yield Kiosk(env, report, systemd, process, log)
    process.terminate()
    process.wait(10)
    systemd.close()


def _notifications(systemd: socket.socket) -> list[bytes]:
    received = []
    while True:
        try:
            received.append(systemd.recv(256))
        except BlockingIOError:
            return received


def _drive(env: dict[str, str], command: str, name: str, seconds: float = 10) -> bool:
    run = subprocess.run(
        [SYSTEM_PYTHON, str(DRIVER), command, name, str(seconds)],
        env=env,
        capture_output=True,
        timeout=seconds + 30,
        check=False,
    )
    return run.returncode == 0


def _primary(env: dict[str, str]) -> str:
    run = subprocess.run(
        ["xclip", "-o", "-selection", "primary"], env=env, capture_output=True, check=False
    )
    return run.stdout.decode("utf-8", "replace")


def _settled_window(report: Path, seconds: float = 15) -> list[int]:
    """The window's geometry once it covers the screen, or the last one seen after
    ``seconds`` (the report follows every resize; a window manager-less X takes a moment)."""
    deadline = time.monotonic() + seconds
    while True:
        placed = json.loads(report.read_text("utf-8"))
        if placed["window"] == placed["screen"] or time.monotonic() > deadline:
            return list(placed["window"])
        time.sleep(0.3)


def _black_fraction(env: dict[str, str], folder: Path) -> float:
    """The share of the screen left black (the bare root window shows where no app is)."""
    shot = folder / "screen.txt"
    subprocess.run(
        ["import", "-window", "root", "-colorspace", "Gray", "-depth", "8", f"gray:{shot}"],
        env=env,
        check=True,
    )
    data = shot.read_bytes()
    return sum(1 for value in data[::7] if value < 8) / len(data[::7])


def test_bare_x_fills_the_screen_then_warns_resets_and_leaves_no_selection(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    env = kiosk.env
    assert _settled_window(kiosk.report) == [0, 0, *SCREEN]
    assert _black_fraction(env, tmp_path) < 0.01

    assert _drive(env, "click", "Start Lessons"), kiosk.state()
    assert _drive(env, "click", "Search lessons and structures"), kiosk.state()
    subprocess.run(["xdotool", "type", "--delay", "30", CANARY], env=env, check=True)
    subprocess.run(["xdotool", "key", "ctrl+a"], env=env, check=True)
    assert CANARY in _primary(env)  # selecting is enough for X11 to hand the text around
    touched = time.monotonic()

    assert _drive(env, "showing", "Still there?", IDLE + 10), kiosk.state()
    assert time.monotonic() - touched >= IDLE - 2
    assert _drive(env, "showing", "Start Lessons", WARNING + 10), kiosk.state()  # start screen
    assert _drive(env, "absent", "Still there?"), kiosk.state()
    assert CANARY not in _primary(env)
    pings = _notifications(kiosk.systemd)  # the whole visit, about 30 s
    assert pings[0] == b"READY=1"
    assert pings.count(b"WATCHDOG=1") >= 5  # from the event loop, while it runs


def test_a_routine_left_untouched_keeps_playing(kiosk: Kiosk) -> None:
    env = kiosk.env
    assert _drive(env, "click", "Start Stretch"), kiosk.state()
    assert _drive(env, "click", "Start routine"), kiosk.state()
    assert _drive(env, "showing", PAUSE), kiosk.state()
    time.sleep(IDLE + WARNING + 10)  # a visitor following the routine without a touch
    assert _drive(env, "absent", "Still there?"), kiosk.state()
    # still playing, not reset to the start screen
    assert _drive(env, "showing", PAUSE, 10), kiosk.state()
    assert _drive(env, "absent", "Start Stretch"), kiosk.state()


@pytest.fixture
def openbox(x_session: dict[str, str]) -> Iterator[None]:
    """A desktop window manager on the shared X server, for this test only."""
    if shutil.which("openbox") is None:
        pytest.skip("needs openbox (installed by .ci/run)")
    manager = subprocess.Popen(
        ["openbox", "--sm-disable"],
        env=x_session,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1)  # openbox takes over the root window
    yield
    manager.terminate()
    manager.wait(10)


def test_under_a_window_manager_it_is_fullscreen_without_decorations(
    openbox: None, kiosk: Kiosk, tmp_path: Path
) -> None:
    assert _settled_window(kiosk.report) == [0, 0, *SCREEN]
    assert _black_fraction(kiosk.env, tmp_path) < 0.01
