"""Dot-voting rules: budgets, ballots, checksums, shared ranks, privacy, disagreement."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core import run_state
from desktop_app.core.model import (
    Kind,
    SessionInfo,
    SessionSnapshot,
    Table,
    TargetGroup,
    Theme,
    Vote,
)
from desktop_app.core.voting import (
    Ballot,
    VoterSeeds,
    compute_results,
    disagreements,
    items_frozen,
    last_ballot,
    rules_of,
    suggested_dots,
    tally_cells,
    tally_checks,
    too_many_items,
    visible_results,
    voter_order,
    voters_per_group,
    voting_group_ids,
)
from desktop_app.storage.session_file import SessionFile


def themes(n: int) -> tuple[Theme, ...]:
    return tuple(Theme(id=f"t{i}", name=f"Thema {i}") for i in range(1, n + 1))


def snapshot(
    *,
    n_items: int = 6,
    groups: tuple[TargetGroup, ...] = (),
    votes: tuple[Vote, ...] = (),
    tables: tuple[Table, ...] = (),
    dots: int | None = None,
    cap: int | None = None,
    floor: int = 5,
) -> SessionSnapshot:
    return SessionSnapshot(
        session=SessionInfo(
            id="s", title="Sessie", dots_per_participant=dots, max_dots_per_item=cap
        ),
        target_groups=groups,
        tables=tables,
        themes=themes(n_items),
        votes=votes,
        privacy_floor=floor,
    )


_counter = iter(range(1_000_000))


def vote(item: str, dots: int, group: str | None = None, **kw: object) -> Vote:
    return Vote(id=f"v{next(_counter)}", item_id=item, dots=dots, target_group_id=group, **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------ suggestions


@pytest.mark.parametrize(
    ("items", "dots"), [(0, 1), (1, 1), (2, 1), (3, 1), (7, 2), (9, 3), (12, 4), (30, 10)]
)
def test_suggested_dots_is_about_a_third_and_at_least_one(items: int, dots: int) -> None:
    assert suggested_dots(items) == dots


def test_rules_use_the_suggestion_until_the_session_sets_a_number() -> None:
    rules = rules_of(snapshot(n_items=9))
    assert (rules.dots, rules.dots_suggested) == (3, True)
    assert rules.cap <= rules.dots
    set_rules = rules_of(snapshot(n_items=9, dots=5, cap=9))
    assert (set_rules.dots, set_rules.cap, set_rules.dots_suggested) == (5, 5, False)


def test_warning_above_twelve_items() -> None:
    assert not too_many_items(12)
    assert too_many_items(13)


def test_items_frozen_while_voting_is_open_with_mapping_or_reader() -> None:
    snap = snapshot()
    assert not items_frozen(snap, {})
    assert items_frozen(snap, {run_state.VOTING_OPEN: True})
    assert not items_frozen(snap, lambda key, default: default)
    assert items_frozen(snap, lambda key, default: key == run_state.VOTING_OPEN)


def test_voting_groups_empty_choice_means_all() -> None:
    groups = (TargetGroup("a", "A", 10), TargetGroup("b", "B", 10))
    snap = snapshot(groups=groups)
    assert voting_group_ids(snap, {}) == ["a", "b"]
    assert voting_group_ids(snap, {run_state.VOTING_GROUPS: ["b", "gone"]}) == ["b"]


# ---------------------------------------------------------------------- ballot


clicks = st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=7)), max_size=200)


@settings(max_examples=300, deadline=None)
@given(
    moves=clicks,
    budget=st.integers(min_value=0, max_value=10),
    cap=st.integers(min_value=0, max_value=10),
)
def test_no_sequence_of_clicks_breaks_budget_or_cap(
    moves: list[tuple[bool, int]], budget: int, cap: int
) -> None:
    items = [f"t{i}" for i in range(6)]  # index 6 and 7 are unknown items
    ballot = Ballot(items, budget=budget, cap=cap)
    model: dict[str, int] = dict.fromkeys(items, 0)
    for plus, index in moves:
        item = f"t{index}"
        before = dict(model)
        changed = ballot.add(item) if plus else ballot.remove(item)
        if changed:
            model[item] += 1 if plus else -1
        else:
            assert {i: ballot.count(i) for i in items} == before
        assert all(0 <= ballot.count(i) <= min(cap, budget) for i in items)
        assert ballot.spent == sum(model.values()) <= budget
        assert ballot.left == budget - ballot.spent
        assert ballot.count("t6") == 0
    assert ballot.dots() == {i: n for i, n in model.items() if n}


def test_ballot_refuses_the_dot_over_cap_and_over_budget() -> None:
    ballot = Ballot(["a", "b", "c"], budget=3, cap=2)
    assert ballot.add("a") and ballot.add("a")
    assert not ballot.add("a")  # cap
    assert ballot.add("b")
    assert not ballot.add("c")  # budget
    assert ballot.left == 0
    assert not ballot.remove("c")
    assert ballot.remove("a") and ballot.add("c")
    assert ballot.dots() == {"a": 1, "b": 1, "c": 1}


def test_random_order_is_reproducible_from_a_seed_and_differs_between_voters() -> None:
    items = [f"t{i}" for i in range(10)]
    assert voter_order(items, 42) == voter_order(items, 42)
    assert sorted(voter_order(items, 7)) == items
    first, second = VoterSeeds(1), VoterSeeds(1)
    seeds = [first.next() for _ in range(5)]
    assert seeds == [second.next() for _ in range(5)]
    orders = {tuple(voter_order(items, s)) for s in seeds}
    assert len(orders) > 1


# ------------------------------------------------------------------- checksums


def test_checksums_per_group_count_tallies_tables_and_ballots() -> None:
    groups = (
        TargetGroup("a", "Monteurs", 10),
        TargetGroup("b", "Kantoor", 2),
        TargetGroup("c", "?"),
    )
    tables = (Table("tab", "Tafel 1", target_group_id="b"),)
    votes = (
        vote("t1", 25, "a"),
        vote("t2", 10, "a"),  # a: 35 of 30 handed out -> 5 over
        vote("t1", 3, None, table_id="tab"),  # counts for b via its table
        vote("t2", 2, "b", ballot_id="B1"),
        vote("t3", 1, "b", ballot_id="B1"),
        vote("t3", 9, "a", deleted=True),  # tombstone: not counted
    )
    checks = {
        c.group_id: c
        for c in tally_checks(snapshot(groups=groups, votes=votes, tables=tables, dots=3))
    }
    a, b, c = checks["a"], checks["b"], checks["c"]
    assert (a.handed_out, a.counted, a.over, a.left, a.status) == (30, 35, 5, 0, "over")
    assert (b.handed_out, b.tallied, b.balloted, b.ballots) == (6, 3, 3, 1)
    assert (b.left, b.over, b.status) == (0, 0, "complete")
    assert (c.handed_out, c.left, c.status) == (None, None, "unknown")


def test_tally_cells_by_group_and_by_table() -> None:
    tables = (Table("tab", "Tafel 1", target_group_id="a"),)
    votes = (
        vote("t1", 4, "a"),
        vote("t1", 2, "a", table_id="tab"),
        vote("t1", 1, "a", ballot_id="x"),
    )
    snap = snapshot(groups=(TargetGroup("a", "A", 9),), tables=tables, votes=votes)
    by_group = tally_cells(snap)
    assert [v.dots for v in by_group[("t1", "a")]] == [4]
    assert [v.dots for v in tally_cells(snap, "table")[("t1", "tab")]] == [2]


def test_last_ballot_is_the_last_cast_here_that_still_counts() -> None:
    """The file keeps no order of ballots: "last" is what this laptop cast, in memory."""
    votes = (
        vote("t1", 1, ballot_id="old"),
        vote("t2", 1, ballot_id="new"),
        vote("t3", 2, ballot_id="new"),
        vote("t4", 1, ballot_id="gone", deleted=True),
        vote("t5", 1, ballot_id="imported"),
    )
    snap = snapshot(votes=votes)
    assert {v.item_id for v in last_ballot(snap, ["old", "new"])} == {"t2", "t3"}
    # a voided (tombstoned) ballot is skipped: the one before it is next
    assert {v.item_id for v in last_ballot(snap, ["old", "gone"])} == {"t1"}
    # ballots that were not cast here (imported, or before a restart) are never "last"
    assert last_ballot(snap, []) == []
    assert last_ballot(snapshot(), ["old"]) == []


# --------------------------------------------------------------------- results


def test_results_add_tallies_and_ballots_with_shared_ranks() -> None:
    votes = (
        vote("t1", 5),
        vote("t2", 3),
        vote("t2", 2, ballot_id="b"),
        vote("t3", 4),
        vote("t3", 9, deleted=True),
        vote("t4", 1, ballot_id="b"),
    )
    results = compute_results(snapshot(n_items=5, votes=votes))
    ranked = [(r.item_id, r.total, r.rank) for r in results.ranking]
    assert ranked == [("t1", 5, 1), ("t2", 5, 1), ("t3", 4, 3), ("t4", 1, 4), ("t5", 0, 5)]
    assert results.total_dots == 15
    assert results.ballots == 1


def test_voters_count_ballots_and_the_fewest_people_a_tally_can_come_from() -> None:
    groups = (
        TargetGroup("m", "Monteurs", 24),
        TargetGroup("k", "Kantoor", None),
        TargetGroup("d", "Directie", 3),
        TargetGroup("p", "Ploeg", 12),
    )
    tables = (Table("tab", "Tafel 1", target_group_id="m"),)
    votes = (
        # Monteurs: 9 dots on stickers at 4 per person (at least 3 people) + 2 ballots
        vote("t1", 5, "m"),
        vote("t2", 2, table_id="tab"),
        vote("t3", 2, table_id="tab"),
        vote("t1", 2, "m", ballot_id="b1"),
        vote("t2", 2, "m", ballot_id="b1"),
        vote("t3", 1, "m", ballot_id="b2"),
        # Kantoor (size unknown): 6 ballots count 6
        *(vote("t4", 1, "k", ballot_id=f"k{n}") for n in range(6)),
        # Directie declared 3 but 5 ballots: never more than declared
        *(vote("t5", 1, "d", ballot_id=f"d{n}") for n in range(5)),
        # dots on a deleted item or tombstoned do not count
        vote("t1", 8, "p", deleted=True),
        vote("t1", 1, None, ballot_id="x"),
    )
    snap = snapshot(groups=groups, tables=tables, votes=votes, dots=4)
    assert voters_per_group(snap) == {"m": 5, "k": 6, "d": 3, "p": 0, None: 1}


def test_the_floor_counts_voters_not_declared_participants() -> None:
    """A group of 10 declared with one ballot would show that voter's whole ballot."""
    groups = (TargetGroup("big", "Monteurs", 30), TargetGroup("ten", "Kantoor", 10))
    votes = (
        *(vote("t1", 2, "big", ballot_id=f"b{n}") for n in range(8)),
        vote("t2", 2, "ten", ballot_id="lonely"),
        vote("t3", 1, "ten", ballot_id="lonely"),
    )
    results = compute_results(snapshot(groups=groups, votes=votes, dots=3))
    ten = next(g for g in results.groups if g.group_id == "ten")
    assert ten.suppressed and ten.totals == {}
    # alone it would be total minus Monteurs: Monteurs is hidden with it
    assert results.shown_groups == ()
    assert results.others is not None and results.others.names == ("Kantoor", "Monteurs")
    # with five more voters Kantoor is shown
    more = votes + tuple(vote("t2", 1, "ten", ballot_id=f"k{n}") for n in range(4))
    shown = compute_results(snapshot(groups=groups, votes=more, dots=3)).shown_groups
    assert [g.group_id for g in shown] == ["big", "ten"]


