"""What the themes page does with themes and cards: move cards, make, rename, describe, colour,
merge, split and delete a theme. Each is one operation through the controller (one undo
step); the board's widgets ask for them (:class:`~desktop_app.ui.card_list.BoardHost`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QInputDialog,
)

from desktop_app import ops
from desktop_app.core.model import Theme
from desktop_app.ui.board_style import THEME_COLORS
from desktop_app.ui.pages.themes_section import ThemesSection


class ThemeActions(ThemesSection):
    """Theme and card actions of :class:`~desktop_app.ui.pages.themes.ThemesPage`."""

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
