"""Loading content/red-flags.toml: problems at file:line, and check-content reporting them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.__main__ import main
from app.domain.content import Content
from app.services.red_flag_loader import RED_FLAGS_FILE, load_red_flags
from app.services.resources import Resources


@pytest.fixture
def folder(tmp_path: Path, resources: Resources) -> Path:
    target = tmp_path / "content"
    shutil.copytree(resources.content_dir, target)
    return target


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / RED_FLAGS_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(folder: Path, needle: str) -> int:
    """The 1-based line holding ``needle`` (a trailing newline means: ending the line)."""
    lines = (folder / RED_FLAGS_FILE).read_text(encoding="utf-8").splitlines(keepends=True)
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def test_shipped_file_loads(resources: Resources, shipped_content: Content) -> None:
    loaded = load_red_flags(resources.content_dir, shipped_content)
    assert loaded.problems == ()
    assert loaded.check is not None


def test_a_broken_rule_is_reported_at_its_line(folder: Path, shipped_content: Content) -> None:
    _edit(folder, '"new-medicine", "family-mnd",', '"new-medicine", "family-mdn",')
    loaded = load_red_flags(folder, shipped_content)
    assert loaded.check is None
    line = _line_of(folder, "any_yes = [\n")  # the multi-line list of the see-a-doctor rule
    messages = [str(p) for p in loaded.problems]
    assert f"red-flags.toml:{line}: rule 2: unknown question 'family-mdn'" in messages
    assert any("question 'family-mnd' is asked but no rule uses" in m for m in messages)


def test_a_broken_lesson_link_is_reported(folder: Path, shipped_content: Content) -> None:
    _edit(folder, "lesson:red-flags#urgent-care", "lesson:red-flags#no-such-part")
    loaded = load_red_flags(folder, shipped_content)
    assert loaded.check is None
    assert any("points at nothing" in str(p) for p in loaded.problems)


def test_syntax_errors_and_a_missing_file_are_problems_not_crashes(
    folder: Path, shipped_content: Content
) -> None:
    _edit(folder, "[check]", "[check")
    assert "TOML syntax error" in str(load_red_flags(folder, shipped_content).problems[0])
    (folder / RED_FLAGS_FILE).unlink()
    assert "missing" in str(load_red_flags(folder, shipped_content).problems[0])


def test_check_content_fails_on_a_broken_rule(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``gluteal-atlas check-content`` lists the red-flag problem with its file and line."""
    _edit(folder, 'outcome = "emergency"\nany_yes', 'outcome = "soon"\nany_yes')
    main(["check-content", str(folder)])
    printed = capsys.readouterr().out
    assert "red-flags.toml:" in printed
    assert "no rule leads to outcome 'emergency'" in printed
