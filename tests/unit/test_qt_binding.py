"""Guard against Qt binding releases that corrupt the interpreter.

PySide6 6.12.0 on CPython 3.11 releases one reference to ``None`` on every call of a method
returning ``void``; after enough calls (a few thousand paints) the interpreter aborts with
"deallocating None". pyproject excludes that release; this test fails if one like it returns.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_calls_keep_none_alive() -> None:
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        holder.setObjectName("probe")
    assert sys.getrefcount(None) - before > -100
