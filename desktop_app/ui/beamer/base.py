"""What every beamer view shares: painting its :class:`Drawing`, header, pages, cards."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from desktop_app.ui.beamer.sizing import (
    Drawing,
    Scale,
    Shape,
    TextBlock,
    Tile,
    fit_size,
    font,
    text_height,
)
from desktop_app.ui.beamer.stage_protocol import Stage
from desktop_app.ui.beamer.theme import BeamerTheme

LEFT_TOP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
CENTER = int(Qt.AlignmentFlag.AlignCenter)
RIGHT_BOTTOM = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
HCENTER_TOP = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)


class BeamerView(QWidget):
    """A full-screen view that paints a :class:`Drawing` laid out for its size."""

    name = ""

    def __init__(self, stage: Stage) -> None:
        # No parent here: the stage puts the view in its layout, which adopts it.
        super().__init__()
        self.stage = stage
        self.page = 0
        self.page_count = 1
        self._drawing: Drawing | None = None
        self.paints = 0  # how often it painted, and when last (for the benchmark)
        self.painted_at = 0.0
        self.painted_cpu = 0.0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    # ------------------------------------------------------------ data
    def refresh(self) -> None:
        """Re-read the session and repaint."""
        self.invalidate()

    def invalidate(self) -> None:
        self._drawing = None
        self.update()

    def replace_drawing(self, drawing: Drawing, *, whole: bool = False) -> None:
        """Show ``drawing`` instead of the current one, repainting only what changed.

        For two tiled drawings only the tiles that moved, appeared, vanished or
        look different are repainted (less to paint, less to copy to the screen).
        ``whole``: the caller knows that everything changed (another page).
        """
        old = self._drawing
        self._drawing = drawing
        if whole or old is None or not (old.tiled and drawing.tiled):
            self.update()
            return
        before = {_placed_key(tile): tile.rect for tile in old.tiles}
        after = {_placed_key(tile): tile.rect for tile in drawing.tiles}
        changed = before.keys() ^ after.keys()
        if len(changed) > len(after):  # another page: repaint it all
            self.update()
            return
        region = QRegion()
        for key in changed:
            region += _outer(before.get(key) or after[key])
        if not region.isEmpty():
            self.update(region)

    def next_page(self) -> bool:
        """Show the next page (wrapping); True when there is more than one."""
        if self.page_count <= 1:
            return False
        self.page = (self.page + 1) % self.page_count
        self.invalidate()
        return True

    # ---------------------------------------------------------- layout
    @property
    def theme(self) -> BeamerTheme:
        return self.stage.theme

    def scale(self) -> Scale:
        return Scale(float(max(1, self.width())), float(max(1, self.height())))

    def drawing(self) -> Drawing:
        if self._drawing is None:
            self._drawing = self.build(self.scale())
        return self._drawing

    def text_blocks(self) -> list[TextBlock]:
        return list(self.drawing().texts)

    def build(self, scale: Scale) -> Drawing:
        return Drawing()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._drawing = None
        super().resizeEvent(event)

    # ---------------------------------------------------------- paint
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(self.rect(), self.theme.background)
        drawing = self.drawing()
        if drawing.tiled:
            self._paint_tiles(painter, drawing, event.region())
        else:
            paint_drawing(painter, drawing)
        painter.end()
        self.paints += 1
        self.painted_at = time.perf_counter()
        self.painted_cpu = time.thread_time()

    def _paint_tiles(self, painter: QPainter, drawing: Drawing, region: QRegion) -> None:
        """Paint only the tiles of a tiled drawing that lie in ``region``.

        (Painting tiles from cached pictures was measured: blitting a card is
        no faster than drawing it, and a new proposal mostly turns the page.)
        """
        for tile in drawing.tiles:
            if region.intersects(tile.rect.toAlignedRect()):
                paint_drawing(painter, tile)

    # -------------------------------------------------- shared pieces
    def header(
        self, drawing: Drawing, scale: Scale, title: str, subtitle: str | None = None
    ) -> QRectF:
        """Session title (small), the view's title (key text); returns the space below."""
        m = scale.margin
        width = scale.width - 2 * m
        y = m * 0.6
        session_title = self.stage.session_title()
        if session_title:
            f = font(scale.px(1 / 40))
            h = text_height(session_title, f, width)
            if h <= scale.px(1 / 40) * 2.6:
                drawing.add_text(
                    TextBlock(
                        QRectF(m, y, width, h), session_title, f, self.theme.muted, name="session"
                    )
                )
                y += h + scale.gap
        title_rect = QRectF(m, y, width, scale.height * 0.16)
        size = fit_size(title, title_rect, scale.height / 13, scale.key, bold=True) or scale.key
        f = font(size, bold=True)
        h = text_height(title, f, width)
        drawing.add_text(
            TextBlock(QRectF(m, y, width, h), title, f, self.theme.accent, key=True, name="title")
        )
        y += h + scale.gap
        if subtitle:
            f = font(scale.px(1 / 30))
            h = text_height(subtitle, f, width)
            drawing.add_text(
                TextBlock(QRectF(m, y, width, h), subtitle, f, self.theme.muted, name="subtitle")
            )
            y += h + scale.gap
        y += scale.gap
        bottom = scale.height - m * 0.6 - scale.px(1 / 40) * 1.6
        return QRectF(m, y, width, max(1.0, bottom - y))

    def footer(self, drawing: Drawing, scale: Scale) -> None:
        """The page indicator "2 / 5" at the bottom right, when there are pages."""
        if self.page_count <= 1:
            return
        f = font(scale.px(1 / 40))
        text = self.tr("pagina {page} van {count}").format(
            page=self.page + 1, count=self.page_count
        )
        m = scale.margin
        h = text_height(text, f, scale.width / 3)
        drawing.add_text(
            TextBlock(
                QRectF(
                    scale.width - m - scale.width / 3,
                    scale.height - m * 0.5 - h,
                    scale.width / 3,
                    h,
                ),
                text,
                f,
                self.theme.muted,
                align=int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                name="page",
            )
        )

    def empty(self, drawing: Drawing, scale: Scale, rect: QRectF, message: str) -> None:
        size = fit_size(message, rect, scale.height / 16, scale.key) or scale.key
        f = font(size)
        h = min(rect.height(), text_height(message, f, rect.width()))
        drawing.add_text(
            TextBlock(
                QRectF(rect.x(), rect.y() + (rect.height() - h) / 2, rect.width(), h),
                message,
                f,
                self.theme.muted,
                align=HCENTER_TOP,
                key=True,
                name="empty",
            )
        )


