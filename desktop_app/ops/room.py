"""Operations the room network runs for phones and ballot cards (issue 16).

Each one is one transaction and, when it changed something, one undo step,
exactly as the console's operations: the room server never writes the file
itself but hands these to the thread that owns the session file (the GUI
thread through the controller's session, or the headless writer thread).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from desktop_app.core import labels, rules, run_state
from desktop_app.core.actions import Action, Label
from desktop_app.core.errors import ValidationError
from desktop_app.core.labels import Text
from desktop_app.core.model import MAX_PROPOSAL_LENGTH, Kind, Proposal, Round, Table, TargetGroup
from desktop_app.core.voting import rules_of
from desktop_app.ops.errors import OperationError
from desktop_app.storage import room_store
from desktop_app.storage.session_file import SessionFile, new_id

# code -> (Dutch, English): what a phone is told when the server refuses (in the catalogue).
ROOM_MESSAGES: dict[str, Text] = labels.ROOM


class RoomError(OperationError):
    """A phone's request was refused; nothing was changed."""

    def message(self, lang: str = "nl") -> str:
        if self.code not in ROOM_MESSAGES:
            return super().message(lang)
        nl, en = ROOM_MESSAGES[self.code]
        return (en if lang == "en" else nl).format(**self.params)


def _checked_text(text: str) -> str:
    try:
        rules.check_proposal_text(text)
    except ValidationError:
        raise RoomError("bad_text", limit=MAX_PROPOSAL_LENGTH) from None
    return text


def send_proposal(
    session: SessionFile,
    /,
    round_id: str,
    table_id: str,
    text: str,
    *,
    proposal_id: str,
    device_hash: str,
    pending: bool,
    source: str = "scribe",
) -> Proposal:
    """A proposal typed on a phone, with the phone's own id (its offline queue's UUID).

    A retry of a proposal already stored returns it unchanged (never twice).
    ``pending``: approve-first moderation, the proposal is stored but hidden
    on the beamer until the facilitator approves it.
    """
    stored = session.get(Kind.PROPOSAL, proposal_id)
    if isinstance(stored, Proposal):
        mine = room_store.room_proposal(session, proposal_id)
        if mine is None or mine.device_hash != device_hash:
            raise RoomError("not_yours")
        return stored
    if source not in room_store.SOURCES:
        raise ValueError(source)
    round_ = session.get(Kind.ROUND, round_id)
    if not isinstance(round_, Round) or round_.deleted:
        raise RoomError("unknown_round")
    table = session.get(Kind.TABLE, table_id)
    if not isinstance(table, Table) or table.deleted:
        raise RoomError("unknown_table")
    _checked_text(text)
    with session.transaction(Label(Action.ADD_PROPOSAL)):
        proposal = session.add_proposal(round_id, table_id, text, proposal_id=proposal_id)
        room_store.record_room_proposal(
            session, proposal.id, device_hash=device_hash, source=source, pending=pending
        )
        if pending:
            session.set_hidden_on_beamer(proposal.id, True)
    return proposal


def _own(session: SessionFile, proposal_id: str, device_hash: str) -> Proposal:
    mine = room_store.room_proposal(session, proposal_id)
    proposal = session.get(Kind.PROPOSAL, proposal_id)
    if mine is None or mine.device_hash != device_hash or not isinstance(proposal, Proposal):
        raise RoomError("not_yours")
    return proposal


def edit_own_proposal(
    session: SessionFile, /, proposal_id: str, text: str, *, device_hash: str
) -> Proposal:
    """A scribe corrects an entry it sent itself (no step when it is the same)."""
    current = _own(session, proposal_id, device_hash)
    _checked_text(text)
    if current.text == text or current.deleted:
        return current
    with session.transaction(Label(Action.EDIT_PROPOSAL)):
        return session.put(Kind.PROPOSAL, replace(current, text=text))


def delete_own_proposal(session: SessionFile, /, proposal_id: str, *, device_hash: str) -> int:
    """A scribe deletes an entry it sent itself (a tombstone); 0 when already gone."""
    current = _own(session, proposal_id, device_hash)
    if current.deleted:
        return 0
    with session.transaction(Label(Action.DELETE_PROPOSALS, Kind.PROPOSAL, count=1)):
        session.delete(Kind.PROPOSAL, proposal_id)
    return 1


def approve_proposals(session: SessionFile, /, proposal_ids: Sequence[str]) -> int:
    """The facilitator lets participants' proposals onto the beamer; returns how many."""
    return _moderate(session, proposal_ids, show=True)


def keep_hidden(session: SessionFile, /, proposal_ids: Sequence[str]) -> int:
    """The facilitator decides: stored, but not on the beamer; returns how many."""
    return _moderate(session, proposal_ids, show=False)


def _moderate(session: SessionFile, proposal_ids: Sequence[str], *, show: bool) -> int:
    waiting = set(room_store.pending_proposal_ids(session))
    chosen = [pid for pid in dict.fromkeys(proposal_ids) if pid in waiting]
    if not chosen:
        return 0
    action = Action.SHOW_ON_BEAMER if show else Action.HIDE_ON_BEAMER
    with session.transaction(Label(action, Kind.PROPOSAL, count=len(chosen))):
        room_store.set_pending(session, chosen, False)
        for pid in chosen:
            session.set_hidden_on_beamer(pid, not show)
    return len(chosen)


