"""Build the Debian packages from a PyInstaller bundle: ``make deb`` runs this.

- ``gluteal-atlas_<version>_amd64.deb``: the bundle in /opt/gluteal-atlas, a /usr/bin launcher,
  the desktop entry, icon and AppStream metadata in their standard places, and the third-party
  notices as /usr/share/doc/gluteal-atlas/copyright.
- ``gluteal-atlas-kiosk_<version>_all.deb``: the kiosk unit from packaging/kiosk (shipped as it
  is), the example policy as the conffile /etc/gluteal-atlas/kiosk.toml, and a ``kiosk`` system
  user created in postinst.

Usage: python packaging/make_deb.py --bundle dist/gluteal-atlas --out dist [--work build/deb]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import time
from email.utils import formatdate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_notices

ROOT = make_notices.ROOT
HERE = ROOT / "packaging"
DEB = HERE / "deb"
NAME = "gluteal-atlas"
KIOSK = "gluteal-atlas-kiosk"
DESKTOP_ID = "io.github.gluteal_atlas.GlutealAtlas"
#: No public contact address exists yet; .invalid is the reserved "no such host" domain.
MAINTAINER = "Gluteal Atlas developers <maintainers@gluteal-atlas.invalid>"
APP_DIR = Path("opt") / NAME
#: Where Debian 12's systemd looks for units that packages ship.
UNIT_DIR = Path("lib/systemd/system")

APP_DESCRIPTION = """\
Offline atlas, course, quiz and stretch timer for the gluteal region
 Gluteal Atlas teaches the anatomy of the buttock, explains buttock muscle
 twitching (fasciculations) and guides stretch routines, entirely offline.
 It can also run unattended on a clinic kiosk (see gluteal-atlas-kiosk).
 .
 The program is a self-contained bundle in /opt/gluteal-atlas carrying its
 own Python, Qt and libraries; their licences are listed in About and in
 /usr/share/doc/gluteal-atlas/copyright."""

KIOSK_DESCRIPTION = """\
Gluteal Atlas as an unattended clinic kiosk under cage
 A systemd unit that runs Gluteal Atlas fullscreen under the cage Wayland
 compositor on tty1 as the dedicated user kiosk, restarting it whenever it
 stops, with an example policy in /etc/gluteal-atlas/kiosk.toml.
 .
 The unit is installed but not enabled: enable it with
 systemctl enable --now gluteal-atlas-kiosk.service"""


def put(source: Path, stage: Path, target: Path | str, mode: int = 0o644) -> Path:
    """Copy one file into the staging tree at ``target`` with ``mode``."""
    destination = stage / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, destination)
    destination.chmod(mode)
    return destination


def write(stage: Path, target: Path | str, text: str, mode: int = 0o644) -> Path:
    destination = stage / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(text, "utf-8")
    destination.chmod(mode)
    return destination


def write_gzip(stage: Path, target: Path | str, data: bytes) -> None:
    """A gzip file with no timestamp inside, so repeated builds are identical."""
    destination = stage / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    with destination.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write(data)
    destination.chmod(0o644)


def release_date() -> str:
    """RFC 2822 date of the last commit (SOURCE_DATE_EPOCH wins), so builds repeat exactly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
        )
        epoch = done.stdout.strip() or str(int(time.time()))
    return formatdate(int(epoch))


def add_docs(stage: Path, package: str, version: str, copyright_text: str) -> None:
    """copyright and the Debian changelog every package must carry."""
    docs = Path("usr/share/doc") / package
    write(stage, docs / "copyright", copyright_text)
    entry = (
        f"{package} ({version}) unstable; urgency=medium\n\n"
        f"  * Release {version}. What changed: CHANGELOG.md in the source.\n\n"
        f" -- {MAINTAINER}  {release_date()}\n"
    )
    write_gzip(stage, docs / "changelog.gz", entry.encode("utf-8"))


def stage_app(bundle: Path, stage: Path, version: str) -> None:
    shutil.copytree(bundle, stage / APP_DIR, symlinks=True)
    for library in (stage / APP_DIR).rglob("*.so*"):
        if library.is_file() and not library.is_symlink():
            library.chmod(0o644)  # loaded, never run: Debian ships libraries without the x bit
    launcher = f'#!/bin/sh\nexec /{APP_DIR}/{NAME} "$@"\n'
    write(stage, f"usr/bin/{NAME}", launcher, 0o755)
    linux = HERE / "linux"
    put(linux / f"{DESKTOP_ID}.desktop", stage, f"usr/share/applications/{DESKTOP_ID}.desktop")
    put(
        linux / f"{DESKTOP_ID}.metainfo.xml",
        stage,
        f"usr/share/metainfo/{DESKTOP_ID}.metainfo.xml",
    )
    icon = f"usr/share/icons/hicolor/scalable/apps/{DESKTOP_ID}.svg"
    put(linux / f"{DESKTOP_ID}.svg", stage, icon)
    put(DEB / f"{NAME}.lintian-overrides", stage, f"usr/share/lintian/overrides/{NAME}")
    write_gzip(stage, f"usr/share/man/man1/{NAME}.1.gz", (DEB / f"{NAME}.1").read_bytes())
    notices = bundle / make_notices.TEXT_NAME
    add_docs(stage, NAME, version, notices.read_text("utf-8"))


