"""Run something just after a window has painted: the start-up's second half."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class AfterNextPaint(QObject):
    """Call ``then`` once, right after the next paint of ``window`` (and its children).

    At start-up the window is shown and painted first and the session opened
    after that, so the facilitator sees the app at once instead of waiting for
    the file and the first page. The watch is an event filter on the window
    alone: a window paints its own background whenever it is exposed or
    updated, and an application-wide filter would route every event of every
    widget through Python (30 to 50 ms more before the first paint).

    Once done it stays, inert, a child of the window (a few bytes): deleting
    itself from inside its own timer's call crashed now and then (PySide6 freed
    the object twice), and nothing is gained by deleting it.
    """

    #: If no paint comes (a window started minimized, or covered entirely by its
    #: children so Qt skips its own background), ``then`` runs after this long anyway.
    FALLBACK_MS = 1000

    #: Emitted once, after ``then`` has run.
    done = Signal()

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        self._done = False
        # Timers of its own (not QTimer.singleShot) so that both stop when it is done.
        self._after_paint = QTimer(self)
        self._after_paint.setSingleShot(True)
        self._after_paint.setInterval(0)  # after the paint has finished
        self._after_paint.timeout.connect(self._run)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(self.FALLBACK_MS)
        self._fallback.timeout.connect(self._run)
        window.installEventFilter(self)
        self._fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._after_paint.start()
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._after_paint.stop()
        self._fallback.stop()
        self._window.removeEventFilter(self)
        self._then()
        self.done.emit()
