"""The wall: proposals arriving live, grouped by table or by theme.

Painted by hand (no widget per proposal) so that 2,000 proposals lay out in
well under 100 ms and one new proposal is on screen within a frame:

* each proposal is wrapped into lines once per text size and column width, by
  a greedy word wrap over cached word widths (a long word is broken by
  characters); the lines drawn are exactly the lines measured;
* the text size is fitted to the amount: the largest size (from 1/16 down to
  1/60 of the screen height) at which all proposals fit one page, estimated
  from each text's width at a reference size; below that, pages;
* a new proposal (a storage "add") is read on its own and appended, no full
  reload; the page that holds it is shown and it is highlighted.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent

from desktop_app.core.model import Kind, Proposal, SessionSnapshot
from desktop_app.ui.beamer.base import BeamerView
from desktop_app.ui.beamer.sizing import Drawing, Scale, Shape, TextBlock, font
from desktop_app.ui.beamer.stage_protocol import Stage
from desktop_app.ui.beamer.theme import group_color
from desktop_app.ui.beamer.wall_text import Placed, WallFonts, WallItem, card_lines

TRAY = "\x00tray"  # group key of proposals not (yet) in a theme
REFERENCE_PX = 100
# The wall pages rather than going below this share of the screen height: the
# rule's floor (1/60) is too small for a wall read from the back of a canteen.
WALL_FLOOR_FRACTION = 1 / 45


class WallView(BeamerView):
    """Proposals by table (the current round) or by theme (all rounds)."""

    name = "wall"
    by_theme = False

    def __init__(self, stage: Stage) -> None:
        super().__init__(stage)
        self.items: list[WallItem] = []
        self._by_group: dict[str, list[WallItem]] = {}
        self.groups: dict[str, tuple[str, int]] = {}  # key -> (name, colour index)
        self.newest_id: str | None = None
        self._seq = 0
        self._loaded = False
        self._round_id: str | None = None
        self._title = ""
        self._reference: dict[tuple[str, str], float] = {}  # (id, text) -> width at 100 px
        self._heads: dict[tuple[int, int], dict[str, tuple[list[str], list[str]]]] = {}
        # (px, column width) -> proposal id -> (its text, its lines)
        self._lines: dict[tuple[int, int], dict[str, tuple[str, list[str]]]] = {}
        self._fonts: dict[int, WallFonts] = {}
        self._page_items: list[Placed] = []
        self._newest_page: int | None = None
        self._starts: list[tuple[int, int]] = []  # where each page starts
        self._layout_key: tuple[object, ...] | None = None
        self._group_page: dict[str, int] = {}  # group -> page of its last member
        self._position: dict[str, tuple[str, int]] = {}  # id -> (group, index in it)
        # (px, text width, group) -> running heights of its cards, see _group_ends
        self._ends: dict[tuple[int, int, str], list[float]] = {}
        self._title_fit: tuple[tuple[object, ...], QFont, QFont, float, int, float] | None = None
        self.px = 0

    # ------------------------------------------------------------ data
    def refresh(self) -> None:
        self._loaded = False
        self.invalidate()

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload(self.stage.snapshot())

    def _in_scope(self, proposal: Proposal, hidden: frozenset[str] | set[str]) -> bool:
        if proposal.deleted or proposal.id in hidden:
            return False
        return self.by_theme or self._round_id is None or proposal.round_id == self._round_id

    def reload(self, snapshot: SessionSnapshot) -> None:
        """Read every proposal on the wall anew (after edits, deletes, undo, imports)."""
        round_ = self.stage.current_round()
        self._round_id = round_.id if round_ is not None and not self.by_theme else None
        # The title is fixed here: a new proposal must not cost a snapshot read.
        if self.by_theme:
            self._title = self.tr("Voorstellen per thema")
        elif round_ is not None:
            self._title = self.tr("Voorstellen, ronde {n}").format(n=round_.number)
        else:
            self._title = self.tr("Voorstellen")
        hidden = snapshot.hidden_proposal_ids
        self.groups = {}
        if self.by_theme:
            for index, theme in enumerate(snapshot.live_themes()):
                self.groups[theme.id] = (theme.name, index)
            self.groups[TRAY] = (self.tr("Nog niet ingedeeld"), len(self.groups))
            theme_of = snapshot.theme_of()
        else:
            for index, table in enumerate(snapshot.live_tables()):
                self.groups[table.id] = (table.name, index)
            theme_of = {}
        self.items = []
        self._by_group = {}
        self._position = {}
        self._ends = {}
        self._heads = {}
        self._seq = 0
        for proposal in snapshot.proposals:
            if self._in_scope(proposal, hidden):
                self._append(proposal, theme_of)
        if self.newest_id not in {item.id for item in self.items}:
            self.newest_id = None
        self._loaded = True
        self._layout_key = None
        self._drawing = None

    def _append(self, proposal: Proposal, theme_of: dict[str, str]) -> WallItem:
        if self.by_theme:
            group = theme_of.get(proposal.id, TRAY)
        else:
            group = proposal.table_id
            if group not in self.groups:
                self.groups[group] = (self.tr("Tafel"), len(self.groups))
        item = WallItem(proposal.id, proposal.text, group, self._seq)
        self._seq += 1
        self.items.append(item)
        members = self._by_group.setdefault(group, [])
        self._position[item.id] = (group, len(members))
        members.append(item)
        return item

    def add_proposals(self, ids: Iterable[str]) -> bool:
        """Append new proposals without a full reload; False when a reload is needed."""
        if not self._loaded:
            return False
        added: set[str] = set()
        controller = self.stage.controller
        if controller is None:
            return False
        for proposal_id in ids:
            proposal = controller.session_file.get(Kind.PROPOSAL, proposal_id)
            if not isinstance(proposal, Proposal):
                return False
            if not self._in_scope(proposal, frozenset()):
                continue
            added.add(self._append(proposal, {}).group)
            self.newest_id = proposal.id
        if added:
            page = self.page
            self._relayout(added)
            self._show_newest()
            if self.isVisible():
                # lay out and compare now: only the cards that changed are repainted
                self.replace_drawing(self.build(self.scale()), whole=self.page != page)
            else:
                self.invalidate()
        return True

    def _show_newest(self) -> None:
        if self._newest_page is not None:
            self.page = self._newest_page

    # ---------------------------------------------------------- layout
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
                        if recording:
                            starts.append((group_index, member_index))  # type: ignore[union-attr]
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

    def build(self, scale: Scale) -> Drawing:
        self._ensure_loaded()
        self._relayout()
        drawing = Drawing(tiled=True)
        theme = self.theme
        m = scale.margin * 0.6
        title_f = font(scale.key * 1.2, bold=True)
        count = len(self.items)
        title = self._title
        counted = (
            self.tr("1 voorstel") if count == 1 else self.tr("{n} voorstellen").format(n=count)
        )
        title_key = (scale, title, counted)
        if self._title_fit is None or self._title_fit[0] != title_key:
            title_metrics = QFontMetricsF(title_f)
            count_f = font(scale.key)
            count_w = QFontMetricsF(count_f).horizontalAdvance(counted) + scale.gap
            title_h = math.ceil(title_metrics.lineSpacing())
            title_w = scale.width - 2 * m - count_w
            if title_metrics.horizontalAdvance(title) > title_w:
                title_f = font(scale.key, bold=True)
            self._title_fit = (title_key, title_f, count_f, count_w, title_h, title_w)
        _, title_f, count_f, count_w, title_h, title_w = self._title_fit
        drawing.add_text(
            TextBlock(
                QRectF(m, m, title_w, title_h),
                title,
                title_f,
                theme.accent,
                align=int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                key=True,
                name="title",
            )
        )
        drawing.add_text(
            TextBlock(
                QRectF(scale.width - m - count_w, m, count_w, title_h),
                counted,
                count_f,
                theme.muted,
                align=int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                key=True,
                name="count",
            )
        )
        if not self.items:
            self.empty(
                drawing,
                scale,
                self._area(scale),
                self.tr("Hier verschijnen de voorstellen zodra de tafels ze invoeren.")
                if not self.by_theme
                else self.tr("Hier verschijnen de voorstellen, per thema."),
            )
            return drawing
        self._paint_page(drawing, scale)
        self.footer(drawing, scale)
        return drawing

    def _paint_page(self, drawing: Drawing, scale: Scale) -> None:
        theme = self.theme
        fonts = self._fonts_at(self.px)
        pad = max(2, round(self.px * 0.4))
        bar = self.px * 0.25
        border = max(1.0, scale.height / 540)
        left_top = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        _, _, on_page = self._flow(
            self.px, self._area(scale), scale, collect=self.page, starts=self._starts
        )
        line_h = math.ceil(fonts.bold_metrics.lineSpacing())
        for placed in on_page:
            rect = placed.rect
            colour_index = self.groups.get(placed.group, ("", 0))[1]
            colour = group_color(colour_index)
            if placed.item is None:
                shapes = [
                    Shape(
                        QRectF(rect.x(), rect.y() + line_h * 0.2, bar * 1.6, line_h * 0.6), colour
                    )
                ]
                texts: list[TextBlock] = []
                y = rect.y()
                for line in placed.lines:
                    texts.append(
                        TextBlock(
                            QRectF(
                                rect.x() + self.px * 0.6, y, rect.width() - self.px * 0.6, line_h
                            ),
                            line,
                            fonts.bold,
                            theme.text,
                            align=left_top,
                            name="group",
                            wrap=False,
                        )
                    )
                    y += line_h
                tile = drawing.add_tile(rect.adjusted(-1, -1, 1, 1), shapes, texts)
                tile.signature = (
                    "head",
                    theme.name,
                    self.px,
                    rect.width(),
                    rect.height(),
                    tuple(placed.lines),
                    colour_index,
                )
                continue
            newest = placed.item.id == self.newest_id
            width_of_border = border * (4 if newest else 1)
            shapes = [
                Shape(
                    rect,
                    theme.highlight if newest else theme.card,
                    theme.highlight_border if newest else theme.card_border,
                    radius=pad * 0.6,
                    border_width=width_of_border,
                ),
                Shape(
                    QRectF(rect.x() + border, rect.y() + pad * 0.6, bar, rect.height() - pad * 1.2),
                    colour,
                ),
            ]
            x = rect.x() + pad + bar
            y = rect.y() + pad
            width = rect.width() - 2 * pad - bar
            texts = []
            for line in placed.lines:
                texts.append(
                    TextBlock(
                        QRectF(x, y, width, fonts.line),
                        line,
                        fonts.font,
                        theme.text,
                        align=left_top,
                        name="proposal",
                        wrap=False,
                    )
                )
                y += fonts.line
            # the border is drawn centred on the edge: half of it lies outside
            out = width_of_border / 2 + 1
            tile = drawing.add_tile(rect.adjusted(-out, -out, out, out), shapes, texts)
            tile.signature = (
                "card",
                theme.name,
                self.px,
                rect.width(),
                rect.height(),
                tuple(placed.lines),
                newest,
                colour_index,
                border,
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout_key = None
        super().resizeEvent(event)


class WallByThemeView(WallView):
    name = "wall_themes"
    by_theme = True
