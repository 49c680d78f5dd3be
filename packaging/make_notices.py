"""Third-party notices for exactly what a build ships, generated from the shipped files.

Every file a build ships is traced back to where it came from, and that origin's licence
travels with it:

- files of an installed Python distribution (found through ``importlib.metadata`` RECORDs):
  the distribution's licence files and declared licence;
- files of the interpreter (libpython, the standard library): CPython's LICENSE.txt;
- any other file on the build machine: the Debian package that owns it (``dpkg -S``) and that
  package's ``/usr/share/doc/<package>/copyright``;
- Qt and PySide6 additionally carry the LGPL text and how to swap the shared Qt libraries.

Nothing falls back to a catch-all: a file with no known origin is listed as *unclaimed*, and
tests/e2e/test_notices.py fails on it. The spec (packaging/gluteal-atlas.spec) and setup.py
call :func:`write_notices`; the app reads the JSON index in About.
"""

from __future__ import annotations

import functools
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INDEX_NAME = "third-party.json"
TEXT_NAME = "THIRD-PARTY-NOTICES.txt"
#: Where the notices sit inside the app's data folder (bundle and wheel alike).
DATA_SUBDIR = "notices"
COMMON_LICENSES = Path("/usr/share/common-licenses")
QT_DISTRIBUTIONS = {"pyside6-essentials", "pyside6-addons", "shiboken6"}
_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)

QT_NOTE = """\
Qt 6 and PySide6 are used under the GNU Lesser General Public License version 3 (LGPLv3).
The texts of the LGPLv3 and of the GNU GPLv3 it builds on follow this note.

Replacing the Qt libraries. This program is a one-folder bundle: Qt and PySide6 are separate
shared libraries that the program loads when it starts, never linked into it statically. They
live in the bundle's _internal/PySide6/ folder (_internal/PySide6/Qt/lib/ for the libQt6*.so.6
files, _internal/PySide6/Qt/plugins/ for Qt's plug-ins, _internal/PySide6/*.so for the Python
bindings). To use a modified Qt, build the same Qt version ({version}) with your changes and
copy your libraries over those files, keeping their names; the program loads whatever is in
that folder. For the Debian package the folder is /opt/gluteal-atlas/_internal/PySide6/.

Source code. Qt's source is published by The Qt Company at https://download.qt.io/ and
https://code.qt.io/ ; PySide6 and Shiboken6 are in the pyside-setup repository on
code.qt.io. The version shipped here is {version}.
"""


@dataclass
class Component:
    """One origin of shipped files, with the texts that must travel with them."""

    key: str
    name: str
    version: str
    licence: str
    origin: str
    text_ids: list[str]
    files: set[str] = field(default_factory=set)


@dataclass
class Notices:
    """Components keyed by origin, shared long texts, and files nobody could claim."""

    components: dict[str, Component] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    unclaimed: set[str] = field(default_factory=set)

    def claim(self, component: Component, shipped_path: str) -> None:
        self.components.setdefault(component.key, component).files.add(shipped_path)


# --- Python distributions ---------------------------------------------------------------------


@functools.cache
def distribution_files() -> dict[str, metadata.Distribution]:
    """Real path of every installed file → the distribution whose RECORD lists it."""
    owners: dict[str, metadata.Distribution] = {}
    for dist in metadata.distributions():
        # Resolve the folder once: resolving each of ~15,000 files costs seconds of stat calls.
        base = os.path.realpath(str(dist.locate_file("")))
        for entry in dist.files or ():
            owners.setdefault(os.path.normpath(os.path.join(base, str(entry))), dist)
    return owners


def _field(dist: metadata.Distribution, name: str) -> str:
    """A metadata field's first value, or "" (``PackageMetadata`` has no typed ``get``)."""
    values = dist.metadata.get_all(name) or []
    return str(values[0]) if values else ""


def _declared_licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    declared = _field(dist, "License-Expression") or _field(dist, "License")
    if declared and len(declared) <= 200:
        return declared.strip()
    classifiers = [c for c in meta.get_all("Classifier") or () if c.startswith("License ::")]
    if classifiers:
        return "; ".join(c.split(" :: ")[-1] for c in classifiers)
    return declared.splitlines()[0] if declared else "see notice"


