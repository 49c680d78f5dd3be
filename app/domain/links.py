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
_HTML_LINK = re.compile(r"""(?:href|src)[ \t]*=[ \t]*["']([^"'\n]+)["']""", re.IGNORECASE)


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
    matches = list(_MARKDOWN_LINK.finditer(text)) if "](" in text else []
    if "=" in text:  # an HTML attribute needs one; most text has none
        matches.extend(_HTML_LINK.finditer(text))
        matches.sort(key=lambda match: match.start())
    found: list[tuple[str, int]] = []
    line, counted_to = 1, 0
    for match in matches:
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        found.append((match.group(1), line))
    return found
