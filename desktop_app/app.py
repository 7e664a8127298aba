"""Start the GUI: Qt application, language, look, the console window and a session.

``tafelronde-gui`` (no console window on Windows) and ``tafelronde [SESSION] |
--demo`` both end here.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

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
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl" else QLocale.Language.English,
                               QLocale.Country.Netherlands if language == "nl"
                               else QLocale.Country.UnitedKingdom))
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


def run(session: str | None = None, demo: bool = False, lang: str | None = None) -> int:
    """Open the console, optionally on a session file or a fresh copy of the demo."""
    from desktop_app.logging_setup import setup_logging

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
    return app.exec()


def main() -> int:
    """The gui-script entry point: same arguments as ``tafelronde``."""
    from desktop_app.cli import main as cli_main

    return cli_main()
