"""Hostile content: huge, deeply nested, invalid UTF-8, parser-pathological, or pointing at
local files and remote URLs. Each yields a ``file:line`` problem or a bounded, safe result in
bounded time; nothing crashes, and nothing outside the content folder is ever opened."""

from __future__ import annotations

import contextlib
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.content import Content
from app.services.content_loader import load_content
from app.services.diagram_loader import DiagramError, parse_diagram, read_diagram
from app.services.lesson_renderer import LessonRenderer

#: Longest any single hostile input may take (generous: CI machines are slow and shared).
BOUND = 2.0
_OPENED: list[str] = []
_RECORDING: list[bool] = [False]


def _audit(event: str, arguments: tuple[object, ...]) -> None:
    if _RECORDING[0] and event == "open" and isinstance(arguments[0], str | bytes | Path):
        _OPENED.append(str(Path(str(arguments[0])).resolve()))


sys.addaudithook(_audit)  # cannot be removed; it only records while a test asks it to


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """Every path Python opens while the test runs (audit hook)."""
    _OPENED.clear()
    _RECORDING[0] = True
    yield _OPENED
    _RECORDING[0] = False


def _timed(action: Callable[[], object]) -> object:
    started = time.perf_counter()
    result = action()
    assert time.perf_counter() - started < BOUND
    return result


def _content_with(tmp_path: Path, relative: str, data: bytes) -> Path:
    root = tmp_path / "content"
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return root


def _problems_at(content: Content, name: str) -> list[int]:
    return [problem.where.line for problem in content.problems if problem.where.path == name]


# -- TOML ------------------------------------------------------------------------------------

HOSTILE_TOML: dict[str, tuple[bytes, int]] = {
    "huge": (b"# padding\n" * 300_000, 1),
    "deep-arrays": (b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", 1),
    "deep-tables": (b"x = " + b"{a = " * 5_000 + b"1" + b"}" * 5_000 + b"\n", 1),
    "deep-but-parsable": (b"x = " + b"[" * 40 + b"1" + b"]" * 40 + b"\n", 1),
    "invalid-utf8": (b'[[questions]]\nid = "a"\nprompt = "\xff\xfe"\n', 3),
    "syntax": (b'[[questions]]\nid = "a"\nprompt = \n', 3),
    # The parser reports the end of the document: the last line, where it gave up.
    "unterminated": (b'[[questions]]\nprompt = """' + b"never closed\n" * 1000, 1002),
    "nul-bytes": (b"[[questions]]\n\x00\x00\x00\n", 2),
    "long-line": (b'x = "' + b"a" * 1_500_000 + b'"\n', 1),
}


@pytest.mark.parametrize("name", list(HOSTILE_TOML))
def test_hostile_toml_becomes_a_problem_with_a_line(tmp_path: Path, name: str) -> None:
    data, line = HOSTILE_TOML[name]
    root = _content_with(tmp_path, "quizzes/hostile.toml", data)
    content = _timed(lambda: load_content(root))
    assert isinstance(content, Content)
    assert line in _problems_at(content, "quizzes/hostile.toml"), content.problems
    assert not content.questions


_TOML_TOKENS = st.sampled_from(
    ["[[questions]]", "[", "]", "{", "}", "=", '"', "'''", '"""', "\n", "id", "x.y", ",", "1",
     "true", "1979-05-27", "#", "\\", "\\u0000", "inf", " "]
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(_TOML_TOKENS, max_size=400).map("".join).map(str.encode), st.binary()))
def test_random_toml_never_crashes_and_points_at_a_line(data: bytes) -> None:
    root = Path(_scratch()) / "content"
    shutil.rmtree(root, ignore_errors=True)
    (root / "quizzes").mkdir(parents=True)
    (root / "quizzes" / "fuzz.toml").write_bytes(data)
    content = _timed(lambda: load_content(root))
    assert isinstance(content, Content)
    lines = data.count(b"\n") + 1
    for problem in content.problems:
        if problem.where.path.startswith("quizzes/fuzz.toml"):
            assert 1 <= problem.where.line <= lines


