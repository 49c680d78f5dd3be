"""The atlas library: each view parsed once and shared, a broken file reported every time."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from app.domain.diagram_marks import View
from app.services.diagram_library import DiagramLibrary
from app.services.diagram_loader import VIEW_ASSETS, DiagramError
from app.services.resources import Resources, find_resources


@pytest.fixture
def assets(tmp_path: Path) -> Resources:
    """A copy of the shipped figures the test may damage."""
    shipped = find_resources()
    for relative in VIEW_ASSETS.values():
        target = tmp_path / "assets" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shipped.assets_dir / relative, target)
    return Resources(content_dir=shipped.content_dir, assets_dir=tmp_path / "assets")


def test_every_page_gets_the_same_parsed_figure(assets: Resources) -> None:
    library = DiagramLibrary(assets)
    first = library.diagram(View.POSTERIOR)
    (assets.assets_dir / VIEW_ASSETS[View.POSTERIOR]).unlink()  # no second read happens
    assert library.diagram("posterior") is first
    assert library.diagram(View.LATERAL).view is View.LATERAL


def test_a_broken_figure_gives_the_same_clear_error_to_every_page(assets: Resources) -> None:
    (assets.assets_dir / VIEW_ASSETS[View.LATERAL]).write_text("<svg><path", "utf-8")
    library = DiagramLibrary(assets)
    library.prefetch()  # the worker's prefetch swallows it; the pages that ask see it
    with pytest.raises(DiagramError) as first:
        library.diagram(View.LATERAL)
    with pytest.raises(DiagramError) as second:
        library.diagram(View.LATERAL)
    assert str(first.value) == str(second.value)
    assert "hip-lateral.svg" in str(first.value)
    assert library.diagram(View.POSTERIOR).view is View.POSTERIOR


def test_an_unknown_view_is_refused_by_name(assets: Resources) -> None:
    with pytest.raises(DiagramError, match="no atlas view 'front'"):
        DiagramLibrary(assets).diagram("front")


def test_a_page_asking_during_the_prefetch_gets_the_prefetched_figure(
    assets: Resources,
) -> None:
    library = DiagramLibrary(assets)
    worker = threading.Thread(target=library.prefetch)
    worker.start()
    asked = library.diagram(View.POSTERIOR)
    worker.join(30)
    assert library.diagram(View.POSTERIOR) is asked
