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

import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app import ops
from desktop_app.core import run_state
from desktop_app.core.model import Kind, SessionSnapshot, Theme
from desktop_app.core.suggestions import (
    Suggestions,
    ThemeRanker,
    ThemeSuggestion,
    standard_theme_names,
    suggest,
)
from desktop_app.core.voting import items_frozen
from desktop_app.storage import duplicates
from desktop_app.storage.session_file import Change, Origin
from desktop_app.ui import palette
from desktop_app.ui.board_style import BOARD_STYLE, THEME_COLORS, automatic_color
from desktop_app.ui.card_list import CardListView, clear_other_selections
from desktop_app.ui.cluster_board import ThemeGrid
from desktop_app.ui.cluster_model import ID_ROLE, CardFilter, CardInfo, CardListModel, fold
from desktop_app.ui.cluster_picker import Choice, PickerTheme, QuickPicker
from desktop_app.ui.cluster_suggestions import SuggestionsPanel, duplicate_key, theme_key
from desktop_app.ui.controller import SessionController
from desktop_app.ui.look import icon
from desktop_app.ui.pages.base import Page, StepMessage, heading
from desktop_app.ui.placement_bar import PlacementBar
from desktop_app.ui.theme_boxes import ThemeBox, TrayBox

DISMISSED_KEY = "dismissed_suggestions"
# Boxes of themes that left the board, kept hidden for an undo.
RETIRED_BOXES = 4
#: Changes that only move cards between areas (no card looks different).
_MEMBERSHIP_KINDS = {Kind.THEME.value}
_CARD_KINDS = frozenset({Kind.PROPOSAL, Kind.TABLE, Kind.ROUND, Kind.TARGET_GROUP})


