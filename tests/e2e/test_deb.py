"""The release as clinics get it: every bundled file has a notice, and both Debian packages
build, pass lintian, install with apt, run, and purge clean.

Installing is real (apt-get on this machine), so those steps run only as root on a Debian
system without Gluteal Atlas already installed; CI runs them (see .ci/run).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import app

# `bundle` is the session's one build (tests/e2e/conftest.py), shared with the bundle tests.
pytestmark = [pytest.mark.slow, pytest.mark.e2e]

CHECKOUT = Path(app.__file__).resolve().parent.parent
NAME = "gluteal-atlas"
KIOSK = "gluteal-atlas-kiosk"
VERSION = app.__version__
NOTICES = Path("_internal/app/_data/notices/third-party.json")
APT = ["apt-get", "-y", "-q", "-o", "DPkg::Lock::Timeout=300"]


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, timeout=600, check=False, **kwargs
    )


def _claimed_files(folder: Path) -> dict[str, list[str]]:
    data = json.loads((folder / NOTICES).read_text("utf-8"))
    claimed: dict[str, list[str]] = {}
    for component in data["components"]:
        for path in component["files"]:
            claimed.setdefault(path, []).append(component["name"])
    return claimed


def test_every_bundled_file_has_a_notice(bundle: Path) -> None:
    """Walk the built bundle: each file (a link: the file it points to) has a component."""
    claimed = _claimed_files(bundle)
    missing = []
    for path in sorted(bundle.rglob("*")):
        if path.is_dir():
            continue
        target = path.resolve() if path.is_symlink() else path
        if target.relative_to(bundle.resolve()).as_posix() not in claimed:
            missing.append(path.relative_to(bundle).as_posix())
    assert missing == []
    assert (bundle / "THIRD-PARTY-NOTICES.txt").is_file()


def test_bundle_notices_name_what_the_issue_lists(bundle: Path) -> None:
    """Qt's LGPL, numpy's OpenBLAS and GCC runtime, and Debian's copyright files are there."""
    data = json.loads((bundle / NOTICES).read_text("utf-8"))
    assert data["app"]["version"] == VERSION
    assert data["unclaimed"] == []
    by_name = {c["name"].lower(): c for c in data["components"]}
    qt = by_name["pyside6_essentials"]
    assert "_internal/PySide6/Qt/lib/libQt6Core.so.6" in qt["files"]
    assert "LGPL-3" in qt["texts"]
    numpy_text = "".join(data["texts"][t] for t in by_name["numpy"]["texts"])
    assert "OpenBLAS" in numpy_text
    assert "GCC runtime library" in numpy_text
    debian = [c for c in data["components"] if c["key"].startswith("debian:")]
    assert len(debian) >= 20
    sndfile = by_name["libsndfile1"]
    assert data["texts"][sndfile["texts"][0]] == Path(
        "/usr/share/doc/libsndfile1/copyright"
    ).read_text("utf-8")


@pytest.fixture(scope="module")
def debs(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("needs dpkg-deb")
    work = tmp_path_factory.mktemp("deb")
    built = _run(
        [
            sys.executable,
            str(CHECKOUT / "packaging" / "make_deb.py"),
            "--bundle",
            str(bundle),
            "--out",
            str(work / "out"),
            "--work",
            str(work / "stage"),
        ]
    )
    assert built.returncode == 0, built.stderr
    return {Path(line).name.split("_")[0]: Path(line) for line in built.stdout.split()}


def test_packages_are_named_by_the_one_version(debs: dict[str, Path]) -> None:
    """gluteal-atlas_<version>_amd64.deb and gluteal-atlas-kiosk_<version>_all.deb."""
    assert debs[NAME].name == f"{NAME}_{VERSION}_amd64.deb"
    assert debs[KIOSK].name == f"{KIOSK}_{VERSION}_all.deb"
    contents = _run(["dpkg-deb", "--contents", str(debs[NAME])]).stdout
    for path in (
        "./opt/gluteal-atlas/gluteal-atlas",
        "./usr/bin/gluteal-atlas",
        "./usr/share/applications/io.github.gluteal_atlas.GlutealAtlas.desktop",
        "./usr/share/icons/hicolor/scalable/apps/io.github.gluteal_atlas.GlutealAtlas.svg",
        "./usr/share/metainfo/io.github.gluteal_atlas.GlutealAtlas.metainfo.xml",
        "./usr/share/doc/gluteal-atlas/copyright",
    ):
        assert f" {path}" in contents


def test_lintian_passes_with_explained_overrides(debs: dict[str, Path]) -> None:
    """No lintian error or warning is left unexplained."""
    if shutil.which("lintian") is None:
        pytest.skip("needs lintian")
    result = _run(["lintian", "--fail-on", "error,warning", *map(str, debs.values())])
    assert result.returncode == 0, result.stdout + result.stderr
    for overrides in (CHECKOUT / "packaging" / "deb").glob("*.lintian-overrides"):
        lines = overrides.read_text("utf-8").splitlines()
        for number, line in enumerate(lines):
            if line and not line.startswith("#"):  # each override has its reason just above
                assert lines[number - 1].startswith("# "), line


def _can_install() -> str | None:
    """Why a real install cannot run here, or None."""
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return "installing needs root and apt-get"
    if _run(["dpkg-query", "-W", "-f=${Status}", NAME]).stdout.startswith("install ok"):
        return "gluteal-atlas is already installed on this machine"
    return None


def _installed_version(package: str) -> str:
    return _run(["dpkg-query", "-W", "-f=${Version}", package]).stdout


def test_install_check_content_and_purge(debs: dict[str, Path], tmp_path: Path) -> None:
    """apt installs both; the command checks its content; purge leaves nothing behind."""
    reason = _can_install()
    if reason:
        pytest.skip(reason)
    try:
        result = _run([*APT, "install", str(debs[NAME]), str(debs[KIOSK])])
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr
        _check_installed(tmp_path)
    finally:
        purged = _run([*APT, "purge", NAME, KIOSK])
    assert purged.returncode == 0, purged.stdout[-3000:] + purged.stderr
    assert _installed_version(NAME) == _installed_version(KIOSK) == ""
    for gone in ("/opt/gluteal-atlas", "/usr/bin/gluteal-atlas", "/etc/gluteal-atlas"):
        assert not Path(gone).exists(), gone
    assert not Path("/var/lib/gluteal-atlas").exists()


def _check_installed(tmp_path: Path) -> None:
    assert _installed_version(NAME) == _installed_version(KIOSK) == VERSION
    version = _run(["/usr/bin/gluteal-atlas", "--version"], cwd=tmp_path)
    assert version.stdout.split() == [NAME, VERSION]
    checked = _run(["/usr/bin/gluteal-atlas", "check-content"], cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("content OK: /opt/gluteal-atlas/")
    assert _run(["getent", "passwd", "kiosk"]).returncode == 0
    conffiles = _run(["dpkg-query", "-W", "-f=${Conffiles}", KIOSK]).stdout
    assert "/etc/gluteal-atlas/kiosk.toml" in conffiles
    unit = Path("/lib/systemd/system/gluteal-atlas-kiosk.service")
    shipped_unit = CHECKOUT / "packaging" / "kiosk" / "gluteal-atlas-kiosk.service"
    assert unit.read_bytes() == shipped_unit.read_bytes()  # the kiosk unit as it is, not a fork
    copyright_text = Path("/usr/share/doc/gluteal-atlas/copyright").read_text("utf-8")
    assert "Replacing the Qt libraries" in copyright_text
