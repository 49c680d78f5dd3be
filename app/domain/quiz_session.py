"""Quiz sessions: choosing the questions, shuffling choices under a seed, scoring, and saying
what to review. Pure values; the UI drives a :class:`QuizSession` and the service stores answers.
"""

from __future__ import annotations

import heapq
import random
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.content import Content
from app.domain.links import try_parse_link
from app.domain.quiz import Question, QuestionKind

#: Question kinds answered on the diagram.
DIAGRAM_KINDS = (QuestionKind.FIND, QuestionKind.NAME)
#: A mixed test has one diagram question per this many questions (at least one from 5 up).
DIAGRAM_EVERY = 5


#: How many structure names a "name the highlighted structure" question offers.
NAME_CHOICES = 4


class Mode(StrEnum):
    """Why the learner is answering; stored with each answer."""

    PRACTICE = "practice"
    TEST = "test"
    REVIEW = "review"


class Scope(StrEnum):
    """What a practice set is drawn from."""

    LESSON = "lesson"
    TOPIC = "topic"
    STRUCTURE = "structure"


@dataclass(frozen=True)
class QuizPlan:
    """A list of questions to ask, with a title for the screen."""

    title: str
    mode: Mode
    question_ids: tuple[str, ...]
    seed: int = 0


def topic_title(topic: str) -> str:
    """``"red-flags"`` → ``"Red flags"``."""
    return topic.replace("-", " ").capitalize()


def lesson_of(question: Question) -> str:
    """The lesson id a question links to (its ``lesson:`` link without the anchor)."""
    link = try_parse_link(question.lesson)
    return link.target if link else ""


def matches(question: Question, scope: Scope, target: str) -> bool:
    return target_in(question, scope) == target


def target_in(question: Question, scope: Scope) -> str:
    """What ``question`` is about in ``scope``: its topic, its structure or its lesson."""
    if scope is Scope.TOPIC:
        return question.topic
    if scope is Scope.STRUCTURE:
        return question.subject
    return lesson_of(question)


def targets_with_questions(questions: Iterable[Question], scope: Scope) -> set[str]:
    """Every target in ``scope`` at least one of ``questions`` is about, in one pass (a
    clinic's thousand lessons and ten thousand questions made one pass per lesson take 10 s)."""
    return {target_in(question, scope) for question in questions}


def scope_title(content: Content, scope: Scope, target: str) -> str:
    if scope is Scope.STRUCTURE and target in content.structures:
        return content.structures[target].name
    if scope is Scope.LESSON and target in content.lessons:
        return content.lessons[target].title
    return topic_title(target)


def practice_plan(content: Content, scope: Scope, target: str, seed: int = 0) -> QuizPlan:
    """Every question in ``scope`` (a lesson, a topic or a structure), easiest first, and never
    two about the same structure in a row where another order allows it."""
    chosen = [q for q in content.questions.values() if matches(q, scope, target)]
    shuffled = _shuffled(chosen, seed)
    ordered = spread(sorted(shuffled, key=lambda q: q.difficulty))
    title = f"Practice: {scope_title(content, scope, target)}"
    return QuizPlan(title, Mode.PRACTICE, tuple(q.id for q in ordered), seed)


def scope_of_link_target(content: Content, target: str) -> Scope | None:
    """Which scope a ``quiz:<target>`` link means: a topic, a structure or a lesson."""
    if target in content.topics:
        return Scope.TOPIC
    if target in content.structures:
        return Scope.STRUCTURE
    if target in content.lessons:
        return Scope.LESSON
    return None


