"""The widgets of the cluster board: card lists, theme boxes, the tray and the grid.

The widgets only show and report; what a drop, a key or a menu item means is
decided by the page (:class:`BoardHost`), which writes through the controller.
Each area is a :class:`CardListView` over a filter proxy over a
:class:`~desktop_app.ui.cluster_model.CardListModel`, so a change only touches
the rows that changed.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QItemSelection, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import palette
from desktop_app.ui.cluster_model import (
    ID_ROLE,
    CardDelegate,
    CardFilter,
    CardFilterProxy,
    CardListModel,
    decode_ids,
)
from desktop_app.ui.look import icon

MIN_BOX_WIDTH = 248
MIN_BOX_HEIGHT = 296
GRID_SPACING = 16

#: Theme colours offered in the colour menu: Okabe-Ito without black.
THEME_COLORS: tuple[str, ...] = palette.OKABE_ITO[:7]


def automatic_color(position: int) -> str:
    """The colour a theme without a chosen one shows: by its place on the board."""
    return THEME_COLORS[position % len(THEME_COLORS)]


BOARD_STYLE = f"""
QFrame#themeBox, QFrame#trayBox {{
    background: #FBFAF8; border: 1px solid {palette.BORDER}; border-radius: 8px;
}}
QFrame#trayBox {{ background: #EFEBE4; }}
QFrame#themeBox[dropTarget="true"], QFrame#trayBox[dropTarget="true"],
QFrame#newThemeZone[dropTarget="true"] {{
    border: 2px solid {palette.ACCENT}; background: {palette.ACCENT_LIGHT};
}}
QFrame#newThemeZone {{
    background: transparent; border: 2px dashed #CFC8BE; border-radius: 8px;
}}
QFrame#newThemeZone:focus {{ border-color: {palette.ACCENT}; }}
QListView#cardList {{
    background: transparent; border: none; padding: 0px;
}}
QListView#cardList::item, QListView#cardList::item:hover,
QListView#cardList::item:selected {{ background: transparent; border: none; padding: 0px; }}
QLineEdit#themeName {{
    background: transparent; border: 1px solid transparent; font-weight: 600;
    font-size: 12pt; padding: 2px 4px;
}}
QLineEdit#themeName:hover {{ border-color: {palette.BORDER}; }}
QLineEdit#themeName:focus {{ border-color: {palette.ACCENT}; background: {palette.SURFACE}; }}
QLabel#areaTitle, QLabel#themeTitle {{ font-weight: 600; font-size: 12pt; }}
QLabel#themeTitle {{ padding: 2px 4px; }}
QToolButton#themeColor::menu-indicator, QToolButton#themeMenuButton::menu-indicator {{
    image: none; width: 0px;
}}
QSplitter::handle {{ background: transparent; }}
QLabel#countPill {{
    background: {palette.SIDEBAR}; color: {palette.TEXT}; border-radius: 10px;
    padding: 1px 8px; font-weight: 600;
}}
QLabel#themeDescription {{ color: {palette.MUTED}; }}
QFrame#votingBanner {{
    background: #FFF4DB; border: 1px solid {palette.WARNING}; border-radius: 6px;
}}
"""


@functools.lru_cache(maxsize=64)
def swatch_icon(color: str | None, size: int = 16) -> QIcon:
    """A round swatch of ``color`` (kept: a merge recolours the boxes after it)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(palette.BORDER) if color is None else QColor(color).darker(115))
    painter.setBrush(QColor(color) if color else QColor(palette.SURFACE))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def set_drop_target(widget: QWidget, on: bool) -> None:
    if bool(widget.property("dropTarget")) == on:
        return
    widget.setProperty("dropTarget", on)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class BoardHost(Protocol):
    """What the board's widgets ask of the page."""

    def drop(self, proposal_ids: list[str], area_id: str | None) -> bool: ...
    def drop_new_theme(self, proposal_ids: list[str]) -> bool: ...
    def create_theme_from_selection(self) -> None: ...
    def open_picker(self) -> None: ...
    def send_selection_to_tray(self) -> None: ...
    def rename_theme(self, theme_id: str, name: str) -> None: ...
    def edit_description(self, theme_id: str) -> None: ...
    def set_color(self, theme_id: str, color: str | None) -> None: ...
    def merge_themes(self, source_id: str, target_id: str) -> None: ...
    def split_theme(self, theme_id: str, proposal_ids: Sequence[str]) -> str | None: ...
    def delete_theme(self, theme_id: str) -> None: ...
    def theme_names(self) -> list[tuple[str, str]]: ...
    def view_selection_changed(self, view: CardListView) -> None: ...
    def accept_placement(self, rank: int) -> bool: ...
    def toggle_placement_choices(self) -> None: ...