class ClusterPage(Page):
    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        self._pending: set[str] = {"*"}
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
            self._pending.add("*")
        if change.touches(Kind.THEME):
            self._pending.add(Kind.THEME.value)
            self._pending_themes |= change.of(Kind.THEME)
        if change.state:
            self._pending.add("state")
        super().on_change(change)

    def refresh(self) -> None:
        """Follow the last changes. Cards moving between areas (a drop, the picker,
        merge, split) re-read only the themes; anything else re-reads the session."""
        kinds, self._pending = self._pending, set()
        changed_themes, self._pending_themes = self._pending_themes, set()
        state = self.controller.session_file.state
        quick = (
            self._snapshot is not None and bool(kinds) and kinds <= _MEMBERSHIP_KINDS | {"state"}
        )
        if not quick or self._snapshot is None:
            self._snapshot = self.controller.snapshot()
        snapshot = self._snapshot
        self.frozen = items_frozen(snapshot, state)
        self.banner.setVisible(self.frozen)
        if quick and kinds <= {"state"}:
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
    def _theme_label(self, area_id: str | None) -> str:
        if area_id is None:
            return self.tr("de bak")
        theme = self.themes.get(area_id)
        return "“{}”".format(theme.name if theme else "?")

    def drop(self, proposal_ids: list[str], area_id: str | None) -> bool:
        """Cards dropped on an area (a theme, or the tray for None)."""
        ids = [pid for pid in dict.fromkeys(proposal_ids) if pid in self.cards]
        if not ids or (area_id is not None and area_id not in self.themes):
            return False
        if all(self.theme_of.get(pid) == area_id for pid in ids):
            return True  # already there
        self.move_cards(ids, area_id)
        return True

    def move_cards(self, proposal_ids: Sequence[str], area_id: str | None) -> None:
        ids = list(proposal_ids)
        if area_id is None:
            text = self.tr("%n kaart(en) terug naar de bak", "", len(ids))
        else:
            text = self.tr("%n kaart(en) naar {theme}", "", len(ids)).format(
                theme=self._theme_label(area_id)
            )
        if self.controller.run(ops.move_cards, ids, area_id):
            self._sync()
            self._undo_hint(text)

    def drop_new_theme(self, proposal_ids: list[str]) -> bool:
        ids = [pid for pid in dict.fromkeys(proposal_ids) if pid in self.cards]
        if not ids:
            return False
        return self.new_theme(ids) is not None

    def _default_name(self) -> str:
        names = {t.name for t in self.themes.values()}
        base = self.tr("Nieuw thema")
        if base not in names:
            return base
        n = 2
        while self.tr("Nieuw thema {n}").format(n=n) in names:
            n += 1
        return self.tr("Nieuw thema {n}").format(n=n)

    def _next_color(self) -> str:
        used = [self.colors.get(tid) for tid in self.theme_order]
        choices = THEME_COLORS
        for color in choices:
            if color not in used:
                return color
        return choices[len(self.theme_order) % len(choices)]

    def new_theme(
        self,
        proposal_ids: Sequence[str],
        name: str | None = None,
        *,
        rename: bool = True,
        suggested: bool = False,
    ) -> str | None:
        """A new theme holding ``proposal_ids`` (taken from wherever they are)."""
        name = name if name and name.strip() else self._default_name()
        theme = self.controller.run(
            ops.new_theme, name, proposal_ids, color=self._next_color(), suggested=suggested
        )
        return self._show_new_theme(theme, rename=rename)

    def _show_new_theme(self, theme: Theme | None, *, rename: bool) -> str | None:
        if theme is None:
            return None
        self._sync()
        box = self.theme_boxes.get(theme.id)
        if box is not None:
            self.grid.ensure_visible(box)
            if rename:
                box.start_rename()
        self._undo_hint(self.controller.undo_text())
        return theme.id

    def create_theme_from_selection(self) -> None:
        self.new_theme(self.selected_ids())

    def send_selection_to_tray(self) -> None:
        ids = [pid for pid in self.selected_ids() if pid in self.theme_of]
        if ids:
            self.move_cards(ids, None)

    def rename_theme(self, theme_id: str, name: str) -> None:
        if not name.strip() or theme_id not in self.themes:
            return
        self.controller.run(ops.rename_theme, theme_id, name)
        self._sync()

    def set_description(self, theme_id: str, description: str) -> None:
        self.controller.run(ops.describe_theme, theme_id, description)
        self._sync()

    def edit_description(self, theme_id: str) -> None:
        theme = self.themes.get(theme_id)
        if theme is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Beschrijving"),
            self.tr("Waar gaat “{name}” over? (zichtbaar op het bord en in het verslag)").format(
                name=theme.name
            ),
            theme.description or "",
        )
        if ok:
            self.set_description(theme_id, text)

    def set_color(self, theme_id: str, color: str | None) -> None:
        if theme_id not in self.themes:
            return
        self.controller.run(ops.colour_theme, theme_id, color)
        self._sync()

    def merge_themes(self, source_id: str, target_id: str) -> None:
        """The cards of ``source_id`` join ``target_id``; the source theme goes."""
        if source_id == target_id or source_id not in self.themes or target_id not in self.themes:
            return
        if self.controller.run(ops.merge_themes, source_id, target_id) is not None:
            self._sync()
            self._undo_hint(self.controller.undo_text())

    def split_theme(self, theme_id: str, proposal_ids: Sequence[str]) -> str | None:
        """The chosen cards of a theme leave it for a new theme."""
        theme = self.themes.get(theme_id)
        ids = [pid for pid in proposal_ids if self.theme_of.get(pid) == theme_id]
        if theme is None or not ids:
            self.show_message(
                self.tr("Kies eerst de kaarten die uit het thema gaan."), problem=True
            )
            return None
        name = self.tr("{name} (deel 2)").format(name=theme.name)
        new = self.controller.run(ops.split_theme, theme_id, ids, name, color=self._next_color())
        return self._show_new_theme(new, rename=True)

    def delete_theme(self, theme_id: str) -> None:
        if theme_id not in self.themes:
            return
        if self.controller.run(ops.delete_theme, theme_id) is not None:
            self._sync()
            self._undo_hint(self.controller.undo_text())

    # ================================================================= picker
    def open_picker(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.show_message(
                self.tr(
                    "Kies eerst een of meer kaarten (klik; Shift of Ctrl voor meer), druk dan op T."
                ),
                problem=True,
            )
            return
        themes = [
            PickerTheme(
                tid, self.themes[tid].name, self.theme_models[tid].rowCount(), self.colors.get(tid)
            )
            for tid in self.theme_order
        ]
        picker = QuickPicker(themes, len(ids), allow_new=not self.frozen, parent=self)
        picker.accepted.connect(lambda: self._picked(ids, picker.choice))
        picker.finished.connect(lambda _result: picker.deleteLater())
        self.picker = picker
        picker.open()

    def _picked(self, ids: list[str], choice: Choice | None) -> None:
        self.picker = None
        if choice is None:
            return
        if choice.kind == "tray":
            self.move_cards([pid for pid in ids if pid in self.theme_of], None)
        elif choice.kind == "theme" and choice.theme_id is not None:
            self.drop(ids, choice.theme_id)
        elif choice.kind == "new":
            self.new_theme(ids, choice.name or None, rename=not choice.name.strip())

    # ============================================================== placement
    def _update_placements(self) -> None:
        """Rank the session's themes for every tray card, from the cards placed so far."""
        placed = dict(self.theme_of)
        tray = self.tray_model.ids()
        if not placed or not tray or self._snapshot is None:
            self.placements = {}
        else:
            language = "en" if self._snapshot.session.lang == "en" else "nl"
            if self._ranker is None or self._ranker.language != language:
                self._ranker = ThemeRanker(language)
            self.placements = self._ranker.rank(
                [(pid, card.text) for pid, card in self.cards.items()],
                placed,
                theme_names={tid: t.name for tid, t in self.themes.items()},
                rounds={pid: card.round_id for pid, card in self.cards.items()},
            )
        hints = {
            pid: self.tr("→ {name}").format(name=self.themes[ranked[0]].name)
            for pid, ranked in self.placements.items()
            if ranked and ranked[0] in self.themes and pid in self.cards
        }
        self.tray_model.set_hints(hints)
        self._update_placement_bar()

    def _tray_choice(self) -> list[str]:
        """The tray cards the placement acts on: the selection, else the current card."""
        view = self.tray.view
        ids = view.selected_ids()
        if not ids and view.currentIndex().isValid() and view.hasFocus():
            ids = [str(view.currentIndex().data(ID_ROLE))]
        return [pid for pid in ids if pid in self.placements]

    def _update_placement_bar(self) -> None:
        ids = self._tray_choice()
        ranked = self.placements.get(ids[0], []) if ids else []
        names = [self.themes[tid].name for tid in ranked if tid in self.themes]
        self.placement_bar.set_choices(names, len(ids))

    def toggle_placement_choices(self) -> None:
        if self.placement_bar.isVisible():
            self.placement_bar.toggle_more()

    def accept_placement(self, rank: int = 0) -> bool:
        """Put the chosen tray cards in their suggested theme (``rank`` 0: the first
        suggestion of each card; 1, 2: the second or third, for one card). One undo step."""
        ids = self._tray_choice()
        if not ids or (rank > 0 and (len(ids) > 1 or not self.placement_bar.showing_more())):
            return False  # the second and third choice only once they are shown (S)
        targets: dict[str, list[str]] = {}
        for pid in ids:
            ranked = [tid for tid in self.placements.get(pid, []) if tid in self.themes]
            if len(ranked) > rank:
                targets.setdefault(ranked[rank], []).append(pid)
        if not targets:
            return False
        view = self.tray.view
        row = min(
            (r for r in (self.tray_model.row_of(pid) for pid in ids) if r is not None), default=0
        )
        if len(targets) == 1:
            [(theme_id, members)] = targets.items()
            self.move_cards(members, theme_id)
        elif self.controller.run(
            ops.place_cards, {pid: tid for tid, members in targets.items() for pid in members}
        ):
            self._sync()
            self._undo_hint(self.controller.undo_text())
        # The next card takes the place of the one placed: Enter, Enter, Enter.
        model = view.model()
        if model.rowCount():
            index = model.index(min(row, model.rowCount() - 1), 0)
            view.setCurrentIndex(index)
            view.selectionModel().select(index, view.selectionModel().SelectionFlag.ClearAndSelect)
        return True

    # ============================================================ suggestions
    def show_suggestions(self) -> None:
        snapshot = self.controller.snapshot()
        proposals = [(p.id, p.text) for p in snapshot.live_proposals()]
        started = time.perf_counter()
        result = suggest(proposals, language=snapshot.session.lang)
        self.suggestion_ms = (time.perf_counter() - started) * 1000
        self.suggestions = result
        dismissed = self.controller.session_file.state(DISMISSED_KEY, []) or []
        self.panel.set_result(
            result,
            self.cards,
            standard_theme_names(snapshot.session.lang),
            dismissed,
            elapsed_ms=self.suggestion_ms,
        )
        self._update_panel_state()
        if not self.panel.isVisible():
            self.panel.show()
            self._fit_panel()
            sizes = self.splitter.sizes()
            panel_width = 360 if self.width() >= 1280 else 300
            if self.grid.isVisible():
                self.splitter.setSizes([sizes[0], max(280, sizes[1] - panel_width), panel_width])

    def hide_suggestions(self) -> None:
        self.panel.hide()
        self.grid.show()
        self.tray.show()

    def _fit_panel(self) -> None:
        """Where the tray, the themes and the panel do not fit side by side, the panel
        takes the themes' place, and on a narrower page (1024x768 with the beamer panel
        open) the tray's too, until it is closed."""
        if not self.panel.isVisible():
            return
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        width = self._room() - margins.left() - margins.right()
        handle = self.splitter.handleWidth()
        tray, grid, panel = (w.minimumWidth() for w in (self.tray, self.grid, self.panel))
        self.grid.setVisible(width >= tray + grid + panel + 2 * handle)
        self.tray.setVisible(width >= tray + panel + handle)

    def _room(self) -> int:
        """The width the window leaves this page: beside the phases and a docked beamer
        panel (the page may be laid out wider than that, and then is cut off)."""
        window = self.window()
        if window is self:
            return self.width()
        left = self.mapTo(window, QPoint(0, 0)).x()
        docks = sum(
            dock.width()
            for dock in window.findChildren(QDockWidget)
            if dock.isVisible() and not dock.isFloating() and dock.x() > left
        )
        return max(0, window.width() - left - docks)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_panel()

    def _update_panel_state(self) -> None:
        if self.suggestions is None:
            return
        names = {tid: t.name for tid, t in self.themes.items()}
        self.panel.update_state(self.theme_of, names, self.kept, self.frozen)

    def _dismissed(self) -> set[str]:
        return set(self.controller.session_file.state(DISMISSED_KEY, []) or [])

    def dismiss_suggestion(self, key: str) -> None:
        dismissed = sorted(self._dismissed() | {key})
        session_file = self.controller.session_file
        self.controller.run_unrecorded(lambda: session_file.set_state(DISMISSED_KEY, dismissed))
        self.panel.set_dismissed(dismissed)

    def accept_theme_suggestion(self, suggestion: ThemeSuggestion, name: str) -> str | None:
        """Create exactly the suggested theme, with its proposals not yet in a theme."""
        ids = [
            pid for pid in suggestion.proposal_ids if pid in self.cards and pid not in self.theme_of
        ]
        if not ids:
            self.show_message(
                self.tr(
                    "Alle voorstellen van deze suggestie zitten al in een "
                    "thema; er is niets veranderd."
                ),
                problem=True,
            )
            return None
        chosen = name if name.strip() else suggestion.name
        theme_id = self.new_theme(ids, chosen, rename=False, suggested=True)
        if theme_id is not None:
            self.panel.mark_done(theme_key(suggestion))
        return theme_id

    def accept_duplicate(self, a: str, b: str, theme_id: str | None = None) -> None:
        """Merge two near-duplicates: both stay, in one theme; the first shows the count.

        The theme is ``theme_id``, else the theme of ``a``, else that of ``b``;
        when neither is in a theme, the quick picker asks.
        """
        if a not in self.cards or b not in self.cards:
            return
        key = duplicate_key(a, b)
        kept = self.kept.get(a, a)
        if self.kept.get(b, b) == kept:
            self.panel.mark_done(key)
            return
        target = theme_id or self.theme_of.get(a) or self.theme_of.get(b)
        if target is not None:
            self._merge_duplicate(a, b, Choice("theme", theme_id=target))
            return
        picker = QuickPicker(
            [
                PickerTheme(
                    tid,
                    self.themes[tid].name,
                    self.theme_models[tid].rowCount(),
                    self.colors.get(tid),
                )
                for tid in self.theme_order
            ],
            2,
            allow_new=not self.frozen,
            parent=self,
        )
        picker.setWindowTitle(self.tr("In welk thema komen de dubbelen?"))
        picker.accepted.connect(lambda: self._merge_duplicate(a, b, picker.choice))
        picker.finished.connect(lambda _result: picker.deleteLater())
        self.picker = picker
        picker.open()

    def _merge_duplicate(self, a: str, b: str, choice: Choice | None) -> None:
        self.picker = None
        if choice is None:
            return
        if choice.kind == "new":
            self.controller.run(
                ops.link_duplicates,
                b,
                a,
                new_theme_name=choice.name.strip() or self._default_name(),
                color=self._next_color(),
            )
        elif choice.kind == "theme" and choice.theme_id is not None:
            self.controller.run(ops.link_duplicates, b, a, theme_id=choice.theme_id)
        else:
            return
        self._sync()
        if self.kept.get(b, b) != self.kept.get(a, a):
            return  # refused: the message went out
        self.panel.mark_done(duplicate_key(a, b))
        self._undo_hint(self.controller.undo_text())

    def suggestion_keys(self) -> Iterable[str]:
        """Keys of the suggestions shown (for tests and the beamer's curiosity)."""
        return [item.key for item in self.panel.theme_items] + [
            item.key for item in self.panel.duplicate_items
        ]
