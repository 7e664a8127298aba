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

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._call)  # after this paint has finished
        return False

    def _call(self) -> None:
        self._then()
        self.deleteLater()
