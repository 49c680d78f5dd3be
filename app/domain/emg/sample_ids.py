"""Ids of the trace samples quiz questions may show (:mod:`app.domain.emg.samples` draws
them). Kept apart, without numpy, because content checking needs only the names."""

from __future__ import annotations

TRACE_SAMPLE_IDS = (
    "rest-silent",
    "fibrillations",
    "positive-sharp-waves",
    "fasciculation",
    "normal-units",
    "large-units",
)
