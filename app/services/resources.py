"""One gateway to shipped files: content and assets, found the same way everywhere.

Order: an explicit override (``--content DIR``), then the copy inside the installed package or
PyInstaller bundle (``app/_data``), then the checkout the code runs from. Nothing is ever
written beside shipped files.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


class ResourceError(RuntimeError):
    """Shipped files could not be found (a broken install)."""


@dataclass(frozen=True)
class Resources:
    """Where content and assets live for this run."""

    content_dir: Path
    assets_dir: Path

    def asset(self, relative: str) -> Path | None:
        """Path of an asset, or ``None`` if it is missing or would leave the assets folder."""
        return contained(self.assets_dir, relative)

    def content_file(self, relative: str) -> Path | None:
        """Path of a file in the content folder, or ``None`` if missing or outside it."""
        return contained(self.content_dir, relative)


def contained(root: Path, relative: str) -> Path | None:
    """``root / relative`` if that is an existing file inside ``root`` (links resolved)."""
    if not relative or "\x00" in relative:
        return None
    try:
        base = root.resolve()
        candidate = (base / relative).resolve()
    except (OSError, RuntimeError):
        return None
    if not candidate.is_relative_to(base) or not candidate.is_file():
        return None
    return candidate


def shipped_roots() -> list[Path]:
    """Folders that may hold ``content/`` and ``assets/``, best first."""
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "app" / "_data")
    roots.append(_PACKAGE_DIR / "_data")
    roots.append(_PACKAGE_DIR.parent)
    return roots


def find_resources(content_override: Path | None = None) -> Resources:
    """Locate content and assets.

    Raises:
        ResourceError: when no shipped copy exists (and no override was given for content).
    """
    shipped = next((root for root in shipped_roots() if (root / "assets").is_dir()), None)
    if shipped is None:
        tried = ", ".join(str(root) for root in shipped_roots())
        raise ResourceError(f"cannot find the app's assets (looked in {tried})")
    content = content_override if content_override is not None else shipped / "content"
    return Resources(content_dir=content, assets_dir=shipped / "assets")
