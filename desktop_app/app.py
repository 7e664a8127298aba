"""Start the GUI: Qt application, language, look, the console window and a session.

``tafelronde-gui`` (gui_script.py, no console window on Windows) and ``tafelronde
[SESSION] | --demo`` (cli.py) both end here; this module imports neither of them.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import APP_NAME, __version__, paths
from desktop_app.ui.first_paint import AfterNextPaint
from desktop_app.ui.settings import Settings

if TYPE_CHECKING:
    from desktop_app.ui.main_window import ConsoleWindow


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
    # English: every string. Dutch (the source language): only the plural forms,
    # so that "%n voorstel(len)" reads "1 voorstel" and "2 voorstellen".
    ours = QTranslator(app)
    if ours.load(str(paths.resource(f"translations/tafelronde_{language}.qm"))):
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
    from desktop_app.ui.look import FUSION_ARGUMENTS, FUSION_GIVEN

    app = QApplication([*(argv if argv is not None else sys.argv[:1]), *FUSION_ARGUMENTS])
    app.setProperty(FUSION_GIVEN, True)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("tafelronde")
    return app


EXIT_AFTER_SHOWN = "TAFELRONDE_EXIT_AFTER_SHOWN"
"""Set to 1, the app prints ``shown <ms>`` when its window has first painted and
``ready <ms>`` when the requested session is open and its page has painted
(milliseconds since :func:`run` began), then quits: for the frozen-app test and
the start-up benchmark."""


class _StartReport(QObject):
    """Print the two start-up moments and quit (see EXIT_AFTER_SHOWN)."""

    def __init__(self, app: QApplication, started: float) -> None:
        super().__init__(app)
        self._app = app
        self._started = started
        self._window: QWidget | None = None
        QTimer.singleShot(60_000, self._give_up)

    def watch(self, window: QWidget) -> None:
        self._window = window
        AfterNextPaint(window, lambda: self._print("shown"))

    def session_opened(self) -> None:
        """Called once the session is open: report ``ready`` after its page has painted."""
        if self._window is not None:
            self._window.update()
            AfterNextPaint(self._window, self._ready)

    def _print(self, moment: str) -> None:
        print(f"{moment} {(time.perf_counter() - self._started) * 1000:.0f}", flush=True)

    def _ready(self) -> None:
        self._print("ready")
        self._app.exit(0)

    def _give_up(self) -> None:
        print("not ready within 60 s", flush=True)
        self._app.exit(1)


def start_console(
    settings: Settings,
    language: str,
    *,
    session: str | None = None,
    demo: bool = False,
    finished: Callable[[], None] | None = None,
) -> ConsoleWindow:
    """Show the console now; open the session (or a copy of the demo) right after.

    The window is shown first, with the phases and "… wordt geopend"; the beamer
    and the session (file, first page) follow just after its first paint, so the
    app is on screen in about the time a bare Qt window takes. A session that
    cannot be opened leaves a clear message and the start page. ``finished`` is
    called when all of that is done.
    """
    from desktop_app.ui.console import attach_beamer_to, build_console_window

    opening: str | None = None
    if demo:
        opening = QCoreApplication.translate("Start", "De demo")
    elif session:
        opening = Path(session).stem
    window = build_console_window(settings, language, opening=opening, beamer=False)
    window.restore_window_state()

    def finish() -> None:
        if not window.isVisible():
            return  # closed before its first paint was done: nothing to open
        attach_beamer_to(window, settings)
        if opening is not None:
            opened = window.open_demo() if demo else window.open_session(Path(str(session)))
            if not opened:
                window.show_start_page()  # the message says why; the user picks another
        if finished is not None:
            finished()

    # One more turn of the event loop after the first paint, so that paint is
    # flushed to the screen (and reported) before the rest of the start.
    AfterNextPaint(window, lambda: QTimer.singleShot(0, window, finish))
    window.show()
    # Take the keyboard at once: the facilitator starts typing without clicking first
    # (and a plain X server without a window manager gives focus to no one).
    window.activateWindow()
    return window


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
    report = _StartReport(app, started) if os.environ.get(EXIT_AFTER_SHOWN) == "1" else None
    window = start_console(
        settings,
        language,
        session=session,
        demo=demo,
        finished=report.session_opened if report is not None else None,
    )
    if report is not None:
        report.watch(window)
    return app.exec()
