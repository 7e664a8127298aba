"""Vote totals and ranks with shared places (1, 2, 2, 4), and the privacy floor."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from desktop_app.core.model import SessionSnapshot, Vote, VoteTarget


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


def below_privacy_floor(voters: int | None, floor: int) -> bool:
    """True when fewer than ``floor`` people voted in a group: its own numbers
    would not stay anonymous. An unknown number counts as too few."""
    return voters is None or voters < floor


def hidden_groups(
    voters: Mapping[str | None, int | None], floor: int, voted: Collection[str | None]
) -> set[str | None]:
    """The groups whose own numbers are not shown, from how many voted in each.

    ``voters`` is in display order (see :func:`desktop_app.core.voting.voters_per_group`);
    ``voted`` holds the groups that gave dots. A group with fewer voters than the
    floor is hidden; ``None`` (votes without a target group) always is. The totals
    are always shown, so what the hidden groups gave *together* is the total minus
    the shown groups. While the hidden groups that gave dots hold fewer voters than
    the floor together, the shown group with dots and the fewest voters is hidden
    as well (complementary suppression; on equal counts the first in display order).
    So whatever can be worked out comes from at least ``floor`` voters, or is the
    total itself. A group that gave dots counts even when it claims 0 voters (0
    participants entered): the cover is added then too.
    """
    hidden: set[str | None] = {
        group
        for group, count in voters.items()
        if group is None or below_privacy_floor(count, floor)
    }
    while True:
        with_dots = [group for group in hidden if group in voted]
        if not with_dots or sum(voters[group] or 0 for group in with_dots) >= floor:
            return hidden
        covers = [group for group in voters if group not in hidden and group in voted]
        if not covers:
            return hidden
        hidden.add(min(covers, key=lambda group: voters[group] or 0))


def floor_label(floor: int) -> str:
    """What a suppressed number shows instead: ``<5``."""
    return f"<{floor}"


def vote_items(snapshot: SessionSnapshot) -> list[tuple[str, str]]:
    """The live items the session votes on, as (id, label), in display order."""
    if snapshot.session.votes_on is VoteTarget.PROPOSAL:
        return [(p.id, p.text) for p in snapshot.live_proposals()]
    return [(t.id, t.name) for t in snapshot.live_themes()]


def ranking_of(snapshot: SessionSnapshot) -> list[RankedItem]:
    """Shared ranks of every live voting item of the session."""
    items = vote_items(snapshot)
    ids = [item_id for item_id, _ in items]
    return shared_ranks(vote_totals(snapshot.votes, ids), order=ids)