def test_hidden_groups_appear_only_together_in_alphabetical_order() -> None:
    groups = (
        TargetGroup("big", "Monteurs", 40),
        TargetGroup("mid", "Kantoor", 20),
        TargetGroup("z", "Zorg", 4),
        TargetGroup("a", "Afdeling A", 3),
    )
    votes = (
        vote("t1", 20, "big"),
        vote("t1", 12, "mid"),
        vote("t2", 2, "z", ballot_id="z1"),
        vote("t3", 1, "a", ballot_id="a1"),
        vote("t2", 1, None, ballot_id="n1"),
    )
    results = compute_results(snapshot(groups=groups, votes=votes, dots=2, floor=5))
    assert [g.group_id for g in results.shown_groups] == ["big"]
    others = results.others
    assert others is not None
    # Zorg, Afdeling A and the group-less ballot hold 3 voters: Kantoor covers them
    assert others.names == ("Afdeling A", "Kantoor", "Zorg") and others.no_group
    assert dict(others.totals) == {"t1": 12, "t2": 3, "t3": 1, "t4": 0, "t5": 0, "t6": 0}
    assert others.total_dots == results.total_dots - 20
    # what is shown adds up to the total: nothing hides in a difference
    for ranked in results.ranking:
        shown = sum(g.totals.get(ranked.item_id, 0) for g in results.shown_groups)
        assert shown + others.totals[ranked.item_id] == ranked.total


