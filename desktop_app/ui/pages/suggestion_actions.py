"""The themes page's suggestions panel: show it beside the board where it fits, accept a
suggested theme or near-duplicate (one operation each), or dismiss it for this session."""

from __future__ import annotations

import time
from collections.abc import Iterable

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (
    QDockWidget,
)

from desktop_app import ops
from desktop_app.core.suggestions import (
    ThemeSuggestion,
    standard_theme_names,
    suggest,
)
from desktop_app.ui.pages.themes_section import ThemesSection
from desktop_app.ui.theme_picker import Choice, Destination, PickerTheme, QuickPicker
from desktop_app.ui.theme_suggestions import duplicate_key, theme_key

#: Run state: the suggestions the facilitator dismissed (not shown again).
DISMISSED_KEY = "dismissed_suggestions"


class SuggestionActions(ThemesSection):
    """Suggestions for :class:`~desktop_app.ui.pages.themes.ThemesPage`."""

    def show_suggestions(self) -> None:
        snapshot = self.controller.snapshot()
        live = snapshot.live_proposals()
        proposals = [(p.id, p.text) for p in live]
        started = time.perf_counter()
        # Each round has its own question: its proposals lean together a little, as
        # in `tafelronde suggest` (core.suggestion_report).
        rounds = {p.id: p.round_id for p in live}
        result = suggest(proposals, language=snapshot.session.lang, rounds=rounds)
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
            self._merge_duplicate(a, b, Choice(Destination.THEME, theme_id=target))
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
        if choice.kind is Destination.NEW:
            self.controller.run(
                ops.link_duplicates,
                b,
                a,
                new_theme_name=choice.name.strip() or self._default_name(),
                color=self._next_color(),
            )
        elif choice.kind is Destination.THEME and choice.theme_id is not None:
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
