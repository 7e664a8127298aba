"""Start the GUI: Qt application, language, look, the console window and a session.

``tafelronde-gui`` (no console window on Windows) and ``tafelronde [SESSION] |
--demo`` both end here.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import APP_NAME, __version__, paths
from desktop_app.core.errors import UserError
from desktop_app.ui.settings import Settings


def choose_language(settings: Settings, requested: str | None) -> str:
    """nl or en: the command line, else the setting, else the system (Dutch unless English)."""
    if requested in ("nl", "en"):
        return requested
    chosen = settings.get("language")
    if chosen in ("nl", "en"):
        return str(chosen)
    return "en" if QLocale.system().language() == QLocale.Language.English else "nl"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our own strings (written in Dutch) and Qt's own dialogs, in the chosen language."""
    translators: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_translator)
        translators.append(qt_translator)
    if language == "en":
        ours = QTranslator(app)
        if ours.load(str(paths.resource("translations/tafelronde_en.qm"))):
            app.installTranslator(ours)
            translators.append(ours)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Dutch if language == "nl" else QLocale.Language.English,
            QLocale.Country.Netherlands if language == "nl" else QLocale.Country.UnitedKingdom,
        )
    )
    return translators


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("tafelronde")
    return app


def build_console(settings: Settings, language: str):  # type: ignore[no-untyped-def]
    from desktop_app.ui.console import build_console_window

    return build_console_window(settings, language)


EXIT_AFTER_SHOWN = "TAFELRONDE_EXIT_AFTER_SHOWN"
"""Set to 1, the app quits as soon as its window has painted and prints ``shown <ms>``
(milliseconds since :func:`run` began): for the frozen-app test and start-up benchmark."""


class _QuitWhenShown(QObject):
    """Quit the app right after the first paint of ``window`` (see EXIT_AFTER_SHOWN)."""

    def __init__(self, app: QApplication, window: QWidget, started: float) -> None:
        super().__init__(app)
        self._app = app
        self._window = window
        self._started = started
        self._painted = False
        app.installEventFilter(self)
        QTimer.singleShot(60_000, self._give_up)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._painted
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._painted = True
            QTimer.singleShot(0, self._report)  # after this paint has finished
        return False

    def _report(self) -> None:
        self._app.removeEventFilter(self)
        print(f"shown {(time.perf_counter() - self._started) * 1000:.0f}", flush=True)
        self._app.exit(0)

    def _give_up(self) -> None:
        if not self._painted:
            print("not shown within 60 s", flush=True)
            self._app.exit(1)


def run(session: str | None = None, demo: bool = False, lang: str | None = None) -> int:
    """Open the console, optionally on a session file or a fresh copy of the demo."""
    from desktop_app.logging_setup import setup_logging

    started = time.perf_counter()
    setup_logging()
    app = create_application()
    settings = Settings()
    language = choose_language(settings, lang)
    install_translators(app, language)
    from desktop_app.ui.look import apply_look

    apply_look(app)
    window = build_console(settings, language)
    window.restore_window_state()
    window.show()
    if demo:
        from desktop_app.storage.demo import create_demo_copy

        try:
            window.open_session(create_demo_copy())
        except UserError as error:
            window.show_error(error.message(language))
    elif session:
        window.open_session(Path(session))
    if os.environ.get(EXIT_AFTER_SHOWN) == "1":
        _QuitWhenShown(app, window, started)
    return app.exec()


def main() -> int:
    """The gui-script entry point: same arguments as ``tafelronde``."""
    from desktop_app.cli import main as cli_main
    from desktop_app.logging_setup import guard_missing_streams

    guard_missing_streams()  # pythonw on Windows: no stdout/stderr

    return cli_main()
