"""Dot-voting: sticker tallies, kiosk (and later phone) ballots, voiding a ballot."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from desktop_app.core import run_state
from desktop_app.core.actions import Action, Label
from desktop_app.core.model import Kind, SessionSnapshot, Table, Vote
from desktop_app.core.voting import last_ballot, tally_cells
from desktop_app.storage.session_file import SessionFile, new_id


def set_tally(
    session: SessionFile, /, item_id: str, column_id: str, dots: int, *, by_table: bool = False
) -> None:
    """Set one cell of the sticker grid to ``dots``: update, add or remove its tally.

    ``column_id`` is a target group, or a table when ``by_table`` (the tally
    then counts for the table's target group). A cell holding several records
    (merged from two laptops) becomes one. Nothing happens when it already says so.
    """
    votes = SessionSnapshot(session=session.session(), votes=tuple(session.votes_for(item_id)))
    cell = tally_cells(votes, "table" if by_table else "group").get((item_id, column_id), [])
    if sum(v.dots for v in cell) == dots and len(cell) <= 1:
        return
    group_id: str | None = column_id
    table_id: str | None = None
    if by_table:
        table_id = column_id
        table = session.get(Kind.TABLE, column_id)
        group_id = table.target_group_id if isinstance(table, Table) else None
    with session.transaction(Label(Action.SET_TALLY, Kind.VOTE, count=dots)):
        keep = cell[0] if cell else None
        for extra in cell[1:]:
            session.delete(Kind.VOTE, extra.id)
        if keep is not None:
            if dots > 0:
                session.put(Kind.VOTE, replace(keep, dots=dots))
            else:
                session.delete(Kind.VOTE, keep.id)
        elif dots > 0:
            session.add(
                Kind.VOTE,
                Vote(
                    id=new_id(),
                    item_id=item_id,
                    dots=dots,
                    target_group_id=group_id,
                    table_id=table_id,
                ),
            )


def cast_ballot(
    session: SessionFile,
    /,
    dots: Mapping[str, int],
    *,
    target_group_id: str | None,
    budget: int,
    cap: int,
    ballot_id: str | None = None,
) -> str:
    """Store one anonymous ballot (kiosk, phone): one vote record per item, one ballot id.

    Refused over the budget or the per-item cap. No voter identity and only
    the hour are stored. A known ``ballot_id`` (a retried phone ballot) is
    not stored twice: its id is returned and nothing changes.
    """
    if ballot_id is not None and session.has_ballot(ballot_id):
        return ballot_id
    spent = sum(count for count in dots.values() if count > 0)
    with session.transaction(Label(Action.CAST_BALLOT, Kind.VOTE, count=spent)):
        return session.cast_ballot(
            dots, target_group_id=target_group_id, budget=budget, cap=cap, ballot_id=ballot_id
        )


def void_ballot(session: SessionFile, /, ballot_id: str) -> int:
    """A ballot no longer counts (tombstones, stamped to the hour); returns its dots."""
    votes = [v for v in session.snapshot().live_votes() if v.ballot_id == ballot_id]
    return _void(session, votes)


def void_last_ballot(session: SessionFile, /) -> int:
    """The facilitator's "void last ballot": returns the dots voided (0: none).

    "Last" is the last ballot cast on this laptop since the session was opened:
    the file itself keeps no order of ballots.
    """
    return _void(session, last_ballot(session.snapshot(), session.ballots_cast_here()))


def _void(session: SessionFile, votes: Sequence[Vote]) -> int:
    if not votes:
        return 0
    dots = sum(v.dots for v in votes)
    with session.transaction(Label(Action.VOID_BALLOT, Kind.VOTE, count=dots)):
        for vote in votes:
            session.delete(Kind.VOTE, vote.id)
    return dots


def fix_voting_rules(session: SessionFile, /, dots: int, cap: int) -> None:
    """Write the rules in force (suggested ones included) before voting opens,
    so the whole vote uses the same numbers."""
    info = session.session()
    if (info.dots_per_participant, info.max_dots_per_item) == (dots, cap):
        return
    with session.transaction(Label(Action.FIX_VOTING_RULES)):
        session.update_session(dots_per_participant=dots, max_dots_per_item=cap)


def set_voting_groups(session: SessionFile, /, group_ids: Sequence[str]) -> None:
    """Which target groups vote (empty: all of them). Run state of this laptop."""
    chosen = list(dict.fromkeys(group_ids))
    if (session.state(run_state.VOTING_GROUPS, []) or []) == chosen:
        return
    with session.transaction(Label(Action.SET_VOTING_GROUPS, Kind.TARGET_GROUP, count=len(chosen))):
        session.set_state(run_state.VOTING_GROUPS, chosen)
