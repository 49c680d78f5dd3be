"""Desktop integration files agree with each other and pass the freedesktop validators."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import app

CHECKOUT = Path(app.__file__).resolve().parent.parent
LINUX = CHECKOUT / "packaging" / "linux"
ID = "io.github.gluteal_atlas.GlutealAtlas"
DESKTOP = LINUX / f"{ID}.desktop"
METAINFO = LINUX / f"{ID}.metainfo.xml"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_runs_the_console_script_with_the_shipped_icon() -> None:
    scripts = tomllib.loads((CHECKOUT / "pyproject.toml").read_text("utf-8"))["project"]
    entry = _entry()
    assert entry["Exec"] in scripts["scripts"]
    assert entry["Icon"] == ID
    assert entry["StartupWMClass"] == app.APP_ID
    icon = LINUX / f"{ID}.svg"
    assert icon.resolve() == (CHECKOUT / "assets" / "icons" / "app.svg").resolve()


def test_metainfo_names_the_desktop_entry_and_the_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == _entry()["Exec"]
    assert root.find("releases/release").get("version") == app.__version__  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("tool", "args", "target"),
    [
        ("appstreamcli", ["validate", "--no-net"], METAINFO),
        ("desktop-file-validate", [], DESKTOP),
    ],
)
def test_validators_accept_the_files(tool: str, args: list[str], target: Path) -> None:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (apt-get install appstream desktop-file-utils)")
    result = subprocess.run(
        [path, *args, str(target)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
