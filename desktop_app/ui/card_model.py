"""Qt models of the theme board: one list of proposal cards per area.

An *area* is the unclustered tray (``area_id`` None) or one theme. Each area
has a :class:`CardListModel` holding the ids of its cards in order; the card
data itself (:class:`CardInfo`) lives in one dict shared by all areas. On a
change the board hands every model its new id list and :meth:`set_ids` turns
the difference into row removals and insertions, so a drop touches two models
and a handful of rows instead of rebuilding the board.

Drag and drop carries proposal ids as JSON under :data:`MIME_TYPE`;
:meth:`CardListModel.dropMimeData` hands them to the board's drop handler,
which moves them through the controller (one undoable step).
"""

from __future__ import annotations

import json
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTextLayout,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.ui import palette

MIME_TYPE = "application/x-tafelronde-proposal-ids"

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
#: (proposal ids, target area id or None for the tray) -> whether the drop was taken
DropHandler = Callable[[list[str], str | None], bool]


def fold(text: str) -> str:
    """Lower case without accents, for search and filtering."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class CardInfo:
    """What a proposal card shows and what the filters look at."""

    id: str
    text: str
    meta: str  # "Tafel 3 · Ronde 2 · Monteurs"
    round_id: str
    table_id: str
    target_group_id: str | None
    search_key: str  # folded text and meta
    badge: str = ""  # "2 tafels" on a card others were merged into
    linked_to: str | None = None  # the kept proposal, when this one was merged into it


def encode_ids(ids: Iterable[str]) -> QMimeData:
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray(json.dumps(list(ids)).encode("utf-8")))
    return data


def decode_ids(data: QMimeData | None) -> list[str]:
    if data is None or not data.hasFormat(MIME_TYPE):
        return []
    try:
        value = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(value, list):
        return []
    return [str(v) for v in value if isinstance(v, str)]


class CardListModel(QAbstractListModel):
    """The cards of one area (tray or theme), updated row by row."""

    def __init__(
        self,
        area_id: str | None,
        cards: Mapping[str, CardInfo],
        on_drop: DropHandler,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.area_id = area_id
        self._cards = cards
        self._on_drop = on_drop
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self.color: str | None = None  # the theme colour, drawn as a bar on each card
        #: Proposal id -> a line drawn under the card ("→ Tillen ⏎"): the tray's placement hints.
        self.hints: dict[str, str] = {}

    def set_hints(self, hints: Mapping[str, str]) -> None:
        """Show ``hints`` under the cards; cards whose hint changed are laid out again."""
        new = dict(hints)
        if new == self.hints:
            return
        self.hints = new
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()

    # ----------------------------------------------------------------- reading
    def ids(self) -> list[str]:
        return list(self._ids)

    def row_of(self, proposal_id: str) -> int | None:
        return self._rows.get(proposal_id)

    def card_at(self, row: int) -> CardInfo | None:
        if 0 <= row < len(self._ids):
            return self._cards.get(self._ids[row])
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        pid = self._ids[index.row()]
        card = self._cards.get(pid)
        if role == ID_ROLE:
            return pid
        if card is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return card.text
        if role == CARD_ROLE:
            return card
        if role == Qt.ItemDataRole.ToolTipRole:
            extra = f"\n{card.badge}" if card.badge else ""
            hint = f"\n{self.hints[pid]}" if pid in self.hints else ""
            return f"{card.text}\n\n{card.meta}{extra}{hint}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{card.text}. {card.meta}. {card.badge} {self.hints.get(pid, '')}".strip()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # ----------------------------------------------------------- drag and drop
    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_ids(self._ids[r] for r in rows if r < len(self._ids))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return bool(decode_ids(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Cards dropped here move into this area (the position is not kept)."""
        ids = decode_ids(data)
        if not ids or action == Qt.DropAction.IgnoreAction:
            return False
        return self._on_drop(ids, self.area_id)

    # No removeRows: the source of a drag never removes rows itself; the board
    # learns of the move from the controller and updates both models.

    # ---------------------------------------------------------------- updating
    def set_ids(self, new_ids: Sequence[str]) -> None:
        """Become ``new_ids``, with the fewest row removals and insertions."""
        new = list(new_ids)
        if new == self._ids:
            return
        keep = set(new)
        old = self._ids
        # 1. Remove the runs of rows that are gone, from the bottom up.
        i = len(old) - 1
        while i >= 0:
            if old[i] in keep:
                i -= 1
                continue
            j = i
            while j > 0 and old[j - 1] not in keep:
                j -= 1
            self.beginRemoveRows(QModelIndex(), j, i)
            del old[j : i + 1]
            self.endRemoveRows()
            i = j - 1
        # 2. What is left must be in the new order; otherwise reset (a reorder).
        present = set(old)
        if [pid for pid in new if pid in present] != old:
            self.beginResetModel()
            self._ids = new
            self._rows = {pid: n for n, pid in enumerate(new)}
            self.endResetModel()
            return
        # 3. Insert the runs of new rows where they belong.
        k = 0
        while k < len(new):
            if k < len(old) and old[k] == new[k]:
                k += 1
                continue
            m = k
            while m < len(new) and new[m] not in present:
                m += 1
            self.beginInsertRows(QModelIndex(), k, m - 1)
            old[k:k] = new[k:m]
            self.endInsertRows()
            k = m
        self._rows = {pid: n for n, pid in enumerate(old)}

    def cards_changed(self, proposal_ids: Iterable[str]) -> None:
        """Repaint the rows of cards whose text, meta or badge changed."""
        rows = [self._rows[pid] for pid in proposal_ids if pid in self._rows]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)))


