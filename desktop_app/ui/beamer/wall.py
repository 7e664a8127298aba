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
from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent

from desktop_app.core.model import Kind, Proposal, SessionSnapshot
from desktop_app.ui.beamer.base import BeamerView
from desktop_app.ui.beamer.sizing import Drawing, Scale, Shape, TextBlock, font
from desktop_app.ui.beamer.stage_protocol import Stage
from desktop_app.ui.beamer.theme import group_color
from desktop_app.ui.beamer.wall_layout import WallLayout
from desktop_app.ui.beamer.wall_text import WallItem

TRAY = "\x00tray"  # group key of proposals not (yet) in a theme


class WallView(WallLayout, BeamerView):
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
        self._title_fit: tuple[tuple[object, ...], QFont, QFont, float, int, float] | None = None

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
