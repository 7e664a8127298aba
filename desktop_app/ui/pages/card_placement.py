"""Placing tray cards on the themes page: the quick picker (P) and the placement bar's
suggested themes for the selected card, accepted with a key."""

from __future__ import annotations

from desktop_app import ops
from desktop_app.core.suggestions import (
    ThemeRanker,
)
from desktop_app.ui.card_model import ID_ROLE
from desktop_app.ui.pages.themes_section import ThemesSection
from desktop_app.ui.theme_picker import Choice, Destination, PickerTheme, QuickPicker


class CardPlacement(ThemesSection):
    """Placement for :class:`~desktop_app.ui.pages.themes.ThemesPage`."""

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
        if choice.kind is Destination.TRAY:
            self.move_cards([pid for pid in ids if pid in self.theme_of], None)
        elif choice.kind is Destination.THEME and choice.theme_id is not None:
            self.drop(ids, choice.theme_id)
        elif choice.kind is Destination.NEW:
            self.new_theme(ids, choice.name or None, rename=not choice.name.strip())

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
