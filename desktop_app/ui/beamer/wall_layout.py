"""How the wall lays out: the largest font at which every card fits (or pages, above a floor
read from the back of the room), cards flowing down columns group by group, and the
page each card lands on. Sizes are cached per font size, so a new card costs little."""

from __future__ import annotations

import math
from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from desktop_app.ui.beamer.base import BeamerView
from desktop_app.ui.beamer.sizing import Scale
from desktop_app.ui.beamer.stage_protocol import Stage
from desktop_app.ui.beamer.wall_text import Placed, WallFonts, WallItem, card_lines

#: The font size (px) at which text widths are measured once and then scaled.
REFERENCE_PX = 100
# The wall pages rather than going below this share of the screen height: the
# rule's floor (1/60) is too small for a wall read from the back of a canteen.
WALL_FLOOR_FRACTION = 1 / 45


class WallLayout(BeamerView):
    """The layout of :class:`~desktop_app.ui.beamer.wall.WallView`."""

    if TYPE_CHECKING:  # the wall's data, which WallView keeps
        by_theme: bool
        items: list[WallItem]
        _by_group: dict[str, list[WallItem]]
        groups: dict[str, tuple[str, int]]
        newest_id: str | None

    def __init__(self, stage: Stage) -> None:
        super().__init__(stage)
        # What the last layout chose, and sizes cached per font size.
        self.px = 0
        self._page_items: list[Placed] = []
        self._newest_page: int | None = None
        self._layout_key: tuple[object, ...] | None = None
        self._reference: dict[tuple[str, str], float] = {}  # (id, text) -> width at 100 px
        self._heads: dict[tuple[int, int], dict[str, tuple[list[str], list[str]]]] = {}
        # (px, column width) -> proposal id -> (its text, its lines)
        self._lines: dict[tuple[int, int], dict[str, tuple[str, list[str]]]] = {}
        self._fonts: dict[int, WallFonts] = {}
        self._starts: list[tuple[int, int]] = []  # where each page starts
        self._group_page: dict[str, int] = {}  # group -> page of its last member
        self._position: dict[str, tuple[str, int]] = {}  # id -> (group, index in it)
        # (px, text width, group) -> running heights of its cards, see _group_ends
        self._ends: dict[tuple[int, int, str], list[float]] = {}

    def _fonts_at(self, px: int) -> WallFonts:
        fonts = self._fonts.get(px)
        if fonts is None:
            fonts = self._fonts[px] = WallFonts(px)
        return fonts

    def _reference_width(self, item: WallItem, reference: WallFonts) -> float:
        key = (item.id, item.text)
        w = self._reference.get(key)
        if w is None:
            w = self._reference[key] = reference.text_width(
                item.text
            ) + REFERENCE_PX * 2 * item.text.count("\n")
        return w

    def _columns(self, px: int, width: float, gap: float) -> tuple[int, float]:
        columns = int(max(1, min(6, (width + gap) // (px * 15 + gap))))
        return columns, (width - gap * (columns - 1)) / columns

    def _estimate(
        self, px: int, area: QRectF, scale: Scale, widths: list[float], groups: int
    ) -> float:
        """Estimated share of one page the wall needs at ``px`` (cheap, no wrapping)."""
        gap = scale.gap
        columns, col_w = self._columns(px, area.width(), gap)
        inner = col_w - px * 1.05
        line = px * 1.2
        needed = sum(
            math.ceil(w * px / REFERENCE_PX / inner) * line + px * 0.8 + gap for w in widths
        )
        needed += groups * (line + gap)
        return needed / (columns * area.height())

    def _lower_bound(self, px: int, area: QRectF, scale: Scale, total: float, count: int) -> float:
        """A quick lower bound of the share of one page needed at ``px``."""
        columns, col_w = self._columns(px, area.width(), scale.gap)
        inner = col_w - px * 1.05
        needed = total * px / REFERENCE_PX / inner * px * 1.2 + count * (px * 0.8 + scale.gap)
        return needed / (columns * area.height())

    def _sizes(self, scale: Scale) -> list[int]:
        sizes: list[int] = []
        px = scale.height / 16
        while px > scale.minimum:
            sizes.append(int(px))
            px *= 0.92
        sizes.append(int(scale.minimum))
        floor = max(scale.minimum, scale.height * WALL_FLOOR_FRACTION)
        return sorted({s for s in sizes if s >= floor} or {int(floor)}, reverse=True)

    def _choose_px(self, area: QRectF, scale: Scale) -> int:
        """The largest size at which the whole wall fits one page; else the smallest.

        A cheap estimate rules out the sizes that are far too large; the rest are
        tried with the real layout (binary search).
        """
        sizes = self._sizes(scale)
        if not self.items:
            return sizes[0]
        count = len(self.items)
        if all(self._lower_bound(px, area, scale, 0.0, count) > 1.6 for px in sizes):
            return sizes[-1]  # the cards' padding alone needs pages: no text to measure
        reference = self._fonts_at(REFERENCE_PX)
        widths = [self._reference_width(item, reference) for item in self.items]
        groups = len({item.group for item in self.items})
        total = sum(widths)
        candidates = [
            px
            for px in sizes
            if self._lower_bound(px, area, scale, total, len(widths)) <= 1.6
            and self._estimate(px, area, scale, widths, groups) <= 1.6
        ]
        if not candidates:
            return sizes[-1]
        lo, hi = 0, len(candidates) - 1  # candidates[hi] is the smallest
        if self._flow(candidates[hi], area, scale, stop_after=1)[0] > 1:
            return candidates[hi]
        while lo < hi:
            mid = (lo + hi) // 2
            if self._flow(candidates[mid], area, scale, stop_after=1)[0] == 1:
                hi = mid
            else:
                lo = mid + 1
        return candidates[lo]

    def _relayout(self, appended: set[str] | None = None) -> None:
        """Lay the wall out for its size (if anything changed since the last time).

        ``appended``: the groups that just got proposals at their end. The pages
        before the one where the first of them ended are unchanged then, so the
        flow resumes there instead of starting over.
        """
        scale = self.scale()
        area = self._area(scale)
        key = (scale.width, scale.height, len(self.items), self.by_theme)
        if key == self._layout_key:
            return
        previous = self._layout_key
        grown = (
            previous is not None
            and previous[:2] == key[:2]
            and isinstance(previous[2], int)
            and previous[2] < len(self.items)
        )
        self._layout_key = key
        resume: int | None = None
        if grown and self.px == self._sizes(scale)[-1]:
            # more proposals never need a larger size: at the smallest, stay there
            if appended and self._starts and all(g in self._group_page for g in appended):
                resume = min(self._group_page[g] for g in appended)
        else:
            self.px = self._choose_px(area, scale)
        self.page_count, self._newest_page, _ = self._flow(
            self.px, area, scale, starts=self._starts, resume=resume
        )
        self.page = min(self.page, self.page_count - 1)

    def _flow(
        self,
        px: int,
        area: QRectF,
        scale: Scale,
        *,
        collect: int | None = None,
        stop_after: int | None = None,
        starts: list[tuple[int, int]] | None = None,
        resume: int | None = None,
    ) -> tuple[int, int | None, list[Placed]]:
        """Lay the wall out at ``px``: (pages, page of the newest, what is on page ``collect``).

        Cards flow down the columns, group by group; a full page starts the
        next. A group's name heads each column it continues in. A text taller
        than a whole column (thousands of characters) shows what fits and ends
        in "…". Only the collected page gets objects: laying out thousands of
        proposals allocates next to nothing (no garbage-collector pauses).
        ``starts`` receives where each page starts (group, member); given with
        ``collect``, the flow starts at that page instead of the first; given
        with ``resume``, the pages before that one are kept and the flow goes on
        from there (the newest proposal must lie after its start).
        """
        fonts = self._fonts_at(px)
        gap = scale.gap
        columns, col_w = self._columns(px, area.width(), gap)
        pad = max(2, round(px * 0.4))
        inner = col_w - 2 * pad - px * 0.25  # room for the colour bar
        bold_line = math.ceil(fonts.bold_metrics.lineSpacing())
        line = fonts.line
        header_width = col_w - px * 0.6
        max_lines = max(1, int((area.height() - 3 * bold_line - 2 * pad - 2 * gap) // line))
        heads = self._heads.get((px, int(header_width)))
        if heads is None:
            heads = self._heads[(px, int(header_width))] = {}
        cache = self._lines.setdefault((px, int(inner)), {})
        placed: list[Placed] = []
        pages = 1
        newest_page: int | None = None
        newest = self.newest_id
        newest_group, newest_index = self._position.get(newest or "", ("", -1))
        column = 0
        # y runs from the top of the area: all heights are whole or half pixels,
        # and so is the bottom: sums are exact, and skipping along runs of cards
        # lands where stepping card by card would
        top = 0.0
        x = area.x()
        y = top
        bottom = float(math.floor(area.height() + 0.5))
        step = col_w + gap
        ordered = self._groups_in_order()
        begin_group, begin_member = 0, 0
        if collect is not None and starts is not None and 0 <= collect < len(starts):
            begin_group, begin_member = starts[collect]
            pages = collect + 1
            stop_after = collect + 1
        elif starts is not None and resume is not None and 0 <= resume < len(starts):
            begin_group, begin_member = starts[resume]
            pages = resume + 1
            del starts[resume + 1 :]
        elif starts is not None:
            starts.clear()
            starts.append((0, 0))
            self._group_page.clear()
        recording = starts is not None and collect is None
        group_page = self._group_page
        for group_index in range(begin_group, len(ordered)):
            group, members = ordered[group_index]
            head = heads.get(group)
            if head is None:
                name = self.groups.get(group, (self.tr("Tafel"), 0))[0]
                more = self.tr("{name} (vervolg)").format(name=name)
                head = heads[group] = (
                    fonts.wrap_bold(name, header_width)[:3],
                    fonts.wrap_bold(more, header_width)[:3],
                )
            skip = begin_member if group_index == begin_group else 0
            count = len(members)
            ends: list[float] | None = None
            if collect is None:  # counting pages only: skip along runs of cards
                ends = self._group_ends(group, members, cache, fonts, inner, max_lines, pad, gap)
            member_index = skip
            while member_index < count:
                if ends is not None and member_index > 0 and y > top:
                    # Cards member_index.. fit this column while the end of each,
                    # ends[k + 1] - ends[member_index] - gap from y, stays above
                    # the bottom: find the first that does not by bisection.
                    limit = bottom - y + ends[member_index] + gap
                    stop = bisect_right(ends, limit, member_index + 1, count + 1) - 1
                    if stop > member_index:
                        if newest_group == group and member_index <= newest_index < stop:
                            newest_page = pages - 1
                        y += ends[stop] - ends[member_index]
                        member_index = stop
                        if member_index >= count:
                            break
                item = members[member_index]
                first = member_index == 0
                cached = cache.get(item.id)
                if cached is None or cached[0] != item.text:
                    cached = cache[item.id] = (
                        item.text,
                        card_lines(fonts, item.text, inner, max_lines),
                    )
                lines = cached[1]
                card_h = len(lines) * line + 2 * pad
                need = card_h + (len(head[0]) * bold_line + gap if first else 0)
                header = head[0] if first else None
                if y == top and not first:  # a page or column starts inside the group
                    header = head[1]
                if y + need > bottom and y > top:
                    column += 1
                    y = top
                    if column >= columns:
                        pages += 1
                        column = 0
                        if starts is not None and recording:
                            starts.append((group_index, member_index))
                        if stop_after is not None and pages > stop_after:
                            return pages, newest_page, placed
                    x = area.x() + column * step
                    header = head[0] if first else head[1]  # the name again atop a column
                if header is not None:
                    header_h = len(header) * bold_line
                    if pages - 1 == collect:
                        placed.append(Placed(x, area.y() + y, col_w, header_h, group, None, header))
                    y += header_h + gap * 0.5
                if pages - 1 == collect:
                    placed.append(Placed(x, area.y() + y, col_w, card_h, group, item, lines))
                if item.id == newest:
                    newest_page = pages - 1
                y += card_h + gap
                member_index += 1
            if recording:
                group_page[group] = pages - 1
        return pages, newest_page, placed

    def _group_ends(
        self,
        group: str,
        members: list[WallItem],
        cache: dict[str, tuple[str, list[str]]],
        fonts: WallFonts,
        inner: float,
        max_lines: int,
        pad: int,
        gap: float,
    ) -> list[float]:
        """ends[k]: the height of the group's first k cards, a gap after each (cached)."""
        key = (fonts.px, int(inner), group)
        ends = self._ends.get(key)
        if ends is None:
            ends = self._ends[key] = [0.0]
        line = fonts.line
        total = ends[-1]
        for item in members[len(ends) - 1 :]:  # only appended cards are new
            cached = cache.get(item.id)
            if cached is None or cached[0] != item.text:
                cached = cache[item.id] = (
                    item.text,
                    card_lines(fonts, item.text, inner, max_lines),
                )
            total += len(cached[1]) * line + 2 * pad + gap
            ends.append(total)
        return ends

    def _groups_in_order(self) -> list[tuple[str, list[WallItem]]]:
        known = [(g, self._by_group[g]) for g in self.groups if g in self._by_group]
        unknown = [(g, m) for g, m in self._by_group.items() if g not in self.groups]
        return known + unknown

    def _area(self, scale: Scale) -> QRectF:
        top = scale.margin * 0.6 + scale.key * 1.5 + scale.gap * 2
        bottom = scale.height - scale.margin * 0.5 - scale.minimum * 1.8
        return QRectF(
            scale.margin * 0.6,
            top,
            scale.width - scale.margin * 1.2,
            max(scale.key * 3, bottom - top),
        )
