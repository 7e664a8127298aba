"""The room network in the console: Sessie > Zaal online… (issue 16).

``show_room(window)`` opens the panel (one per console window); the runner it
uses stops the room when the session closes or the app quits.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.ui.room.panel import RoomPanel
from desktop_app.ui.room.runner import RoomRunner

__all__ = ["RoomPanel", "RoomRunner", "show_room"]


def show_room(window: QWidget) -> RoomPanel:
    """Open (or raise) the room panel of ``window``, a ConsoleWindow."""
    panel = window.findChild(RoomPanel, "roomPanel")
    if panel is None:
        runner = window.findChild(RoomRunner) or RoomRunner(window)
        panel = RoomPanel(runner, window)
        opened = getattr(window, "session_opened", None)
        if opened is not None:
            opened.connect(panel.set_controller)
        closed = getattr(window, "session_closed", None)
        if closed is not None:
            closed.connect(lambda: panel.set_controller(None))
    panel.set_controller(getattr(window, "controller", None))
    panel.show()
    panel.raise_()
    panel.activateWindow()
    return panel
