"""Parse TOML text: quickly, with the reference parser's verdict and words when it is wrong.

Every TOML file the app reads comes through :func:`parse`. Valid files are parsed by rtoml (Rust),
about five times faster than tomli on a clinic's ten thousand questions
(``bench/content_scale.py``). A file rtoml refuses is parsed again by tomli, whose verdict and
message stand: its messages say what is wrong in plain words, with the line and column, and it
accepts the few valid files rtoml refuses (a float such as ``1e1000``, nesting past rtoml's
recursion limit, which the content gate then refuses in its own words).

One leniency is rtoml's own: it accepts a line break between a key, its ``=`` and its value
inside an inline table (``{ hold\\n= 30 }``), which strict TOML does not; the values are the ones
written. ``tests/unit/services/test_toml_text.py`` checks both parsers agree everywhere else on
mutated copies of the shipped files.
"""

from __future__ import annotations

from typing import Any

import rtoml
import tomli  # tomllib's upstream, compiled with mypyc


class TomlSyntaxError(ValueError):
    """Text that is not TOML: the line at fault and a sentence saying what is wrong."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def parse(text: str) -> dict[str, Any]:
    """The document in ``text``.

    Raises:
        TomlSyntaxError: the text is not TOML, or nests too deep to parse at all.
    """
    try:
        return rtoml.loads(text)
    except ValueError:
        # Its syntax errors, and the UnicodeEncodeError it raises on a lone surrogate (which
        # tomli reads): the reference parser judges, and says why.
        pass
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        line, column = getattr(error, "lineno", 1) or 1, getattr(error, "colno", 1) or 1
        reason = getattr(error, "msg", str(error))
        message = f"TOML syntax error at line {line}, column {column}: {reason}"
        raise TomlSyntaxError(line, message) from None
    except RecursionError:
        raise TomlSyntaxError(1, "nesting is far too deep") from None