def paint_drawing(painter: QPainter, drawing: Drawing | Tile) -> None:
    for shape in drawing.shapes:
        pen = QPen(shape.border, shape.border_width) if shape.border else QPen(Qt.PenStyle.NoPen)
        painter.setPen(pen)
        painter.setBrush(shape.fill)
        if shape.radius:
            painter.drawRoundedRect(shape.rect, shape.radius, shape.radius)
        else:
            painter.drawRect(shape.rect)
    for block in drawing.texts:
        painter.setFont(block.font)
        painter.setPen(block.color)
        painter.drawText(block.rect, block.flags, block.text)


def _relative(rect: QRectF, x: float, y: float) -> tuple[float, float, float, float]:
    return (
        round(rect.x() - x, 2),
        round(rect.y() - y, 2),
        round(rect.width(), 2),
        round(rect.height(), 2),
    )


def _signature(tile: Tile) -> tuple[object, ...]:
    """What a tile looks like, wherever it is: equal signatures paint the same.

    Views that know what makes up a tile set a cheaper one themselves.
    """
    if tile.signature is None:
        x, y = tile.rect.x(), tile.rect.y()
        tile.signature = (
            _relative(tile.rect, x, y),
            tuple(
                (
                    _relative(s.rect, x, y),
                    s.fill.rgba(),
                    s.border.rgba() if s.border is not None else None,
                    s.radius,
                    s.border_width,
                )
                for s in tile.shapes
            ),
            tuple(
                (_relative(t.rect, x, y), t.text, t.font.key(), t.color.rgba(), t.flags)
                for t in tile.texts
            ),
        )
    return tile.signature


def _placed_key(tile: Tile) -> tuple[object, ...]:
    return (tile.rect.x(), tile.rect.y(), _signature(tile))


def _outer(rect: QRectF) -> QRect:
    """The whole pixels ``rect`` touches (and one more for antialiasing)."""
    return rect.toAlignedRect().adjusted(-1, -1, 1, 1)


# ------------------------------------------------------------------- cards


@dataclass(slots=True)
class Card:
    """A titled block of text: a context item, a theme, an intervention."""

    title: str
    body: str = ""
    color: QColor | None = None
    badge: str = ""  # right-aligned short text in the title row, e.g. a count
    key_title: bool = True
    body_optional: bool = False  # left out rather than paging when space is short


@dataclass(slots=True)
class CardLayout:
    pages: list[list[tuple[Card, QRectF, float, float]]] = field(default_factory=list)


def _card_height(card: Card, width: float, title_px: float, body_px: float, pad: float) -> float:
    inner = width - 2 * pad - (pad if card.color is not None else 0)
    h = pad + text_height(
        card.title, font(title_px, bold=True), inner - _badge_width(card, title_px)
    )
    if card.body:
        h += pad * 0.5 + text_height(card.body, font(body_px), inner)
    return h + pad


def _badge_width(card: Card, title_px: float) -> float:
    if not card.badge:
        return 0.0
    return QFontMetricsF(font(title_px, bold=True)).horizontalAdvance(card.badge) + title_px


