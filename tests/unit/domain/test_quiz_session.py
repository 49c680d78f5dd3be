"""Choosing questions, shuffling under a seed, scoring and what to review."""

from __future__ import annotations

import itertools
import time
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from app.domain.content import Content
from app.domain.quiz import Question, QuestionKind
from app.domain.quiz_session import (
    Mode,
    QuizSession,
    Scope,
    choice_order,
    mixed_test,
    name_choices,
    practice_plan,
    review_plan,
    scope_of_link_target,
    spread,
)
from tests.helpers.quiz import make_question

QUESTIONS = {
    q.id: q
    for q in (
        make_question("a1", topic="anatomy", structure="piriformis", difficulty=3),
        make_question("a2", topic="anatomy", lesson="lesson:other#x", difficulty=1),
        make_question("r1", topic="red-flags"),
        make_question("r2", topic="red-flags"),
        make_question("s1", topic="sleep"),
    )
}


def _content() -> Content:
    return Content({}, {}, QUESTIONS, {}, {})


def test_practice_by_topic_lists_only_that_topic_easiest_first() -> None:
    """A topic practice set holds exactly its questions, ordered by difficulty."""
    plan = practice_plan(_content(), Scope.TOPIC, "anatomy")
    assert plan.question_ids == ("a2", "a1")
    assert plan.mode is Mode.PRACTICE
    assert plan.title == "Practice: Anatomy"


def test_practice_by_structure_and_lesson() -> None:
    """Structure sets match the question's structures; lesson sets its lesson link."""
    assert practice_plan(_content(), Scope.STRUCTURE, "piriformis").question_ids == ("a1",)
    assert set(practice_plan(_content(), Scope.LESSON, "intro").question_ids) == {
        "a1",
        "r1",
        "r2",
        "s1",
    }


def test_link_target_scope() -> None:
    """quiz:<x> resolves to a topic before anything else; unknown targets to None."""
    assert scope_of_link_target(_content(), "red-flags") is Scope.TOPIC
    assert scope_of_link_target(_content(), "nothing") is None


def test_mixed_test_covers_topics_before_repeating() -> None:
    """A test of 3 from 3 topics takes one from each; never more than asked."""
    plan = mixed_test(QUESTIONS.values(), 3, seed=7)
    topics = Counter(QUESTIONS[qid].topic for qid in plan.question_ids)
    assert topics == {"anatomy": 1, "red-flags": 1, "sleep": 1}
    assert len(mixed_test(QUESTIONS.values(), 99, seed=7).question_ids) == len(QUESTIONS)


def test_mixed_test_is_deterministic_under_a_seed() -> None:
    """The same seed gives the same test."""
    assert mixed_test(QUESTIONS.values(), 4, 3) == mixed_test(QUESTIONS.values(), 4, 3)


def test_choice_order_is_a_seeded_permutation() -> None:
    """Choices are shuffled, the same way for the same seed, differently across seeds."""
    question = make_question(choices=tuple("abcdef"))
    orders = {choice_order(question, seed) for seed in range(20)}
    assert all(sorted(order) == list(range(6)) for order in orders)
    assert choice_order(question, 5) == choice_order(question, 5)
    assert len(orders) > 1


def test_name_choices_include_the_target() -> None:
    """Without authored choices, the target plus three others are offered."""
    question = make_question(kind=QuestionKind.NAME, choices=(), target="t")
    offered = name_choices(question, ["a", "b", "t", "c", "d"], seed=1)
    assert "t" in offered
    assert len(offered) == len(set(offered)) == 4


def test_review_plan_skips_unknown_ids() -> None:
    """Due ids for questions no longer in the content are left out."""
    assert review_plan(QUESTIONS, ["r1", "gone", "a1"]).question_ids == ("r1", "a1")


def test_session_scores_and_lists_what_to_review() -> None:
    """Score, per-topic breakdown (weakest first) and the wrong answers to review."""
    session = QuizSession(review_plan(QUESTIONS, ["a1", "r1", "r2"]), QUESTIONS)
    session.record(True, 4.0)
    session.record(False, 9.0)
    session.record(True, 3.0)
    assert session.finished
    assert session.current() is None
    assert session.score == 2
    breakdown = session.breakdown()
    assert [(s.topic, s.right, s.total) for s in breakdown] == [
        ("red-flags", 1, 2),
        ("anatomy", 1, 1),
    ]
    assert [q.id for q in session.to_review()] == ["r1"]


