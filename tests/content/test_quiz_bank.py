"""The quiz bank: big enough, one question per fact, no giveaway prompts or joke distractors."""

from __future__ import annotations

import re
from collections import Counter

from app.domain.content import Content
from app.domain.quiz import Question, QuestionKind

#: Distractors a review flagged as implausible: no learner would pick them.
IMPLAUSIBLE = ("shoe size", "blood group", "iron")


def choice_questions(content: Content) -> list[Question]:
    kinds = (QuestionKind.SINGLE, QuestionKind.MULTI)
    return [question for question in content.questions.values() if question.kind in kinds]


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower())) - {"the", "a", "of", "and", "to", "in"}


def test_bank_has_at_least_200_questions(shipped_content: Content) -> None:
    assert len(shipped_content.questions) >= 200


def test_no_two_questions_ask_the_same_thing(shipped_content: Content) -> None:
    """No templated padding: prompts differ, and no two questions share choices and answer.

    Diagram questions ("Name the highlighted structure") repeat their prompt by design.
    """
    diagram = (QuestionKind.NAME, QuestionKind.FIND)
    questions = shipped_content.questions.values()
    prompts = Counter(
        " ".join(sorted(words(q.prompt))) for q in questions if q.kind not in diagram
    )
    assert [prompt for prompt, count in prompts.items() if count > 1] == []

    # The same choices with the same right answer would test the same fact twice.
    keyed = Counter(
        (frozenset(q.choices), frozenset(q.choices[i] for i in q.correct))
        for q in choice_questions(shipped_content)
    )
    assert [sorted(choices) for (choices, _), count in keyed.items() if count > 1] == []


def test_choices_are_distinct_and_at_least_three(shipped_content: Content) -> None:
    """Choice questions offer real alternatives (three or more, none repeated)."""
    for question in choice_questions(shipped_content):
        assert len(question.choices) >= 3, question.id
        assert len(set(question.choices)) == len(question.choices), question.id


def test_no_implausible_distractors(shipped_content: Content) -> None:
    for question in choice_questions(shipped_content):
        for choice in question.choices:
            assert choice.strip().lower() not in IMPLAUSIBLE, (question.id, choice)
            assert "shoe size" not in choice.lower(), (question.id, choice)


def test_prompt_does_not_contain_the_answer(shipped_content: Content) -> None:
    """A single-answer prompt must not quote its own correct choice."""
    for question in choice_questions(shipped_content):
        if question.kind is QuestionKind.SINGLE:
            answer = question.choices[question.correct[0]].lower()
            assert answer not in question.prompt.lower(), question.id


def test_every_topic_has_several_questions(shipped_content: Content) -> None:
    """Coverage is spread over the course, not piled on one topic."""
    topics = Counter(question.topic for question in shipped_content.questions.values())
    assert all(count >= 10 for count in topics.values()), topics
