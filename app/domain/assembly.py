"""All content, assembled and cross-checked: duplicate ids, links and references.

Anything with a problem is reported. An item whose *structure* depends on something missing (a
question's lesson, a routine's stretch, a stretch's target) is left out, repeated until nothing
more falls. A broken link inside prose or a ``links`` list is reported but does not cost the item
its place: the reader shows it as inert text (links are always re-checked before following).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar

from app.domain.anatomy import Structure
from app.domain.content import Content, resolves
from app.domain.figure_source import is_image_file
from app.domain.lessons import Lesson
from app.domain.links import Link, LinkError, LinkKind, find_links, parse_link
from app.domain.problems import Problem, SourceRef
from app.domain.quiz import Question, QuestionKind
from app.domain.records import RawRecord
from app.domain.routines import Routine, Stretch

Item = TypeVar("Item", Structure, Lesson, Question, Stretch, Routine)


@dataclass(frozen=True)
class Parsed(Generic[Item]):
    """A built item with the raw record it came from (for reference line numbers)."""

    item: Item
    record: RawRecord


@dataclass
class ParsedContent:
    """What the loader built, before cross-checking."""

    structures: list[Parsed[Structure]] = field(default_factory=list)
    lessons: list[Parsed[Lesson]] = field(default_factory=list)
    questions: list[Parsed[Question]] = field(default_factory=list)
    stretches: list[Parsed[Stretch]] = field(default_factory=list)
    routines: list[Parsed[Routine]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


#: Where a reference sits: a place, or a record and key, looked up only if it is reported
#: (finding a key's line means scanning its file, which valid content never needs).
Place = SourceRef | tuple[RawRecord, str]


class _Ref(NamedTuple):
    """A reference from an item: a link, or a bare id of some kind.

    A tuple, not a frozen dataclass: a large course makes a hundred thousand of these, and a
    frozen dataclass's ``__init__`` costs several times as much.
    """

    link: Link | None
    text: str
    where: Place
    error: str = ""
    stretch: str = ""  # a routine step's stretch id (stretches have no link kind of their own)
    required: bool = True  # False for prose links: reported, but the item is kept


def assemble(parsed: ParsedContent) -> Content:
    """Drop duplicates and items with broken references; return what is left and why."""
    problems = list(parsed.problems)
    groups: dict[str, list[Parsed[Any]]] = {
        "structure": _unique(parsed.structures, "structure", problems),
        "lesson": _unique(parsed.lessons, "lesson", problems),
        "question": _unique(parsed.questions, "question", problems),
        "stretch": _unique(parsed.stretches, "stretch", problems),
        "routine": _unique(parsed.routines, "routine", problems),
    }
    refs = {id(entry): list(_references(entry)) for group in groups.values() for entry in group}
    while True:
        content = _build(groups, ())
        dropped = False
        for kind, group in groups.items():
            kept = []
            for entry in group:
                required = [r for r in refs[id(entry)] if r.required and not _ref_ok(r, content)]
                problems.extend(_broken(kind, entry, ref) for ref in required)
                dropped = dropped or bool(required)
                if not required:
                    kept.append(entry)
            groups[kind] = kept
        if not dropped:
            break
    for kind, group in groups.items():
        for entry in group:
            optional = [r for r in refs[id(entry)] if not r.required and not _ref_ok(r, content)]
            problems.extend(_broken(kind, entry, ref) for ref in optional)
    return _build(groups, tuple(sorted(set(problems))))


def _build(groups: dict[str, list[Parsed[Any]]], problems: tuple[Problem, ...]) -> Content:
    lessons = sorted((p.item for p in groups["lesson"]), key=lambda x: (x.order, x.title))
    return Content(
        structures={p.item.id: p.item for p in groups["structure"]},
        lessons={lesson.id: lesson for lesson in lessons},
        questions={p.item.id: p.item for p in groups["question"]},
        stretches={p.item.id: p.item for p in groups["stretch"]},
        routines={p.item.id: p.item for p in groups["routine"]},
        problems=problems,
    )


def _unique(
    entries: Iterable[Parsed[Item]], kind: str, problems: list[Problem]
) -> list[Parsed[Item]]:
    first: dict[str, SourceRef] = {}
    kept = []
    for entry in entries:
        item_id = entry.item.id
        if item_id in first:
            message = f"{kind} {item_id!r}: duplicate id (first defined at {first[item_id]})"
            problems.append(Problem(entry.item.source, message))
            continue
        first[item_id] = entry.item.source
        kept.append(entry)
    return kept


def _broken(kind: str, entry: Parsed[Any], ref: _Ref) -> Problem:
    reason = ref.error or "points at nothing that exists (or at something skipped)"
    where = ref.where if isinstance(ref.where, SourceRef) else ref.where[0].where(ref.where[1])
    return Problem(where, f"{kind} {entry.item.id!r}: {ref.text} {reason}")


def _references(entry: Parsed[Any]) -> Iterator[_Ref]:
    item, record = entry.item, entry.record
    if isinstance(item, Lesson):
        for href, line in find_links(item.body):
            if is_image_file(href):
                continue  # a figure file, not a link (see app.domain.figure_source)
            where = SourceRef(item.source.path, item.body_line + line - 1)
            yield _link_ref(href, where, required=False)
        for structure in item.structures:
            yield _id_ref(LinkKind.ANATOMY, structure, (record, "structures"))
    else:
        yield from _text_links(record)
    yield from _id_refs(item, record)


def _id_refs(item: Any, record: RawRecord) -> Iterator[_Ref]:
    if isinstance(item, Question):
        yield _link_ref(item.lesson, (record, "lesson"))
        for structure_id in {item.structure, item.target} - {""}:
            yield _id_ref(LinkKind.ANATOMY, structure_id, (record, "structure"))
        if item.kind is QuestionKind.NAME:
            for choice in item.choices:
                yield _id_ref(LinkKind.ANATOMY, choice, (record, "choices"))
    elif isinstance(item, Stretch):
        for target in item.targets:
            yield _id_ref(LinkKind.ANATOMY, target, (record, "targets"))
    elif isinstance(item, Routine):
        for index, step in enumerate(item.steps):
            where = record.child(f"steps.{index}").where("stretch")
            text = f"stretch {step.stretch!r}"
            yield _Ref(None, text, where, "is not in the stretch library", step.stretch)
    for href in getattr(item, "links", ()):
        yield _link_ref(href, (record, "links"), required=False)


def _text_links(record: RawRecord) -> Iterator[_Ref]:
    """Links written inside any text value of a TOML record (e.g. in an explanation)."""
    for key, value in record.data.items():
        if key in ("links", "lesson"):
            continue  # checked as references of their own
        texts = (value,) if isinstance(value, str) else value if isinstance(value, list) else ()
        for text in texts:
            # The substring test first: most values hold no link, and it is far cheaper.
            if isinstance(text, str) and ("](" in text or "=" in text):
                for href, _ in find_links(text):
                    yield _link_ref(href, (record, key), required=False)


def _link_ref(href: str, where: Place, *, required: bool = True) -> _Ref:
    try:
        return _Ref(parse_link(href), f"link {href!r}", where, required=required)
    except LinkError as error:
        return _Ref(None, f"link {href!r}", where, f"is not allowed: {error}", required=required)


def _id_ref(kind: LinkKind, target: str, where: Place) -> _Ref:
    return _Ref(Link(kind, target), f"{kind.value} id {target!r}", where)


def _ref_ok(ref: _Ref, content: Content) -> bool:
    if ref.link is not None:
        return resolves(ref.link, content)
    return bool(ref.stretch) and ref.stretch in content.stretches
