"""``lab:`` links: parsed, resolved for every scenario and the conduction study, and in step
with the scenarios the lab actually has."""

from __future__ import annotations

import pytest

from app.domain.content import EMPTY_CONTENT
from app.domain.emg.scenarios import SCENARIO_IDS
from app.domain.links import LAB_TARGETS, Link, LinkKind, parse_link


def test_lab_targets_are_the_scenarios_and_the_conduction_study() -> None:
    assert (*SCENARIO_IDS, "conduction") == LAB_TARGETS


@pytest.mark.parametrize("target", LAB_TARGETS)
def test_every_lab_target_parses_and_resolves(target: str) -> None:
    link = parse_link(f"lab:{target}")
    assert link == Link(LinkKind.LAB, target)
    assert EMPTY_CONTENT.resolves(link)


def test_unknown_lab_target_does_not_resolve() -> None:
    assert not EMPTY_CONTENT.resolves(parse_link("lab:myopathy"))
