"""F1: every action that has a shortcut, in one readable list."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Sneltoetsen"))
        self.resize(640, 560)
        rows: list[tuple[str, str]] = []
        for action in actions:
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys:
                rows.append((action.text().replace("&", ""), ", ".join(keys)))
        rows.extend(
            [
                (self.tr("Voorstel opslaan en leegmaken"), "Enter"),
                (self.tr("Nieuwe regel in een voorstel"), "Shift+Enter"),
                (self.tr("Laatste voorstel bewerken (in een leeg invoerveld)"), "↑"),
                (self.tr("Vorige / volgende tafel"), "Ctrl+PgUp / Ctrl+PgDn"),
                (self.tr("Tafel kiezen"), "Alt+1 … Alt+9"),
                (self.tr("Gekozen voorstel verwijderen"), "Delete"),
                (self.tr("Beamer tonen of verbergen"), "F5"),
                (self.tr("Beamer op zwart (als het beamervenster de focus heeft)"), "B"),
            ]
        )
        table = QTableWidget(len(rows), 2)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Wat"), self.tr("Toets")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (what, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
