"""Content and assets are found from an installed (non-editable) wheel."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import app

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

CHECKOUT = Path(app.__file__).resolve().parent.parent


def test_wheel_installs_and_finds_its_content(tmp_path: Path) -> None:
    """Build the wheel, install it (without dependencies) into a fresh venv, run check-content.

    The new venv sees this interpreter's site-packages for PySide6 & co. so nothing is
    downloaded; the app itself comes only from the wheel (run outside the checkout).
    """
    source = tmp_path / "source"  # build from a copy: never write build/ into the checkout
    for name in ("app", "content", "assets"):
        shutil.copytree(
            CHECKOUT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "_data")
        )
    for name in ("pyproject.toml", "setup.py", "README.md", "MANIFEST.in", "LICENSE"):
        shutil.copy2(CHECKOUT / name, source / name)
    (source / "packaging").mkdir()  # the notices generator setup.py runs
    shutil.copy2(CHECKOUT / "packaging" / "make_notices.py", source / "packaging")
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(dist.glob("gluteal_atlas-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    site = next((env_dir / "lib").glob("python3*/site-packages"))
    parent_site = [p for p in sys.path if p.endswith("site-packages")]
    (site / "parent.pth").write_text("\n".join(parent_site) + "\n")
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    result = subprocess.run(
        [str(env_dir / "bin" / "gluteal-atlas"), "check-content"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "content OK" in result.stdout
    assert str(site) in result.stdout  # found inside the installed package, not the checkout
    assert wheel.name.startswith(f"gluteal_atlas-{app.__version__}-")  # the one version source
    notices = json.loads((site / "app" / "_data" / "notices" / "third-party.json").read_text())
    assert notices["app"]["version"] == app.__version__
    assert {"PySide6_Essentials", "numpy"} <= {c["name"] for c in notices["components"]}
