"""Run something just after a window has painted: the start-up's second half."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterNextPaint(QObject):
    """Call ``then`` once, right after the next paint of anything in ``window``.

    At start-up the window is shown and painted first and the session opened
    after that, so the facilitator sees the app at once instead of waiting for
    the file and the first page. The watch is an application event filter
    (paint events go to the child widgets) and is removed at the first paint.
    """

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        self._done = False
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._done = True
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            QTimer.singleShot(0, self._call)  # after this paint has finished
        return False

    @property
    def done(self) -> bool:
        """True once the window has painted (``then`` runs on the next turn of the loop)."""
        return self._done

    def _call(self) -> None:
        self._then()
        self.deleteLater()
