"""A table laptop: a focused scribe window for one table, and one-click export.

The facilitator hands out the session (its file or an exchange file); on the
table's laptop, File > "Deze laptop is tafel…" opens this window. What the
scribe types is stored in the laptop's own session file at once; "Exporteer
mijn tafel" writes this table's outcomes as an exchange file (to a USB stick)
that the facilitator imports: same ids, so nothing is ever duplicated.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core import run_state
from desktop_app.core.errors import UserError
from desktop_app.core.model import Kind, Table
from desktop_app.storage.exchange import export_document, write_json_atomically
from desktop_app.storage.session_file import Change
from desktop_app.storage.templates import safe_file_stem
from desktop_app.ui.controller import SessionController
from desktop_app.ui.look import icon
from desktop_app.ui.pages.base import heading
from desktop_app.ui.scribe import ScribePanel


def choose_table(controller: SessionController, parent: QWidget, current: str = "") -> str | None:
    """Ask which table this laptop is; returns the table id."""
    tables = controller.session_file.tables()
    if not tables:
        return None
    names = [t.name for t in tables]
    ids = [t.id for t in tables]
    start = ids.index(current) if current in ids else 0
    name, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("TableLaptop", "Deze laptop is tafel…"),
        QCoreApplication.translate("TableLaptop", "Welke tafel typt op deze laptop?"),
        names,
        start,
        False,
    )
    return ids[names.index(name)] if ok and name in names else None


def table_export_document(controller: SessionController, table_id: str) -> dict[str, object]:
    """The exchange document with the session's frame and only this table's proposals."""
    document = export_document(controller.session_file)
    document["proposals"] = [
        p for p in document.get("proposals", []) if p.get("table_id") == table_id
    ]
    for name in ("clusters", "votes", "interventions"):
        document[name] = []
    source = dict(document.get("source") or {})
    source["table_id"] = table_id
    document["source"] = source
    return document


class TableLaptopWindow(QMainWindow):
    """Only one table: its name, the round's question, the entry field and its list."""

    exported = Signal(str)  # path written

    def __init__(
        self, controller: SessionController, table_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.table_id = table_id
        self.setObjectName("tableLaptopWindow")
        self.setMinimumSize(640, 480)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        top = QHBoxLayout()
        self.table_heading = heading("")
        self.table_heading.setObjectName("laptopTableHeading")
        top.addWidget(self.table_heading, 1)
        self.round_field = QComboBox()
        self.round_field.setObjectName("laptopRound")
        self.round_field.setMinimumWidth(160)
        top.addWidget(QLabel(self.tr("&Ronde")))
        top.itemAt(top.count() - 1).widget().setBuddy(self.round_field)  # type: ignore[union-attr]
        top.addWidget(self.round_field)
        self.export_button = QPushButton(
            icon("download", "#FFFFFF"), self.tr("&Exporteer mijn tafel")
        )
        self.export_button.setObjectName("exportMyTable")
        self.export_button.setProperty("primary", True)
        self.export_button.setToolTip(
            self.tr(
                "Schrijft de voorstellen van deze tafel naar een bestand, bijvoorbeeld op een "
                "USB-stick, voor de procesbegeleider (Ctrl+E)"
            )
        )
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.question_label = QLabel()
        self.question_label.setObjectName("laptopQuestion")
        self.question_label.setWordWrap(True)
        font = self.question_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.question_label.setFont(font)
        layout.addWidget(self.question_label)
        self.scribe = ScribePanel(controller)
        layout.addWidget(self.scribe, 1)
        self.setCentralWidget(central)
        self.saved_label = QLabel(self.tr("Alles is opgeslagen"))
        self.statusBar().addPermanentWidget(self.saved_label)

        self.export_button.clicked.connect(self.choose_and_export)
        self.round_field.activated.connect(lambda _: self._on_round_chosen())
        QShortcut(QKeySequence("Ctrl+E"), self, self.choose_and_export)
        QShortcut(QKeySequence("Ctrl+Shift+PgUp"), self, lambda: self._step_round(-1))
        QShortcut(QKeySequence("Ctrl+Shift+PgDown"), self, lambda: self._step_round(1))
        self.undo_action = QAction(self.tr("Ongedaan maken"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda _checked=False: controller.undo())
        self.redo_action = QAction(self.tr("Opnieuw"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(lambda _checked=False: controller.redo())
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        controller.history_changed.connect(self._update_undo_actions)
        self._update_undo_actions()
        controller.changed.connect(self._on_change)
        self.reload()
        self.scribe.edit.setFocus()

    def table(self) -> Table | None:
        table = self.controller.session_file.get(Kind.TABLE, self.table_id)
        return table if isinstance(table, Table) else None

    def reload(self) -> None:
        table = self.table()
        name = table.name if table else "?"
        self.table_heading.setText(self.tr("Deze laptop is {table}").format(table=name))
        self.setWindowTitle(f"{APP_NAME} — {name}")
        chosen = self.round_field.currentData() or self.controller.session_file.state(
            run_state.CURRENT_ROUND
        )
        self.round_field.blockSignals(True)
        self.round_field.clear()
        rounds = self.controller.session_file.rounds()
        for round_ in rounds:
            self.round_field.addItem(self.tr("Ronde {n}").format(n=round_.number), round_.id)
        index = self.round_field.findData(chosen)
        self.round_field.setCurrentIndex(index if index >= 0 else 0)
        self.round_field.blockSignals(False)
        self._on_round_chosen()

    def _step_round(self, step: int) -> None:
        index = self.round_field.currentIndex() + step
        if 0 <= index < self.round_field.count():
            self.round_field.setCurrentIndex(index)
            self._on_round_chosen()

    def _on_round_chosen(self) -> None:
        round_id = self.round_field.currentData()
        self.scribe.set_cell(round_id, self.table_id if round_id else None)
        question = ""
        for round_ in self.controller.session_file.rounds():
            if round_.id == round_id:
                question = round_.question
        self.question_label.setText(question)

    def _update_undo_actions(self) -> None:
        self.undo_action.setEnabled(self.controller.can_undo())
        self.redo_action.setEnabled(self.controller.can_redo())

    def _on_change(self, change: Change) -> None:
        self.saved_label.setText(
            self.tr("Opgeslagen {time}").format(time=QTime.currentTime().toString("HH:mm:ss"))
        )
        if change.touches(Kind.ROUND, Kind.TABLE):
            self.reload()

    # ----------------------------------------------------------- export
    def default_file_name(self) -> str:
        table = self.table()
        title = self.controller.session().title or "sessie"
        return safe_file_stem(f"{title} - {table.name if table else 'tafel'}") + ".json"

    def export_to(self, folder: Path) -> Path | None:
        """Write this table's exchange file into ``folder``; returns its path."""
        target = folder / self.default_file_name()
        try:
            write_json_atomically(table_export_document(self.controller, self.table_id), target)
        except (UserError, OSError) as error:
            message = (
                error.message(self.controller.language)
                if isinstance(error, UserError)
                else str(error)
            )
            self.statusBar().showMessage(message, 15000)
            self.last_message = message
            return None
        message = self.tr(
            "Geëxporteerd naar {path}. Geef dit bestand aan de procesbegeleider."
        ).format(path=str(target))
        self.statusBar().showMessage(message, 30000)
        self.last_message = message
        self.exported.emit(str(target))
        return target

    def choose_and_export(self) -> None:
        from desktop_app import paths

        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Waar moet het bestand heen (bijvoorbeeld de USB-stick)?"),
            str(paths.documents_dir()),
        )
        if folder:
            self.export_to(Path(folder))

    def closeEvent(self, event: QCloseEvent) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.controller.changed.disconnect(self._on_change)
        super().closeEvent(event)
