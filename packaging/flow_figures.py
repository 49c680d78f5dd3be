"""Flow-chart figures: the diagnostic pathway (lesson 6) and the red-flag flow (lesson 8).

The red-flag flow is drawn from content/red-flags.toml, the self-check's own rules, so the
figure and the self-check cannot disagree; rerun this script when the rules change (the
``--check`` run in the tests notices).
"""

# Figure tables read best one row per line, in the typographic characters the figure shows.
# ruff: noqa: E501

from __future__ import annotations

import textwrap
import tomllib
from pathlib import Path

from svg_kit import P, arrow, box, document, text

W = 560


def diagnostic_pathway() -> str:
    """History and examination first; tests only when they find something."""
    body = [
        *box(150, 16, 260, 58, ["History", "where, how long, triggers,", "medicines, family history"]),
        arrow((280, 74), (280, 92)),
        *box(150, 92, 260, 58, ["Examination", "strength, muscle bulk, reflexes,", "sensation, nerve stretch tests"]),
        arrow((280, 150), (280, 168)),
        *box(130, 168, 300, 54, ["Weakness, wasting, changed reflexes,", "numbness or a red flag?"],
             fill=P.warning_soft, stroke=P.warning, bold_first=False),
        arrow((130, 195), (96, 240)),
        text(92, 210, "no", size=12, bold=True, colour=P.success),
        *box(16, 240, 180, 92, ["Usually no tests", "explain and reassure;", "ease triggers; come", "back if it changes"],
             fill=P.accent_soft, stroke=P.accent),
        arrow((430, 195), (462, 240)),
        text(462, 210, "yes", size=12, bold=True, colour=P.danger),
        *box(330, 240, 214, 58, ["Blood tests", "salts, thyroid, B12, glucose,", "creatine kinase (CK)"]),
        arrow((437, 298), (437, 314)),
        *box(330, 314, 214, 58, ["EMG and nerve conduction", "from a neurology or", "neurophysiology service"]),
        arrow((437, 372), (437, 388)),
        *box(330, 388, 214, 58, ["Scan (usually MRI)", "only if a nerve root or", "the spine is suspected"]),
    ]  # fmt: skip
    return document(W, 462, "How persistent twitching is investigated", body)


#: The self-check's rules: the figure is drawn from them so the two never disagree.
RED_FLAGS = Path(__file__).resolve().parents[1] / "content" / "red-flags.toml"
#: Colours per outcome level (palette roles, so the high-contrast theme recolours them).
LEVEL_COLOURS = {
    "emergency": (P.danger, P.surface_alt),
    "soon": (P.warning, P.warning_soft),
    "self-care": (P.accent, P.accent_soft),
}


def red_flag_flow(source: Path = RED_FLAGS) -> str:
    """One row per self-check rule, tried from the top: its flags, then its outcome."""
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    flags = {question["id"]: question["flag"] for question in data["questions"]}
    outcomes = {outcome["level"]: outcome for outcome in data["outcomes"]}
    emergency = data["check"].get("emergency_number", "999")
    body = [text(24, 28, "Check from the top; the first “yes” decides", size=13, bold=True)]
    top = 42.0
    for rule in data["rules"]:
        outcome = outcomes[rule["outcome"]]
        edge, fill = LEVEL_COLOURS.get(outcome["level"], (P.accent, P.accent_soft))
        title = outcome["title"]
        action = _action(outcome["level"], emergency)
        if rule.get("otherwise"):
            body += box(
                16,
                top,
                528,
                54,
                [title, "none of the above: " + action],
                fill=fill,
                stroke=edge,
                size=12,
            )
            top += 54
            break
        names = [flags[q] for q in rule["any_yes"]]
        names = names[:1] + [name[0].lower() + name[1:] for name in names[1:]]
        signs = textwrap.wrap("; ".join(names), 46)
        height = max(54, 16 * len(signs) + 18)
        body += box(
            16, top, 320, height, signs, fill=P.surface_alt, stroke=edge, bold_first=False, size=12
        )
        middle = top + height / 2
        body += [arrow((336, middle), (372, middle), colour=edge, width=2.5),
                 text(354, middle - 7, "yes", size=11, anchor="middle", colour=edge, bold=True)]  # fmt: skip
        body += box(372, middle - 27, 172, 54, [title, action], fill=fill, stroke=edge, size=11.5)
        body += [arrow((176, top + height), (176, top + height + 22)),
                 text(186, top + height + 16, "no", size=11, colour=P.text_muted, bold=True)]  # fmt: skip
        top += height + 22
    return document(W, round(top + 16), "When to see a doctor: the red-flag flow", body)


def _action(level: str, emergency: str) -> str:
    return {
        "emergency": f"call {emergency} or go to A&E",
        "soon": "a GP in the next few days",
    }.get(level, "ease triggers, keep a diary")
