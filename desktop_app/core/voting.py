"""Dot-voting rules: budgets, the kiosk ballot, tally checksums and results.

Pure Python: the vote page, the kiosk, the beamer and the exports all ask here.

* :func:`suggested_dots` - about a third of the items, at least 1.
* :class:`Ballot` - the kiosk's state machine: no sequence of :meth:`Ballot.add`
  and :meth:`Ballot.remove` can spend more than the budget or put more than the
  cap on one item (impossible moves are refused and change nothing).
* :func:`tally_checks` - per target group: dots handed out (participants x dots
  per participant) against dots counted (sticker tallies plus kiosk ballots),
  and what is left or over. An over-count is reported, never cut.
* :func:`voters_per_group` - how many people voted per group, as far as ballots
  and tallies tell: what the privacy floor is checked against.
* :func:`compute_results` - totals and shared ranks (one result for tallies and
  ballots), the breakdown per target group behind the privacy floor (hidden
  groups only together, as "other groups"), and the disagreement flags (see
  :func:`disagreements`).
* :func:`voter_order` - the items in a random order per voter, reproducible from
  a seed.
* :func:`items_frozen` - while voting is open, items are not added or removed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.core import run_state
from desktop_app.core.model import Kind, SessionSnapshot, TargetGroup, Vote, VoteTarget
from desktop_app.core.ranking import (
    RankedItem,
    floor_label,
    hidden_groups,
    shared_ranks,
    vote_items,
)

#: Above this many items the dots split too thinly; the vote page warns.
MANY_ITEMS = 12
#: The lowest number of items for which "top" and "bottom third" mean something.
MIN_ITEMS_FOR_DISAGREEMENT = 3


# --------------------------------------------------------------------- the rules


def suggested_dots(item_count: int) -> int:
    """Dots per participant for ``item_count`` items: about a third, at least 1."""
    return max(1, round(item_count / 3))


def suggested_cap(dots: int) -> int:
    """At most this many dots on one item: half the budget rounded up, at least 1."""
    return max(1, (dots + 1) // 2)


def too_many_items(item_count: int) -> bool:
    """True above :data:`MANY_ITEMS` items: the votes would split."""
    return item_count > MANY_ITEMS


@dataclass(frozen=True, slots=True)
class VotingRules:
    """The rules in force: what is voted on, the budget and the per-item cap."""

    target: VoteTarget
    dots: int
    cap: int
    dots_suggested: bool  # True when the session sets no number and the suggestion is used
    cap_suggested: bool


def rules_of(snapshot: SessionSnapshot) -> VotingRules:
    """The session's voting rules, with the suggestions filling what is not set.

    The cap never exceeds the budget.
    """
    info = snapshot.session
    count = len(vote_items(snapshot))
    dots = info.dots_per_participant or suggested_dots(count)
    cap = info.max_dots_per_item or suggested_cap(dots)
    return VotingRules(
        target=info.votes_on,
        dots=dots,
        cap=max(1, min(cap, dots)),
        dots_suggested=info.dots_per_participant is None,
        cap_suggested=info.max_dots_per_item is None,
    )


StateReader = Mapping[str, Any] | Callable[[str, Any], Any]


def _read(state: StateReader, key: str, default: Any) -> Any:
    if callable(state):
        return state(key, default)
    return state.get(key, default)


def voting_open(state: StateReader) -> bool:
    return bool(_read(state, run_state.VOTING_OPEN, False))


def results_revealed(state: StateReader) -> bool:
    return bool(_read(state, run_state.RESULTS_REVEALED, False))


def reveal_steps(state: StateReader, revealed: bool) -> list[tuple[str, bool]]:
    """The run-state writes that reveal or hide the results, in order.

    Revealing closes the vote first: results that moved with every ballot cast
    would show each voter's ballot as the difference to the moment before.
    """
    steps = []
    if revealed and voting_open(state):
        steps.append((run_state.VOTING_OPEN, False))
    if results_revealed(state) != revealed:
        steps.append((run_state.RESULTS_REVEALED, revealed))
    return steps


def voting_steps(state: StateReader, is_open: bool) -> list[tuple[str, bool]]:
    """The run-state writes that open or close the vote; opening hides the results first."""
    steps = []
    if is_open and results_revealed(state):
        steps.append((run_state.RESULTS_REVEALED, False))
    if voting_open(state) != is_open:
        steps.append((run_state.VOTING_OPEN, is_open))
    return steps


def item_kind(snapshot: SessionSnapshot) -> Kind:
    """The kind of entity the session votes on: themes or proposals."""
    return Kind.PROPOSAL if snapshot.session.votes_on is VoteTarget.PROPOSAL else Kind.THEME


def items_frozen(snapshot: SessionSnapshot, state: StateReader) -> bool:
    """True while voting is open: the voting items must not be added or removed.

    ``state`` is the run state: a mapping of :mod:`run_state` keys, or a
    reader ``(key, default) -> value`` such as ``SessionFile.state``. Which
    items are frozen (themes or proposals) is :func:`item_kind`. Closing the
    vote (the facilitator reopening preparation) lifts the freeze.
    """
    del snapshot  # the freeze holds for either kind of item; kept for callers' symmetry
    return voting_open(state)


def voting_group_ids(snapshot: SessionSnapshot, state: StateReader) -> list[str]:
    """The live target groups that vote, in display order (an empty choice: all)."""
    chosen = _read(state, run_state.VOTING_GROUPS, []) or []
    live = [g.id for g in snapshot.live_target_groups()]
    if not chosen:
        return live
    wanted = set(chosen)
    return [gid for gid in live if gid in wanted]


# --------------------------------------------------------------- the kiosk ballot


class Ballot:
    """One voter's dots before Cast, for the kiosk.

    Invariants, whatever sequence of calls: every count is between 0 and
    ``cap``; the counts add up to at most ``budget``; only the ballot's items
    have counts. :meth:`add` and :meth:`remove` return False and change
    nothing when the move would break them.
    """

    __slots__ = ("_counts", "_spent", "budget", "cap", "items")

    def __init__(self, items: Iterable[str], *, budget: int, cap: int) -> None:
        if budget < 0 or cap < 0:
            raise ValueError("budget and cap must not be negative")
        self.items: tuple[str, ...] = tuple(dict.fromkeys(items))
        self.budget = budget
        self.cap = min(cap, budget)
        self._counts: dict[str, int] = dict.fromkeys(self.items, 0)
        self._spent = 0

    def count(self, item_id: str) -> int:
        return self._counts.get(item_id, 0)

    @property
    def spent(self) -> int:
        return self._spent

    @property
    def left(self) -> int:
        return self.budget - self._spent

    def can_add(self, item_id: str) -> bool:
        if item_id not in self._counts:
            return False
        return self._spent < self.budget and self._counts[item_id] < self.cap

    def can_remove(self, item_id: str) -> bool:
        return self._counts.get(item_id, 0) > 0

    def add(self, item_id: str) -> bool:
        """One more dot on the item, if the budget and the cap allow it."""
        if not self.can_add(item_id):
            return False
        self._counts[item_id] += 1
        self._spent += 1
        return True

    def remove(self, item_id: str) -> bool:
        """One dot fewer on the item, if it has any."""
        if not self.can_remove(item_id):
            return False
        self._counts[item_id] -= 1
        self._spent -= 1
        return True

    def clear(self) -> None:
        self._counts = dict.fromkeys(self.items, 0)
        self._spent = 0

    def dots(self) -> dict[str, int]:
        """The items with dots, as storage's ``cast_ballot`` takes them."""
        return {item: n for item, n in self._counts.items() if n > 0}


