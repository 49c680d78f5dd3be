"""Command line: ``gluteal-atlas [--kiosk] [--content DIR] [--data DIR] [--screenshot DIR]`` and
``gluteal-atlas check-content [DIR]``.

Kept free of Qt imports so ``check-content`` and ``--help`` start instantly and work anywhere.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_NAME, __version__

if TYPE_CHECKING:
    from app.domain.content import Content


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gluteal-atlas",
        description=f"{APP_NAME}: gluteal anatomy, twitching explained, and guided stretches.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--content", type=Path, metavar="DIR", help="use this content folder")
    parser.add_argument("--data", type=Path, metavar="DIR", help="keep progress in this folder")
    parser.add_argument("--kiosk", action="store_true", help="run as a locked-down clinic kiosk")
    parser.add_argument("--config", type=Path, metavar="FILE", help="kiosk policy file")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="DIR",
        help="render every page offscreen to PNG files in DIR, then exit",
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=None,
        metavar="WxH",
        help="with --screenshot: the window size (default 1280x820)",
    )
    parser.add_argument(
        "--text-scale",
        type=float,
        default=None,
        metavar="S",
        help="with --screenshot: the text size factor (0.9 to 2.0)",
    )
    parser.add_argument(
        "--check-layout",
        action="store_true",
        help="with --screenshot: list clipped text and overlapping controls; exit 1 if any",
    )
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check-content", help="validate a content folder and list problems")
    check.add_argument("folder", type=Path, nargs="?", help="content folder (default: shipped)")
    sub.add_parser("kiosk-pin", help="make the admin_pin_hash line for a kiosk policy file")
    return parser


def kiosk_pin() -> int:
    """Ask for a PIN twice (not echoed) and print the policy line holding its hash."""
    import getpass

    from app.services.kiosk_admin import hash_pin

    pin = getpass.getpass("New kiosk admin PIN (digits): ")
    if not pin.isdigit() or not 4 <= len(pin) <= 12:
        print("gluteal-atlas: the PIN must be 4 to 12 digits", file=sys.stderr)
        return 2
    if getpass.getpass("Repeat the PIN: ") != pin:
        print("gluteal-atlas: the two PINs differ", file=sys.stderr)
        return 2
    print(f'admin_pin_hash = "{hash_pin(pin)}"')
    return 0


def check_content(folder: Path | None) -> int:
    """Print every content problem as ``file:line: message``; 1 if there were any."""
    from app.services.content_loader import load_content
    from app.services.resources import ResourceError, find_resources

    try:
        root = folder if folder is not None else find_resources().content_dir
    except ResourceError as error:
        print(f"gluteal-atlas: {error}", file=sys.stderr)
        return 2
    content = load_content(root)
    # The gate's structural verdicts (files and lessons refused whole) first: they are what
    # keeps content off the screen, and they are the same on every machine.
    ordered = sorted(content.problems, key=lambda problem: not problem.refused)
    problems = [str(problem) for problem in ordered]
    problems += _diagram_problems(content)
    problems += _tracer_problems(root, content)
    problems += _red_flag_problems(root, content)
    for problem in problems:
        print(problem)
    counts = (
        f"{len(content.structures)} structures, {len(content.lessons)} lessons, "
        f"{len(content.questions)} questions, {len(content.stretches)} stretches, "
        f"{len(content.routines)} routines"
    )
    if problems:
        print(f"{len(problems)} problem(s) in {root}; loaded {counts}", file=sys.stderr)
        return 1
    print(f"content OK: {root} ({counts})")
    return 0


def _tracer_problems(root: Path, content: Content) -> list[str]:
    """The nerve tracer's steps must name structures the atlas has (see tracer_loader)."""
    from app.services.tracer_loader import tracer_problems

    return tracer_problems(root, content.structures.keys())


def _red_flag_problems(root: Path, content: Content) -> list[str]:
    """The self-check's questions, rules, outcomes and links (see red_flag_loader)."""
    from app.services.red_flag_loader import red_flag_problems

    return red_flag_problems(root, content)


def _diagram_problems(content: Content) -> list[str]:
    """The atlas figures' ids, layers and attachment sites must match anatomy.toml."""
    from app.services.diagram_loader import diagram_problems
    from app.services.resources import ResourceError, find_resources

    try:
        resources = find_resources()
    except ResourceError:
        return []
    layers = {s.id: s.layer for s in content.structures.values()}
    return diagram_problems(
        resources, layers, content.structures.values(), content.questions.values()
    )


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        return int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1280x800") from None


def has_display() -> bool:
    """Whether Qt can open a window (or was told which platform to use)."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check-content":
        return check_content(args.folder)
    if args.command == "kiosk-pin":
        return kiosk_pin()
    if args.screenshot is not None and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not has_display():
        print(
            "gluteal-atlas: no display found. Start it from a desktop session, or use "
            "--screenshot DIR (or QT_QPA_PLATFORM=offscreen) to render pages without one.",
            file=sys.stderr,
        )
        return 2
    from app.main import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
