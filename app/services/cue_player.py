"""Sound and voice for stretch cues, degrading silently to visual-only cues.

QtMultimedia (``QSoundEffect``) and QtTextToSpeech are imported only when a player is built, and
any failure — the module missing, its audio backend (libpulse) missing, no speech engine — just
leaves that channel off. The player reports what works so the page can offer a flash instead.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl

from app.domain.routine_timer import CueKind
from app.services.resources import Resources

#: The sound file (in ``assets/sounds``) played for each cue kind; kinds not listed are silent.
SOUNDS: dict[CueKind, str] = {
    CueKind.GET_READY: "get-ready",
    CueKind.HOLD: "begin",
    CueKind.COUNTDOWN: "tick",
    CueKind.SWITCH_SIDES: "switch-sides",
    CueKind.REST: "rest",
    CueKind.DONE: "done",
}

#: Engines that would only pretend to speak; never used for real cues.
_FAKE_ENGINES = frozenset({"mock"})


def _optional_module(name: str) -> Any | None:
    """Import a Qt add-on module, or ``None`` when it (or a library it needs) is missing."""
    try:
        return importlib.import_module(name)
    except (ImportError, OSError):
        return None


class CuePlayer(QObject):
    """Plays cue sounds and speaks short phrases, at one volume, with one mute switch.

    Args:
        resources: where ``sounds/<name>.wav`` live.
        speech_engine: a QTextToSpeech engine name (``""`` picks the platform default;
            ``None`` turns speech off).
    """

    def __init__(
        self,
        resources: Resources,
        *,
        speech_engine: str | None = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._volume = 0.8
        self._muted = False
        self._effects: dict[str, Any] = {}
        self._speech: Any | None = None
        self._load_sounds(resources)
        if speech_engine is not None:
            self._speech = self._make_speech(speech_engine)

    # -- what works ----------------------------------------------------------------------

    @property
    def has_sound(self) -> bool:
        return bool(self._effects)

    @property
    def has_speech(self) -> bool:
        return self._speech is not None

    @property
    def audible(self) -> bool:
        """Whether cues make any noise at all right now."""
        return not self._muted and (self.has_sound or self.has_speech)

    # -- controls ------------------------------------------------------------------------

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, volume))
        for effect in self._effects.values():
            effect.setVolume(self._volume)
        if self._speech is not None:
            self._speech.setVolume(self._volume)

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        for effect in self._effects.values():
            effect.setMuted(muted)
        if muted:
            self.stop()

    def play(self, kind: CueKind, text: str = "") -> bool:
        """Play the sound for ``kind`` and say ``text``; returns whether anything was heard."""
        if self._muted:
            return False
        heard = False
        effect = self._effects.get(SOUNDS.get(kind, ""))
        if effect is not None:
            effect.play()
            heard = True
        if text and self._speech is not None:
            self._speech.say(text)
            heard = True
        return heard

    def stop(self) -> None:
        for effect in self._effects.values():
            effect.stop()
        if self._speech is not None:
            self._speech.stop()

    def effect(self, name: str) -> Any | None:
        """The loaded ``QSoundEffect`` for a sound name (for tests and diagnostics)."""
        return self._effects.get(name)

    # -- set-up --------------------------------------------------------------------------

    def _load_sounds(self, resources: Resources) -> None:
        multimedia = _optional_module("PySide6.QtMultimedia")
        if multimedia is None or not _has_audio_output(multimedia):
            return
        for name in sorted(set(SOUNDS.values())):
            path = resources.asset(f"sounds/{name}.wav")
            if path is None:
                continue
            self._effects[name] = _sound_effect(multimedia, path, self)

    def _make_speech(self, engine: str) -> Any | None:
        module = _optional_module("PySide6.QtTextToSpeech")
        if module is None:
            return None
        engine_class = module.QTextToSpeech
        engines = list(engine_class.availableEngines())
        usable = [name for name in engines if name not in _FAKE_ENGINES]
        if engine and engine not in engines:
            return None
        if not engine and not usable:
            return None
        speech = engine_class(engine or usable[0], self)
        if speech.state() == engine_class.State.Error:
            speech.deleteLater()
            return None
        speech.setRate(-0.1)  # a touch slower: heard across a room, mid-stretch
        return speech


def _has_audio_output(multimedia: Any) -> bool:
    try:
        return bool(multimedia.QMediaDevices.audioOutputs())
    except RuntimeError:
        return False


def _sound_effect(multimedia: Any, path: Path, parent: QObject) -> Any:
    effect = multimedia.QSoundEffect(parent)
    effect.setSource(QUrl.fromLocalFile(str(path)))
    effect.setVolume(0.8)
    return effect
