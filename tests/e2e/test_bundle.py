"""The PyInstaller one-folder bundle: builds, stays small, finds its content, renders offscreen.

The bundle is built once per session (tests/e2e/conftest.py) and shared with the other tests
that need it. Set GLUTEAL_ATLAS_SKIP_BUNDLE_TEST=1 to skip locally.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import app

pytestmark = [
    pytest.mark.slow,
    pytest.mark.e2e,
    pytest.mark.skipif(
        bool(os.environ.get("GLUTEAL_ATLAS_SKIP_BUNDLE_TEST")),
        reason="GLUTEAL_ATLAS_SKIP_BUNDLE_TEST is set",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the spec targets Linux"),
]

CHECKOUT = Path(app.__file__).resolve().parent.parent
SPEC = CHECKOUT / "packaging" / "gluteal-atlas.spec"
NAME = "gluteal-atlas"
SIZE_LIMIT_MB = 200
#: Qt parts the app never uses; none may ship (file names inside the bundle).
UNWANTED = re.compile(r"WebEngine|Qt6?Qml|Qt6?Quick|Qt63D|VirtualKeyboard|Qt6?Pdf|qgtk3|ffmpeg")


def _run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=cwd,
        check=False,
        env={**os.environ, **env},
    )


def _size_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def test_bundle_is_small_and_leaves_out_unused_qt(bundle: Path) -> None:
    assert _size_mb(bundle) <= SIZE_LIMIT_MB
    unwanted = sorted(p.name for p in bundle.rglob("*") if UNWANTED.search(p.name))
    assert unwanted == []
    kept = {p.name.split(".")[0] for p in (bundle / "_internal" / "PySide6").glob("Qt*.so")}
    assert {"QtSvg", "QtMultimedia", "QtTextToSpeech", "QtPrintSupport"} <= kept


def test_bundle_checks_its_own_content(bundle: Path, tmp_path: Path) -> None:
    result = _run([str(bundle / NAME), "check-content"], cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    shipped = bundle / "_internal" / "app" / "_data" / "content"
    assert result.stdout.startswith(f"content OK: {shipped}")


def test_bundle_renders_every_page_offscreen(bundle: Path, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = _run(
        [str(bundle / NAME), "--data", str(tmp_path / "data"), "--screenshot", str(shots)],
        cwd=tmp_path,
        QT_QPA_PLATFORM="offscreen",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    pngs = sorted(shots.glob("*.png"))
    assert len(pngs) >= 6  # every page, then Home in high contrast
    assert all(p.stat().st_size > 10_000 for p in pngs)  # drawn, not blank


def test_bundle_paints_home_for_the_startup_probe(bundle: Path, tmp_path: Path) -> None:
    result = _run(
        [str(bundle / NAME), "--data", str(tmp_path / "data")],
        cwd=tmp_path,
        QT_QPA_PLATFORM="offscreen",
        GLUTEAL_ATLAS_EXIT_AFTER_PAINT="1",
    )
    assert result.returncode == 0, result.stderr
    assert "first-paint" in result.stdout.splitlines()


def test_install_script_puts_a_working_command_and_menu_entry(
    bundle: Path, tmp_path: Path
) -> None:
    prefix = tmp_path / "prefix"
    result = _run(
        [
            "sh",
            str(CHECKOUT / "packaging" / "install.sh"),
            "--bundle",
            str(bundle),
            "--prefix",
            str(prefix),
        ],
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    desktop = prefix / "share" / "applications" / "io.github.gluteal_atlas.GlutealAtlas.desktop"
    assert f"Exec={prefix}/bin/{NAME}\n" in desktop.read_text("utf-8")
    icon = prefix / "share" / "icons" / "hicolor" / "scalable" / "apps"
    assert (icon / "io.github.gluteal_atlas.GlutealAtlas.svg").is_file()
    installed = _run([str(prefix / "bin" / NAME), "check-content"], cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    assert str(prefix / "lib" / NAME) in installed.stdout
    if shutil.which("desktop-file-validate"):
        assert _run(["desktop-file-validate", str(desktop)], cwd=tmp_path).returncode == 0
