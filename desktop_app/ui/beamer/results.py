"""The results: ranked bars drawn at beamer scale, only after the facilitator reveals.

Every row is a rank ("2." twice for a tie), the item's name and a bar with its
total at the end, all in key text (at least 1/25 of the screen height), so the
top items read from the back of a canteen, in the beamer's own colours (light
or dark). Rows that do not fit go to the next page, which turns as the other
views' pages do; the top of the ranking is always page 1. Before the reveal
nothing of the result is drawn anywhere, the thumbnail included.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from desktop_app.core import run_state
from desktop_app.core.ranking import RankedItem, ranking_of, vote_items
from desktop_app.ui.beamer.base import BeamerView, clamp_page
from desktop_app.ui.beamer.sizing import Drawing, Scale, Shape, TextBlock, font, text_height

#: Largest name text, as a share of the screen height (few items: larger).
LARGEST = 1 / 16
#: A name takes at most this many lines; longer ones get the next smaller size.
MAX_NAME_LINES = 2


@dataclass(frozen=True, slots=True)
class _Row:
    rank: str
    name: str
    total: int
    height: float


class ResultsView(BeamerView):
    name = "results"

    def revealed(self) -> bool:
        return bool(self.stage.state(run_state.RESULTS_REVEALED, False))

    def build(self, scale: Scale) -> Drawing:
        drawing = Drawing()
        rect = self.header(drawing, scale, self.tr("Uitslag van de stemming"))
        if not self.revealed():
            self.page_count, self.page = 1, 0
            self.empty(
                drawing, scale, rect, self.tr("De uitslag volgt zodra alle stemmen geteld zijn.")
            )
            return drawing
        snapshot = self.stage.snapshot()
        ranking = ranking_of(snapshot)
        if not ranking or sum(item.total for item in ranking) == 0:
            self.page_count, self.page = 1, 0
            self.empty(drawing, scale, rect, self.tr("Er zijn nog geen stemmen uitgebracht."))
            return drawing
        labels = dict(vote_items(snapshot))
        pages, px = self._paginate(ranking, labels, rect, scale)
        self.page_count = len(pages)
        self.page = clamp_page(self.page, self.page_count)
        self._draw_rows(drawing, pages[self.page], rect, scale, px, max(r.total for r in ranking))
        self.footer(drawing, scale)
        return drawing

    # ------------------------------------------------------------ layout
    def _columns(self, ranking: list[RankedItem], px: float) -> tuple[float, float]:
        """Widths of the rank column and of the totals at the bars' ends."""
        metrics = QFontMetricsF(font(px, bold=True))
        rank_w = max(metrics.horizontalAdvance(f"{item.rank}.") for item in ranking) + px * 0.5
        total_w = max(metrics.horizontalAdvance(str(item.total)) for item in ranking) + px * 0.4
        return rank_w, total_w

    def _rows(
        self,
        ranking: list[RankedItem],
        labels: dict[str, str],
        width: float,
        px: float,
        max_lines: int | None = MAX_NAME_LINES,
    ) -> list[_Row] | None:
        """The rows at name size ``px``; None when a name needs more than ``max_lines``."""
        rank_w, _ = self._columns(ranking, px)
        name_w = width - rank_w
        name_font = font(px, bold=True)
        line = QFontMetricsF(name_font).height()
        rows = []
        for item in ranking:
            name = " ".join(labels.get(item.item_id, "").split()) or "–"
            h = text_height(name, name_font, name_w)
            if max_lines is not None and h > line * max_lines + 1:
                return None
            rows.append(_Row(f"{item.rank}.", name, item.total, h + px * 0.15 + line))
        return rows

    def _paginate(
        self, ranking: list[RankedItem], labels: dict[str, str], rect: QRectF, scale: Scale
    ) -> tuple[list[list[_Row]], float]:
        """The largest name size at which every row fits one page, else pages at key size."""
        gap = scale.gap * 1.5
        px = max(float(scale.key), math.floor(scale.height * LARGEST))
        while px > scale.key:
            rows = self._rows(ranking, labels, rect.width(), px)
            if rows is not None and sum(r.height for r in rows) + gap * (len(rows) - 1) <= (
                rect.height()
            ):
                return [rows], px
            px = max(float(scale.key), math.floor(px * 0.92))
        px = float(scale.key)
        rows = self._rows(ranking, labels, rect.width(), px, max_lines=None)
        assert rows is not None
        pages: list[list[_Row]] = [[]]
        used = 0.0
        for row in rows:
            need = row.height + (gap if pages[-1] else 0)
            if pages[-1] and used + need > rect.height():
                pages.append([])
                used, need = 0.0, row.height
            pages[-1].append(row)
            used += need
        return pages, px

    def _draw_rows(
        self,
        drawing: Drawing,
        rows: list[_Row],
        rect: QRectF,
        scale: Scale,
        px: float,
        peak: int,
    ) -> None:
        theme = self.theme
        gap = scale.gap * 1.5
        bold = font(px, bold=True)
        metrics = QFontMetricsF(bold)
        rank_w = max(metrics.horizontalAdvance(r.rank) for r in rows) + px * 0.5
        total_w = max(metrics.horizontalAdvance(str(r.total)) for r in rows) + px * 0.4
        x = rect.x() + rank_w
        name_w = rect.width() - rank_w
        bar_room = max(1.0, name_w - total_w - px * 0.3)
        line_h = metrics.height()
        bar_h = line_h * 0.8
        y = rect.y()
        for row in rows:
            name_h = text_height(row.name, bold, name_w)
            drawing.add_text(
                TextBlock(
                    QRectF(rect.x(), y, rank_w, line_h),
                    row.rank,
                    bold,
                    theme.accent,
                    key=True,
                    wrap=False,
                    name="rank",
                )
            )
            drawing.add_text(
                TextBlock(
                    QRectF(x, y, name_w, name_h), row.name, bold, theme.text, key=True, name="item"
                )
            )
            line_y = y + name_h + px * 0.15  # the bar's line: the bar, then its total
            length = max(bar_h * 0.25, bar_room * row.total / max(1, peak))
            drawing.shapes.append(
                Shape(
                    QRectF(x, line_y + (line_h - bar_h) / 2, length, bar_h),
                    theme.bar,
                    radius=bar_h * 0.15,
                )
            )
            drawing.add_text(
                TextBlock(
                    QRectF(x + length + px * 0.3, line_y, total_w, line_h),
                    str(row.total),
                    bold,
                    theme.text,
                    key=True,
                    wrap=False,
                    name="total",
                )
            )
            y += row.height + gap
