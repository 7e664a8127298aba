"""Fixtures the GUI tests share: settings in the tmp dir, the controller on the demo,
a page shown at a size, the console window on a session file, and the Dutch plural forms.

The console's tests run with the Dutch plural forms loaded, as the app does: our strings
are Dutch; Qt picks "1 voorstel" or "2 voorstellen" for ``tr("%n voorstel(len)", "", n)``
only from a translation, so the app loads ``tafelronde_nl.qm`` (plural forms only) for
Dutch. Without it every count would read "voorstel(len)".
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app import paths
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.console import phases
from desktop_app.ui.controller import SessionController
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.settings import Settings

W = TypeVar("W", bound=QWidget)


@pytest.fixture(autouse=True, scope="session")
def dutch_plural_forms(qapp: QApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(paths.resource("translations/tafelronde_nl.qm")))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The app's settings in an ini file in the test's tmp dir (never the user's)."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def controller(demo_session: SessionFile) -> SessionController:
    """The GUI's controller on a fresh copy of the demo session."""
    return SessionController(demo_session)


@pytest.fixture
def show(qtbot: QtBot) -> Callable[[W, int, int], W]:
    """Show a widget at a size and wait until it is on screen; returns it."""

    def shown(widget: W, width: int, height: int) -> W:
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return shown


@pytest.fixture
def open_console(
    qtbot: QtBot, settings: Settings
) -> Iterator[Callable[[Path, int], ConsoleWindow]]:
    """Open the console window on a session file at a phase, active, 1280x800."""
    windows: list[ConsoleWindow] = []

    def open_at(path: Path, phase: int) -> ConsoleWindow:
        console = ConsoleWindow(settings, phases())
        qtbot.addWidget(console)
        console.resize(1280, 800)
        console.show()
        console.activateWindow()
        qtbot.waitUntil(console.isActiveWindow)
        assert console.open_session(path)
        console.phase_nav.setCurrentRow(phase)
        windows.append(console)
        return console

    yield open_at
    for console in windows:
        console.close()


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    """Where a test saves the screens it renders, to be looked at: its own tmp dir,
    or the folder ``TAFELRONDE_ARTIFACTS`` names when a developer sets it."""
    chosen = os.environ.get("TAFELRONDE_ARTIFACTS")
    folder = Path(chosen) if chosen else tmp_path / "artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
