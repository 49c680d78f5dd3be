"""Resources are found one way, and never outside their folders."""

from __future__ import annotations

from pathlib import Path

from app.services.resources import contained, find_resources


def test_checkout_resources_are_found() -> None:
    resources = find_resources()
    assert (resources.content_dir / "anatomy.toml").is_file()
    assert resources.asset("icons/home.svg") is not None


def test_override_replaces_content_only(tmp_path: Path) -> None:
    resources = find_resources(tmp_path)
    assert resources.content_dir == tmp_path
    assert resources.asset("icons/home.svg") is not None


def test_paths_cannot_escape(tmp_path: Path) -> None:
    (tmp_path / "inside.txt").write_text("x")
    (tmp_path.parent / "outside.txt").write_text("x")
    (tmp_path / "link.txt").symlink_to(tmp_path.parent / "outside.txt")
    assert contained(tmp_path, "inside.txt") == (tmp_path / "inside.txt").resolve()
    for sneaky in ("../outside.txt", "/etc/passwd", "link.txt", "", "a\x00b"):
        assert contained(tmp_path, sneaky) is None
