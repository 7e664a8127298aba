"""Phase page: Rondes. The World Café grid, the round timer and scribe entry.

Left: tables x rounds with the number of proposals per cell, the current round
marked; the selected cell is where the scribe types. Right: the entry field
and the list of that cell's proposals, and a search across all proposals.
Changes update only what they touch (one grid cell, one list), so Enter stays
fast in a session with thousands of proposals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import run_state
from desktop_app.core.model import Kind, Proposal, Round, Table
from desktop_app.core.round_timer import RoundTimer
from desktop_app.storage.queries import cell_count
from desktop_app.storage.session_file import Change, Origin
from desktop_app.ui import palette
from desktop_app.ui.controller import SessionController
from desktop_app.ui.look import icon
from desktop_app.ui.pages.base import Page, heading, hint
from desktop_app.ui.pages.proposal_search import ProposalSearch
from desktop_app.ui.round_timer import RoundTimerWidget
from desktop_app.ui.scribe import ScribePanel

CURRENT_ROUND_TINT = "#EEF5F5"  # the running round's column, lighter than a selection
GRID_STYLE = f"""
QTableWidget#worldCafeGrid::item:selected,
QTableWidget#worldCafeGrid::item:selected:focus,
QTableWidget#worldCafeGrid::item:selected:!active {{
    background: {palette.ACCENT};
    color: #FFFFFF;
    font-weight: 600;
}}
"""


class RoundsPage(ProposalSearch, Page):
    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        self._tables: list[Table] = []
        self._rounds: list[Round] = []
        self._row_of: dict[str, int] = {}
        self._column_of: dict[str, int] = {}
        self._current_round: str | None = None
        super().__init__(controller, parent)
        self.setObjectName("roundsPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)

        # -- header: round, question, navigation, timer
        top = QHBoxLayout()
        top.setSpacing(16)
        question_box = QVBoxLayout()
        question_box.setSpacing(4)
        self.round_heading = heading(self.tr("Rondes"))
        self.round_heading.setObjectName("roundHeading")
        self.question_label = QLabel()
        self.question_label.setObjectName("roundQuestion")
        self.question_label.setWordWrap(True)
        font = self.question_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.question_label.setFont(font)
        nav = QHBoxLayout()
        nav.setSpacing(8)
        self.previous_button = QPushButton(icon("chevron-left"), self.tr("Vorige ronde"))
        self.previous_button.setObjectName("previousRound")
        self.next_button = QPushButton(icon("chevron-right"), self.tr("Volgende ronde"))
        self.next_button.setObjectName("nextRound")
        self.previous_button.setToolTip(self.tr("Vorige ronde (Ctrl+Shift+PgUp)"))
        self.next_button.setToolTip(self.tr("Volgende ronde (Ctrl+Shift+PgDn)"))
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        question_box.addWidget(self.round_heading)
        question_box.addWidget(self.question_label)
        question_box.addLayout(nav)
        top.addLayout(question_box, 1)
        self.timer_widget = RoundTimerWidget(controller)
        self.timer_widget.setMinimumWidth(220)
        top.addWidget(self.timer_widget, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)

        # -- splitter: grid | scribe
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("roundsSplitter")
        self.splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.setSpacing(8)
        grid_heading = QLabel(self.tr("Tafels × rondes"))
        grid_heading.setProperty("role", "subheading")
        left_layout.addWidget(grid_heading)
        # Search lives beside the grid: its results never cover the cell being typed in.
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setPlaceholderText(self.tr("Zoeken in alle voorstellen (Ctrl+F)"))
        self.search_field.setToolTip(
            self.tr("Enter of ↓ gaat naar de resultaten; Esc sluit het zoeken")
        )
        left_layout.addWidget(self.search_field)
        self.grid = QTableWidget()
        self.grid.setObjectName("worldCafeGrid")
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setStyleSheet(GRID_STYLE)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setMinimumSectionSize(56)
        self.grid.horizontalHeader().sectionResized.connect(
            lambda column, _old, new: self._fit_round_title(column, new)
        )
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(30)
        self.grid.setToolTip(
            self.tr("Kies een tafel (Alt+1…9, Ctrl+PgUp/PgDn) en een ronde om te typen")
        )
        left_layout.addWidget(self.grid, 1)
        self.grid_hint = hint(
            self.tr("Nog geen tafels of rondes: voeg ze toe bij 1 Voorbereiden (Ctrl+1).")
        )
        self.grid_hint.setObjectName("gridHint")
        left_layout.addWidget(self.grid_hint)
        self.results_heading = QLabel()
        self.results_heading.setObjectName("searchHeading")
        self.results_heading.setProperty("role", "subheading")
        self.results_heading.setWordWrap(True)
        self.results_heading.hide()
        left_layout.addWidget(self.results_heading)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.hide()
        left_layout.addWidget(self.results, 1)
        self.splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.setSpacing(8)
        self.cell_heading = QLabel()
        self.cell_heading.setObjectName("cellHeading")
        self.cell_heading.setProperty("role", "subheading")
        self.cell_heading.setWordWrap(True)
        right_layout.addWidget(self.cell_heading)
        self.scribe = ScribePanel(controller)
        right_layout.addWidget(self.scribe, 1)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 520])
        outer.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.run_search)

        self.grid.currentCellChanged.connect(self._on_cell_changed)
        self.previous_button.clicked.connect(lambda: self.step_round(-1))
        self.next_button.clicked.connect(lambda: self.step_round(1))
        self.search_field.textChanged.connect(lambda _: self._search_timer.start())
        self.search_field.returnPressed.connect(self.run_search)
        self.results.itemActivated.connect(self._jump_to_result)
        for widget in (self.search_field, self.results, self.grid, self.scribe.proposal_list):
            widget.installEventFilter(self)
        self.scribe.edit.cancel_requested.connect(self.close_search)
        self._build_actions()

    # ------------------------------------------------------------ actions
    def _page_action(self, text: str, shortcuts: list[str], slot: Callable[[], object]) -> QAction:
        # Window-wide while this page is shown: after a click in the beamer panel or the
        # phase list the table and round keys still work (a hidden page's do not).
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.previous_table_action = self._page_action(
            self.tr("Vorige tafel"), ["Ctrl+PgUp"], lambda: self.step_table(-1)
        )
        self.next_table_action = self._page_action(
            self.tr("Volgende tafel"), ["Ctrl+PgDown"], lambda: self.step_table(1)
        )
        self.previous_round_action = self._page_action(
            self.tr("Vorige ronde"), ["Ctrl+Shift+PgUp"], lambda: self.step_round(-1)
        )
        self.next_round_action = self._page_action(
            self.tr("Volgende ronde"), ["Ctrl+Shift+PgDown"], lambda: self.step_round(1)
        )
        self.timer_toggle_action = self._page_action(
            self.tr("Timer starten of pauzeren"), ["Ctrl+T"], self.timer_widget.toggle
        )
        self.timer_plus_action = self._page_action(
            self.tr("Een minuut erbij"), ["Ctrl+M"], self.timer_widget.add_minute
        )
        self.search_action = self._page_action(
            self.tr("Zoeken in alle voorstellen"), ["Ctrl+F"], self._focus_search
        )
        self.entry_action = self._page_action(
            self.tr("Naar het invoerveld"), ["Ctrl+L"], self.back_to_entry
        )
        self.table_actions = [
            self._page_action(
                self.tr("Tafel {n}").format(n=n),
                [f"Alt+{n % 10}"],
                self._table_picker(n - 1),
            )
            for n in range(1, 11)
        ]

    def first_field(self) -> QWidget | None:
        return self.scribe.edit

    def _focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def back_to_entry(self) -> None:
        """Esc, Ctrl+L: the keyboard goes to the entry field, the search closes.

        An edit of an earlier proposal is cancelled (the field is empty again for
        the next one); new text that was not saved yet stays: nothing typed is lost.
        """
        self.close_search()
        self.scribe.cancel_edit()
        if self.scribe.edit.isEnabled():
            self.scribe.edit.setFocus()

    def close_search(self) -> None:
        if self.search_field.text() or self.results.isVisible():
            self.search_field.clear()
            self._search_timer.stop()
            self.run_search()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Escape and plain:
            if watched is self.scribe.proposal_list and self.scribe.proposal_list.state() == (
                QAbstractItemView.State.EditingState
            ):
                return False  # the inline editor's own Esc
            self.back_to_entry()
            return True
        if watched is self.search_field and key in (
            Qt.Key.Key_Down,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self._search_timer.stop()
            self.run_search()
            if self.results.count() and self.results.item(0).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.results.setCurrentRow(0)
                self.results.setFocus()
            return True
        if watched is self.grid:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self.back_to_entry()
                return True
            text = event.text()
            typing = (
                bool(text)
                and text.isprintable()
                and not event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            )
            if typing and self.scribe.edit.isEnabled():
                # Typing in the grid goes to the entry field, not to Qt's item search.
                self.scribe.edit.setFocus()
                self.scribe.edit.insert_limited(text)
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Rebuild the grid from storage (on show, or after an import)."""
        session_file = self.controller.session_file
        self._tables = session_file.tables()
        self._rounds = session_file.rounds()
        current = session_file.state(run_state.CURRENT_ROUND)
        if current not in {r.id for r in self._rounds}:
            current = self._rounds[0].id if self._rounds else None
            self._current_round = current
            if current is not None and session_file.writable:
                first = current
                self.controller.run_unrecorded(
                    lambda: session_file.set_state(run_state.CURRENT_ROUND, first)
                )
        self._current_round = current
        counts = session_file.proposal_counts()
        self._row_of = {t.id: i for i, t in enumerate(self._tables)}
        self._column_of = {r.id: i for i, r in enumerate(self._rounds)}

        selected_table = self.scribe.table_id
        selected_round = self.scribe.round_id
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.setRowCount(len(self._tables))
        self.grid.setColumnCount(len(self._rounds))
        for row, table in enumerate(self._tables):
            header = QTableWidgetItem(f"{row + 1}. {table.name}")
            if table.host:
                header.setToolTip(self.tr("Gastheer/-vrouw: {host}").format(host=table.host))
            self.grid.setVerticalHeaderItem(row, header)
        for column, round_ in enumerate(self._rounds):
            header = QTableWidgetItem(self.tr("Ronde {n}").format(n=round_.number))
            self.grid.setHorizontalHeaderItem(column, header)
            for row, table in enumerate(self._tables):
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.grid.setItem(row, column, item)
                self._set_count(item, counts.get((round_.id, table.id), 0))
        self._mark_current_round()
        self.grid.blockSignals(False)
        empty = not self._tables or not self._rounds
        self.grid_hint.setVisible(empty)
        self.grid.setVisible(not empty)
        self._fit_grid_width()

        if selected_table not in self._row_of:
            selected_table = self._tables[0].id if self._tables else None
        if selected_round not in self._column_of:
            selected_round = current
        self.select_cell(selected_table, selected_round)
        self._show_round_header()
        if self.search_field.text():
            self.run_search()

    def _fit_grid_width(self) -> None:
        """The grid's column is wide enough for every round ("R2" at the least), so at
        1024x768 no round hides behind a horizontal scroll bar."""
        header = self.grid.verticalHeader()
        header.ensurePolished()
        needed = (
            header.sizeHint().width()
            + self.grid.columnCount() * self.grid.horizontalHeader().minimumSectionSize()
            + 2 * self.grid.frameWidth()
            + self.grid.verticalScrollBar().sizeHint().width()
            + 8  # the column's right margin
        )
        column = self.grid.parentWidget()
        if column is not None:
            column.setMinimumWidth(min(needed, 420))

    def _fit_round_title(self, column: int, width: int | None = None) -> None:
        """Show "Ronde 2" where the column has room for it, else "R2" (never a clipped word).

        ``width``: the column's new width while it is being resized (the header
        reports the old one until the resize is done).
        """
        header = self.grid.horizontalHeaderItem(column)
        if header is None or column >= len(self._rounds):
            return
        if width is None:
            width = self.grid.horizontalHeader().sectionSize(column)
        number = self._rounds[column].number
        full = self.tr("Ronde {n}").format(n=number)
        # Measured as the stylesheet draws it: semibold, 8 px padding each side.
        font = QFont(header.font())
        font.setWeight(QFont.Weight.DemiBold)
        short = QFontMetrics(font).horizontalAdvance(full) + 24 > width
        text = self.tr("R{n}").format(n=number) if short else full
        if header.text() != text:
            header.setText(text)

    def _set_count(self, item: QTableWidgetItem, count: int) -> None:
        item.setText(str(count) if count else "–")
        item.setData(Qt.ItemDataRole.UserRole, count)
        item.setForeground(QBrush(QColor(palette.TEXT if count else palette.MUTED)))

    def _mark_current_round(self) -> None:
        column = self._column_of.get(self._current_round or "", -1)
        tint = QBrush(QColor(CURRENT_ROUND_TINT))
        plain = QBrush()
        for c in range(self.grid.columnCount()):
            header = self.grid.horizontalHeaderItem(c)
            if header is not None:
                font = QFont(header.font())
                font.setBold(c == column)
                header.setFont(font)
                header.setToolTip(self.tr("De huidige ronde (gemarkeerd)") if c == column else "")
                self._fit_round_title(c)
            for r in range(self.grid.rowCount()):
                item = self.grid.item(r, c)
                if item is not None:
                    item.setBackground(tint if c == column else plain)

    def _show_round_header(self) -> None:
        round_ = self._round(self._current_round)
        if round_ is None:
            self.round_heading.setText(self.tr("Rondes"))
            self.question_label.setText(self.tr("Nog geen rondes: voeg ze toe bij 1 Voorbereiden."))
        else:
            self.round_heading.setText(
                self.tr("Ronde {n} van {total}").format(n=round_.number, total=len(self._rounds))
            )
            self.question_label.setText(round_.question or self.tr("(nog geen vraag)"))
        index = self._column_of.get(self._current_round or "", -1)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < len(self._rounds) - 1)
        self._show_cell_heading()

    def _round(self, round_id: str | None) -> Round | None:
        return next((r for r in self._rounds if r.id == round_id), None)

    def _table(self, table_id: str | None) -> Table | None:
        return next((t for t in self._tables if t.id == table_id), None)

    def _show_cell_heading(self) -> None:
        table = self._table(self.scribe.table_id)
        round_ = self._round(self.scribe.round_id)
        if table is None or round_ is None:
            self.cell_heading.setText(self.tr("Kies links een tafel en een ronde"))
            return
        text = self.tr("{table} · ronde {n}").format(table=table.name, n=round_.number)
        if round_.id != self._current_round:
            text += self.tr(" (niet de huidige ronde)")
        self.cell_heading.setText(text)

    # ------------------------------------------------------------ choosing
    def select_cell(self, table_id: str | None, round_id: str | None) -> None:
        row = self._row_of.get(table_id or "", -1)
        column = self._column_of.get(round_id or "", -1)
        if row >= 0 and column >= 0:
            self.grid.setCurrentCell(row, column)  # -> _on_cell_changed
        else:
            self.scribe.set_cell(None, None)
            self._show_cell_heading()

    def _on_cell_changed(self, row: int, column: int, *_: int) -> None:
        if 0 <= row < len(self._tables) and 0 <= column < len(self._rounds):
            self.scribe.set_cell(self._rounds[column].id, self._tables[row].id)
            self._show_cell_heading()

    def _table_picker(self, index: int) -> Callable[[], None]:
        return lambda: self.pick_table(index)

    def pick_table(self, index: int) -> None:
        """Alt+digit: the n-th table, in the selected round; the cursor goes to the field."""
        if 0 <= index < len(self._tables):
            column = max(
                self.grid.currentColumn(), self._column_of.get(self._current_round or "", 0)
            )
            self.grid.setCurrentCell(index, column)
            self.scribe.edit.setFocus()

    def step_table(self, step: int) -> None:
        if not self._tables:
            return
        row = (self.grid.currentRow() + step) % len(self._tables)
        column = max(self.grid.currentColumn(), 0)
        had_focus = self.scribe.edit.hasFocus()
        self.grid.setCurrentCell(row, column)
        if had_focus:
            self.scribe.edit.setFocus()

    def step_round(self, step: int) -> None:
        """Make the previous/next round the current one; the timer starts fresh for it."""
        index = self._column_of.get(self._current_round or "", -1) + step
        if 0 <= index < len(self._rounds):
            self.set_current_round(self._rounds[index].id)

    def set_current_round(self, round_id: str) -> None:
        session_file = self.controller.session_file
        round_ = self._round(round_id)
        fresh = RoundTimer.for_round(round_id, round_.minutes if round_ else None)

        def store() -> None:
            with session_file.transaction():
                session_file.set_state(run_state.TIMER, fresh.to_state())
                session_file.set_state(run_state.CURRENT_ROUND, round_id)

        self.controller.run_unrecorded(store)
        row = max(self.grid.currentRow(), 0)
        self.grid.setCurrentCell(row, self._column_of.get(round_id, 0))

    # ------------------------------------------------------ staying in step
    SHOWS = frozenset({Kind.TABLE, Kind.ROUND, Kind.PROPOSAL})
    SHOWS_SESSION = False
    SHOWS_STATE = frozenset({run_state.CURRENT_ROUND})

    def on_change(self, change: Change) -> None:
        if not self.shows(change):
            return
        if not self.isVisible():
            self._stale = True
            return
        proposals = change.of(Kind.PROPOSAL)
        if change.touches(Kind.TABLE, Kind.ROUND) or change.origin is Origin.IMPORT:
            self.refresh()
        elif proposals and len(proposals) <= 50:
            self._update_cells(proposals)
        elif proposals:
            self.refresh()
        elif run_state.CURRENT_ROUND in change.state:
            current = self.controller.session_file.state(run_state.CURRENT_ROUND)
            if current != self._current_round:
                self._current_round = current
                self._mark_current_round()
                self._show_round_header()

    def _update_cells(self, ids: Iterable[str]) -> None:
        session_file = self.controller.session_file
        cells: set[tuple[str, str]] = set()
        for proposal_id in ids:
            proposal = session_file.get(Kind.PROPOSAL, proposal_id)
            if isinstance(proposal, Proposal):
                cells.add((proposal.round_id, proposal.table_id))
        for round_id, table_id in cells:
            row, column = self._row_of.get(table_id), self._column_of.get(round_id)
            if row is None or column is None:
                continue
            item = self.grid.item(row, column)
            if item is not None:
                count = cell_count(session_file, round_id, table_id)
                self._set_count(item, count)
        if self.search_field.text():
            self._search_timer.start()

    # --------------------------------------------------------------- search
    def hideEvent(self, event: QHideEvent) -> None:
        self._search_timer.stop()  # never search a session that is being closed
        super().hideEvent(event)
