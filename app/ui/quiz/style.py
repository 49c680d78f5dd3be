"""Quiz-only style rules (choice buttons, verdicts), built from the current palette."""

from __future__ import annotations

from app.ui.theme import Theme


def quiz_stylesheet(theme: Theme) -> str:
    """Rules for the quiz's own widgets; applied to the quiz page, refreshed on theme change."""
    p = theme.palette
    return f"""
ChoiceButton {{ background: {p.surface}; border: 2px solid {p.border}; border-radius: 14px;
    text-align: left; padding: 0; }}
ChoiceButton:hover {{ border-color: {p.accent}; }}
ChoiceButton:focus {{ border: 3px solid {p.focus}; }}
ChoiceButton:checked {{ background: {p.accent_soft}; border: 3px solid {p.accent}; }}
ChoiceButton[verdict="right"] {{ background: {p.surface}; border: 3px solid {p.success}; }}
ChoiceButton[verdict="wrong"] {{ background: {p.surface}; border: 3px solid {p.danger}; }}
ChoiceButton[verdict="missed"] {{ background: {p.warning_soft}; border: 3px dashed {p.warning}; }}
ChoiceButton[verdict="answer"] {{ background: {p.surface}; border: 3px solid {p.success}; }}
ChoiceButton:disabled {{ color: {p.text}; }}
QLabel[role="badge"] {{ background: {p.surface_alt}; color: {p.text}; border-radius: 8px;
    font-weight: 700; font-size: {theme.px("large")}px; qproperty-alignment: AlignCenter; }}
QLabel[role="choiceText"] {{ font-size: {theme.px("large")}px; background: transparent; }}
QLabel[role="right"] {{ color: {p.success}; font-size: {theme.px("h2")}px; font-weight: 700; }}
QLabel[role="wrong"] {{ color: {p.danger}; font-size: {theme.px("h2")}px; font-weight: 700; }}
QLabel[role="prompt"] {{ font-size: {theme.px("h2")}px; font-weight: 650; }}
QLabel[role="score"] {{ font-size: {theme.px("display")}px; font-weight: 800; color: {p.accent}; }}
QFrame[role="feedback-right"] {{ background: {p.surface}; border: 2px solid {p.success};
    border-radius: 14px; }}
QFrame[role="feedback-wrong"] {{ background: {p.surface}; border: 2px solid {p.danger};
    border-radius: 14px; }}
WrappingLinkButton {{ background: transparent; border: 2px solid transparent;
    border-radius: 6px; padding: 0; min-height: 0; }}
WrappingLinkButton:focus {{ border: 2px solid {p.focus}; }}
QLabel[role="linkText"] {{ color: {p.accent}; background: transparent; font-weight: 600;
    text-decoration: underline; }}
QPushButton[role="primary"] {{ min-height: 40px; font-size: {theme.px("large")}px;
    padding: 10px 28px; }}
"""