def voting_rules(session: SessionFile) -> tuple[int, int]:
    """(budget, cap) in force: fixed when voting opened, else as the console suggests."""
    info = session.session()
    if info.dots_per_participant and info.max_dots_per_item:
        return info.dots_per_participant, max(
            1, min(info.max_dots_per_item, info.dots_per_participant)
        )
    found = rules_of(session.snapshot())
    return found.dots, found.cap


def cast_token_ballot(
    session: SessionFile,
    /,
    token: str,
    dots: Mapping[str, int],
    *,
    target_group_id: str | None,
    channel: str,
) -> str:
    """One anonymous ballot from a phone or a ballot card, cast once per one-time token.

    The budget, the per-item cap, the items and the target group are checked
    here, whatever the page allowed. What is stored: the ballot's votes (no
    order, the hour only) and, apart from them, the token's hash among the
    used ones; nothing links the two. Returns the ballot id.
    """
    if channel not in ("phone", "card"):
        raise ValueError(channel)
    if not session.state(run_state.VOTING_OPEN, False):
        raise RoomError("voting_closed")
    hashed = room_store.token_hash(card_canonical(token) if channel == "card" else token)
    if channel == "card" and not room_store.card_token_known(session, hashed):
        raise RoomError("unknown_card")
    if room_store.token_used(session, hashed):
        raise RoomError("already_voted")
    budget, cap = voting_rules(session)
    counts = {item: int(n) for item, n in dots.items() if int(n) != 0}
    if any(n < 0 for n in counts.values()):
        raise RoomError("over_cap", cap=cap)
    if not counts:
        raise RoomError("empty_ballot")
    if any(n > cap for n in counts.values()):
        raise RoomError("over_cap", cap=cap)
    if sum(counts.values()) > budget:
        raise RoomError("over_budget", budget=budget)
    kind = Kind.PROPOSAL if session.session().votes_on == "proposal" else Kind.THEME
    for item_id in counts:
        item = session.get(kind, item_id)
        if item is None or item.deleted:
            raise RoomError("unknown_item")
    if target_group_id is not None:
        group = session.get(Kind.TARGET_GROUP, target_group_id)
        chosen = session.state(run_state.VOTING_GROUPS, []) or []
        if (
            not isinstance(group, TargetGroup)
            or group.deleted
            or (chosen and target_group_id not in chosen)
        ):
            raise RoomError("unknown_group")
    vote_ids = {item_id: new_id() for item_id in counts}
    with session.transaction(Label(Action.CAST_BALLOT, Kind.VOTE, count=sum(counts.values()))):
        room_store.mark_token_used(session, hashed)
        ballot_id = session.cast_ballot(
            counts, target_group_id=target_group_id, budget=budget, cap=cap, vote_ids=vote_ids
        )
        room_store.set_vote_channel(session, vote_ids.values(), channel)
    return ballot_id


@dataclass(frozen=True, slots=True)
class BallotRequest:
    """One ballot as a phone or a card sent it (see :func:`cast_token_ballots`)."""

    token: str
    dots: Mapping[str, int]
    target_group_id: str | None
    channel: str


def cast_token_ballots(
    session: SessionFile, /, ballots: Sequence[BallotRequest]
) -> list[str | RoomError]:
    """Several phones' ballots in one transaction (group commit): a ballot id or the refusal each.

    The room server gathers the ballots that arrive while the previous commit
    is being written, so that 300 phones voting at once wait for a few disk
    syncs instead of 300. One ballot alone (the usual case) is exactly
    :func:`cast_token_ballot`; several are one undo step together. A refused
    ballot changes nothing and does not stop the others.
    """
    if len(ballots) == 1:
        only = ballots[0]
        try:
            return [
                cast_token_ballot(
                    session,
                    only.token,
                    only.dots,
                    target_group_id=only.target_group_id,
                    channel=only.channel,
                )
            ]
        except RoomError as refused:
            return [refused]
    results: list[str | RoomError] = []
    asked = sum(max(0, int(n)) for ballot in ballots for n in ballot.dots.values())
    with session.transaction(Label(Action.CAST_BALLOT, Kind.VOTE, count=asked)):
        for ballot in ballots:
            try:
                results.append(
                    cast_token_ballot(
                        session,
                        ballot.token,
                        ballot.dots,
                        target_group_id=ballot.target_group_id,
                        channel=ballot.channel,
                    )
                )
            except RoomError as refused:  # checked before anything was written
                results.append(refused)
    return results


def issue_ballot_cards(session: SessionFile, /, count: int) -> list[str]:
    """``count`` new one-time card tokens (returned once, to print); only hashes are kept.

    Not an undo step: undoing it would void cards already printed.
    """
    if not 1 <= count <= 2000:
        raise ValueError(count)
    tokens = [new_card_code() for _ in range(count)]
    with session.transaction():
        room_store.add_card_tokens(
            session, (room_store.token_hash(card_canonical(t)) for t in tokens)
        )
    return tokens


CARD_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: read aloud, typed by hand


def new_card_code() -> str:
    """A card's one-time code: 16 characters (78 bits) in groups of four, ``K7Q4-M2XD-…``."""
    raw = "".join(secrets.choice(CARD_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def card_canonical(code: str) -> str:
    """A typed card code as stored (hashed): capitals, no spaces or dashes."""
    return "".join(code.split()).replace("-", "").upper()