def test_no_others_when_no_group_is_hidden() -> None:
    groups = (TargetGroup("big", "Monteurs", 40),)
    results = compute_results(snapshot(groups=groups, votes=(vote("t1", 20, "big"),), dots=2))
    assert results.others is None and [g.group_id for g in results.shown_groups] == ["big"]


def test_privacy_floor_suppresses_small_and_unknown_groups() -> None:
    groups = (
        TargetGroup("big", "Monteurs", 24),
        TargetGroup("mid", "Kantoor", 20),
        TargetGroup("small", "Directie", 3),
    )
    votes = (
        vote("t1", 20, "big"),
        vote("t3", 12, "mid"),
        vote("t2", 2, "small", ballot_id="s1"),
        vote("t3", 1, None, ballot_id="z"),
    )
    results = compute_results(snapshot(groups=groups, votes=votes, dots=2, floor=5))
    big, mid, small, unknown = results.groups
    assert not big.suppressed and big.cell("t1", 5) == "20"
    assert small.suppressed and small.cell("t2", 5) == "<5" and small.totals == {}
    assert unknown.group_id is None and unknown.suppressed
    assert mid.suppressed  # the cover: Directie and the group-less ballot are 2 voters
    # the overall totals still count every dot
    assert results.total_dots == 35


def test_a_single_small_group_cannot_be_worked_out_from_the_totals() -> None:
    """Only Directie is small: Kantoor (the smallest other group) is hidden with it."""
    groups = (
        TargetGroup("big", "Monteurs", 24),
        TargetGroup("mid", "Kantoor", 9),
        TargetGroup("small", "Directie", 3),
    )
    votes = (vote("t1", 12, "big"), vote("t1", 8, "mid"), vote("t2", 2, "small"))
    results = compute_results(snapshot(groups=groups, votes=votes, floor=5, dots=1))
    shown = {g.group_id: g.suppressed for g in results.groups}
    assert shown == {"big": False, "mid": True, "small": True}
    big = next(g for g in results.groups if g.group_id == "big")
    # what can be derived is Kantoor + Directie together, never Directie alone
    derivable = {
        item: total - big.totals.get(item, 0)
        for item, total in ((r.item_id, r.total) for r in results.ranking)
    }
    assert derivable["t1"] == 8 + 0 and derivable["t2"] == 0 + 2


