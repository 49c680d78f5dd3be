"""The hand-written field checker (``app/domain/records.py``) against a typed decoder (msgspec).

Issue 14 asks whether a maintained decoder should replace ``read_fields``. Both check the same
10,000 quiz-question tables from the synthetic course of ``bench/content_scale.py``: types,
required fields, unknown keys, allowed values and ranges. The decoder is adopted only if it is
as fast and clearer. Needs ``msgspec`` importable (it is not a dependency of the app):

    PYTHONPATH=/path/to/msgspec .venv/bin/python bench/field_checker.py
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any, Literal

import tomli
from content_scale import synthesize

from app.domain.problems import SourceRef
from app.domain.quiz import _FIELDS as QUESTION_FIELDS
from app.domain.records import RawRecord, read_fields
from app.services.resources import find_resources

RUNS = 5

try:
    import msgspec
    from msgspec import Meta
except ImportError:
    msgspec = None
else:
    Text = Annotated[str, Meta(pattern=r"\S")]  # not empty, not only spaces

    class QuestionFields(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
        """The fields of ``[[questions]]``, as ``app.domain.quiz._FIELDS`` declares them."""

        id: Text
        type: Literal["single", "multi", "truefalse", "find", "name", "numeric"]
        prompt: Text
        choices: tuple[str, ...] = ()
        answer: bool | int | float | str | list[int]
        topic: Text
        lesson: Text
        structure: str = ""
        difficulty: Annotated[int, Meta(ge=1, le=3)] = 2
        explanation: Text
        tolerance: Annotated[float, Meta(ge=0, le=1e9)] = 0.0
        unit: str = ""
        trace: str = ""
        traces: tuple[str, ...] = ()
        view: Literal["posterior", "lateral"] = "posterior"


def question_tables(folder: Path) -> list[dict[str, Any]]:
    tables = []
    for path in sorted((folder / "quizzes").glob("*.toml")):
        tables += tomli.loads(path.read_text("utf-8"))["questions"]
    return tables


def time_ms(action: Any) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    if msgspec is None:
        print("msgspec is not installed: comparison skipped")
        return 0
    with tempfile.TemporaryDirectory(prefix="gluteal-field-checker-") as temp:
        folder = Path(temp) / "content"
        synthesize(find_resources().content_dir, folder)
        tables = question_tables(folder)
    where = SourceRef("quizzes/x.toml", 1)
    records = [RawRecord(where, table) for table in tables]

    def hand() -> None:
        for record in records:
            read_fields(record, QUESTION_FIELDS, "question")

    def decoder() -> None:
        for table in tables:
            msgspec.convert(table, QuestionFields)

    hand_ms, decoder_ms = time_ms(hand), time_ms(decoder)
    print(f"questions checked: {len(tables):,}")
    print(f"hand-written read_fields: {hand_ms:.1f} ms median of {RUNS}")
    print(f"msgspec.convert:          {decoder_ms:.1f} ms median of {RUNS}")
    print(f"ratio msgspec / hand-written: {decoder_ms / hand_ms:.2f}")
    bad = {**tables[0], "difficulty": "hard", "colour": "red", "prompt": " "}
    try:
        msgspec.convert(bad, QuestionFields)
    except msgspec.ValidationError as error:
        print(f"msgspec on a table with 3 mistakes: {error}")
    _values, problems = read_fields(RawRecord(where, bad), QUESTION_FIELDS, "question")
    for problem in problems:
        print(f"read_fields on the same table:      {problem.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
