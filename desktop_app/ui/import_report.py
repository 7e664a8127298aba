"""What an import did, per file: added, updated, unchanged, or refused and why."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import palette
from desktop_app.ui.look import icon


@dataclass(frozen=True)
class FileResult:
    name: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: str | None = None  # the reason, in the user's language


class ImportReportDialog(QDialog):
    def __init__(self, results: list[FileResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Importeren"))
        self.resize(760, 320)
        layout = QVBoxLayout(self)
        refused = sum(1 for r in results if r.refused)
        summary = QLabel(
            self.tr(
                "%n bestand(en) samengevoegd, {m} geweigerd.", "", len(results) - refused
            ).format(m=refused)
        )
        summary.setObjectName("importSummary")
        summary.setProperty("role", "subheading")
        layout.addWidget(summary)
        table = QTableWidget(len(results), 5)
        table.setObjectName("importTable")
        table.setHorizontalHeaderLabels(
            [
                self.tr("Bestand"),
                self.tr("Toegevoegd"),
                self.tr("Bijgewerkt"),
                self.tr("Ongewijzigd"),
                self.tr("Geweigerd: waarom"),
            ]
        )
        table.verticalHeader().hide()
        table.setWordWrap(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for row, result in enumerate(results):
            name = QTableWidgetItem(
                icon(
                    "circle-alert" if result.refused else "circle-check",
                    palette.DANGER if result.refused else palette.SUCCESS,
                ),
                result.name,
            )
            table.setItem(row, 0, name)
            if result.refused:
                for column in (1, 2, 3):
                    table.setItem(row, column, QTableWidgetItem("–"))
                reason = QTableWidgetItem(result.refused)
                reason.setToolTip(result.refused)
                table.setItem(row, 4, reason)
            else:
                for column, value in (
                    (1, result.added),
                    (2, result.updated),
                    (3, result.unchanged),
                ):
                    table.setItem(row, column, QTableWidgetItem(str(value)))
                table.setItem(row, 4, QTableWidgetItem(""))
        table.resizeRowsToContents()
        self.table = table
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def text(self) -> str:
        """Everything the dialog says, for tests and the log."""
        rows = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(self.table.columnCount())]
            rows.append(" | ".join(cell.text() if cell is not None else "" for cell in cells))
        return "\n".join(rows)
