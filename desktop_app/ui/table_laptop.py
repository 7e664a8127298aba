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

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
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
from desktop_app.storage.session_file import Change, Origin
from desktop_app.storage.templates import safe_file_stem
from desktop_app.ui.controller import SessionController
from desktop_app.ui.file_dialogs import ask_folder
from desktop_app.ui.look import icon, repolish
from desktop_app.ui.pages.base import heading
from desktop_app.ui.scribe import ScribePanel


class TablePicker(QDialog):
    """Which table types on this laptop? The session's tables, keyboard first.

    Up/Down (or the table's number) and Enter choose; Esc cancels. Opened with
    ``open()``: ``chosen`` carries the table id.
    """

    chosen = Signal(str)

    def __init__(self, tables: list[Table], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tablePicker")
        self.setWindowTitle(self.tr("Deze laptop is tafel…"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        question = QLabel(self.tr("&Welke tafel typt op deze laptop?"))
        question.setProperty("role", "subheading")
        layout.addWidget(question)
        self.table_list = QListWidget()
        self.table_list.setObjectName("tablePickerList")
        question.setBuddy(self.table_list)
        for number, table in enumerate(tables, start=1):
            text = f"{number}.  {table.name}" + (f"  ·  {table.host}" if table.host else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, table.id)
            self.table_list.addItem(item)
        ids = [t.id for t in tables]
        self.table_list.setCurrentRow(ids.index(current) if current in ids else 0)
        self.table_list.itemActivated.connect(lambda _item: self.accept())
        self.table_list.installEventFilter(self)
        layout.addWidget(self.table_list, 1)
        explain = QLabel(
            self.tr(
                "Alles wat hier getypt wordt, staat meteen in het sessiebestand van deze laptop. "
                "Met \u201cExporteer mijn tafel\u201d gaat het naar de procesbegeleider."
            )
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "hint")
        layout.addWidget(explain)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Deze tafel"))
        ok.setProperty("primary", True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table_list.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A digit picks that table's row (1 … 9), as the numbers in the list say.
        if (
            watched is self.table_list
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_9
        ):
            row = event.key() - Qt.Key.Key_1
            if row < self.table_list.count():
                self.table_list.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def table_id(self) -> str | None:
        item = self.table_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def accept(self) -> None:
        table_id = self.table_id()
        super().accept()
        if table_id is not None:
            self.chosen.emit(table_id)


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
    """Only one table: its name, the round's question, the entry field and its list.

    What is typed is never lost: a save the file refuses (a full disk, a table
    that no longer exists) keeps the text in the field, says why in the window
    and the status line says "niet opgeslagen" until the next save succeeds.
    """

    exported = Signal(str)  # path written
    other_table_requested = Signal()

    def __init__(
        self, controller: SessionController, table_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.table_id = table_id
        self.last_message = ""
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
        round_label = QLabel(self.tr("&Ronde"))
        round_label.setBuddy(self.round_field)
        top.addWidget(round_label)
        top.addWidget(self.round_field)
        self.other_table_button = QPushButton(icon("table"), self.tr("Andere &tafel…"))
        self.other_table_button.setObjectName("laptopOtherTable")
        self.other_table_button.setToolTip(self.tr("Een andere tafel kiezen (Ctrl+Shift+T)"))
        top.addWidget(self.other_table_button)
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
        self.problem_label = QLabel()
        self.problem_label.setObjectName("laptopProblem")
        self.problem_label.setProperty("role", "error")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        self.scribe = ScribePanel(controller)
        layout.addWidget(self.scribe, 1)
        self.setCentralWidget(central)
        self.saved_label = QLabel(self.tr("Alles is opgeslagen"))
        self.saved_label.setObjectName("laptopSaved")
        self.statusBar().addPermanentWidget(self.saved_label)

        self.export_button.clicked.connect(self.choose_and_export)
        self.other_table_button.clicked.connect(self.other_table_requested)
        self.round_field.activated.connect(lambda _: self._on_round_chosen())
        QShortcut(QKeySequence("Ctrl+E"), self, self.choose_and_export)
        QShortcut(QKeySequence("Ctrl+Shift+T"), self, self.other_table_requested.emit)
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
        controller.error.connect(self._on_error)
        self.scribe.saved.connect(self._on_saved)
        self.reload()
        self.scribe.edit.setFocus()

    def set_table(self, table_id: str) -> None:
        """Type for another table from now on (the field's text stays)."""
        self.table_id = table_id
        self.problem_label.hide()
        self.reload()
        self.scribe.edit.setFocus()

    def table(self) -> Table | None:
        table = self.controller.session_file.get(Kind.TABLE, self.table_id)
        return table if isinstance(table, Table) and not table.deleted else None

    def reload(self) -> None:
        table = self.table()
        if table is None:
            self.table_heading.setText(self.tr("Deze tafel staat niet (meer) in de sessie"))
            self.setWindowTitle(APP_NAME)
            self._show_problem(
                self.tr(
                    "Kies met \u201cAndere tafel\u201d de tafel van deze laptop. Wat al "
                    "getypt is, blijft in het veld staan."
                )
            )
        else:
            self.table_heading.setText(self.tr("Deze laptop is {table}").format(table=table.name))
            self.setWindowTitle(f"{APP_NAME} — {table.name}")
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
        table_id = self.table_id if self.table() is not None else None
        # Without a table the field is disabled; its text stays.
        self.scribe.set_cell(round_id if table_id else None, table_id if round_id else None)
        question = ""
        for round_ in self.controller.session_file.rounds():
            if round_.id == round_id:
                question = round_.question
        self.question_label.setText(question)

    def _update_undo_actions(self) -> None:
        self.undo_action.setEnabled(self.controller.can_undo())
        self.redo_action.setEnabled(self.controller.can_redo())

    def _on_change(self, change: Change) -> None:
        if change.touches(Kind.ROUND, Kind.TABLE) or change.origin is Origin.IMPORT:
            self.reload()
        if change.touches(Kind.PROPOSAL) and not self.problem_label.isVisible():
            self.saved_label.setText(
                self.tr("Opgeslagen {time}").format(time=QTime.currentTime().toString("HH:mm:ss"))
            )

    def _on_saved(self, _proposal_id: str) -> None:
        """A proposal (or an edit) is on disk: say so, and forget an earlier problem."""
        self.saved_label.setText(
            self.tr("Opgeslagen {time}").format(time=QTime.currentTime().toString("HH:mm:ss"))
        )
        self.saved_label.setProperty("role", "")
        repolish(self.saved_label)
        if self.table() is not None:
            self.problem_label.hide()

    def _on_error(self, message: str) -> None:
        """The file refused a change: the text stays in the field; never claim "saved"."""
        if not self.isVisible():
            return
        self.saved_label.setText(self.tr("Niet opgeslagen"))
        self.saved_label.setProperty("role", "error")
        repolish(self.saved_label)
        self._show_problem(
            self.tr("Niet opgeslagen: {reason} Wat je typte, staat nog in het veld.").format(
                reason=message
            )
        )
        self.statusBar().showMessage(message, 15000)

    def _show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.show()

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
            self._show_problem(self.tr("Niet geëxporteerd: {reason}").format(reason=message))
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

        dialog = ask_folder(
            self,
            self.tr("Waar moet het bestand heen (bijvoorbeeld de USB-stick)?"),
            str(paths.documents_dir()),
            self.export_to,
        )
        # The scribe types on at once: the keyboard comes back here (without a window
        # manager, as on a bare table laptop, nothing else would give it back).
        dialog.finished.connect(lambda _result: QTimer.singleShot(0, self, self._take_keyboard))

    def _take_keyboard(self) -> None:
        if self.isVisible():
            self.activateWindow()
            self.scribe.edit.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.controller.changed.disconnect(self._on_change)
        with contextlib.suppress(RuntimeError, TypeError):
            self.controller.error.disconnect(self._on_error)
        super().closeEvent(event)
