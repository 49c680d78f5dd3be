"""The nerve tracer's file: checked, with every problem at its file:line."""

from __future__ import annotations

from pathlib import Path

from app.domain.content import Content
from app.services.resources import Resources
from app.services.tracer_loader import (
    TRACER_FILE,
    TracerContent,
    load_traces,
    tracer_problems,
)

KNOWN = {"sacrum", "piriformis", "sciatic-nerve", "gluteus-maximus"}

_GOOD = """
[[nerves]]
id = "sciatic"
name = "Sciatic nerve"
nerve = "sciatic-nerve"
roots = "L4-S3"
summary = "The big one."

[[nerves.steps]]
title = "Roots"
structures = ["sacrum"]
text = "It starts here."

[[nerves.steps]]
title = "Below piriformis"
structures = ["sciatic-nerve", "piriformis"]
depth = 3
text = "It leaves below piriformis."
"""


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / TRACER_FILE).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_good_file_loads_in_order(tmp_path: Path) -> None:
    """Steps keep their order, structures, depth and default view."""
    loaded = load_traces(_write(tmp_path, _GOOD), KNOWN)
    assert loaded.problems == ()
    trace = loaded.trace("sciatic")
    assert trace is not None
    assert [s.title for s in trace.steps] == ["Roots", "Below piriformis"]
    assert trace.steps[1].structures == ("sciatic-nerve", "piriformis")
    assert (trace.steps[1].depth, trace.steps[1].view, trace.steps[0].depth) == (3, "", 0)


def test_unknown_structure_is_reported_at_its_line_and_dropped(tmp_path: Path) -> None:
    """A misspelt id is reported as file:line; the step keeps the ids the atlas knows."""
    text = _GOOD.replace('["sciatic-nerve", "piriformis"]', '["sciatic-nerve", "piriformus"]')
    loaded = load_traces(_write(tmp_path, text), KNOWN)
    line = text.splitlines().index('structures = ["sciatic-nerve", "piriformus"]') + 1
    assert [str(p) for p in loaded.problems] == [
        f"{TRACER_FILE}:{line}: nerve trace 'sciatic' step 2: structure 'piriformus' is not in "
        "the atlas"
    ]
    trace = loaded.trace("sciatic")
    assert trace is not None
    assert trace.steps[1].structures == ("sciatic-nerve",)


def test_wrong_types_unknown_keys_and_bad_views_are_problems(tmp_path: Path) -> None:
    """A step with a bad view or an unknown key is left out, each problem at its line."""
    text = _GOOD.replace("depth = 3", 'depth = 3\nview = "front"\ncolour = "red"')
    loaded = load_traces(_write(tmp_path, text), KNOWN)
    lines = text.splitlines()
    messages = {str(p) for p in loaded.problems}
    view_line = lines.index('view = "front"') + 1
    colour_line = lines.index('colour = "red"') + 1
    assert any(m.startswith(f"{TRACER_FILE}:{view_line}: ") and "'view'" in m for m in messages)
    assert any(m.startswith(f"{TRACER_FILE}:{colour_line}: ") and "colour" in m for m in messages)
    trace = loaded.trace("sciatic")
    assert trace is not None
    assert len(trace.steps) == 1


def test_missing_file_syntax_error_and_oversize(tmp_path: Path) -> None:
    """No file means no traces (it is optional); unreadable files are reported, never raised."""
    assert load_traces(tmp_path, KNOWN) == TracerContent((), ())
    broken = load_traces(_write(tmp_path, '[[nerves]]\nid = "x\n'), KNOWN)
    assert broken.traces == ()
    assert str(broken.problems[0]).startswith(f"{TRACER_FILE}:2: TOML syntax error")
    huge = load_traces(_write(tmp_path, "# " + "x" * 200_000), KNOWN)
    assert "limit" in str(huge.problems[0])


def test_shipped_tracer_follows_each_nerve_from_its_roots(
    resources: Resources, shipped_content: Content
) -> None:
    """The shipped file traces the sciatic and both gluteal nerves, each starting at its roots;
    every step is one sentence and names only structures the atlas has."""
    loaded = load_traces(resources.content_dir, set(shipped_content.structures))
    ids = {trace.id for trace in loaded.traces}
    assert {"sciatic", "superior-gluteal", "inferior-gluteal"} <= ids
    for trace in loaded.traces:
        assert trace.steps[0].title.startswith("Roots"), trace.id
        for step in trace.steps:
            assert step.text.endswith("."), step.title
            assert ". " not in step.text, step.title
    assert tracer_problems(resources.content_dir, set(shipped_content.structures)) == []
    nerves = {trace.nerve for trace in loaded.traces}
    assert {"sciatic-nerve", "superior-gluteal-nerve", "inferior-gluteal-nerve"} <= nerves
