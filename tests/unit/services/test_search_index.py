"""Full-text search: ranking, snippets, safe queries and speed."""

from __future__ import annotations

import time

import pytest

from app.domain.content import Content
from app.domain.lessons import Lesson
from app.domain.problems import SourceRef
from app.domain.text import heading_anchors
from app.services.search_index import SearchIndex, fts_query, plain_text


def make_lesson(lesson_id: str, title: str, body: str, order: int = 1) -> Lesson:
    return Lesson(
        id=lesson_id, title=title, summary=f"About {title}", order=order, minutes=5,
        structures=(), topics=("basics",), body=body, body_line=1, headings=(),
        source=SourceRef(f"lessons/{lesson_id}.md"),
    )  # fmt: skip


def content_of(*lessons: Lesson) -> Content:
    return Content({}, {lesson.id: lesson for lesson in lessons}, {}, {}, {})


def test_section_hits_point_at_their_anchor() -> None:
    """A word found under a heading links to that heading's anchor, with the match marked."""
    lesson = make_lesson(
        "tests", "Tests", "Intro text.\n\n## Muscle tests {#emg}\n\nNeedle electromyography.\n"
    )
    hits = SearchIndex(content_of(lesson)).search("electromyography")
    assert [hit.href for hit in hits] == ["lesson:tests#emg"]
    assert hits[0].section == "Muscle tests"
    assert "<b>electromyography</b>" in hits[0].snippet.lower()


def test_title_and_heading_matches_outrank_passing_mentions() -> None:
    passing = make_lesson(
        "a", "Sitting", "## Posture\n\n" + "Chairs and desks. " * 30 + "Sciatica."
    )
    focused = make_lesson("b", "Back pain", "## Sciatica\n\nPain down the leg.", order=2)
    hits = SearchIndex(content_of(passing, focused)).search("sciatica")
    assert hits[0].href == "lesson:b#sciatica"


def test_last_word_matches_as_a_prefix_while_typing() -> None:
    lesson = make_lesson("m", "Minerals", "## Magnesium\n\nMagnesium steadies nerves.")
    index = SearchIndex(content_of(lesson))
    assert index.search("magn")
    assert index.search("steadies magn")
    assert not index.search("magn steadies zzz")


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "a* OR (", "NEAR(x y)", "'; DROP", "   "])
def test_operators_and_quotes_are_plain_words(query: str) -> None:
    """Whatever is typed, the query never raises (FTS syntax is never passed through)."""
    index = SearchIndex(content_of(make_lesson("x", "X", "## Y\n\nwords")))
    assert isinstance(index.search(query), list)


def test_snippets_escape_html_from_the_content() -> None:
    lesson = make_lesson("h", "H", "## Tags\n\nThe <b>bold</b> &amp; stuff about caffeine")
    snippet = SearchIndex(content_of(lesson)).search("caffeine")[0].snippet
    assert "<b>caffeine</b>" in snippet.lower()
    assert snippet.count("<b>") == 1  # the raw tag in the text did not survive as markup


def test_plain_text_drops_markdown_syntax() -> None:
    text = plain_text("## Head {#h}\n\n- **Bold** [link](anatomy:x) `code`\n> quoted")
    assert text.split() == ["Head", "Bold", "link", "code", "quoted"]


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('piri "OR" x') == '"piri" "or" "x"*'
    assert fts_query("!!!") == ""


def test_index_is_built_only_when_first_searched(shipped_content: Content) -> None:
    index = SearchIndex(shipped_content)
    assert not index.built
    index.search("glute")
    assert index.built


@pytest.mark.parametrize(
    ("query", "lesson", "words"),
    [
        ("piriformis", "gluteal-anatomy", ("piriformis",)),
        ("magnesium", "", ("electrolyte", "magnesium", "nutrient")),
        ("EMG", "diagnosis", ("emg",)),
    ],
)
def test_shipped_course_answers_the_obvious_questions(
    shipped_content: Content, query: str, lesson: str, words: tuple[str, ...]
) -> None:
    """The first lesson hit is a section about the thing searched for."""
    if lesson and lesson not in shipped_content.lessons:
        pytest.fail(f"the course has no {lesson} lesson")
    hits = [hit for hit in SearchIndex(shipped_content).search(query) if hit.kind == "lesson"]
    assert hits, query
    top = hits[0]
    assert any(word in top.section.lower() for word in words), top
    anchors = {a for _l, _t, a, _n in heading_anchors(shipped_content.lessons[
        top.href.removeprefix("lesson:").partition("#")[0]].body)}  # fmt: skip
    assert top.href.partition("#")[2] in anchors


def test_structure_cards_are_searchable(shipped_content: Content) -> None:
    hits = SearchIndex(shipped_content).search("sciatic nerve")
    assert "anatomy:sciatic-nerve" in [hit.href for hit in hits]


def test_queries_are_fast_on_the_shipped_course(shipped_content: Content) -> None:
    """A generous bound (the benchmark measures p95 on 1,000 lessons)."""
    index = SearchIndex(shipped_content)
    index.build()
    started = time.perf_counter()
    for word in ("twitch", "sciatic", "magnesium", "stretch", "caff", "nerve root"):
        index.search(word)
    assert (time.perf_counter() - started) / 6 < 0.05


def test_a_word_in_nearly_every_section_lists_heading_hits_first_then_the_rest() -> None:
    """Past RANK_ALL_UP_TO matches the hits are not all ranked: sections whose title or
    heading has the word come first, then sections that only mention it, up to the limit."""
    from app.services.search_index import MAX_RESULTS, RANK_ALL_UP_TO

    body = "\n\n".join(
        f"## Part {n} {{#p{n}}}\n\nThe sciatic nerve runs here, paragraph {n}."
        for n in range(RANK_ALL_UP_TO + 20)
    )
    headed = "## Nerve roots {#roots}\n\nWhere the roots leave the spine."
    lessons = [
        make_lesson("many", "Many parts", body, order=1),
        make_lesson("roots", "Roots", headed, order=2),
    ]
    hits = SearchIndex(content_of(*lessons)).search("nerve")
    assert len(hits) == MAX_RESULTS
    assert hits[0].href == "lesson:roots#roots"  # the heading hit, ranked first
    assert all(hit.href.startswith("lesson:many#p") for hit in hits[1:])
    assert len({hit.href for hit in hits}) == len(hits)
