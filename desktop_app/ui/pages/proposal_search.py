"""The rounds page's search (Ctrl+F): every proposal of the session whose text holds what is
typed, listed under the grid; choosing one opens its table and round at that proposal."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
)

from desktop_app.core.model import Kind, Proposal
from desktop_app.core.near_duplicate import normalise
from desktop_app.ui.pages.base import Page
from desktop_app.ui.scribe import ID_ROLE, ScribePanel

#: Results listed at most; beyond that the list asks for a more precise term.
MAX_RESULTS = 200


class ProposalSearch(Page):
    """The search of :class:`~desktop_app.ui.pages.rounds.RoundsPage`."""

    if TYPE_CHECKING:  # what the section uses of its page, which defines it
        search_field: QLineEdit
        results_heading: QLabel
        results: QListWidget
        grid: QTableWidget
        scribe: ScribePanel
        select_cell: Callable[[str | None, str | None], None]  # (table id, round id)

    def run_search(self) -> None:
        if not self.isVisible():
            return
        query = normalise(self.search_field.text())
        searching = bool(query)
        self.results.setVisible(searching)
        self.results_heading.setVisible(searching)
        self._fit_grid(searching)
        if not searching:
            self.results.clear()
            return
        self.results.clear()
        snapshot = self.controller.snapshot()
        tables = {t.id: t for t in snapshot.live_tables()}
        rounds = {r.id: r for r in snapshot.live_rounds()}
        found = 0
        for proposal in snapshot.live_proposals():
            if query not in normalise(proposal.text):
                continue
            table, round_ = tables.get(proposal.table_id), rounds.get(proposal.round_id)
            if table is None or round_ is None:
                continue
            found += 1
            if found <= MAX_RESULTS:
                item = QListWidgetItem(
                    self.tr("{table} · ronde {n}: {text}").format(
                        table=table.name, n=round_.number, text=proposal.text
                    )
                )
                item.setData(ID_ROLE, proposal.id)
                self.results.addItem(item)
        self.results_heading.setText(
            self.tr("Gevonden: %n voorstel(len)", "", found) + self.tr(" · Esc sluit het zoeken")
        )
        if found == 0:
            item = QListWidgetItem(self.tr("Niets gevonden"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        elif found > MAX_RESULTS:
            item = QListWidgetItem(
                self.tr("… en nog {n} meer: typ een preciezere zoekterm").format(
                    n=found - MAX_RESULTS
                )
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)

    def _fit_grid(self, searching: bool) -> None:
        """While searching the grid is only as tall as its rows (at most half the column),
        so the results fit below it and the chosen cell stays in sight."""
        if not searching:
            self.grid.setMaximumHeight(16777215)
            return
        rows = sum(self.grid.rowHeight(r) for r in range(self.grid.rowCount()))
        frame = self.grid.frameWidth() * 2 + self.grid.horizontalHeader().height()
        column = self.grid.parentWidget()
        half = (column.height() // 2) if column is not None else 300
        self.grid.setMaximumHeight(max(120, min(rows + frame + 2, half)))
        current = self.grid.currentItem()
        if current is not None:
            self.grid.scrollToItem(current)

    def _jump_to_result(self, item: QListWidgetItem) -> None:
        proposal = self.controller.session_file.get(Kind.PROPOSAL, str(item.data(ID_ROLE)))
        if not isinstance(proposal, Proposal):
            return
        self.search_field.clear()
        self.run_search()
        self.select_cell(proposal.table_id, proposal.round_id)
        found = self.scribe.proposal_list.item_for(proposal.id)
        if found is not None:
            self.scribe.proposal_list.setCurrentItem(found)
            self.scribe.proposal_list.setFocus()
