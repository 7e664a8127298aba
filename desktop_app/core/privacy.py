"""What a session may tell about people: ballot times, ballot order, personal names.

Pure Python. Who is hidden behind the privacy floor is decided in
:func:`desktop_app.core.ranking.hidden_groups` (from
:func:`desktop_app.core.voting.voters_per_group`); this module holds the rest:

* :func:`hour_of` - a timestamp cut to its hour, the most a ballot may carry.
* :func:`ballot_stamp` - the hour stamped on a change of a ballot's record, always
  later than the stamp it replaces (so a voided ballot still wins a merge).
* :func:`unordered` - votes in an order that says nothing about when they were
  made, whatever their ids look like.
* :func:`without_names` - the session without the names of people (table hosts,
  owners of interventions), for an export shared beyond HR.
* :func:`shared_votes` - the votes as a copy shared beyond HR may hold them: the
  privacy floor applied to the records themselves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop_app.core.model import SessionSnapshot, Vote
from desktop_app.core.timestamps import format_instant, parse_instant
from desktop_app.core.voting import compute_results, group_of_vote

HOUR = timedelta(hours=1)


def floor_to_hour(moment: datetime) -> datetime:
    """The start of the hour ``moment`` is in (its time zone kept)."""
    return moment.replace(minute=0, second=0, microsecond=0)


def hour_of(text: str) -> str:
    """``2026-03-12T15:24:12+01:00`` -> ``2026-03-12T14:00:00.000000Z``: the hour, in UTC.

    Raises ValueError for a text that is not a timestamp with an offset.
    """
    return format_instant(floor_to_hour(parse_instant(text).astimezone(UTC)))


def ballot_stamp(now: datetime, stored: str | None) -> str:
    """The ``updated_at`` for a change of a ballot's record: the hour of ``now``.

    When the stored record already carries that hour (cast and voided in the
    same hour), the next hour: a change must be later than what it replaces,
    or a merge on another laptop would keep the old record.
    """
    stamp = floor_to_hour(now.astimezone(UTC))
    if stored is not None:
        try:
            before = parse_instant(stored)
        except ValueError:
            before = None
        if before is not None and before >= stamp:
            stamp = floor_to_hour(before.astimezone(UTC)) + HOUR
    return format_instant(stamp)


def coarse_ballot_record(record: Mapping[str, Any]) -> Mapping[str, Any]:
    """An exchange vote record as it may be kept: a ballot's time cut to the hour.

    Tallies (no ``ballot_id``) and records without a valid timestamp come back
    unchanged (the schema check names a bad timestamp).
    """
    stamp = record.get("updated_at")
    if not record.get("ballot_id") or not isinstance(stamp, str):
        return record
    try:
        coarse = hour_of(stamp)
    except ValueError:
        return record
    if coarse == stamp:
        return record
    return {**record, "updated_at": coarse}


def _mix(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()


def unordered(votes: Iterable[Vote]) -> list[Vote]:
    """Tallies, then ballots (each ballot's records together), in an order from
    a hash of their ids: never the order they were stored or cast in, even when
    ids hold a time (UUID versions 1, 6 and 7 do)."""
    return sorted(
        votes,
        key=lambda v: (v.ballot_id is not None, _mix(v.ballot_id or v.id), _mix(v.id)),
    )


def unordered_ids(ids: Iterable[str]) -> list[str]:
    """Ids in the same hash order as :func:`unordered` uses."""
    return sorted(ids, key=_mix)


def without_names(snapshot: SessionSnapshot) -> SessionSnapshot:
    """The session with the names of people left out: table hosts and owners.

    Free text (proposals, descriptions) is kept as typed: it is not searched
    for names.
    """
    return replace(
        snapshot,
        tables=tuple(replace(t, host=None) if t.host else t for t in snapshot.tables),
        interventions=tuple(
            replace(i, owner=None) if i.owner else i for i in snapshot.interventions
        ),
    )


def shared_votes(snapshot: SessionSnapshot) -> list[Vote]:
    """The votes for a copy shared beyond HR, in :func:`unordered` order.

    The privacy floor applied to the records: a vote of a group that the
    results hide (:func:`desktop_app.core.voting.compute_results`) keeps its
    item and dots but loses its group, table and ballot, so no ballot of a
    hidden group can be put together again and its dots count as "no target
    group" (hidden too) when the copy is opened. A tally of a shown group's
    table counts for the group, without the table. Every record carries the
    hour only. Ids stay, so merging the copy back changes nothing.
    """
    hidden = {g.group_id for g in compute_results(snapshot).groups if g.suppressed}
    live = {g.id for g in snapshot.live_target_groups()}
    table_groups = {t.id: t.target_group_id for t in snapshot.tables}
    result: list[Vote] = []
    for vote in unordered(snapshot.votes):
        group = group_of_vote(vote, table_groups)
        group = group if group in live else None
        stamp = vote.updated_at
        if stamp is not None:
            try:
                stamp = hour_of(stamp)
            except ValueError:
                stamp = None
        if group in hidden:
            shared = replace(
                vote, target_group_id=None, table_id=None, ballot_id=None, updated_at=stamp
            )
        else:
            shared = replace(vote, target_group_id=group, table_id=None, updated_at=stamp)
        result.append(shared)
    return result