def voter_order(item_ids: Sequence[str], seed: int) -> list[str]:
    """The items in a random order for one voter; the same seed, the same order."""
    order = list(item_ids)
    random.Random(seed).shuffle(order)
    return order


class VoterSeeds:
    """A fresh seed per voter; reproducible when started from a seed (tests)."""

    def __init__(self, seed: int | None = None) -> None:
        self._random = random.Random(seed) if seed is not None else random.SystemRandom()

    def next(self) -> int:
        return self._random.getrandbits(63)


# ----------------------------------------------------------------- the tallies


def is_tally(vote: Vote) -> bool:
    return vote.ballot_id is None


def group_of_vote(vote: Vote, table_groups: Mapping[str, str | None]) -> str | None:
    """The target group a vote counts for: its own, else its table's."""
    if vote.target_group_id is not None:
        return vote.target_group_id
    if vote.table_id is not None:
        return table_groups.get(vote.table_id)
    return None


def _table_groups(snapshot: SessionSnapshot) -> dict[str, str | None]:
    return {t.id: t.target_group_id for t in snapshot.tables}


def tally_cells(snapshot: SessionSnapshot, by: str = "group") -> dict[tuple[str, str], list[Vote]]:
    """(item id, group or table id) -> the live sticker-tally records of that cell.

    ``by="group"``: tallies entered per target group (no table);
    ``by="table"``: tallies entered per table.
    """
    cells: dict[tuple[str, str], list[Vote]] = {}
    for vote in snapshot.votes:
        if vote.deleted or not is_tally(vote):
            continue
        if by == "table":
            if vote.table_id is None:
                continue
            key = (vote.item_id, vote.table_id)
        else:
            if vote.table_id is not None or vote.target_group_id is None:
                continue
            key = (vote.item_id, vote.target_group_id)
        cells.setdefault(key, []).append(vote)
    return cells


