"""Phase page 4, Stemmen: the rules, sticker tallies, the kiosk, and the results.

The facilitator opens voting (the items are then frozen), starts the kiosk for
a queue of voters and/or types the sticker counts from the flip charts, closes
voting and reveals the results (which closes the vote). Results stay hidden
until revealed; the breakdown per target group shows a group with fewer voters
than the privacy floor only together with others ("Overige groepen").
"""

from __future__ import annotations

from functools import partial
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import ops
from desktop_app.core import run_state
from desktop_app.core.model import Kind, SessionSnapshot
from desktop_app.core.ranking import vote_items
from desktop_app.core.voting import (
    Results,
    compute_results,
    last_ballot,
    results_revealed,
    reveal_steps,
    rules_of,
    suggested_dots,
    tally_cells,
    tally_checks,
    too_many_items,
    voting_group_ids,
    voting_open,
    voting_steps,
)
from desktop_app.export.charts import RESULT_ROW_INCHES, results_figure
from desktop_app.storage.session_file import Change
from desktop_app.ui import palette
from desktop_app.ui.controller import SessionController
from desktop_app.ui.flow_layout import flow_row
from desktop_app.ui.kiosk import KioskWindow
from desktop_app.ui.look import icon
from desktop_app.ui.pages.base import Page, StepMessage, heading, hint

MAX_TALLY = 100_000


class _CountDelegate(QStyledItemDelegate):
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


class _TallyGrid(QTableWidget):
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