def test_disagreement_flags_top_for_one_group_and_bottom_third_for_another() -> None:
    groups = (TargetGroup("man", "Leidinggevenden", 8), TargetGroup("emp", "Monteurs", 20))
    votes = (
        vote("t1", 9, "man"),
        vote("t2", 4, "man"),
        vote("t3", 3, "man"),
        vote("t2", 12, "emp"),
        vote("t3", 10, "emp"),
        vote("t4", 8, "emp"),
        vote("t5", 6, "emp"),
        vote("t6", 1, "emp"),
    )
    results = compute_results(snapshot(groups=groups, votes=votes))
    assert [
        (d.item_id, d.high_group_id, d.high_rank, d.low_group_id, d.low_rank)
        for d in results.disagreements
    ] == [("t1", "man", 1, "emp", 6)]


def test_no_disagreement_flag_from_a_group_below_the_floor() -> None:
    groups = (TargetGroup("man", "Directie", 2), TargetGroup("emp", "Monteurs", 20))
    votes = (vote("t1", 4, "man"), *(vote(f"t{i}", 10 - i, "emp") for i in range(2, 7)))
    results = compute_results(snapshot(groups=groups, votes=votes))
    assert results.disagreements == ()
    assert disagreements(results.groups, [f"t{i}" for i in range(1, 3)]) == []


def test_reveal_gate() -> None:
    snap = snapshot(votes=(vote("t1", 1),))
    assert visible_results(snap, {}) is None
    assert visible_results(snap, {run_state.RESULTS_REVEALED: False}) is None
    shown = visible_results(snap, {run_state.RESULTS_REVEALED: True})
    assert shown is not None and shown.ranking[0].item_id == "t1"


def test_results_identical_after_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "stemmen.tafelronde"
    sf = SessionFile.create(path, title="Stemmen")
    group = sf.add(Kind.TARGET_GROUP, TargetGroup(id="g", name="Monteurs", participants=12))
    ids = [sf.add(Kind.THEME, Theme(id=f"th{i}", name=f"Thema {i}")).id for i in range(5)]
    sf.add(Kind.VOTE, Vote(id="tally", item_id=ids[0], dots=7, target_group_id=group.id))
    sf.add(Kind.VOTE, Vote(id="gone", item_id=ids[4], dots=9, target_group_id=group.id))
    sf.delete(Kind.VOTE, "gone")
    for dots in ({ids[1]: 2, ids[2]: 1}, {ids[1]: 1, ids[0]: 2}, {ids[3]: 2}):
        sf.cast_ballot(dots, target_group_id=group.id, budget=3, cap=2)
    before = compute_results(sf.snapshot())
    sf.close()
    again = SessionFile.open(path)
    try:
        after = compute_results(again.snapshot())
    finally:
        again.close()
    assert after == before
    assert [(r.total, r.rank) for r in after.ranking] == [(9, 1), (3, 2), (2, 3), (1, 4), (0, 5)]
    assert after.ballots == 3


def test_a_group_with_0_participants_that_voted_stays_hidden_with_a_cover() -> None:
    groups = (TargetGroup("big", "Monteurs", 20), TargetGroup("new", "Directie", 0))
    votes = (vote("t1", 6, "big"), vote("t1", 3, "new"), vote("t2", 2, "new"))
    results = compute_results(snapshot(groups=groups, votes=votes, floor=5))
    assert {g.group_id: g.suppressed for g in results.groups} == {"big": True, "new": True}
