"""A few SVG building blocks shared by the figure generators in packaging/.

Colours are the light theme's palette roles (app.ui.theme.LIGHT); the lesson reader swaps each
one for the same role in the current theme, so a figure drawn here stays readable in the
high-contrast theme. Use only palette colours for anything that carries meaning.
"""

from __future__ import annotations

from html import escape

from app.ui.theme import LIGHT

P = LIGHT
FONT = "DejaVu Sans, Noto Sans, sans-serif"
Point = tuple[float, float]


def document(width: int, height: int, title: str, body: list[str]) -> str:
    """A whole SVG file with a panel background and an accessible title."""
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}">',
            f"<title>{escape(title)}</title>",
            f'<rect x="0" y="0" width="{width}" height="{height}" rx="14" fill="{P.surface}" '
            f'stroke="{P.border}" stroke-width="1.5"/>',
            *body,
            "</svg>\n",
        ]
    )


def text(
    x: float,
    y: float,
    words: str,
    *,
    size: float = 13,
    colour: str = P.text,
    anchor: str = "start",
    bold: bool = False,
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" '
        f'fill="{colour}" text-anchor="{anchor}"{weight}>{escape(words)}</text>'
    )


def lines_of_text(
    x: float, y: float, rows: list[str], *, size: float = 13, colour: str = P.text
) -> list[str]:
    """Several lines of text, 1.3 times the size apart."""
    return [
        text(x, y + i * size * 1.3, row, size=size, colour=colour) for i, row in enumerate(rows)
    ]


def rect(
    x: float,
    y: float,
    w: float,
    h: float,
    *,
    fill: str,
    stroke: str = "none",
    width: float = 1.5,
    radius: float = 8,
) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{radius}" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>'
    )


def circle(
    x: float, y: float, r: float, *, fill: str, stroke: str = "none", width: float = 1.5
) -> str:
    return (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="{width}"/>'
    )


def path(d: str, *, stroke: str, width: float = 2, fill: str = "none", dash: str = "") -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<path d="{d}" fill="{fill}" stroke="{stroke}" stroke-width="{width}" '
        f'stroke-linecap="round" stroke-linejoin="round"{dashes}/>'
    )


def polyline(points: list[Point], *, stroke: str, width: float = 2, dash: str = "") -> str:
    d = "M " + " L ".join(f"{x:.1f} {y:.1f}" for x, y in points)
    return path(d, stroke=stroke, width=width, dash=dash)


def arrow(a: Point, b: Point, *, colour: str = P.text_muted, width: float = 2) -> str:
    """A straight arrow from ``a`` to ``b`` with a filled head."""
    (x1, y1), (x2, y2) = a, b
    length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1e-6)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    head = 9.0
    bx, by = x2 - ux * head, y2 - uy * head
    left = (bx - uy * head * 0.55, by + ux * head * 0.55)
    right = (bx + uy * head * 0.55, by - ux * head * 0.55)
    return path(f"M {x1:.1f} {y1:.1f} L {bx:.1f} {by:.1f}", stroke=colour, width=width) + (
        f'<path d="M {x2:.1f} {y2:.1f} L {left[0]:.1f} {left[1]:.1f} '
        f'L {right[0]:.1f} {right[1]:.1f} Z" fill="{colour}"/>'
    )


def box(
    x: float,
    y: float,
    w: float,
    h: float,
    rows: list[str],
    *,
    fill: str = P.surface_alt,
    stroke: str = P.border,
    bold_first: bool = True,
    size: float = 12.5,
) -> list[str]:
    """A rounded box with centred lines of text (the first bold)."""
    parts = [rect(x, y, w, h, fill=fill, stroke=stroke)]
    top = y + h / 2 - (len(rows) - 1) * size * 0.65 + size * 0.35
    for index, row in enumerate(rows):
        parts.append(
            text(
                x + w / 2,
                top + index * size * 1.3,
                row,
                size=size,
                anchor="middle",
                bold=bold_first and index == 0,
            )
        )
    return parts
