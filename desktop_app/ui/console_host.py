"""What the console window's collaborators may use of it.

The console (:class:`~desktop_app.ui.main_window.ConsoleWindow`) delegates
sessions (session_actions.py), import and export (import_export_actions.py),
its menus (menus.py), backups and damaged files (session_safety.py), the
readiness check (readiness.py) and erasing (erase_session.py) to collaborators.
They get the window typed as this base class, so none of them imports the
window's module, and the window's module imports them: the import graph has no
cycle. At run time this class adds nothing to QMainWindow.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.storage.session_file import SessionFile
    from desktop_app.ui.controller import SessionController
    from desktop_app.ui.settings import Settings


class ConsoleHost(QMainWindow):
    """The console window as its collaborators see it (ConsoleWindow implements it)."""

    if TYPE_CHECKING:
        settings: Settings
        language: str
        controller: SessionController | None
        #: The focused scribe window of "Deze laptop is tafel…", while it is open.
        table_laptop_window: QWidget | None

        def open_session(self, path: Path) -> bool: ...
        def set_session(self, session_file: SessionFile) -> None: ...
        def close_session(self) -> None: ...
        def show_start_page(self) -> None: ...
        def show_error(self, message: str) -> None: ...
        def go_to_phase(self, row: int, _checked: bool = False) -> None: ...
        def page(self, row: int) -> QWidget: ...
        def select_phase(self, row: int) -> None: ...
        def show_settings(self) -> None: ...
        def show_readiness(self) -> None: ...
        def show_room(self) -> None: ...
        def show_shortcuts(self) -> None: ...
