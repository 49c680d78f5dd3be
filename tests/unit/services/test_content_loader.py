"""Loading a content folder: every problem is a ``file:line`` and the rest still loads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from app.domain.content import Content
from app.services.content_gate import MAX_DEPTH, MAX_FILE_BYTES
from app.services.content_loader import load_content
from app.services.resources import Resources


@pytest.fixture
def content_copy(tmp_path: Path, resources: Resources) -> Path:
    """A private copy of the shipped content to break."""
    target = tmp_path / "content"
    shutil.copytree(resources.content_dir, target)
    return target


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def _problems(content: Content) -> list[str]:
    return [str(problem) for problem in content.problems]


def test_shipped_content_has_no_problems(shipped_content: Content) -> None:
    assert _problems(shipped_content) == []
    assert {
        "gluteus-maximus",
        "gluteus-medius",
        "gluteus-minimus",
        "piriformis",
        "sciatic-nerve",
    } <= shipped_content.structures.keys()
    assert shipped_content.lessons
    assert shipped_content.questions
    assert shipped_content.routines


def test_broken_link_is_reported_at_its_line_and_only_that_item_skipped(
    content_copy: Path, shipped_content: Content
) -> None:
    path = content_copy / "quizzes" / "basics.toml"
    text = path.read_text(encoding="utf-8")
    first_lesson_link = re.search(r'lesson = "(lesson:[^"]+)"', text)
    assert first_lesson_link is not None
    path.write_text(text.replace(first_lesson_link.group(1), "lesson:no-such-lesson", 1), "utf-8")
    line = _line_of(path, "lesson:no-such-lesson")
    content = load_content(content_copy)
    assert [p for p in _problems(content) if p.startswith(f"quizzes/basics.toml:{line}: ")]
    assert len(content.questions) == len(shipped_content.questions) - 1


def test_missing_field_reported_at_the_table(content_copy: Path) -> None:
    path = content_copy / "anatomy.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('latin = "Musculus piriformis"\n', "").replace(
            'summary = "A pear-shaped', 'sumary = "A pear-shaped'
        ),
        "utf-8",
    )
    content = load_content(content_copy)
    problems = _problems(content)
    assert any(
        p.startswith("anatomy.toml:") and "missing required field 'summary'" in p for p in problems
    )
    typo_line = _line_of(path, "sumary =")
    assert any(p.startswith(f"anatomy.toml:{typo_line}: ") and "'sumary'" in p for p in problems)
    assert "piriformis" not in content.structures
    assert "gluteus-maximus" in content.structures


def test_toml_syntax_error_names_the_line(content_copy: Path) -> None:
    path = content_copy / "routines" / "glute-piriformis.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    broken_at = next(i for i, line in enumerate(lines) if line.startswith("name =")) + 1
    lines[broken_at - 1] = 'name = "unterminated'
    path.write_text("\n".join(lines), "utf-8")
    content = load_content(content_copy)
    assert any(
        p.startswith(f"routines/glute-piriformis.toml:{broken_at}: TOML syntax error")
        for p in _problems(content)
    )


def test_links_into_a_skipped_file_skip_their_items_too(content_copy: Path) -> None:
    """A lesson that fails takes the questions that link to it down with it."""
    lesson = next((content_copy / "lessons").glob("01-*.md"))
    lesson.write_bytes(b"id: what-is-a-gluteal-twitch\ntitle: \xff\xfe broken\n")
    content = load_content(content_copy)
    problems = _problems(content)
    assert any(p.startswith(f"lessons/{lesson.name}:2: not valid UTF-8") for p in problems)
    linking = [q for q in content.questions.values() if "what-is-a-gluteal-twitch" in q.lesson]
    assert linking == []
    assert "basics-what-is-fasciculation" not in content.questions


def test_oversized_and_deeply_nested_files_are_refused(content_copy: Path) -> None:
    (content_copy / "quizzes" / "huge.toml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    depth = MAX_DEPTH + 5
    (content_copy / "quizzes" / "deep.toml").write_text(
        "x = " + "[" * depth + "]" * depth + "\n", "utf-8"
    )
    (content_copy / "quizzes" / "deeper.toml").write_text(
        "x = " + "[" * 100_000 + "]" * 100_000 + "\n", "utf-8"
    )
    problems = _problems(load_content(content_copy))
    assert any(p.startswith("quizzes/huge.toml:1: file is larger") for p in problems)
    assert any(p.startswith("quizzes/deep.toml:1: nesting is") for p in problems)
    assert any(p.startswith("quizzes/deeper.toml:1: ") for p in problems)


def test_duplicate_ids_keep_the_first(content_copy: Path) -> None:
    source = content_copy / "quizzes" / "basics.toml"
    (content_copy / "quizzes" / "zz-copy.toml").write_text(source.read_text("utf-8"), "utf-8")
    content = load_content(content_copy)
    duplicates = [p for p in content.problems if "duplicate id" in p.message]
    assert duplicates
    assert all(p.where.path == "quizzes/zz-copy.toml" for p in duplicates)
    assert all("first defined at quizzes/basics.toml:" in p.message for p in duplicates)


def test_external_links_are_problems(content_copy: Path) -> None:
    lesson = next((content_copy / "lessons").glob("01-*.md"))
    lesson.write_text(lesson.read_text("utf-8") + "\nSee [this](https://example.com).\n", "utf-8")
    content = load_content(content_copy)
    assert any("leaves the app" in p.message for p in content.problems)


def test_missing_folder_is_one_problem(tmp_path: Path) -> None:
    content = load_content(tmp_path / "nowhere")
    assert len(content.problems) == 1
    assert "does not exist" in content.problems[0].message


def test_a_link_named_by_many_items_is_judged_for_each(content_copy: Path) -> None:
    """One broken and one external link, each named by two questions: four problems, each at
    its own question's line, and only the two with the broken lesson link are skipped."""
    path = content_copy / "quizzes" / "basics.toml"
    question = (
        '\n[[questions]]\nid = "{id}"\ntype = "truefalse"\nprompt = "P?"\nanswer = true\n'
        'topic = "fasciculation"\nlesson = "{lesson}"\nexplanation = "See [it]({link})."\n'
    )
    extra = "".join(
        question.format(id=f"extra-{n}", lesson=lesson, link=link)
        for n, (lesson, link) in enumerate(
            [
                ("lesson:no-such-lesson", "anatomy:piriformis"),
                ("lesson:no-such-lesson", "anatomy:piriformis"),
                ("lesson:what-is-a-gluteal-twitch", "https://example.com"),
                ("lesson:what-is-a-gluteal-twitch", "https://example.com"),
            ]
        )
    )
    path.write_text(path.read_text(encoding="utf-8") + extra, "utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    id_line = {n: lines.index(f'id = "extra-{n}"') + 1 for n in range(4)}
    content = load_content(content_copy)
    reported = {
        (p.where.line, p.message.split(": ", 1)[1])
        for p in content.problems
        if p.where.path == "quizzes/basics.toml"
    }
    missing = (
        "link 'lesson:no-such-lesson' points at nothing that exists (or at something skipped)"
    )
    external = (
        "link 'https://example.com' is not allowed: link 'https://example.com' leaves the app; "
        "only in-app links are allowed"
    )
    for n in (0, 1):  # reported at the question's lesson key
        assert (id_line[n] + 5, missing) in reported
        assert f"extra-{n}" not in content.questions
    for n in (2, 3):  # reported at its explanation; the question stays
        assert (id_line[n] + 6, external) in reported
        assert f"extra-{n}" in content.questions
