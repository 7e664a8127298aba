"""Phase page: Clusteren, the affinity board.

Left the tray of proposals not yet in a theme; right the themes as boxes in a
grid, with a dashed "new theme" box at the end. Cards are dragged (one or many)
onto a theme, back into the tray, or onto empty space for a new theme; the
keyboard does the same (select, T or Ctrl+T, type, Enter). Themes are renamed
in place, coloured, described, merged, split and deleted from their menu.
Every step is one undoable command through the controller. "Suggesties"
runs the offline suggestion engine and lists candidate themes and
near-duplicates to accept, edit or dismiss, one by one.

While voting is open no theme may be added or removed; the page says so.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from enum import Enum, auto

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import run_state
from desktop_app.core.model import Kind, SessionSnapshot, Theme
from desktop_app.core.suggestions import (
    Suggestions,
    ThemeRanker,
)
from desktop_app.core.voting import items_frozen
from desktop_app.storage import duplicates
from desktop_app.storage.session_file import Change, Origin
from desktop_app.ui import palette
from desktop_app.ui.board_style import BOARD_STYLE, automatic_color
from desktop_app.ui.card_list import CardListView, clear_other_selections
from desktop_app.ui.card_model import CardFilter, CardInfo, CardListModel, fold
from desktop_app.ui.controller import SessionController
from desktop_app.ui.look import icon
from desktop_app.ui.pages.base import Page, StepMessage, heading
from desktop_app.ui.pages.card_placement import CardPlacement
from desktop_app.ui.pages.suggestion_actions import DISMISSED_KEY, SuggestionActions
from desktop_app.ui.pages.theme_actions import ThemeActions
from desktop_app.ui.placement_bar import PlacementBar
from desktop_app.ui.theme_board import ThemeGrid
from desktop_app.ui.theme_boxes import ThemeBox, TrayBox
from desktop_app.ui.theme_picker import QuickPicker
from desktop_app.ui.theme_suggestions import SuggestionsPanel

# Boxes of themes that left the board, kept hidden for an undo.
RETIRED_BOXES = 4


class _Pending(Enum):
    """What changed since the board last refreshed."""

    CARDS = auto()  # a card, its table, round or group, or an import: re-read everything
    THEMES = auto()  # themes only (cards moving between areas): re-read those themes
    STATE = auto()  # run state only (voting open, dismissed suggestions)


#: Changes after which the board re-reads only what changed.
_QUICK = frozenset({_Pending.THEMES, _Pending.STATE})
_CARD_KINDS = frozenset({Kind.PROPOSAL, Kind.TABLE, Kind.ROUND, Kind.TARGET_GROUP})


class ThemesPage(SuggestionActions, CardPlacement, ThemeActions, Page):
    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        self._pending: set[_Pending] = {_Pending.CARDS}
        self._pending_themes: set[str] = set()
        super().__init__(controller, parent)
        self.setObjectName("clusterPage")
        self.setStyleSheet(BOARD_STYLE)
        self.cards: dict[str, CardInfo] = {}
        self.filter = CardFilter()
        self.tray_model = CardListModel(None, self.cards, self.drop, self)
        self.theme_models: dict[str, CardListModel] = {}
        self.theme_boxes: dict[str, ThemeBox] = {}
        self.themes: dict[str, Theme] = {}
        self.theme_order: list[str] = []
        self._retired: OrderedDict[str, tuple[ThemeBox, CardListModel]] = OrderedDict()
        self.theme_of: dict[str, str] = {}
        self.kept: dict[str, str] = {}
        self.colors: dict[str, str] = {}
        self.frozen = False
        self.live_order: list[str] = []
        self._snapshot: SessionSnapshot | None = None
        self.picker: QuickPicker | None = None
        self.suggestions: Suggestions | None = None
        self.suggestion_ms = 0.0
        #: Tray card -> the session's themes, most likely first (issue 17).
        self.placements: dict[str, list[str]] = {}
        self._ranker: ThemeRanker | None = None
        self._placement_timer = QTimer(self)
        self._placement_timer.setSingleShot(True)
        self._placement_timer.setInterval(120)
        self._placement_timer.timeout.connect(self._update_placements)
        controller.error.connect(self._on_error)
        self._build()

    # ================================================================== build
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)

        top = QHBoxLayout()
        top.setSpacing(8)
        titles = QVBoxLayout()  # the counts under the heading: room for both at 1024 px
        titles.setSpacing(0)
        titles.addWidget(heading(self.tr("Clusteren")))
        self.summary = QLabel()
        self.summary.setObjectName("boardSummary")
        self.summary.setStyleSheet(f"color: {palette.MUTED};")
        self.summary.setWordWrap(True)
        titles.addWidget(self.summary)
        top.addLayout(titles, 1)
        self.new_button = QPushButton(icon("plus"), self.tr("Nieuw thema"))
        self.new_button.setObjectName("newThemeButton")
        self.new_button.setToolTip(self.tr("Nieuw thema van de gekozen kaarten (N of Ctrl+G)"))
        self.new_button.clicked.connect(self.create_theme_from_selection)
        top.addWidget(self.new_button)
        self.move_button = QPushButton(icon("tag"), self.tr("Naar thema…"))
        self.move_button.setObjectName("moveButton")
        self.move_button.setToolTip(self.tr("Gekozen kaarten naar een thema sturen (T of Ctrl+T)"))
        self.move_button.clicked.connect(self.open_picker)
        top.addWidget(self.move_button)
        self.suggest_button = QPushButton(icon("sparkles", "#FFFFFF"), self.tr("Suggesties"))
        self.suggest_button.setObjectName("suggestButton")
        self.suggest_button.setProperty("primary", "true")
        self.suggest_button.setToolTip(
            self.tr("Thema's en dubbelen voorstellen op basis van de tekst (offline)")
        )
        self.suggest_button.clicked.connect(self.show_suggestions)
        top.addWidget(self.suggest_button)
        layout.addLayout(top)

        self.banner = QFrame()
        self.banner.setObjectName("votingBanner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 8, 12, 8)
        banner_icon = QLabel()
        banner_icon.setPixmap(icon("triangle-alert", palette.WARNING_TEXT).pixmap(20, 20))
        banner_layout.addWidget(banner_icon)
        self.banner_text = QLabel(
            self.tr(
                "Het stemmen is open: er kunnen nu geen thema's bij of af. Kaarten verplaatsen "
                "en namen aanpassen kan wel. Sluit eerst het stemmen (fase 4) om thema's te "
                "maken, samen te voegen, te splitsen of te verwijderen."
            )
        )
        self.banner_text.setWordWrap(True)
        banner_layout.addWidget(self.banner_text, 1)
        self.banner.hide()
        layout.addWidget(self.banner)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = QLineEdit()
        self.search.setObjectName("boardSearch")
        self.search.setPlaceholderText(self.tr("Zoeken in voorstellen (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            icon("search", palette.MUTED), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.textChanged.connect(self._filters_changed)
        self.search.setMinimumWidth(160)
        filters.addWidget(self.search, 2)
        self.round_filter = self._combo("roundFilter", self.tr("Filter op ronde"))
        self.table_filter = self._combo("tableFilter", self.tr("Filter op tafel"))
        self.group_filter = self._combo("groupFilter", self.tr("Filter op doelgroep"))
        for combo in (self.round_filter, self.table_filter, self.group_filter):
            filters.addWidget(combo, 1)
        self.clear_filters_button = QPushButton(icon("x"), self.tr("Filters wissen"))
        self.clear_filters_button.setObjectName("clearFilters")
        self.clear_filters_button.setFlat(True)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.clear_filters_button.hide()
        filters.addWidget(self.clear_filters_button)
        layout.addLayout(filters)

        self.status = QLabel()
        self.status.setObjectName("boardStatus")
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(20)
        self.status.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(self.status)
        self._step_message = StepMessage(self.controller, lambda: self.status.setText(""))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(16)
        self.tray = TrayBox(self, self.tray_model, self.filter)
        self.tray.setMinimumWidth(248)
        self.placement_bar = PlacementBar()
        self.placement_bar.place.connect(self.accept_placement)
        tray_layout = self.tray.layout()
        assert tray_layout is not None
        tray_layout.addWidget(self.placement_bar)
        self.splitter.addWidget(self.tray)
        self.grid = ThemeGrid(self)
        self.grid.setMinimumWidth(280)
        self.splitter.addWidget(self.grid)
        self.panel = SuggestionsPanel()
        self.panel.setMinimumWidth(260)
        self.panel.accept_theme.connect(self.accept_theme_suggestion)
        self.panel.accept_duplicate.connect(lambda a, b: self.accept_duplicate(a, b))
        self.panel.dismiss.connect(self.dismiss_suggestion)
        self.panel.refresh_requested.connect(self.show_suggestions)
        self.panel.close_requested.connect(self.hide_suggestions)
        self.panel.hide()
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([288, 1000, 0])
        layout.addWidget(self.splitter, 1)

        self._shortcut("Ctrl+T", self.open_picker)
        self._shortcut("Ctrl+G", self.create_theme_from_selection)
        self._shortcut("Ctrl+F", self._focus_search)
        self._shortcut("F2", self._rename_current)
        self._update_buttons()

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.setMinimumContentsLength(10)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(self._filters_changed)
        return combo

    def _shortcut(self, keys: str, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # ================================================================ refresh
    SHOWS = _CARD_KINDS | {Kind.THEME}
    SHOWS_SESSION = False
    SHOWS_STATE = frozenset({DISMISSED_KEY, run_state.VOTING_OPEN})

    def on_change(self, change: Change) -> None:
        if not self.shows(change):
            return
        if change.touches(*_CARD_KINDS) or change.origin is Origin.IMPORT:
            self._pending.add(_Pending.CARDS)
        if change.touches(Kind.THEME):
            self._pending.add(_Pending.THEMES)
            self._pending_themes |= change.of(Kind.THEME)
        if change.state:
            self._pending.add(_Pending.STATE)
        super().on_change(change)

    def refresh(self) -> None:
        """Follow the last changes. Cards moving between areas (a drop, the picker,
        merge, split) re-read only the themes; anything else re-reads the session."""
        kinds, self._pending = self._pending, set[_Pending]()
        changed_themes, self._pending_themes = self._pending_themes, set()
        state = self.controller.session_file.state
        quick = self._snapshot is not None and bool(kinds) and kinds <= _QUICK
        if not quick or self._snapshot is None:
            self._snapshot = self.controller.snapshot()
        snapshot = self._snapshot
        self.frozen = items_frozen(snapshot, state)
        self.banner.setVisible(self.frozen)
        if quick and kinds <= {_Pending.STATE}:
            self.panel.set_dismissed(state(DISMISSED_KEY, []) or [])
            self._update_panel_state()
            self._update_buttons()
            return
        if quick:
            themes = self._themes_now(changed_themes)
        else:
            self._rebuild_cards(snapshot)
            themes = snapshot.live_themes()
        self._rebuild_areas(themes)
        self._update_panel_state()
        self._update_buttons()
        self._placement_timer.start()

    def _themes_now(self, changed: set[str]) -> list[Theme]:
        """The live themes in board order, re-reading only the ones that changed."""
        session_file = self.controller.session_file
        fresh = {
            t.id: t
            for t in session_file.entities_by_id(Kind.THEME, changed)
            if isinstance(t, Theme)
        }
        themes: list[Theme] = []
        for theme_id in session_file.live_ids(Kind.THEME):
            theme = fresh.get(theme_id) or self.themes.get(theme_id)
            if theme is None:  # not seen yet and not in the change: read them all
                return session_file.themes()
            themes.append(theme)
        return themes

    def _rebuild_cards(self, snapshot: SessionSnapshot) -> None:
        tables = {t.id: t for t in snapshot.tables}
        rounds = {r.id: r for r in snapshot.rounds}
        groups = {g.id: g for g in snapshot.target_groups}
        live = snapshot.live_proposals()
        live_ids = {p.id for p in live}
        self.live_order = [p.id for p in live]
        self.kept = {
            linked: kept
            for linked, kept in duplicates.kept_of(
                duplicates.links(self.controller.session_file)
            ).items()
            if linked in live_ids and kept in live_ids
        }
        families: dict[str, list[str]] = {}
        for linked, kept in self.kept.items():
            families.setdefault(kept, []).append(linked)
        table_of = {p.id: p.table_id for p in live}
        new: dict[str, CardInfo] = {}
        for p in live:
            table = tables.get(p.table_id)
            group_id = p.target_group_id or (table.target_group_id if table else None)
            parts = []
            if table is not None:
                parts.append(table.name)
            round_ = rounds.get(p.round_id)
            if round_ is not None:
                parts.append(self.tr("Ronde {n}").format(n=round_.number))
            group = groups.get(group_id) if group_id else None
            if group is not None:
                parts.append(group.name)
            meta = " · ".join(parts)
            badge = ""
            linked_to = self.kept.get(p.id)
            if linked_to is not None:
                badge = self.tr("dubbel")
            elif p.id in families:
                members = [p.id, *families[p.id]]
                n_tables = len({table_of[m] for m in members})
                badge = (
                    self.tr("{n} tafels").format(n=n_tables)
                    if n_tables > 1
                    else self.tr("{n}×").format(n=len(members))
                )
            new[p.id] = CardInfo(
                id=p.id,
                text=p.text,
                meta=meta,
                round_id=p.round_id,
                table_id=p.table_id,
                target_group_id=group_id,
                search_key=fold(p.text + " " + meta),
                badge=badge,
                linked_to=linked_to,
            )
        changed = [pid for pid, card in new.items() if self.cards.get(pid) != card]
        self.cards.clear()
        self.cards.update(new)
        self._pending_changed = changed
        self._fill_filters(snapshot)

    def _rebuild_areas(self, themes: Sequence[Theme]) -> None:
        live_order = self.live_order
        self.theme_of = {
            pid: theme.id for theme in themes for pid in theme.proposal_ids if pid in self.cards
        }
        self.colors = self.controller.session_file.theme_colors()
        self.themes = {t.id: t for t in themes}
        self.theme_order = [t.id for t in themes]
        self.tray_model.set_ids([pid for pid in live_order if pid not in self.theme_of])
        for gone in [tid for tid in self.theme_boxes if tid not in self.themes]:
            self._retire(gone)
        boxes: list[ThemeBox] = []
        stored = self.colors
        self.colors = {t.id: stored.get(t.id) or automatic_color(n) for n, t in enumerate(themes)}
        for theme in themes:
            box = self.theme_boxes.get(theme.id) or self._revive(theme.id)
            if box is None:
                model = CardListModel(theme.id, self.cards, self.drop, self)
                self.theme_models[theme.id] = model
                box = ThemeBox(self, theme.id, model, self.filter)
                box.view.use_filter(self.filter.active())
                self.theme_boxes[theme.id] = box
            box.model.set_ids([pid for pid in theme.proposal_ids if pid in self.cards])
            box.set_theme(theme.name, theme.description, self.colors.get(theme.id))
            boxes.append(box)
        self.grid.set_boxes(boxes)
        changed = getattr(self, "_pending_changed", [])
        if changed:
            self.tray_model.cards_changed(changed)
            for model in self.theme_models.values():
                model.cards_changed(changed)
            self._pending_changed = []
        self._update_counts()

    def _retire(self, theme_id: str) -> None:
        """A theme left the board (merged, deleted): keep its box a while, hidden,
        so that an undo brings it back without building it again."""
        box = self.theme_boxes.pop(theme_id)
        model = self.theme_models.pop(theme_id)
        box.hide()
        box.view.clearSelection()
        self._retired[theme_id] = (box, model)
        while len(self._retired) > RETIRED_BOXES:
            _tid, (old_box, old_model) = self._retired.popitem(last=False)
            old_box.setParent(None)
            old_box.deleteLater()
            old_model.deleteLater()

    def _revive(self, theme_id: str) -> ThemeBox | None:
        retired = self._retired.pop(theme_id, None)
        if retired is None:
            return None
        box, model = retired
        self.theme_boxes[theme_id] = box
        self.theme_models[theme_id] = model
        box.proxy.begin_refilter()  # the filters may have changed meanwhile
        box.proxy.end_refilter()
        box.view.use_filter(self.filter.active())
        return box

    def _fill_filters(self, snapshot: SessionSnapshot) -> None:
        def fill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for item_id, text in items:
                combo.addItem(text, item_id)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

        fill(
            self.round_filter,
            self.tr("Alle rondes"),
            [(r.id, self.tr("Ronde {n}").format(n=r.number)) for r in snapshot.live_rounds()],
        )
        fill(
            self.table_filter,
            self.tr("Alle tafels"),
            [(t.id, t.name) for t in snapshot.live_tables()],
        )
        fill(
            self.group_filter,
            self.tr("Alle doelgroepen"),
            [(g.id, g.name) for g in snapshot.live_target_groups()],
        )
        chosen = (
            self.round_filter.currentData(),
            self.table_filter.currentData(),
            self.group_filter.currentData(),
        )
        if chosen != (self.filter.round_id, self.filter.table_id, self.filter.target_group_id):
            self._filters_changed()

    def _update_counts(self) -> None:
        self.tray.update_count(self.filter)
        for box in self.theme_boxes.values():
            box.update_count(self.filter)
        total = len(self.cards)
        self.summary.setText(
            " · ".join(
                (
                    self.tr("%n voorstel(len)", "", total),
                    self.tr("%n nog niet ingedeeld", "", self.tray_model.rowCount()),
                    self.tr("%n thema('s)", "", len(self.theme_order)),
                )
            )
        )

    def _update_buttons(self) -> None:
        has_selection = bool(self.selected_ids())
        self.move_button.setEnabled(has_selection)
        self.new_button.setEnabled(not self.frozen)
        self.grid.new_zone.setEnabled(not self.frozen)

    # ================================================================ filters
    def _read_filters(self) -> None:
        self.filter.round_id = self.round_filter.currentData()
        self.filter.table_id = self.table_filter.currentData()
        self.filter.target_group_id = self.group_filter.currentData()
        self.filter.search = fold(self.search.text().strip())

    def _filters_changed(self) -> None:
        proxies = [self.tray.proxy, *(box.proxy for box in self.theme_boxes.values())]
        for proxy in proxies:
            proxy.begin_refilter()
        self._read_filters()
        for proxy in proxies:
            proxy.end_refilter()
        for view in self.views():
            view.use_filter(self.filter.active())
        self.clear_filters_button.setVisible(self.filter.active())
        self._update_counts()

    def clear_filters(self) -> None:
        for combo in (self.round_filter, self.table_filter, self.group_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self._filters_changed()

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ============================================================== selection
    def views(self) -> list[CardListView]:
        return [
            self.tray.view,
            *(self.theme_boxes[tid].view for tid in self.theme_order if tid in self.theme_boxes),
        ]

    def selected_ids(self) -> list[str]:
        result: list[str] = []
        for view in self.views():
            result.extend(view.selected_ids())
        return list(dict.fromkeys(result))

    def view_selection_changed(self, view: CardListView) -> None:
        if view.selectionModel().hasSelection():
            clear_other_selections(self.views(), view)
        self._update_buttons()
        self._update_placement_bar()

    def theme_names(self) -> list[tuple[str, str]]:
        return [(tid, self.themes[tid].name) for tid in self.theme_order]

    def _rename_current(self) -> None:
        focus: QWidget | None = self.focusWidget()
        while focus is not None and not isinstance(focus, ThemeBox):
            focus = focus.parentWidget()
        if isinstance(focus, ThemeBox):
            focus.start_rename()

    # =============================================================== messages
    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.status.setStyleSheet(
            f"color: {palette.DANGER_TEXT}; font-weight: 600;"
            if problem
            else f"color: {palette.MUTED};"
        )
        self.status.setText(text)
        if text:
            self._step_message.said()

    def _on_error(self, message: str) -> None:
        if self.isVisible():
            self.show_message(message, problem=True)

    def _undo_hint(self, text: str) -> None:
        self.show_message(self.tr("{what} — Ctrl+Z maakt het ongedaan.").format(what=text))

    def _sync(self) -> None:
        """Make sure the board shows the last change even when it is hidden."""
        if self._pending:
            self.refresh()

    # ================================================================ actions

    # ================================================================= picker

    # ============================================================== placement

    # ============================================================ suggestions

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_panel()
