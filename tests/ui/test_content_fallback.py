"""A content folder with nothing usable falls back to the shipped content, and says so."""

from __future__ import annotations

from pathlib import Path

from app.domain.content import Content
from app.main import load_content_or_shipped
from app.services.resources import Resources


def test_unusable_override_falls_back_to_shipped_content(
    tmp_path: Path, resources: Resources, shipped_content: Content
) -> None:
    broken = tmp_path / "clinic"
    (broken / "lessons").mkdir(parents=True)
    (broken / "anatomy.toml").write_text("[[structures]\nid = ", encoding="utf-8")
    content = load_content_or_shipped(Resources(broken, resources.assets_dir))
    assert content.lessons.keys() == shipped_content.lessons.keys()
    assert content.structures.keys() == shipped_content.structures.keys()
    messages = [str(problem) for problem in content.problems]
    assert messages[0].startswith(f"{broken}:1: nothing usable here")
    assert any(message.startswith("anatomy.toml:1: TOML syntax error") for message in messages)


def test_usable_override_is_kept(tmp_path: Path, resources: Resources) -> None:
    own = tmp_path / "clinic"
    (own / "lessons").mkdir(parents=True)
    (own / "anatomy.toml").write_bytes((resources.content_dir / "anatomy.toml").read_bytes())
    content = load_content_or_shipped(Resources(own, resources.assets_dir))
    assert content.structures
    assert content.lessons == {}
    assert not any("nothing usable" in problem.message for problem in content.problems)
