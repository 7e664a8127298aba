"""A read-only overview of rounds, tables and proposals (the first window)."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop_app.core.model import Kind
from desktop_app.ui.controller import SessionController
from desktop_app.ui.pages.base import Page, heading, hint


class OverviewPage(Page):
    SHOWS = frozenset({Kind.ROUND, Kind.TABLE, Kind.PROPOSAL})
    SHOWS_SESSION = False

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(heading(self.tr("Rondes en voorstellen")))
        self.empty_hint = hint(self.tr("Nog geen voorstellen: kies een tafel en typ."))
        layout.addWidget(self.empty_hint)
        self.tree = QTreeWidget()
        self.tree.setObjectName("overviewTree")
        self.tree.setHeaderLabels([self.tr("Ronde / tafel / voorstel"), self.tr("Aantal")])
        self.tree.setColumnWidth(0, 640)
        self.tree.setWordWrap(True)
        layout.addWidget(self.tree, 1)

    def refresh(self) -> None:
        snapshot = self.controller.snapshot()
        self.tree.clear()
        proposals = snapshot.live_proposals()
        tables = snapshot.live_tables()
        self.empty_hint.setVisible(not proposals)
        for round_ in snapshot.live_rounds():
            in_round = [p for p in proposals if p.round_id == round_.id]
            round_item = QTreeWidgetItem(
                [
                    self.tr("Ronde {n}: {q}").format(n=round_.number, q=round_.question),
                    str(len(in_round)),
                ]
            )
            self.tree.addTopLevelItem(round_item)
            for table in tables:
                at_table = [p for p in in_round if p.table_id == table.id]
                host = f" ({table.host})" if table.host else ""
                table_item = QTreeWidgetItem(round_item, [table.name + host, str(len(at_table))])
                for proposal in at_table:
                    QTreeWidgetItem(table_item, [proposal.text, ""])
            round_item.setExpanded(True)