def test_practice_by_structure_holds_only_questions_about_it() -> None:
    """A "name it" question that merely offers piriformis as a wrong name is not about it; a
    find-it on piriformis and a question on its card are."""
    questions = {
        q.id: q
        for q in (
            make_question("card", structure="piriformis", difficulty=2),
            make_question("find", QuestionKind.FIND, target="piriformis", difficulty=1),
            make_question(
                "name-other",
                QuestionKind.NAME,
                target="gluteus-medius",
                choices=("gluteus-medius", "piriformis", "gluteus-minimus"),
                difficulty=1,
            ),
        )
    }
    plan = practice_plan(Content({}, {}, questions, {}, {}), Scope.STRUCTURE, "piriformis")
    assert plan.question_ids == ("find", "card")


def test_practice_never_puts_the_same_structure_twice_in_a_row_when_it_can_avoid_it() -> None:
    questions = {
        q.id: q
        for q in (
            make_question("p1", topic="t", structure="piriformis", difficulty=1),
            make_question("p2", topic="t", structure="piriformis", difficulty=1),
            make_question("m1", topic="t", structure="gluteus-medius", difficulty=2),
            make_question("m2", topic="t", structure="gluteus-medius", difficulty=2),
        )
    }
    for seed in range(20):
        plan = practice_plan(Content({}, {}, questions, {}, {}), Scope.TOPIC, "t", seed)
        subjects = [questions[qid].structure for qid in plan.question_ids]
        assert all(a != b for a, b in itertools.pairwise(subjects)), subjects


def test_a_mixed_test_of_ten_has_diagram_questions_when_there_are_some() -> None:
    """Ten questions from a bank where diagram questions are few still include them."""
    bank = [make_question(f"c{n}", topic=f"topic-{n % 4}") for n in range(40)]
    bank += [
        make_question(f"d{n}", QuestionKind.FIND, target=f"s{n}", topic="topic-0")
        for n in range(3)
    ]
    for seed in range(10):
        plan = mixed_test(bank, 10, seed)
        assert len(plan.question_ids) == 10
        diagram = [qid for qid in plan.question_ids if qid.startswith("d")]
        assert len(diagram) >= 2, plan.question_ids  # at least one per five questions


def _spread_by_scanning(questions: list[Question]) -> list[Question]:
    """The rule ``spread`` follows, written the slow, obvious way (one scan per step)."""
    waiting, result = list(questions), []
    while waiting:
        previous = result[-1].subject if result else ""
        index = next(
            (i for i, q in enumerate(waiting) if not previous or q.subject != previous), 0
        )
        result.append(waiting.pop(index))
    return result


@given(st.lists(st.sampled_from(["", "piriformis", "gluteus-maximus", "sciatic-nerve"])))
def test_spread_takes_the_earliest_question_on_another_structure_each_time(
    subjects: list[str],
) -> None:
    questions = [make_question(f"q{n}", structure=s) for n, s in enumerate(subjects)]
    assert [q.id for q in spread(questions)] == [q.id for q in _spread_by_scanning(questions)]


def test_a_test_of_ten_thousand_questions_on_one_structure_is_planned_at_once() -> None:
    """Planning scanned the rest per question and removed picks by comparing whole
    questions: starting "all 10,045 questions" of a clinic's bank froze the window for 10 s."""
    bank = [
        make_question(f"q{n}", kind=kind, structure="piriformis", target="piriformis")
        for n, kind in zip(range(10_000), itertools.cycle(list(QuestionKind)), strict=False)
    ]
    started = time.perf_counter()
    plan = mixed_test(bank, len(bank), seed=3)
    assert time.perf_counter() - started < 1.0  # took over 10 s; now about 0.1 s
    assert sorted(plan.question_ids) == sorted(q.id for q in bank)