def layout_cards(
    cards: list[Card],
    rect: QRectF,
    scale: Scale,
    *,
    max_columns: int = 3,
    largest: float | None = None,
) -> CardLayout:
    """Fit cards into ``rect``: the largest text at which all fit, else pages.

    Title text never goes below key size, body text never below the minimum.
    """
    if not cards:
        return CardLayout([[]])
    layout = _layout_cards(cards, rect, scale, max_columns, largest, allow_pages=False)
    if layout is None and any(c.body_optional and c.body for c in cards):
        bare = [
            Card(c.title, "" if c.body_optional else c.body, c.color, c.badge, c.key_title)
            for c in cards
        ]
        layout = _layout_cards(bare, rect, scale, max_columns, largest, allow_pages=False)
    if layout is None:
        layout = _layout_cards(cards, rect, scale, max_columns, largest, allow_pages=True)
    assert layout is not None
    return layout


def _layout_cards(
    cards: list[Card],
    rect: QRectF,
    scale: Scale,
    max_columns: int,
    largest: float | None,
    *,
    allow_pages: bool,
) -> CardLayout | None:
    gap = scale.gap * 1.5
    top = largest or scale.height / 14
    sizes: list[float] = []
    size = top
    while size > scale.key:
        sizes.append(size)
        size *= 0.9
    sizes.append(scale.key)
    for index, title_px in enumerate(sizes):
        last = index == len(sizes) - 1
        body_px = max(scale.minimum, title_px * 0.7)
        columns = int(max(1, min(max_columns, len(cards), rect.width() // (title_px * 13))))
        if last and len(cards) > columns:
            body_px = max(scale.minimum, body_px * 0.85)
        col_w = (rect.width() - gap * (columns - 1)) / columns
        pad = max(scale.gap, title_px * 0.35)
        heights = [_card_height(c, col_w, title_px, body_px, pad) for c in cards]
        rows = [list(range(i, min(i + columns, len(cards)))) for i in range(0, len(cards), columns)]
        row_heights = [max(heights[i] for i in row) for row in rows]
        total = sum(row_heights) + gap * (len(rows) - 1)
        if last and total > rect.height() and not allow_pages:
            return None
        if total <= rect.height() or last:
            layout = CardLayout()
            page: list[tuple[Card, QRectF, float, float]] = []
            y = rect.y()
            for row, row_h in zip(rows, row_heights, strict=True):
                row_h = min(row_h, rect.height())
                if page and y + row_h > rect.bottom() + 0.5:
                    layout.pages.append(page)
                    page, y = [], rect.y()
                for col, i in enumerate(row):
                    x = rect.x() + col * (col_w + gap)
                    page.append((cards[i], QRectF(x, y, col_w, row_h), title_px, body_px))
                y += row_h + gap
            layout.pages.append(page)
            return layout
    return None  # pragma: no cover - the loop always returns


def draw_cards(
    drawing: Drawing,
    placed: list[tuple[Card, QRectF, float, float]],
    theme: BeamerTheme,
    scale: Scale,
) -> None:
    for card, rect, title_px, body_px in placed:
        pad = max(scale.gap, title_px * 0.35)
        drawing.shapes.append(
            Shape(
                rect,
                theme.card,
                theme.card_border,
                radius=pad * 0.6,
                border_width=max(1.0, scale.height / 540),
            )
        )
        x = rect.x() + pad
        if card.color is not None:
            drawing.shapes.append(
                Shape(
                    QRectF(
                        rect.x() + pad * 0.5, rect.y() + pad, pad * 0.5, rect.height() - 2 * pad
                    ),
                    card.color,
                )
            )
            x += pad
        inner = rect.right() - pad - x
        title_font = font(title_px, bold=True)
        badge_w = _badge_width(card, title_px)
        title_w = inner - badge_w
        th = text_height(card.title, title_font, title_w)
        y = rect.y() + pad
        drawing.add_text(
            TextBlock(
                QRectF(x, y, title_w, th),
                card.title,
                title_font,
                theme.text,
                key=card.key_title,
                name="card-title",
            )
        )
        if card.badge:
            drawing.add_text(
                TextBlock(
                    QRectF(rect.right() - pad - badge_w, y, badge_w, th),
                    card.badge,
                    title_font,
                    theme.accent,
                    align=int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                    key=card.key_title,
                    name="card-badge",
                )
            )
        y += th
        if card.body:
            y += pad * 0.5
            space = QRectF(x, y, inner, rect.bottom() - pad - y)
            body_font = font(body_px)
            body = card.body
            if text_height(body, body_font, inner) > space.height() + 0.5:
                fitted = fit_size(body, space, body_px, scale.minimum)
                if fitted is None:
                    body = _elide_to_fit(body, space, scale.minimum)
                    fitted = scale.minimum
                body_font = font(fitted)
            bh = text_height(body, body_font, inner)
            drawing.add_text(
                TextBlock(QRectF(x, y, inner, bh), body, body_font, theme.muted, name="card-body")
            )


def _elide_to_fit(text: str, rect: QRectF, px: float) -> str:
    """The longest start of ``text`` (plus an ellipsis) that fits; last resort only."""
    f = font(px)
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_height(text[:mid].rstrip() + "…", f, rect.width()) <= rect.height():
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def clamp_page(page: int, count: int) -> int:
    return min(max(0, page), max(0, count - 1))


def centered(rect: QRectF, height: float) -> float:
    return rect.y() + max(0.0, (rect.height() - height) / 2)
