"""Feedback for a wrong tap on the diagram, from the shipped anatomy."""

from __future__ import annotations

from app.domain.content import Content
from app.domain.diagram_feedback import in_sentence, wrong_tap_message


def test_known_neighbours_use_the_relation_table(shipped_content: Content) -> None:
    """Medius tapped when minimus was asked: names medius and says minimus lies deep to it."""
    s = shipped_content.structures
    message = wrong_tap_message(s["gluteus-medius"], s["gluteus-minimus"])
    assert message.startswith("That is gluteus medius; gluteus minimus lies deep to it")


def test_other_pairs_follow_the_layers(shipped_content: Content) -> None:
    """Maximus (layer 1) tapped for the sciatic nerve (layer 2): the nerve lies deep to it."""
    s = shipped_content.structures
    message = wrong_tap_message(s["gluteus-maximus"], s["sciatic-nerve"])
    assert message == "That is gluteus maximus; sciatic nerve lies deep to it."
    upward = wrong_tap_message(s["gluteus-minimus"], s["gluteus-maximus"])
    assert "nearer the skin" in upward


def test_a_miss_describes_the_target(shipped_content: Content) -> None:
    """A tap on no structure says so and describes where to look."""
    target = shipped_content.structures["piriformis"]
    message = wrong_tap_message(None, target)
    assert message.startswith("That is not on any structure")
    assert target.summary in message


def test_in_sentence_keeps_acronyms() -> None:
    assert in_sentence("Gluteus medius") == "gluteus medius"
    assert in_sentence("ASIS") == "ASIS"