def _cell(text: str, *, editable: bool = False, align_right: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class VotePage(Page):
    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.kiosk: KioskWindow | None = None
        self._refresh_pending = False
        self._filling = False
        self._chart_key: object = None
        self._tally_keys: list[tuple[str, str]] = []  # (item id, column id) per editable cell
        self._columns: list[str] = []
        self._items: list[str] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 16)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Stemmen")))
        self.status_label = QLabel()
        self.status_label.setObjectName("voteStatus")
        top.addWidget(self.status_label)
        top.addStretch(1)
        layout.addLayout(top)

        self.open_button = QPushButton()
        self.open_button.setObjectName("openVoting")
        self.open_button.setProperty("primary", True)
        self.open_button.clicked.connect(self.toggle_voting)
        self.kiosk_button = QPushButton(icon("monitor"), self.tr("&Kiosk starten"))
        self.kiosk_button.setObjectName("startKiosk")
        self.kiosk_button.setToolTip(
            self.tr("Opent het stemscherm over het hele scherm. Sluiten: Ctrl+Shift+Q.")
        )
        self.kiosk_button.clicked.connect(lambda: self.open_kiosk())
        self.void_button = QPushButton(icon("rotate-ccw"), self.tr("L&aatste stem ongeldig"))
        self.void_button.setObjectName("voidBallot")
        self.void_button.setToolTip(
            self.tr("Alleen voor de begeleider: de laatst uitgebrachte kioskstem telt niet mee.")
        )
        self.void_button.clicked.connect(self.void_last_ballot)
        self.reveal_button = QPushButton()
        self.reveal_button.setObjectName("revealResults")
        self.reveal_button.clicked.connect(self.toggle_reveal)
        buttons = [self.open_button, self.kiosk_button, self.void_button, self.reveal_button]
        for button in buttons:
            button.setIconSize(QSize(18, 18))
        self.action_row = flow_row(buttons)  # wraps at 1024 px instead of cutting labels
        layout.addWidget(self.action_row)

        self.freeze_banner = self._banner("voteFrozen", palette.ACCENT_LIGHT, palette.ACCENT_DARK)
        self.many_banner = self._banner("voteManyItems", "#FCF3E0", palette.WARNING_TEXT)
        self.message_label = QLabel()
        self.message_label.setObjectName("voteMessage")
        self.message_label.setStyleSheet(f"color: {palette.MUTED}; padding: 0px 4px;")
        self.message_label.setWordWrap(True)
        # Its line stays reserved when it is empty: a message that comes or goes (the
        # first tally clears one) never moves the grid under the mouse.
        keep_place = self.message_label.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)
        self.message_label.setSizePolicy(keep_place)
        self.message_label.setMinimumHeight(self.message_label.fontMetrics().lineSpacing())
        self.message_label.hide()
        self._step_message = StepMessage(controller, lambda: self._say(""))
        for widget in (self.freeze_banner, self.many_banner, self.message_label):
            layout.addWidget(widget)
        self.empty_hint = hint("")
        self.empty_hint.setObjectName("voteEmpty")
        layout.addWidget(self.empty_hint)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("voteTabs")
        self.tabs.addTab(self._build_rules(), icon("settings"), self.tr("Regels"))
        self.tabs.addTab(self._build_tallies(), icon("list-checks"), self.tr("Turven"))
        self.tabs.addTab(self._build_results(), icon("chart-bar"), self.tr("Uitslag"))
        layout.addWidget(self.tabs, 1)
        self.tally_table.installEventFilter(self)  # once the page is built (see eventFilter)

    # -------------------------------------------------------------- building
    def _banner(self, name: str, background: str, color: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(
            f"QLabel#{name} {{ background: {background}; color: {color}; border-radius: 6px;"
            f" padding: 8px 12px; font-weight: 600; }}"
        )
        label.hide()
        return label

    def _build_rules(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(16, 16, 16, 16)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(12)
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("voteTarget")
        self.target_combo.addItem(self.tr("Thema's"), "cluster")
        self.target_combo.addItem(self.tr("Losse voorstellen"), "proposal")
        self.target_combo.activated.connect(self._target_chosen)
        form.addRow(self.tr("Stemmen op"), self.target_combo)

        self.dots_spin = QSpinBox()
        self.dots_spin.setObjectName("dotsPerParticipant")
        self.dots_spin.setRange(1, 100)
        self.dots_spin.editingFinished.connect(self._dots_edited)
        self.suggest_button = QPushButton(self.tr("Voorstel gebruiken"))
        self.suggest_button.setObjectName("useSuggestion")
        self.suggest_button.clicked.connect(self._use_suggestion)
        self.suggest_label = QLabel()
        self.suggest_label.setObjectName("dotsSuggestion")
        self.suggest_label.setStyleSheet(f"color: {palette.MUTED};")
        self.suggest_label.setWordWrap(True)  # narrow windows: wrap, never clip
        dots_row = QHBoxLayout()
        dots_row.addWidget(self.dots_spin)
        dots_row.addWidget(self.suggest_label, 1)
        dots_row.addWidget(self.suggest_button)
        form.addRow(self.tr("Stippen per deelnemer"), dots_row)

        self.cap_spin = QSpinBox()
        self.cap_spin.setObjectName("maxDotsPerItem")
        self.cap_spin.setRange(1, 100)
        self.cap_spin.editingFinished.connect(self._cap_edited)
        form.addRow(self.tr("Hoogstens per onderwerp"), self.cap_spin)

        self.groups_box = QVBoxLayout()
        self.groups_box.setSpacing(4)
        self.group_checks: dict[str, QCheckBox] = {}
        groups_holder = QWidget()
        groups_holder.setLayout(self.groups_box)
        form.addRow(self.tr("Doelgroepen die stemmen"), groups_holder)

        self.floor_spin = QSpinBox()
        self.floor_spin.setObjectName("privacyFloor")
        self.floor_spin.setRange(1, 100)
        self.floor_spin.editingFinished.connect(self._floor_edited)
        floor_row = QHBoxLayout()
        floor_row.addWidget(self.floor_spin)
        floor_hint = QLabel(
            self.tr(
                "Een doelgroep met minder stemmers dan dit wordt in de uitslag alleen samen "
                "met andere groepen getoond."
            )
        )
        floor_hint.setStyleSheet(f"color: {palette.MUTED};")
        floor_hint.setWordWrap(True)
        floor_row.addWidget(floor_hint, 1)
        form.addRow(self.tr("Privacygrens (k)"), floor_row)
        outer.addLayout(form)
        self.rules_locked_label = QLabel(
            self.tr("De regels liggen vast zolang de stemming open is.")
        )
        self.rules_locked_label.setStyleSheet(f"color: {palette.MUTED};")
        outer.addWidget(self.rules_locked_label)
        outer.addStretch(1)
        return page

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
        self.tally_table = _TallyGrid()
        self.tally_table.setObjectName("tallyGrid")
        self.tally_table.setWordWrap(True)
        self.tally_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tally_table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tally_table.currentCellChanged.connect(self._show_current_tally)
        self._delegate = _CountDelegate(self.tally_table)
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

    def _build_results(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        self.hidden_card = QFrame()
        self.hidden_card.setObjectName("resultsHidden")
        self.hidden_card.setProperty("card", True)
        card = QVBoxLayout(self.hidden_card)
        card.setContentsMargins(32, 32, 32, 32)
        card.setSpacing(16)
        eye = QLabel()
        eye.setPixmap(icon("eye-off", palette.MUTED).pixmap(48, 48))
        eye.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card.addWidget(eye)
        hidden_text = QLabel(
            self.tr(
                "De uitslag is nog verborgen, hier en op de beamer. Onthul hem als het "
                "stemmen klaar is."
            )
        )
        hidden_text.setWordWrap(True)
        hidden_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hidden_text.setStyleSheet(f"color: {palette.MUTED}; font-size: 12pt;")
        card.addWidget(hidden_text)
        self.reveal_here = QPushButton(icon("eye", "#FFFFFF"), self.tr("Uitslag onthullen"))
        self.reveal_here.setObjectName("revealHere")
        self.reveal_here.setProperty("primary", True)
        self.reveal_here.clicked.connect(lambda: self.set_revealed(True))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reveal_here)
        row.addStretch(1)
        card.addLayout(row)
        card.addStretch(1)
        outer.addWidget(self.hidden_card)

        self.results_area = QScrollArea()
        self.results_area.setObjectName("resultsArea")
        self.results_area.setWidgetResizable(True)
        self.results_area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(16, 16, 16, 16)
        body_layout.setSpacing(12)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("resultsSummary")
        self.summary_label.setWordWrap(True)
        body_layout.addWidget(self.summary_label)
        self.figure = Figure(figsize=(7.5, 4), facecolor="white")
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setObjectName("resultsChart")
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.canvas.installEventFilter(self)
        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(60)
        self._chart_timer.timeout.connect(self._redraw_chart)
        body_layout.addWidget(self.canvas)
        self.results_table = QTableWidget()
        self.results_table.setObjectName("resultsTable")
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_table.verticalHeader().hide()
        self.results_table.setWordWrap(True)
        self.results_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results_table.horizontalHeader().sectionResized.connect(
            lambda column, _old, _new: (
                column == 1 and QTimer.singleShot(0, self, self._rewrap_results)
            )
        )
        body_layout.addWidget(self.results_table)
        self.disagree_label = QLabel()
        self.disagree_label.setObjectName("disagreements")
        self.disagree_label.setWordWrap(True)
        body_layout.addWidget(self.disagree_label)
        self.floor_note = QLabel()
        self.floor_note.setObjectName("floorNote")
        self.floor_note.setWordWrap(True)
        self.floor_note.setStyleSheet(f"color: {palette.MUTED};")
        body_layout.addWidget(self.floor_note)
        body_layout.addStretch(1)
        self.results_area.setWidget(body)
        outer.addWidget(self.results_area, 1)
        return page

    # --------------------------------------------------------------- refresh
    SHOWS = frozenset({Kind.THEME, Kind.PROPOSAL, Kind.VOTE, Kind.TARGET_GROUP, Kind.TABLE})
    SHOWS_STATE = frozenset(
        {
            run_state.VOTING_OPEN,
            run_state.RESULTS_REVEALED,
            run_state.PRIVACY_FLOOR,
            run_state.VOTING_GROUPS,
        }
    )

    def on_change(self, change: Change) -> None:
        """Refresh once after a burst of changes (a kiosk ballot must not wait on a redraw)."""
        if not self.shows(change):
            return
        if not self.isVisible():
            self._stale = True
            return
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self, self._deferred_refresh)

    def _deferred_refresh(self) -> None:
        self._refresh_pending = False
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _state(self, key: str, default: Any) -> Any:
        return self.controller.session_file.state(key, default)

    def refresh(self) -> None:
        snapshot = self.controller.snapshot()
        is_open = voting_open(self._state)
        revealed = results_revealed(self._state)
        items = vote_items(snapshot)
        voting_rules = rules_of(snapshot)
        themes_voted = voting_rules.target == "cluster"

        self.status_label.setText(
            self.tr("\u25cf Stemming open") if is_open else self.tr("\u25cb Stemming gesloten")
        )
        self.status_label.setStyleSheet(
            f"color: {palette.SUCCESS_TEXT if is_open else palette.MUTED}; font-weight: 600;"
            " padding-left: 16px;"
        )
        self.open_button.setText(
            self.tr("Stemming &sluiten") if is_open else self.tr("Stemming &openen")
        )
        self.open_button.setIcon(icon("pause" if is_open else "play", "#FFFFFF"))
        self.open_button.setEnabled(is_open or bool(items))
        self.kiosk_button.setEnabled(is_open)
        self.void_button.setEnabled(
            bool(last_ballot(snapshot, self.controller.session_file.ballots_cast_here()))
        )
        self.reveal_button.setText(
            self.tr("Uitslag &verbergen") if revealed else self.tr("&Uitslag onthullen")
        )
        self.reveal_button.setIcon(icon("eye-off" if revealed else "eye"))

        if is_open:
            what = self.tr("thema's") if themes_voted else self.tr("voorstellen")
            self.freeze_banner.setText(
                self.tr(
                    "De stemming is open: de {what} liggen vast. Voeg niets toe en verwijder "
                    "niets tot je de stemming sluit."
                ).format(what=what)
            )
        self.freeze_banner.setVisible(is_open)
        self.many_banner.setVisible(too_many_items(len(items)))
        self.many_banner.setText(
            self.tr(
                "Er zijn {count} onderwerpen. Boven de 12 raken de stippen versnipperd: voeg "
                "thema's samen of kies de belangrijkste."
            ).format(count=len(items))
        )
        if not items:
            self.empty_hint.setText(
                self.tr("Nog niets om op te stemmen: maak eerst thema's in stap 3 Clusteren.")
                if themes_voted
                else self.tr("Nog geen voorstellen om op te stemmen: vul eerst de rondes in.")
            )
        self.empty_hint.setVisible(not items)

        self._refresh_rules(snapshot, is_open, len(items))
        self._refresh_tallies(snapshot)
        self._refresh_results(snapshot, revealed)

    def _refresh_rules(self, snapshot: SessionSnapshot, is_open: bool, count: int) -> None:
        voting_rules = rules_of(snapshot)
        self._filling = True
        try:
            index = self.target_combo.findData(voting_rules.target)
            self.target_combo.setCurrentIndex(max(0, index))
            self.dots_spin.setValue(voting_rules.dots)
            self.cap_spin.setValue(voting_rules.cap)
            self.cap_spin.setMaximum(max(1, voting_rules.dots))
            self.floor_spin.setValue(snapshot.privacy_floor)
            suggestion = suggested_dots(count)
            self.suggest_label.setText(
                self.tr(
                    "Voorstel: {dots} (ongeveer een derde van %n onderwerp(en))", "", count
                ).format(dots=suggestion)
            )
            self.suggest_button.setVisible(voting_rules.dots != suggestion)
            chosen = set(voting_group_ids(snapshot, self._state))
            wanted = [(g.id, g.name, g.participants) for g in snapshot.live_target_groups()]
            if list(self.group_checks) != [gid for gid, _, _ in wanted]:
                for box in self.group_checks.values():
                    self.groups_box.removeWidget(box)
                    box.deleteLater()
                self.group_checks = {}
                for gid, _, _ in wanted:
                    box = QCheckBox()
                    box.toggled.connect(self._groups_edited)
                    self.groups_box.addWidget(box)
                    self.group_checks[gid] = box
            for gid, name, participants in wanted:
                box = self.group_checks[gid]
                box.setText(
                    self.tr("{name} (%n deelnemer(s))", "", participants).format(name=name)
                    if participants is not None
                    else name
                )
                box.setChecked(gid in chosen)
        finally:
            self._filling = False
        for widget in (
            self.target_combo,
            self.dots_spin,
            self.cap_spin,
            self.suggest_button,
            *self.group_checks.values(),
        ):
            widget.setEnabled(not is_open)
        self.rules_locked_label.setVisible(is_open)

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
                name = _cell(label, align_right=False)
                name.setToolTip(label)
                table.setItem(row, 0, name)
                for col, column_id in enumerate(self._columns, start=1):
                    votes = cells.get((item_id, column_id), [])
                    value = sum(v.dots for v in votes)
                    table.setItem(row, col, _cell(str(value) if votes else "", editable=True))
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

    def _rewrap_results(self) -> None:
        """The item names wrap in their column: rows as tall as they need, no taller."""
        table = self.results_table
        table.resizeRowsToContents()
        header = table.horizontalHeader()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        bar = table.horizontalScrollBar()
        extra = bar.sizeHint().height() if bar.isVisible() else 0
        table.setFixedHeight(header.height() + rows + 4 + extra)

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

    def _refresh_checks(self, snapshot: SessionSnapshot) -> None:
        voting_rules = rules_of(snapshot)
        checks = tally_checks(snapshot, voting_group_ids(snapshot, self._state))
        headers = [
            self.tr("Doelgroep"),
            self.tr("Deelnemers"),
            self.tr("Uitgedeeld (\u00d7 {dots})").format(dots=voting_rules.dots),
            self.tr("Op flappen"),
            self.tr("Kiosk"),
            self.tr("Nog over"),
            self.tr("Te veel"),
        ]
        table = self.check_table
        table.clear()
        table.setRowCount(len(checks))
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        unknown = "\u2013"
        over_lines = []
        for row, check in enumerate(checks):
            values = [
                str(check.participants) if check.participants is not None else unknown,
                str(check.handed_out) if check.handed_out is not None else unknown,
                str(check.tallied),
                self.tr("{dots} (%n stembiljet(ten))", "", check.ballots).format(
                    dots=check.balloted
                ),
                str(check.left) if check.left is not None else unknown,
                f"\u26a0 {check.over}" if check.over else "0",
            ]
            table.setItem(row, 0, _cell(check.name, align_right=False))
            for col, text in enumerate(values, start=1):
                item = _cell(text)
                if col == len(values) and check.over:
                    item.setForeground(QColor(palette.DANGER_TEXT))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, col, item)
            if check.over:
                over_lines.append(
                    self.tr(
                        "{group}: {over} stippen meer geteld dan uitgedeeld ({counted} van "
                        "{handed}). Tel de flap na; er is niets weggestreept."
                    ).format(
                        group=check.name,
                        over=check.over,
                        counted=check.counted,
                        handed=check.handed_out,
                    )
                )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        table.resizeRowsToContents()
        rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(header.sizeHint().height() + rows_height + 4)
        self.over_label.setText("\n".join(over_lines))
        self.over_label.setVisible(bool(over_lines))

    def _refresh_results(self, snapshot: SessionSnapshot, revealed: bool) -> None:
        self.hidden_card.setVisible(not revealed)
        self.results_area.setVisible(revealed)
        if not revealed:
            # Nothing of the result stays in the widgets while hidden.
            self.results_table.clear()
            self.results_table.setRowCount(0)
            self.summary_label.clear()
            self.disagree_label.clear()
            self.floor_note.clear()
            self.figure.clear()
            self.canvas.draw_idle()  # type: ignore[no-untyped-call]
            self._chart_key = None
            return
        results = compute_results(snapshot)
        self._fill_results(results, snapshot)
        labels = tuple(results.items)
        interventions = tuple(
            (iv.cluster_id, iv.deleted) for iv in snapshot.interventions if iv.cluster_id
        )
        key = (results.ranking, labels, interventions)
        if key != self._chart_key:
            self._chart_key = key
            rows = max(1, len(results.ranking))
            height = int((0.7 + RESULT_ROW_INCHES * min(rows, 26)) * self.figure.dpi)
            self.canvas.setFixedHeight(max(220, height))
            self._redraw_chart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tally_table and event.type() == QEvent.Type.Resize:
            # Names wrap: a narrower grid has taller rows, and stays as tall as they are.
            QTimer.singleShot(0, self, self._rewrap_tallies)
        if watched is self.canvas and event.type() == QEvent.Type.Resize:
            # The chart's margins are in inches: draw it again at its new size.
            self._chart_timer.start()
        return super().eventFilter(watched, event)

    def _redraw_chart(self) -> None:
        if not self.isVisible() or self._chart_key is None:
            return
        if not results_revealed(self._state):
            return
        snapshot = self.controller.snapshot()
        results_figure(snapshot, figure=self.figure, lang=self.controller.language)
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]

    def _fill_results(self, results: Results, snapshot: SessionSnapshot) -> None:
        # The groups shown on their own, then the hidden ones only together: no column
        # per hidden group, so none can be told apart (see core.voting.OtherGroups).
        groups = results.shown_groups
        others = results.others if groups else None
        ballots = results.ballots
        self.summary_label.setText(self._dots_summary(snapshot, results.total_dots, ballots))
        group_names = {g.id: g.name for g in snapshot.target_groups}
        flags = {d.item_id: d for d in results.disagreements}
        headers = [self.tr("Plaats"), self.tr("Onderwerp"), self.tr("Totaal")]
        headers += [group.name for group in groups]
        if others is not None:
            headers.append(self.tr("Overige groepen"))
        headers.append(self.tr("Verschil tussen groepen"))
        table = self.results_table
        table.clear()
        table.setRowCount(len(results.ranking))
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        label_of = dict(results.items)
        for row, ranked in enumerate(results.ranking):
            table.setItem(row, 0, _cell(f"{ranked.rank}."))
            table.setItem(row, 1, _cell(label_of.get(ranked.item_id, ""), align_right=False))
            table.setItem(row, 2, _cell(str(ranked.total)))
            for col, group in enumerate(groups, start=3):
                table.setItem(row, col, _cell(str(group.totals.get(ranked.item_id, 0))))
            if others is not None:
                dots = others.totals.get(ranked.item_id, 0)
                table.setItem(row, 3 + len(groups), _cell(str(dots)))
            flag = flags.get(ranked.item_id)
            text = ""
            if flag is not None:
                text = self.tr("\u26a0 {high}: plaats {hr}, {low}: plaats {lr}").format(
                    high=group_names.get(flag.high_group_id, ""),
                    hr=flag.high_rank,
                    low=group_names.get(flag.low_group_id, ""),
                    lr=flag.low_rank,
                )
            flag_item = _cell(text, align_right=False)
            if flag is not None:
                flag_item.setForeground(QColor(palette.WARNING_TEXT))
            table.setItem(row, len(headers) - 1, flag_item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        height = header.height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 4
        table.setFixedHeight(height)
        if flags:
            self.disagree_label.setText(
                self.tr(
                    "\u26a0 Groepen verschillen sterk over %n onderwerp(en): de ene groep "
                    "zet het in haar top, de andere in haar onderste derde. Bespreek dit voor "
                    "het actieplan.",
                    "",
                    len(flags),
                )
            )
            self.disagree_label.setStyleSheet(f"color: {palette.WARNING_TEXT}; font-weight: 600;")
        else:
            self.disagree_label.setText(self.tr("Geen sterke verschillen tussen de doelgroepen."))
            self.disagree_label.setStyleSheet(f"color: {palette.MUTED};")
        self._fill_floor_note(results)

    def _fill_floor_note(self, results: Results) -> None:
        """Which groups are only counted together, and why; alphabetical, no sizes."""
        together = results.others
        if together is None or not (together.names or results.shown_groups):
            # No groups hidden, or no target groups at all: nothing to explain.
            self.floor_note.clear()
            self.floor_note.setVisible(False)
            return
        names = list(together.names)
        if together.no_group:
            names.append(self.tr("stemmen zonder doelgroep"))
        if results.shown_groups:
            note = self.tr(
                "Overige groepen: {names}. Een doelgroep met minder dan {k} stemmers wordt "
                "niet apart getoond, alleen samen met andere; waar nodig komt er een grotere "
                "groep bij, zodat wat uit het totaal is af te leiden altijd van minstens {k} "
                "mensen komt."
            ).format(names=", ".join(names), k=results.floor)
        else:
            note = self.tr(
                "Niet per doelgroep getoond: elke doelgroep heeft minder dan {k} stemmers, of "
                "de kleine groepen samen te weinig. De totalen tellen alle stippen."
            ).format(k=results.floor)
        self.floor_note.setText(note)
        self.floor_note.setVisible(True)

    def _dots_summary(self, snapshot: SessionSnapshot, total: int, ballots: int) -> str:
        """Dots and ballots told apart: "31 stippen in totaal: 23 van de flappen,
        8 uit 2 stembiljetten in de kiosk" (a ballot is a voter, not a dot)."""
        kiosk = sum(v.dots for v in snapshot.live_votes() if v.ballot_id)
        parts = []
        if total - kiosk:
            parts.append(self.tr("%n van de flappen", "", total - kiosk))
        if ballots:
            parts.append(
                self.tr("{dots} uit %n stembiljet(ten) in de kiosk", "", ballots).format(dots=kiosk)
            )
        text = self.tr("%n stip(pen) in totaal", "", total)
        return text + (": " + ", ".join(parts) if parts else "") + "."

    # --------------------------------------------------------------- actions
    def toggle_voting(self) -> None:
        if voting_open(self._state):
            self.set_voting_open(False)
        elif self.readiness is not None:
            self.readiness.before("vote", lambda: self.set_voting_open(True))
        else:
            self.set_voting_open(True)

    def set_voting_open(self, is_open: bool) -> None:
        snapshot = self.controller.snapshot()
        if is_open:
            if not vote_items(snapshot):
                return
            info = snapshot.session
            if info.dots_per_participant is None or info.max_dots_per_item is None:
                # Fix the suggested numbers so the whole vote uses the same rules.
                voting_rules = rules_of(snapshot)
                self.controller.run(ops.fix_voting_rules, voting_rules.dots, voting_rules.cap)
        session_file = self.controller.session_file
        for key, value in voting_steps(self._state, is_open):  # opening hides the results
            self.controller.run_unrecorded(partial(session_file.set_state, key, value))
        self._say(
            self.tr("De stemming is open. Start de kiosk of laat de zaal stickers plakken.")
            if is_open
            else self.tr("De stemming is gesloten; de onderwerpen kunnen weer worden aangepast.")
        )

    def toggle_reveal(self) -> None:
        self.set_revealed(not results_revealed(self._state))

    def set_revealed(self, revealed: bool) -> None:
        session_file = self.controller.session_file
        was_open = voting_open(self._state)
        for key, value in reveal_steps(self._state, revealed):  # revealing closes the vote
            self.controller.run_unrecorded(partial(session_file.set_state, key, value))
        if revealed:
            self.tabs.setCurrentIndex(2)
            if was_open:
                self._say(
                    self.tr(
                        "De stemming is gesloten, zodat de uitslag niet meebeweegt met elke "
                        "nieuwe stem. Weer stemmen: Stemming openen."
                    )
                )

    def open_kiosk(self, *, full_screen: bool = True, seed: int | None = None) -> KioskWindow:
        """Open (or bring back) the full-screen voting window."""
        if self.kiosk is not None and self.kiosk.isVisible():
            self.kiosk.raise_()
            self.kiosk.activateWindow()
            return self.kiosk
        self.kiosk = KioskWindow(self.controller, seed=seed)
        self.kiosk.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.kiosk.setProperty("closesWithSession", True)  # see ConsoleWindow.close_session
        self.kiosk.destroyed.connect(self._kiosk_gone)
        if full_screen:
            self.kiosk.showFullScreen()
        else:
            self.kiosk.show()
        return self.kiosk

    def _kiosk_gone(self) -> None:
        self.kiosk = None

    def void_last_ballot(self) -> None:
        """Facilitator only: the last kiosk ballot no longer counts (undo: Ctrl+Z)."""
        dots = self.controller.run(ops.void_last_ballot)
        if not dots:
            return
        self._say(
            self.tr(
                "De laatste kioskstem ({dots} stippen) telt niet meer mee. Ongedaan maken: Ctrl+Z."
            ).format(dots=dots)
        )

    def _say(self, text: str) -> None:
        if text:
            self.message_label.setText(text)
            self._step_message.said()
        self.message_label.setVisible(bool(text))  # hidden, it keeps its place

    # ------------------------------------------------------------ rule edits
    def _target_chosen(self) -> None:
        if self._filling:
            return
        target = self.target_combo.currentData()
        if target != self.controller.snapshot().session.votes_on:
            self.controller.run(ops.edit_session, vote_target=target)

    def _dots_edited(self) -> None:
        if self._filling:
            return
        info = self.controller.snapshot().session
        value = self.dots_spin.value()
        if value != info.dots_per_participant:
            cap = info.max_dots_per_item
            fields: dict[str, Any] = {"dots_per_participant": value}
            if cap is not None and cap > value:
                fields["max_dots_per_item"] = value
            self.controller.run(ops.edit_session, **fields)

    def _cap_edited(self) -> None:
        if self._filling:
            return
        info = self.controller.snapshot().session
        value = self.cap_spin.value()
        if value != info.max_dots_per_item:
            self.controller.run(ops.edit_session, max_dots_per_item=value)

    def _use_suggestion(self) -> None:
        snapshot = self.controller.snapshot()
        dots = suggested_dots(len(vote_items(snapshot)))
        cap = snapshot.session.max_dots_per_item
        fields: dict[str, Any] = {"dots_per_participant": dots}
        if cap is not None and cap > dots:
            fields["max_dots_per_item"] = dots
        self.controller.run(ops.edit_session, **fields)

    def _floor_edited(self) -> None:
        if self._filling:
            return
        value = self.floor_spin.value()
        if value != self.controller.snapshot().privacy_floor:
            self.controller.run(ops.set_privacy_floor, value)

    def _groups_edited(self) -> None:
        if self._filling:
            return
        chosen = [gid for gid, box in self.group_checks.items() if box.isChecked()]
        if len(chosen) == len(self.group_checks):
            chosen = []  # all
        self.controller.run(ops.set_voting_groups, chosen)

    # ----------------------------------------------------------- tally edits
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
