"""Sound and voice for stretch cues, degrading silently to visual-only cues.

QtMultimedia (a ``QAudioSink`` per sound, see ``cue_sound``) and QtTextToSpeech are imported
only when a player is built, and
any failure — the module missing, its audio backend (libpulse) missing, no speech engine — just
leaves that channel off. The player reports what works so the page can offer a flash instead.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.domain.routine_timer import CueKind
from app.services.cue_sound import CueSound
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


class _Voice(QObject):
    """The speech engine, living on a thread of its own.

    Speech Dispatcher answers "stop" synchronously, and under load it has been seen to take
    minutes; on the UI thread that froze the app (a kiosk reset stops the voice). Here only
    this thread waits, and the UI carries on.

    Signals:
        started(str): the engine began saying this text.
    """

    started = Signal(str)

    def __init__(self, engine: str) -> None:
        super().__init__()
        self._engine_name = engine
        self._speech: Any | None = None
        self._text = ""

    @Slot()
    def open(self) -> None:
        module = _optional_module("PySide6.QtTextToSpeech")
        if module is None:
            return
        speech = module.QTextToSpeech(self._engine_name, self)
        if speech.state() == module.QTextToSpeech.State.Error:
            speech.deleteLater()
            return
        speech.setRate(-0.1)  # a touch slower: heard across a room, mid-stretch
        speech.stateChanged.connect(self._on_state_changed)
        self._speech = speech

    @Slot(str)
    def say(self, text: str) -> None:
        if self._speech is not None:
            self._text = text
            self._speech.say(text)

    @Slot()
    def stop(self) -> None:
        if self._speech is not None:
            self._speech.stop()

    @Slot(float)
    def set_volume(self, volume: float) -> None:
        if self._speech is not None:
            self._speech.setVolume(volume)

    def _on_state_changed(self, state: object) -> None:
        module = _optional_module("PySide6.QtTextToSpeech")
        if module is not None and state == module.QTextToSpeech.State.Speaking:
            self.started.emit(self._text)


class CuePlayer(QObject):
    """Plays cue sounds and speaks short phrases, at one volume, with one mute switch.

    Args:
        resources: where ``sounds/<name>.wav`` live.
        speech_engine: a QTextToSpeech engine name (``""`` picks the platform default;
            ``None`` turns speech off).

    Signals:
        speech_started(str): the voice began saying a cue's text.
    """

    speech_started = Signal(str)
    _say = Signal(str)
    _stop_voice = Signal()
    _voice_volume = Signal(float)

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
        self._effects: dict[str, CueSound] = {}
        self._voice: _Voice | None = None
        self._voice_thread: QThread | None = None
        self._load_sounds(resources)
        if speech_engine is not None:
            self._start_voice(speech_engine)

    # -- what works ----------------------------------------------------------------------

    @property
    def has_sound(self) -> bool:
        return bool(self._effects)

    @property
    def has_speech(self) -> bool:
        return self._voice is not None

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
        self._voice_volume.emit(self._volume)

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
        if text and self._voice is not None:
            self._say.emit(text)
            heard = True
        return heard

    def stop(self) -> None:
        for effect in self._effects.values():
            effect.stop()
        self._stop_voice.emit()  # queued to the voice's thread: never waits here

    def effect(self, name: str) -> Any | None:
        """The loaded :class:`CueSound` for a sound name (for tests and diagnostics)."""
        return self._effects.get(name)

    # -- set-up --------------------------------------------------------------------------

    def _load_sounds(self, resources: Resources) -> None:
        multimedia = _optional_module("PySide6.QtMultimedia")
        if multimedia is None or not _has_audio_output(multimedia):
            return
        device = multimedia.QMediaDevices.defaultAudioOutput()
        for name in sorted(set(SOUNDS.values())):
            path = resources.asset(f"sounds/{name}.wav")
            if path is None:
                continue
            sound = CueSound(multimedia, device, path, self)
            if sound.isLoaded():
                sound.setVolume(self._volume)
                self._effects[name] = sound

    def _start_voice(self, engine: str) -> None:
        module = _optional_module("PySide6.QtTextToSpeech")
        if module is None:
            return
        engines = list(module.QTextToSpeech.availableEngines())
        usable = [name for name in engines if name not in _FAKE_ENGINES]
        if (engine and engine not in engines) or (not engine and not usable):
            return
        # A child, so it outlives nothing of ours; destroyed() below ends it before Qt
        # deletes children.
        thread = QThread(self)
        thread.setObjectName("cue-voice")
        voice = _Voice(engine or usable[0])
        voice.moveToThread(thread)
        thread.started.connect(voice.open)
        thread.finished.connect(voice.deleteLater)
        self._say.connect(voice.say)
        self._stop_voice.connect(voice.stop)
        self._voice_volume.connect(voice.set_volume)
        voice.started.connect(self.speech_started)
        self._voice, self._voice_thread = voice, thread
        # Not self's method: by the time destroyed is emitted, self is half gone.
        self.destroyed.connect(lambda *_: _finish(thread))
        thread.start()

    def close(self) -> None:
        """End the voice's thread (waits a moment; a stuck engine is left to the OS)."""
        self._voice_thread_quit()

    def _voice_thread_quit(self) -> None:
        thread, self._voice_thread = self._voice_thread, None
        if thread is not None:
            _finish(thread)


def _finish(thread: QThread) -> None:
    if thread.isRunning():
        thread.quit()
        thread.wait(2000)


def _has_audio_output(multimedia: Any) -> bool:
    try:
        return bool(multimedia.QMediaDevices.audioOutputs())
    except RuntimeError:
        return False
