"""The console's session commands: new (from a template), open, the demo, save a copy,
this laptop as a table, and erasing after the session.

Each command ends in ``ConsoleWindow.set_session`` (through ``open_session``) or a
clear message; nothing here builds pages. Dialogs are kept as attributes while
open, so tests and the keyboard can reach them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from desktop_app.core.errors import UserError
from desktop_app.storage.file_format import SESSION_EXTENSION
from desktop_app.ui.file_dialogs import start_folder

if TYPE_CHECKING:
    from PySide6.QtWidgets import QInputDialog, QWidget

    from desktop_app.storage.templates import Template
    from desktop_app.ui.console_host import ConsoleHost
    from desktop_app.ui.erase_session import EraseSessionDialog
    from desktop_app.ui.new_session_dialog import NewSessionDialog
    from desktop_app.ui.session_safety import SessionSafety
    from desktop_app.ui.table_laptop import TablePicker


class SessionActions(QObject):
    """Opens, creates and copies sessions for the console window."""

    def __init__(self, window: ConsoleHost, safety: Callable[[], SessionSafety]) -> None:
        super().__init__(window)
        self.window = window
        self._safety = safety
        self.template_picker: QInputDialog | None = None
        self.new_session_dialog: NewSessionDialog | None = None
        self.table_picker: TablePicker | None = None
        self.erase_dialog: EraseSessionDialog | None = None

    def open_session(self, path: Path) -> bool:
        """Open a session file for writing; show a clear message when refused.

        An exchange file (``.json``, e.g. the session a facilitator hands to a
        table laptop) becomes a new session file in the documents folder with
        the same ids, so what is typed there merges back without duplicates.
        """
        if path.suffix.lower() == ".json":
            converted = self._session_from_exchange(path)
            if converted is None:
                return False
            path = converted
        safety = self._safety()
        if safety.asks_about_location(path):
            return False  # a sync folder or share: the answer opens it (or a copy)
        from desktop_app.storage.session_file import SessionFile

        try:
            session_file = SessionFile.open(path)
        except UserError as error:
            safety.refused(path, error)  # damaged: its backup; read-only: a copy here
            return False
        self.window.set_session(session_file)
        self.window.settings.add_recent(str(path))
        return True

    def _session_from_exchange(self, source: Path) -> Path | None:
        from desktop_app import paths
        from desktop_app.storage.exchange import read_exchange_file
        from desktop_app.storage.templates import create_from_exchange, unique_session_path

        try:
            document = read_exchange_file(source)
            folder = paths.documents_dir()
            folder.mkdir(parents=True, exist_ok=True)
            title = str((document.get("session") or {}).get("title") or source.stem)
            return create_from_exchange(source, unique_session_path(folder, title))
        except UserError as error:
            self.window.show_error(error.message(self.window.language))
        except OSError as error:
            self.window.show_error(str(error))
        return None

    def choose_template(self) -> None:
        """Ctrl+N: pick a template, then title, date and folder."""
        from PySide6.QtWidgets import QInputDialog

        from desktop_app.storage.templates import list_templates

        templates = list_templates(self.window.language)
        names = [t.name for t in templates]
        # Opened, not run in a loop of its own: the console stays live (the beamer's
        # countdown goes on) and the keyboard drives it as every other dialog.
        dialog = QInputDialog(self.window)
        dialog.setObjectName("templatePicker")
        dialog.setWindowTitle(self.tr("Nieuwe sessie"))
        dialog.setLabelText(self.tr("Begin met het sjabloon:"))
        dialog.setComboBoxItems(names)
        dialog.setComboBoxEditable(False)
        dialog.setOkButtonText(self.tr("Verder"))
        dialog.setCancelButtonText(self.tr("Annuleren"))

        def chosen(name: str) -> None:
            if name in names:
                self.new_session_from_template(templates[names.index(name)])

        dialog.textValueSelected.connect(chosen)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.template_picker = dialog
        dialog.open()

    def new_session_from_template(self, template: Template) -> None:
        from desktop_app import paths
        from desktop_app.ui.new_session_dialog import NewSessionDialog

        folder = paths.documents_dir()
        dialog = NewSessionDialog(template, folder, self.window)
        self.new_session_dialog = dialog

        def create() -> None:
            self.create_session(template, dialog.target_path(), dialog.title(), dialog.date())

        dialog.accepted.connect(create)
        dialog.open()

    def create_session(
        self, template: Template, target: Path, title: str, date: str | None
    ) -> bool:
        """Write a new session file from ``template`` at ``target`` and open it."""
        from desktop_app.storage.templates import create_from_template

        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            create_from_template(template.path, target, title=title, date=date)
        except UserError as error:
            self.window.show_error(error.message(self.window.language))
            return False
        except OSError as error:
            self.window.show_error(str(error))
            return False
        if not self.open_session(target):
            return False
        self.window.select_phase(0)
        return True

    def open_demo(self) -> bool:
        """Open a fresh copy of the demo session (the shipped file is never changed)."""
        from desktop_app.storage.demo import create_demo_copy

        try:
            path = create_demo_copy()
        except UserError as error:
            self.window.show_error(error.message(self.window.language))
            return False
        return self.open_session(path)

    def save_copy(self, target: Path | None = None) -> Path | None:
        """A consistent copy of the open session (SQLite's backup API) under another name.

        Without ``target`` (the menu) ask where; the copy is written when chosen.
        """
        if self.window.controller is None:
            return None
        if not isinstance(target, Path):
            from desktop_app.ui.file_dialogs import ask_save_file

            source = self.window.controller.session_file.path
            name = f"{source.stem} (kopie){SESSION_EXTENSION}"
            suggested = Path(start_folder(self.window.settings)) / name
            ask_save_file(
                self.window,
                self.tr("Kopie opslaan als"),
                suggested,
                self.tr("Tafelronde-sessies (*.tafelronde)"),
                SESSION_EXTENSION,
                self.save_copy,
            )
            return None
        if target.resolve() == self.window.controller.session_file.path.resolve():
            self.window.show_error(self.tr("Kies een andere naam dan die van de open sessie."))
            return None
        try:
            if target.exists():
                target.unlink()
            self.window.controller.session_file.backup_to(target)
        except (UserError, OSError) as error:
            language = self.window.language
            message = error.message(language) if isinstance(error, UserError) else str(error)
            self.window.show_error(message)
            return None
        self.window.statusBar().showMessage(
            self.tr("Kopie opgeslagen: {path}. Je werkt verder in het origineel.").format(
                path=str(target)
            ),
            10000,
        )
        return target

    def choose_table_laptop(self) -> QWidget | None:
        """File > "Deze laptop is tafel…" (Ctrl+Shift+T): ask which table, then its window.

        A slot of its own: ``triggered(checked)`` must never land in a table id.
        Returns the question (a :class:`TablePicker`, opened without blocking).
        """
        if self.window.controller is None:
            return None
        from PySide6.QtCore import Qt

        from desktop_app.ui.table_laptop import TablePicker

        tables = self.window.controller.session_file.tables()
        if not tables:
            self.window.show_error(
                self.tr("Deze sessie heeft nog geen tafels. Voeg ze toe bij 1 Voorbereiden.")
            )
            return None
        picker = TablePicker(tables, self.window.settings.get("table_laptop/table_id"), self.window)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(self.become_table_laptop)
        self.table_picker = picker
        picker.open()
        return picker

    def become_table_laptop(self, table_id: str) -> QWidget | None:
        """A focused scribe window for one table (its id)."""
        from PySide6.QtCore import Qt

        if self.window.controller is None or not isinstance(table_id, str) or not table_id:
            return None
        from desktop_app.ui.table_laptop import TableLaptopWindow

        self.window.settings.set("table_laptop/table_id", table_id)
        open_laptop = self.window.table_laptop_window
        if isinstance(open_laptop, TableLaptopWindow):
            # Another table in the same window: what is typed in its field stays.
            open_laptop.set_table(table_id)
            open_laptop.raise_()
            # After the question has closed and handed the keyboard back.
            QTimer.singleShot(0, open_laptop, open_laptop.activateWindow)
            return open_laptop
        window = TableLaptopWindow(self.window.controller, table_id)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.resize(self.window.size())
        window.destroyed.connect(lambda *_: self._forget_laptop_window(window))
        window.other_table_requested.connect(lambda: self._choose_table_from(window))
        self.window.table_laptop_window = window
        window.show()
        # After the question has closed and handed the keyboard back to the console.
        QTimer.singleShot(0, window, window.activateWindow)
        return window

    def _choose_table_from(self, laptop: QWidget) -> None:
        """ "Andere tafel…" in the laptop window: the same question, over that window."""
        if self.window.controller is None:
            return
        from PySide6.QtCore import Qt

        from desktop_app.ui.table_laptop import TablePicker

        picker = TablePicker(
            self.window.controller.session_file.tables(), getattr(laptop, "table_id", ""), laptop
        )
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(self.become_table_laptop)
        self.table_picker = picker
        picker.open()

    def ask_to_erase(self) -> None:
        """Sessie > Wissen na afloop: confirm, then remove the session and what belongs to it."""
        from desktop_app.ui.erase_session import ask_to_erase

        self.erase_dialog = ask_to_erase(self.window)

    def _forget_laptop_window(self, window: QWidget) -> None:
        if self.window.table_laptop_window is window:
            self.window.table_laptop_window = None

    def choose_and_open(self) -> None:
        from desktop_app.ui.file_dialogs import ask_open_file

        def chosen(path: Path) -> None:
            self.window.settings.set("last_folder", str(path.parent))
            self.open_session(path)

        ask_open_file(
            self.window,
            self.tr("Sessie openen"),
            start_folder(self.window.settings),
            self.tr("Tafelronde-sessies (*.tafelronde);;Uitwisselbestanden en sjablonen (*.json)"),
            chosen,
        )

    def open_recent(self, path: str, _checked: bool = False) -> None:
        self.open_session(Path(path))
