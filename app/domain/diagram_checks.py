"""Checks across the atlas figures and the structure cards (used by ``check-content``).

* :func:`check_views` — every structure with a card is drawn in at least one view, every drawn
  shape has a card, at the card's layer, and is selectable.
* :func:`site_problems` — every ``origin_sites``/``insertion_sites`` id on a muscle's card is
  an attachment region drawn for that muscle and end in some view; reported at the card's
  ``file:line``.
* :func:`question_view_problems` — a find-it or name-it question's target is drawn in the
  view the question shows (``view = "lateral"`` for the lateral figure).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.domain.anatomy import Structure
from app.domain.diagram import Diagram, check_against
from app.domain.diagram_marks import View
from app.domain.problems import Problem
from app.domain.quiz import Question, QuestionKind


def check_views(diagrams: Mapping[View, Diagram], layers: Mapping[str, int]) -> list[str]:
    """Problems per view (prefixed by the view) plus structures drawn in no view."""
    problems = [
        f"{view}: {problem}"
        for view, diagram in diagrams.items()
        for problem in check_against(diagram, layers, all_drawn=False)
    ]
    drawn = {sid for diagram in diagrams.values() for sid in diagram.ids}
    problems += [
        f"structure {sid!r} is not drawn in any view" for sid in layers if sid not in drawn
    ]
    return problems


def site_problems(diagrams: Iterable[Diagram], structures: Iterable[Structure]) -> list[Problem]:
    """Attachment-site ids on cards that no figure draws for that muscle and end."""
    drawn = {
        (attachment.muscle_id, str(attachment.end), attachment.site)
        for diagram in diagrams
        for attachment in diagram.attachments
    }
    problems = []
    for structure in structures:
        for end, sites in (
            ("origin", structure.origin_sites),
            ("insertion", structure.insertion_sites),
        ):
            for site in sites:
                if (structure.id, end, site) not in drawn:
                    message = (
                        f"structure {structure.id!r}: {end} site {site!r} is not drawn as an "
                        f"{end} of {structure.id!r} in any atlas view"
                    )
                    problems.append(Problem(structure.source, message))
    return problems


def question_view_problems(
    diagrams: Mapping[View, Diagram], questions: Iterable[Question]
) -> list[Problem]:
    """Diagram questions whose target is not drawn in the figure they show."""
    problems = []
    for question in questions:
        if question.kind not in (QuestionKind.FIND, QuestionKind.NAME):
            continue
        diagram = diagrams.get(question.view)
        if diagram is not None and question.target not in diagram.ids:
            message = (
                f"question {question.id!r}: {question.target!r} is not drawn in the "
                f"{question.view} view; set view to one that shows it"
            )
            problems.append(Problem(question.source, message))
    return problems
