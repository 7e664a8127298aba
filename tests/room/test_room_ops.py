"""The room's operations on a real session file: idempotent proposals, one ballot per token."""

from __future__ import annotations

import sqlite3
import uuid

import pytest

from desktop_app.core import run_state
from desktop_app.core.model import Kind
from desktop_app.ops import room as room_ops
from desktop_app.ops.room import RoomError
from desktop_app.storage import room_store
from desktop_app.storage.session_file import SessionFile


def _open_vote(session: SessionFile) -> list[str]:
    with session.transaction():
        session.set_state(run_state.VOTING_OPEN, True)
    kind = Kind.PROPOSAL if session.session().votes_on == "proposal" else Kind.THEME
    return session.live_ids(kind)


def test_a_retried_proposal_is_stored_once_and_pending_ones_stay_off_the_beamer(
    demo_session: SessionFile,
) -> None:
    round_id = demo_session.rounds()[0].id
    table_id = demo_session.tables()[0].id
    pid = str(uuid.uuid4())
    before = len(demo_session.proposals())
    for _ in range(3):
        room_ops.send_proposal(
            demo_session,
            round_id,
            table_id,
            "Fietsplan",
            proposal_id=pid,
            device_hash="d1",
            pending=True,
            source="participant",
        )
    assert len(demo_session.proposals()) == before + 1
    assert pid in demo_session.hidden_on_beamer()
    assert room_store.pending_proposal_ids(demo_session) == [pid]
    assert room_ops.approve_proposals(demo_session, [pid]) == 1
    assert pid not in demo_session.hidden_on_beamer()
    assert room_store.pending_proposal_ids(demo_session) == []
    demo_session.undo()
    assert pid in demo_session.hidden_on_beamer()


def test_only_the_sending_device_edits_or_deletes(demo_session: SessionFile) -> None:
    round_id = demo_session.rounds()[0].id
    table_id = demo_session.tables()[0].id
    pid = str(uuid.uuid4())
    room_ops.send_proposal(
        demo_session,
        round_id,
        table_id,
        "Eerst",
        proposal_id=pid,
        device_hash="d1",
        pending=False,
    )
    with pytest.raises(RoomError) as refused:
        room_ops.edit_own_proposal(demo_session, pid, "Anders", device_hash="d2")
    assert "niet vanaf dit toestel" in refused.value.message("nl")
    assert room_ops.edit_own_proposal(demo_session, pid, "Anders", device_hash="d1").text == (
        "Anders"
    )
    assert room_ops.delete_own_proposal(demo_session, pid, device_hash="d1") == 1
    assert pid not in room_store.device_proposal_ids(demo_session, "d1")


def test_a_token_votes_once_within_budget_and_cap(demo_session: SessionFile) -> None:
    items = _open_vote(demo_session)
    budget, cap = room_ops.voting_rules(demo_session)
    before = room_store.channel_counts(demo_session)
    room_ops.cast_token_ballot(
        demo_session, "token-1", {items[0]: 1}, target_group_id=None, channel="phone"
    )
    with pytest.raises(RoomError, match="already been cast"):
        room_ops.cast_token_ballot(
            demo_session, "token-1", {items[1]: 1}, target_group_id=None, channel="phone"
        )
    with pytest.raises(RoomError):
        room_ops.cast_token_ballot(
            demo_session, "token-2", {items[0]: cap + 1}, target_group_id=None, channel="phone"
        )
    spread = {item: 1 for item in items[: budget + 1]}
    if len(spread) > budget:
        with pytest.raises(RoomError):
            room_ops.cast_token_ballot(
                demo_session, "token-2", spread, target_group_id=None, channel="phone"
            )
    after = {c.channel: c for c in room_store.channel_counts(demo_session)}
    was = {c.channel: c for c in before}
    assert after["phone"].ballots == was["phone"].ballots + 1
    assert after["phone"].dots == was["phone"].dots + 1


def test_cards_vote_only_when_printed_and_nothing_links_token_to_choice(
    demo_session: SessionFile, tmp_path: object
) -> None:
    items = _open_vote(demo_session)
    with pytest.raises(RoomError, match="not known"):
        room_ops.cast_token_ballot(
            demo_session, "forged", {items[0]: 1}, target_group_id=None, channel="card"
        )
    tokens = room_ops.issue_ballot_cards(demo_session, 3)
    room_ops.cast_token_ballot(
        demo_session, tokens[0], {items[0]: 1}, target_group_id=None, channel="card"
    )
    conn: sqlite3.Connection = demo_session.connection
    columns = [row[1] for row in conn.execute("PRAGMA table_info(_room_used_tokens)")]
    assert columns == ["token_hash"]
    assert tokens[0] not in str(conn.execute("SELECT * FROM votes").fetchall())
    hashes = [row[0] for row in conn.execute("SELECT token_hash FROM _room_used_tokens")]
    assert hashes == [room_store.token_hash(room_ops.card_canonical(tokens[0]))]
    counts = {c.channel: c.ballots for c in room_store.channel_counts(demo_session)}
    assert counts["card"] == 1


def test_voting_closed_is_refused(demo_session: SessionFile) -> None:
    item = demo_session.live_ids(Kind.THEME)[:1] or demo_session.live_ids(Kind.PROPOSAL)[:1]
    with pytest.raises(RoomError, match="not open"):
        room_ops.cast_token_ballot(
            demo_session, "t", {item[0]: 1}, target_group_id=None, channel="phone"
        )
