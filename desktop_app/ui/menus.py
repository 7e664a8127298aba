"""The console's menus and their actions (File, Session, Edit, View, Help).

Every action is added to the console window as well, so its shortcut works
wherever the keyboard is in the window, and F1 lists them all. What an action
does lives with the collaborator that owns it: sessions (session_actions.py),
import and export (import_export_actions.py), or the window itself.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from desktop_app.ui.look import icon as load_icon

if TYPE_CHECKING:
    from desktop_app.ui.console_host import ConsoleHost
    from desktop_app.ui.import_export_actions import ImportExportActions
    from desktop_app.ui.session_actions import SessionActions
    from desktop_app.ui.session_safety import SessionSafety


class ConsoleMenus(QObject):
    """Builds the console's actions and menu bar, and keeps them enabled and named."""

    def __init__(
        self,
        window: ConsoleHost,
        sessions: SessionActions,
        files: ImportExportActions,
        safety: Callable[[], SessionSafety],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.sessions = sessions
        self.files = files
        self._safety = safety
        self._build_actions()
        self._build_menus()

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: str | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding the platform has for it
        elif shortcut is not None:
            # A list, not setShortcut(): that overload creates the whole Qt namespace.
            action.setShortcuts([QKeySequence(shortcut)])
        if icon is not None:
            action.setIcon(load_icon(icon))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("&Nieuwe sessie…"),
            self.sessions.choose_template,
            QKeySequence.StandardKey.New,
            "file-plus",
        )
        self.save_copy_action = self._action(
            self.tr("&Kopie opslaan als…"), self.sessions.save_copy, "Ctrl+Shift+S", "copy"
        )
        self.restore_action = self._action(
            self.tr("&Herstellen uit reservekopie…"),
            lambda: self._safety().choose_backup(),
            None,
            "history",
        )
        self.table_laptop_action = self._action(
            self.tr("Deze laptop is &tafel…"),
            self.sessions.choose_table_laptop,
            "Ctrl+Shift+T",
            "table",
        )
        self.demo_action = self._action(
            self.tr("&Demo openen"), self.sessions.open_demo, None, "presentation"
        )
        self.settings_action = self._action(
            self.tr("&Instellingen…"),
            self.window.show_settings,
            QKeySequence.StandardKey.Preferences,
            "settings",
        )
        self.open_action = self._action(
            self.tr("&Openen…"),
            self.sessions.choose_and_open,
            QKeySequence.StandardKey.Open,
            "folder-open",
        )
        self.import_action = self._action(
            self.tr("&Importeren…"), self.files.choose_and_import, "Ctrl+I", "upload"
        )
        self.export_json_action = self._action(
            self.tr("Exporteren als &uitwisselbestand…"),
            self.files.export_json,
            "Ctrl+Shift+E",
            "download",
        )
        self.export_xlsx_action = self._action(
            self.tr("Exporteren naar &Excel…"), self.files.export_xlsx, "Ctrl+E", "file-spreadsheet"
        )
        self.export_pdf_action = self._action(
            self.tr("&Oogstverslag (PDF)…"), self.files.export_pdf, "Ctrl+P", "file-text"
        )
        self.close_action = self._action(
            self.tr("Sessie &sluiten"), self.window.close_session, QKeySequence.StandardKey.Close
        )
        self.erase_action = self._action(
            self.tr("&Wissen na afloop…"), self.sessions.ask_to_erase, None, "trash-2"
        )
        self.room_action = self._action(
            self.tr("&Zaal online…"), self.window.show_room, None, "users"
        )
        self.quit_action = self._action(
            self.tr("&Afsluiten"), self.window.close, QKeySequence.StandardKey.Quit
        )
        self.undo_action = self._action(
            self.tr("&Ongedaan maken"), self.undo, QKeySequence.StandardKey.Undo, "undo-2"
        )
        self.redo_action = self._action(self.tr("&Opnieuw"), self.redo, "Ctrl+Shift+Z", "redo-2")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.readiness_action = self._action(
            self.tr("&Klaar voor de zaal?…"), self.window.show_readiness, None, "list-checks"
        )
        self.shortcuts_action = self._action(
            self.tr("&Sneltoetsen"), self.window.show_shortcuts, "F1", "help-circle"
        )
        self.phase_actions: list[QAction] = []
        for index in range(6):
            action = self._action(
                self.tr("Fase {n}").format(n=index + 1),
                # triggered(bool) passes "checked": after the row, never in its place.
                partial(self.window.go_to_phase, index),
                f"Ctrl+{index + 1}",
            )
            self.phase_actions.append(action)

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Bestand"))
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu(self.tr("&Recent geopend"))
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.file_menu.addAction(self.demo_action)
        self.file_menu.addAction(self.save_copy_action)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.table_laptop_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_json_action)
        self.file_menu.addAction(self.export_xlsx_action)
        self.file_menu.addAction(self.export_pdf_action)
        self.file_menu.addSeparator()
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.file_menu.addAction(self.quit_action)
        # No underlined letter: S, e and i lead to fields on the phase pages already
        # (Alt, then the arrow keys, reaches it).
        self.session_menu = bar.addMenu(self.tr("Sessie"))
        self.session_menu.addAction(self.room_action)
        self.session_menu.addAction(self.erase_action)
        self.edit_menu = bar.addMenu(self.tr("Be&werken"))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.view_menu = bar.addMenu(self.tr("Bee&ld"))
        for action in self.phase_actions:
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.readiness_action)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.shortcuts_action)

    def set_session_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.import_action,
            self.export_json_action,
            self.export_xlsx_action,
            self.export_pdf_action,
            self.close_action,
            self.erase_action,
            self.room_action,
            self.save_copy_action,
            self.restore_action,
            self.table_laptop_action,
            self.readiness_action,
            *self.phase_actions,
        ):
            action.setEnabled(enabled)
        self.update_undo_actions()

    def update_undo_actions(self) -> None:
        controller = self.window.controller
        can_undo = bool(controller and controller.can_undo())
        can_redo = bool(controller and controller.can_redo())
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setText(
            self.tr("&Ongedaan maken: {what}").format(what=controller.undo_text())
            if controller is not None and can_undo
            else self.tr("&Ongedaan maken")
        )
        self.redo_action.setText(
            self.tr("&Opnieuw: {what}").format(what=controller.redo_text())
            if controller is not None and can_redo
            else self.tr("&Opnieuw")
        )

    def undo(self) -> None:
        if self.window.controller is not None:
            self.window.controller.undo()

    def redo(self) -> None:
        if self.window.controller is not None:
            self.window.controller.redo()

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.window.settings.get("recent_files") if Path(p).exists()]
        if not recent:
            action = self.recent_menu.addAction(self.tr("(nog niets)"))
            action.setEnabled(False)
        from desktop_app.ui.start_page import recent_label

        for path in recent:
            action = self.recent_menu.addAction(
                recent_label(path), partial(self.sessions.open_recent, path)
            )
            action.setToolTip(path)
