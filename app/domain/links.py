"""The one link scheme shared by lessons, cards, explanations and routines.

``anatomy:<structure-id>``, ``lesson:<lesson-id>[#anchor]``, ``quiz:<topic-or-structure>``,
``stretch:<routine-id>``, ``check:start`` (the red-flag self-check) and ``diary:<view>`` (a
view of the twitch diary, one of :data:`DIARY_VIEWS`), ``lab:<scenario>`` (the EMG and
nerve-conduction lab, one of :data:`LAB_TARGETS`). Anything else (http, file, mailto,
javascript, …) is never followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from app.domain.figure_source import FigureSourceError, parse_figure_source


class LinkKind(StrEnum):
    ANATOMY = "anatomy"
    LESSON = "lesson"
    QUIZ = "quiz"
    STRETCH = "stretch"
    CHECK = "check"
    DIARY = "diary"
    LAB = "lab"


#: What ``check:`` may name: the self-check has one way in.
CHECK_TARGETS = frozenset({"start"})
#: What ``diary:`` may name: the diary's views.
DIARY_VIEWS = ("log", "days", "entries", "charts", "experiment")
#: What ``lab:`` may name: a needle-EMG scenario (app.domain.emg.scenarios, kept in step by a
#: test; not imported here, as it needs numpy) or the conduction study.
LAB_TARGETS = (
    "healthy",
    "benign-fasciculations",
    "root-compression",
    "motor-neurone-disease",
    "conduction",
)


_TARGET = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
# [ \t] rather than \s, so no match spans two lines. Each pattern starts with a literal, which
# lets the regex engine skip ahead quickly through long lesson bodies.
_MARKDOWN_LINK = re.compile(r"\]\([ \t]*<?([^)\s>]+)>?(?:[ \t]+\"[^\"\n]*\")?[ \t]*\)")
# An HTML link is href= or src= and a quoted value. It is found from the end of its name and
# the name checked behind it: searched from the name with IGNORECASE, the engine tried a full
# match at every character of a body (some milliseconds a lesson).
_HTML_NAME = re.compile(r"(?:href|src)[ \t]*", re.IGNORECASE)
# The last letter of the name, blanks and "=": a character set first, which the engine jumps to.
_HTML_NAME_END = re.compile(r"[fFcC][ \t]*=")
_HTML_VALUE = re.compile(r"""=[ \t]*["']([^"'\n]+)["']""")


@dataclass(frozen=True)
class Link:
    """A parsed in-app link."""

    kind: LinkKind
    target: str
    anchor: str = ""

    def __str__(self) -> str:
        text = f"{self.kind}:{self.target}"
        return f"{text}#{self.anchor}" if self.anchor else text


class LinkError(ValueError):
    """A link that is not one of ours, or is malformed."""


def parse_link(href: str) -> Link:
    """Parse an in-app link.

    Raises:
        LinkError: with a message fit for a content author when ``href`` is not followable.
    """
    scheme, sep, rest = href.strip().partition(":")
    if not sep:
        raise LinkError(
            f"link {href!r} has no scheme (expected anatomy:, lesson:, quiz:, stretch:, "
            "check:, diary:, lab:)"
        )
    try:
        kind = LinkKind(scheme.lower())
    except ValueError:
        raise LinkError(f"link {href!r} leaves the app; only in-app links are allowed") from None
    if kind is LinkKind.ANATOMY and "?" in rest:
        # An atlas figure source (a lesson image): the query picks the view and depth.
        try:
            return Link(kind, parse_figure_source(href.strip()).structure)
        except FigureSourceError as error:
            raise LinkError(str(error)) from None
    target, _, anchor = rest.partition("#")
    if not _TARGET.match(target):
        raise LinkError(f"link {href!r} has a malformed target {target!r}")
    if anchor and (kind is not LinkKind.LESSON or not _TARGET.match(anchor)):
        raise LinkError(f"link {href!r} has an anchor; only lesson links may")
    return Link(kind, target, anchor)


def try_parse_link(href: str) -> Link | None:
    """Like :func:`parse_link`, but ``None`` for anything not followable."""
    try:
        return parse_link(href)
    except LinkError:
        return None


def find_links(text: str) -> list[tuple[str, int]]:
    """Every link target in Markdown or HTML ``text``, with its 1-based line within ``text``."""
    starts: list[tuple[int, str]] = []
    if "](" in text:
        starts.extend((match.start(), match.group(1)) for match in _MARKDOWN_LINK.finditer(text))
    if "=" in text:  # an HTML attribute needs one; most text has none
        starts.extend(_html_links(text))
        starts.sort()
    found: list[tuple[str, int]] = []
    line, counted_to = 1, 0
    for start, href in starts:
        line += text.count("\n", counted_to, start)
        counted_to = start
        found.append((href, line))
    return found


def _html_links(text: str) -> list[tuple[int, str]]:
    """``(start, value)`` of each ``href=``/``src=`` value, left to right, never overlapping:
    what one scan for the attribute name, blanks, ``=`` and a quoted value would find."""
    found: list[tuple[int, str]] = []
    resume = 0  # where the previous link ended
    candidate = _HTML_NAME_END.search(text)
    while candidate is not None:
        equals = candidate.end() - 1
        start = _html_name_start(text, candidate.start(), equals, resume)
        value = _HTML_VALUE.match(text, equals) if start >= 0 else None
        if value is None:
            candidate = _HTML_NAME_END.search(text, equals + 1)
            continue
        found.append((start, value.group(1)))
        resume = value.end()
        candidate = _HTML_NAME_END.search(text, resume)
    return found


def _html_name_start(text: str, last: int, equals: int, resume: int) -> int:
    """Where ``href`` or ``src`` starts, given where its last letter is, else -1."""
    for start in (last - 3, last - 2):  # "href", then "src"
        if start >= resume and _HTML_NAME.fullmatch(text, start, equals):
            return start
    return -1
