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

from PySide6.QtCore import (
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import ops
from desktop_app.core import run_state
from desktop_app.core.model import Kind, SessionSnapshot, VoteTarget
from desktop_app.core.ranking import vote_items
from desktop_app.core.voting import (
    last_ballot,
    results_revealed,
    reveal_steps,
    rules_of,
    suggested_dots,
    tally_checks,
    too_many_items,
    voting_group_ids,
    voting_open,
    voting_steps,
)
from desktop_app.storage.session_file import Change
from desktop_app.ui import palette
from desktop_app.ui.controller import SessionController
from desktop_app.ui.flow_layout import flow_row
from desktop_app.ui.kiosk import KioskWindow
from desktop_app.ui.look import icon
from desktop_app.ui.pages.base import Page, StepMessage, heading, hint
from desktop_app.ui.pages.vote_results import ResultsSection
from desktop_app.ui.pages.vote_tallies import (
    TallySection,
    tally_cell,
)


class VotePage(ResultsSection, TallySection, Page):
    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.kiosk: KioskWindow | None = None
        self._refresh_pending = False
        self._filling = False
        self._chart_key = None
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
        self.target_combo.addItem(self.tr("Thema's"), VoteTarget.THEME.value)
        self.target_combo.addItem(self.tr("Losse voorstellen"), VoteTarget.PROPOSAL.value)
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
        themes_voted = voting_rules.target is VoteTarget.THEME

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
            index = self.target_combo.findData(voting_rules.target.value)
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
            table.setItem(row, 0, tally_cell(check.name, align_right=False))
            for col, text in enumerate(values, start=1):
                item = tally_cell(text)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tally_table and event.type() == QEvent.Type.Resize:
            # Names wrap: a narrower grid has taller rows, and stays as tall as they are.
            QTimer.singleShot(0, self, self._rewrap_tallies)
        if watched is self.canvas and event.type() == QEvent.Type.Resize:
            # The chart's margins are in inches: draw it again at its new size.
            self._chart_timer.start()
        return super().eventFilter(watched, event)

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
