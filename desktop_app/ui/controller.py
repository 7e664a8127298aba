"""The GUI's one door to the session file: operations, undo and one change signal.

As in Anki, the library owns every change: pages call an operation of
:mod:`desktop_app.ops` through :meth:`SessionController.run`, which is one
transaction and one undo step kept by the session file itself. Undo and redo
are the session file's too (:meth:`undo`, :meth:`redo`); the controller only
turns what happened into messages in the user's language. Storage tells the
controller once per committed transaction what changed (a typed
:class:`~desktop_app.storage.session_file.Change`); the controller re-emits it
as the Qt signal ``changed`` that every view (console, beamer, thumbnails,
kiosk) listens to, and ``history_changed`` for the Edit menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app.core.errors import UserError
from desktop_app.core.model import SessionInfo, SessionSnapshot
from desktop_app.storage.session_file import Change, SessionFile
from desktop_app.storage.undo import UndoResult
from desktop_app.ui.undo_labels import label_text

MAX_PATCHES = 50  # more changes unseen than this: read the whole session again
P = ParamSpec("P")
R = TypeVar("R")


class SessionController(QObject):
    """Holds the open session file and the one change signal."""

    changed = Signal(object)  # a storage Change: one per operation, undo, redo or import
    error = Signal(str)  # a message for the user, already in their language
    history_changed = Signal()  # what Edit > Undo/Redo can do has changed

    def __init__(
        self, session_file: SessionFile, *, language: str = "nl", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session_file = session_file
        self.language = language
        self._snapshot: SessionSnapshot | None = None
        self._since: list[Change] = []  # changes the cached snapshot has not seen yet
        self._unsubscribe = session_file.subscribe(self._on_storage_change)

    # --------------------------------------------------------------- reading
    def snapshot(self) -> SessionSnapshot:
        """The whole session, cached; after a change only what it touched is read again."""
        if self._snapshot is None or len(self._since) > MAX_PATCHES:
            self._snapshot = self.session_file.snapshot()
        elif self._since:
            self._snapshot = self.session_file.snapshot_after(self._snapshot, self._since)
        self._since = []
        return self._snapshot

    def session(self) -> SessionInfo:
        return self.session_file.session()

    def _on_storage_change(self, change: Change) -> None:
        if self._snapshot is not None:
            self._since.append(change)
        self.changed.emit(change)
        self.history_changed.emit()

    # --------------------------------------------------------------- writing
    def run(
        self,
        operation: Callable[Concatenate[SessionFile, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R | None:
        """Run one operation of :mod:`desktop_app.ops` on this session.

        Returns its result; a :class:`UserError` (a rule, a full disk, a
        read-only file) is reported through :attr:`error` and returns None:
        the operation changed nothing then.
        """
        try:
            return operation(self.session_file, *args, **kwargs)
        except UserError as problem:
            self.error.emit(problem.message(self.language))
            return None

    def run_unrecorded(self, action: Callable[[], Any]) -> Any:
        """A change that is not undoable (local state such as the round timer)."""
        try:
            return action()
        except UserError as problem:
            self.error.emit(problem.message(self.language))
            return None

    # ------------------------------------------------------------ undo/redo
    def can_undo(self) -> bool:
        return self.session_file.history.can_undo

    def can_redo(self) -> bool:
        return self.session_file.history.can_redo

    def undo_text(self) -> str:
        """What Edit > Undo would undo, in the user's language ("" when nothing)."""
        label = self.session_file.history.undo_label
        return label_text(label) if label is not None else ""

    def redo_text(self) -> str:
        label = self.session_file.history.redo_label
        return label_text(label) if label is not None else ""

    def undo(self) -> UndoResult | None:
        """Undo the last operation; say so when part of it was changed since."""
        return self._step(self.session_file.undo, redo=False)

    def redo(self) -> UndoResult | None:
        return self._step(self.session_file.redo, redo=True)

    def _step(self, action: Callable[[], UndoResult | None], *, redo: bool) -> UndoResult | None:
        try:
            result = action()
        except UserError as problem:  # a full disk, a read-only file: nothing changed
            self.error.emit(problem.message(self.language))
            return None
        finally:
            self.history_changed.emit()
        if result is not None and result.refused:
            self.error.emit(refused_message(result, redo=redo))
        return result

    def close(self) -> None:
        self._unsubscribe()
        self.session_file.history.clear()
        self.session_file.close()


def refused_message(result: UndoResult, *, redo: bool = False) -> str:
    """What could not be undone (or redone) because it was changed since."""
    what, n = label_text(result.label), result.refused
    if redo:
        if result.restored == 0:
            text = QCoreApplication.translate(
                "SessionController",
                "“{what}” is niet opnieuw gedaan: alles wat het veranderde, is sindsdien "
                "gewijzigd (een import of een latere bewerking). Die nieuwere versie blijft staan.",
            )
        elif n == 1:
            text = QCoreApplication.translate(
                "SessionController",
                "“{what}”: 1 wijziging is niet opnieuw gedaan, omdat die sindsdien is gewijzigd "
                "(een import of een latere bewerking). De nieuwere versie blijft staan.",
            )
        else:
            text = QCoreApplication.translate(
                "SessionController",
                "“{what}”: {n} wijzigingen zijn niet opnieuw gedaan, omdat die sindsdien "
                "zijn gewijzigd (een import of een latere bewerking). De nieuwere versies "
                "blijven staan.",
            )
    elif result.restored == 0:
        text = QCoreApplication.translate(
            "SessionController",
            "“{what}” is niet ongedaan gemaakt: alles wat het veranderde, is sindsdien "
            "opnieuw gewijzigd (een import of een latere bewerking). Die nieuwere versie "
            "blijft staan.",
        )
    elif n == 1:
        text = QCoreApplication.translate(
            "SessionController",
            "“{what}”: 1 wijziging is niet ongedaan gemaakt, omdat die sindsdien opnieuw is "
            "gewijzigd (een import of een latere bewerking). De nieuwere versie blijft staan.",
        )
    else:
        text = QCoreApplication.translate(
            "SessionController",
            "“{what}”: {n} wijzigingen zijn niet ongedaan gemaakt, omdat die sindsdien opnieuw "
            "zijn gewijzigd (een import of een latere bewerking). De nieuwere versies blijven "
            "staan.",
        )
    return text.format(what=what, n=n)