def _licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(label, text) of each licence file the distribution carries in its metadata."""
    texts = []
    for entry in dist.files or ():
        parts = entry.parts
        in_metadata = parts and parts[0].endswith((".dist-info", ".egg-info"))
        if in_metadata and _LICENCE_FILE.search(entry.name):
            texts.append(
                ("/".join(parts[1:]), Path(str(dist.locate_file(entry))).read_text("utf-8"))
            )
    return texts


def python_component(dist: metadata.Distribution, notices: Notices) -> Component:
    """The component for one Python distribution (Qt's get the LGPL text and the note)."""
    name = dist.metadata["Name"]
    key = f"python:{name.lower()}"
    if key in notices.components:
        return notices.components[key]
    text_id = f"python:{name}"
    parts = [f"{label}:\n\n{text}" for label, text in _licence_texts(dist)]
    text_ids = [text_id]
    if name.lower().replace("_", "-") in QT_DISTRIBUTIONS:
        parts.insert(0, QT_NOTE.format(version=dist.version))
        text_ids += _common_licence_ids(notices, ("LGPL-3", "GPL-3"))
    notices.texts[text_id] = "\n\n".join(parts) or f"{name}: {_declared_licence(dist)}"
    summary = _field(dist, "Summary")
    origin = f"Python distribution{': ' + summary if summary else ''}"
    return Component(key, name, dist.version, _declared_licence(dist), origin, text_ids)


def _common_licence_ids(notices: Notices, names: Iterable[str]) -> list[str]:
    ids = []
    for name in names:
        notices.texts[name] = (COMMON_LICENSES / name).read_text("utf-8")
        ids.append(name)
    return ids


# --- the interpreter and this app -------------------------------------------------------------


def interpreter_prefixes() -> tuple[str, ...]:
    """Folders of the running CPython (a pyenv or self-built one is not a Debian package)."""
    return tuple({os.path.realpath(sys.base_prefix) + os.sep})


def cpython_component(notices: Notices) -> Component:
    licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    notices.texts["cpython"] = licence.read_text("utf-8")
    version = platform.python_version()
    origin = "the Python interpreter and standard library"
    return Component("cpython", "Python", version, "PSF-2.0", origin, ["cpython"])


def app_component(notices: Notices, version: str) -> Component:
    notices.texts["app"] = (ROOT / "LICENSE").read_text("utf-8")
    origin = "this program: code, lessons, figures and sounds"
    return Component("app", "Gluteal Atlas", version, "MIT", origin, ["app"])


def app_version() -> str:
    """The one version source: ``app.__version__`` in app/__init__.py."""
    source = (ROOT / "app" / "__init__.py").read_text("utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', source, re.MULTILINE)
    if found is None:
        raise RuntimeError("app/__init__.py has no __version__")
    return found.group(1)


# --- Debian packages ----------------------------------------------------------------------------


#: Top-level folders that Debian's merged /usr makes reachable both with and without /usr.
_MERGED = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")


def _dpkg_candidates(path: str) -> list[str]:
    """Spellings dpkg may know a file by: as found, resolved, and across the /usr merge."""
    found = [path, os.path.realpath(path)]
    for spelled in list(found):
        top = spelled.split("/")[1:3]
        if top[0] == "usr" and len(top) > 1 and top[1] in _MERGED:
            found.append(spelled.removeprefix("/usr"))
        elif top[0] in _MERGED:
            found.append("/usr" + spelled)
    return list(dict.fromkeys(found))


def debian_owners(paths: Iterable[str]) -> dict[str, str]:
    """Source path → owning Debian package, for those dpkg knows (one ``dpkg -S`` call)."""
    paths = list(paths)
    spellings = {spelled: path for path in paths for spelled in _dpkg_candidates(path)}
    if not spellings or shutil.which("dpkg-query") is None:
        return {}  # not a Debian build machine: those files stay unclaimed, and the test says so
    done = subprocess.run(
        ["dpkg-query", "-S", *spellings], capture_output=True, text=True, check=False
    )
    owners: dict[str, str] = {}
    for line in done.stdout.splitlines():
        packages, _, spelled = line.partition(": ")
        if spelled in spellings and not packages.startswith("diversion"):
            package = packages.split(", ")[0].split(":")[0]
            owners.setdefault(spellings[spelled], package)
    return owners


def package_version(package: str) -> str:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or "unknown"


def copyright_licence(text: str) -> str:
    """The licence of a machine-readable copyright file's ``Files: *`` paragraph, if any."""
    for paragraph in re.split(r"\n\s*\n", text):
        if re.search(r"^Files:\s*\*\s*$", paragraph, re.MULTILINE):
            found = re.search(r"^License:\s*(\S.*)$", paragraph, re.MULTILINE)
            if found:
                return found.group(1).strip()
    named = [name for name, pattern in _LICENCE_NAMES if re.search(pattern, text)]
    return f"see notice ({', '.join(named)})" if named else "see notice"


#: Phrases that name a licence in a free-form copyright file, for the summary line only; the
#: full text is what counts, and it ships whole.
_LICENCE_NAMES = (
    ("LGPL", r"GNU (Library|Lesser) General Public"),
    ("GPL", r"GNU General Public License"),
    ("GCC runtime exception", r"GCC Runtime Library Exception"),
    ("MIT/X11-style", r"Permission is hereby granted"),
    ("BSD-style", r"Redistribution and use in source and binary forms"),
)


def debian_component(package: str, notices: Notices) -> Component:
    key = f"debian:{package}"
    if key in notices.components:
        return notices.components[key]
    copyright_file = Path("/usr/share/doc") / package / "copyright"
    text = copyright_file.read_text("utf-8", errors="replace")
    notices.texts[key] = text
    origin = f"Debian package {package} (notice: its {copyright_file})"
    licence = copyright_licence(text)
    return Component(key, package, package_version(package), licence, origin, [key])


# --- tracing shipped files --------------------------------------------------------------------


@dataclass(frozen=True)
class Shipped:
    """One file of a build: where it lands (relative to the build's root) and where from."""

    dest: str
    source: str


def trace(shipped: Iterable[Shipped], version: str) -> Notices:
    """Claim every shipped file for the component it comes from."""
    notices = Notices()
    owners = distribution_files()
    ours = str(ROOT) + os.sep
    interpreter = interpreter_prefixes()
    left: list[Shipped] = []
    for item in shipped:
        real = os.path.realpath(item.source)
        if real.startswith(ours) and not real.startswith(str(ROOT / ".venv")):
            notices.claim(app_component(notices, version), item.dest)
        elif real in owners:
            notices.claim(python_component(owners[real], notices), item.dest)
        elif real.startswith(interpreter):
            notices.claim(cpython_component(notices), item.dest)
        else:
            left.append(item)
    packages = debian_owners(item.source for item in left)
    for item in left:
        if item.source in packages:
            notices.claim(debian_component(packages[item.source], notices), item.dest)
        else:
            notices.unclaimed.add(item.dest)
    return notices


def distribution_by_name(name: str, notices: Notices) -> Component:
    """The component of an installed distribution named ``name`` (e.g. PyInstaller)."""
    return python_component(metadata.distribution(name), notices)


def trace_bundle(
    toc: Iterable[tuple[str, str, str]],
    modules: Iterable[tuple[str, str, str]],
    executable: str,
    contents: str,
    version: str,
) -> Notices:
    """Claim a PyInstaller bundle's files: its TOC entries, then the executable.

    Args:
        toc: ``(dest, source, kind)`` binaries and data files, before any stripping (so each
            source is still the file the build machine installed).
        modules: ``(name, source, kind)`` of the Python modules and scripts frozen into the
            executable's archive.
        executable: the executable's name at the bundle root.
        contents: the folder beside it that holds everything else (``_internal``).
    """
    files, generated = [], []
    for dest, source, kind in toc:
        if kind == "SYMLINK":
            continue  # a link inside the bundle; the file it points to is claimed
        if Path(source).name == "base_library.zip":
            generated.append(f"{contents}/{dest}")  # PyInstaller packs the stdlib in there
        else:
            files.append(Shipped(f"{contents}/{dest}", source))
    archive = [Shipped(executable, src) for _, src, _ in modules if src and os.path.isfile(src)]
    notices = trace([*files, *archive], version)
    for dest in generated:
        notices.claim(cpython_component(notices), dest)
    # The executable is PyInstaller's bootloader with the frozen modules appended.
    notices.claim(distribution_by_name("pyinstaller", notices), executable)
    return notices


def trace_wheel(package_dir: Path, dependencies: Iterable[str], version: str) -> Notices:
    """Notices for a wheel: it ships only this app; its dependencies come separately from pip.

    The dependencies found installed at build time are listed (with no files) so About names
    them even when the app runs from a wheel.
    """
    notices = Notices()
    for path in sorted(package_dir.rglob("*")):
        if path.is_file():
            notices.claim(
                app_component(notices, version), path.relative_to(package_dir.parent).as_posix()
            )
    for dist in requirement_closure(dependencies):
        component = python_component(dist, notices)
        component.origin += " (installed by pip beside the app, not part of its wheel)"
        notices.components.setdefault(component.key, component)
    return notices


def requirement_closure(requirements: Iterable[str]) -> list[metadata.Distribution]:
    """Installed distributions the requirements reach, extras left out; missing ones skipped."""
    found: dict[str, metadata.Distribution] = {}
    pending = list(requirements)
    while pending:
        requirement = pending.pop()
        if "extra ==" in requirement:
            continue
        name = re.match(r"[A-Za-z0-9._-]+", requirement.strip())
        if name is None or name.group(0).lower() in found:
            continue
        try:
            dist = metadata.distribution(name.group(0))
        except metadata.PackageNotFoundError:
            continue
        found[name.group(0).lower()] = dist
        pending += dist.requires or []
    return list(found.values())


# --- output -----------------------------------------------------------------------------------


def index(notices: Notices, version: str, built_as: str) -> dict[str, object]:
    components = sorted(
        notices.components.values(), key=lambda c: (c.key != "app", c.name.lower())
    )
    return {
        "schema": 1,
        "app": {"name": "Gluteal Atlas", "version": version},
        "built_as": built_as,
        "components": [
            {
                "key": c.key,
                "name": c.name,
                "version": c.version,
                "licence": c.licence,
                "origin": c.origin,
                "texts": c.text_ids,
                "files": sorted(c.files),
            }
            for c in components
        ],
        "texts": notices.texts,
        "unclaimed": sorted(notices.unclaimed),
    }


def plain_text(data: dict[str, object]) -> str:
    """The human-readable notice file: a table of contents, then each component's texts."""
    components: list[dict[str, object]] = data["components"]  # type: ignore[assignment]
    texts: dict[str, str] = data["texts"]  # type: ignore[assignment]
    rule = "=" * 78
    lines = [
        f"Gluteal Atlas {data['app']['version']} ({data['built_as']}): "  # type: ignore[index]
        "notices for the software it ships",
        "",
    ]
    lines += [f"  {c['name']} {c['version']} - {c['licence']}" for c in components]
    written: set[str] = set()
    for c in components:
        lines += ["", rule, f"{c['name']} {c['version']}", f"Licence: {c['licence']}"]
        lines += [f"Origin: {c['origin']}", rule, ""]
        for text_id in c["texts"]:  # type: ignore[attr-defined]
            if text_id in written:
                lines.append(f"[{text_id}: the same text as given above]")
                continue
            written.add(text_id)
            lines.append(texts[text_id].rstrip() + "\n")
    return "\n".join(lines) + "\n"


def write_notices(notices: Notices, folder: Path, version: str, built_as: str) -> list[Path]:
    """Write the JSON index (for About) and the plain-text notice; return both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    data = index(notices, version, built_as)
    json_path, text_path = folder / INDEX_NAME, folder / TEXT_NAME
    json_path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    text_path.write_text(plain_text(data), "utf-8")
    return [json_path, text_path]
