"""The beamer's two colour themes: light high-contrast and dark.

Colours come from desktop_app/ui/palette.py (Okabe-Ito for groups and status),
so they stay distinguishable for colour-blind viewers; colour is never the only
cue (the last minute also says so in words, the newest proposal has a label).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from desktop_app.ui import palette


@dataclass(frozen=True, slots=True)
class BeamerTheme:
    name: str
    background: QColor
    text: QColor
    muted: QColor
    accent: QColor
    card: QColor
    card_border: QColor
    highlight: QColor  # background of the newest proposal
    highlight_border: QColor
    warning: QColor  # countdown in the last minute
    danger: QColor  # time's up
    bar: QColor  # the results' bars


LIGHT = BeamerTheme(
    name="light",
    background=QColor("#FFFFFF"),
    text=QColor("#111111"),  # 18.9:1 on white
    muted=QColor("#4A4540"),  # 9.6:1 on white
    accent=QColor(palette.ACCENT_DARK),
    card=QColor("#F4F1EC"),
    card_border=QColor("#C9C1B5"),
    highlight=QColor("#FFF3D6"),
    highlight_border=QColor(palette.WARNING),
    warning=QColor(palette.WARNING_TEXT),
    danger=QColor(palette.DANGER_TEXT),
    bar=QColor(palette.ACCENT),
)

DARK = BeamerTheme(
    name="dark",
    background=QColor("#101214"),
    text=QColor("#F4F4F4"),
    muted=QColor("#C4C0BA"),
    accent=QColor("#7FD0D8"),
    card=QColor("#1E2226"),
    card_border=QColor("#3A4046"),
    highlight=QColor("#3A2E10"),
    highlight_border=QColor(palette.WARNING),
    warning=QColor(palette.WARNING),
    danger=QColor("#FF8A4C"),
    bar=QColor("#3FA3AE"),
)

THEMES = {"light": LIGHT, "dark": DARK}


def theme_named(name: str) -> BeamerTheme:
    return THEMES.get(name, LIGHT)


def group_color(index: int) -> QColor:
    """A colour-blind-safe colour per table or theme (Okabe-Ito, black left out)."""
    return QColor(palette.OKABE_ITO[index % 7])
