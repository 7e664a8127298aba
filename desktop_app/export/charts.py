"""Chart figures for the report, the console and the beamer (matplotlib, no Qt).

Every builder draws onto a :class:`matplotlib.figure.Figure`: one it is given
(the GUI passes the figure of its ``FigureCanvasQTAgg``, and keeps its size) or
a new one sized for the report. No pyplot, no global rcParams: fonts and
colours are passed to every artist, so the GUI's own settings never leak in.
Text the room typed is drawn with ``parse_math=False``: a theme called
"$5 of $10 per maand" is text, never mathtext (which could fail on a stray
backslash and needs fonts the built app leaves out, see build_installer.spec).

Colours are colour-blind safe: one hue in two lightnesses for the vote result
(plus the numbers written on the bars), Okabe-Ito for the matrix quadrants,
which are also named and told apart by position.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Final

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.transforms import blended_transform_factory

from desktop_app.core import labels
from desktop_app.core.action_plan import (
    BIG_PROJECTS,
    DIVIDER,
    FILL_INS,
    QUICK_WINS,
    RECONSIDER,
    SCORE_MAX,
    SCORE_MIN,
    quadrant_name,
    quadrant_of,
)
from desktop_app.core.model import Intervention, SessionSnapshot
from desktop_app.core.ranking import ranking_of, vote_items

# Kept in step with desktop_app/ui/palette.py by hand: export must not import ui/.
ACCENT: Final = "#1F6F78"
ACCENT_PALE: Final = "#9FC7CB"
TEXT: Final = "#2A2724"
MUTED: Final = "#6B655D"
GRID: Final = "#DAD4CB"

# DejaVu Sans first; matplotlib's bundled Last Resort font draws a placeholder
# for anything DejaVu lacks (colour emoji, CJK) instead of warning.
FONT_FAMILY: Final[list[str]] = ["DejaVu Sans", "Last Resort High-Efficiency"]
# Bold and italic text is always the app's own (ranks, numbers, quadrant names):
# Last Resort has no bold, and asking for it makes matplotlib log a complaint.
OWN_TEXT_FAMILY: Final[list[str]] = ["DejaVu Sans"]

# Okabe-Ito per quadrant: marker colour and a pale tint for its background.
QUADRANT_COLOURS: Final[dict[str, str]] = {
    QUICK_WINS: "#009E73",  # bluish green
    BIG_PROJECTS: "#0072B2",  # blue
    FILL_INS: "#E69F00",  # orange
    RECONSIDER: "#D55E00",  # vermillion
}
QUADRANT_TINTS: Final[dict[str, str]] = {
    QUICK_WINS: "#E5F5F0",
    BIG_PROJECTS: "#E5F0F7",
    FILL_INS: "#FCF3E0",
    RECONSIDER: "#FAEBE0",
}
# Darker text versions (WCAG AA on the tints).
QUADRANT_TEXT: Final[dict[str, str]] = {
    QUICK_WINS: "#007A59",
    BIG_PROJECTS: "#005A8C",
    FILL_INS: "#8A5F00",
    RECONSIDER: "#B34D00",
}

# The words of the charts: in the one catalogue, desktop_app/core/labels.py.
TEXTS: Final = {lang: labels.words(labels.CHART, lang) for lang in labels.LANGUAGES}

RESULT_ROW_INCHES: Final = 0.52
MAX_RESULT_ROWS: Final = 25


def _texts(lang: str) -> dict[str, str]:
    return TEXTS.get(lang, TEXTS["nl"])


def _prepare(figure: Figure | None, size: tuple[float, float]) -> Figure:
    if figure is None:
        return Figure(figsize=size, facecolor="white")
    figure.clear()
    figure.set_facecolor("white")
    return figure


def _one_line(text: str, max_chars: int) -> str:
    """The text on one line, shortened with an ellipsis to ``max_chars``."""
    flat = " ".join(text.split())
    if len(flat) <= max_chars:
        return flat
    return flat[: max(1, max_chars - 1)].rstrip() + "…"


def _fraction(figure: Figure, inches: float, axis: int) -> float:
    return inches / float(figure.get_size_inches()[axis])


# --------------------------------------------------------------------------- results


def results_figure(
    snapshot: SessionSnapshot,
    *,
    figure: Figure | None = None,
    lang: str = "nl",
    max_items: int = MAX_RESULT_ROWS,
) -> Figure:
    """A ranked horizontal bar chart of the vote totals, highest at the top.

    Each bar has its rank on the left ("2." twice for a tie: shared ranks),
    its item's name above it and its total at its end. Items that became an
    intervention are drawn in the accent colour, the others paler. At most
    ``max_items`` rows, extended so a tie at the cut is never split.
    """
    t = _texts(lang)
    labels = dict(vote_items(snapshot))
    ranking = ranking_of(snapshot)
    shown = [item for item in ranking if item.rank <= max_items]
    hidden = len(ranking) - len(shown)
    rows = max(len(shown), 1) + (1 if hidden else 0)
    fig = _prepare(figure, (7.5, 0.7 + RESULT_ROW_INCHES * rows))
    width = float(fig.get_size_inches()[0])
    left, right, bottom, top = 0.5, 0.35, 0.55, 0.1
    ax = fig.add_axes(
        (
            _fraction(fig, left, 0),
            _fraction(fig, bottom, 1),
            max(0.1, 1 - _fraction(fig, left + right, 0)),
            max(0.1, 1 - _fraction(fig, bottom + top, 1)),
        )
    )
    _style_axes(ax)
    total_dots = sum(item.total for item in ranking)
    if not ranking or total_dots == 0:
        ax.set_axis_off()
        ax.text(
            0.5,
            0.5,
            t["no_items"] if not ranking else t["no_votes"],
            ha="center",
            va="center",
            color=MUTED,
            fontsize=12,
            fontfamily=FONT_FAMILY,
            transform=ax.transAxes,
        )
        return fig

    planned = {iv.cluster_id for iv in snapshot.live_interventions() if iv.cluster_id}
    highlight = snapshot.session.votes_on == "cluster" and bool(planned)
    ys = list(range(len(shown)))
    totals = [item.total for item in shown]
    colours = [
        ACCENT if not highlight or item.item_id in planned else ACCENT_PALE for item in shown
    ]
    ax.barh(ys, totals, height=0.42, color=colours, zorder=2, gid="results")
    peak = max(totals)
    ax.set_xlim(0, peak * 1.12 + 0.5)
    ax.set_ylim(len(shown) - 0.45 + (0.6 if hidden else 0), -0.75)
    ax.set_yticks([])
    axes_width = width - left - right
    axes_height = max(0.1, float(fig.get_size_inches()[1]) - bottom - top)
    max_chars = max(12, int(axes_width / (9.5 * 0.6 / 72)))
    rank_transform = blended_transform_factory(ax.transAxes, ax.transData)
    for y, item in zip(ys, shown, strict=True):
        ax.text(
            0,
            y - 0.27,
            _one_line(labels.get(item.item_id, ""), max_chars),
            ha="left",
            va="bottom",
            fontsize=9.5,
            color=TEXT,
            fontfamily=FONT_FAMILY,
            parse_math=False,  # typed text: "$5 of $10" is money, not mathtext
        )
        ax.text(
            -0.015,
            y,
            f"{item.rank}.",
            ha="right",
            va="center",
            fontsize=11,
            fontweight="bold",
            color=ACCENT,
            fontfamily=OWN_TEXT_FAMILY,
            transform=rank_transform,
        )
        ax.text(
            item.total + peak * 0.012 + 0.05,
            y,
            str(item.total),
            ha="left",
            va="center",
            fontsize=9.5,
            fontweight="bold",
            color=TEXT,
            fontfamily=OWN_TEXT_FAMILY,
        )
    if hidden:
        ax.text(
            0,
            len(shown) - 0.1,
            t["more"].format(count=hidden),
            ha="left",
            va="center",
            fontsize=9,
            fontstyle="italic",
            color=MUTED,
            fontfamily=OWN_TEXT_FAMILY,
        )
    ax.set_xlabel(t["dots"], color=MUTED, fontsize=9, fontfamily=OWN_TEXT_FAMILY, loc="left")
    if highlight:
        handles = [
            Rectangle((0, 0), 1, 1, color=ACCENT),
            Rectangle((0, 0), 1, 1, color=ACCENT_PALE),
        ]
        ax.legend(
            handles,
            [t["in_plan"], t["not_in_plan"]],
            # Below the axes, beside the axis label: never over a bar or its name.
            loc="upper right",
            bbox_to_anchor=(1.0, -0.2 / axes_height),
            ncols=2,
            frameon=False,
            borderaxespad=0,
            handlelength=1.2,
            columnspacing=1.4,
            prop={"family": OWN_TEXT_FAMILY, "size": 8},
        )
    return fig


def _style_axes(ax: Axes) -> None:
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(GRID)
    ax.tick_params(axis="x", colors=MUTED, labelsize=8.5)
    ax.xaxis.grid(True, color=GRID, linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)


# --------------------------------------------------------------------------- matrix


def scored(intervention: Intervention) -> bool:
    """True when the intervention has an impact and an effort score of 1-5."""
    return all(
        isinstance(v, int) and not isinstance(v, bool) and SCORE_MIN <= v <= SCORE_MAX
        for v in (intervention.impact, intervention.effort)
    )


def impact_effort_figure(
    interventions: Sequence[Intervention],
    *,
    figure: Figure | None = None,
    lang: str = "nl",
) -> Figure:
    """A 2x2 impact/effort matrix: effort 1-5 on x, impact 1-5 on y.

    Every scored intervention is one point at exactly (effort, impact), in one
    scatter collection (gid ``"interventions"``) in the order given, coloured
    by quadrant. Points are numbered 1, 2, ... in that order; interventions
    with the same scores share a spot, whose label lists all their numbers
    ("2, 5"). A key beside the matrix gives each number's title; unscored
    interventions are listed there too, marked as such.
    """
    t = _texts(lang)
    fig = _prepare(figure, (7.5, 4.9))
    width, height = fig.get_size_inches()
    side = max(1.0, min(height - 0.95, width * 0.56))
    ax = fig.add_axes(
        (
            _fraction(fig, 0.62, 0),
            _fraction(fig, 0.62, 1),
            _fraction(fig, side, 0),
            _fraction(fig, side, 1),
        )
    )
    lo, hi = SCORE_MIN - 0.5, SCORE_MAX + 0.5
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xticks(range(SCORE_MIN, SCORE_MAX + 1))
    ax.set_yticks(range(SCORE_MIN, SCORE_MAX + 1))
    ax.tick_params(colors=MUTED, labelsize=8.5, length=0)
    for spine in ax.spines.values():
        spine.set_color(GRID)
    ax.set_xlabel(t["effort"], color=MUTED, fontsize=9, fontfamily=FONT_FAMILY)
    ax.set_ylabel(t["impact"], color=MUTED, fontsize=9, fontfamily=FONT_FAMILY)
    corners = {
        QUICK_WINS: (lo, DIVIDER, DIVIDER - lo, hi - DIVIDER),
        BIG_PROJECTS: (DIVIDER, DIVIDER, hi - DIVIDER, hi - DIVIDER),
        FILL_INS: (lo, lo, DIVIDER - lo, DIVIDER - lo),
        RECONSIDER: (DIVIDER, lo, hi - DIVIDER, DIVIDER - lo),
    }
    for quadrant, (x, y, w, h) in corners.items():
        ax.add_patch(
            Rectangle((x, y), w, h, facecolor=QUADRANT_TINTS[quadrant], edgecolor="none", zorder=0)
        )
        ax.text(
            x + 0.08,
            y + h - 0.08,
            quadrant_name(quadrant, lang),
            ha="left",
            va="top",
            fontsize=9.5,
            fontweight="bold",
            color=QUADRANT_TEXT[quadrant],
            fontfamily=OWN_TEXT_FAMILY,
            zorder=1,
        )
    ax.axvline(DIVIDER, color=GRID, linewidth=1.2, zorder=1)
    ax.axhline(DIVIDER, color=GRID, linewidth=1.2, zorder=1)

    numbered = list(enumerate(interventions, start=1))
    # (number, effort, impact) of every scored intervention, in the order given.
    points = [
        (n, iv.effort, iv.impact)
        for n, iv in numbered
        if iv.effort is not None and iv.impact is not None and scored(iv)
    ]
    if points:
        spots: dict[tuple[int, int], list[int]] = {}
        for n, effort, impact in points:
            spots.setdefault((effort, impact), []).append(n)
        sizes = [
            330 * max(1.0, len(",".join(map(str, spots[(e, i)]))) / 2.2) ** 2 for _, e, i in points
        ]
        ax.scatter(
            [effort for _, effort, _ in points],
            [impact for _, _, impact in points],
            s=sizes,
            c=[QUADRANT_COLOURS[quadrant_of(impact, effort)] for _, effort, impact in points],
            edgecolors="white",
            linewidths=1.5,
            zorder=3,
            gid="interventions",
        )
        for (effort, impact), numbers in spots.items():
            ax.text(
                effort,
                impact,
                ",".join(str(n) for n in numbers),
                ha="center",
                va="center",
                fontsize=9,
                fontweight="bold",
                color="white",
                fontfamily=OWN_TEXT_FAMILY,
                zorder=4,
            )
    else:
        ax.text(
            3,
            3,
            t["no_interventions"],
            ha="center",
            va="center",
            fontsize=10,
            color=MUTED,
            fontfamily=FONT_FAMILY,
            zorder=4,
            bbox={"facecolor": "white", "edgecolor": GRID, "boxstyle": "round,pad=0.5"},
        )
    _draw_key(fig, numbered, t, key_left=0.62 + side + 0.3)
    return fig


def _draw_key(
    fig: Figure,
    numbered: Sequence[tuple[int, Intervention]],
    t: dict[str, str],
    *,
    key_left: float,
) -> None:
    width, height = fig.get_size_inches()
    key_width = width - key_left - 0.15
    if not numbered or key_width < 0.8:
        return
    x = _fraction(fig, key_left, 0)
    top = 1 - _fraction(fig, 0.2, 1)
    fig.text(
        x,
        top,
        t["key"],
        ha="left",
        va="top",
        fontsize=10,
        fontweight="bold",
        color=TEXT,
        fontfamily=OWN_TEXT_FAMILY,
    )
    fontsize = 8.5
    indent = 0.28
    chars = max(10, int((key_width - indent) / (fontsize * 0.56 / 72)))
    entries: list[tuple[str, list[str]]] = []
    for n, iv in numbered:
        title = " ".join(iv.title.split())
        if not scored(iv):
            title = f"{title} ({t['unscored']})"
        wrapped = textwrap.wrap(title, width=chars, max_lines=3, placeholder=" …") or [""]
        entries.append((f"{n}.", wrapped))
    line_count = sum(len(lines) for _, lines in entries) + 0.4 * len(entries)
    available_points = (height - 0.6) * 72
    fontsize = max(5.0, min(fontsize, available_points / (line_count * 1.35)))
    step = _fraction(fig, fontsize * 1.35 / 72, 1)
    y = top - _fraction(fig, 0.32, 1)
    for number, lines in entries:
        fig.text(
            x,
            y,
            number,
            ha="left",
            va="top",
            fontsize=fontsize,
            fontweight="bold",
            color=ACCENT,
            fontfamily=OWN_TEXT_FAMILY,
        )
        fig.text(
            x + _fraction(fig, indent, 0),
            y,
            "\n".join(lines),
            ha="left",
            va="top",
            fontsize=fontsize,
            color=TEXT,
            fontfamily=FONT_FAMILY,
            linespacing=1.35,
            parse_math=False,  # typed text: "$5 of $10" is money, not mathtext
        )
        y -= step * (len(lines) + 0.4)