class CardListView(QListView):
    """A column of cards: select, drag, drop; T, N and Delete act on the selection."""

    def __init__(
        self,
        host: BoardHost,
        proxy: CardFilterProxy,
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardList")
        self.host = host
        self.proxy = proxy
        self.source = proxy.card_model()
        self.placeholder = placeholder
        self.delegate = CardDelegate(self)
        self.setItemDelegate(self.delegate)
        self._attach(self.source)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(4)
        self.setUniformItemSizes(False)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def _attach(self, model: CardListModel | CardFilterProxy) -> None:
        self.setModel(model)
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    def use_filter(self, active: bool) -> None:
        """Show the cards through the filter proxy only while a filter is on, so the
        usual case pays nothing for it (selection is cleared when this switches)."""
        wanted: CardListModel | CardFilterProxy = self.proxy if active else self.source
        if self.model() is not wanted:
            self._attach(wanted)

    def card_model(self) -> CardListModel:
        return self.source

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.delegate.set_view_width(self.viewport().width())
        super().resizeEvent(event)

    def selected_ids(self) -> list[str]:
        rows = sorted(self.selectionModel().selectedRows(), key=lambda i: i.row())
        return [str(i.data(ID_ROLE)) for i in rows]

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self.host.view_selection_changed(self)

    # ----------------------------------------------------------- drag and drop
    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return bool(decode_ids(event.mimeData()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self._highlight(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._highlight(False)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight(False)
        if not self._accepts(event):
            event.ignore()
            return
        from PySide6.QtCore import QModelIndex

        taken = self.model().dropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        )
        if taken:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def _highlight(self, on: bool) -> None:
        box = self.parentWidget()
        while box is not None and box.objectName() not in ("themeBox", "trayBox"):
            box = box.parentWidget()
        if box is not None:
            set_drop_target(box, on)

    # ---------------------------------------------------------------- keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and key == Qt.Key.Key_T:
            self.host.open_picker()
            return
        if plain and key == Qt.Key.Key_N:
            self.host.create_theme_from_selection()
            return
        if plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.host.send_selection_to_tray()
            return
        if self.source.area_id is None and plain:
            # The tray: Enter puts the chosen cards where the suggestion says, S
            # shows the next choices, 2 and 3 take them.
            rank = {Qt.Key.Key_Return: 0, Qt.Key.Key_Enter: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2}
            if key in rank and self.host.accept_placement(rank[Qt.Key(key)]):
                return
            if key == Qt.Key.Key_S:
                self.host.toggle_placement_choices()
                return
        if plain and event.text().isprintable() and event.text().strip():
            # No type-ahead search on the board: letters are commands here.
            event.ignore()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ paint
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model().rowCount() == 0 and self.placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(QColor(palette.MUTED))
            rect = self.viewport().rect().adjusted(16, 16, -16, -16)
            painter.drawText(
                rect,
                int(
                    Qt.AlignmentFlag.AlignHCenter
                    | Qt.AlignmentFlag.AlignTop
                    | Qt.TextFlag.TextWordWrap
                ),
                self.placeholder,
            )
            painter.end()


def _pill() -> QLabel:
    label = QLabel("0")
    label.setObjectName("countPill")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class _ClickLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class _DropFrame(QFrame):
    """A frame that takes dropped cards for its area (header included)."""

    def __init__(self, host: BoardHost, area_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.area_id = area_id
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_ids(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            set_drop_target(self, True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        set_drop_target(self, False)

    def dropEvent(self, event: QDropEvent) -> None:
        set_drop_target(self, False)
        ids = decode_ids(event.mimeData())
        if ids and self.take(ids):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def take(self, ids: list[str]) -> bool:
        """Move the dropped cards into this frame's area."""
        return self.host.drop(ids, self.area_id)


class TrayBox(_DropFrame):
    """The unclustered proposals."""

    def __init__(
        self,
        host: BoardHost,
        model: CardListModel,
        card_filter: CardFilter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(host, None, parent)
        self.setObjectName("trayBox")
        self.model = model
        self.proxy = CardFilterProxy(model, card_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 8, 8)
        layout.setSpacing(8)
        header = QHBoxLayout()
        title = QLabel(self.tr("Nog niet ingedeeld"))
        title.setObjectName("areaTitle")
        header.addWidget(title, 1)
        self.count = _pill()
        self.count.setObjectName("countPill")
        self.count.setAccessibleName(self.tr("Aantal niet ingedeelde voorstellen"))
        header.addWidget(self.count)
        layout.addLayout(header)
        self.view = CardListView(
            host,
            self.proxy,
            self.tr("Alles is ingedeeld. Sleep een kaart hierheen om haar uit een thema te halen."),
        )
        self.view.setObjectName("cardList")
        self.view.setAccessibleName(self.tr("Niet ingedeelde voorstellen"))
        layout.addWidget(self.view, 1)

    def update_count(self, card_filter: CardFilter) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.count.setText(
            str(total)
            if not card_filter.active()
            else self.tr("{shown} van {total}").format(shown=shown, total=total)
        )


class ThemeBox(_DropFrame):
    """One theme: colour, name (edit in place), count, description, menu and its cards."""

    def __init__(
        self,
        host: BoardHost,
        theme_id: str,
        model: CardListModel,
        card_filter: CardFilter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(host, theme_id, parent)
        self.setObjectName("themeBox")
        self.theme_id = theme_id
        self.model = model
        self.proxy = CardFilterProxy(model, card_filter)
        self._name = ""
        self._description = ""
        self._color: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(4)
        header = QHBoxLayout()
        header.setSpacing(4)
        self.color_button = QToolButton()
        self.color_button.setObjectName("themeColor")
        self.color_button.setToolTip(self.tr("Kleur van het thema"))
        self.color_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.color_menu = QMenu(self.color_button)
        self.color_menu.aboutToShow.connect(self._fill_color_menu)
        self.color_button.setMenu(self.color_menu)
        header.addWidget(self.color_button, 0, Qt.AlignmentFlag.AlignTop)
        self.title = _ClickLabel()
        self.title.setObjectName("themeTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setToolTip(self.tr("Klik of F2 om de naam te wijzigen"))
        self.title.clicked.connect(self.start_rename)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        header.addWidget(self.title, 1)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("themeName")
        self.name_edit.setAccessibleName(self.tr("Naam van het thema"))
        self.name_edit.setToolTip(self.tr("Enter bewaart, Esc laat de naam zoals hij was"))
        self.name_edit.editingFinished.connect(self._commit_name)
        self.name_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.name_edit.hide()
        header.addWidget(self.name_edit, 1)
        self.count = _pill()
        header.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("themeMenuButton")
        self.menu_button.setIcon(icon("ellipsis-vertical"))
        self.menu_button.setToolTip(self.tr("Thema: samenvoegen, splitsen, verwijderen…"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.menu_button)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.menu_button.setMenu(self.menu)
        header.addWidget(self.menu_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.description = QLabel()
        self.description.setObjectName("themeDescription")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setContentsMargins(4, 0, 4, 0)
        self.description.hide()
        layout.addWidget(self.description)
        self.view = CardListView(host, self.proxy, self.tr("Sleep kaarten hierheen."))
        self.view.setAccessibleName(self.tr("Voorstellen in dit thema"))
        layout.addWidget(self.view, 1)

    # --------------------------------------------------------------- showing
    def set_theme(self, name: str, description: str | None, color: str | None) -> None:
        if name != self._name:
            self._name = name
            self.title.setText(name)
            if not self.name_edit.isVisible():
                self.name_edit.setText(name)
        text = description or ""
        if self._description != text:
            self._description = text
            self.description.setToolTip(text)
            self.description.setVisible(bool(text))
            self._elide_description()
        if color != self._color or self.color_button.icon().isNull():
            self._color = color
            self.model.color = color
            self.color_button.setIcon(swatch_icon(color))
            self.view.viewport().update()

    def update_count(self, card_filter: CardFilter) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.count.setText(
            str(total)
            if not card_filter.active()
            else self.tr("{shown} van {total}").format(shown=shown, total=total)
        )

    def _elide_description(self) -> None:
        """At most two lines, so the cards keep the room; the whole text is the tooltip."""
        width = max(40, self.width() - 24)
        metrics = self.description.fontMetrics()
        flat = " ".join(self._description.split())
        self.description.setText(
            metrics.elidedText(
                flat, Qt.TextElideMode.ElideRight, 2 * width - 3 * metrics.averageCharWidth()
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._description:
            self._elide_description()

    @property
    def name(self) -> str:
        return self._name

    def start_rename(self) -> None:
        """Edit the name in place; Enter (or leaving the field) keeps it, Esc does not."""
        self.name_edit.setText(self._name)
        self.title.hide()
        self.name_edit.show()
        self.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.name_edit.selectAll()

    def _end_rename(self) -> None:
        self.name_edit.hide()
        self.title.show()

    def _commit_name(self) -> None:
        if not self.name_edit.isVisible():
            return
        text = self.name_edit.text()
        self._end_rename()
        if text.strip() and text != self._name:
            self.host.rename_theme(self.theme_id, text)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F2:
            self.start_rename()
            return
        if event.key() == Qt.Key.Key_Escape and self.name_edit.isVisible():
            self.name_edit.setText(self._name)
            self._end_rename()
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)

    # ----------------------------------------------------------------- menus
    def _color_names(self) -> list[tuple[str, str]]:
        names = [
            self.tr("Oranje"),
            self.tr("Hemelsblauw"),
            self.tr("Blauwgroen"),
            self.tr("Geel"),
            self.tr("Blauw"),
            self.tr("Vermiljoen"),
            self.tr("Roze"),
        ]
        return list(zip(THEME_COLORS, names, strict=True))

    def _fill_color_menu(self) -> None:
        self.color_menu.clear()
        for color, name in self._color_names():
            action = self.color_menu.addAction(swatch_icon(color), name)
            action.setCheckable(True)
            action.setChecked(color == self._color)
            action.triggered.connect(lambda _=False, c=color: self.host.set_color(self.theme_id, c))
        self.color_menu.addSeparator()
        none = self.color_menu.addAction(self.tr("Automatisch (naar plaats op het bord)"))
        none.triggered.connect(lambda: self.host.set_color(self.theme_id, None))

    def _fill_menu(self) -> None:
        self.menu.clear()
        rename = self.menu.addAction(icon("pencil"), self.tr("Naam wijzigen\tF2"))
        rename.triggered.connect(self.start_rename)
        describe = self.menu.addAction(icon("file-text"), self.tr("Beschrijving…"))
        describe.triggered.connect(lambda: self.host.edit_description(self.theme_id))
        colors = self.menu.addMenu(swatch_icon(self._color), self.tr("Kleur"))
        for color, name in self._color_names():
            action = colors.addAction(swatch_icon(color), name)
            action.triggered.connect(lambda _=False, c=color: self.host.set_color(self.theme_id, c))
        self.menu.addSeparator()
        merge = self.menu.addMenu(icon("merge"), self.tr("Samenvoegen met"))
        others = [(tid, name) for tid, name in self.host.theme_names() if tid != self.theme_id]
        for tid, name in others:
            action = merge.addAction(name)
            action.setToolTip(
                self.tr("De kaarten van dit thema gaan naar “{name}”").format(name=name)
            )
            action.triggered.connect(
                lambda _=False, t=tid: self.host.merge_themes(self.theme_id, t)
            )
        merge.setEnabled(bool(others))
        selected = self.view.selected_ids()
        split = self.menu.addAction(
            icon("split"),
            self.tr("Selectie afsplitsen naar een nieuw thema ({n})").format(n=len(selected)),
        )
        split.setEnabled(bool(selected) and len(selected) < self.model.rowCount())
        split.triggered.connect(
            lambda: self.host.split_theme(self.theme_id, self.view.selected_ids())
        )
        self.menu.addSeparator()
        delete = self.menu.addAction(
            icon("trash-2"), self.tr("Thema verwijderen (kaarten terug naar de bak)")
        )
        delete.triggered.connect(lambda: self.host.delete_theme(self.theme_id))


class NewThemeZone(_DropFrame):
    """The dashed box after the last theme: drop cards here or click for a new theme."""

    clicked = Signal()

    def __init__(self, host: BoardHost, parent: QWidget | None = None) -> None:
        super().__init__(host, None, parent)
        self.setObjectName("newThemeZone")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Nieuw thema"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addStretch(1)
        plus = QLabel()
        plus.setPixmap(icon("plus", palette.MUTED).pixmap(QSize(32, 32)))
        plus.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(plus)
        title = QLabel(self.tr("Nieuw thema"))
        title.setObjectName("areaTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        text = QLabel(self.tr("Sleep kaarten hierheen, of kies kaarten en druk op N (Ctrl+G)."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(text)
        layout.addStretch(1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.host.create_theme_from_selection()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.host.create_theme_from_selection()
            return
        super().keyPressEvent(event)

    def take(self, ids: list[str]) -> bool:
        return self.host.drop_new_theme(ids)


class _Canvas(QWidget):
    """The grid's background: cards dropped on empty space start a new theme."""

    def __init__(self, host: BoardHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("themeCanvas")
        self.host = host
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_ids(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = decode_ids(event.mimeData())
        if ids and self.host.drop_new_theme(ids):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()


class ThemeGrid(QScrollArea):
    """Theme boxes in a grid that fills the width; boxes grow to fill the height
    when they all fit and scroll vertically when they do not."""

    def __init__(self, host: BoardHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("themeGrid")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.canvas = _Canvas(host)
        self.grid = QGridLayout(self.canvas)
        self.grid.setContentsMargins(0, 0, 8, 0)
        self.grid.setSpacing(GRID_SPACING)
        self.setWidget(self.canvas)
        self.new_zone = NewThemeZone(host)
        self.boxes: list[ThemeBox] = []
        self._shape: tuple[int, int, int, int] | None = None

    def set_boxes(self, boxes: Sequence[ThemeBox]) -> None:
        if list(boxes) == self.boxes:
            return
        self.boxes = list(boxes)
        self._shape = None
        self.relayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        viewport = self.viewport()
        width = max(1, viewport.width() - 8)
        height = max(1, viewport.height())
        cells = len(self.boxes) + 1
        columns = max(1, min(cells, (width + GRID_SPACING) // (MIN_BOX_WIDTH + GRID_SPACING)))
        rows = math.ceil(cells / columns)
        box_height = max(MIN_BOX_HEIGHT, (height - (rows - 1) * GRID_SPACING) // rows)
        shape = (len(self.boxes), columns, box_height, id(self.boxes[0]) if self.boxes else 0)
        if shape == self._shape:
            return
        self._shape = shape
        while self.grid.count():
            self.grid.takeAt(0)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        for n, widget in enumerate([*self.boxes, self.new_zone]):
            widget.setFixedHeight(box_height)
            self.grid.addWidget(widget, n // columns, n % columns)
            widget.show()
        for column in range(columns):
            self.grid.setColumnStretch(column, 1)
        self.grid.setRowStretch(rows, 1)

    def ensure_visible(self, box: QWidget) -> None:
        self.ensureWidgetVisible(box, 0, 16)


def clear_other_selections(views: Sequence[CardListView], keep: CardListView) -> None:
    """A new selection in one area (without Ctrl) clears the others."""
    if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier:
        return
    for view in views:
        if view is not keep and view.selectionModel().hasSelection():
            view.selectionModel().blockSignals(True)
            view.clearSelection()
            view.selectionModel().blockSignals(False)
            view.viewport().update()


__all__ = [
    "BOARD_STYLE",
    "BoardHost",
    "CardListView",
    "NewThemeZone",
    "ThemeBox",
    "ThemeGrid",
    "TrayBox",
    "clear_other_selections",
    "swatch_icon",
]

# Silence "imported but unused" for names only used in annotations above.
_ = (QEvent, QPoint, QRect)
