"""The content gate: one verdict for check-content and the app, and only regular files opened.

A named pipe or a device file in any content position is refused with a clear message and
never blocks in ``open()``; a BOM is accepted; TOML errors carry the parser's message and
line; over-long routines and quiz files are refused; and every lesson body the issue found
freezing the reader is refused the same way by ``check-content`` and on screen.
"""

from __future__ import annotations

import os
import shutil
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app.__main__ import check_content
from app.domain.content import Content
from app.domain.lesson_budget import budget_problem
from app.services.content_loader import load_content
from app.services.lesson_renderer import LessonRenderer
from app.services.resources import Resources

#: A blocked open() never returns; anything under this is "did not block".
WATCHDOG_S = 10.0

POSITIONS = ("anatomy.toml", "quizzes/pipe.toml", "routines/pipe.toml", "lessons/pipe.md")


def _copy_of_shipped(tmp_path: Path, resources: Resources) -> Path:
    root = tmp_path / "content"
    shutil.copytree(resources.content_dir, root)
    return root


def _load_with_watchdog(action: Callable[[], object], unblock: Path) -> object:
    """Run ``action``; if it is still stuck after the watchdog, release it and fail."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(action()), daemon=True)
    worker.start()
    worker.join(WATCHDOG_S)
    if worker.is_alive():
        # Open the pipe for writing so the stuck open() returns and the thread can end.
        descriptor = os.open(unblock, os.O_WRONLY | os.O_NONBLOCK)
        os.close(descriptor)
        worker.join(WATCHDOG_S)
        pytest.fail("loading content blocked in open() on a named pipe")
    return result[0]


def _replace_with_pipe(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def _replace_with_device(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # the same device as /dev/zero
    except PermissionError:
        pytest.skip("making a device node needs root")


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("kind", ["named pipe", "character device"])
def test_a_pipe_or_device_in_any_content_position_is_refused_without_blocking(
    tmp_path: Path, resources: Resources, position: str, kind: str
) -> None:
    """The app's load and check-content both finish and name the file and what it is."""
    root = _copy_of_shipped(tmp_path, resources)
    target = root / position
    (_replace_with_pipe if kind == "named pipe" else _replace_with_device)(target)
    content = _load_with_watchdog(lambda: load_content(root), target)
    assert isinstance(content, Content)
    expected = f"{position}:1: is a {kind}, not a content file; skipped"
    assert expected in [str(problem) for problem in content.problems]
    if position != "anatomy.toml":  # without the structures nothing can refer to them
        assert len(content.lessons) >= 7  # the rest still loads


