"""The voting kiosk: a full-screen window on the laptop for a queue of voters.

One voter at a time: choose your target group, spread your dots with large
+ and - buttons (mouse, touch, keyboard), see how many are left, Cast. The
budget and the per-item cap are kept by :class:`desktop_app.core.voting.Ballot`,
so no sequence of presses can break them. Items come in a fresh random order
for each voter. After Cast the screen thanks the voter and resets; it never
shows anyone's choices or any result, and offers no undo (the facilitator can
void the last ballot on the vote page, or undo it in the console).

Keys: 1-9 choose a group; Up/Down (or Tab) move between items; + / Right add a
dot, - / Left take one away; Enter casts. Ctrl+Shift+Q closes the kiosk (for
the facilitator).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import ops
from desktop_app.core.model import Kind
from desktop_app.core.ranking import vote_items
from desktop_app.core.voting import (
    Ballot,
    VoterSeeds,
    rules_of,
    voter_order,
    voting_group_ids,
    voting_open,
)
from desktop_app.storage.session_file import Change
from desktop_app.ui import palette
from desktop_app.ui.controller import SessionController
from desktop_app.ui.kiosk_row import (
    COMPACT_BELOW,
    EMPTY,
    FILLED,
    KioskRow,
    kiosk_label,
    kiosk_style,
)
from desktop_app.ui.look import icon

#: Seconds the thank-you screen stays before it resets for the next voter.
THANKS_SECONDS = 6


class KioskWindow(QWidget):
    """The full-screen voting window. ``seed`` makes the item orders reproducible."""

    ballot_cast = Signal()  # carries nothing: no choice leaves the kiosk

    GROUPS, BALLOT, CONFIRM, THANKS, CLOSED = range(5)

    def __init__(
        self,
        controller: SessionController,
        *,
        seed: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Tafelronde – stemmen"))
        self._compact: bool | None = None
        self._apply_size_style(1080)
        self._seeds = VoterSeeds(seed)
        self.ballot: Ballot | None = None
        self.group_id: str | None = None
        self.rows: dict[str, KioskRow] = {}
        self.order: list[str] = []
        self.voters = 0
        self._labels: dict[str, str] = {}

        root = QVBoxLayout(self)
        root.setContentsMargins(48, 32, 48, 12)
        root.setSpacing(16)
        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)
        self.foot = kiosk_label(
            self.tr("Begeleider: Ctrl+Shift+Q sluit het stemscherm."), "foot", wrap=False
        )
        self.foot.setAlignment(Qt.AlignmentFlag.AlignRight)
        root.addWidget(self.foot)

        self.stack.addWidget(self._build_groups())
        self.stack.addWidget(self._build_ballot())
        self.stack.addWidget(self._build_confirm())
        self.stack.addWidget(self._build_thanks())
        self.stack.addWidget(self._build_closed())

        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.setInterval(THANKS_SECONDS * 1000)
        self._thanks_timer.timeout.connect(self.next_voter)

        close = QShortcut(QKeySequence("Ctrl+Shift+Q"), self)
        close.setContext(Qt.ShortcutContext.WindowShortcut)
        close.activated.connect(self.close)
        controller.changed.connect(self._on_change)
        self.next_voter()

    # ------------------------------------------------------------- screens
    def _build_groups(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(24)
        layout.addStretch(1)
        title = kiosk_label(self.tr("Welkom bij het stemmen"), "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lead = kiosk_label(self.tr("Tot welke groep hoor jij? Tik op je groep."), "lead")
        lead.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addWidget(lead)
        self.groups_grid = QGridLayout()
        self.groups_grid.setSpacing(24)
        holder = QWidget()
        holder.setLayout(self.groups_grid)
        holder.setMaximumWidth(1200)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 4)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.group_buttons: list[QPushButton] = []
        return page

    def _build_ballot(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(16)
        self.ballot_title = kiosk_label("", "title")
        self.ballot_lead = kiosk_label("", "lead")
        top = QHBoxLayout()
        texts = QVBoxLayout()
        texts.addWidget(self.ballot_title)
        texts.addWidget(self.ballot_lead)
        # Which group the voter tapped: seen before casting, and changed with "Andere groep".
        self.group_label = kiosk_label("", "left")
        self.group_label.setObjectName("kioskChosenGroup")
        texts.addWidget(self.group_label)
        top.addLayout(texts, 1)
        meter_box = QVBoxLayout()
        self.left_label = kiosk_label("", "left", wrap=False)
        self.left_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.meter_label = kiosk_label("", "meter", wrap=False)
        self.meter_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        meter_box.addWidget(self.left_label)
        meter_box.addWidget(self.meter_label)
        top.addLayout(meter_box)
        layout.addLayout(top)

        self.items_scroll = QScrollArea()
        self.items_scroll.setWidgetResizable(True)
        self.items_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.items_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows_holder = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_holder)
        self.rows_layout.setContentsMargins(0, 0, 8, 0)
        self.rows_layout.setSpacing(8)
        self.items_scroll.setWidget(self.rows_holder)
        layout.addWidget(self.items_scroll, 1)

        bottom = QHBoxLayout()
        self.back_button = QPushButton(icon("chevron-left"), self.tr("Andere groep"))
        self.back_button.setIconSize(QSize(28, 28))
        self.back_button.clicked.connect(self.next_voter)
        self.cast_button = QPushButton(icon("check", "#FFFFFF"), self.tr("Stem uitbrengen"))
        self.cast_button.setIconSize(QSize(28, 28))
        self.cast_button.setProperty("primary", True)
        self.cast_button.setDefault(True)
        self.cast_button.clicked.connect(self.cast)
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.cast_button)
        layout.addLayout(bottom)
        return page

    def _build_confirm(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(32)
        layout.addStretch(1)
        self.confirm_label = kiosk_label("", "title")
        self.confirm_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.confirm_label)
        self.confirm_group_label = kiosk_label("", "left")
        self.confirm_group_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.confirm_group_label)
        lead = kiosk_label(self.tr("Je mag ook minder stippen gebruiken."), "lead")
        lead.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(lead)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.keep_choosing_button = QPushButton(self.tr("Nee, verder kiezen"))
        self.keep_choosing_button.clicked.connect(self._back_to_ballot)
        self.confirm_button = QPushButton(icon("check", "#FFFFFF"), self.tr("Ja, uitbrengen"))
        self.confirm_button.setIconSize(QSize(28, 28))
        self.confirm_button.setProperty("primary", True)
        self.confirm_button.clicked.connect(self._store)
        buttons.addWidget(self.keep_choosing_button)
        buttons.addSpacing(32)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
        return page

    def _build_thanks(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(32)
        layout.addStretch(1)
        badge = QLabel()
        badge.setPixmap(icon("circle-check", palette.SUCCESS).pixmap(128, 128))
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(badge)
        title = kiosk_label(self.tr("Dank je wel! Je stem is opgeslagen."), "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        lead = kiosk_label(self.tr("Geef de laptop door aan de volgende."), "lead")
        lead.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(lead)
        row = QHBoxLayout()
        row.addStretch(1)
        self.next_button = QPushButton(icon("chevron-right", "#FFFFFF"), self.tr("Volgende kiezer"))
        self.next_button.setIconSize(QSize(28, 28))
        self.next_button.setProperty("primary", True)
        self.next_button.clicked.connect(self.next_voter)
        row.addWidget(self.next_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _build_closed(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.closed_label = kiosk_label(self.tr("Het stemmen is nu niet open."), "title")
        self.closed_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.closed_label)
        lead = kiosk_label(self.tr("De begeleider opent het stemmen."), "lead")
        lead.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(lead)
        layout.addStretch(2)
        return page

    # ---------------------------------------------------------------- flow
    def current_screen(self) -> int:
        """Which screen shows: GROUPS, BALLOT, CONFIRM, THANKS or CLOSED."""
        return self.stack.currentIndex()

    def next_voter(self) -> None:
        """Forget everything of the previous voter and start over."""
        self._thanks_timer.stop()
        self.ballot = None
        self.group_id = None
        self._clear_rows()
        snapshot = self.controller.snapshot()
        if not voting_open(self.controller.session_file.state) or not vote_items(snapshot):
            self.stack.setCurrentIndex(self.CLOSED)
            return
        groups = {g.id: g for g in snapshot.live_target_groups()}
        group_ids = voting_group_ids(snapshot, self.controller.session_file.state)
        if len(group_ids) <= 1:
            self.choose_group(group_ids[0] if group_ids else None)
            return
        self._fill_groups([(gid, groups[gid].name) for gid in group_ids])
        self.stack.setCurrentIndex(self.GROUPS)
        if self.group_buttons:
            self.group_buttons[0].setFocus()

    def _fill_groups(self, groups: Sequence[tuple[str, str]]) -> None:
        for button in self.group_buttons:
            self.groups_grid.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.group_buttons = []
        columns = 2 if len(groups) <= 4 else 3
        for index, (gid, name) in enumerate(groups):
            button = QPushButton(f"{index + 1}   {name}" if index < 9 else name)
            button.setProperty("group", True)
            button.setAccessibleName(name)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, g=gid: self.choose_group(g))
            self.groups_grid.addWidget(button, index // columns, index % columns)
            self.group_buttons.append(button)

    def choose_group(self, group_id: str | None) -> None:
        snapshot = self.controller.snapshot()
        voting_rules = rules_of(snapshot)
        self.group_id = group_id
        group = next((g for g in snapshot.live_target_groups() if g.id == group_id), None)
        chosen = self.tr("Je stemt als: {group}").format(group=group.name) if group else ""
        self.group_label.setText(chosen)
        self.group_label.setVisible(bool(chosen))
        self.confirm_group_label.setText(chosen)
        self.confirm_group_label.setVisible(bool(chosen))
        items = vote_items(snapshot)
        self._labels = dict(items)
        self.order = voter_order([item_id for item_id, _ in items], self._seeds.next())
        self.ballot = Ballot(self.order, budget=voting_rules.dots, cap=voting_rules.cap)
        self.voters += 1
        self.ballot_title.setText(self.tr("Kies wat jij het belangrijkst vindt"))
        if voting_rules.cap < voting_rules.dots:
            lead = self.tr(
                "Je hebt %n stip(pen). Je mag er hoogstens {cap} op één onderwerp zetten.",
                "",
                voting_rules.dots,
            ).format(cap=voting_rules.cap)
        else:
            lead = self.tr(
                "Je hebt %n stip(pen). Verdeel ze zoals jij wilt.", "", voting_rules.dots
            )
        self.ballot_lead.setText(lead)
        self._clear_rows()
        for item_id in self.order:
            row = KioskRow(item_id, self._labels[item_id], self.ballot.cap)
            row.stepped.connect(self.step)
            row.focus_step.connect(lambda delta, r=row: self._move_focus(r, delta))
            self.rows_layout.addWidget(row)
            self.rows[item_id] = row
        self.rows_layout.addStretch(1)
        self._show_ballot()
        self.stack.setCurrentIndex(self.BALLOT)
        if self.order:
            self.rows[self.order[0]].setFocus()
        self.items_scroll.verticalScrollBar().setValue(0)

    def _clear_rows(self) -> None:
        while self.rows_layout.count():
            item = self.rows_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, not at the next event loop turn
                widget.deleteLater()
        self.rows = {}

    def _move_focus(self, row: KioskRow, delta: int) -> None:
        index = self.order.index(row.item_id) + delta
        if 0 <= index < len(self.order):
            target = self.rows[self.order[index]]
            target.setFocus(Qt.FocusReason.TabFocusReason)
            self.items_scroll.ensureWidgetVisible(target)

    def step(self, item_id: str, delta: int) -> None:
        """One press of + (delta 1) or - (delta -1) on an item."""
        if self.ballot is None:
            return
        if delta > 0:
            self.ballot.add(item_id)
        else:
            self.ballot.remove(item_id)
        self._show_ballot()

    def _show_ballot(self) -> None:
        ballot = self.ballot
        if ballot is None:
            return
        for item_id, row in self.rows.items():
            row.show_count(ballot.count(item_id), ballot.can_add(item_id))
        if ballot.left == 0:
            self.left_label.setText(self.tr("Alle stippen gekozen"))
        elif ballot.left == 1:
            self.left_label.setText(self.tr("Nog 1 stip over"))
        else:
            self.left_label.setText(self.tr("Nog {left} stippen over").format(left=ballot.left))
        self.meter_label.setText(FILLED * ballot.left + EMPTY * ballot.spent)
        self.meter_label.setAccessibleName(self.left_label.text())
        self.cast_button.setEnabled(ballot.spent > 0)

    def cast(self) -> None:
        """Cast: straight away when every dot is used, else ask once."""
        if self.ballot is None or self.ballot.spent == 0:
            return
        if self.ballot.left > 0:
            left = self.ballot.left
            self.confirm_label.setText(
                self.tr("Je hebt nog 1 stip over. Toch uitbrengen?")
                if left == 1
                else self.tr("Je hebt nog {left} stippen over. Toch uitbrengen?").format(left=left)
            )
            self.stack.setCurrentIndex(self.CONFIRM)
            self.confirm_button.setFocus()
            return
        self._store()

    def _back_to_ballot(self) -> None:
        self.stack.setCurrentIndex(self.BALLOT)
        if self.order:
            self.rows[self.order[0]].setFocus()

    def _store(self) -> None:
        ballot = self.ballot
        if ballot is None:
            return
        ballot_id = store_ballot(self.controller, ballot, self.group_id)
        if ballot_id is None:
            return  # the controller has told the facilitator why; the voter may retry
        self.ballot = None
        self._clear_rows()  # nothing of this voter's choice stays on screen
        self.stack.setCurrentIndex(self.THANKS)
        self.next_button.setFocus()
        self._thanks_timer.start()
        self.ballot_cast.emit()

    # ------------------------------------------------------------- events
    def _on_change(self, change: Change) -> None:
        if not (
            change.state
            or change.session
            or change.touches(Kind.THEME, Kind.PROPOSAL, Kind.TARGET_GROUP)
        ):
            return
        is_open = voting_open(self.controller.session_file.state)
        current = self.stack.currentIndex()
        if (not is_open and current != self.CLOSED) or (is_open and current == self.CLOSED):
            self.next_voter()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.stack.currentIndex()
        key = event.key()
        if current == self.GROUPS and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            index = key - Qt.Key.Key_1
            if index < len(self.group_buttons):
                self.group_buttons[index].click()
                return
        if current == self.BALLOT and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.cast()
            return
        if current == self.THANKS and key in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Space,
        ):
            self.next_voter()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # No undo or redo from the kiosk: the voter must not take back someone's vote.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.accept()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._apply_size_style(event.size().height())
        super().resizeEvent(event)

    def _apply_size_style(self, height: int) -> None:
        compact = height < COMPACT_BELOW
        if compact != self._compact:
            self._compact = compact
            self.setStyleSheet(kiosk_style(compact))
            margin = 24 if compact else 48
            layout = self.layout()
            if layout is not None:
                layout.setContentsMargins(margin, margin // 2 + 8, margin, 12)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._thanks_timer.stop()
        self.ballot = None
        self._clear_rows()
        with contextlib.suppress(RuntimeError, TypeError):
            self.controller.changed.disconnect(self._on_change)
        super().closeEvent(event)


def store_ballot(controller: SessionController, ballot: Ballot, group_id: str | None) -> str | None:
    """Store one ballot as one undoable step (``ops.cast_ballot``): one record per
    item, a shared ballot id, no voter identity, the hour only. Returns the
    ballot id, or None when refused (the controller has said why)."""
    return controller.run(
        ops.cast_ballot,
        ballot.dots(),
        target_group_id=group_id,
        budget=ballot.budget,
        cap=ballot.cap,
    )