@dataclass(slots=True)
class CardFilter:
    """The board's filters: round, table, target group and search text."""

    round_id: str | None = None
    table_id: str | None = None
    target_group_id: str | None = None
    search: str = ""  # folded

    def active(self) -> bool:
        return bool(self.round_id or self.table_id or self.target_group_id or self.search)

    def accepts(self, card: CardInfo) -> bool:
        if self.round_id and card.round_id != self.round_id:
            return False
        if self.table_id and card.table_id != self.table_id:
            return False
        if self.target_group_id and card.target_group_id != self.target_group_id:
            return False
        return not self.search or self.search in card.search_key


class CardFilterProxy(QSortFilterProxyModel):
    """Shows the cards of one area that pass the board's filter."""

    def __init__(self, source: CardListModel, card_filter: CardFilter) -> None:
        super().__init__(source)
        self._filter = card_filter
        self.setSourceModel(source)
        self.setDynamicSortFilter(False)

    def card_model(self) -> CardListModel:
        model = self.sourceModel()
        assert isinstance(model, CardListModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._filter.active():
            return True
        card = self.card_model().card_at(source_row)
        return card is not None and self._filter.accepts(card)

    def begin_refilter(self) -> None:
        """Call before the shared :class:`CardFilter` changes ..."""
        self.beginFilterChange()

    def end_refilter(self) -> None:
        """... and after: the rows are filtered again."""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)


# ------------------------------------------------------------------ painting

PAD_X = 12
PAD_Y = 8
BAR = 4
MAX_LINES = 5
#: Rendered cards kept (about 75 kB each, shared by all lists): more than a full-HD
#: board shows at once.
PIXMAP_CACHE = 400
#: Laid-out cards kept, shared by every list: a card moved to another theme of the
#: same width (a merge, its undo) is not laid out again.
LAYOUT_CACHE = 20_000
_RADIUS = 6.0


@dataclass(frozen=True, slots=True)
class _Laid:
    lines: tuple[str, ...]
    text_height: int
    size: QSize


