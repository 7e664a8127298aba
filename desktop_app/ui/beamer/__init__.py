"""The beamer: a second-screen presentation the whole room can read.

``attach_beamer(console, settings)`` gives the console its beamer window, the
dock with the controls and thumbnail, and the F5 / Ctrl+B actions.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from desktop_app.ui.beamer.dock import BeamerDock, BeamerThumbnail
from desktop_app.ui.beamer.stage import VIEW_ORDER, BeamerStage, view_for_phase, view_title
from desktop_app.ui.beamer.strip import BeamerStrip
from desktop_app.ui.beamer.window import BeamerWindow, choose_screen, screen_key
from desktop_app.ui.controller import SessionController
from desktop_app.ui.settings import Settings

__all__ = [
    "VIEW_ORDER",
    "Beamer",
    "BeamerDock",
    "BeamerStage",
    "BeamerThumbnail",
    "BeamerWindow",
    "attach_beamer",
    "choose_screen",
    "screen_key",
    "view_for_phase",
    "view_title",
]


@dataclass
class Beamer:
    window: BeamerWindow
    dock: BeamerDock
    toggle_action: QAction
    blackout_action: QAction
    strip: BeamerStrip


SMALL_SCREEN_WIDTH = 1400
SMALL_PANEL_WIDTH = 280


def attach_beamer(console: QMainWindow, settings: Settings) -> Beamer:
    """Give ``console`` (a ConsoleWindow) its beamer; follows its open session."""
    window = BeamerWindow(settings, console=console, parent=console)
    dock = BeamerDock(window, settings, console)
    # At start-up the beamer comes after the window state was restored: then the
    # dock takes its remembered place and visibility from that state.
    if not console.restoreDockWidget(dock):
        console.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        # On a small laptop screen the panel would squeeze the phase pages: it starts
        # closed there (Beeld > Beamer opens it; the window state remembers the choice).
        screen = console.screen()
        if screen is not None and screen.availableGeometry().width() < SMALL_SCREEN_WIDTH:
            dock.hide()
        elif screen is not None:
            dock.show()  # a dock added to a window already on screen is not shown by itself
            width = max(300, int(screen.availableGeometry().width() * 0.2))
            console.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    toggle = QAction(
        QCoreApplication.translate("ConsoleWindow", "Beamer tonen of verbergen"), console
    )
    toggle.setObjectName("beamerToggleAction")
    toggle.setShortcut(QKeySequence("F5"))
    toggle.triggered.connect(window.toggle)
    blackout = QAction(QCoreApplication.translate("ConsoleWindow", "Beamer op zwart"), console)
    blackout.setObjectName("beamerBlackoutAction")
    blackout.setShortcut(QKeySequence("Ctrl+B"))
    blackout.triggered.connect(dock.toggle_blackout)
    for action in (toggle, blackout):
        console.addAction(action)

    def fit_panel(visible: bool) -> None:
        # On a small screen the panel opens narrow: the page keeps most of the width.
        if not visible or not shiboken6.isValid(console):
            return
        screen = console.screen()
        small = screen is not None and screen.availableGeometry().width() < SMALL_SCREEN_WIDTH
        if visible and not dock.isFloating() and (small or console.width() < SMALL_SCREEN_WIDTH):
            console.resizeDocks([dock], [SMALL_PANEL_WIDTH], Qt.Orientation.Horizontal)

    dock.visibilityChanged.connect(fit_panel)
    strip = BeamerStrip(window, dock)
    console.statusBar().insertPermanentWidget(0, strip)
    strip.setVisible(not dock.isVisible())
    view_menu = getattr(console, "view_menu", None)
    if view_menu is not None:
        view_menu.addSeparator()
        view_menu.addAction(toggle)
        view_menu.addAction(blackout)
        view_menu.addAction(dock.toggleViewAction())

    def opened(controller: SessionController) -> None:
        dock.set_controller(controller)
        toggle.setEnabled(True)
        blackout.setEnabled(True)
        strip.refresh()

    def closed() -> None:
        dock.set_controller(None)
        window.hide()
        blackout.setEnabled(False)
        strip.refresh()

    signal_opened = getattr(console, "session_opened", None)
    signal_closed = getattr(console, "session_closed", None)
    if signal_opened is not None:
        signal_opened.connect(opened)
    if signal_closed is not None:
        signal_closed.connect(closed)
    current = getattr(console, "controller", None)
    if isinstance(current, SessionController):
        opened(current)
    else:
        blackout.setEnabled(False)
    beamer = Beamer(window, dock, toggle, blackout, strip)
    console.setProperty("hasBeamer", True)
    return beamer
