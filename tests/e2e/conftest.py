"""End-to-end fixtures: the PyInstaller bundle, built once per test session.

A build takes a minute or more on a 2-core machine, so every test that needs the bundle (its
size and content, the kiosk under cage, the Debian packages) shares this one. It goes to a
temporary folder, so the checkout's dist/ is never touched. Set GLUTEAL_ATLAS_SKIP_BUNDLE_TEST=1
to skip them all locally.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import app

CHECKOUT = Path(app.__file__).resolve().parent.parent
SPEC = CHECKOUT / "packaging" / "gluteal-atlas.spec"
NAME = "gluteal-atlas"


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle (``…/dist/gluteal-atlas``), built on first use."""
    if os.environ.get("GLUTEAL_ATLAS_SKIP_BUNDLE_TEST"):
        pytest.skip("GLUTEAL_ATLAS_SKIP_BUNDLE_TEST is set")
    if not sys.platform.startswith("linux"):
        pytest.skip("the spec targets Linux")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=work,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return work / "dist" / NAME