def stage_kiosk(stage: Path, version: str) -> None:
    kiosk = HERE / "kiosk"
    put(kiosk / f"{KIOSK}.service", stage, UNIT_DIR / f"{KIOSK}.service")
    put(kiosk / "kiosk.toml", stage, f"etc/{NAME}/kiosk.toml")
    put(kiosk / "cage-session.sh", stage, f"usr/share/{NAME}/kiosk/cage-session.sh", 0o755)
    put(DEB / f"{KIOSK}.lintian-overrides", stage, f"usr/share/lintian/overrides/{KIOSK}")
    for script in ("postinst", "prerm", "postrm"):
        put(DEB / f"{KIOSK}.{script}", stage, f"DEBIAN/{script}", 0o755)
    write(stage, "DEBIAN/conffiles", f"/etc/{NAME}/kiosk.toml\n")
    licence = (ROOT / "LICENSE").read_text("utf-8")
    add_docs(stage, KIOSK, version, f"Gluteal Atlas kiosk files\n\n{licence}")


# --- what the bundle still needs from the system ----------------------------------------------


def elf_files(bundle: Path) -> list[Path]:
    """The executable and every shared object in the bundle (links left out)."""
    found = [path for path in bundle.rglob("*.so*") if path.is_file() and not path.is_symlink()]
    return [bundle / NAME, *sorted(found)]


def needed_from_system(bundle: Path) -> set[str]:
    """Sonames the bundle's ELF files link against but do not carry themselves."""
    done = subprocess.run(
        ["objdump", "-p", *map(str, elf_files(bundle))], capture_output=True, text=True, check=True
    )
    needed = {
        line.split()[1] for line in done.stdout.splitlines() if line.strip().startswith("NEEDED")
    }
    carried = {path.name for path in bundle.rglob("*.so*")}
    return needed - carried


def system_paths(sonames: set[str]) -> dict[str, str]:
    """Soname → path of the 64-bit library the dynamic linker would load."""
    done = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True)
    paths: dict[str, str] = {}
    for line in done.stdout.splitlines():
        name, _, rest = line.strip().partition(" (")
        if name in sonames and "x86-64" in rest:
            paths.setdefault(name, rest.rpartition(" => ")[2])
    return paths


def depends(bundle: Path) -> str:
    """Depends: the packages of the system libraries the bundle links, libc6 versioned.

    glibc is the one the bundle's binaries were linked against on the build machine, so it must
    be at least that version; the others keep stable sonames and need no version.
    """
    sonames = needed_from_system(bundle)
    paths = system_paths(sonames)
    missing = sorted(sonames - paths.keys())
    if missing:
        raise SystemExit(f"make_deb: cannot find system libraries {missing}")
    packages = sorted(set(make_notices.debian_owners(paths.values()).values()))
    glibc = make_notices.package_version("libc6").split("-")[0]
    return ", ".join(f"{p} (>= {glibc})" if p == "libc6" else p for p in packages)


# --- control files and the build --------------------------------------------------------------


def installed_size_kib(stage: Path) -> int:
    files = [p for p in stage.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum((p.stat().st_size + 1023) // 1024 for p in files if "DEBIAN" not in p.parts)


def md5sums(stage: Path) -> str:
    lines = []
    for path in sorted(stage.rglob("*")):
        relative = path.relative_to(stage)
        if path.is_file() and not path.is_symlink() and relative.parts[0] != "DEBIAN":
            lines.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {relative.as_posix()}")
    return "\n".join(lines) + "\n"


def control(stage: Path, fields: dict[str, str], description: str) -> None:
    """DEBIAN/control and DEBIAN/md5sums for a staged package."""
    fields = {**fields, "Maintainer": MAINTAINER, "Installed-Size": str(installed_size_kib(stage))}
    text = "".join(f"{key}: {value}\n" for key, value in fields.items())
    write(stage, "DEBIAN/control", f"{text}Description: {description}\n")
    write(stage, "DEBIAN/md5sums", md5sums(stage))


def build(stage: Path, out: Path) -> Path:
    """dpkg-deb, with root-owned files without needing fakeroot.

    gzip, not dpkg's default xz: xz spends ~3 CPU minutes on the 190 MB bundle, gzip seconds.
    (zstd would be faster still, but lintian in Debian 12 rejects it as malformed.)
    """
    out.mkdir(parents=True, exist_ok=True)
    fields = dict(
        line.split(": ", 1)
        for line in (stage / "DEBIAN/control").read_text().splitlines()
        if ": " in line and not line.startswith(" ")
    )
    target = out / f"{fields['Package']}_{fields['Version']}_{fields['Architecture']}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(stage), str(target)],
        check=True,
        capture_output=True,
    )
    return target


def build_app(bundle: Path, work: Path, out: Path, version: str) -> Path:
    stage = fresh(work / NAME)
    stage_app(bundle, stage, version)
    fields = {
        "Package": NAME,
        "Version": version,
        "Architecture": "amd64",
        "Section": "education",
        "Priority": "optional",
        "Depends": depends(bundle),
        # Fonts and keyboard maps are read from the system by the bundled fontconfig and xkbcommon.
        "Recommends": "fonts-dejavu-core, xkb-data",
    }
    control(stage, fields, APP_DESCRIPTION)
    return build(stage, out)


def build_kiosk(work: Path, out: Path, version: str) -> Path:
    stage = fresh(work / KIOSK)
    stage_kiosk(stage, version)
    fields = {
        "Package": KIOSK,
        "Version": version,
        "Architecture": "all",
        "Section": "education",
        "Priority": "optional",
        "Depends": f"{NAME} (= {version}), cage, adduser",
    }
    control(stage, fields, KIOSK_DESCRIPTION)
    return build(stage, out)


def fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / NAME)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    args = parser.parse_args(argv)
    if not (args.bundle / NAME).is_file():
        parser.error(f"no bundle at {args.bundle} (run make dist first)")
    version = make_notices.app_version()
    for package in (
        build_app(args.bundle, args.work, args.out, version),
        build_kiosk(args.work, args.out, version),
    ):
        print(package)
    return 0


if __name__ == "__main__":
    sys.exit(main())
