"""The anatomy page and its reusable diagram view."""

from __future__ import annotations

import ctypes
import sys

if sys.version_info < (3, 12):  # pragma: no cover - depends on the interpreter
    # Workaround: PySide6 6.12 returns ``None`` from void methods (``QColor.setAlphaF``,
    # ``QPainter.setPen``…) without taking a new reference, as if ``None`` were immortal —
    # true only from Python 3.12 (PEP 683). On 3.11 every such call costs ``None`` one
    # reference; the diagram's painting makes hundreds per frame, and after a few thousand
    # Python aborts with "none_dealloc: deallocating None". Giving ``None`` a reference count
    # it cannot run out of is what 3.12 does. Belongs at the composition root; kept here so
    # the diagram is safe wherever it is used. Drop it once the app requires Python >= 3.12.
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
