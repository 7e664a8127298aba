"""The facilitator's console: six numbered phases on the left, the phase on the right.

The window owns no data: it holds a :class:`SessionController` for the open
session and rebuilds its pages when another session is opened. Errors caused
by the environment (a foreign file, a full disk, a file open elsewhere) arrive
as :class:`UserError` and are shown as one clear message; nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# Only what the window needs to be on screen is imported here; dialogs and the
# ``Qt`` namespace (whose 100+ enums take 15 ms to create) are imported where used,
# so the first paint at start-up does not wait for them.
from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, QTime, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.storage.file_format import SESSION_EXTENSION
from desktop_app.ui import palette
from desktop_app.ui.console_host import ConsoleHost
from desktop_app.ui.import_export_actions import ImportExportActions
from desktop_app.ui.look import icon as load_icon
from desktop_app.ui.menus import ConsoleMenus
from desktop_app.ui.session_actions import SessionActions
from desktop_app.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QSplitter

    # Imported where used: the window is on screen before the session layer loads.
    from desktop_app.storage.session_file import Change, SessionFile
    from desktop_app.ui.beamer import Beamer
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


class ConsoleWindow(ConsoleHost):
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
        self.beamer: Beamer | None = None  # the beamer window and its panel (console.py)
        self._readiness: ReadinessGate | None = None
        self.phase_nav.currentRowChanged.connect(self._show_phase)

        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)

        # Collaborators: sessions, import/export and the menus (see console_host.py).
        self.sessions = SessionActions(self, lambda: self.safety)
        self.import_export = ImportExportActions(self, lambda: self.safety, self.readiness_gate)
        self.menus = ConsoleMenus(self, self.sessions, self.import_export, lambda: self.safety)
        self._update_title()
        self.menus.set_session_actions_enabled(False)
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
            page.template_chosen.connect(self.sessions.new_session_from_template)
            page.open_requested.connect(self.sessions.choose_and_open)
            page.recent_chosen.connect(self.sessions.open_recent)
            page.demo_requested.connect(self.sessions.open_demo)
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

    # ----------------------------------------------------------- sessions
    # ----------------------------------------------------------- sessions
    def open_session(self, path: Path) -> bool:
        """Open a session file (or an exchange file as a new session); see SessionActions."""
        return self.sessions.open_session(path)

    def open_demo(self) -> bool:
        """Open a fresh copy of the demo session; see SessionActions."""
        return self.sessions.open_demo()

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
        controller.history_changed.connect(self.menus.update_undo_actions)
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
        self.menus.set_session_actions_enabled(True)
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
        self.menus.set_session_actions_enabled(False)
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
            assert widget is not None  # count() > 0
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
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._built[row] = True
            page.readiness = self.readiness_gate()
            self.restore_splitters(page)
        shown = self.stack.widget(row)
        assert shown is not None  # one page per phase
        return shown

    def _show_phase(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(row)
        self.stack.setCurrentIndex(row)
        self._place_focus(page)
        controller = self.controller
        if controller is not None and controller.session_file.state("phase") != row:
            controller.run_unrecorded(lambda: controller.session_file.set_state("phase", row))
            self.safety.phase_changed()  # a backup when there were changes

    def select_phase(self, row: int) -> None:
        """Show phase ``row`` as a click in the phase list would."""
        self.phase_nav.setCurrentRow(row)

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
            self.import_export.import_paths(files)

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
