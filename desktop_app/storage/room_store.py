"""What the room network keeps in the session file (migration m006), and nothing more.

* ``_room_used_tokens``: hashes of one-time ballot tokens already spent. Only
  the hash: no device, no address, no time, no link to the ballot it cast.
* ``_room_card_tokens``: hashes of the printed ballot cards that may vote.
* ``room_proposals``: which proposals came from a phone, the hash of the
  device that sent them (so a scribe can edit its own entries after a
  refresh), and whether a participant's proposal still waits for approval.
* ``votes.channel``: how a vote came in, for the count per channel.

Every write here runs inside an operation's transaction (:mod:`desktop_app.ops.room`),
so it is journaled and undone with the operation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_app.storage.session_file import SessionFile

CHANNELS = ("sticker", "kiosk", "card", "phone")
"""How a vote can come in, in the order the workbook lists them."""

SOURCES = ("scribe", "participant")


def token_hash(token: str) -> str:
    """The SHA-256 of a ballot token, as stored (the token itself is never stored)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_used(session: SessionFile, hashed: str) -> bool:
    row = session.connection.execute(
        "SELECT 1 FROM _room_used_tokens WHERE token_hash = ?", (hashed,)
    ).fetchone()
    return row is not None


def mark_token_used(session: SessionFile, hashed: str) -> None:
    session.connection.execute("INSERT INTO _room_used_tokens (token_hash) VALUES (?)", (hashed,))


def used_token_count(session: SessionFile) -> int:
    row = session.connection.execute("SELECT count(*) FROM _room_used_tokens").fetchone()
    return int(row[0])


def card_token_known(session: SessionFile, hashed: str) -> bool:
    row = session.connection.execute(
        "SELECT 1 FROM _room_card_tokens WHERE token_hash = ?", (hashed,)
    ).fetchone()
    return row is not None


def add_card_tokens(session: SessionFile, hashes: Iterable[str]) -> None:
    session.connection.executemany(
        "INSERT OR IGNORE INTO _room_card_tokens (token_hash) VALUES (?)",
        [(h,) for h in hashes],
    )


@dataclass(frozen=True, slots=True)
class RoomProposal:
    """A proposal sent from a phone."""

    proposal_id: str
    device_hash: str
    source: str
    pending: bool


def record_room_proposal(
    session: SessionFile, proposal_id: str, *, device_hash: str, source: str, pending: bool
) -> None:
    session.connection.execute(
        "INSERT OR REPLACE INTO room_proposals (proposal_id, device_hash, source, pending) "
        "VALUES (?, ?, ?, ?)",
        (proposal_id, device_hash, source, 1 if pending else 0),
    )


def room_proposal(session: SessionFile, proposal_id: str) -> RoomProposal | None:
    row = session.connection.execute(
        "SELECT proposal_id, device_hash, source, pending FROM room_proposals "
        "WHERE proposal_id = ?",
        (proposal_id,),
    ).fetchone()
    if row is None:
        return None
    return RoomProposal(str(row[0]), str(row[1]), str(row[2]), bool(row[3]))


def device_proposal_ids(session: SessionFile, device_hash: str) -> list[str]:
    """The live proposals one device sent, oldest first."""
    rows = session.connection.execute(
        "SELECT r.proposal_id FROM room_proposals r JOIN proposals p ON p.id = r.proposal_id "
        "WHERE r.device_hash = ? AND p.deleted = 0 ORDER BY p.seq",
        (device_hash,),
    )
    return [str(row[0]) for row in rows]


def pending_proposal_ids(session: SessionFile) -> list[str]:
    """Participants' proposals waiting for the facilitator, oldest first."""
    rows = session.connection.execute(
        "SELECT r.proposal_id FROM room_proposals r JOIN proposals p ON p.id = r.proposal_id "
        "WHERE r.pending = 1 AND p.deleted = 0 ORDER BY p.seq"
    )
    return [str(row[0]) for row in rows]


def set_pending(session: SessionFile, proposal_ids: Sequence[str], pending: bool) -> None:
    session.connection.executemany(
        "UPDATE room_proposals SET pending = ? WHERE proposal_id = ?",
        [(1 if pending else 0, pid) for pid in proposal_ids],
    )


def set_vote_channel(session: SessionFile, vote_ids: Iterable[str], channel: str) -> None:
    """Say how these votes came in (by primary key: no scan of the votes)."""
    if channel not in CHANNELS:
        raise ValueError(channel)
    session.connection.executemany(
        "UPDATE votes SET channel = ? WHERE id = ?", [(channel, vid) for vid in vote_ids]
    )


@dataclass(frozen=True, slots=True)
class ChannelCount:
    """How many ballots (tallies: sticker cells) and dots came in through one channel."""

    channel: str
    ballots: int
    dots: int


def channel_counts(session: SessionFile) -> list[ChannelCount]:
    """Live votes per channel, every channel listed (0 when none).

    A vote without a channel (merged from a laptop of an older version, or a
    new tally or kiosk ballot) counts as a sticker tally when it has no ballot
    and as a kiosk ballot when it has one.
    """
    rows = session.connection.execute(
        "SELECT coalesce(channel, CASE WHEN ballot_id IS NULL THEN 'sticker' ELSE 'kiosk' END) "
        "AS ch, count(DISTINCT coalesce(ballot_id, id)), coalesce(sum(dots), 0) "
        "FROM votes WHERE deleted = 0 GROUP BY ch"
    ).fetchall()
    found = {str(row[0]): (int(row[1]), int(row[2])) for row in rows}
    return [ChannelCount(ch, *found.get(ch, (0, 0))) for ch in CHANNELS]
