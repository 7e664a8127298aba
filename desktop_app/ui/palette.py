"""The app's colours, in one place.

The same values are written out in ``resources/styles/tafelronde.qss`` (Qt
stylesheets have no variables); keep the two in step. Charts, the beamer and
anything that paints by hand take their colours from here.

Status colours come from the Okabe-Ito palette, which stays distinguishable
for the common kinds of colour blindness. The pure Okabe-Ito tones are for
fills, markers and icons; the ``*_TEXT`` variants are the same hues darkened
to reach WCAG AA contrast (>= 4.5:1) as text on ``SURFACE`` and ``BACKGROUND``.
"""

from __future__ import annotations

from typing import Final

# Accent: a deep, warm teal. White text on ACCENT is 5.8:1, on ACCENT_DARK 8.6:1.
ACCENT: Final = "#1F6F78"
ACCENT_DARK: Final = "#14545B"
ACCENT_LIGHT: Final = "#E1EFEF"  # selection and hover tint behind TEXT

# Neutrals, slightly warm.
TEXT: Final = "#2A2724"
MUTED: Final = "#6B655D"  # secondary text, hints; 5.2:1 on BACKGROUND
BORDER: Final = "#DAD4CB"
SURFACE: Final = "#FFFFFF"  # inputs, tables, cards
BACKGROUND: Final = "#F5F2ED"  # window background
SIDEBAR: Final = "#EDE8E0"  # the step navigation on the left

# Status (Okabe-Ito): orange, vermillion, bluish green.
WARNING: Final = "#E69F00"
DANGER: Final = "#D55E00"
SUCCESS: Final = "#009E73"
WARNING_TEXT: Final = "#8A5F00"
DANGER_TEXT: Final = "#B34D00"
SUCCESS_TEXT: Final = "#007A59"

# The eight Okabe-Ito colours, for theme colours and chart series. Black last,
# so the first seven are the coloured ones.
OKABE_ITO: Final[tuple[str, ...]] = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#000000",  # black
)


def theme_color(index: int) -> str:
    """Colour for the ``index``-th theme or chart series, cycling through Okabe-Ito."""
    return OKABE_ITO[index % len(OKABE_ITO)]