def mixed_test(questions: Iterable[Question], count: int, seed: int) -> QuizPlan:
    """``count`` questions drawn across topics in turn, so a short test still covers them,
    with at least one on the diagram when the test has room for one (``DIAGRAM_EVERY``)."""
    pool = _shuffled(list(questions), seed)
    picked: list[Question] = []
    diagram = [q for q in pool if q.kind in DIAGRAM_KINDS]
    picked.extend(diagram[: count // DIAGRAM_EVERY])
    taken = {question.id for question in picked}
    pool = [question for question in pool if question.id not in taken]
    by_topic: dict[str, list[Question]] = {}
    for question in pool:
        by_topic.setdefault(question.topic, []).append(question)
    while len(picked) < count and any(by_topic.values()):
        for topic_pool in by_topic.values():
            if topic_pool and len(picked) < count:
                picked.append(topic_pool.pop())
    ordered = spread(_shuffled(picked, seed + 1))
    return QuizPlan(f"Mixed test of {len(ordered)}", Mode.TEST, tuple(q.id for q in ordered), seed)


def spread(questions: Sequence[Question]) -> list[Question]:
    """The same questions, keeping their order except that a question about the same
    structure as the one before is moved later, when a different one can go first.

    Each step takes the earliest waiting question about another structure than the last one
    taken (or the earliest of all, when every one left is about that structure). Done with a
    queue per structure and a heap of their first positions, so ten thousand questions on one
    structure take milliseconds, not a scan of the rest for each.
    """
    queues: dict[str, deque[int]] = {}
    for position, question in enumerate(questions):
        queues.setdefault(question.subject, deque()).append(position)
    heads = [(queue[0], subject) for subject, queue in queues.items()]
    heapq.heapify(heads)
    result: list[Question] = []
    previous = ""
    while heads:
        position, subject = heapq.heappop(heads)
        if previous and subject == previous and heads:
            # The earliest is about the same structure: take the next-earliest instead.
            position, subject = heapq.heapreplace(heads, (position, subject))
        result.append(questions[position])
        queue = queues[subject]
        queue.popleft()
        if queue:
            heapq.heappush(heads, (queue[0], subject))
        previous = subject
    return result


def review_plan(questions: Mapping[str, Question], due_ids: Sequence[str]) -> QuizPlan:
    """The due questions, most overdue first (the order ``due_ids`` comes in)."""
    ids = tuple(qid for qid in due_ids if qid in questions)
    return QuizPlan("Due for review", Mode.REVIEW, ids)


def choice_order(question: Question, seed: int) -> tuple[int, ...]:
    """The order to show a question's choices in: a permutation, fixed by ``seed``."""
    order = list(range(len(question.choices)))
    random.Random(f"{seed}:{question.id}").shuffle(order)
    return tuple(order)


def name_choices(question: Question, structure_ids: Sequence[str], seed: int) -> tuple[str, ...]:
    """Structure ids to offer for a "name it" question: its own list, or the target and
    others from ``structure_ids``, shuffled under ``seed``."""
    rng = random.Random(f"{seed}:{question.id}")
    if question.choices:
        offered = list(question.choices)
    else:
        others = [sid for sid in structure_ids if sid != question.target]
        offered = [question.target, *rng.sample(others, min(NAME_CHOICES - 1, len(others)))]
    rng.shuffle(offered)
    return tuple(offered)


def _shuffled(questions: list[Question], seed: int) -> list[Question]:
    ordered = sorted(questions, key=lambda q: q.id)
    random.Random(seed).shuffle(ordered)
    return ordered


@dataclass(frozen=True)
class Answer:
    """One answered question in a session."""

    question_id: str
    topic: str
    correct: bool
    seconds: float


@dataclass(frozen=True)
class TopicScore:
    topic: str
    right: int
    total: int

    @property
    def fraction(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class QuizSession:
    """The questions of a plan, asked in order, and the answers so far."""

    plan: QuizPlan
    questions: Mapping[str, Question]
    answers: list[Answer] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.plan.question_ids)

    @property
    def position(self) -> int:
        """0-based index of the question being asked (``total`` when finished)."""
        return len(self.answers)

    @property
    def finished(self) -> bool:
        return self.position >= self.total

    def current(self) -> Question | None:
        return None if self.finished else self.questions[self.plan.question_ids[self.position]]

    def record(self, correct: bool, seconds: float) -> Answer:
        """Record the answer to the current question and move on."""
        question = self.current()
        if question is None:
            raise ValueError("the session is finished")
        answer = Answer(question.id, question.topic, correct, seconds)
        self.answers.append(answer)
        return answer

    @property
    def score(self) -> int:
        return sum(answer.correct for answer in self.answers)

    def breakdown(self) -> list[TopicScore]:
        """Right and total per topic, weakest first."""
        tally: dict[str, list[int]] = {}
        for answer in self.answers:
            counts = tally.setdefault(answer.topic, [0, 0])
            counts[0] += answer.correct
            counts[1] += 1
        scores = [TopicScore(topic, right, total) for topic, (right, total) in tally.items()]
        return sorted(scores, key=lambda s: (s.fraction, s.topic))

    def to_review(self) -> list[Question]:
        """Questions answered wrong, in the order they were asked."""
        return [self.questions[a.question_id] for a in self.answers if not a.correct]


def is_choice_kind(question: Question) -> bool:
    return question.kind in (QuestionKind.SINGLE, QuestionKind.MULTI)
