"""Every lesson has figures with alt text and captions; the figure files exist, match their
generators, and use only palette colours so the high-contrast theme can recolour them."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from app.domain.content import Content
from app.domain.figure_source import is_figure_source, parse_figure_source
from app.services.diagram_loader import load_diagram
from app.services.resources import Resources
from app.ui.theme import LIGHT, Palette

ROOT = Path(__file__).resolve().parents[2]
#: ``![alt](src "caption")`` — the caption is required, so the pattern demands it.
FIGURE = re.compile(r'!\[([^\]]*)\]\(([^)\s]+)(?:\s+"([^"]*)")?\)')
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def figures(content: Content) -> list[tuple[str, str, str, str]]:
    """(lesson id, alt, src, caption) for every image in every lesson."""
    return [
        (lesson.id, alt, src, caption or "")
        for lesson in content.lessons.values()
        for alt, src, caption in FIGURE.findall(lesson.body)
    ]


def load_script(name: str) -> ModuleType:
    """Import a generator from packaging/ (they are scripts, not part of the app)."""
    sys.path.insert(0, str(ROOT / "packaging"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_lesson_has_a_figure(shipped_content: Content) -> None:
    """Each lesson shows at least one figure."""
    with_figures = {lesson_id for lesson_id, *_ in figures(shipped_content)}
    assert with_figures == set(shipped_content.lessons)


def test_every_figure_has_alt_text_and_a_caption(shipped_content: Content) -> None:
    """Alt text describes the picture and the caption says what it shows: both are needed."""
    for lesson_id, alt, src, caption in figures(shipped_content):
        assert len(alt.split()) >= 6, f"{lesson_id}: {src} needs alt text that describes it"
        assert len(caption.split()) >= 6, f"{lesson_id}: {src} needs a caption (Markdown title)"


def test_figure_sources_resolve(shipped_content: Content, resources: Resources) -> None:
    """Files exist in the assets; atlas sources name a structure drawn in that view."""
    for lesson_id, _, src, _ in figures(shipped_content):
        if is_figure_source(src):
            figure = parse_figure_source(src)
            diagram = load_diagram(resources, figure.view)
            assert diagram.shape(figure.structure) is not None, f"{lesson_id}: {src}"
        else:
            assert resources.asset(src) is not None, f"{lesson_id}: {src} is missing"


def test_the_gluteal_layers_come_from_the_atlas(shipped_content: Content) -> None:
    """The anatomy lesson draws its layers from the atlas, one depth per layer."""
    sources = [src for lesson_id, _, src, _ in figures(shipped_content) if is_figure_source(src)]
    depths = {parse_figure_source(src).depth for src in sources}
    assert {1, 2, 3} <= depths


@pytest.mark.parametrize("script", ["make_lesson_figures", "make_stretch_figures"])
def test_generated_figures_are_up_to_date(script: str) -> None:
    """The SVGs on disk are exactly what their generator draws (rerun it after a change)."""
    assert load_script(script).main(["--check"]) == 0


def palette_colours(palette: Palette) -> set[str]:
    return {
        getattr(palette, field.name).lower()
        for field in dataclasses.fields(Palette)
        if field.name != "name"
    }


def test_lesson_figures_use_only_palette_colours() -> None:
    """Any other colour would not change with the theme and could vanish in high contrast."""
    allowed = palette_colours(LIGHT)
    for path in sorted((ROOT / "assets" / "lessons").glob("*.svg")):
        used = {colour.lower() for colour in HEX.findall(path.read_text(encoding="utf-8"))}
        assert used <= allowed, f"{path.name}: {sorted(used - allowed)}"


def test_red_flag_figure_is_drawn_from_the_self_check_rules() -> None:
    """Every flag the self-check asks about appears in the flow figure, and every outcome."""
    rules = tomllib.loads((ROOT / "content" / "red-flags.toml").read_text(encoding="utf-8"))
    drawn = (ROOT / "assets" / "lessons" / "red-flag-flow.svg").read_text(encoding="utf-8")
    words = re.sub(r"<[^>]+>", " ", drawn)
    words = re.sub(r"\s+", " ", words.replace("&amp;", "&")).lower()
    for outcome in rules["outcomes"]:
        assert outcome["title"].lower() in words
    for question in rules["questions"]:
        first_word = question["flag"].split()[0].lower()
        assert first_word in words, question["flag"]


def test_every_stretch_figure_highlights_one_target() -> None:
    """One red target muscle per illustration, and a title naming the stretch."""
    stretch_pose = load_script("stretch_pose")
    for path in sorted((ROOT / "assets" / "stretches").glob("*.svg")):
        text = path.read_text(encoding="utf-8")
        assert text.count(f'fill="{stretch_pose.TARGET}"') == 1, path.name
        assert re.search(r"<title>[^<]{5,}</title>", text), path.name


def test_each_stretch_names_an_existing_illustration(
    shipped_content: Content, resources: Resources
) -> None:
    for stretch in shipped_content.stretches.values():
        assert resources.asset(stretch.illustration) is not None, stretch.id


def test_stretch_figures_fill_their_thumbnail(qapp: object) -> None:
    """At list-thumbnail size (150 x 100) each figure's ink spans most of the panel."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    for path in sorted((ROOT / "assets" / "stretches").glob("*.svg")):
        image = QImage(150, 100, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        QSvgRenderer(str(path)).render(painter, QRectF(0, 0, 150, 100))
        painter.end()
        # Dark and pale limbs count; the panel, mat and floor line are lighter than this.
        ink = [
            (x, y)
            for y in range(100)
            for x in range(150)
            if QColor(image.pixel(x, y)).lightness() < 175
        ]
        width = max(x for x, _ in ink) - min(x for x, _ in ink)
        height = max(y for _, y in ink) - min(y for _, y in ink)
        # Big along its main direction (lying: across; standing or kneeling: up), and never a
        # sliver the other way (child's pose is the flattest, about a fifth of the panel).
        assert max(width / 150, height / 100) >= 0.55, f"{path.name} is too small"
        assert min(width / 150, height / 100) >= 0.18, f"{path.name} is a sliver"


def test_two_link_joints_keep_their_segment_lengths() -> None:
    """Knees and elbows found by the pose solver keep thigh and shin at their real lengths."""
    pose = load_script("stretch_pose")
    hip = (0.0, 90.0, 0.0)
    for end in [(30.0, 10.0, 0.0), (60.0, 60.0, 10.0), (10.0, 40.0, -20.0)]:
        knee, ankle = pose.two_link(hip, end, pose.THIGH, pose.SHIN, (1.0, 0.0, 0.0))
        thigh = sum((a - b) ** 2 for a, b in zip(hip, knee, strict=True)) ** 0.5
        shin = sum((a - b) ** 2 for a, b in zip(knee, ankle, strict=True)) ** 0.5
        assert thigh == pytest.approx(pose.THIGH, rel=1e-6)
        assert shin == pytest.approx(pose.SHIN, rel=1e-6)
        assert knee[0] > 0  # bends the way it was asked to
