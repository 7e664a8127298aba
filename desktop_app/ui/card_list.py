"""A column of cards on the theme board (select, drag, drop, keys) and what it asks of the page.

The widgets only show and report; what a drop, a key or a menu item means is
decided by the page (:class:`BoardHost`), which writes through the controller."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QListView,
    QWidget,
)

from desktop_app.ui import palette
from desktop_app.ui.board_style import (
    set_drop_target,
)
from desktop_app.ui.card_model import (
    ID_ROLE,
    CardDelegate,
    CardFilterProxy,
    CardListModel,
    decode_ids,
)


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
