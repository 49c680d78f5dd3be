"""Lesson Markdown rendering: anchors, callouts, sanitising, and bounded time on hostile input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.domain.content import Content
from app.domain.lesson_budget import MAX_BODY_CHARS, budget_problem
from app.domain.text import heading_anchors
from app.services.lesson_renderer import LessonRenderer
from app.services.resources import Resources

#: Generous bound for one hostile render on a slow CI machine (the freeze it guards against
#: took 80 s for 40,000 nested brackets before the pre-checks).
BOUND_S = 1.0


@pytest.fixture
def renderer(resources: Resources) -> LessonRenderer:
    return LessonRenderer([resources.assets_dir])


def test_every_shipped_lesson_renders_with_its_anchors(
    renderer: LessonRenderer, shipped_content: Content
) -> None:
    """Each heading anchor the validator knows is an id in the rendered HTML."""
    assert shipped_content.lessons
    for lesson in shipped_content.lessons.values():
        rendered = renderer.render(lesson.body)
        assert not rendered.refused, lesson.id
        for _level, _title, anchor, _line in heading_anchors(lesson.body):
            assert f'id="{anchor}"' in rendered.html, (lesson.id, anchor)


def test_doctor_and_urgent_blockquotes_become_callout_boxes(renderer: LessonRenderer) -> None:
    """Each lead-in paragraph gets its own box; an ordinary quote stays a quote."""
    body = (
        "> **See a doctor if** it spreads.\n>\n> More detail.\n>\n"
        "> **Get urgent care** for numbness.\n\nBetween.\n\n> Just a quote.\n"
    )
    html = renderer.render(body).html
    assert html.count('class="callout"') == 2
    assert html.index("callout-doctor") < html.index("More detail") < html.index("callout-urgent")
    assert "<blockquote>" in html
    assert "Just a quote." in html


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "http://example.com/", "https://example.com", "file:///etc/passwd",
     "mailto:a@b.c", "data:text/html,hi", "//example.com/x", "lesson:Bad Target"],
)  # fmt: skip
def test_links_that_leave_the_app_lose_their_target(renderer: LessonRenderer, href: str) -> None:
    """Markdown and raw-HTML links to other schemes keep their text but not their href."""
    html = renderer.render(f'[md]({href}) and <a href="{href}">raw</a>').html
    assert "md" in html
    assert "raw" in html
    assert "href" not in html


def test_in_app_and_anchor_links_survive(renderer: LessonRenderer) -> None:
    html = renderer.render("[a](anatomy:piriformis) [b](lesson:x#y) [c](#here) [d](quiz:t)").html
    for href in ("anatomy:piriformis", "lesson:x#y", "#here", "quiz:t"):
        assert f'href="{href}"' in html


def test_scripts_handlers_and_styles_never_reach_the_document(renderer: LessonRenderer) -> None:
    body = (
        "<script>alert(1)</script>\n\n<style>p{}</style>\n\n"
        '<p onclick="x()" style="color:red">text</p>\n\n'
        "<iframe src='http://e.com'></iframe>\n\n## Hi {: onmouseover=evil }"
    )
    html = renderer.render(body).html
    for forbidden in ("script", "alert", "style", "onclick", "iframe", "onmouseover"):
        assert forbidden not in html
    assert "text" in html


def test_images_only_from_inside_the_allowed_folders(
    renderer: LessonRenderer, resources: Resources
) -> None:
    """Remote, file: and escaping images vanish; an image inside assets stays."""
    inside = next(path for path in resources.assets_dir.rglob("*.svg"))
    relative = inside.relative_to(resources.assets_dir).as_posix()
    body = (
        '<img src="file:///etc/passwd"> <img src="http://e.com/x.png"> '
        '<img src="../../../../etc/passwd"> <img src="/etc/passwd"> '
        f"![ok]({relative}) ![gone](missing.png)"
    )
    html = renderer.render(body).html
    assert "passwd" not in html
    assert "e.com" not in html
    assert "missing" not in html
    assert html.count("<img") == 1
    assert f'src="{relative}"' in html


@pytest.mark.parametrize(
    "body",
    [
        "[" * 1_000_000 + "x" + "]" * 1_000_000,  # 2 MB of nested brackets
        "[" * 20_000,
        "[a](" * 5_000,
        ">" * 50_000 + " deep",
        "".join("  " * depth + "- item\n" for depth in range(400)),
        ("[x](lesson:a) " * 250 + "\n\n") * 20,
        "x" * (MAX_BODY_CHARS + 1),
        "&#x41;" * 24_000,
    ],
    ids=["2MB-brackets", "open-brackets", "open-links", "quotes", "nested-lists", "many-links",
         "too-big", "entities"],
)  # fmt: skip
def test_hostile_bodies_are_refused_or_rendered_within_a_bound(
    renderer: LessonRenderer, body: str
) -> None:
    started = time.perf_counter()
    rendered = renderer.render(body)
    elapsed = time.perf_counter() - started
    assert elapsed < BOUND_S, f"took {elapsed:.2f} s"
    assert rendered.refused or rendered.html


def test_worst_case_within_the_limits_still_renders_in_time(renderer: LessonRenderer) -> None:
    """Bodies right at the bracket limits are accepted and stay fast."""
    block = "[" * 299 + "x" + "]" * 1
    body = "\n\n".join([block] * 10)
    assert budget_problem(body) is None
    started = time.perf_counter()
    rendered = renderer.render(body)
    assert time.perf_counter() - started < BOUND_S
    assert not rendered.refused


def test_refusal_says_why(renderer: LessonRenderer) -> None:
    rendered = renderer.render("> " * 20 + "x")
    assert rendered.refused == "This lesson was not shown: it nests quotes 20 deep (at most 8)."


def test_image_path_refuses_schemes_and_absolute_paths(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"x")
    renderer = LessonRenderer([tmp_path])
    assert renderer.image_path("a.png") == (tmp_path / "a.png").resolve()
    for src in ("file:a.png", f"{tmp_path}/a.png", "../a.png", "data:image/png;base64,AA"):
        assert renderer.image_path(src) is None
