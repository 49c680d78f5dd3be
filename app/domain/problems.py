"""Where content is wrong: a file, a line and a plain message."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class SourceRef:
    """A place in a content file; ``path`` is relative to the content folder."""

    path: str
    line: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, printed as ``file:line: message``."""

    where: SourceRef
    message: str
    #: The content gate kept the whole file or lesson out (size, kind, syntax, budget): the
    #: structural verdict, listed first by ``check-content``. Not part of equality or order.
    refused: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
