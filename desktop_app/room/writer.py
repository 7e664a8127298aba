"""Writers: how the room server's work reaches the thread that owns the session file.

The session file is single-threaded and one transaction at a time. The server
submits a job (a function of the session file) and awaits a
:class:`concurrent.futures.Future` with its result; the phone is acknowledged
only after that future resolved, i.e. after the transaction committed.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Protocol, TypeVar

from desktop_app.storage.session_file import SessionFile

R = TypeVar("R")
Job = Callable[[SessionFile], Any]


class WriterClosed(RuntimeError):
    """The writer stopped (the room is closing): the job did not run."""


class Writer(Protocol):
    def submit(self, job: Callable[[SessionFile], R]) -> Future[R]:
        """Run ``job(session_file)`` on the owning thread; its result or error in the future."""
        ...


def run_job(session: SessionFile, job: Job, future: Future[Any]) -> None:
    """Run one job and settle its future (a cancelled future is skipped)."""
    if not future.set_running_or_notify_cancel():
        return
    try:
        result = job(session)
    except BaseException as error:  # the caller decides what is a user's error
        future.set_exception(error)
    else:
        future.set_result(result)


class ThreadWriter:
    """Headless: one thread owns the session file and runs the jobs one after another.

    The file was opened writable (so this process holds the writer lock);
    :meth:`close` stops the thread after the jobs already queued, and fails
    the ones submitted later.
    """

    def __init__(self, session: SessionFile) -> None:
        self.session = session
        self._jobs: queue.SimpleQueue[tuple[Job, Future[Any]] | None] = queue.SimpleQueue()
        self._closed = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._loop, name="room-writer", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[SessionFile], R]) -> Future[R]:
        future: Future[R] = Future()
        with self._lock:
            if self._closed:
                future.set_exception(WriterClosed())
                return future
            self._jobs.put((job, future))
        return future

    def _loop(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            run_job(self.session, *item)

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._jobs.put(None)
        self._thread.join()
