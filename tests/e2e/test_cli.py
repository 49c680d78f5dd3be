"""The app as a process: check-content, the no-display message, --screenshot."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.resources import Resources

pytestmark = pytest.mark.e2e


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_check_content_passes_on_shipped_content() -> None:
    result = _run("check-content")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("content OK")


def test_check_content_lists_each_problem_with_file_and_line(
    tmp_path: Path, resources: Resources
) -> None:
    """A broken link, a missing field and a TOML syntax error: three file:line lines, exit 1."""
    content = tmp_path / "content"
    shutil.copytree(resources.content_dir, content)
    lesson = next((content / "lessons").glob("01-*.md"))
    text = lesson.read_text("utf-8")
    lesson.write_text(
        text.replace("(anatomy:gluteus-medius)", "(anatomy:gluteus-medial)"), "utf-8"
    )
    link_line = next(
        n
        for n, line in enumerate(lesson.read_text("utf-8").splitlines(), 1)
        if "anatomy:gluteus-medial" in line
    )
    routines = content / "routines" / "glute-piriformis.toml"
    routines.write_text(
        routines.read_text("utf-8").replace(
            'summary = "Lying on your back, hug', 'note = "hug', 1
        ),
        "utf-8",
    )
    quiz = content / "quizzes" / "broken.toml"
    quiz.write_text('[[questions]]\nid = "x"\ntype = "single\n', "utf-8")

    result = _run("check-content", str(content))

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert all(re.match(r"^[\w/.-]+:\d+: ", line) for line in lines), lines
    assert any(line.startswith(f"lessons/{lesson.name}:{link_line}: ") for line in lines)
    assert any(
        line.startswith("routines/glute-piriformis.toml:")
        and "missing required field 'summary'" in line
        for line in lines
    )
    assert any(line.startswith("quizzes/broken.toml:3: TOML syntax error") for line in lines)


def test_no_display_prints_one_clear_line() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = _run(env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no display" in result.stderr


def test_screenshot_renders_every_page(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = _run("--screenshot", str(tmp_path / "shots"), "--data", str(tmp_path / "d"), env=env)
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in (tmp_path / "shots").glob("*.png"))
    assert names[:6] == [
        "01-home.png",
        "02-anatomy.png",
        "03-lessons.png",
        "04-quiz.png",
        "05-stretch.png",
        "06-progress.png",
    ]
    assert all((tmp_path / "shots" / name).stat().st_size > 10_000 for name in names)
