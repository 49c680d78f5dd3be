"""What to say when a learner taps the wrong structure on the diagram.

"That is gluteus medius; gluteus minimus lies deep to it." The relation comes from a short
table of well-known neighbours (checked against the structure cards in anatomy.toml), and
otherwise from the layers and kinds of the two structures, so new structures need no new text.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.anatomy import Structure, StructureKind

#: (tapped, target) → how the target relates to what was tapped. Only pairs whose relation
#: is more specific than "deeper"/"more superficial"; the rest is derived from layers.
_NEIGHBOURS: Mapping[tuple[str, str], str] = {
    ("gluteus-medius", "gluteus-minimus"): "lies deep to it, almost completely hidden by it",
    ("gluteus-minimus", "gluteus-medius"): "covers it, one layer nearer the skin",
    ("gluteus-medius", "piriformis"): "runs along its lower border",
    ("piriformis", "gluteus-medius"): "lies just above it, on the outer hip",
    ("piriformis", "sciatic-nerve"): "leaves the pelvis just below it",
    (
        "sciatic-nerve",
        "piriformis",
    ): "lies just above the nerve, where the nerve leaves the pelvis",
    ("obturator-internus", "sciatic-nerve"): "runs down over it and the gemelli",
    ("sciatic-nerve", "obturator-internus"): "lies underneath the nerve, between the gemelli",
    ("superior-gemellus", "piriformis"): "lies just above it",
    ("piriformis", "superior-gemellus"): "lies just below it",
    ("superior-gemellus", "inferior-gemellus"): "lies just below the obturator internus tendon",
    ("inferior-gemellus", "superior-gemellus"): "lies just above the obturator internus tendon",
    ("inferior-gemellus", "quadratus-femoris"): "lies just below it",
    ("quadratus-femoris", "inferior-gemellus"): "lies just above it",
    ("piriformis", "superior-gluteal-nerve"): "leaves the pelvis just above it",
    ("piriformis", "inferior-gluteal-nerve"): "leaves the pelvis just below it",
}

_KIND_NOUN = {
    StructureKind.MUSCLE: "a muscle",
    StructureKind.NERVE: "a nerve",
    StructureKind.BONE: "a bone",
    StructureKind.LIGAMENT: "a ligament",
    StructureKind.VESSEL: "a blood vessel",
    StructureKind.FASCIA: "a sheet of fascia",
}


def in_sentence(name: str) -> str:
    """A name as it reads mid-sentence: ``"Gluteus medius"`` → ``"gluteus medius"``."""
    return name[:1].lower() + name[1:] if name[1:2].islower() or len(name) == 1 else name


def relation(tapped: Structure, target: Structure) -> str:
    """How ``target`` relates to ``tapped``, as the end of a sentence about the target."""
    known = _NEIGHBOURS.get((tapped.id, target.id))
    if known:
        return known
    if tapped.kind is not target.kind and tapped.kind in (
        StructureKind.BONE,
        StructureKind.LIGAMENT,
    ):
        return f"is {_KIND_NOUN[target.kind]} lying over the bones and ligaments"
    if target.layer > tapped.layer:
        return "lies deep to it" if tapped.layer == 1 else "lies deeper than it"
    if target.layer < tapped.layer:
        return "lies nearer the skin, over this layer"
    return f"is {_KIND_NOUN[target.kind]} in the same layer, close by"


def wrong_tap_message(tapped: Structure | None, target: Structure) -> str:
    """The feedback for a wrong tap on the diagram (``tapped`` None: nothing was hit)."""
    target_name = in_sentence(target.name)
    if tapped is None:
        return f"That is not on any structure. Look for {target_name}: {target.summary}"
    return f"That is {in_sentence(tapped.name)}; {target_name} {relation(tapped, target)}."
