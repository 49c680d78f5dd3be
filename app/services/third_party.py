"""The third-party notices a build ships (packaging/make_notices.py writes them), for About.

A bundle, a wheel and the Debian package each carry ``app/_data/notices/third-party.json``: the
components the build contains, their licences and the texts that must travel with them. A run
from a checkout has none (nothing is redistributed there), and says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.resources import shipped_roots

INDEX = Path("notices") / "third-party.json"
PLAIN_TEXT = Path("notices") / "THIRD-PARTY-NOTICES.txt"


@dataclass(frozen=True)
class ThirdPartyComponent:
    """One shipped component: what it is, its licence, and its full notice text."""

    name: str
    version: str
    licence: str
    origin: str
    notice: str


@dataclass(frozen=True)
class ThirdPartyNotices:
    """Everything a build lists, and where the plain-text copy of it lies."""

    built_as: str
    components: tuple[ThirdPartyComponent, ...]
    plain_text: Path


class NoticesError(RuntimeError):
    """The notice index exists but cannot be read (a damaged install)."""


def find_notices(roots: list[Path] | None = None) -> ThirdPartyNotices | None:
    """The notices shipped with this build, or ``None`` when running from a checkout.

    Raises:
        NoticesError: the index is there but unreadable or malformed.
    """
    for root in shipped_roots() if roots is None else roots:
        if (root / INDEX).is_file():
            return read_notices(root / INDEX, root / PLAIN_TEXT)
    return None


def read_notices(index: Path, plain_text: Path) -> ThirdPartyNotices:
    """Parse one notice index (see packaging/make_notices.py for its shape)."""
    try:
        data = json.loads(index.read_text("utf-8"))
        texts: dict[str, str] = data["texts"]
        components = tuple(_component(entry, texts) for entry in data["components"])
        return ThirdPartyNotices(str(data["built_as"]), components, plain_text)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise NoticesError(f"{index}: {error}") from error


def _component(entry: dict[str, Any], texts: dict[str, str]) -> ThirdPartyComponent:
    notice = "\n\n".join(texts[text_id].rstrip() for text_id in entry["texts"])
    return ThirdPartyComponent(
        name=str(entry["name"]),
        version=str(entry["version"]),
        licence=str(entry["licence"]),
        origin=str(entry["origin"]),
        notice=notice,
    )
