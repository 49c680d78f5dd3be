"""The notices generator traces each shipped file to where it came from, and admits what it cannot.

The walk over a real bundle is in test_deb.py (it shares that module's bundle build).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import app

CHECKOUT = Path(app.__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT / "packaging"))
import make_notices  # noqa: E402

needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="needs dpkg")


def _real(path: str) -> str:
    return os.path.realpath(path)


@needs_dpkg
def test_each_origin_gets_its_own_licence(tmp_path: Path) -> None:
    """App, Python distribution, interpreter and Debian files land in different components."""
    import markdown

    stray = tmp_path / "stray.so"
    stray.write_bytes(b"\x7fELF")
    dash = _real("/bin/sh")  # /bin/sh is dash on Debian: a file dpkg knows
    shipped = [
        make_notices.Shipped("_internal/app/__init__.py", app.__file__),
        make_notices.Shipped("_internal/markdown/__init__.py", markdown.__file__),
        make_notices.Shipped("_internal/os.py", os.__file__),
        make_notices.Shipped("_internal/sh", dash),
        make_notices.Shipped("_internal/stray.so", str(stray)),
    ]
    notices = make_notices.trace(shipped, "9.9.9")
    owners = {f: c.key for c in notices.components.values() for f in c.files}
    assert owners["_internal/app/__init__.py"] == "app"
    assert owners["_internal/markdown/__init__.py"] == "python:markdown"
    assert owners["_internal/os.py"] in {"cpython", "debian:libpython3.11-minimal"}
    package = owners["_internal/sh"].removeprefix("debian:")
    copyright_text = Path(f"/usr/share/doc/{package}/copyright").read_text("utf-8")
    assert notices.texts[owners["_internal/sh"]] == copyright_text
    assert notices.unclaimed == {"_internal/stray.so"}  # no catch-all


def test_qt_bindings_carry_the_lgpl_and_how_to_replace_qt(tmp_path: Path) -> None:
    """A PySide6 file brings the replacement note and the LGPLv3 and GPLv3 texts."""
    import PySide6

    qt_core = next(Path(PySide6.__file__).parent.glob("QtCore.*so"))
    shipped = [make_notices.Shipped("_internal/PySide6/QtCore.so", str(qt_core))]
    notices = make_notices.trace(shipped, "9.9.9")
    (component,) = notices.components.values()
    assert component.name.lower().startswith("pyside6")
    texts = [notices.texts[text_id] for text_id in component.text_ids]
    assert "Replacing the Qt libraries" in texts[0]
    assert "_internal/PySide6/Qt/lib/" in texts[0]
    assert any("GNU LESSER GENERAL PUBLIC LICENSE" in text for text in texts)
    assert any(text.lstrip().startswith("GNU GENERAL PUBLIC LICENSE") for text in texts)


def test_written_index_matches_the_plain_text(tmp_path: Path) -> None:
    """The JSON index About reads and the plain-text file name the same components."""
    import markdown

    shipped = [make_notices.Shipped("_internal/markdown/core.py", markdown.core.__file__)]
    notices = make_notices.trace(shipped, "9.9.9")
    json_path, text_path = make_notices.write_notices(notices, tmp_path, "9.9.9", "bundle")
    data = json.loads(json_path.read_text("utf-8"))
    assert data["app"]["version"] == "9.9.9"
    text = text_path.read_text("utf-8")
    for component in data["components"]:
        assert f"{component['name']} {component['version']} - {component['licence']}" in text
    assert data["texts"]["python:Markdown"].strip() in text


def test_version_has_one_source() -> None:
    """The packaging scripts read the same version the app reports."""
    assert make_notices.app_version() == app.__version__


def test_changelog_and_metainfo_name_the_current_release() -> None:
    """CHANGELOG.md's newest release is app.__version__, on the date AppStream gives it."""
    import re
    import xml.etree.ElementTree as ElementTree

    changelog = (CHECKOUT / "CHANGELOG.md").read_text("utf-8")
    released = re.findall(r"^## \[(\d[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", changelog, re.MULTILINE)
    assert "## [Unreleased]" in changelog
    assert released[0][0] == app.__version__
    metainfo = CHECKOUT / "packaging/linux/io.github.gluteal_atlas.GlutealAtlas.metainfo.xml"
    newest = ElementTree.parse(metainfo).getroot().find("releases/release")
    assert newest is not None
    assert (newest.get("version"), newest.get("date")) == released[0]
