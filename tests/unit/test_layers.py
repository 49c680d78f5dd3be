"""Layering rules import-linter cannot express (it cannot forbid a submodule of PySide6)."""

from __future__ import annotations

import ast
from pathlib import Path

import app

SERVICES = Path(app.__file__).parent / "services"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_services_never_import_qtwidgets() -> None:
    """Services may use QtCore (signals, timers) but never build widgets."""
    offenders = {
        path.name: sorted(name for name in _imported_modules(path) if "QtWidgets" in name)
        for path in SERVICES.rglob("*.py")
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}