@dataclass(frozen=True, slots=True)
class GroupCheck:
    """The checksum of one target group's dots."""

    group_id: str
    name: str
    participants: int | None
    handed_out: int | None  # participants x dots; None when participants are unknown
    tallied: int  # dots on sticker tallies
    balloted: int  # dots on kiosk ballots
    ballots: int  # number of kiosk ballots

    @property
    def counted(self) -> int:
        return self.tallied + self.balloted

    @property
    def left(self) -> int | None:
        """Dots handed out but not (yet) counted; None when unknown."""
        if self.handed_out is None:
            return None
        return max(0, self.handed_out - self.counted)

    @property
    def over(self) -> int:
        """Dots counted beyond those handed out: a miscount to look at."""
        if self.handed_out is None:
            return 0
        return max(0, self.counted - self.handed_out)

    @property
    def status(self) -> str:
        """``"unknown"``, ``"over"``, ``"left"`` or ``"complete"``."""
        if self.handed_out is None:
            return "unknown"
        if self.over:
            return "over"
        if self.left:
            return "left"
        return "complete"


def tally_checks(
    snapshot: SessionSnapshot, group_ids: Sequence[str] | None = None, *, dots: int | None = None
) -> list[GroupCheck]:
    """Per target group: handed out (participants x dots) against counted dots.

    Counted are the live votes on the live voting items: sticker tallies (per
    group or per table, a table counting for its group) and kiosk ballots.
    """
    budget = dots if dots is not None else rules_of(snapshot).dots
    groups = {g.id: g for g in snapshot.live_target_groups()}
    wanted = list(group_ids) if group_ids is not None else list(groups)
    items = {item_id for item_id, _ in vote_items(snapshot)}
    table_groups = _table_groups(snapshot)
    tallied = dict.fromkeys(wanted, 0)
    balloted = dict.fromkeys(wanted, 0)
    ballots: dict[str, set[str]] = {gid: set() for gid in wanted}
    for vote in snapshot.votes:
        if vote.deleted or vote.item_id not in items:
            continue
        gid = group_of_vote(vote, table_groups)
        if gid not in tallied:
            continue
        if vote.ballot_id is None:
            tallied[gid] += vote.dots
        else:
            balloted[gid] += vote.dots
            ballots[gid].add(vote.ballot_id)
    result = []
    for gid in wanted:
        group = groups.get(gid)
        participants = group.participants if group is not None else None
        result.append(
            GroupCheck(
                group_id=gid,
                name=group.name if group is not None else "",
                participants=participants,
                handed_out=participants * budget if participants is not None else None,
                tallied=tallied[gid],
                balloted=balloted[gid],
                ballots=len(ballots[gid]),
            )
        )
    return result


