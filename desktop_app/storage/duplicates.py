"""Near-duplicate proposals merged on the cluster board, kept in a local table.

Merging two proposals that say the same thing keeps both texts: both stay
proposals (usually in the same theme) and the *linked* one points at the *kept*
one, whose card then shows how many tables said it. Exchange format v1 has no
field for this, so the links live in the local table ``duplicate_links``
(migration m004) and are never exchanged.

Each command is one transaction and tells the listeners with a change of kind
``"duplicate_links"``.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.core.errors import UserError
from desktop_app.core.model import Kind
from desktop_app.storage.session_file import SessionFile

CHANGE_KIND = "duplicate_links"


def links(session_file: SessionFile) -> dict[str, str]:
    """Linked proposal id -> the id of the proposal it was merged into (as stored)."""
    rows = session_file.connection.execute(
        "SELECT proposal_id, kept_proposal_id FROM duplicate_links ORDER BY proposal_id"
    ).fetchall()
    return {str(row[0]): str(row[1]) for row in rows}


def kept_of(stored: Mapping[str, str]) -> dict[str, str]:
    """Linked proposal id -> the proposal finally kept, following chains (a->b->c gives c).

    A cycle (which the commands never make) is cut at the smallest id.
    """
    result: dict[str, str] = {}
    for start in stored:
        seen = [start]
        current = stored[start]
        while current in stored and current not in seen:
            seen.append(current)
            current = stored[current]
        if current in seen:  # a cycle: keep its smallest member
            current = min(seen[seen.index(current) :])
        if current != start:
            result[start] = current
    return result


def link(session_file: SessionFile, proposal_id: str, kept_proposal_id: str) -> None:
    """Record that ``proposal_id`` says the same as ``kept_proposal_id``."""
    if proposal_id == kept_proposal_id:
        raise ValueError("a proposal cannot be a duplicate of itself")
    for pid in (proposal_id, kept_proposal_id):
        if session_file.get(Kind.PROPOSAL, pid) is None:
            raise UserError("not_found", kind=Kind.PROPOSAL.value, id=pid)
    if kept_of(links(session_file)).get(kept_proposal_id) == proposal_id:
        raise ValueError("linking would close a loop: the kept proposal points here")
    with session_file.transaction():
        session_file.connection.execute(
            "INSERT INTO duplicate_links (proposal_id, kept_proposal_id) VALUES (?, ?) "
            "ON CONFLICT(proposal_id) DO UPDATE SET kept_proposal_id = excluded.kept_proposal_id",
            (proposal_id, kept_proposal_id),
        )
        session_file.note_change(CHANGE_KIND, (proposal_id, kept_proposal_id), "edit")


def unlink(session_file: SessionFile, proposal_id: str) -> str | None:
    """Forget the link of ``proposal_id``; returns the id it pointed at (or None)."""
    with session_file.transaction():
        row = session_file.connection.execute(
            "SELECT kept_proposal_id FROM duplicate_links WHERE proposal_id = ?", (proposal_id,)
        ).fetchone()
        if row is None:
            return None
        session_file.connection.execute(
            "DELETE FROM duplicate_links WHERE proposal_id = ?", (proposal_id,)
        )
        session_file.note_change(CHANGE_KIND, (proposal_id, str(row[0])), "edit")
    return str(row[0])