def _scratch() -> str:
    # Hypothesis reruns the test body many times inside one function-scoped fixture.
    import tempfile

    return tempfile.gettempdir() + "/gluteal-atlas-toml-fuzz"


# -- Links out of the content folder --------------------------------------------------------


def test_symlinks_out_of_the_content_folder_are_not_followed(
    tmp_path: Path, shipped_content: Content, opened: list[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.toml"
    secret.write_text(
        '[[questions]]\nid = "stolen"\ntype = "truefalse"\nprompt = "p"\nanswer = true\n'
        'topic = "t"\nlesson = "lesson:x"\nexplanation = "e"\n'
    )
    root = tmp_path / "content"
    (root / "quizzes").mkdir(parents=True)
    (root / "lessons").mkdir()
    (root / "quizzes" / "secret.toml").symlink_to(secret)
    (root / "quizzes" / "passwd.toml").symlink_to("/etc/passwd")
    (root / "lessons" / "passwd.md").symlink_to("/etc/passwd")
    (root / "anatomy.toml").symlink_to(outside / "secret.toml")
    opened.clear()  # only what the loader opens
    content = load_content(root)
    assert "stolen" not in content.questions
    assert not any(path.startswith((str(outside), "/etc/")) for path in opened), opened
    named = {problem.where.path for problem in content.problems}
    assert {"quizzes/secret.toml", "quizzes/passwd.toml", "lessons/passwd.md"} <= named


# -- Markdown --------------------------------------------------------------------------------

HOSTILE_MARKDOWN = {
    "brackets": "[" * 40_000,
    "brackets-in-a-paragraph": "[a](" * 400,
    "deep-quotes": "\n".join(">" * n + " x" for n in range(1, 60)),
    "deep-lists": "\n".join(" " * (2 * n) + "- x" for n in range(200)),
    "huge": "word " * 300_000,
    "many-lines": "x\n" * 20_000,
    "emphasis": "*a **" * 5_000,
    "backticks": "`" * 50_000,
    "html-comments": "<!--" * 20_000,
    "entities": "&#x41;" * 24_000,
}


@pytest.mark.parametrize("body", list(HOSTILE_MARKDOWN.values()), ids=list(HOSTILE_MARKDOWN))
def test_hostile_markdown_renders_or_is_refused_in_bounded_time(body: str) -> None:
    rendered = _timed(lambda: LessonRenderer().render(body))
    html = rendered.html  # type: ignore[attr-defined]
    assert html or rendered.refused  # type: ignore[attr-defined]
    assert len(html) < 5_000_000


LEAKY_MARKDOWN = (
    "[web](https://example.com) [file](file:///etc/passwd) [js](javascript:alert(1))\n\n"
    "![img](/etc/passwd) ![up](../../../../etc/passwd) ![remote](http://example.com/x.png)\n\n"
    "![data](data:image/png;base64,AAAA) <img src='file:///etc/passwd'>\n\n"
    "<script>alert(1)</script><iframe src='http://x'></iframe><a href='mailto:a@b'>m</a>\n\n"
    "<a href=' JaVaScRiPt:alert(1)'>x</a> [ok](anatomy:piriformis) [in](#top)\n"
)


def test_markdown_links_and_images_never_leave_the_app(tmp_path: Path, opened: list[str]) -> None:
    images = tmp_path / "images"
    images.mkdir()
    html = LessonRenderer([images]).render(LEAKY_MARKDOWN).html
    lowered = html.lower()
    for forbidden in ("http", "file:", "javascript", "mailto", "data:", "/etc/", "<script",
                      "<iframe", "../"):  # fmt: skip
        assert forbidden not in lowered, (forbidden, html)
    assert 'href="anatomy:piriformis"' in html
    assert 'href="#top"' in html
    assert not any(path.startswith("/etc/") for path in opened)


_MARKDOWN_TOKENS = st.sampled_from(
    ["[", "]", "(", ")", "!", "*", "_", "`", ">", "#", "-", "1.", "\n", "\n\n", "    ", "<",
     "/>", "<a href='", "http://x", "file:///etc/passwd", "javascript:", "'>", "|", "---", "&",
     "{: #id }", "x", "**See a doctor if**", ":", "lesson:a#b"]
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_MARKDOWN_TOKENS, max_size=300).map("".join))
def test_random_markdown_is_bounded_and_sanitised(body: str) -> None:
    rendered = _timed(lambda: _RENDERER.render(body))
    html = rendered.html.lower()  # type: ignore[attr-defined]
    assert "<script" not in html
    assert 'href="javascript' not in html  # text may mention it; no link may use it
    assert 'href="http' not in html
    assert 'href="file' not in html
    assert 'src="' not in html  # no image root was given, so no image may survive


_RENDERER = LessonRenderer()


# -- SVG -------------------------------------------------------------------------------------

_SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
_SHAPE = '<path id="piriformis" data-kind="muscle" data-layer="3" d="M0 0 L10 0 L10 10 Z"/>'
HOSTILE_SVG = {
    "xxe": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    + _SVG + 'viewBox="0 0 10 10"><title>&x;</title>' + _SHAPE + "</svg>",
    "billion-laughs": '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>" + _SVG + 'viewBox="0 0 10 10"><title>&j;</title>' + _SHAPE + "</svg>",
    "external-dtd": '<!DOCTYPE svg SYSTEM "http://example.com/evil.dtd">'
    + _SVG + 'viewBox="0 0 10 10">' + _SHAPE + "</svg>",
    "xlink-passwd": _SVG + 'viewBox="0 0 10 10"><image xlink:href="file:///etc/passwd"/>'
    + _SHAPE + "</svg>",
    "href-remote": _SVG + 'viewBox="0 0 10 10"><use href="http://example.com/x.svg#a"/>'
    + _SHAPE + "</svg>",
    "css-url": _SVG + 'viewBox="0 0 10 10"><path id="a" data-kind="muscle" data-layer="1" '
    'd="M0 0 L1 1" style="fill:url(file:///etc/passwd)"/></svg>',
    "deep": _SVG + 'viewBox="0 0 10 10">' + "<g>" * 100_000 + "</g>" * 100_000 + "</svg>",
    "many": _SVG + 'viewBox="0 0 10 10">' + "<g/>" * 50_000 + "</svg>",
    "not-xml": "<svg <<<< &&&& ]]>",
    "huge-path": _SVG + 'viewBox="0 0 10 10"><path id="a" data-kind="muscle" data-layer="1" d="'
    + "L1 1 " * 40_000 + '"/></svg>',
}  # fmt: skip


@pytest.mark.parametrize("name", list(HOSTILE_SVG))
def test_hostile_svg_is_refused_quickly(name: str, opened: list[str]) -> None:
    data = HOSTILE_SVG[name].encode()
    with pytest.raises(DiagramError):
        _timed(lambda: parse_diagram(data))
    assert not any(path.startswith("/etc/") for path in opened)


def test_oversized_svg_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.svg"
    path.write_bytes(b"<svg>" + b" " * 10_000_000 + b"</svg>")
    with pytest.raises(DiagramError, match="larger than"):
        _timed(lambda: read_diagram(path))


_SVG_TOKENS = st.sampled_from(
    ["<svg", "<path", "<g>", "</g>", "/>", ">", " id='a'", ' d="M0 0 L1 1 Z"', " d='",
     ' viewBox="0 0 1 1"', ' data-kind="muscle"', ' data-layer="2"', "&amp;", "&x;", "<!--",
     "-->", "<![CDATA[", "]]>", '<!DOCTYPE a [<!ENTITY x "y">]>', " xlink:href='/etc/passwd'",
     '<?xml version="1.0"?>', "</svg>", " ", "C", "1e308", "NaN", "-"]
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(_SVG_TOKENS, max_size=200).map("".join).map(str.encode), st.binary()))
def test_random_svg_yields_a_diagram_or_a_diagram_error(data: bytes) -> None:
    started = time.perf_counter()
    with contextlib.suppress(DiagramError):
        parse_diagram(data)
    assert time.perf_counter() - started < BOUND
