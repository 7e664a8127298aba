"""The GUI's one door to the session file: undoable commands and one change signal.

Like Anki's collection operations, every change the GUI makes goes through a
small storage command in one transaction. :class:`SessionController` wraps
those in :class:`QUndoCommand` objects that remember the records before and
after, so undo and redo are themselves ordinary storage writes (with a new
``updated_at``, so they travel to other laptops too). Storage tells the
controller what changed; the controller re-emits it as the Qt signal
``changed`` that every view (console, beamer, thumbnails) listens to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop_app.core.errors import UserError
from desktop_app.core.model import Entity, Kind, SessionInfo, SessionSnapshot
from desktop_app.storage.session_file import Change, SessionFile

Key = tuple[Kind, str]


class _RecordsCommand(QUndoCommand):
    """Undo/redo by writing back whole records captured before and after a change."""

    def __init__(
        self,
        text: str,
        session_file: SessionFile,
        before: dict[Key, Entity | None],
        after: dict[Key, Entity | None],
        session_before: SessionInfo | None = None,
        session_after: SessionInfo | None = None,
        report: Callable[[UserError], None] | None = None,
    ) -> None:
        super().__init__(text)
        self._report = report
        self._file = session_file
        self._before = before
        self._after = after
        self._session_before = session_before
        self._session_after = session_after
        self._skip_first_redo = True  # the change is already made when pushed

    def _write(
        self,
        states: dict[Key, Entity | None],
        counterpart: dict[Key, Entity | None],
        session: SessionInfo | None,
    ) -> None:
        with self._file.transaction():
            if session is not None:
                self._file.update_session(**_session_fields(session))
            for (kind, _), entity in states.items():
                if entity is None:
                    # It did not exist on this side: tombstone what the other side has.
                    other = counterpart[(kind, _)]
                    if other is not None:
                        current = self._file.get(kind, other.id) or other
                        self._file.put(kind, replace(current, deleted=True), action="delete")
                else:
                    self._file.put(kind, entity)

    def _write_or_report(
        self,
        states: dict[Key, Entity | None],
        counterpart: dict[Key, Entity | None],
        session: SessionInfo | None,
    ) -> None:
        """Write, or tell the user why not (a full disk, a locked file) and drop this step.

        The transaction changed nothing then; an obsolete command leaves the undo
        stack, so stack and file never disagree. Never raise out of a Qt virtual.
        """
        try:
            self._write(states, counterpart, session)
        except UserError as problem:
            self.setObsolete(True)
            if self._report is not None:
                self._report(problem)

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._write_or_report(self._after, self._before, self._session_after)

    def undo(self) -> None:
        self._write_or_report(self._before, self._after, self._session_before)


class _ReorderCommand(QUndoCommand):
    """Undo/redo a new display order (positions are local, not part of the records)."""

    def __init__(
        self,
        what: str,
        session_file: SessionFile,
        kind: Kind,
        before: Sequence[str],
        after: Sequence[str],
        report: Callable[[UserError], None],
    ) -> None:
        super().__init__(what)
        self._file, self._kind, self._report = session_file, kind, report
        self._before, self._after = list(before), list(after)

    def _apply(self, order: list[str]) -> None:
        try:
            self._file.move_to_position(self._kind, order)
        except UserError as problem:  # never raise out of a Qt virtual
            self.setObsolete(True)
            self._report(problem)

    def redo(self) -> None:
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)


def _session_fields(info: SessionInfo) -> dict[str, Any]:
    return {
        "title": info.title,
        "organisation": info.organisation,
        "date": info.date,
        "location": info.location,
        "purpose": info.purpose,
        "language": info.language,
        "dots_per_participant": info.dots_per_participant,
        "max_dots_per_item": info.max_dots_per_item,
        "vote_target": info.vote_target,
    }


class SessionController(QObject):
    """Holds the open session file, its undo stack and the one change signal."""

    changed = Signal(object)  # a storage Change
    error = Signal(str)  # a message for the user, already in their language

    def __init__(
        self, session_file: SessionFile, *, language: str = "nl", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session_file = session_file
        self.language = language
        self.undo_stack = QUndoStack(self)
        self._snapshot: SessionSnapshot | None = None
        self._unsubscribe = session_file.subscribe(self._on_storage_change)

    # --------------------------------------------------------------- reading
    def snapshot(self) -> SessionSnapshot:
        """The whole session, cached until the next change."""
        if self._snapshot is None:
            self._snapshot = self.session_file.snapshot()
        return self._snapshot

    def session(self) -> SessionInfo:
        return self.session_file.session()

    def _on_storage_change(self, change: Change) -> None:
        self._snapshot = None
        self.changed.emit(change)

    # --------------------------------------------------------------- writing
    def perform(
        self,
        text: str,
        affected: Iterable[Key],
        action: Callable[[], Any],
        *,
        session: bool = False,
    ) -> Any:
        """Run ``action`` (storage commands) as one undoable step.

        ``affected`` names every record the action may change, including ones
        it creates (their ids must be known beforehand). A :class:`UserError`
        is reported through :attr:`error` and nothing changes; returns
        ``None`` then.
        """
        keys = list(dict.fromkeys(affected))
        before = {key: self.session_file.get(*key) for key in keys}
        session_before = self.session_file.session() if session else None
        try:
            with self.session_file.transaction():
                result = action()
        except UserError as problem:
            self.error.emit(problem.message(self.language))
            return None
        after = {key: self.session_file.get(*key) for key in keys}
        session_after = self.session_file.session() if session else None
        if any(before[key] != after[key] for key in keys) or session_before != session_after:
            self.undo_stack.push(
                _RecordsCommand(
                    text,
                    self.session_file,
                    before,
                    after,
                    session_before,
                    session_after,
                    report=lambda problem: self.error.emit(problem.message(self.language)),
                )
            )
        return result

    def add(self, text: str, kind: Kind, entity: Entity) -> Entity | None:
        result: Entity | None = self.perform(
            text, [(kind, entity.id)], lambda: self.session_file.add(kind, entity)
        )
        return result

    def edit(self, what: str, kind: Kind, entity_id: str, **fields: Any) -> Entity | None:
        """Change fields of one entity as one undoable step named ``what``.

        (Not ``text``: proposals have a field of that name.)
        """
        result: Entity | None = self.perform(
            what, [(kind, entity_id)], lambda: self.session_file.update(kind, entity_id, **fields)
        )
        return result

    def delete(self, text: str, kind: Kind, entity_ids: Sequence[str]) -> None:
        def action() -> None:
            for entity_id in entity_ids:
                self.session_file.delete(kind, entity_id)

        self.perform(text, [(kind, i) for i in entity_ids], action)

    def edit_session(self, what: str, **fields: Any) -> SessionInfo | None:
        result: SessionInfo | None = self.perform(
            what, [], lambda: self.session_file.update_session(**fields), session=True
        )
        return result

    def move_proposals(self, text: str, proposal_ids: Sequence[str], theme_id: str | None) -> None:
        """Put proposals into a theme or back into the tray, one undoable step."""
        themes = [(Kind.THEME, t.id) for t in self.session_file.themes()]
        self.perform(text, themes, lambda: self.session_file.move_proposals(proposal_ids, theme_id))

    def reorder(self, what: str, kind: Kind, before: Sequence[str], after: Sequence[str]) -> None:
        """Put tables, target groups, interventions … in a new order, one undoable step."""
        self.undo_stack.push(
            _ReorderCommand(
                what,
                self.session_file,
                kind,
                before,
                after,
                report=lambda problem: self.error.emit(problem.message(self.language)),
            )
        )

    def run_unrecorded(self, action: Callable[[], Any]) -> Any:
        """A change that is not undoable (local state such as the round timer)."""
        try:
            return action()
        except UserError as problem:
            self.error.emit(problem.message(self.language))
            return None

    def close(self) -> None:
        self._unsubscribe()
        self.undo_stack.clear()
        self.session_file.close()
