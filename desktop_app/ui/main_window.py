"""The facilitator's console: six numbered phases on the left, the phase on the right.

The window owns no data: it holds a :class:`SessionController` for the open
session and rebuilds its pages when another session is opened. Errors caused
by the environment (a foreign file, a full disk, a file open elsewhere) arrive
as :class:`UserError` and are shown as one clear message; nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTime, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core.errors import UserError
from desktop_app.storage.session_file import Change, SessionFile
from desktop_app.ui import palette
from desktop_app.ui.controller import SessionController
from desktop_app.ui.look import icon as load_icon
from desktop_app.ui.pages.base import Page
from desktop_app.ui.settings import Settings

PageFactory = Callable[[SessionController], Page]


class ConsoleWindow(QMainWindow):
    """The main window. ``page_factories`` builds the six phase pages for a session."""

    session_opened = Signal(object)  # SessionController
    session_closed = Signal()

    def __init__(
        self,
        settings: Settings,
        page_factories: list[tuple[str, str, PageFactory]],
        *,
        language: str = "nl",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = language
        self.controller: SessionController | None = None
        self._page_factories = page_factories
        self.setObjectName("console")
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(960, 640))

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.phase_nav = QListWidget()
        self.phase_nav.setObjectName("phaseNav")
        self.phase_nav.setFixedWidth(220)
        self.phase_nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.phase_nav.ensurePolished()  # styled row heights before items are added
        self.stack = QStackedWidget()
        self.stack.setObjectName("phaseStack")
        row.addWidget(self.phase_nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.phase_nav.currentRowChanged.connect(self._show_phase)

        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)

        self._build_actions()
        self._build_menus()
        self._update_title()
        self._set_session_actions_enabled(False)

    # ------------------------------------------------------------ actions
    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None,
                icon: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(load_icon(icon))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(self.tr("&Openen…"), self.choose_and_open,
                                        QKeySequence.StandardKey.Open, "folder-open")
        self.import_action = self._action(self.tr("&Importeren…"), self.choose_and_import,
                                          "Ctrl+I", "upload")
        self.export_json_action = self._action(self.tr("Exporteren als &uitwisselbestand…"),
                                               self.export_json, "Ctrl+Shift+E", "download")
        self.export_xlsx_action = self._action(self.tr("Exporteren naar &Excel…"),
                                               self.export_xlsx, "Ctrl+E", "file-spreadsheet")
        self.export_pdf_action = self._action(self.tr("&Oogstverslag (PDF)…"), self.export_pdf,
                                              "Ctrl+P", "file-text")
        self.close_action = self._action(self.tr("Sessie &sluiten"), self.close_session,
                                         QKeySequence.StandardKey.Close)
        self.quit_action = self._action(self.tr("&Afsluiten"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self._action(self.tr("&Ongedaan maken"), self._undo,
                                        QKeySequence.StandardKey.Undo, "undo-2")
        self.redo_action = self._action(self.tr("&Opnieuw"), self._redo, "Ctrl+Shift+Z", "redo-2")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.shortcuts_action = self._action(self.tr("&Sneltoetsen"), self.show_shortcuts, "F1",
                                             "help-circle")
        self.phase_actions: list[QAction] = []
        for index in range(6):
            action = self._action(
                self.tr("Fase {n}").format(n=index + 1),
                lambda i=index: self.phase_nav.setCurrentRow(i),
                f"Ctrl+{index + 1}",
            )
            self.phase_actions.append(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Bestand"))
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu(self.tr("&Recent geopend"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_json_action)
        self.file_menu.addAction(self.export_xlsx_action)
        self.file_menu.addAction(self.export_pdf_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(self.tr("Be&werken"))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.view_menu = bar.addMenu(self.tr("&Beeld"))
        for action in self.phase_actions:
            self.view_menu.addAction(action)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.shortcuts_action)

    def _set_session_actions_enabled(self, enabled: bool) -> None:
        for action in (self.import_action, self.export_json_action, self.export_xlsx_action,
                       self.export_pdf_action, self.close_action, *self.phase_actions):
            action.setEnabled(enabled)
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        stack = self.controller.undo_stack if self.controller else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        if stack is not None:
            self.undo_action.setText(
                self.tr("&Ongedaan maken: {what}").format(what=stack.undoText())
                if stack.canUndo() else self.tr("&Ongedaan maken")
            )
            self.redo_action.setText(
                self.tr("&Opnieuw: {what}").format(what=stack.redoText())
                if stack.canRedo() else self.tr("&Opnieuw")
            )

    def _undo(self) -> None:
        if self.controller is not None:
            self.controller.undo_stack.undo()

    def _redo(self) -> None:
        if self.controller is not None:
            self.controller.undo_stack.redo()

    # ----------------------------------------------------------- sessions
    def open_session(self, path: Path) -> bool:
        """Open a session file for writing; show a clear message when refused."""
        try:
            session_file = SessionFile.open(path)
        except UserError as error:
            self.show_error(error.message(self.language))
            return False
        self.set_session(session_file)
        self.settings.add_recent(str(path))
        return True

    def set_session(self, session_file: SessionFile) -> None:
        self.close_session()
        controller = SessionController(session_file, language=self.language, parent=self)
        self.controller = controller
        controller.changed.connect(self._on_change)
        controller.error.connect(self.show_error)
        controller.undo_stack.indexChanged.connect(lambda _: self._update_undo_actions())
        for title, icon_name, factory in self._page_factories:
            page = factory(controller)
            self.stack.addWidget(page)
            item = QListWidgetItem(title)
            item.setIcon(load_icon(icon_name, palette.MUTED, selected_color="#FFFFFF"))
            self.phase_nav.addItem(item)
        phase = session_file.state("phase", 0)
        self.phase_nav.setCurrentRow(phase if isinstance(phase, int) and 0 <= phase < 6 else 0)
        self._set_session_actions_enabled(True)
        self._update_title()
        self.saved_label.setText(self.tr("Alles is opgeslagen"))
        self.session_opened.emit(controller)

    def close_session(self) -> None:
        if self.controller is None:
            return
        controller, self.controller = self.controller, None
        self.phase_nav.blockSignals(True)
        self.phase_nav.clear()
        self.phase_nav.blockSignals(False)
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        controller.close()
        controller.deleteLater()
        self._set_session_actions_enabled(False)
        self._update_title()
        self.session_closed.emit()

    def _show_phase(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        if self.controller is not None and self.controller.session_file.state("phase") != row:
            self.controller.run_unrecorded(lambda: self.controller and
                                           self.controller.session_file.set_state("phase", row))

    def _on_change(self, change: Change) -> None:
        self.saved_label.setText(
            self.tr("Opgeslagen {time}").format(time=QTime.currentTime().toString("HH:mm:ss"))
        )
        if change.kind == "session":
            self._update_title()

    def _update_title(self) -> None:
        if self.controller is None:
            self.setWindowTitle(APP_NAME)
            return
        title = self.controller.session().title or self.tr("Naamloze sessie")
        self.setWindowTitle(f"{APP_NAME} — {title}")

    # ------------------------------------------------------ open / import
    def _start_folder(self) -> str:
        from desktop_app import paths

        last = self.settings.get("last_folder")
        return last or str(paths.documents_dir())

    def choose_and_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Sessie openen"), self._start_folder(),
            self.tr("Tafelronde-sessies (*.tafelronde)"),
        )
        if path:
            self.settings.set("last_folder", str(Path(path).parent))
            self.open_session(Path(path))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.settings.get("recent_files") if Path(p).exists()]
        if not recent:
            action = self.recent_menu.addAction(self.tr("(nog niets)"))
            action.setEnabled(False)
        for path in recent:
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.open_session(Path(p)))

    def choose_and_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Uitwisselbestanden importeren"), self._start_folder(),
            self.tr("Uitwisselbestanden (*.json)"),
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, files: list[Path]) -> list[str]:
        """Import each file on its own; report per file what happened. Returns the lines."""
        if self.controller is None:
            return []
        from desktop_app.core.merge import Outcome
        from desktop_app.storage.exchange import import_document, read_exchange_file

        lines: list[str] = []
        for path in files:
            try:
                document = read_exchange_file(path)
                report = import_document(self.controller.session_file, document, source=str(path))
            except UserError as error:
                lines.append(self.tr("{file}: geweigerd. {reason}").format(
                    file=path.name, reason=error.message(self.language)))
                continue
            lines.append(self.tr("{file}: {added} toegevoegd, {updated} bijgewerkt, "
                                 "{unchanged} ongewijzigd").format(
                file=path.name, added=report.total(Outcome.ADDED),
                updated=report.total(Outcome.UPDATED), unchanged=report.total(Outcome.UNCHANGED)))
        if lines:
            self.controller.undo_stack.clear()  # an import is not undoable step by step
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Importeren"),
                              "\n".join(lines), QMessageBox.StandardButton.Ok, self)
            box.setObjectName("importReport")
            box.open()
            self.import_report = box
        return lines

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.controller is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_paths(files)

    # -------------------------------------------------------------- export
    def _choose_target(self, caption: str, suffix: str, pattern: str) -> Path | None:
        if self.controller is None:
            return None
        title = self.controller.session().title or "sessie"
        suggested = str(Path(self._start_folder()) / f"{title}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, caption, suggested, pattern)
        return Path(path) if path else None

    def _export(self, target: Path | None, write: Callable[[Path], None]) -> None:
        if target is None:
            return
        try:
            write(target)
        except UserError as error:
            self.show_error(error.message(self.language))
            return
        self.statusBar().showMessage(self.tr("Geëxporteerd: {path}").format(path=str(target)), 8000)

    def export_json(self, target: Path | None = None) -> None:
        from desktop_app.storage.exchange import export_file

        target = target or self._choose_target(self.tr("Uitwisselbestand opslaan"), ".json",
                                               self.tr("Uitwisselbestanden (*.json)"))
        if self.controller is not None:
            session_file = self.controller.session_file
            self._export(target, lambda p: export_file(session_file, p))

    def export_xlsx(self, target: Path | None = None) -> None:
        target = target or self._choose_target(self.tr("Excel-werkmap opslaan"), ".xlsx",
                                               self.tr("Excel-werkmappen (*.xlsx)"))
        if self.controller is not None:
            from desktop_app.export.workbook import write_workbook

            snapshot = self.controller.snapshot()
            self._export(target, lambda p: write_workbook(snapshot, p))

    def export_pdf(self, target: Path | None = None) -> None:
        target = target or self._choose_target(self.tr("Oogstverslag opslaan"), ".pdf",
                                               self.tr("PDF-bestanden (*.pdf)"))
        if self.controller is not None:
            from desktop_app.export.report import write_report

            snapshot = self.controller.snapshot()
            self._export(target, lambda p: write_report(snapshot, p))

    # ---------------------------------------------------------- messages
    def show_error(self, message: str) -> None:
        """One clear message; nothing has changed."""
        self.statusBar().showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorMessage")
        box.open()
        self.last_error = box

    def show_shortcuts(self) -> None:
        from desktop_app.ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.actions(), self)
        dialog.open()

    # ------------------------------------------------------- window state
    def restore_window_state(self) -> None:
        geometry = self.settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.sync()
        self.close_session()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._update_title()
        super().changeEvent(event)
