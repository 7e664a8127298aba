"""What a beamer view may ask of the stage that shows it.

The views (base.py, views.py, wall.py, results.py) read the session through the
stage; the stage (stage.py) builds the views. This protocol is the seam between
the two, so neither module imports the other's module back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from desktop_app.core.model import Round, SessionSnapshot
    from desktop_app.ui.beamer.countdown import Clock
    from desktop_app.ui.beamer.theme import BeamerTheme
    from desktop_app.ui.controller import SessionController


class Stage(Protocol):
    """The stage as its views see it (implemented by ``BeamerStage``)."""

    controller: SessionController | None
    clock: Clock
    theme: BeamerTheme
    #: Emitted when what is on the beamer changed (the console's thumbnail follows).
    repainted: SignalInstance

    @property
    def current(self) -> str:
        """The name of the view on screen."""
        ...

    def snapshot(self) -> SessionSnapshot: ...

    def state(self, key: str, default: Any = None) -> Any: ...

    def session_title(self) -> str: ...

    def current_round(self) -> Round | None: ...
