"""What the parts of the themes page share: the board's state, as the sections see it.

:class:`~desktop_app.ui.pages.themes.ThemesPage` is built from sections, each a
module with one job: theme and card actions (theme_actions.py), placing tray
cards (card_placement.py) and the suggestions panel (suggestion_actions.py).
The page builds the widgets and keeps the state; this base class tells the type
checker what that state is, so each section can be read (and checked) alone.
At run time it adds nothing to :class:`~desktop_app.ui.pages.base.Page`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop_app.ui.pages.base import Page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter

    from desktop_app.core.model import SessionSnapshot, Theme
    from desktop_app.core.suggestions import Suggestions, ThemeRanker
    from desktop_app.ui.card_model import CardInfo, CardListModel
    from desktop_app.ui.placement_bar import PlacementBar
    from desktop_app.ui.theme_board import ThemeGrid
    from desktop_app.ui.theme_boxes import ThemeBox, TrayBox
    from desktop_app.ui.theme_picker import QuickPicker
    from desktop_app.ui.theme_suggestions import SuggestionsPanel


class ThemesSection(Page):
    """The themes page's state and shared methods, declared for the sections."""

    if TYPE_CHECKING:
        # the board: cards, themes and where each card is
        cards: dict[str, CardInfo]
        tray_model: CardListModel
        theme_models: dict[str, CardListModel]
        theme_boxes: dict[str, ThemeBox]
        themes: dict[str, Theme]
        theme_order: list[str]
        theme_of: dict[str, str]
        kept: dict[str, str]
        colors: dict[str, str]
        frozen: bool
        _snapshot: SessionSnapshot | None
        # placing and suggesting
        picker: QuickPicker | None
        suggestions: Suggestions | None
        suggestion_ms: float
        placements: dict[str, list[str]]
        _ranker: ThemeRanker | None
        # the widgets the page builds
        splitter: QSplitter
        tray: TrayBox
        grid: ThemeGrid
        placement_bar: PlacementBar
        panel: SuggestionsPanel

        # the page's own (cluster.py)
        def _sync(self) -> None: ...
        def _undo_hint(self, text: str) -> None: ...
        def show_message(self, text: str, *, problem: bool = False) -> None: ...
        def selected_ids(self) -> list[str]: ...

        # theme_actions.py, used by the other sections
        def drop(self, proposal_ids: list[str], area_id: str | None) -> bool: ...
        def move_cards(self, proposal_ids: Sequence[str], area_id: str | None) -> None: ...
        def new_theme(
            self,
            proposal_ids: Sequence[str],
            name: str | None = None,
            *,
            rename: bool = True,
            suggested: bool = False,
        ) -> str | None: ...
        def _default_name(self) -> str: ...
        def _next_color(self) -> str: ...