@pytest.mark.parametrize("position", ["nerve-tracer.toml", "red-flags.toml"])
def test_check_content_does_not_block_on_a_pipe_named_like_the_other_content_files(
    tmp_path: Path, resources: Resources, position: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The nerve tracer and the red-flag self-check read their files without blocking too."""
    root = _copy_of_shipped(tmp_path, resources)
    _replace_with_pipe(root / position)
    status = _load_with_watchdog(lambda: check_content(root), root / position)
    assert status == 1
    assert any(
        line.startswith(f"{position}:1: is") for line in capsys.readouterr().out.split("\n")
    )


def test_a_link_to_a_pipe_inside_the_folder_is_refused(
    tmp_path: Path, resources: Resources
) -> None:
    root = _copy_of_shipped(tmp_path, resources)
    os.mkfifo(root / "pipe")
    (root / "lessons" / "linked.md").symlink_to(root / "pipe")
    content = _load_with_watchdog(lambda: load_content(root), root / "pipe")
    assert isinstance(content, Content)
    problems = [str(problem) for problem in content.problems]
    assert "lessons/linked.md:1: is a named pipe, not a content file; skipped" in problems


def test_an_image_named_like_a_picture_but_a_pipe_is_never_handed_to_qt(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "figure.png")
    assert LessonRenderer([tmp_path]).image_path("figure.png") is None


def test_check_content_lists_the_refusal_first(
    tmp_path: Path, resources: Resources, capsys: pytest.CaptureFixture[str]
) -> None:
    """The structural verdict comes before field and reference problems, and fails the check."""
    root = _copy_of_shipped(tmp_path, resources)
    _replace_with_pipe(root / "quizzes" / "basics.toml")  # its lessons' questions vanish too
    (root / "lessons" / "zz-bad.md").write_text("id: x\n\nbody\n", "utf-8")  # fields missing
    status = _load_with_watchdog(lambda: check_content(root), root / "quizzes" / "basics.toml")
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines[0] == "quizzes/basics.toml:1: is a named pipe, not a content file; skipped"
    assert any("zz-bad.md" in line for line in lines[1:])


def test_a_byte_order_mark_is_accepted(tmp_path: Path, resources: Resources) -> None:
    root = _copy_of_shipped(tmp_path, resources)
    for path in [root / "anatomy.toml", *sorted((root / "lessons").glob("*.md"))[:2]]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    content = load_content(root)
    assert content.problems == ()
    assert len(content.lessons) == len(load_content(resources.content_dir).lessons)


def test_a_toml_syntax_error_names_the_parser_message_line_and_column(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "quizzes").mkdir(parents=True)
    (root / "quizzes" / "bad.toml").write_text('[[questions]]\nid = "a"\nprompt = \n', "utf-8")
    problems = [str(problem) for problem in load_content(root).problems]
    expected = "quizzes/bad.toml:3: TOML syntax error at line 3, column 10: Invalid value"
    assert expected in problems


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (61, "routine 'long': field 'steps' has 61 steps; at most 60 are allowed"),
        (2_000, "routine 'long': 'steps' has 2,000 entries; at most 100 are allowed; skipped"),
        (20_000, "routine 'long': 'steps' has 20,000 entries; at most 100 are allowed; skipped"),
    ],
)
def test_a_routine_with_too_many_steps_is_refused_quickly(
    tmp_path: Path, steps: int, message: str
) -> None:
    root = tmp_path / "content"
    (root / "routines").mkdir(parents=True)
    step = '[[routines.steps]]\nstretch = "s"\nhold = 30\n'
    text = '[[routines]]\nid = "long"\nname = "Long"\nsummary = "Long."\n' + step * steps
    (root / "routines" / "long.toml").write_text(text, "utf-8")
    started = time.perf_counter()
    content = load_content(root)
    assert time.perf_counter() - started < 2.0
    found = [(p.where.line, p.message) for p in content.problems if p.where.path != "anatomy.toml"]
    assert found == [(1, message)]
    assert not content.routines


def test_a_quiz_file_with_too_many_questions_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "quizzes").mkdir(parents=True)
    question = '[[questions]]\nid = "q{n}"\n'
    text = "".join(question.format(n=n) for n in range(1_001))
    (root / "quizzes" / "many.toml").write_text(text, "utf-8")
    problems = [p for p in load_content(root).problems if p.where.path == "quizzes/many.toml"]
    assert [p.message for p in problems] == [
        "1,001 [[questions]] in one file; at most 1,000 are allowed (split them into several "
        "files); skipped"
    ]
    assert problems[0].refused


#: The lesson bodies issue 14 found freezing the reader (or accepted by one and not the other).
ISSUE_BODIES = {
    "nested-tables-24": "<table><tr><td>" * 24 + "x",
    "emphasis": "*a**a*" * 30_000,
    "divs": "<div>" * 38_000,
    "code-spans": "`a``a " * 30_000,
    "open-tags": "<a" * 95_000,
    "headings": "\n\n".join(f"# h{n}" for n in range(4_999)),
    "over-200k": "word " * 40_001,
    "quotes-9-deep": "> " * 9 + "deep",
}


@pytest.mark.parametrize("name", list(ISSUE_BODIES))
def test_check_content_and_the_reader_give_the_same_verdict(
    tmp_path: Path, resources: Resources, name: str
) -> None:
    """Refused by the gate at load, with the same reason the reader would show, in microseconds."""
    body = ISSUE_BODIES[name]
    root = _copy_of_shipped(tmp_path, resources)
    head = "id: hostile\ntitle: T\nsummary: S\norder: 99\nminutes: 5\ntopics: basics\n\n"
    (root / "lessons" / "99-hostile.md").write_text(head + body, "utf-8")
    started = time.perf_counter()
    content = load_content(root)
    rendered = LessonRenderer().render(body)
    assert time.perf_counter() - started < 2.0
    reason = budget_problem(body)
    assert reason is not None
    assert "hostile" not in content.lessons
    gate = [str(p) for p in content.problems if p.where.path == "lessons/99-hostile.md"]
    assert gate == [f"lessons/99-hostile.md:8: the lesson body {reason}, so it would not be "
                    "shown; skipped"]  # fmt: skip
    assert rendered.refused == f"This lesson was not shown: it {reason}."


def test_every_shipped_lesson_passes_both(resources: Resources) -> None:
    content = load_content(resources.content_dir)
    renderer = LessonRenderer()
    for lesson in content.lessons.values():
        assert budget_problem(lesson.body) is None
        assert not renderer.render(lesson.body).refused