def last_ballot(snapshot: SessionSnapshot, cast_here: Sequence[str]) -> list[Vote]:
    """The live vote records of the ballot cast last on this laptop ([] when none).

    The session file keeps no order of ballots, so "last" comes from
    ``cast_here``: the ballot ids cast through this open session, oldest first,
    kept in memory only (``SessionFile.ballots_cast_here``). A voided or undone
    ballot is skipped, so the one before it is next.
    """
    live: dict[str, list[Vote]] = {}
    wanted = set(cast_here)
    for vote in snapshot.votes:
        if not vote.deleted and vote.ballot_id in wanted:
            live.setdefault(vote.ballot_id, []).append(vote)
    for ballot_id in reversed(cast_here):
        if ballot_id in live:
            return live[ballot_id]
    return []


def voters_per_group(
    snapshot: SessionSnapshot, *, dots: int | None = None
) -> dict[str | None, int]:
    """How many people voted in each target group, as far as the votes can tell.

    The privacy floor is checked against this, not against the participants a
    group was declared with. Counted are the live votes on the live voting items:

    * a kiosk ballot is one voter;
    * a sticker tally cannot tell how many people placed its dots, so a group's
      tallies (per group and per table of the group, together) count as the fewest
      people who could have placed them: their dots divided by the dots per
      participant, rounded up (8 dots at 4 per person: 2 voters);
    * never more than the group's declared participants, when those are known
      (a group of 3 with 6 ballots counts 3).

    Every live group is in the result (0 when it did not vote), in display order;
    ``None`` (votes without a live target group) only when there are such votes.
    """
    budget = dots if dots is not None else rules_of(snapshot).dots
    items = {item_id for item_id, _ in vote_items(snapshot)}
    live_groups = snapshot.live_target_groups()
    known = {g.id for g in live_groups}
    table_groups = _table_groups(snapshot)
    ballots: dict[str, str | None] = {}  # ballot id -> its group
    tallied: dict[str | None, int] = {}
    for vote in snapshot.votes:
        if vote.deleted or vote.item_id not in items:
            continue
        gid = group_of_vote(vote, table_groups)
        if gid not in known:
            gid = None
        if vote.ballot_id is not None:
            ballots[vote.ballot_id] = gid
        else:
            tallied[gid] = tallied.get(gid, 0) + vote.dots
    return _voters(live_groups, ballots, tallied, budget)


