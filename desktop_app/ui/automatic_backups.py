"""When the console makes a backup: at a phase change, before an import, every ten minutes.

Only while there are changes: a phase change or a timer tick after nothing but
run state (the round timer, the current phase) makes no new backup, since the
newest one holds the same session. Before an import a backup is always made.
The copying itself is :mod:`desktop_app.storage.backups`; this only decides when,
and runs it in a thread of its own: for the largest sessions a checked backup
takes about a tenth of a second (mostly the fsync), which the phase change
should not wait for. SQLite lets that reader and the console's writer work at
once; the backup is the session as it was when it began.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.core.errors import UserError
from desktop_app.storage import backups
from desktop_app.storage.session_file import Change
from desktop_app.ui.controller import SessionController

log = logging.getLogger(__name__)

INTERVAL_MS = 10 * 60 * 1000


class AutomaticBackups(QObject):
    """Backups of one open session; lives as long as its controller."""

    made = Signal(object)  # storage.backups.Backup
    failed = Signal(str)  # a message in the user's language: no backup was made
    _finished = Signal(object, object)  # (Backup | None, message | None), from the thread

    def __init__(self, controller: SessionController, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(controller)
        self._controller = controller
        self._path = controller.session_file.path
        self._changed = False
        self._thread: threading.Thread | None = None
        self._again: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        controller.changed.connect(self._on_change)
        self._finished.connect(self._done)  # queued: emitted by the backup's thread

    @property
    def has_changes(self) -> bool:
        """Changes since the last backup began (or since the session was opened)."""
        return self._changed

    def phase_changed(self) -> None:
        if self._changed:
            self.make(backups.PHASE)

    def before_import(self) -> None:
        """Always, and before the import writes: this one is waited for."""
        self.make(backups.IMPORT)
        self.wait()

    def _tick(self) -> None:
        if self._changed:
            self.make(backups.TIMER)

    def make(self, reason: str) -> None:
        """Start a backup now (or right after the one that is running)."""
        if self._thread is not None and self._thread.is_alive():
            self._again = reason
            return
        self._changed = False  # what changes from now on goes into the next one
        language = self._controller.language
        path = self._path

        def work() -> None:
            try:
                backup = backups.make_backup(path, reason)
            except UserError as problem:
                log.warning("no backup (%s): %s", reason, problem)
                self._finished.emit(None, problem.message(language))
            else:
                self._finished.emit(backup, None)

        self._thread = threading.Thread(target=work, name=f"backup-{reason}", daemon=True)
        self._thread.start()

    def wait(self, timeout: float = 30.0) -> None:
        """Until the running backup is written (before closing, restoring, importing)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _done(self, backup: backups.Backup | None, message: str | None) -> None:
        if backup is not None:
            self.made.emit(backup)
        else:
            self._changed = True  # try again at the next chance
            self.failed.emit(message or "")
        again, self._again = self._again, None
        if again is not None:
            self.make(again)

    def _on_change(self, change: Change) -> None:
        if change.ids or change.session or change.tables:  # not run state alone
            self._changed = True
