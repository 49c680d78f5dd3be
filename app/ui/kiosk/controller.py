"""Kiosk mode over the main window: fullscreen, locked down, self-resetting, admin-only exit."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.domain.kiosk import KioskPolicy, after_failure, after_success, is_locked, seconds_locked
from app.services.clock import Clock
from app.services.idle_monitor import IdleMonitor
from app.services.kiosk_admin import LockoutFile, verify_pin
from app.services.watchdog import Watchdog
from app.ui.first_paint import FirstPaintWatcher
from app.ui.kiosk.admin_panel import AdminPanel
from app.ui.kiosk.attract import TILE_REPORT_ENV, AttractScreen
from app.ui.kiosk.dialog_overlay import DialogsAsOverlays
from app.ui.kiosk.forget import clear_clipboards, close_dialogs_and_popups, forget_undo_history
from app.ui.kiosk.idle_warning import IdleWarning
from app.ui.kiosk.lockdown import CornerTaps, Lockdown
from app.ui.kiosk.pin_pad import PinPad
from app.ui.kiosk.screen_fill import ScreenFiller
from app.ui.kiosk.touch_keyboard import TouchKeyboard
from app.ui.main_window import MainWindow
from app.ui.pages import PAGES


class KioskController(QObject):
    """Applies a :class:`KioskPolicy` to ``window`` and runs the visit cycle.

    Args:
        start_new_visit: gives the services an empty store for the next visitor (the
            composition root owns the store; the controller only says when).
    """

    def __init__(
        self,
        window: MainWindow,
        policy: KioskPolicy,
        clock: Clock,
        lockout: LockoutFile,
        app: QApplication,
        start_new_visit: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._start_new_visit = start_new_visit
        self._policy = policy
        self._clock = clock
        self._lockout = lockout
        self._app = app
        self._exiting = False
        self.resets = 0
        self.idle = IdleMonitor(clock, policy.idle_seconds, policy.warning_seconds, self)
        self.lockdown = Lockdown(window, self)
        self.corner = CornerTaps(
            window, clock, policy.admin_corner, policy.admin_taps, policy.admin_tap_seconds, self
        )
        self.warning = IdleWarning(window)
        self.pin_pad = PinPad(window)
        self.admin = AdminPanel(window, list(PAGES))
        self.screen = ScreenFiller(window, self)
        self.dialogs = DialogsAsOverlays(window, self)
        self.keyboard = TouchKeyboard(window)
        self.watchdog = Watchdog(parent=self)
        self.attract = self._make_attract()
        self._lock_timer = QTimer(self)  # owned, so it dies with the controller
        self._lock_timer.setSingleShot(True)
        self._lock_timer.timeout.connect(self._refresh_lock_message)
        self._wire()

    @property
    def window(self) -> MainWindow:
        return self._window

    @property
    def policy(self) -> KioskPolicy:
        return self._policy

    def _make_attract(self) -> AttractScreen:
        context = self._window.context
        pages = [spec for spec in PAGES if spec.key in self._policy.pages]
        screen = AttractScreen(
            self._policy.title, self._policy.welcome, pages, context.theme, context.resources
        )
        screen.page_requested.connect(self._window.show_page)
        return screen

    def _wire(self) -> None:
        self.idle.warning_started.connect(self.warning.show_seconds)
        self.idle.warning_tick.connect(self.warning.show_seconds)
        self.idle.activity_resumed.connect(self.warning.hide)
        self.idle.reset_due.connect(self.reset_visit)
        self.warning.stay_requested.connect(self.idle.touch)
        self.corner.triggered.connect(self._on_corner_triggered)
        self.pin_pad.pin_entered.connect(self._on_pin_entered)
        # Nothing may hold a visit in place: whatever is open closes when the warning comes.
        self.idle.warning_started.connect(self._close_for_idle)
        self._window.busy_changed.connect(self.idle.set_held)
        self.admin.policy_changed.connect(self._on_admin_policy_changed)
        self.admin.exit_requested.connect(self.exit_kiosk)

    def start(self, *, fullscreen: bool = True) -> None:
        """Go fullscreen and frameless, lock down, and show the start screen.

        Args:
            fullscreen: False only for rendering screenshots at a chosen size.
        """
        window = self._window
        self._app.setQuitOnLastWindowClosed(False)
        window.close_allowed = lambda: self._exiting
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._apply(self._policy)
        self._app.installEventFilter(self.lockdown)
        self._app.installEventFilter(self.corner)
        self.idle.start(self._app)
        self.dialogs.start()
        self.keyboard.start()
        window.show_screen(self.attract, rail=False)
        if fullscreen:
            FirstPaintWatcher(self.attract, self.watchdog.ready)
            self.screen.start()
            if report := os.environ.get(TILE_REPORT_ENV):
                self.attract.report_tiles_to(Path(report))
        else:
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            window.show()

    def _apply(self, policy: KioskPolicy) -> None:
        self._policy = policy
        self._window.set_enabled_pages(set(policy.pages))
        self.idle.idle_seconds = policy.idle_seconds
        self.idle.warning_seconds = policy.warning_seconds
        self._window.context.settings.volume = policy.volume

    # --- the visit cycle ---------------------------------------------------------------------

    def reset_visit(self) -> None:
        """Forget everything the visitor did and show the start screen."""
        for overlay in (self.warning, self.pin_pad, self.admin):
            overlay.hide()
        self.pin_pad.forget()
        self.keyboard.close_keyboard()
        close_dialogs_and_popups()
        clear_clipboards()
        window = self._window
        # Stored progress goes with the store; the pages forget what they hold themselves
        # (search text, sessions, scroll positions). Keeping pages alive keeps memory flat over
        # thousands of visits (bench/kiosk_soak.py).
        self._start_new_visit()
        window.reset_pages()
        forget_undo_history(window)
        window.context.settings.volume = self._policy.volume
        window.show_screen(self.attract, rail=False)
        self.resets += 1

    def _close_for_idle(self) -> None:
        """The idle warning is due: close what the visitor (or an administrator) left open."""
        for overlay in (self.pin_pad, self.admin):
            overlay.hide()
        self.pin_pad.forget()
        self.keyboard.close_keyboard()
        close_dialogs_and_popups()

    # --- the administrator -------------------------------------------------------------------

    def _on_corner_triggered(self) -> None:
        if not self._policy.admin_pin_hash:
            return  # no PIN set: the exit stays closed
        self._show_pin_state()

    def _show_pin_state(self, message: str = "Enter the PIN.") -> None:
        lockout = self._lockout.read()
        now = self._clock.now()
        locked = is_locked(lockout, now)
        if locked:
            self.pin_pad.ask()
            wait = seconds_locked(lockout, now)
            self.pin_pad.set_message(f"Too many wrong PINs. Try again in {wait} s.", locked=True)
            self._lock_timer.start(min(wait, 60) * 1000)
        else:
            self.pin_pad.ask(message)
        if self._lockout.notice:
            notice = f"{self.pin_pad.message} {self._lockout.notice}"
            self.pin_pad.set_message(notice, locked=locked)

    def _refresh_lock_message(self) -> None:
        if self.pin_pad.isVisible():
            self._show_pin_state()

    def _on_pin_entered(self, pin: str) -> None:
        now = self._clock.now()
        lockout = self._lockout.read()
        if is_locked(lockout, now):
            self._show_pin_state()
            return
        if verify_pin(pin, self._policy.admin_pin_hash):
            self._lockout.write(after_success())
            self.pin_pad.hide()
            self.admin.edit(self._policy)
            return
        failed = after_failure(lockout, now)
        self._lockout.write(failed)
        self._show_pin_state("That PIN is not right.")

    def _on_admin_policy_changed(self, policy: object) -> None:
        assert isinstance(policy, KioskPolicy)
        self._apply(policy)
        self.attract.deleteLater()
        self.attract = self._make_attract()
        self.reset_visit()

    def shutdown(self) -> None:
        """Remove the application-wide filters; the window may close from now on."""
        self._exiting = True
        self.idle.stop(self._app)
        self.screen.stop()
        self.dialogs.stop()
        self.keyboard.stop()
        self.watchdog.stop()
        self._app.removeEventFilter(self.lockdown)
        self._app.removeEventFilter(self.corner)
        self._app.setQuitOnLastWindowClosed(True)

    def exit_kiosk(self) -> None:
        """Leave kiosk mode: the only way the window closes."""
        self.shutdown()
        self._window.close()
        self._app.quit()
