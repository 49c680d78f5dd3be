"""A one-page summary for a clinician (PDF) and the CSV of everything, both written atomically.

The PDF is typeset like the lesson handouts (A4, light theme, :mod:`app.ui.lessons.export`):
a timeline drawn from the same daily counts as the chart, the areas, the factors, the
medicines and the latest self-check answers.
"""

from __future__ import annotations

import contextlib
import html
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from statistics import median

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from app.domain.diary import FACTORS, DayContext, Episode, Experiment, Medicine
from app.domain.diary_export import diary_csv
from app.domain.diary_stats import counts_by_area, daily_counts, experiment_result, factor_view
from app.services.atomic_file import write_atomic
from app.services.diary import Diary, StoredCheck
from app.ui.theme import LIGHT

TIMELINE_DAYS = 28
_MARGINS_MM = (16, 14, 16, 14)
_MM_TO_PX = 96 / 25.4
#: The text area in CSS pixels: Qt lays the text out at screen size and scales each page to
#: the printer, as the lesson handouts do.
PAGE_PX = QSizeF((210 - 32) * _MM_TO_PX, (297 - 28) * _MM_TO_PX)
_CENTRED_TOP = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
_TIMELINE = "timeline.png"
_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1f2328; }
h1 { font-size: 15pt; margin: 0; } h2 { font-size: 11pt; margin: 8px 0 2px 0; color: #1f6f78; }
td, th { padding: 1px 6px; } th { text-align: left; }
.muted { color: #5b6169; }
"""


@dataclass(frozen=True)
class DiarySnapshot:
    """Everything the summary shows, read from the diary at one moment."""

    today: date
    episodes: tuple[Episode, ...]
    days: tuple[DayContext, ...]
    medicines: tuple[Medicine, ...]
    experiment: Experiment | None
    check: StoredCheck | None

    @classmethod
    def read(cls, diary: Diary, today: date) -> DiarySnapshot:
        return cls(
            today,
            tuple(diary.episodes()),
            tuple(diary.days()),
            tuple(diary.medicines()),
            diary.latest_experiment(),
            diary.latest_check(),
        )


def write_csv(diary: Diary, path: Path) -> None:
    """Everything in the diary as CSV at ``path`` (atomically; raises OSError)."""
    text = diary_csv(diary.episodes(), diary.days(), diary.medicines(), diary.experiments())
    write_atomic(path, text.encode("utf-8-sig"))  # the BOM tells spreadsheets it is UTF-8


def summary_html(snapshot: DiarySnapshot) -> str:
    """The summary's HTML (the timeline image is a document resource named ``timeline.png``)."""
    episodes = snapshot.episodes
    first = min((e.started_at.date() for e in episodes), default=None)
    parts = [
        "<h1>Twitch diary — summary for a clinician</h1>",
        f'<p class="muted">Prepared {snapshot.today:%d %B %Y} from the patient\'s own notes '
        "in Gluteal Atlas. Education, not a diagnosis.</p>",
        _timeline_section(snapshot, first),
        _areas_section(episodes),
        _factors_section(snapshot),
        _medicines_section(snapshot.medicines),
        _check_section(snapshot.check),
    ]
    return "".join(parts)


def _timeline_section(snapshot: DiarySnapshot, first: date | None) -> str:
    episodes = snapshot.episodes
    if not episodes:
        return "<h2>Timeline</h2><p>No episodes logged.</p>"
    feels = Counter(e.feel.value for e in episodes)
    felt = ", ".join(f"{name} {count}" for name, count in feels.most_common())
    strength = median(e.intensity for e in episodes)
    length = median(e.duration_seconds for e in episodes)
    return (
        f"<h2>Timeline</h2><p>{len(episodes)} episodes since {first:%d %b %Y}; felt like: "
        f"{html.escape(felt)}; typical strength {strength:g} of 5; typical length "
        f"{length:g} seconds. Episodes per day over the last {TIMELINE_DAYS} days:</p>"
        f'<p><img src="{_TIMELINE}" width="620" height="110"/></p>'
    )


def _areas_section(episodes: tuple[Episode, ...]) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{count}</td></tr>"
        for name, count in counts_by_area(episodes)[:8]
    )
    return f"<h2>Areas</h2><table><tr><th>Area</th><th>Episodes</th></tr>{rows}</table>"


def _factors_section(snapshot: DiarySnapshot) -> str:
    views = [factor_view(spec.factor, snapshot.episodes, snapshot.days) for spec in FACTORS]
    items = "".join(
        f"<li><b>{spec.label}:</b> {html.escape(view.sentence)}</li>"
        for spec, view in zip(FACTORS, views, strict=True)
        if view.points
    )
    unrecorded = [spec.label.lower() for spec, view in zip(FACTORS, views, strict=True)
                  if not view.points]  # fmt: skip
    if unrecorded:
        items += f"<li>Not recorded: {', '.join(unrecorded)}.</li>"
    text = f"<h2>Factors</h2><ul>{items}</ul>"
    if snapshot.experiment is not None:
        result = experiment_result(snapshot.experiment, snapshot.episodes, snapshot.days)
        plan = html.escape(snapshot.experiment.plan or snapshot.experiment.factor.value)
        text += f"<p><b>Self-experiment ({plan}):</b> {html.escape(result.sentence)}</p>"
    return text


def _medicines_section(medicines: tuple[Medicine, ...]) -> str:
    if not medicines:
        return "<h2>Medicines</h2><p>None listed.</p>"
    rows = "".join(
        f"<tr><td>{html.escape(m.name)}</td><td>{html.escape(m.dose)}</td>"
        f"<td>{m.started_on or ''}</td><td>{m.stopped_on or ''}</td></tr>"
        for m in medicines
    )
    head = "<tr><th>Medicine</th><th>Dose</th><th>Started</th><th>Stopped</th></tr>"
    return f"<h2>Medicines</h2><table>{head}{rows}</table>"


def _check_section(check: StoredCheck | None) -> str:
    if check is None:
        return "<h2>Latest red-flag self-check</h2><p>Not taken.</p>"
    said_yes = ", ".join(check.reasons) or "no warning signs"
    return (
        f"<h2>Latest red-flag self-check</h2><p>{check.taken_at:%d %b %Y %H:%M}: "
        f"<b>{html.escape(check.title)}</b>. Answered yes to: {html.escape(said_yes)} "
        f"({sum(1 for _, yes in check.answers if yes)} yes of {len(check.answers)} answered).</p>"
    )


def timeline_image(snapshot: DiarySnapshot, width: int = 1240, height: int = 220) -> QImage:
    """Episodes per day as bars, drawn from the same counts as the diary's chart."""
    counts = daily_counts(snapshot.episodes, snapshot.today, TIMELINE_DAYS)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(LIGHT.surface))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    top = max([n for _, n in counts] + [1])
    slot = width / len(counts)
    base = height - 40
    painter.setPen(QColor(LIGHT.text_muted))
    font = painter.font()
    font.setPixelSize(22)
    painter.setFont(font)
    for index, (day, count) in enumerate(counts):
        bar = (base - 10) * count / top
        rect = QRectF(index * slot + slot * 0.18, base - bar, slot * 0.64, bar)
        painter.fillRect(rect, QColor(LIGHT.accent))
        if index % 7 == (len(counts) - 1) % 7:
            where = QRectF(min(index * slot - 30, width - slot - 62), base + 6, slot + 60, 30)
            painter.drawText(where, _CENTRED_TOP, f"{day:%d %b}")
    painter.drawLine(0, int(base), width, int(base))
    painter.end()
    return image


def write_summary_pdf(snapshot: DiarySnapshot, path: Path) -> None:
    """Typeset the summary on one A4 page at ``path``, atomically (raises OSError)."""
    handle, temp_name = tempfile.mkstemp(prefix=".summary-", suffix=".pdf", dir=path.parent)
    os.close(handle)
    try:
        _print(snapshot, temp_name)
        if os.path.getsize(temp_name) == 0:
            raise OSError(f"could not write a PDF to {path.parent}")
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def _print(snapshot: DiarySnapshot, file_name: str) -> None:
    writer = QPdfWriter(file_name)
    writer.setTitle("Twitch diary summary")
    writer.setCreator("Gluteal Atlas")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(*_MARGINS_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setDefaultStyleSheet(_CSS)
    document.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl(_TIMELINE), timeline_image(snapshot)
    )
    document.setHtml(summary_html(snapshot))
    document.setPageSize(PAGE_PX)
    document.print_(writer)