def _voters(
    live_groups: Sequence[TargetGroup],
    ballots: Mapping[str, str | None],
    tallied: Mapping[str | None, int],
    budget: int,
) -> dict[str | None, int]:
    """:func:`voters_per_group` from what was counted in one pass over the votes:
    ``ballots`` maps each ballot id to its group, ``tallied`` each group to its dots."""
    budget = max(1, budget)
    cast: dict[str | None, int] = {}
    for gid in ballots.values():
        cast[gid] = cast.get(gid, 0) + 1

    def counted(gid: str | None) -> int:
        return cast.get(gid, 0) + -(-tallied.get(gid, 0) // budget)

    result: dict[str | None, int] = {}
    for group in live_groups:
        count = counted(group.id)
        if group.participants is not None:
            count = min(count, group.participants)
        result[group.id] = count
    if None in cast or None in tallied:
        result[None] = counted(None)
    return result


# ------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class GroupBreakdown:
    """One target group's dots per item, or suppressed below the privacy floor."""

    group_id: str | None  # None: votes without a target group
    name: str
    participants: int | None
    suppressed: bool
    totals: Mapping[str, int]  # empty when suppressed
    ranks: Mapping[str, int]  # shared ranks within the group; empty when suppressed
    total_dots: int | None  # None when suppressed

    def cell(self, item_id: str, floor: int) -> str:
        """What a table shows for the item: the number, or ``<k`` when suppressed."""
        if self.suppressed:
            return floor_label(floor)
        return str(self.totals.get(item_id, 0))


@dataclass(frozen=True, slots=True)
class Disagreement:
    """An item one group puts in its top and another in its bottom third."""

    item_id: str
    high_group_id: str
    high_rank: int
    low_group_id: str
    low_rank: int


@dataclass(frozen=True, slots=True)
class OtherGroups:
    """The hidden groups taken together: one row or column, never one per group.

    Shown as "Overige groepen" with their combined dots. Those are the total
    minus the shown groups, which anyone can work out anyway, and they come
    from at least ``floor`` voters (see :func:`hidden_groups`) or are the total
    itself. ``names`` are in alphabetical order, so no position tells which
    group is the small one; ``no_group``: votes without a target group are in it.
    """

    names: tuple[str, ...]
    no_group: bool
    totals: Mapping[str, int]
    total_dots: int


@dataclass(frozen=True, slots=True)
class Results:
    items: tuple[tuple[str, str], ...]  # (id, label) in display order
    ranking: tuple[RankedItem, ...]
    total_dots: int
    ballots: int
    floor: int
    # Every group, suppressed ones included (for checks). A view shows shown_groups
    # and others, never a column or row per suppressed group: its position would
    # tell the small groups apart.
    groups: tuple[GroupBreakdown, ...]
    disagreements: tuple[Disagreement, ...]
    others: OtherGroups | None = None  # None when no group is hidden

    @property
    def shown_groups(self) -> tuple[GroupBreakdown, ...]:
        """The groups shown with their own numbers, in display order."""
        return tuple(g for g in self.groups if not g.suppressed)

    def label(self, item_id: str) -> str:
        return dict(self.items).get(item_id, "")


def top_size(item_count: int) -> int:
    """How many places count as "the top" (and as "the bottom third"): n // 3, at least 1."""
    return max(1, item_count // 3)


def disagreements(groups: Sequence[GroupBreakdown], item_ids: Sequence[str]) -> list[Disagreement]:
    """Items on which two target groups disagree strongly.

    Definition, with n items (n >= 3) and k = max(1, n // 3):

    * an item is in a group's **top** when the group gave it at least one dot
      and fewer than k items got more dots from that group (shared rank <= k);
    * an item is in a group's **bottom third** when at least n - k items got
      more dots from that group (shared rank > n - k), so a tie at zero counts
      as bottom once enough items are above it.

    An item is flagged when one group has it in its top and another in its
    bottom third. Only groups at or above the privacy floor with at least one
    dot take part, so a flag never reveals a small group's vote. Per item the
    pair with the widest gap in rank is reported.
    """
    n = len(item_ids)
    if n < MIN_ITEMS_FOR_DISAGREEMENT:
        return []
    k = top_size(n)
    taking_part = [
        g for g in groups if not g.suppressed and g.group_id is not None and (g.total_dots or 0) > 0
    ]
    flags: list[Disagreement] = []
    for item_id in item_ids:
        best: Disagreement | None = None
        for high in taking_part:
            high_rank = high.ranks.get(item_id, n)
            if high.totals.get(item_id, 0) <= 0 or high_rank > k:
                continue
            for low in taking_part:
                if low is high:
                    continue
                low_rank = low.ranks.get(item_id, n)
                if low_rank <= n - k:
                    continue
                assert high.group_id is not None and low.group_id is not None
                candidate = Disagreement(item_id, high.group_id, high_rank, low.group_id, low_rank)
                if best is None or (low_rank - high_rank) > (best.low_rank - best.high_rank):
                    best = candidate
        if best is not None:
            flags.append(best)
    return flags


def compute_results(snapshot: SessionSnapshot, *, floor: int | None = None) -> Results:
    """Totals, shared ranks, breakdown per target group and disagreement flags.

    Sticker tallies and kiosk ballots add up in one result: the total of an
    item is the sum of the dots of its live votes. A group with fewer voters
    than the privacy floor (:func:`voters_per_group`) is suppressed; votes
    without a target group are collected in one group (``group_id`` None),
    which is always suppressed. While the suppressed groups with dots hold
    fewer voters than the floor together, the shown group with the fewest
    voters is suppressed too (see :func:`hidden_groups`). The suppressed
    groups appear only together, as :attr:`Results.others`.
    """
    k = snapshot.privacy_floor if floor is None else floor
    items = tuple(vote_items(snapshot))
    ids = [item_id for item_id, _ in items]
    wanted = set(ids)
    table_groups = _table_groups(snapshot)
    live_groups = snapshot.live_target_groups()
    known = {g.id for g in live_groups}
    totals = dict.fromkeys(ids, 0)
    per_group: dict[str | None, dict[str, int]] = {}
    ballots: dict[str, str | None] = {}  # ballot id -> its group, for the voters
    tallied: dict[str | None, int] = {}
    for vote in snapshot.votes:
        if vote.deleted or vote.item_id not in wanted:
            continue
        totals[vote.item_id] += vote.dots
        gid = group_of_vote(vote, table_groups)
        if gid not in known:
            gid = None
        if vote.ballot_id is not None:
            ballots[vote.ballot_id] = gid
        else:
            tallied[gid] = tallied.get(gid, 0) + vote.dots
        bucket = per_group.get(gid)
        if bucket is None:
            bucket = per_group[gid] = dict.fromkeys(ids, 0)
        bucket[vote.item_id] += vote.dots
    ranking = tuple(shared_ranks(totals, order=ids))

    breakdowns: list[GroupBreakdown] = []
    entries: list[tuple[str | None, str, int | None]] = [
        (g.id, g.name, g.participants) for g in live_groups
    ]
    if None in per_group:
        entries.append((None, "", None))
    voted = {gid for gid, dots in per_group.items() if any(dots.values())}
    dots = snapshot.session.dots_per_participant or suggested_dots(len(items))
    hidden = hidden_groups(_voters(live_groups, ballots, tallied, dots), k, voted)
    residual = dict.fromkeys(ids, 0)
    for gid, name, participants in entries:
        group_totals = per_group.get(gid, dict.fromkeys(ids, 0))
        suppressed = gid in hidden
        if suppressed:
            for item_id, dots in group_totals.items():
                residual[item_id] += dots
            breakdowns.append(GroupBreakdown(gid, name, participants, True, {}, {}, None))
            continue
        ranks = {r.item_id: r.rank for r in shared_ranks(group_totals, order=ids)}
        breakdowns.append(
            GroupBreakdown(
                gid,
                name,
                participants,
                False,
                dict(group_totals),
                ranks,
                sum(group_totals.values()),
            )
        )
    others = None
    if hidden & {gid for gid, _name, _size in entries}:
        others = OtherGroups(
            names=tuple(
                sorted(
                    (name for gid, name, _size in entries if gid in hidden and gid is not None),
                    key=lambda name: (name.casefold(), name),
                )
            ),
            no_group=None in hidden and None in per_group,
            totals=residual,
            total_dots=sum(residual.values()),
        )
    return Results(
        items=items,
        ranking=ranking,
        total_dots=sum(totals.values()),
        ballots=len(ballots),
        floor=k,
        groups=tuple(breakdowns),
        disagreements=tuple(disagreements(breakdowns, ids)),
        others=others,
    )


def visible_results(snapshot: SessionSnapshot, state: StateReader) -> Results | None:
    """The results, or None while the facilitator has not revealed them.

    Every view that shows results (console, beamer) asks here: the reveal gate.
    """
    if not results_revealed(state):
        return None
    return compute_results(snapshot)
