"""The vote page's tally tab: the sticker counts from the flip charts, typed as on paper
(Enter saves and goes down, Tab goes right), one undoable step per count."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import ops
from desktop_app.core.model import SessionSnapshot
from desktop_app.core.ranking import vote_items
from desktop_app.core.voting import (
    tally_cells,
    voting_group_ids,
)
from desktop_app.ui import palette
from desktop_app.ui.pages.base import heading
from desktop_app.ui.pages.vote_section import VoteSection

MAX_TALLY = 100_000


class CountDelegate(QStyledItemDelegate):
    """Cells take whole numbers of dots only."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setValidator(QIntValidator(0, MAX_TALLY, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor


class TallyGrid(QTableWidget):
    """The sticker counts, typed as on paper: Enter saves and goes down, Tab goes right."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter
            self.step_down()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            # Enter on a count that is not being typed: the next one. (While typing,
            # the editor's Enter reaches here too; closeEditor moves down then.)
            if self.state() != QAbstractItemView.State.EditingState:
                self.step_down()
            return
        super().keyPressEvent(event)

    def step_down(self) -> None:
        """The same column, one row down (the next count to type); stays on the last row."""
        row, column = self.currentRow(), self.currentColumn()
        if 0 <= row < self.rowCount() - 1 and column >= 0:
            self.setCurrentCell(row + 1, column)


def tally_cell(text: str, *, editable: bool = False, align_right: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class TallySection(VoteSection):
    """The tally tab of :class:`~desktop_app.ui.pages.vote.VotePage`: build, refresh, store."""

    def _build_tallies(self) -> QWidget:
        # The whole tab scrolls, the grid is as tall as its rows: at 1024x768 every
        # theme is in it, not three in a small box of their own.
        scroll = QScrollArea()
        scroll.setObjectName("tallyScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tally_scroll = scroll
        page = QWidget()
        scroll.setWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        mode_row = QHBoxLayout()
        mode_row.addWidget(QLabel(self.tr("Turven per:")))
        self.by_group = QRadioButton(self.tr("&Doelgroep"))
        self.by_group.setObjectName("tallyByGroup")
        self.by_table = QRadioButton(self.tr("&Tafel"))
        self.by_table.setObjectName("tallyByTable")
        self.by_group.setChecked(True)
        self._mode_group = QButtonGroup(self)
        self._mode_group.addButton(self.by_group)
        self._mode_group.addButton(self.by_table)
        self.by_group.toggled.connect(lambda _: self._refresh_tallies(self.controller.snapshot()))
        for radio in (self.by_group, self.by_table):
            radio.setMinimumWidth(radio.sizeHint().width() + 8)  # the stylesheet's spacing
            mode_row.addWidget(radio)
        mode_row.addStretch(1)
        layout.addLayout(mode_row)
        explain = QLabel(
            self.tr(
                "Tel de stickers op de flappen en typ per onderwerp het aantal stippen "
                "(Enter, pijltjes). 0 of leeg haalt de telling weg."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(explain)
        self.tally_table = TallyGrid()
        self.tally_table.setObjectName("tallyGrid")
        self.tally_table.setWordWrap(True)
        self.tally_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tally_table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tally_table.currentCellChanged.connect(self._show_current_tally)
        self._delegate = CountDelegate(self.tally_table)
        self.tally_table.setItemDelegate(self._delegate)
        # A change arriving while a count is being typed (a kiosk ballot) waits
        # for the editor to close instead of throwing the typing away.
        self._tallies_stale = False
        self._delegate.closeEditor.connect(self._editor_closed)
        self.tally_table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tally_table.verticalHeader().hide()
        self.tally_table.itemChanged.connect(self._tally_edited)
        self.tally_table.horizontalHeader().sectionResized.connect(
            lambda column, _old, _new: (
                column == 0 and QTimer.singleShot(0, self, self._rewrap_tallies)
            )
        )
        layout.addWidget(self.tally_table)
        self.other_tallies_label = QLabel()
        self.other_tallies_label.setObjectName("otherTallies")
        self.other_tallies_label.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(self.other_tallies_label)
        layout.addWidget(heading(self.tr("Controle per doelgroep"), "subheading"))
        self.check_table = QTableWidget()
        self.check_table.setObjectName("tallyChecks")
        self.check_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.check_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.check_table.verticalHeader().hide()
        self.check_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.check_table)
        self.over_label = QLabel()
        self.over_label.setObjectName("overCount")
        self.over_label.setWordWrap(True)
        self.over_label.setProperty("role", "error")
        layout.addWidget(self.over_label)
        layout.addStretch(1)
        return scroll

    def _show_current_tally(self, row: int, column: int, *_: int) -> None:
        """Keep the count being typed in view in the scrolling tab."""
        item = self.tally_table.item(row, column) if row >= 0 and column >= 0 else None
        if item is None:
            return
        content = self.tally_scroll.widget()
        if content is None:
            return
        rect = self.tally_table.visualItemRect(item)
        at = self.tally_table.viewport().mapTo(content, rect.center())
        self.tally_scroll.ensureVisible(at.x(), at.y(), 16, rect.height())

    def _refresh_tallies(self, snapshot: SessionSnapshot) -> None:
        by_table = self.by_table.isChecked()
        items = vote_items(snapshot)
        self._items = [item_id for item_id, _ in items]
        group_names = {g.id: g.name for g in snapshot.target_groups}
        if by_table:
            columns = [
                (
                    t.id,
                    self.tr("{table} ({group})").format(
                        table=t.name, group=group_names[t.target_group_id]
                    )
                    if t.target_group_id in group_names
                    else t.name,
                )
                for t in snapshot.live_tables()
            ]
        else:
            columns = [(gid, group_names[gid]) for gid in voting_group_ids(snapshot, self._state)]
        self._columns = [cid for cid, _ in columns]
        table = self.tally_table
        if table.state() == QAbstractItemView.State.EditingState:
            self._tallies_stale = True
            self._refresh_checks(snapshot)
            return
        self._tallies_stale = False
        cells = tally_cells(snapshot, "table" if by_table else "group")
        current = (table.currentRow(), table.currentColumn())
        scrolled = table.verticalScrollBar().value()
        self._filling = True
        try:
            table.clear()
            table.setRowCount(len(items))
            table.setColumnCount(len(columns) + 1)
            table.setHorizontalHeaderLabels([self.tr("Onderwerp"), *(name for _, name in columns)])
            for row, (item_id, label) in enumerate(items):
                name = tally_cell(label, align_right=False)
                name.setToolTip(label)
                table.setItem(row, 0, name)
                for col, column_id in enumerate(self._columns, start=1):
                    votes = cells.get((item_id, column_id), [])
                    value = sum(v.dots for v in votes)
                    table.setItem(row, col, tally_cell(str(value) if votes else "", editable=True))
            header = table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(64)
            for col in range(1, len(columns) + 1):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
            table.resizeRowsToContents()
            if current[0] >= 0 and current[1] >= 0:
                table.setCurrentCell(
                    min(current[0], table.rowCount() - 1), min(current[1], table.columnCount() - 1)
                )
            table.verticalScrollBar().setValue(scrolled)
            # As tall as all its rows: the tab scrolls, the check follows right below.
            self._fit_tally_height()
        finally:
            self._filling = False

        other = tally_cells(snapshot, "group" if by_table else "table")
        other_dots = sum(v.dots for votes in other.values() for v in votes)
        self.other_tallies_label.setText(
            self.tr("Daarnaast %n stip(pen) geturfd per doelgroep.", "", other_dots)
            if by_table
            else self.tr("Daarnaast %n stip(pen) geturfd per tafel.", "", other_dots)
        )
        self.other_tallies_label.setVisible(other_dots > 0)
        self._refresh_checks(snapshot)

    def _rewrap_tallies(self) -> None:
        if self.tally_table.state() != QAbstractItemView.State.EditingState:
            self.tally_table.resizeRowsToContents()
        self._fit_tally_height()

    def _fit_tally_height(self) -> None:
        table = self.tally_table
        rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        bar = table.horizontalScrollBar()
        extra = bar.sizeHint().height() if bar.isVisible() else 0
        table.setFixedHeight(
            max(120, table.horizontalHeader().sizeHint().height() + rows_height + 4 + extra)
        )

    def _editor_closed(self) -> None:
        if self._tallies_stale:
            QTimer.singleShot(0, self, self._refresh_stale_tallies)

    def _refresh_stale_tallies(self) -> None:
        if self._tallies_stale and self.isVisible():
            self._refresh_tallies(self.controller.snapshot())

    def _tally_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() == 0:
            return
        row, col = item.row(), item.column()
        if row >= len(self._items) or col - 1 >= len(self._columns):
            return
        text = item.text().strip()
        try:
            value = int(text) if text else 0
        except ValueError:
            value = -1
        if not 0 <= value <= MAX_TALLY:
            self._say(self.tr("Typ een heel aantal stippen (0 of meer)."))
            self.refresh()
            return
        self.set_tally(self._items[row], self._columns[col - 1], value)

    def set_tally(self, item_id: str, column_id: str, value: int) -> None:
        """Set one cell of the sticker grid (one undoable step)."""
        self.controller.run(
            ops.set_tally, item_id, column_id, value, by_table=self.by_table.isChecked()
        )
        self._say("")
