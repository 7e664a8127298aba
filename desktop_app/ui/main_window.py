"""The facilitator's console: six numbered phases on the left, the phase on the right.

The window owns no data: it holds a :class:`SessionController` for the open
session and rebuilds its pages when another session is opened. Errors caused
by the environment (a foreign file, a full disk, a file open elsewhere) arrive
as :class:`UserError` and are shown as one clear message; nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

# Only what the window needs to be on screen is imported here; dialogs and the
# ``Qt`` namespace (whose 100+ enums take 15 ms to create) are imported where used,
# so the first paint at start-up does not wait for them.
from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core.errors import UserError
from desktop_app.storage.file_format import SESSION_EXTENSION
from desktop_app.ui import palette
from desktop_app.ui.look import icon as load_icon
from desktop_app.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QSplitter

    # Imported where used: the window is on screen before the session layer loads.
    from desktop_app.storage.session_file import Change, SessionFile
    from desktop_app.storage.templates import Template
    from desktop_app.ui.controller import SessionController
    from desktop_app.ui.pages.base import Page
    from desktop_app.ui.readiness import ReadinessGate
    from desktop_app.ui.session_safety import SessionSafety
    from desktop_app.ui.start_page import StartPage

PageFactory = Callable[["SessionController"], "Page"]
_FOCUS_RETURNS = "tafelronde.focusReturnsToConsole"
_TITLE_ROLE = 0x0101  # Qt.ItemDataRole.UserRole + 1 (Qt itself is imported where used)
#: Below this width of the console (beside an open beamer panel) the phase list shows
#: its icons and numbers only, so a 1024x768 screen leaves room for the page.
COMPACT_NAV_BELOW = 1000
NAV_WIDTH, COMPACT_NAV_WIDTH = 220, 84


class ConsoleWindow(QMainWindow):
    """The main window. ``page_factories`` builds the six phase pages for a session."""

    session_opened = Signal(object)  # SessionController
    session_closed = Signal()
    session_closing = Signal()  # before the file closes: the room network stops then

    def __init__(
        self,
        settings: Settings,
        page_factories: list[tuple[str, str, PageFactory]],
        *,
        language: str = "nl",
        opening: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``opening``: the name of a session about to be opened (see :meth:`show_opening`);
        without it the window starts on the start page."""
        super().__init__(parent)
        self.settings = settings
        self.language = language
        self.controller: SessionController | None = None
        self._page_factories = page_factories
        self._built: list[bool] = []
        self.setObjectName("console")
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(960, 640))

        self.screens = QStackedWidget()
        self.screens.setObjectName("screens")
        self._start_page: StartPage | None = None  # built when first shown
        self._safety: SessionSafety | None = None  # made when a session is first opened
        central = QWidget()
        self.console_area = central
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.phase_nav = QListWidget()
        self.phase_nav.setObjectName("phaseNav")
        self.phase_nav.setFixedWidth(NAV_WIDTH)
        self._compact_nav = False
        central.installEventFilter(self)
        self.phase_nav.ensurePolished()  # styled row heights before items are added
        self.phase_nav.setHorizontalScrollBarPolicy(
            self.phase_nav.horizontalScrollBarPolicy().ScrollBarAlwaysOff
        )
        self.stack = QStackedWidget()
        self.stack.setObjectName("phaseStack")
        row.addWidget(self.phase_nav)
        row.addWidget(self.stack, 1)
        self.screens.addWidget(central)
        self.setCentralWidget(self.screens)
        self.table_laptop_window: QWidget | None = None
        self._readiness: ReadinessGate | None = None
        self.phase_nav.currentRowChanged.connect(self._show_phase)

        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)

        self._build_actions()
        self._build_menus()
        self._update_title()
        self._set_session_actions_enabled(False)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._focus_moved)
        if opening is None:
            self.show_start_page()
        else:
            self.show_opening(opening)

    @property
    def start_page(self) -> StartPage:
        """Templates, recent sessions and the demo; built the first time it is needed."""
        if self._start_page is None:
            from desktop_app.ui.start_page import StartPage

            page = StartPage(self.language)
            page.template_chosen.connect(self.new_session_from_template)
            page.open_requested.connect(self.choose_and_open)
            page.recent_chosen.connect(self._open_recent)
            page.demo_requested.connect(self.open_demo)
            self.screens.addWidget(page)
            self._start_page = page
        return self._start_page

    @property
    def safety(self) -> SessionSafety:
        """Backups, damaged files, sync folders (see :mod:`desktop_app.ui.session_safety`)."""
        if self._safety is None:
            from desktop_app.ui.session_safety import SessionSafety

            self._safety = SessionSafety(self)
        return self._safety

    def _focus_moved(self, window: QWindow | None) -> None:
        """When one of our dialogs closes, the console takes the keyboard back.

        A window manager does this by itself; without one (a kiosk set-up, a bare X
        server) the keys typed after closing a dialog would go nowhere, while Qt
        still counts the closed dialog as the focus window.
        """
        mine = self.windowHandle()
        if (
            mine is None  # not shown yet: parentless windows would all look like ours
            or window is None
            or window is mine
            or window.transientParent() is not mine
            or window.property(_FOCUS_RETURNS)
        ):
            return
        window.setProperty(_FOCUS_RETURNS, True)
        window.visibleChanged.connect(self._dialog_visible)

    def _dialog_visible(self, visible: bool) -> None:
        if not visible:
            QTimer.singleShot(0, self._take_focus_back)

    def _take_focus_back(self) -> None:
        if not self.isVisible() or self._another_dialog_is_open():
            return  # e.g. the template picker closed and the new-session dialog opened
        focus = QGuiApplication.focusWindow()
        if focus is None or focus is self.windowHandle() or not focus.isVisible():
            self.activateWindow()

    def _another_dialog_is_open(self) -> bool:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible():
            return True
        mine = self.windowHandle()
        return any(
            window.isVisible() and window.transientParent() is mine
            for window in QGuiApplication.topLevelWindows()
            if window is not mine
        )

    # ------------------------------------------------------------ actions
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding the platform has for it
        elif shortcut is not None:
            # A list, not setShortcut(): that overload creates the whole Qt namespace.
            action.setShortcuts([QKeySequence(shortcut)])
        if icon is not None:
            action.setIcon(load_icon(icon))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("&Nieuwe sessie…"),
            self.choose_template,
            QKeySequence.StandardKey.New,
            "file-plus",
        )
        self.save_copy_action = self._action(
            self.tr("&Kopie opslaan als…"), self.save_copy, "Ctrl+Shift+S", "copy"
        )
        self.restore_action = self._action(
            self.tr("&Herstellen uit reservekopie…"),
            lambda: self.safety.choose_backup(),
            None,
            "history",
        )
        self.table_laptop_action = self._action(
            self.tr("Deze laptop is &tafel…"), self.choose_table_laptop, "Ctrl+Shift+T", "table"
        )
        self.demo_action = self._action(
            self.tr("&Demo openen"), self.open_demo, None, "presentation"
        )
        self.settings_action = self._action(
            self.tr("&Instellingen…"),
            self.show_settings,
            QKeySequence.StandardKey.Preferences,
            "settings",
        )
        self.open_action = self._action(
            self.tr("&Openen…"), self.choose_and_open, QKeySequence.StandardKey.Open, "folder-open"
        )
        self.import_action = self._action(
            self.tr("&Importeren…"), self.choose_and_import, "Ctrl+I", "upload"
        )
        self.export_json_action = self._action(
            self.tr("Exporteren als &uitwisselbestand…"),
            self.export_json,
            "Ctrl+Shift+E",
            "download",
        )
        self.export_xlsx_action = self._action(
            self.tr("Exporteren naar &Excel…"), self.export_xlsx, "Ctrl+E", "file-spreadsheet"
        )
        self.export_pdf_action = self._action(
            self.tr("&Oogstverslag (PDF)…"), self.export_pdf, "Ctrl+P", "file-text"
        )
        self.close_action = self._action(
            self.tr("Sessie &sluiten"), self.close_session, QKeySequence.StandardKey.Close
        )
        self.erase_action = self._action(
            self.tr("&Wissen na afloop…"), self.ask_to_erase, None, "trash-2"
        )
        self.room_action = self._action(self.tr("&Zaal online…"), self.show_room, None, "users")
        self.quit_action = self._action(
            self.tr("&Afsluiten"), self.close, QKeySequence.StandardKey.Quit
        )
        self.undo_action = self._action(
            self.tr("&Ongedaan maken"), self._undo, QKeySequence.StandardKey.Undo, "undo-2"
        )
        self.redo_action = self._action(self.tr("&Opnieuw"), self._redo, "Ctrl+Shift+Z", "redo-2")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.readiness_action = self._action(
            self.tr("&Klaar voor de zaal?…"), self.show_readiness, None, "list-checks"
        )
        self.shortcuts_action = self._action(
            self.tr("&Sneltoetsen"), self.show_shortcuts, "F1", "help-circle"
        )
        self.phase_actions: list[QAction] = []
        for index in range(6):
            action = self._action(
                self.tr("Fase {n}").format(n=index + 1),
                # triggered(bool) passes "checked": after the row, never in its place.
                partial(self.go_to_phase, index),
                f"Ctrl+{index + 1}",
            )
            self.phase_actions.append(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Bestand"))
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu(self.tr("&Recent geopend"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
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

    def _set_session_actions_enabled(self, enabled: bool) -> None:
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
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        controller = self.controller
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

    def _undo(self) -> None:
        if self.controller is not None:
            self.controller.undo()

    def _redo(self) -> None:
        if self.controller is not None:
            self.controller.redo()

    # ----------------------------------------------------------- sessions
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
        if self.safety.asks_about_location(path):
            return False  # a sync folder or share: the answer opens it (or a copy)
        from desktop_app.storage.session_file import SessionFile

        try:
            session_file = SessionFile.open(path)
        except UserError as error:
            self.safety.refused(path, error)  # damaged: its backup; read-only: a copy here
            return False
        self.set_session(session_file)
        self.settings.add_recent(str(path))
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
            self.show_error(error.message(self.language))
        except OSError as error:
            self.show_error(str(error))
        return None

    def choose_template(self) -> None:
        """Ctrl+N: pick a template, then title, date and folder."""
        from PySide6.QtWidgets import QInputDialog

        from desktop_app.storage.templates import list_templates

        templates = list_templates(self.language)
        names = [t.name for t in templates]
        # Opened, not run in a loop of its own: the console stays live (the beamer's
        # countdown goes on) and the keyboard drives it as every other dialog.
        dialog = QInputDialog(self)
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
        dialog = NewSessionDialog(template, folder, self)
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
            self.show_error(error.message(self.language))
            return False
        except OSError as error:
            self.show_error(str(error))
            return False
        if not self.open_session(target):
            return False
        self.phase_nav.setCurrentRow(0)
        return True

    def open_demo(self) -> bool:
        """Open a fresh copy of the demo session (the shipped file is never changed)."""
        from desktop_app.storage.demo import create_demo_copy

        try:
            path = create_demo_copy()
        except UserError as error:
            self.show_error(error.message(self.language))
            return False
        return self.open_session(path)

    def save_copy(self, target: Path | None = None) -> Path | None:
        """A consistent copy of the open session (SQLite's backup API) under another name.

        Without ``target`` (the menu) ask where; the copy is written when chosen.
        """
        if self.controller is None:
            return None
        if not isinstance(target, Path):
            from desktop_app.ui.file_dialogs import ask_save_file

            source = self.controller.session_file.path
            suggested = Path(self._start_folder()) / f"{source.stem} (kopie){SESSION_EXTENSION}"
            ask_save_file(
                self,
                self.tr("Kopie opslaan als"),
                suggested,
                self.tr("Tafelronde-sessies (*.tafelronde)"),
                SESSION_EXTENSION,
                self.save_copy,
            )
            return None
        if target.resolve() == self.controller.session_file.path.resolve():
            self.show_error(self.tr("Kies een andere naam dan die van de open sessie."))
            return None
        try:
            if target.exists():
                target.unlink()
            self.controller.session_file.backup_to(target)
        except (UserError, OSError) as error:
            message = error.message(self.language) if isinstance(error, UserError) else str(error)
            self.show_error(message)
            return None
        self.statusBar().showMessage(
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
        if self.controller is None:
            return None
        from PySide6.QtCore import Qt

        from desktop_app.ui.table_laptop import TablePicker

        tables = self.controller.session_file.tables()
        if not tables:
            self.show_error(
                self.tr("Deze sessie heeft nog geen tafels. Voeg ze toe bij 1 Voorbereiden.")
            )
            return None
        picker = TablePicker(tables, self.settings.get("table_laptop/table_id"), self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(self.become_table_laptop)
        self.table_picker = picker
        picker.open()
        return picker

    def become_table_laptop(self, table_id: str) -> QWidget | None:
        """A focused scribe window for one table (its id)."""
        from PySide6.QtCore import Qt

        if self.controller is None or not isinstance(table_id, str) or not table_id:
            return None
        from desktop_app.ui.table_laptop import TableLaptopWindow

        self.settings.set("table_laptop/table_id", table_id)
        if isinstance(self.table_laptop_window, TableLaptopWindow):
            # Another table in the same window: what is typed in its field stays.
            self.table_laptop_window.set_table(table_id)
            self.table_laptop_window.raise_()
            # After the question has closed and handed the keyboard back.
            QTimer.singleShot(0, self.table_laptop_window, self.table_laptop_window.activateWindow)
            return self.table_laptop_window
        window = TableLaptopWindow(self.controller, table_id)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.resize(self.size())
        window.destroyed.connect(lambda *_: self._forget_laptop_window(window))
        window.other_table_requested.connect(lambda: self._choose_table_from(window))
        self.table_laptop_window = window
        window.show()
        # After the question has closed and handed the keyboard back to the console.
        QTimer.singleShot(0, window, window.activateWindow)
        return window

    def _choose_table_from(self, laptop: QWidget) -> None:
        """ "Andere tafel…" in the laptop window: the same question, over that window."""
        if self.controller is None:
            return
        from PySide6.QtCore import Qt

        from desktop_app.ui.table_laptop import TablePicker

        picker = TablePicker(
            self.controller.session_file.tables(), getattr(laptop, "table_id", ""), laptop
        )
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(self.become_table_laptop)
        self.table_picker = picker
        picker.open()

    def ask_to_erase(self) -> None:
        """Sessie > Wissen na afloop: confirm, then remove the session and what belongs to it."""
        from desktop_app.ui.erase_session import ask_to_erase

        self.erase_dialog = ask_to_erase(self)

    def _forget_laptop_window(self, window: QWidget) -> None:
        if self.table_laptop_window is window:
            self.table_laptop_window = None

    def readiness_gate(self) -> ReadinessGate:
        """The "Klaar voor de zaal?" check (made when first needed, not at start-up)."""
        if self._readiness is None:
            from desktop_app.ui.readiness import ReadinessGate

            self._readiness = ReadinessGate(self)
        return self._readiness

    def show_readiness(self) -> None:
        """View > "Klaar voor de zaal?…": what to look at before the room sees it."""
        if self.controller is not None:
            self.readiness_gate().show_all()

    def show_room(self) -> None:
        """Sessie > Zaal online…: phones join over the venue's network (ui/room)."""
        from desktop_app.ui.room import show_room

        show_room(self)

    def show_settings(self) -> None:
        from desktop_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        self.settings_dialog = dialog
        dialog.open()

    def set_session(self, session_file: SessionFile) -> None:
        from desktop_app.ui.controller import SessionController

        self.close_session()
        controller = SessionController(session_file, language=self.language, parent=self)
        self.controller = controller
        controller.changed.connect(self._on_change)
        controller.error.connect(self._not_saved)
        controller.error.connect(self.show_error)
        controller.history_changed.connect(self._update_undo_actions)
        self.safety.session_opened(controller)
        # Pages are built when first shown: opening a session costs only the phase
        # that is on screen (a placeholder holds each other place in the stack).
        self._clear_phases()
        self._built = [False] * len(self._page_factories)
        for _title, _icon, _factory in self._page_factories:
            self.stack.addWidget(QWidget())
        self._fill_phase_nav()
        phase = session_file.state("phase", 0)
        # Builds that phase's page, which restores its splitters.
        self.phase_nav.setCurrentRow(phase if isinstance(phase, int) and 0 <= phase < 6 else 0)
        self.screens.setCurrentWidget(self.console_area)
        self._place_focus(self.stack.currentWidget(), chosen=True)
        self._set_session_actions_enabled(True)
        self._update_title()
        self.saved_label.setText(self.tr("Alles is opgeslagen"))
        self.session_opened.emit(controller)

    def close_session(self) -> None:
        if self.controller is None:
            return
        self.session_closing.emit()
        self.save_splitters()
        if self.table_laptop_window is not None:
            self.table_laptop_window.close()
            self.table_laptop_window = None
        # Windows that write to this session (the voting kiosk) close with it.
        for widget in QApplication.topLevelWidgets():
            if widget.property("closesWithSession") and widget.isVisible():
                widget.close()
        controller, self.controller = self.controller, None
        self.safety.session_closed()
        self._clear_phases()
        controller.close()
        controller.deleteLater()
        self._set_session_actions_enabled(False)
        self._update_title()
        self.show_start_page()
        self.session_closed.emit()

    def _clear_phases(self) -> None:
        """Empty the phase list and the page stack (nothing may touch a closed file)."""
        self.phase_nav.blockSignals(True)
        self.phase_nav.clear()
        self.phase_nav.blockSignals(False)
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            # Hidden and parentless until deleted: no page may touch the closed file.
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()

    def _fill_phase_nav(self) -> None:
        self.phase_nav.blockSignals(True)
        for number, (title, icon_name, _factory) in enumerate(self._page_factories, start=1):
            item = QListWidgetItem(str(number) if self._compact_nav else title)
            item.setData(_TITLE_ROLE, title)
            item.setToolTip(title.replace("  ", " "))
            item.setIcon(load_icon(icon_name, palette.MUTED, selected_color="#FFFFFF"))
            self.phase_nav.addItem(item)
        self.phase_nav.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.console_area and event.type() == QEvent.Type.Resize:
            self._fit_phase_nav()
        return super().eventFilter(watched, event)

    def _fit_phase_nav(self) -> None:
        """Numbers and icons only when the console is narrow (1024x768, beamer panel open)."""
        compact = self.console_area.width() < COMPACT_NAV_BELOW
        if compact == self._compact_nav:
            return
        self._compact_nav = compact
        self.phase_nav.setFixedWidth(COMPACT_NAV_WIDTH if compact else NAV_WIDTH)
        for row in range(self.phase_nav.count()):
            item = self.phase_nav.item(row)
            item.setText(str(row + 1) if compact else str(item.data(_TITLE_ROLE)))

    def show_opening(self, name: str) -> None:
        """The console as it is about to look, with "… wordt geopend" where the page goes.

        At start-up the window is painted with this first and the session file and
        its first page are opened right after, so the window is there at once.
        """
        self._clear_phases()
        self._fill_phase_nav()
        note = QLabel(self.tr("{name} wordt geopend…").format(name=name))
        note.setObjectName("openingNote")  # centred by the stylesheet
        self.stack.addWidget(note)
        self.screens.setCurrentWidget(self.console_area)

    def show_start_page(self) -> None:
        """Templates, recent sessions and the demo; no session is open."""
        if self.controller is None:
            self._clear_phases()  # the note of show_opening
        self.start_page.set_recent(
            [p for p in self.settings.get("recent_files") if Path(p).exists()]
        )
        self.screens.setCurrentWidget(self.start_page)
        self.saved_label.setText("")

    def page(self, row: int) -> QWidget:
        """The page of phase ``row`` (0-5), built now if it was not yet."""
        if self.controller is not None and not self._built[row]:
            _title, _icon, factory = self._page_factories[row]
            page = factory(self.controller)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[row] = True
            page.readiness = self.readiness_gate()  # type: ignore[attr-defined]
            self.restore_splitters(page)
        return self.stack.widget(row)

    def _show_phase(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(row)
        self.stack.setCurrentIndex(row)
        self._place_focus(page)
        if self.controller is not None and self.controller.session_file.state("phase") != row:
            self.controller.run_unrecorded(
                lambda: self.controller and self.controller.session_file.set_state("phase", row)
            )
            self.safety.phase_changed()  # a backup when there were changes

    def go_to_phase(self, row: int, _checked: bool = False) -> None:
        """Ctrl+1 … Ctrl+6: that phase, with the keyboard in its input field."""
        self.phase_nav.setCurrentRow(row)
        self._place_focus(self.stack.widget(row), chosen=True)

    def _place_focus(self, page: QWidget | None, *, chosen: bool = False) -> None:
        """Where the keyboard goes when a phase is shown.

        ``chosen`` (by shortcut, or on opening a session): to the page's first field,
        or to the phase list if it has none. Otherwise only when the focus went with
        the page that was hidden (Qt then hands it to the next widget, often a button
        the next space bar would press): to the phase list. Arrowing through the
        phase list keeps the keyboard there.
        """
        focus = QApplication.focusWidget()
        moved_by_qt = focus is None or not focus.isVisible() or self.stack.isAncestorOf(focus)
        if not chosen and not moved_by_qt:
            return
        first_field = getattr(page, "first_field", None)  # a Page (imported lazily)
        field = first_field() if callable(first_field) else None
        if chosen and field is not None and field.isVisible() and field.isEnabled():
            field.setFocus()
        else:
            self.phase_nav.setFocus()

    def _on_change(self, change: Change) -> None:
        self.saved_label.setText(
            self.tr("Opgeslagen {time}").format(time=QTime.currentTime().toString("HH:mm:ss"))
        )
        if change.session:
            self._update_title()

    def _not_saved(self, _message: str) -> None:
        """A change the file refused: the status line must not say everything is saved
        (what was typed stays in its field; the message says why)."""
        self.saved_label.setText(self.tr("Niet opgeslagen"))

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
        from desktop_app.ui.file_dialogs import ask_open_file

        def chosen(path: Path) -> None:
            self.settings.set("last_folder", str(path.parent))
            self.open_session(path)

        ask_open_file(
            self,
            self.tr("Sessie openen"),
            self._start_folder(),
            self.tr("Tafelronde-sessies (*.tafelronde);;Uitwisselbestanden en sjablonen (*.json)"),
            chosen,
        )

    def _open_recent(self, path: str, _checked: bool = False) -> None:
        self.open_session(Path(path))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.settings.get("recent_files") if Path(p).exists()]
        if not recent:
            action = self.recent_menu.addAction(self.tr("(nog niets)"))
            action.setEnabled(False)
        from desktop_app.ui.start_page import recent_label

        for path in recent:
            action = self.recent_menu.addAction(
                recent_label(path), partial(self._open_recent, path)
            )
            action.setToolTip(path)

    def choose_and_import(self) -> None:
        from desktop_app.ui.file_dialogs import ask_open_files

        ask_open_files(
            self,
            self.tr("Uitwisselbestanden importeren"),
            self._start_folder(),
            self.tr("Uitwisselbestanden (*.json)"),
            self.import_paths,
        )

    def import_paths(self, files: list[Path]) -> list[str]:
        """Import each file on its own; report per file what happened. Returns the lines."""
        if self.controller is None:
            return []
        from desktop_app.core.merge import Outcome
        from desktop_app.storage.exchange import import_document, read_exchange_file
        from desktop_app.ui.import_report import FileResult, ImportReportDialog

        lines: list[str] = []
        results: list[FileResult] = []
        self.safety.before_import()
        for path in files:
            try:
                document = read_exchange_file(path)
                report = import_document(self.controller.session_file, document, source=path.name)
            except UserError as error:
                reason = error.message(self.language)
                lines.append(
                    self.tr("{file}: geweigerd. {reason}").format(file=path.name, reason=reason)
                )
                results.append(FileResult(path.name, refused=reason))
                continue
            added, updated, unchanged = (
                report.total(Outcome.ADDED),
                report.total(Outcome.UPDATED),
                report.total(Outcome.UNCHANGED),
            )
            lines.append(
                self.tr(
                    "{file}: {added} toegevoegd, {updated} bijgewerkt, {unchanged} ongewijzigd"
                ).format(file=path.name, added=added, updated=updated, unchanged=unchanged)
            )
            results.append(FileResult(path.name, added, updated, unchanged))
        if lines:
            dialog = ImportReportDialog(results, self)
            dialog.open()
            self.import_report = dialog
            refused = sum(1 for r in results if r.refused)
            self.statusBar().showMessage(
                self.tr("Import: {ok} samengevoegd, {refused} geweigerd").format(
                    ok=len(results) - refused, refused=refused
                ),
                15000,
            )
        return lines

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not files:
            return
        event.acceptProposedAction()
        sessions = [f for f in files if f.suffix == SESSION_EXTENSION]
        if sessions:
            self.open_session(sessions[0])  # a session file is opened, not merged
        elif self.controller is None:
            self.open_session(files[0])
        else:
            self.import_paths(files)

    # -------------------------------------------------------------- export
    def _ask_target(
        self, caption: str, suffix: str, pattern: str, write: Callable[[Path], None]
    ) -> None:
        from desktop_app.ui.file_dialogs import ask_save_file

        if self.controller is None:
            return
        from desktop_app.storage.templates import safe_file_stem

        title = safe_file_stem(self.controller.session().title or self.tr("sessie"))
        suggested = Path(self._start_folder()) / f"{title}{suffix}"
        ask_save_file(self, caption, suggested, pattern, suffix, lambda p: self._export(p, write))

    def _export(self, target: Path | None, write: Callable[[Path], None]) -> None:
        if target is None:
            return
        try:
            write(target)
        except UserError as error:
            self.show_error(error.message(self.language))
            return
        self.settings.set("last_folder", str(target.parent))
        self.statusBar().showMessage(self.tr("Geëxporteerd: {path}").format(path=str(target)), 8000)

    def export_json(self, target: Path | None = None) -> None:
        """The exchange file; without ``target`` (the menu) ask where."""
        from desktop_app.storage.exchange import export_file

        if self.controller is None:
            return
        session_file = self.controller.session_file

        def write(path: Path) -> None:
            export_file(session_file, path)

        if isinstance(target, Path):
            self._export(target, write)
        else:
            self._ask_target(
                self.tr("Uitwisselbestand opslaan"),
                ".json",
                self.tr("Uitwisselbestanden (*.json)"),
                write,
            )

    def export_xlsx(self, target: Path | None = None) -> None:
        """The HR workbook; without ``target`` (the menu) ask where."""
        if self.controller is None:
            return
        controller = self.controller

        def write(path: Path) -> None:
            from desktop_app.export.workbook import write_workbook

            write_workbook(controller.snapshot(), path)

        if isinstance(target, Path):
            self._export(target, write)
        else:
            self.readiness_gate().before(
                "export",
                lambda: self._ask_target(
                    self.tr("Excel-werkmap opslaan"),
                    ".xlsx",
                    self.tr("Excel-werkmappen (*.xlsx)"),
                    write,
                ),
            )

    def export_pdf(self, target: Path | None = None) -> None:
        """The harvest report; without ``target`` (the menu) ask where."""
        if self.controller is None:
            return
        controller = self.controller

        def write(path: Path) -> None:
            from desktop_app.export.report import write_report

            write_report(controller.snapshot(), path)

        if isinstance(target, Path):
            self._export(target, write)
        else:
            self.readiness_gate().before(
                "export",
                lambda: self._ask_target(
                    self.tr("Oogstverslag opslaan"), ".pdf", self.tr("PDF-bestanden (*.pdf)"), write
                ),
            )

    # ---------------------------------------------------------- messages
    def show_error(self, message: str) -> None:
        """One clear message; nothing has changed."""
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().showMessage(message, 15000)
        box = QMessageBox(
            QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorMessage")
        box.open()
        self.last_error = box

    def show_shortcuts(self) -> None:
        from desktop_app.ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.actions(), self)
        self.shortcuts_dialog = dialog
        dialog.open()

    # ------------------------------------------------------- window state
    def restore_window_state(self) -> None:
        geometry = self.settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            # First start: use most of the laptop's screen, centred.
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is not None:
                area = screen.availableGeometry()
                width = max(self.minimumWidth(), int(area.width() * 0.92))
                height = max(self.minimumHeight(), int(area.height() * 0.92))
                self.resize(min(width, area.width()), min(height, area.height()))
                frame = self.frameGeometry()
                frame.moveCenter(area.center())
                self.move(frame.topLeft())
        state = self.settings.get("window/state")
        if not state.isEmpty():
            self.restoreState(state)

    def _splitters(self, within: QWidget | None = None) -> list[QSplitter]:
        from PySide6.QtWidgets import QSplitter

        return [s for s in (within or self.stack).findChildren(QSplitter) if s.objectName()]

    def save_splitters(self) -> None:
        """Remember every named splitter of the phase pages (base64 of saveState)."""
        stored = dict(self.settings.get("window/splitters"))
        for splitter in self._splitters():
            stored[splitter.objectName()] = bytes(splitter.saveState().toBase64().data()).decode(
                "ascii"
            )
        self.settings.set("window/splitters", stored)

    def restore_splitters(self, within: QWidget) -> None:
        """Give the named splitters of ``within`` (a page just built) their remembered sizes."""
        stored = self.settings.get("window/splitters")
        for splitter in self._splitters(within):
            value = stored.get(splitter.objectName())
            if isinstance(value, str) and value:
                splitter.restoreState(QByteArray.fromBase64(value.encode("ascii")))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.save_splitters()
        self.settings.sync()
        self.close_session()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_title()
        super().changeEvent(event)
