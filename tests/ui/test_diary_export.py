"""The clinician summary (one A4 page of PDF, rendered and read back) and the CSV export."""

from __future__ import annotations

import csv
import errno
import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from app.domain.diary import DayContext, Episode, Factor, Feel, Medicine
from app.domain.red_flags import evaluate
from app.services.red_flag_loader import load_red_flags
from app.ui.context import PageContext
from app.ui.diary.page import DiaryPage

#: Where the rendered summary is left for a person to look at (build/ is not tracked).
ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "diary"


@pytest.fixture
def page(qtbot: QtBot, page_context: PageContext) -> DiaryPage:
    diary, now = page_context.diary, page_context.clock.now()
    for back in range(5):
        day = now - timedelta(days=back)
        diary.save_day(DayContext(day.date(), ((Factor.CAFFEINE, back),)))
        for _ in range(back):
            diary.save_episode(Episode(day, "left-piriformis", 20, 3, Feel.RIPPLE))
    diary.save_episode(Episode(now, "right-gluteus-medius", 5, 1, Feel.FLICKER, "=SUM(A1)"))
    diary.save_medicine(Medicine("Sertraline", "50 mg", now.date() - timedelta(days=20)))
    loaded = load_red_flags(page_context.resources.content_dir, page_context.content)
    assert loaded.check is not None
    diary.record_check(evaluate(loaded.check, {"numbness": True}), now)
    widget = DiaryPage(page_context)
    qtbot.addWidget(widget)
    return widget


def _text(document: QPdfDocument) -> str:
    return " ".join(document.getAllText(0).text().split())


def test_the_summary_is_one_readable_page(page: DiaryPage, tmp_path: Path) -> None:
    """One A4 page naming the areas, medicine and last self-check, with ink on the page."""
    target = tmp_path / "summary.pdf"
    assert page.export_pdf(target)
    document = QPdfDocument(None)
    document.load(str(target))
    assert document.pageCount() == 1
    text = _text(document)
    for expected in ("Twitch diary", "piriformis area", "Sertraline", "See a doctor soon"):
        assert expected.lower() in text.lower(), expected
    assert "11 episodes" in text  # 0+1+2+3+4 in the piriformis area, plus one more
    image = document.render(0, QSize(620, 877))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    image.save(str(ARTIFACTS / "diary-summary.png"))  # for a person to look at
    assert _inked_share(image) > 0.01
    assert not list(tmp_path.glob(".summary-*"))  # no temporary file left behind


def _inked_share(image: QImage) -> float:
    """Share of sampled pixels that are not white (text and the timeline)."""
    white = QColor("white").rgb()
    points = [(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)]
    return sum(image.pixel(x, y) != white for x, y in points) / len(points)


def test_the_csv_holds_everything_and_defuses_formulas(page: DiaryPage, tmp_path: Path) -> None:
    target = tmp_path / "diary.csv"
    assert page.export_csv(target)
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    kinds = [row["kind"] for row in rows]
    assert kinds.count("episode") == 11
    assert kinds.count("day") == 5
    assert kinds.count("medicine") == 1
    note = next(row["note"] for row in rows if row["area"] == "right-gluteus-medius")
    assert note == "'=SUM(A1)"


def test_a_full_disk_during_export_says_so_and_leaves_the_old_file(
    page: DiaryPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills while the CSV is flushed: a notice, the old file intact, no temp file."""
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "diary.csv"
    target.write_text("old")

    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert not page.export_csv(target)
    assert target.read_text() == "old"
    assert [p.name for p in folder.iterdir()] == ["diary.csv"]
    assert "No space left on device" in page.notice.text
