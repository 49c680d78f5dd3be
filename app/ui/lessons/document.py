"""The lesson as a typeset HTML document: header, sanitised body, disclaimer; and its style sheet.

The same HTML and style sheet feed the on-screen reader and the PDF export, so the handout
looks like the page. Sizes come from the theme's type scale, colours from its palette.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtGui import QFontDatabase

from app.domain.content import Content
from app.domain.lessons import Lesson
from app.domain.links import Link, LinkKind
from app.ui.theme import BODY_PX, Palette
from app.ui.widgets import DISCLAIMER

#: Serif faces for running text and sans faces for headings; the first one installed wins.
TEXT_FAMILIES = ("Source Serif 4", "Charter", "Literata", "C059", "Georgia", "Noto Serif")
HEADING_FAMILIES = ("Inter", "Noto Sans", "Cantarell", "DejaVu Sans", "Arial")
#: Running text is set a step larger than the interface: it is read, not scanned.
TEXT_STEP = 1.2
#: Target line length in average characters (comfortable reading is 60 to 75).
MEASURE_CHARS = 68

DOCTOR_LINKS = ("lesson:red-flags#see-a-doctor", "lesson:what-is-a-gluteal-twitch#see-a-doctor")
_PLAIN_TABLE = "<table>"
#: An image alone in its paragraph is a figure; its Markdown title is the caption.
_FIGURE = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>")
_TITLE = re.compile(r'\stitle="([^"]*)"')


@dataclass(frozen=True)
class Typography:
    """Pixel sizes for one font scale."""

    scale: float

    def px(self, factor: float) -> int:
        return round(BODY_PX * TEXT_STEP * factor * self.scale)

    @property
    def text(self) -> int:
        return self.px(1.0)


def installed_family(candidates: tuple[str, ...], generic: str) -> str:
    """A CSS family list naming the first installed candidate (Qt does not fall back along
    a CSS list when drawing, so the list is resolved here)."""
    installed = set(QFontDatabase.families())
    found = next((name for name in candidates if name in installed), None)
    return f"'{found}', {generic}" if found else generic


def mix(colour: str, base: str, amount: float) -> str:
    """``amount`` of ``colour`` over ``base`` (both ``#rrggbb``)."""
    channels = [
        round(int(colour[i : i + 2], 16) * amount + int(base[i : i + 2], 16) * (1 - amount))
        for i in (1, 3, 5)
    ]
    return "#" + "".join(f"{channel:02x}" for channel in channels)


def lesson_css(p: Palette, scale: float) -> str:
    """The reader's style sheet (Qt's rich-text subset of CSS)."""
    t = Typography(scale)
    text_fonts = installed_family(TEXT_FAMILIES, "serif")
    heading_fonts = installed_family(HEADING_FAMILIES, "sans-serif")
    urgent_soft = mix(p.danger, p.surface, 0.14)
    # The last paragraph's bottom margin already sits inside the box, so pad less below.
    callout_padding = (
        f"padding-top: {t.px(0.9)}px; padding-bottom: {t.px(0.1)}px; "
        f"padding-left: {t.px(0.9)}px; padding-right: {t.px(0.9)}px;"
    )
    return f"""
body {{ font-size: {t.text}px; color: {p.text}; }}
p, li, dd, td, th, blockquote {{ font-family: {text_fonts}; font-size: {t.text}px; }}
p {{ margin-top: 0; margin-bottom: {t.px(0.8)}px; line-height: 150%; }}
li {{ margin-top: 0; margin-bottom: {t.px(0.3)}px; line-height: 145%; }}
ul, ol {{ margin-top: 0; margin-bottom: {t.px(0.9)}px; margin-left: 0; }}
h1, h2, h3, h4 {{ font-family: {heading_fonts}; color: {p.text}; line-height: 120%; }}
h1 {{ font-size: {t.px(2.0)}px; font-weight: 800; margin-top: 0; margin-bottom: {t.px(0.5)}px; }}
h2 {{ font-size: {t.px(1.4)}px; font-weight: 700; margin-top: {t.px(1.9)}px;
    margin-bottom: {t.px(0.6)}px; }}
h3 {{ font-size: {t.px(1.15)}px; font-weight: 700; margin-top: {t.px(1.3)}px;
    margin-bottom: {t.px(0.4)}px; }}
h4 {{ font-size: {t.text}px; font-weight: 700; margin-top: {t.px(1.0)}px; }}
a {{ color: {p.accent}; text-decoration: underline; }}
strong, b {{ font-weight: 700; }}
code {{ font-family: 'DejaVu Sans Mono', monospace; background-color: {p.surface_alt}; }}
p.eyebrow {{ font-family: {heading_fonts}; font-size: {t.px(0.72)}px; font-weight: 700;
    color: {p.accent}; margin-bottom: {t.px(0.5)}px; }}
p.lead {{ font-size: {t.px(1.12)}px; color: {p.text_muted}; line-height: 135%;
    margin-bottom: {t.px(0.4)}px; }}
dl {{ margin-top: 0; margin-bottom: {t.px(0.75)}px; }}
dt {{ font-family: {heading_fonts}; font-weight: 700; color: {p.accent};
    margin-top: {t.px(0.6)}px; }}
dd {{ margin-left: {t.px(1.2)}px; margin-bottom: {t.px(0.5)}px; line-height: 145%; }}
table.data {{ border-collapse: collapse; margin-top: {t.px(0.4)}px;
    margin-bottom: {t.px(1.0)}px; border-color: {p.border}; }}
table.data th {{ font-family: {heading_fonts}; font-size: {t.px(0.86)}px; font-weight: 700;
    text-align: left; background-color: {p.surface_alt}; padding: {t.px(0.5)}px; }}
table.data td {{ font-size: {t.px(0.92)}px; padding: {t.px(0.5)}px;
    border-bottom: 1px solid {p.border}; }}
table.callout {{ border-collapse: collapse; margin-top: {t.px(0.5)}px;
    margin-bottom: {t.px(0.9)}px; }}
td.callout-bar-doctor {{ background-color: {p.warning}; }}
td.callout-bar-urgent {{ background-color: {p.danger}; }}
td.callout-doctor {{ background-color: {p.warning_soft}; {callout_padding} }}
td.callout-urgent {{ background-color: {urgent_soft}; {callout_padding} }}
td.callout-doctor strong {{ color: {p.warning}; }}
td.callout-urgent strong {{ color: {p.danger}; }}
blockquote {{ color: {p.text_muted}; margin-left: {t.px(1.2)}px; font-style: italic; }}
hr {{ color: {p.border}; }}
p.disclaimer {{ font-family: {heading_fonts}; font-size: {t.px(0.78)}px;
    color: {p.text_muted}; line-height: 135%; margin-top: {t.px(0.6)}px; }}
p.disclaimer a {{ font-family: {heading_fonts}; }}
p.refused {{ font-family: {heading_fonts}; color: {p.danger}; }}
p.figure {{ margin-top: {t.px(0.9)}px; margin-bottom: {t.px(0.3)}px; line-height: 100%; }}
p.caption {{ font-family: {heading_fonts}; font-size: {t.px(0.82)}px; color: {p.text_muted};
    line-height: 135%; margin-bottom: {t.px(1.1)}px; }}
p.caption b {{ font-family: {heading_fonts}; color: {p.text}; }}
"""


def doctor_link(content: Content) -> str:
    """Where "when to see a doctor" points: the red-flags lesson if shipped, else lesson 1."""
    for href in DOCTOR_LINKS:
        target, _, anchor = href.removeprefix("lesson:").partition("#")
        if content.resolves(Link(LinkKind.LESSON, target, anchor)):
            return href
    return ""


def quiz_link(content: Content, lesson: Lesson) -> str:
    """A ``quiz:`` link for the lesson's first topic that has questions ("" if none)."""
    for topic in lesson.topics:
        if content.resolves(Link(LinkKind.QUIZ, topic)):
            return f"quiz:{topic}"
    return ""


def lesson_html(
    lesson: Lesson, body_html: str, refused: str, position: tuple[int, int], doctor_href: str
) -> str:
    """The full document: eyebrow, title, summary, body (or why it was refused), disclaimer.

    Args:
        body_html: sanitised HTML from the lesson renderer.
        position: ``(number, count)`` of the lesson in the course.
    """
    number, count = position
    eyebrow = f"LESSON {number:,} OF {count:,}  ·  {lesson.minutes} MIN READ"
    body = body_html.replace(
        _PLAIN_TABLE, '<table class="data" width="100%" cellspacing="0" cellpadding="0">'
    )
    body = figure_blocks(body)
    if refused:
        body = f'<p class="refused">{html.escape(refused)}</p>'
    footer = html.escape(DISCLAIMER)
    if doctor_href:
        footer += f' <a href="{html.escape(doctor_href)}">When to see a doctor</a>'
    footer += ' · <a href="check:start">Red-flag self-check</a>'  # from every lesson
    return (
        f'<p class="eyebrow">{eyebrow}</p>'
        f"<h1>{html.escape(lesson.title)}</h1>"
        f'<p class="lead">{html.escape(lesson.summary)}</p>'
        f"{body}<hr/>"
        f'<p class="disclaimer">{footer}</p>'
    )


def figure_blocks(body_html: str) -> str:
    """Centre each lone image and set its title under it as a numbered caption.

    The title was sanitised with the rest of the body, so it is already escaped HTML.
    """
    number = 0

    def block(match: re.Match[str]) -> str:
        nonlocal number
        number += 1
        # Never wider than the text column (large type in a narrow window): Qt scales it down.
        # Qt takes the percentage of the page without the reader's side margins (24 px each
        # at narrow widths), so 90% keeps clear of them down to a 480 px wide reader.
        image = match.group(1).replace("<img ", '<img style="max-width: 90%" ', 1)
        title = _TITLE.search(image)
        caption = title.group(1).strip() if title else ""
        label = f"<b>Figure {number}.</b> {caption}" if caption else f"<b>Figure {number}</b>"
        return f'<p class="figure" align="center">{image}</p><p class="caption">{label}</p>'

    return _FIGURE.sub(block, body_html)


def has_id(document_html: str, anchor: str) -> bool:
    """Whether an element in the HTML carries ``id="anchor"`` (used by tests and the TOC)."""
    return re.search(rf'\sid="{re.escape(anchor)}"', document_html) is not None
