"""The atlas figure on the real accessibility bus (AT-SPI), as a screen reader meets it: each
structure its own object with a name, a role and a selected state that follows a real click.

Needs Xvfb, xdotool, dbus-launch, at-spi2-core and python3-pyatspi (skipped without them).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

DRIVER = Path(__file__).resolve().parent / "atlas_a11y_driver.py"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def _missing() -> list[str]:
    missing = [tool for tool in ("Xvfb", "xdotool", "dbus-launch") if shutil.which(tool) is None]
    if not Path(BUS_LAUNCHER).exists():
        missing.append("at-spi2-core")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    if probe.returncode != 0:
        missing.append("python3-pyatspi")
    return missing


def _session(display: str) -> tuple[dict[str, str], list[subprocess.Popen[bytes]]]:
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "DISPLAY": display}
    for _ in range(50):
        probe = subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True)
        if probe.returncode == 0:
            break
        time.sleep(0.1)  # waiting for the X server to accept clients
    launched = subprocess.run(
        ["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True, check=True
    )
    for line in launched.stdout.splitlines():
        if line.startswith("DBUS_SESSION_BUS_") and "=" in line:
            key, value = line.rstrip(";").split("=", 1)
            env[key] = value.strip("'")
    bus = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=env)
    env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
    return env, [bus, server]


def test_figure_structures_are_objects_with_a_selected_state(tmp_path: Path) -> None:
    """Clicking Gluteus maximus on the figure marks exactly its accessible object selected;
    the figure lists the structures uncovered at the surface by name, as list items."""
    missing = _missing()
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")
    env, processes = _session(f":{90 + os.getpid() % 9}")
    app = subprocess.Popen(
        [sys.executable, "-m", "app", "--data", str(tmp_path / "data")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        run = subprocess.run(
            [SYSTEM_PYTHON, str(DRIVER)], env=env, capture_output=True, text=True, timeout=120
        )
    finally:
        app.terminate()
        app.wait(10)
        os.kill(int(env["DBUS_SESSION_BUS_PID"]), signal.SIGTERM)
        for process in processes:
            process.terminate()
            process.wait(10)
    assert run.returncode == 0, run.stderr
    tree = json.loads(run.stdout.strip().splitlines()[-1])
    assert tree["figure"].startswith("Diagram: right buttock")
    names = [child["name"] for child in tree["children"]]
    assert {"Gluteus maximus", "Gluteus medius", "Sacrum"} <= set(names)
    assert {child["role"] for child in tree["children"]} == {"list item"}
    selected = [child["name"] for child in tree["children"] if "selected" in child["states"]]
    assert selected == ["Gluteus maximus"]
