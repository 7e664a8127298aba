"""Run something just after a window has painted: the start-up's second half."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterNextPaint(QObject):
    """Call ``then`` once, right after the next paint of ``window`` (and its children).

    At start-up the window is shown and painted first and the session opened
    after that, so the facilitator sees the app at once instead of waiting for
    the file and the first page. The watch is an event filter on the window
    alone: a window paints its own background whenever it is exposed or
    updated, and an application-wide filter would route every event of every
    widget through Python (30 to 50 ms more before the first paint).
    """

    #: If no paint comes (a window started minimized, or covered entirely by its
    #: children so Qt skips its own background), ``then`` runs after this long anyway.
    FALLBACK_MS = 1000

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._run)  # after this paint has finished
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        self._then()
        self.deleteLater()
