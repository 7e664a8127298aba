"""Vote totals and ranks with shared places (1, 2, 2, 4), and the privacy floor."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from desktop_app.core.model import SessionSnapshot, Vote


@dataclass(frozen=True, slots=True)
class RankedItem:
    item_id: str
    total: int
    rank: int


def shared_ranks(totals: Mapping[str, int], order: Iterable[str] | None = None) -> list[RankedItem]:
    """Rank items by total, highest first; equal totals share a rank (1, 2, 2, 4).

    ``order`` breaks ties for display only (items with the same total keep that
    order); it never changes a rank. Without it, ties are listed by item id.
    """
    position = {item: i for i, item in enumerate(order)} if order is not None else {}
    items = sorted(
        totals.items(),
        key=lambda kv: (-kv[1], position.get(kv[0], len(position)), kv[0]),
    )
    ranked: list[RankedItem] = []
    previous_total: int | None = None
    rank = 0
    for index, (item_id, total) in enumerate(items, start=1):
        if total != previous_total:
            rank = index
            previous_total = total
        ranked.append(RankedItem(item_id, total, rank))
    return ranked


def vote_totals(votes: Iterable[Vote], item_ids: Iterable[str]) -> dict[str, int]:
    """Sum of dots of the live votes per item; items without votes count 0."""
    totals = dict.fromkeys(item_ids, 0)
    for vote in votes:
        if not vote.deleted and vote.item_id in totals:
            totals[vote.item_id] += vote.dots
    return totals


def dots_per_group(
    votes: Iterable[Vote], item_ids: Iterable[str]
) -> dict[str, dict[str | None, int]]:
    """item id -> target group id (None: no group given) -> dots."""
    wanted = set(item_ids)
    result: dict[str, dict[str | None, int]] = {item: defaultdict(int) for item in wanted}
    for vote in votes:
        if not vote.deleted and vote.item_id in wanted:
            result[vote.item_id][vote.target_group_id] += vote.dots
    return {item: dict(groups) for item, groups in result.items()}


def below_privacy_floor(participants: int | None, floor: int) -> bool:
    """True when a group is too small for its breakdown to stay anonymous.

    A group with an unknown number of participants is treated as too small.
    """
    return participants is None or participants < floor


def hidden_groups(
    participants: Mapping[str | None, int | None], floor: int, voted: Collection[str | None]
) -> set[str | None]:
    """The groups whose numbers are not shown, from their sizes (in display order).

    A group below the privacy floor is hidden (``None`` stands for votes without a
    target group: size unknown, so always hidden). The totals are always shown, so
    if exactly one hidden group has dots (``voted``), its numbers would be the total
    minus the shown groups: then the smallest shown group that has dots is hidden as
    well (complementary suppression) and only the sum of the two can be worked out.
    Whether a group has dots counts, not its size: a group entered with 0 participants
    can still vote, and a cover without dots would hide nothing.
    """
    hidden = {group for group, size in participants.items() if below_privacy_floor(size, floor)}
    hidden_with_dots = [group for group in hidden if group in voted]
    covers = [group for group in participants if group not in hidden and group in voted]
    if len(hidden_with_dots) == 1 and covers:
        hidden.add(min(covers, key=lambda group: participants[group] or 0))
    return hidden


def floor_label(floor: int) -> str:
    """What a suppressed number shows instead: ``<5``."""
    return f"<{floor}"


def vote_items(snapshot: SessionSnapshot) -> list[tuple[str, str]]:
    """The live items the session votes on, as (id, label), in display order."""
    if snapshot.session.votes_on == "proposal":
        return [(p.id, p.text) for p in snapshot.live_proposals()]
    return [(t.id, t.name) for t in snapshot.live_themes()]


def ranking_of(snapshot: SessionSnapshot) -> list[RankedItem]:
    """Shared ranks of every live voting item of the session."""
    items = vote_items(snapshot)
    ids = [item_id for item_id, _ in items]
    return shared_ranks(vote_totals(snapshot.votes, ids), order=ids)
