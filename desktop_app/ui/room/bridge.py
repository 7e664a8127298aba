"""The GUI's writer for the room server: jobs posted to the GUI thread by a queued signal.

The room server runs in its own thread; the session file belongs to the GUI
thread. A job (an operation of :mod:`desktop_app.ops.room` with its
arguments, or a read) is posted through a queued Qt signal, run on the GUI
thread on the controller's session file (so an operation is one transaction,
one undo step in Edit > Undo, and its Change reaches the beamer and every
view at once), and its result goes back through a ``concurrent.futures.Future``.
A refused request is the phone's to show, not a dialog on the beamer laptop,
so a :class:`~desktop_app.core.errors.UserError` travels back in the future.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop_app.room.writer import WriterClosed, run_job
from desktop_app.storage.session_file import SessionFile
from desktop_app.ui.controller import SessionController

R = TypeVar("R")


class GuiWriter(QObject):
    """Runs the room's jobs on the GUI thread, one at a time, in the order they came."""

    _posted = Signal(object)

    def __init__(self, controller: SessionController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._lock = threading.Lock()
        self._pending: set[Future[Any]] = set()
        self._closed = False
        self.longest_job = 0.0  # seconds: the longest the GUI thread spent on one job
        self.jobs_run = 0
        self.last_job_at = 0.0  # perf_counter() when the last job ended (benchmarks)
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def submit(self, job: Callable[[SessionFile], R]) -> Future[R]:
        """Any thread: post ``job`` to the GUI thread; its result arrives in the future."""
        future: Future[R] = Future()
        with self._lock:
            if self._closed:
                future.set_exception(WriterClosed())
                return future
            self._pending.add(future)
        self._posted.emit((job, future))
        return future

    @Slot(object)
    def _run(self, item: tuple[Callable[[SessionFile], Any], Future[Any]]) -> None:
        job, future = item
        with self._lock:
            self._pending.discard(future)
            closed = self._closed
        if closed:
            if not future.done():
                future.set_exception(WriterClosed())
            return
        started = time.perf_counter()
        run_job(self._controller.session_file, job, future)
        self.last_job_at = time.perf_counter()
        self.longest_job = max(self.longest_job, self.last_job_at - started)
        self.jobs_run += 1

    def close(self) -> None:
        """No more jobs: the ones still waiting fail (the server answers 503), none runs."""
        with self._lock:
            self._closed = True
            pending, self._pending = list(self._pending), set()
        for future in pending:
            if not future.done():
                future.set_exception(WriterClosed())
