"""Undo steps for what the record-based undo of the controller cannot see.

A theme's colour and the duplicate links are local columns and tables, not
fields of an entity, so ``controller.perform`` (which compares records before
and after) would record nothing for them. These two small commands go on the
controller's own undo stack and call the storage commands both ways.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from desktop_app.storage import duplicates
from desktop_app.storage.session_file import SessionFile


class ThemeColorCommand(QUndoCommand):
    """Give a theme another colour (``SessionFile.set_theme_color``)."""

    def __init__(
        self, text: str, session_file: SessionFile, theme_id: str, color: str | None
    ) -> None:
        super().__init__(text)
        self._file = session_file
        self._theme_id = theme_id
        self._color = color
        self._before = session_file.theme_colors().get(theme_id)

    def redo(self) -> None:
        self._file.set_theme_color(self._theme_id, self._color)

    def undo(self) -> None:
        self._file.set_theme_color(self._theme_id, self._before)


class DuplicateLinkCommand(QUndoCommand):
    """Record that one proposal says the same as another (both texts are kept)."""

    def __init__(
        self, text: str, session_file: SessionFile, proposal_id: str, kept_proposal_id: str
    ) -> None:
        super().__init__(text)
        self._file = session_file
        self._proposal_id = proposal_id
        self._kept = kept_proposal_id
        self._before = duplicates.links(session_file).get(proposal_id)

    def redo(self) -> None:
        duplicates.link(self._file, self._proposal_id, self._kept)

    def undo(self) -> None:
        if self._before is None:
            duplicates.unlink(self._file, self._proposal_id)
        else:
            duplicates.link(self._file, self._proposal_id, self._before)
