"""When the console makes a backup: at a phase change, before an import, every ten minutes.

Only while there are changes: a phase change or a timer tick after nothing but
run state (the round timer, the current phase) makes no new backup, since the
newest one holds the same session. Before an import a backup is always made.
The copying itself is :mod:`desktop_app.storage.backups`; this only decides when.
"""

from __future__ import annotations

import logging

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

    def __init__(self, controller: SessionController, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(controller)
        self._controller = controller
        self._changed = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        controller.changed.connect(self._on_change)

    @property
    def has_changes(self) -> bool:
        """Changes since the last backup (or since the session was opened)."""
        return self._changed

    def phase_changed(self) -> None:
        if self._changed:
            self.make(backups.PHASE)

    def before_import(self) -> None:
        self.make(backups.IMPORT)

    def _tick(self) -> None:
        if self._changed:
            self.make(backups.TIMER)

    def make(self, reason: str) -> backups.Backup | None:
        """A backup now; on failure the ``failed`` signal says why (the session is safe)."""
        try:
            backup = backups.make_backup(self._controller.session_file, reason)
        except UserError as problem:
            log.warning("no backup (%s): %s", reason, problem)
            self.failed.emit(problem.message(self._controller.language))
            return None
        self._changed = False
        self.made.emit(backup)
        return backup

    def _on_change(self, change: Change) -> None:
        if change.kind != "state":
            self._changed = True
