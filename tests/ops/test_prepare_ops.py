"""Preparation operations: what may not go stays, lists keep their order."""

from __future__ import annotations

import pytest

from desktop_app import ops
from desktop_app.core.model import Kind
from desktop_app.storage.session_file import SessionFile


def test_a_table_or_round_with_proposals_stays(demo: SessionFile) -> None:
    proposal = demo.proposals()[0]
    with pytest.raises(ops.OperationError) as caught:
        ops.delete_entity(demo, Kind.TABLE, proposal.table_id)
    assert "Deze tafel heeft al voorstellen" in caught.value.message("nl")
    with pytest.raises(ops.OperationError):
        ops.delete_entity(demo, Kind.ROUND, proposal.round_id)
    assert not demo.history.can_undo


def test_rounds_swap_numbers_and_votes_have_no_order(demo: SessionFile) -> None:
    first, second, third = demo.rounds()
    ops.reorder(demo, Kind.ROUND, [second.id, first.id, third.id])
    assert [(r.id, r.number) for r in demo.rounds()] == [
        (second.id, first.number),
        (first.id, second.number),
        (third.id, third.number),
    ]
    with pytest.raises(ops.OperationError):
        ops.reorder(demo, Kind.VOTE, [v.id for v in demo.snapshot().votes])


def test_unchanged_fields_are_no_step(demo: SessionFile) -> None:
    info = demo.session()
    ops.edit_session(demo, title=info.title)
    table = demo.tables()[0]
    ops.edit_entity(demo, Kind.TABLE, table.id, name=table.name)
    ops.reorder(demo, Kind.TABLE, [t.id for t in demo.tables()])
    ops.set_privacy_floor(demo, 5)  # the default
    assert not demo.history.can_undo
