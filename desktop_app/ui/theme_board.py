"""The theme board's grid: the theme boxes in rows that fit the page's width.

The board's other pieces live beside it: its look (board_style.py), a column of
cards (card_list.py) and the boxes (theme_boxes.py). The widgets only show and
report; what a drop, a key or a menu item means is decided by the page
(:class:`~desktop_app.ui.card_list.BoardHost`), which writes through the controller.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QScrollArea,
    QWidget,
)

from desktop_app.ui.board_style import (
    GRID_SPACING,
    MIN_BOX_HEIGHT,
    MIN_BOX_WIDTH,
)
from desktop_app.ui.card_list import BoardHost
from desktop_app.ui.card_model import (
    decode_ids,
)
from desktop_app.ui.theme_boxes import (
    NewThemeZone,
    ThemeBox,
)


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
