"""Rules of the action plan that every view shares: the impact/effort quadrants.

Impact and effort are scored 1-5. The matrix splits each axis between 2 and 3:

* impact **high** when ``impact >= 3`` (3, 4, 5), low when 1 or 2;
* effort **low** when ``effort <= 2`` (1, 2), high when 3, 4 or 5.

So a middling score (3) counts as high impact but also as high effort: an
intervention has to be clearly easy to be a quick win, and is taken seriously
as soon as its impact is average. On the chart the dividing lines sit at 2.5
on both axes, so every point lies inside its quadrant, never on a line.

=============  ==============  ==============
               effort 1-2      effort 3-5
=============  ==============  ==============
impact 3-5     quick wins      big projects
impact 1-2     fill-ins        reconsider
=============  ==============  ==============
"""

from __future__ import annotations

from typing import Final

from desktop_app.core import labels
from desktop_app.core.labels import Text

SCORE_MIN: Final = 1
SCORE_MAX: Final = 5
HIGH_IMPACT_MIN: Final = 3
"""The lowest impact that counts as high."""
LOW_EFFORT_MAX: Final = 2
"""The highest effort that counts as low."""
DIVIDER: Final = 2.5
"""Where the chart draws the quadrant lines, on both axes."""

QUICK_WINS: Final = "quick_wins"
BIG_PROJECTS: Final = "big_projects"
FILL_INS: Final = "fill_ins"
RECONSIDER: Final = "reconsider"
QUADRANTS: Final[tuple[str, ...]] = (QUICK_WINS, BIG_PROJECTS, FILL_INS, RECONSIDER)

# quadrant -> (Dutch, English): in the one catalogue, desktop_app/core/labels.py.
QUADRANT_NAMES: Final[dict[str, Text]] = labels.QUADRANT
assert set(QUADRANT_NAMES) == set(QUADRANTS)


def _check(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int from {SCORE_MIN} to {SCORE_MAX}, got {value!r}")
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise ValueError(f"{name} must be from {SCORE_MIN} to {SCORE_MAX}, got {value}")


def quadrant_of(impact: int, effort: int) -> str:
    """The quadrant key (one of :data:`QUADRANTS`) of an impact and effort score.

    Raises ``ValueError`` for a score outside 1-5 and ``TypeError`` for a non-int.
    """
    _check("impact", impact)
    _check("effort", effort)
    high_impact = impact >= HIGH_IMPACT_MIN
    low_effort = effort <= LOW_EFFORT_MAX
    if high_impact:
        return QUICK_WINS if low_effort else BIG_PROJECTS
    return FILL_INS if low_effort else RECONSIDER


def quadrant_name(quadrant: str, lang: str = "nl") -> str:
    """The quadrant's name in ``lang`` (nl or en; anything else gives Dutch)."""
    return labels.pick(QUADRANT_NAMES[quadrant], lang)
