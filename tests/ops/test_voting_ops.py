"""Voting operations: ballots within the rules, stored once; tallies one record a cell."""

from __future__ import annotations

import pytest

from desktop_app import ops
from desktop_app.core.errors import ValidationError
from desktop_app.core.model import Kind, Vote
from desktop_app.core.voting import tally_cells
from desktop_app.storage.session_file import SessionFile, new_id


def ballots(session: SessionFile) -> set[str]:
    return {v.ballot_id for v in session.snapshot().live_votes() if v.ballot_id}


def test_a_ballot_over_budget_or_cap_is_refused_and_a_retry_is_not_counted_twice(
    demo: SessionFile,
) -> None:
    a, b = (t.id for t in demo.themes()[:2])
    before = ballots(demo)
    with pytest.raises(ValidationError):
        ops.cast_ballot(demo, {a: 3}, target_group_id=None, budget=4, cap=2)
    with pytest.raises(ValidationError):
        ops.cast_ballot(demo, {a: 2, b: 2, "x": 1}, target_group_id=None, budget=4, cap=2)
    assert ballots(demo) == before
    chosen = new_id()
    ops.cast_ballot(demo, {a: 2, b: 1}, target_group_id=None, budget=4, cap=2, ballot_id=chosen)
    ops.cast_ballot(demo, {a: 2, b: 1}, target_group_id=None, budget=4, cap=2, ballot_id=chosen)
    assert ballots(demo) == before | {chosen}
    assert len(demo.history.steps) == 1


def test_a_cell_merged_from_two_laptops_becomes_one_tally(demo: SessionFile) -> None:
    theme, group = demo.themes()[0].id, demo.target_groups()[0].id
    for dots in (2, 3):  # two laptops each typed this cell
        demo.add(Kind.VOTE, Vote(new_id(), theme, dots, target_group_id=group))
    ops.set_tally(demo, theme, group, 6)
    [record] = tally_cells(demo.snapshot())[(theme, group)]
    assert record.dots == 6
    ops.set_tally(demo, theme, group, 6)  # the same again: nothing to do
    assert len(demo.history.steps) == 1


def test_void_last_ballot_with_no_ballot_does_nothing(session_file: SessionFile) -> None:
    assert ops.void_last_ballot(session_file) == 0
    assert not session_file.history.can_undo
