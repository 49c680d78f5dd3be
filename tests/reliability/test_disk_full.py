"""A full disk: the write fails cleanly (StoreError, whole rollback), the learner is told in
plain words, nothing pretends it saved, and the next save works once space returns. Files the
app writes outside the database are replaced atomically."""

from __future__ import annotations

import argparse
import resource
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.domain.quiz_session import Mode
from app.main import build_window
from app.services.atomic_file import write_atomic
from app.services.clock import FakeClock
from app.services.lesson_progress import LessonProgress
from app.services.quiz_store import QuizStore
from app.services.resources import Resources
from app.services.settings import Settings
from app.services.store import Store, StoreError
from app.services.store_handle import StoreHandle
from app.services.stretch_history import Session, StretchHistory
from tests.helpers.quiz import make_question

BIG = "x" * 50_000  # needs fresh pages whatever free space the file has
FULL = "The disk is full, so this was not saved"
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@contextmanager
def _disk_full(store: Store) -> Iterator[None]:
    """No page may be added to the file while inside; the old limit returns afterwards."""
    limit = store.query("PRAGMA max_page_count")[0][0]
    pages = store.query("PRAGMA page_count")[0][0]
    store.query(f"PRAGMA max_page_count = {int(pages)}")
    try:
        yield
    finally:
        store.query(f"PRAGMA max_page_count = {int(limit)}")


def _fill_to_the_brim(store: Store) -> None:
    """Use up the free bytes left in the file's pages with tiny settings rows."""
    for number in range(100_000):
        try:
            with store.transaction() as connection:
                connection.execute("INSERT INTO settings VALUES (?, '')", (f"f{number}",))
        except StoreError:
            return
    raise AssertionError("the page limit never bit")


def _counts(store: Store) -> tuple[int, ...]:
    tables = ("quiz_answers", "quiz_cards", "stretch_sessions", "settings", "lesson_progress")
    return tuple(store.query(f"SELECT COUNT(*) FROM {table}")[0][0] for table in tables)


def test_quiz_answer_rolls_back_whole_and_next_one_saves(
    store: Store, fake_clock: FakeClock
) -> None:
    quizzes = QuizStore(StoreHandle(store), fake_clock)
    question = make_question("q1")
    quizzes.record_answer(question, 0, 2.0, Mode.PRACTICE)
    card_before = quizzes.card_json("q1")
    before = _counts(store)
    with _disk_full(store), pytest.raises(StoreError, match=FULL):
        quizzes.record_answer(question, BIG, 2.0, Mode.PRACTICE)
    assert _counts(store) == before  # neither the answer nor the card changed
    assert quizzes.card_json("q1") == card_before
    assert store.query("PRAGMA integrity_check") == [("ok",)]
    quizzes.record_answer(question, BIG, 2.0, Mode.PRACTICE)  # space is back
    assert quizzes.answer_count() == 2


def test_stretch_session_fails_cleanly(store: Store) -> None:
    history = StretchHistory(StoreHandle(store))
    session = Session("r" * 40_000, NOW, NOW, 60.0, True, 3)
    with _disk_full(store), pytest.raises(StoreError, match=FULL):
        history.record(session)
    assert history.sessions() == []
    history.record(session)
    assert len(history.sessions()) == 1


def test_lesson_progress_does_not_pretend(store: Store, qtbot: QtBot) -> None:
    progress = LessonProgress(StoreHandle(store))
    changes: list[str] = []
    progress.changed.connect(changes.append)
    with _disk_full(store), pytest.raises(StoreError, match=FULL):
        progress.set_read("l" * 50_000, True, NOW)
    assert changes == []  # nobody was told it changed
    assert progress.read_ids() == set()
    progress.set_read("intro", True, NOW)
    assert progress.read_ids() == {"intro"}
    assert changes == ["intro"]


def test_settings_report_a_failed_save(store: Store, qtbot: QtBot) -> None:
    settings = Settings(StoreHandle(store))
    failures: list[str] = []
    settings.save_failed.connect(failures.append)
    with _disk_full(store):
        _fill_to_the_brim(store)
        settings.theme = "high-contrast"
    assert len(failures) == 1
    assert failures[0].startswith(FULL)
    assert "Traceback" not in failures[0]
    assert settings.theme == "high-contrast"  # it still applies this time
    assert Settings(StoreHandle(store)).theme == "light"  # not on disk: a restart shows it
    settings.theme = "light"
    settings.theme = "high-contrast"
    assert Settings(StoreHandle(store)).theme == "high-contrast"


def test_window_shows_the_plain_message(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, resources: Resources
) -> None:
    """Ctrl++ while the disk is full: the font still grows, the notice bar says it wasn't saved."""
    args = argparse.Namespace(data=tmp_path / "data", content=None, kiosk=False, screenshot=None)
    window, _, handle = build_window(qapp, args, resources, FakeClock())
    qtbot.addWidget(window)
    window.show()
    store = handle.store
    with _disk_full(store):
        _fill_to_the_brim(store)
        window.context.settings.step_font_scale(1)
        texts = [label.text() for label in window.notice.findChildren(QLabel)]
    assert window.notice.isVisible()
    assert any(text.startswith(FULL) for text in texts), texts
    assert Settings(StoreHandle(store)).font_scale == 1.0
    store.close()


@contextmanager
def _file_size_limit(limit: int) -> Iterator[None]:
    """RLIMIT_FSIZE for this process (Python ignores SIGXFSZ, so writes fail with EFBIG)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def _write_until_it_fails(store: Store) -> None:
    for _ in range(50):
        with store.transaction() as connection:
            connection.execute("INSERT INTO settings VALUES (hex(randomblob(8)), ?)", (BIG,))


def test_store_write_hits_the_file_size_limit_cleanly(store: Store) -> None:
    assert store.path is not None
    before = _counts(store)
    limit = store.path.stat().st_size + 8192
    with _file_size_limit(limit), pytest.raises(StoreError, match="not saved"):
        _write_until_it_fails(store)
    with store.transaction() as connection:
        connection.execute("INSERT INTO settings VALUES ('after', '1')")
    assert store.query("PRAGMA integrity_check") == [("ok",)]
    assert store.query("SELECT value FROM settings WHERE key = 'after'") == [("1",)]
    assert _counts(store)[3] > before[3]


def test_atomic_replace_keeps_the_old_file_when_the_write_fails(tmp_path: Path) -> None:
    target = tmp_path / "export" / "lesson.html"
    write_atomic(target, "old contents")
    with _file_size_limit(4096), pytest.raises(OSError, match="too large"):
        write_atomic(target, b"n" * 100_000)
    assert target.read_text() == "old contents"
    assert [path.name for path in target.parent.iterdir()] == ["lesson.html"]  # no temp left
    write_atomic(target, "new contents")
    assert target.read_text() == "new contents"
