"""Flow-chart figures: the diagnostic pathway (lesson 6) and the red-flag flow (lesson 8).

The red-flag flow follows the tiers of lesson 8's "See a doctor" and "Get urgent care"
callouts (NHS wording): content/red-flags.toml, the self-check's rules, did not exist yet when
this was drawn — redraw from it when it lands so the figure and the self-check agree.
"""

# Figure tables read best one row per line, in the typographic characters the figure shows.
# ruff: noqa: E501

from __future__ import annotations

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


#: (what is noticed, what to do, colours) from most to least urgent.
RED_FLAG_TIERS = (
    (
        ["New loss of bladder or bowel control;", "saddle numbness; sciatica in both legs,", "or weakness or numbness in both legs", "that is severe or getting worse"],
        ["Emergency now", "999 or A&E (UK)"],
        (P.danger, P.surface_alt),
    ),
    (
        ["Weight loss, fever, cancer history,", "severe or worsening pain, pain after", "a fall, fast-worsening weakness"],
        ["Same day", "urgent GP or NHS 111"],
        (P.warning, P.warning_soft),
    ),
    (
        ["Twitching for more than 2 weeks or", "in more than one place; weakness,", "wasting, leg numbness or pain"],
        ["See a GP", "a routine appointment"],
        (P.accent, P.accent_soft),
    ),
)  # fmt: skip


def red_flag_flow() -> str:
    """Ask the most urgent question first; each "no" moves down one tier."""
    body = [text(24, 28, "Check from the top; stop at the first “yes”", size=13, bold=True)]
    top = 42.0
    for signs, action, (edge, fill) in RED_FLAG_TIERS:
        body += box(
            16, top, 300, 84, signs, fill=P.surface_alt, stroke=edge, bold_first=False, size=12
        )
        body += [arrow((316, top + 42), (360, top + 42), colour=edge, width=2.5),
                 text(338, top + 35, "yes", size=11, anchor="middle", colour=edge, bold=True)]  # fmt: skip
        body += box(360, top + 15, 184, 54, action, fill=fill, stroke=edge)
        body += [arrow((166, top + 84), (166, top + 104)),
                 text(176, top + 99, "no", size=11, colour=P.text_muted, bold=True)]  # fmt: skip
        top += 104
    body += box(16, top, 528, 54, ["Twitching alone, strength normal", "usually harmless: ease the triggers, keep a diary, look again if anything changes"],
                fill=P.accent_soft, stroke=P.border, size=12)  # fmt: skip
    return document(W, round(top + 70), "When to see a doctor: the red-flag flow", body)
