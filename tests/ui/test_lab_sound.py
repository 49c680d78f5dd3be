"""Sound in step with the trace: record the PulseAudio sink while the benign-fasciculation
study plays, find each pop in the recording, and check it was heard within 50 ms of the moment
the trace showed that fasciculation (the model's event time).

Real time and a real (null) sound card: .ci/run starts ``pulseaudio`` with
``module-null-sink sink_name=ci_null``; recording needs ``parec`` (pulseaudio-utils).
"""

from __future__ import annotations

import bisect
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from app.domain.emg.display import to_pcm16
from app.domain.emg.scenarios import REST
from app.domain.emg.study import DischargeKind
from app.domain.links import parse_link
from app.ui.context import PageContext
from app.ui.lab.page import LabPage

RATE = 24_000
IN_STEP_S = 0.050


def _find_real_pulse_server() -> None:
    """tests/conftest.py moves XDG_CONFIG_HOME, hiding ~/.config/pulse (cookie and the link to
    the server's socket); point clients at them again before Qt's audio backend starts."""
    if "PULSE_SERVER" in os.environ:
        return
    config = Path.home() / ".config" / "pulse"
    for runtime in sorted(config.glob("*-runtime")):
        socket_path = runtime.resolve() / "native"
        if socket_path.exists():
            os.environ["PULSE_SERVER"] = f"unix:{socket_path}"
            if (config / "cookie").exists():
                os.environ["PULSE_COOKIE"] = str(config / "cookie")
            return


_find_real_pulse_server()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.qt_log_ignore(
        r"Couldn't (load|resolve) pipewire", "Using Qt multimedia", "pa_context_connect"
    ),
]


class SinkRecorder:
    """``parec`` on the default sink's monitor, each chunk stamped with the monotonic clock on
    arrival, so every recorded sample gets a time on the same clock as the trace."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [
                "parec",
                "--device=@DEFAULT_MONITOR@",
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=10",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._chunks: list[tuple[float, bytes]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        while chunk := self._process.stdout.read1(4096):  # type: ignore[attr-defined]
            self._chunks.append((time.monotonic(), chunk))

    def started(self) -> bool:
        return bool(self._chunks)

    def stop(self) -> tuple[np.ndarray, float]:
        """The samples, and the monotonic time of the first one."""
        self._process.terminate()
        self._process.wait(timeout=5)
        self._reader.join(timeout=5)
        assert self._process.stdout is not None
        self._process.stdout.close()
        data = b"".join(chunk for _, chunk in self._chunks)
        samples = np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2").astype(float)
        # A chunk arrives at (or after) the moment its last sample was captured, so the
        # earliest "arrival minus duration so far" is the best estimate of the start.
        taken, start = 0, float("inf")
        for stamp, chunk in self._chunks:
            taken += len(chunk) // 2
            start = min(start, stamp - taken / RATE)
        return samples, start


def _pops(samples: np.ndarray, start: float, threshold: float) -> list[float]:
    """Monotonic times of the peaks of separate loud events (at least 100 ms apart)."""
    loud = np.flatnonzero(np.abs(samples) > threshold)
    groups = np.split(loud, np.flatnonzero(np.diff(loud) > RATE // 10) + 1) if loud.size else []
    return [start + (g[np.argmax(np.abs(samples[g]))]) / RATE for g in groups if g.size]


def _shown_at(frames: list[tuple[float, float]], seconds: float) -> float:
    """When the trace first drew ``seconds`` of the study (interpolated between frames)."""
    shown = [s for _, s in frames]
    index = bisect.bisect_left(shown, seconds)
    assert 0 < index < len(frames), "the trace never showed that moment"
    (t0, s0), (t1, s1) = frames[index - 1], frames[index]
    return t0 + (t1 - t0) * (seconds - s0) / max(1e-9, s1 - s0)


def test_fasciculation_pops_are_heard_when_the_trace_shows_them(
    qtbot: QtBot, page_context: PageContext
) -> None:
    if shutil.which("parec") is None:
        pytest.skip("parec is missing (Debian package pulseaudio-utils)")
    page = LabPage(page_context)
    qtbot.addWidget(page)  # before a skip too: the test owns it and closes it
    if page.sound is None or not page.sound.has_sound:
        pytest.skip("no audio output (start pulseaudio with a null sink, as .ci/run does)")
    page.resize(1280, 820)
    page.show()
    page.open_link(parse_link("lab:benign-fasciculations"))
    frames: list[tuple[float, float]] = []
    page.emg.frame_shown.connect(lambda seconds: frames.append((time.monotonic(), seconds)))
    recorder = SinkRecorder()
    try:
        qtbot.waitUntil(recorder.started, timeout=5000)
        page.emg.play()
        assert page.emg.playback.audible
        recording = page.emg.recording
        assert recording is not None
        events = recording.of_kind(DischargeKind.FASCICULATION)
        assert len(events) >= 3
        enough = events[-1].time + 0.3  # past the last pop, still at rest
        qtbot.waitUntil(lambda: bool(frames) and frames[-1][1] >= enough, timeout=20000)
        page.emg.stop()
    finally:
        samples, start = recorder.stop()
    volume = page_context.settings.volume / 100
    quietest = min(abs(float(to_pcm16(np.array([e.peak_uv]))[0])) for e in events) * volume
    window = (_shown_at(frames, REST.start + 0.2), _shown_at(frames, enough))
    heard = [t for t in _pops(samples, start, 0.5 * quietest) if window[0] < t < window[1]]
    expected = [_shown_at(frames, event.time) for event in events]
    assert len(heard) == len(expected), (heard, expected)
    offsets = [abs(h - e) for h, e in zip(heard, expected, strict=True)]
    assert max(offsets) <= IN_STEP_S, offsets
