"""Proposals: what the scribes type, and what the beamer may show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop_app.core.actions import Action, Label
from desktop_app.core.model import Kind, Proposal
from desktop_app.storage.session_file import SessionFile


def add_proposal(
    session: SessionFile,
    /,
    round_id: str,
    table_id: str,
    text: str,
    *,
    details: str | None = None,
    proposal_id: str | None = None,
) -> Proposal:
    """The scribe's Enter: one new proposal of this table in this round, exactly as typed.

    ``proposal_id`` may be chosen by the caller (a phone's offline queue makes
    its own UUIDs, so a retry finds the proposal instead of adding it twice: a
    known id that is already stored is returned as it is, unchanged).
    """
    if proposal_id is not None:
        stored = session.get(Kind.PROPOSAL, proposal_id)
        if isinstance(stored, Proposal):
            return stored
    with session.transaction(Label(Action.ADD_PROPOSAL)):
        return session.add_proposal(
            round_id, table_id, text, details=details, proposal_id=proposal_id
        )


def edit_proposal(session: SessionFile, /, proposal_id: str, text: str) -> Proposal:
    """Replace a proposal's text (exactly as typed); no step when it is the same."""
    current = session.require(Kind.PROPOSAL, proposal_id, Proposal)
    if current.text == text:
        return current
    with session.transaction(Label(Action.EDIT_PROPOSAL)):
        return session.put(Kind.PROPOSAL, replace(current, text=text))


def delete_proposals(session: SessionFile, /, proposal_ids: Sequence[str]) -> int:
    """Delete proposals (tombstones, so the deletion reaches the other laptops).

    Returns how many were deleted; ones already gone are skipped.
    """
    live = [
        p
        for p in (session.get(Kind.PROPOSAL, pid) for pid in dict.fromkeys(proposal_ids))
        if isinstance(p, Proposal) and not p.deleted
    ]
    if not live:
        return 0
    with session.transaction(Label(Action.DELETE_PROPOSALS, Kind.PROPOSAL, count=len(live))):
        for proposal in live:
            session.delete(Kind.PROPOSAL, proposal.id)
    return len(live)


def hide_on_beamer(session: SessionFile, /, proposal_ids: Sequence[str], hidden: bool) -> int:
    """Moderation: keep proposals but do not project them (or show them again).

    Local to this laptop (not exchanged). Returns how many changed.
    """
    shown = session.hidden_on_beamer()
    changing = [pid for pid in dict.fromkeys(proposal_ids) if (pid in shown) != hidden]
    if not changing:
        return 0
    action = Action.HIDE_ON_BEAMER if hidden else Action.SHOW_ON_BEAMER
    with session.transaction(Label(action, Kind.PROPOSAL, count=len(changing))):
        for pid in changing:
            session.set_hidden_on_beamer(pid, hidden)
    return len(changing)
