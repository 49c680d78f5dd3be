"""All content, assembled and cross-checked: duplicate ids, links and references.

Anything with a problem is reported. An item whose *structure* depends on something missing (a
question's lesson, a routine's stretch, a stretch's target) is left out, repeated until nothing
more falls. A broken link inside prose or a ``links`` list is reported but does not cost the item
its place: the reader shows it as inert text (links are always re-checked before following).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
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


class _Target(NamedTuple):
    """What references name: a link, or a bare id of some kind, parsed once per assembly.

    A course names the same few hundred targets tens of thousands of times (every question
    links its lesson), so each distinct one is parsed once and, each round, resolved once.
    """

    slot: int  # its place in the assembly's table of targets (and of verdicts)
    link: Link | None
    text: str
    error: str = ""
    stretch: str = ""  # a routine step's stretch id (stretches have no link kind of their own)


class _Ref(NamedTuple):
    """A reference from an item to a target.

    A tuple, not a frozen dataclass: a large course makes a hundred thousand of these, and a
    frozen dataclass's ``__init__`` costs several times as much.
    """

    target: _Target
    where: Place


class _Entry(NamedTuple):
    """An item as assembly handles it: the parsed item and its references."""

    parsed: Parsed[Any]
    required: list[_Ref]  # one broken drops the item
    optional: list[_Ref]  # prose links: a broken one is reported, but the item is kept


class _Targets:
    """The table of targets one assembly references, each parsed when first named."""

    def __init__(self) -> None:
        self.all: list[_Target] = []
        self._links: dict[str, _Target] = {}
        self._ids: dict[tuple[LinkKind, str], _Target] = {}
        self._stretches: dict[str, _Target] = {}

    def link(self, href: str) -> _Target:
        target = self._links.get(href)
        if target is None:
            target = self._links[href] = self._add(*_parsed_link(href))
        return target

    def ident(self, kind: LinkKind, ident: str) -> _Target:
        target = self._ids.get((kind, ident))
        if target is None:
            link = Link(kind, ident)
            target = self._ids[kind, ident] = self._add(link, f"{kind.value} id {ident!r}")
        return target

    def stretch(self, ident: str) -> _Target:
        target = self._stretches.get(ident)
        if target is None:
            text, error = f"stretch {ident!r}", "is not in the stretch library"
            target = self._stretches[ident] = self._add(None, text, error, ident)
        return target

    def verdicts(self, content: Content) -> list[bool]:
        """Whether each target resolves in ``content``, by slot."""
        return [_target_ok(target, content) for target in self.all]

    def _add(self, link: Link | None, text: str, error: str = "", stretch: str = "") -> _Target:
        target = _Target(len(self.all), link, text, error, stretch)
        self.all.append(target)
        return target


def assemble(parsed: ParsedContent) -> Content:
    """Drop duplicates and items with broken references; return what is left and why."""
    problems = list(parsed.problems)
    targets = _Targets()
    groups: dict[str, list[_Entry]] = {
        "structure": _entries(parsed.structures, "structure", problems, targets),
        "lesson": _entries(parsed.lessons, "lesson", problems, targets),
        "question": _entries(parsed.questions, "question", problems, targets),
        "stretch": _entries(parsed.stretches, "stretch", problems, targets),
        "routine": _entries(parsed.routines, "routine", problems, targets),
    }
    while True:
        content = _build(groups, ())
        ok = targets.verdicts(content)
        dropped = False
        for kind, group in groups.items():
            kept = []
            for entry in group:
                broken = [ref for ref in entry.required if not ok[ref.target.slot]]
                if broken:
                    problems.extend(_broken(kind, entry.parsed, ref) for ref in broken)
                    dropped = True
                else:
                    kept.append(entry)
            groups[kind] = kept
        if not dropped:
            break
    for kind, group in groups.items():
        for entry in group:
            broken = [ref for ref in entry.optional if not ok[ref.target.slot]]
            problems.extend(_broken(kind, entry.parsed, ref) for ref in broken)
    # The last round dropped nothing, so its content holds exactly what is kept.
    return replace(content, problems=tuple(sorted(set(problems))))


def _entries(
    parsed: list[Parsed[Item]], kind: str, problems: list[Problem], targets: _Targets
) -> list[_Entry]:
    """The items of one kind, duplicates dropped, each with its references."""
    return [_entry(entry, targets) for entry in _unique(parsed, kind, problems)]


def _build(groups: dict[str, list[_Entry]], problems: tuple[Problem, ...]) -> Content:
    def items(kind: str) -> Iterator[Any]:
        return (entry.parsed.item for entry in groups[kind])

    lessons = sorted(items("lesson"), key=lambda x: (x.order, x.title))
    return Content(
        structures={item.id: item for item in items("structure")},
        lessons={lesson.id: lesson for lesson in lessons},
        questions={item.id: item for item in items("question")},
        stretches={item.id: item for item in items("stretch")},
        routines={item.id: item for item in items("routine")},
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
    target = ref.target
    reason = target.error or "points at nothing that exists (or at something skipped)"
    where = ref.where if isinstance(ref.where, SourceRef) else ref.where[0].where(ref.where[1])
    return Problem(where, f"{kind} {entry.item.id!r}: {target.text} {reason}")


def _entry(parsed: Parsed[Any], targets: _Targets) -> _Entry:
    entry = _Entry(parsed, [], [])
    item, record = parsed.item, parsed.record
    if isinstance(item, Lesson):
        for href, line in find_links(item.body):
            if is_image_file(href):
                continue  # a figure file, not a link (see app.domain.figure_source)
            where = SourceRef(item.source.path, item.body_line + line - 1)
            entry.optional.append(_Ref(targets.link(href), where))
        for structure in item.structures:
            target = targets.ident(LinkKind.ANATOMY, structure)
            entry.required.append(_Ref(target, (record, "structures")))
    else:
        _text_links(record, entry.optional, targets)
    _id_refs(item, record, entry, targets)
    for href in getattr(item, "links", ()):
        entry.optional.append(_Ref(targets.link(href), (record, "links")))
    return entry


def _id_refs(item: Any, record: RawRecord, entry: _Entry, targets: _Targets) -> None:
    required = entry.required
    if isinstance(item, Question):
        required.append(_Ref(targets.link(item.lesson), (record, "lesson")))
        for structure_id in (item.structure, item.target):
            if structure_id:  # both the same: one problem all the same (problems are a set)
                target = targets.ident(LinkKind.ANATOMY, structure_id)
                required.append(_Ref(target, (record, "structure")))
        if item.kind is QuestionKind.NAME:
            for choice in item.choices:
                target = targets.ident(LinkKind.ANATOMY, choice)
                required.append(_Ref(target, (record, "choices")))
    elif isinstance(item, Stretch):
        for structure_id in item.targets:
            target = targets.ident(LinkKind.ANATOMY, structure_id)
            required.append(_Ref(target, (record, "targets")))
    elif isinstance(item, Routine):
        for index, step in enumerate(item.steps):
            where = record.child(f"steps.{index}").where("stretch")
            required.append(_Ref(targets.stretch(step.stretch), where))


def _text_links(record: RawRecord, refs: list[_Ref], targets: _Targets) -> None:
    """Links written inside any text value of a TOML record (e.g. in an explanation)."""
    for key, value in record.data.items():
        if key in ("links", "lesson"):
            continue  # checked as references of their own
        texts = (value,) if isinstance(value, str) else value if isinstance(value, list) else ()
        for text in texts:
            # The substring test first: most values hold no link, and it is far cheaper.
            if isinstance(text, str) and ("](" in text or "=" in text):
                for href, _ in find_links(text):
                    refs.append(_Ref(targets.link(href), (record, key)))


def _parsed_link(href: str) -> tuple[Link | None, str, str]:
    """A link, how problems name it, and why it is not allowed ("" when it is)."""
    try:
        return parse_link(href), f"link {href!r}", ""
    except LinkError as error:
        return None, f"link {href!r}", f"is not allowed: {error}"


def _target_ok(target: _Target, content: Content) -> bool:
    if target.link is not None:
        return resolves(target.link, content)
    return bool(target.stretch) and target.stretch in content.stretches
