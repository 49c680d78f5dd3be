"""The source of an atlas figure in a lesson: ``anatomy:<structure>?view=<view>&depth=<1-4>``.

A Markdown image whose source is an ``anatomy:`` link draws the atlas itself, peeled to a depth,
with one structure highlighted — so the lesson figure can never drift from the atlas. The
query is optional: the posterior view and the shallowest depth that shows the structure are
the defaults the page chooses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The atlas views a figure may ask for (the atlas's own ``View`` values).
FIGURE_VIEWS = ("posterior", "lateral")
FIGURE_DEPTHS = (1, 2, 3, 4)
_SOURCE = re.compile(r"^anatomy:([a-z0-9][a-z0-9-]{0,79})(?:\?([a-z0-9=&;-]{0,80}))?$")


class FigureSourceError(ValueError):
    """A malformed atlas figure source; the message is fit for a content author."""


@dataclass(frozen=True)
class AtlasFigure:
    """What an ``anatomy:`` image asks to see.

    Attributes:
        depth: 1 (skin-deep) to 4 (deepest); 0 means "the depth that shows it best".
    """

    structure: str
    view: str = "posterior"
    depth: int = 0


def is_figure_source(src: str) -> bool:
    """Whether ``src`` is shaped like an atlas figure source (cheap; no validation)."""
    return src.startswith("anatomy:")


def parse_figure_source(src: str) -> AtlasFigure:
    """Parse an ``anatomy:`` image source.

    Raises:
        FigureSourceError: when the structure id, the view or the depth is malformed.
    """
    match = _SOURCE.match(src.strip().replace("&amp;", "&"))
    if match is None:
        raise FigureSourceError(f"figure source {src[:100]!r} is not anatomy:<id>?view=…&depth=…")
    structure, query = match.group(1), match.group(2) or ""
    options = _options(src, query)
    view = options.pop("view", "posterior")
    if view not in FIGURE_VIEWS:
        raise FigureSourceError(f"figure source {src!r}: view must be one of {FIGURE_VIEWS}")
    depth = _depth(src, options.pop("depth", "0"))
    if options:
        raise FigureSourceError(f"figure source {src!r}: unknown option {sorted(options)[0]!r}")
    return AtlasFigure(structure, view, depth)


def _options(src: str, query: str) -> dict[str, str]:
    options: dict[str, str] = {}
    for part in filter(None, re.split(r"[&;]", query)):
        key, sep, value = part.partition("=")
        if not sep or key in options:
            raise FigureSourceError(f"figure source {src!r}: option {part!r} is malformed")
        options[key] = value
    return options


def _depth(src: str, text: str) -> int:
    depth = int(text) if text.isdigit() else -1
    if depth != 0 and depth not in FIGURE_DEPTHS:
        raise FigureSourceError(f"figure source {src!r}: depth must be 1 to 4")
    return depth


_IMAGE_FILE = re.compile(r"^[a-z0-9][a-z0-9_/-]{0,120}\.(?:svg|png|jpe?g)$")


def is_image_file(src: str) -> bool:
    """Whether ``src`` names a figure file relative to the content's image folders.

    Such a source is not a link; the renderer resolves it inside the allowed folders (and
    drops it if it is not there), and tests/content checks every shipped one exists.
    """
    return bool(_IMAGE_FILE.match(src)) and ".." not in src
