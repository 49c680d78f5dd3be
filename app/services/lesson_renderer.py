"""Lesson Markdown → sanitised HTML that is safe to hand to Qt.

The body goes through Python-Markdown (toc with our own slugify, tables, attr_list, def_list,
sane_lists, and a small callout extension), then through nh3 with an allow-list. Only in-app
links (``anatomy:``, ``lesson:``, ``quiz:``, ``stretch:``) and ``#anchor`` links survive;
images survive only when they name a file inside one of the allowed folders.

Python-Markdown is super-linear on some inputs and Qt's layout on nested tables, so a body must
first fit the structural budget in ``app.domain.lesson_budget`` (the same check the content
gate applies when the lesson is loaded): a hostile body is refused in microseconds instead of
freezing the window.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

from app.domain.figure_source import FigureSourceError, is_figure_source, parse_figure_source
from app.domain.lesson_budget import budget_problem
from app.domain.links import try_parse_link
from app.domain.text import slugify
from app.services.resources import contained

#: Blockquotes whose first paragraph starts with one of these bold lead-ins become callouts.
CALLOUTS = {"see a doctor if": "doctor", "get urgent care": "urgent"}

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s", "small",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
    "ul",
}  # fmt: skip
_ATTRIBUTES = {
    "*": {"id", "class", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "table": {"width", "cellspacing", "cellpadding"},
    "td": {"width", "align", "colspan", "rowspan"},
    "th": {"width", "align", "colspan", "rowspan"},
    "ol": {"start"},
}
_CLEAN_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "title"}
_ANCHOR = re.compile(r"^#[A-Za-z0-9_-]{1,80}$")
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


@dataclass(frozen=True)
class RenderedBody:
    """The sanitised HTML of a lesson body, or why it was refused (``html`` is then empty)."""

    html: str
    refused: str = ""


class LessonRenderer:
    """Renders lesson bodies; keep one and reuse it (building Markdown costs a few ms).

    Args:
        image_roots: folders images may come from; any other image is dropped.
    """

    def __init__(self, image_roots: Sequence[Path] = ()) -> None:
        self._image_roots = tuple(image_roots)
        # Extension objects, not names: a name is looked up through the installed packages'
        # entry points, which took longer than building everything else.
        self._markdown = markdown.Markdown(
            extensions=[
                TocExtension(slugify=slugify, permalink=False),
                TableExtension(),
                AttrListExtension(),
                DefListExtension(),
                SaneListExtension(),
                CalloutExtension(),
            ],
            output_format="html",
        )

    def render(self, body: str) -> RenderedBody:
        """Sanitised HTML for ``body``; never raises for bad input."""
        # The same verdict check-content gave (content_gate): a body over budget is never parsed.
        problem = budget_problem(body)
        if problem is not None:
            return RenderedBody("", f"This lesson was not shown: it {problem}.")
        self._markdown.reset()
        try:
            raw = self._markdown.convert(body)
        except RecursionError:
            return RenderedBody("", "This lesson was not shown: it is nested too deeply.")
        return RenderedBody(self.sanitise(raw))

    def sanitise(self, html: str) -> str:
        """Reduce ``html`` to the allow-list; drop links that leave the app and stray images."""
        cleaned = str(
            nh3.clean(
                html,
                tags=_TAGS,
                clean_content_tags=_CLEAN_CONTENT,
                attributes=_ATTRIBUTES,
                attribute_filter=self._filter_attribute,
                url_schemes={"anatomy", "lesson", "quiz", "stretch"},
                link_rel=None,
                strip_comments=True,
            )
        )
        return _IMG_WITHOUT_SRC.sub("", cleaned)  # a refused image leaves no broken frame

    def _filter_attribute(self, tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href":
            return value if is_followable(value) else None
        if tag == "img" and attribute == "src":
            if is_figure_source(value):  # the atlas drawn by the app itself, never a file
                return value if _is_atlas_figure(value) else None
            return value if self.image_path(value) is not None else None
        return value

    def image_path(self, src: str) -> Path | None:
        """The file an image ``src`` names, if it lies inside an allowed folder."""
        if ":" in src or src.startswith(("/", "\\")):
            return None  # any scheme (http:, file:, data:) or absolute path
        for root in self._image_roots:
            path = contained(root, src)
            if path is not None and _is_regular_file(path):
                return path
        return None


def _is_atlas_figure(src: str) -> bool:
    try:
        parse_figure_source(src)
    except FigureSourceError:
        return False
    return True


def _is_regular_file(path: Path) -> bool:
    # Qt would open a named pipe or a device named like an image and block the window forever.
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def is_followable(href: str) -> bool:
    """Whether a link may stay a link: an in-page ``#anchor`` or an in-app link."""
    return bool(_ANCHOR.match(href)) or try_parse_link(href) is not None


class CalloutExtension(Extension):  # type: ignore[misc]
    """Turns "**See a doctor if** …" / "**Get urgent care** …" blockquotes into callout boxes."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown API)
        md.treeprocessors.register(_CalloutProcessor(md), "callouts", 5)


class _CalloutProcessor(Treeprocessor):  # type: ignore[misc]
    def run(self, root: ElementTree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in reversed(list(enumerate(parent))):
                if child.tag == "blockquote" and callout_kind(child) is not None:
                    parent.remove(child)
                    for offset, box in enumerate(_callout_boxes(child)):
                        parent.insert(index + offset, box)


def callout_kind(paragraph_or_quote: ElementTree.Element) -> str | None:
    """``"doctor"``/``"urgent"`` if the element (or its first child) opens with a lead-in."""
    element = paragraph_or_quote
    if element.tag == "blockquote":
        if len(element) == 0:
            return None
        element = element[0]
    if element.tag != "p" or (element.text or "").strip() or len(element) == 0:
        return None
    lead = element[0]
    if lead.tag != "strong":
        return None
    return CALLOUTS.get("".join(lead.itertext()).strip().rstrip(":").lower())


def _callout_boxes(quote: ElementTree.Element) -> list[ElementTree.Element]:
    """One table per lead-in paragraph; later plain paragraphs join the box before them."""
    boxes: list[ElementTree.Element] = []
    body: ElementTree.Element | None = None
    for child in quote:
        kind = callout_kind(child)
        if kind is not None or body is None:
            box, body = _callout_table(kind or "doctor")
            boxes.append(box)
        body.append(child)
    return boxes


def _callout_table(kind: str) -> tuple[ElementTree.Element, ElementTree.Element]:
    # QTextDocument draws neither borders nor backgrounds on divs, but it does on table cells:
    # a narrow coloured cell gives the box its left rule.
    # Qt's style sheets match one class per element reliably, so each part gets exactly one.
    table = ElementTree.Element("table", {"class": "callout", "width": "100%", "cellspacing": "0"})
    row = ElementTree.SubElement(table, "tr")
    ElementTree.SubElement(row, "td", {"class": f"callout-bar-{kind}", "width": "6"})
    body = ElementTree.SubElement(row, "td", {"class": f"callout-{kind}"})
    return table, body
