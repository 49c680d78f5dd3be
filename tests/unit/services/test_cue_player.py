"""Cue sounds through QtMultimedia into the (null) sound card, and silence when it is missing."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest

from app.domain.routine_timer import CueKind
from app.services.cue_player import SOUNDS, CuePlayer
from app.services.resources import Resources


def _find_real_pulse_server() -> None:
    """Point PulseAudio clients at the user's server despite the redirected XDG folders.

    tests/conftest.py moves XDG_CONFIG_HOME to a temp folder, which hides ~/.config/pulse (the
    cookie and the link to the server's socket). Done at import, before Qt's audio backend
    starts, because QtMultimedia reads the environment once per process.
    """
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

# QtMultimedia announces which backends it could not load (pipewire) at first use.
# Without a server, its PulseAudio backend warns once before reporting no outputs (a skip).
pytestmark = pytest.mark.qt_log_ignore(
    r"Couldn't (load|resolve) pipewire", "Using Qt multimedia", "pa_context_connect"
)


def _multimedia_reason() -> str:
    try:
        multimedia = importlib.import_module("PySide6.QtMultimedia")
    except ImportError as error:
        return f"QtMultimedia does not import here ({error}); .ci/run installs libpulse0"
    if not multimedia.QMediaDevices.audioOutputs():
        return "no audio output (start pulseaudio with a null sink, as .ci/run does)"
    return ""


def test_cues_play_into_the_null_sink(qtbot, resources: Resources) -> None:
    """Every cue sound loads and actually starts playing on the sound card."""
    reason = _multimedia_reason()
    if reason:
        pytest.skip(reason)
    player = CuePlayer(resources, speech_engine=None)
    assert player.has_sound
    for name in sorted(set(SOUNDS.values())):
        effect = player.effect(name)
        assert effect is not None, name
        qtbot.waitUntil(effect.isLoaded, timeout=5000)
    for kind, name in SOUNDS.items():
        effect = player.effect(name)
        with qtbot.waitSignal(effect.started, timeout=5000):
            assert player.play(kind)
        effect.stop()
        assert not effect.isPlaying()
    player.set_volume(0.3)
    assert player.effect("tick").volume() == pytest.approx(0.3)
    player.set_muted(True)
    assert not player.play(CueKind.DONE, "Done")
    assert not player.effect("done").isPlaying()


def test_spoken_cues_with_the_mock_engine(qtbot, resources: Resources) -> None:
    """A named speech engine is driven with the cue text (the mock engine needs no sound card)."""
    module = pytest.importorskip("PySide6.QtTextToSpeech")
    if "mock" not in module.QTextToSpeech.availableEngines():
        pytest.skip("the mock text-to-speech plugin is not shipped with this Qt")
    player = CuePlayer(resources, speech_engine="mock")
    assert player.has_speech
    with qtbot.waitSignal(player.speech_started, timeout=5000) as spoken:
        assert player.play(CueKind.SWITCH_SIDES, "Switch sides")
    assert spoken.args == ["Switch sides"]
    player.close()


def test_without_multimedia_and_speech_cues_are_silent(monkeypatch, qapp, resources) -> None:
    """When both modules fail to import, the player builds and plays nothing, without errors."""
    for name in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech"):
        monkeypatch.setitem(sys.modules, name, None)  # makes `import` raise ImportError
    player = CuePlayer(resources)
    assert not player.has_sound
    assert not player.has_speech
    assert not player.audible
    assert not player.play(CueKind.REST, "Rest")
    player.set_volume(0.5)
    player.set_muted(True)
    player.stop()


def test_unknown_speech_engine_is_off(qapp, resources: Resources) -> None:
    assert not CuePlayer(resources, speech_engine="no-such-engine").has_speech
