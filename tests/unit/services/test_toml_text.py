"""The shared TOML parser: rtoml's speed with tomli's verdict and words (services.toml_text)."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path
from typing import Any

import pytest
import tomli

from app.services.resources import Resources
from app.services.toml_text import TomlSyntaxError, parse

# Characters and pieces that change what TOML means, for mutating real files.
_PIECES = [
    *"[]{}=,.\"'\\#\n\r\t 0123456789-+_:eExobTZ\x00\x7fé",
    '"""',
    "'''",
    "[[",
    "]]",
    "\\u",
    "true",
    "inf",
    "nan",
    "1979-05-27",
    "07:32:00",
]
# A line break with no "{" before the next "}": the break sits inside an inline table.
_BREAK_IN_INLINE_TABLE = re.compile(r"\r?\n(?=[^{}]*\})")


def test_a_syntax_error_gives_the_reference_parsers_words_line_and_column() -> None:
    with pytest.raises(TomlSyntaxError) as caught:
        parse('[[questions]]\nid = "a"\nprompt = \n')
    assert caught.value.line == 3
    assert caught.value.message == "TOML syntax error at line 3, column 10: Invalid value"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a = 1e1000", {"a": math.inf}),  # a valid float rtoml refuses
        ("a = " + "[" * 200 + "]" * 200, None),  # deeper than rtoml's recursion limit
    ],
)
def test_valid_toml_that_rtoml_refuses_still_parses(text: str, expected: Any) -> None:
    assert parse(text) == (expected if expected is not None else tomli.loads(text))


def test_absurd_nesting_is_a_syntax_error_not_a_crash() -> None:
    with pytest.raises(TomlSyntaxError, match="nesting is far too deep"):
        parse("a = " + "[" * 100_000 + "]" * 100_000)


def test_both_parsers_agree_on_mutated_copies_of_the_shipped_files(resources: Resources) -> None:
    """Where rtoml accepts a file, tomli reads the same values, but for rtoml's one leniency.

    6,000 copies of shipped files with one to three random edits each. The leniency: a line
    break between a key, its "=" and its value inside an inline table; such a file, with those
    breaks made spaces, must be one tomli reads with the same values.
    """
    sources = [p.read_text("utf-8") for p in sorted(resources.content_dir.rglob("*.toml"))]
    rng = random.Random(14)
    accepted = lenient = 0
    for _ in range(6_000):
        text = _mutated(rng.choice(sources), rng)
        try:
            ours = parse(text)
        except TomlSyntaxError:
            with pytest.raises(tomli.TOMLDecodeError):
                tomli.loads(text)
            continue
        accepted += 1
        try:
            reference = tomli.loads(text)
        except tomli.TOMLDecodeError:
            lenient += 1
            reference = tomli.loads(_BREAK_IN_INLINE_TABLE.sub(" ", text))
        assert _comparable(ours) == _comparable(reference), text
    assert accepted > 1_500  # the mutations left plenty of valid files to compare
    assert lenient < accepted // 100


def _mutated(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        at, piece, roll = rng.randrange(len(text) + 1), rng.choice(_PIECES), rng.random()
        if roll < 0.4:
            text = text[:at] + piece + text[at:]
        elif roll < 0.7:
            text = text[:at] + text[at + rng.randint(1, 4) :]
        else:
            text = text[:at] + piece + text[at + 1 :]
    return text


def _comparable(value: Any) -> Any:
    """Values as equal when the two parsers mean the same (NaN, and each one's UTC offsets)."""
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if getattr(value, "tzinfo", None) is not None:
        return value.replace(tzinfo=None), value.utcoffset()
    return value


def test_every_shipped_file_parses_the_same_with_either_parser(resources: Resources) -> None:
    for path in sorted(resources.content_dir.rglob("*.toml")):
        text = path.read_text("utf-8")
        assert parse(text) == tomli.loads(text), Path(path).name


def test_a_lone_surrogate_is_read_as_tomli_reads_it_not_raised() -> None:
    """rtoml raises UnicodeEncodeError on it; the reference parser reads it."""
    text = 'a = "\ud800"'
    assert parse(text) == tomli.loads(text)