class CardDelegate(QStyledItemDelegate):
    """Draws a proposal as a small white card: text (at most five lines), then
    table, round and target group, and a pill such as "2 tafels".

    Drawn cards are kept as pixmaps in one cache shared by every card list, so a
    repaint after a drop draws pixmaps and renders only the cards that changed.
    """

    _pixmaps: ClassVar[OrderedDict[tuple[object, ...], QPixmap]] = OrderedDict()
    _laid: ClassVar[OrderedDict[tuple[str, str, int, float], _Laid]] = OrderedDict()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_width = 0

    def set_view_width(self, width: int) -> None:
        """The view's viewport width; the view tells on every resize."""
        self.view_width = width

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        width = self.view_width or option.rect.width()
        return max(80, width - 2 * 4 - 2 * PAD_X - BAR)  # 4: the view's spacing

    def _layout(self, card: CardInfo, font: QFont, width: int) -> _Laid:
        key = (card.id, card.text, width, font.pointSizeF())
        laid = self._laid.get(key)
        if laid is not None:
            return laid
        metrics = QFontMetrics(font)
        layout = QTextLayout(card.text.replace("\n", "\u2028"), font)
        layout.beginLayout()
        lines: list[str] = []
        text = layout.text()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            if len(lines) == MAX_LINES - 1 and start + length < len(text):
                rest = text[start:].replace("\u2028", " ")
                lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                break
            lines.append(text[start : start + length].rstrip("\u2028"))
        layout.endLayout()
        if not lines:
            lines = [""]
        small = QFontMetrics(self._small(font))
        text_height = len(lines) * metrics.lineSpacing()
        height = PAD_Y + text_height + 4 + small.height() + PAD_Y
        laid = _Laid(tuple(lines), text_height, QSize(width + 2 * PAD_X + BAR, height))
        self._laid[key] = laid
        if len(self._laid) > LAYOUT_CACHE:
            self._laid.popitem(last=False)
        return laid

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        size = font.pointSizeF()
        if size > 0:
            small.setPointSizeF(max(8.0, size * 0.86))
        return small

    @staticmethod
    def _card_and_color(index: Index) -> tuple[CardInfo | None, str | None, str]:
        """The card behind ``index``, its area's colour and its hint, read from the
        Python model directly (no QVariant round trip per paint)."""
        model = index.model()
        source: CardListModel | None = None
        row = index.row()
        if isinstance(model, CardFilterProxy):
            source = model.card_model()
            row = model.mapToSource(index).row()
        elif isinstance(model, CardListModel):
            source = model
        if source is None:
            return None, None, ""
        card = source.card_at(row)
        hint = source.hints.get(card.id, "") if card is not None else ""
        return card, source.color, hint

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        card, _color, hint = self._card_and_color(index)
        if card is None:
            return super().sizeHint(option, index)
        size = self._layout(card, option.font, self._text_width(option)).size
        if hint:
            size = QSize(
                size.width(), size.height() + QFontMetrics(self._small(option.font)).height() + 4
            )
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card, color, hint = self._card_and_color(index)
        if card is None:
            super().paint(painter, option, index)
            return
        width = self._text_width(option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        size = option.rect.size()
        key = (
            card,
            width,
            size.width(),
            size.height(),
            selected,
            hover,
            color,
            ratio,
            option.font.key(),
            hint,
        )
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = QPixmap(
                max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio))
            )
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            card_painter = QPainter(pixmap)
            self._draw(
                card_painter,
                QRect(0, 0, size.width(), size.height()),
                option.font,
                card,
                width,
                selected,
                hover,
                color,
                hint,
            )
            card_painter.end()
            self._pixmaps[key] = pixmap
            if len(self._pixmaps) > PIXMAP_CACHE:
                self._pixmaps.popitem(last=False)
        else:
            self._pixmaps.move_to_end(key)
        painter.drawPixmap(option.rect.topLeft(), pixmap)

    def _draw(
        self,
        painter: QPainter,
        box: QRect,
        font: QFont,
        card: CardInfo,
        width: int,
        selected: bool,
        hover: bool,
        color: str | None,
        hint: str = "",
    ) -> None:
        laid = self._layout(card, font, width)
        rect = QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(rect, _RADIUS, _RADIUS)
        fill = QColor(palette.ACCENT_LIGHT if selected else palette.SURFACE)
        border = QColor(palette.ACCENT if selected else ("#A8A199" if hover else palette.BORDER))
        painter.fillPath(path, fill)
        painter.setPen(QPen(border, 2.0 if selected else 1.0))
        painter.drawPath(path)
        if color:
            painter.setClipPath(path)
            painter.fillRect(QRectF(rect.left(), rect.top(), BAR, rect.height()), QColor(color))
            painter.setClipping(False)
        muted = card.linked_to is not None
        painter.setPen(QColor(palette.MUTED if muted else palette.TEXT))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        x = int(rect.left()) + BAR + PAD_X
        y = int(rect.top()) + PAD_Y
        for line in laid.lines:
            painter.drawText(
                QRect(x, y, width, metrics.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                line,
            )
            y += metrics.lineSpacing()
        small = self._small(font)
        small_metrics = QFontMetrics(small)
        y += 4
        painter.setFont(small)
        badge_width = 0
        if card.badge:
            badge_width = small_metrics.horizontalAdvance(card.badge) + 16
            pill = QRectF(x + width - badge_width, y - 1, badge_width, small_metrics.height() + 2)
            pill_path = QPainterPath()
            pill_path.addRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.fillPath(pill_path, QColor(palette.BORDER if muted else palette.ACCENT))
            painter.setPen(QColor(palette.TEXT if muted else "#FFFFFF"))
            painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), card.badge)
        painter.setPen(QColor(palette.MUTED))
        meta = small_metrics.elidedText(
            card.meta, Qt.TextElideMode.ElideRight, max(0, width - badge_width - 8)
        )
        painter.drawText(
            QRect(x, y, width - badge_width, small_metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            meta,
        )
        if hint:
            y += small_metrics.height() + 4
            bold = QFont(small)
            bold.setWeight(QFont.Weight.DemiBold)
            painter.setFont(bold)
            painter.setPen(QColor(palette.ACCENT_DARK))
            painter.drawText(
                QRect(x, y, width, small_metrics.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                QFontMetrics(bold).elidedText(hint, Qt.TextElideMode.ElideRight, width),
            )
