"""The kiosk's systemd unit: valid for systemd, and set up for the app's watchdog pings."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import app

UNIT = Path(app.__file__).resolve().parent.parent / "packaging/kiosk/gluteal-atlas-kiosk.service"
#: Keys newer than Debian 12's systemd 252; older systemd ignores them, as the unit says.
NEWER_KEYS = re.compile(r"Unknown key '(RestartSteps|RestartMaxDelaySec)'")


def _service() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(UNIT, encoding="utf-8")
    return parser["Service"]


def test_unit_waits_for_ready_and_watches_the_event_loop() -> None:
    """cage is the main process, so the app's READY/WATCHDOG messages need NotifyAccess=all;
    without WatchdogSec a frozen screen would stay frozen."""
    service = _service()
    assert service["Type"] == "notify"
    assert service["NotifyAccess"] == "all"
    assert int(service["WatchdogSec"]) >= 10
    assert service["Restart"] == "always"
    assert "AF_UNIX" in service["RestrictAddressFamilies"]  # the notify socket is AF_UNIX


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze missing")
def test_unit_passes_systemd_analyze_verify() -> None:
    result = subprocess.run(
        ["systemd-analyze", "verify", str(UNIT)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and not NEWER_KEYS.search(line)
    ]
    assert result.returncode == 0, result.stderr
    assert problems == []
